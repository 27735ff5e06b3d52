/** Where the emulator "delivers" verification codes and links, for tests and the playground to read. */
import { newId } from './ids.js';

export type OutboxChannel = 'email' | 'sms';
export type OutboxPurpose = 'sign_in' | 'second_factor' | 'sign_up' | 'reset_password' | 'verification' | 'organization_invitation';

export interface OutboxMessage {
  id: string;
  to: string;
  channel: OutboxChannel;
  purpose: OutboxPurpose;
  code?: string;
  link?: string;
  /** Human-readable text, as the email or SMS would say it. */
  text: string;
  createdAt: number;
}

export interface OutboxView {
  list(): OutboxMessage[];
  latest(to?: string): OutboxMessage | undefined;
  clear(): void;
}

function sameRecipient(a: string, b: string): boolean {
  if (a.includes('@') || b.includes('@')) return a.toLowerCase() === b.toLowerCase();
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}

export class Outbox implements OutboxView {
  private messages: OutboxMessage[] = [];

  /** `text` defaults to the code or link sentence; notices (invitations) give their own. */
  deliver(message: Omit<OutboxMessage, 'id' | 'text'> & { text?: string }): OutboxMessage {
    const what = message.text ?? (message.code ? `Your verification code is ${message.code}` : `Open this link to continue: ${message.link}`);
    const stored: OutboxMessage = { id: newId('msg'), ...message, text: what };
    this.messages.push(stored);
    return stored;
  }

  list(): OutboxMessage[] {
    return [...this.messages];
  }

  latest(to?: string): OutboxMessage | undefined {
    const matching = to === undefined ? this.messages : this.messages.filter((m) => sameRecipient(m.to, to));
    return matching[matching.length - 1];
  }

  clear(): void {
    this.messages = [];
  }

  /** Replaces the messages with saved ones (a restored snapshot). */
  load(messages: OutboxMessage[]): void {
    this.messages = [...messages];
  }
}
