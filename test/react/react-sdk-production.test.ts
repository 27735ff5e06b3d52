// @vitest-environment happy-dom
/**
 * The React SDK on a production instance: until `loaded`, exactly one round trip to FAPI
 * (environment + client in parallel), and no script fetched — `<ClerkProvider Clerk={clerk}>` must not
 * hot-load clerk-js. Production identifies the client by its HttpOnly `__client` cookie. msw drops
 * `Set-Cookie` from mocked responses, so this file runs the emulator as a real HTTP server and puts the
 * page on its origin: happy-dom's fetch keeps the first-party cookie as a browser would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { ClerkLoaded, Show, useUser } from '@clerk/react';
import { startEmulator, type RequestLogEntry, type RunningEmulator } from '../../emulator/index.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const LATENCY_MS = 60;
let running: RunningEmulator;
let emulator: RunningEmulator['emulator'];
const pageUrl = typeof window !== 'undefined' ? window.location.href : '';

beforeAll(async () => {
  running = await startEmulator({ instanceType: 'production', seed: { users: [{ emailAddress: EMAIL, password: PASSWORD }] } });
  emulator = running.emulator;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${running.url}/app`);
});
afterAll(async () => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(pageUrl);
  await running?.close();
});

const newClerk = () => createReactTestClerk(running.publishableKey, running.proxyUrl);

const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.updateSettings({ latencyMs: 0 });
});

function Email() {
  const { user } = useUser();
  return h('p', { id: 'email' }, user?.primaryEmailAddress?.emailAddress ?? '-');
}

function App() {
  return h(
    ClerkLoaded,
    null,
    h(Show, { when: 'signed-out', children: h('p', { id: 'signed-out' }, 'Please sign in') }),
    h(Show, { when: 'signed-in', children: h('p', { id: 'signed-in' }, 'Welcome back') }),
    h(Email),
  );
}

/** Renders the app on a new instance and returns the FAPI requests made before it was ready. */
async function renderAndCountRequests() {
  const clerk = newClerk();
  instances.push(clerk);
  emulator.clearRequests();
  let beforeReady: RequestLogEntry[] | undefined;
  clerk.on('status', (status) => {
    if (status === 'ready') beforeReady = [...emulator.requests];
  });
  const view = renderWithClerk(clerk, h(App));
  rendered.push(view);
  await waitFor(() => expect(clerk.loaded).toBe(true));
  await waitFor(() => expect(view.container.querySelector('#email')).not.toBeNull());
  return { clerk, view, beforeReady: beforeReady! };
}

const describeRequests = (log: RequestLogEntry[]) => log.map((r) => `${r.method} ${r.path}`).sort();

describe('React SDK on a production instance', () => {
  it('a new visitor: environment + client in one round trip, no script, signed-out content', async () => {
    emulator.updateSettings({ latencyMs: LATENCY_MS });
    const { view, beforeReady } = await renderAndCountRequests();
    expect(describeRequests(beforeReady)).toEqual(['GET /v1/client', 'GET /v1/environment']);
    // In parallel: the second request left before the first one's answer could have arrived.
    expect(Math.abs(beforeReady[0].at - beforeReady[1].at)).toBeLessThan(LATENCY_MS);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(view.container.querySelector('#signed-out')?.textContent).toBe('Please sign in');
  });

  it('a returning signed-in visitor is recognised by cookie, still in one round trip', async () => {
    const first = newClerk();
    instances.push(first);
    await first.load();
    const signIn = await first.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await first.setActive({ session: signIn.createdSessionId });
    // The HttpOnly __client cookie is invisible here; its companion __client_uat is not.
    expect(document.cookie).toMatch(/__client_uat=[1-9]/);
    first.destroy();

    const { view, beforeReady, clerk } = await renderAndCountRequests();
    expect(describeRequests(beforeReady)).toEqual(['GET /v1/client', 'GET /v1/environment']);
    expect(view.container.querySelector('#signed-in')?.textContent).toBe('Welcome back');
    expect(view.container.querySelector('#email')?.textContent).toBe(EMAIL);
    expect(clerk.session?.id).toBe(signIn.createdSessionId);
  });
});
