import mitt, { type Handler } from 'mitt';
import type { Client, SignedInSession } from './resources/client.js';
import type { Organization } from './resources/organization.js';
import type { User } from './resources/user.js';

export type Status = 'loading' | 'ready' | 'degraded' | 'error';

/**
 * What listeners receive. `session`/`user`/`organization` are `null` when signed out and `undefined`
 * while a session switch is in flight; when a session is active, `user === session.user`.
 */
export interface Resources {
  client: Client;
  session: SignedInSession | null | undefined;
  user: User | null | undefined;
  organization: Organization | null | undefined;
}

/**
 * Every event on the bus, by name. Plugins add theirs by declaration merging
 * (`declare module 'microclerk' { interface KernelEvents { 'myplugin:thing': Payload } }`), named `plugin:verb`;
 * the kernel declares only its own.
 */
export interface KernelEvents {
  status: Status;
  resources: Resources;
  /** The current session's default token changed (null: signed out or no token). */
  'session:token': { sessionId: string | null; jwt: string | null };
  /** A client JSON from this tab's FAPI responses was applied (null: no client); what a plugin may share with other tabs. Read-only: the kernel compares the next client with it. */
  client: { json: Record<string, unknown> | null };
}

/** mitt needs a mapped type, not an interface (mitt issue 209). */
type EventMap = { [K in keyof KernelEvents]: KernelEvents[K] };

export type EventName = keyof KernelEvents;
export type EventHandler<E extends EventName> = (payload: KernelEvents[E]) => void;

export interface EventBus {
  on<E extends EventName>(event: E, handler: EventHandler<E>): () => void;
  off<E extends EventName>(event: E, handler: EventHandler<E>): void;
  emit<E extends EventName>(event: E, payload: KernelEvents[E]): void;
}

export function createEventBus(): EventBus & { clear(): void } {
  const bus = mitt<EventMap>();
  return {
    on(event, handler) {
      bus.on(event, handler as Handler<EventMap[typeof event]>);
      return () => bus.off(event, handler as Handler<EventMap[typeof event]>);
    },
    off: (event, handler) => bus.off(event, handler as Handler<EventMap[typeof event]>),
    emit(event, payload) {
      // One failing listener must not stop the others or the kernel.
      for (const handler of [...(bus.all.get(event) ?? [])]) {
        try {
          (handler as (p: unknown) => void)(payload);
        } catch (err) {
          console.error(`[microclerk] a "${String(event)}" listener threw:`, err);
        }
      }
    },
    clear: () => bus.all.clear(),
  };
}
