// EmailAddress.createEmailLinkFlow against the emulator: the link from the outbox verifies the address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeadlessClerk, type HeadlessClerk } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

let skew = 0;
const ADA = { emailAddress: 'ada@example.com', password: 'correct-horse-battery' };
const emulator = useEmulator({ seed: { users: [ADA] }, now: () => Date.now() + skew });
const REDIRECT = 'http://localhost:3000/user#/verified';
let clerk: HeadlessClerk;

/** Ada, signed in, with a new unverified address. */
async function newAddress(email = 'ada.work@example.com') {
  clerk = createHeadlessClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: ADA.emailAddress, password: ADA.password });
  await clerk.setActive({ session: signIn.createdSessionId });
  const address = await clerk.user!.createEmailAddress({ email });
  expect(address.verification.status).not.toBe('verified');
  return address;
}

const pollsOf = (id: string) => emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/me/email_addresses/${id}`)).length;

async function open(link: string) {
  const response = await emulator.handle(new Request(link, { redirect: 'manual' }));
  return new URL(response.headers.get('location')!);
}

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
  skew = 0;
});
afterEach(() => clerk?.destroy());

describe('emailAddress.createEmailLinkFlow()', () => {
  it('sends a link with the redirect URL, waits, and resolves with the verified address once the link is opened', async () => {
    const address = await newAddress();
    const { startEmailLinkFlow } = address.createEmailLinkFlow();
    let settled = false;
    const done = startEmailLinkFlow({ redirectUrl: REDIRECT }).finally(() => (settled = true));
    const link = await waitForLink('ada.work@example.com');
    expect(emulator.requests.some((r) => r.method === 'POST' && r.path.endsWith(`/me/email_addresses/${address.id}/prepare_verification`))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    const landing = await open(link);
    expect(landing.searchParams.get('__clerk_status')).toBe('verified');
    expect(landing.origin + landing.pathname + landing.hash).toBe(REDIRECT);
    const result = await done;
    expect(result).toBe(address);
    expect(result.verification.status).toBe('verified');
    expect(pollsOf(address.id)).toBeGreaterThan(0);
  });

  it('resolves with an expired verification when the link is opened too late', async () => {
    const address = await newAddress();
    const done = address.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl: REDIRECT });
    const link = await waitForLink('ada.work@example.com');
    skew = 11 * 60 * 1000;
    expect((await open(link)).searchParams.get('__clerk_status')).toBe('expired');
    expect((await done).verification.status).toBe('expired');
  });

  it('cancelEmailLinkFlow() stops polling: no more reads, the address stays unverified', async () => {
    const address = await newAddress();
    const { startEmailLinkFlow, cancelEmailLinkFlow } = address.createEmailLinkFlow();
    const done = startEmailLinkFlow({ redirectUrl: REDIRECT });
    const link = await waitForLink('ada.work@example.com');
    cancelEmailLinkFlow();
    await open(link);
    const result = await done;
    const polls = pollsOf(address.id);
    await new Promise((r) => setTimeout(r, 2300));
    expect(pollsOf(address.id)).toBe(polls);
    // Cancelled before it saw the opened link.
    expect(result.verification.status).toBe('unverified');
  });
});

async function waitForLink(to: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const link = emulator.outbox.latest(to)?.link;
    if (link) return link;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no link sent to ${to}`);
}
