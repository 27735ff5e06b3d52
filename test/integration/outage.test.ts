// @vitest-environment happy-dom
/**
 * The Frontend API down or misbehaving during page load: the session cookie keeps the user signed in
 * (as ClerkJS's createClientFromJwt does), cookies are left alone, and the next successful GET
 * /v1/client replaces the provisional state. Also 429 on load, request timeouts and lost responses.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, createClerk, definePlugin, isClerkRuntimeError, type KernelInternals } from '../../kernel/index.js';
import { cookieSuffix, readCookie } from '../../kernel/dev-browser.js';
import type { FaultRule } from '../../emulator/http/faults.js';
import { sessionSyncPlugin } from '../../plugins/session-sync/index.js';
import { PASSWORD, USERS, resetBrowser, signIn } from '../helpers/tabs.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator({ seed: { users: USERS } });
const GET_CLIENT = /^\/v1\/client$/;
const tabs: Array<{ destroy(): void }> = [];
let kernel: KernelInternals;
const kernelAccess = () =>
  definePlugin({
    name: 'kernel-access',
    setup(ctx) {
      kernel = ctx.kernel;
      return {};
    },
  });

function newTab(options: { requestTimeout?: number } = {}) {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [kernelAccess(), sessionSyncPlugin()], ...options });
  tabs.push(clerk);
  return clerk;
}

/** Signs Ada in on a first tab (session-sync writes the cookies), then closes it. */
async function signedInBrowser() {
  const first = newTab();
  await first.load();
  const sessionId = await signIn(first, USERS[0].emailAddress);
  const userId = first.user!.id;
  first.destroy();
  const suffix = await cookieSuffix(emulator.publishableKey);
  const cookies = { session: readCookie(`__session_${suffix}`), clientUat: readCookie('__client_uat') };
  expect(cookies.session).toMatch(/^ey/);
  expect(Number(cookies.clientUat)).toBeGreaterThan(0);
  return { sessionId, userId, suffix, cookies };
}

beforeEach(() => {
  resetBrowser(emulator);
  // Each degraded load warns once; the tests assert the state instead.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('an outage on load keeps the user signed in from the session cookie', () => {
  it.each<[string, FaultRule, string]>([
    ['503', { status: 503 }, 'ClerkAPIResponseError'],
    ['a malformed body', { malformed: true }, 'malformed_response'],
    ['an HTML page', { html: true }, 'malformed_response'],
    ['a dropped connection', { drop: true }, 'network_error'],
    ['a body cut off mid-stream', { truncate: true }, 'network_error'],
  ])('GET /v1/client failing with %s', async (_, fault, expected) => {
    const { sessionId, userId, suffix, cookies } = await signedInBrowser();
    // A value no write of "now" could produce, so any __client_uat write shows.
    cookies.clientUat = '1000000000';
    document.cookie = `__client_uat=${cookies.clientUat}; path=/`;
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, ...fault });
    const clerk = newTab();
    await clerk.load();
    expect(clerk.status).toBe('degraded');
    const error = clerk.loadError;
    expect(error instanceof ClerkAPIResponseError ? 'ClerkAPIResponseError' : isClerkRuntimeError(error) && error.code).toBe(expected);
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.session?.id).toBe(sessionId);
    expect(clerk.user?.id).toBe(userId);
    expect(clerk.user).toBe(clerk.session!.user);
    expect(kernel.clientUnconfirmed).toBe(true);
    // The token the cookie holds is served while it is valid.
    expect(await clerk.session!.getToken()).toBe(cookies.session);
    // The server keeps seeing a signed-in browser.
    expect(readCookie(`__session_${suffix}`)).toBe(cookies.session);
    expect(readCookie('__client_uat')).toBe(cookies.clientUat);
  });

  it('a request timeout on GET /v1/client degrades within requestTimeout', async () => {
    const { sessionId } = await signedInBrowser();
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, latencyMs: 5_000, times: 1 });
    const clerk = newTab({ requestTimeout: 200 });
    const started = Date.now();
    await clerk.load();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(clerk.status).toBe('degraded');
    expect(clerk.loadError).toMatchObject({ code: 'request_timeout' });
    expect(clerk.session?.id).toBe(sessionId);
  });

  it('reconciles: the next GET /v1/client that succeeds replaces the provisional state, then status is ready', async () => {
    const { sessionId } = await signedInBrowser();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status: 503, times: 2 });
    const clerk = newTab();
    const statuses: string[] = [];
    clerk.on('status', (s) => statuses.push(s));
    await clerk.load();
    expect(clerk.client!.id).toBe('client_init');
    // First retry after 5 s fails too (the second 503); the next one, 10 s later, succeeds.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clerk.status).toBe('degraded');
    expect(kernel.clientUnconfirmed).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clerk.status).toBe('ready');
    expect(statuses).toEqual(['degraded', 'ready']);
    expect(clerk.loadError).toBeNull();
    expect(kernel.clientUnconfirmed).toBe(false);
    expect(clerk.client!.id).toMatch(/^client_/);
    expect(clerk.client!.id).not.toBe('client_init');
    expect(clerk.session?.id).toBe(sessionId);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(USERS[0].emailAddress);
  });

  it('reconciling with a server that ended the session signs the tab out then, and only then clears the cookies', async () => {
    const { suffix } = await signedInBrowser();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status: 503, times: 1 });
    const clerk = newTab();
    await clerk.load();
    expect(clerk.isSignedIn).toBe(true);
    emulator.reset(); // the server forgot this client: its answer is "signed out"
    await vi.advanceTimersByTimeAsync(5_000);
    // The answer takes a dev-browser renewal (the server forgot it too).
    await vi.waitFor(() => expect(clerk.status).toBe('ready'));
    expect(clerk.session).toBeNull();
    expect(readCookie(`__session_${suffix}`)).toBeUndefined();
    expect(readCookie('__client_uat')).toBe('0');
  });

  it.each([
    ['expired', (jwt: string) => ({ jwt, advanceMs: 2 * 3600_000 })],
    ['of another instance', (jwt: string) => ({ jwt: forgeIssuer(jwt, 'https://other.accounts.dev'), advanceMs: 0 })],
    ['not a JWT', () => ({ jwt: 'not-a-token', advanceMs: 0 })],
  ])('a session cookie %s proves nothing: signed out, degraded, cookies untouched', async (_, make) => {
    const { suffix, cookies } = await signedInBrowser();
    const { jwt, advanceMs } = make(cookies.session!);
    document.cookie = `__session_${suffix}=${jwt}; path=/`;
    document.cookie = `__session=${jwt}; path=/`;
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + advanceMs);
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status: 500 });
    const clerk = newTab();
    await clerk.load();
    expect(clerk.status).toBe('degraded');
    expect(clerk.session).toBeNull();
    expect(readCookie(`__session_${suffix}`)).toBe(jwt);
    expect(readCookie('__client_uat')).toBe(cookies.clientUat);
  });
});

/** The token with its `iss` claim replaced (the signature no longer matches; only claims are read here). */
function forgeIssuer(jwt: string, iss: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  const encoded = btoa(JSON.stringify({ ...claims, iss }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  return `${header}.${encoded}.${signature}`;
}

describe('429 on load', () => {
  it('retries after a short Retry-After and loads normally', async () => {
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    emulator.clearRequests();
    const clerk = newTab();
    const started = Date.now();
    await clerk.load();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(clerk.status).toBe('ready');
    expect(clerk.loadError).toBeNull();
    expect(emulator.requests.filter((r) => r.method === 'GET' && GET_CLIENT.test(r.path))).toHaveLength(2);
  });

  it('past the bound (Retry-After too long), degrades like a 5xx instead of failing', async () => {
    const { sessionId } = await signedInBrowser();
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status: 429, headers: { 'Retry-After': '120' }, times: 1 });
    const clerk = newTab();
    await clerk.load();
    expect(clerk.status).toBe('degraded');
    expect(clerk.loadError).toMatchObject({ status: 429, retryAfter: 120 });
    expect(clerk.session?.id).toBe(sessionId);
  });
});

describe('a mutation whose response is lost', () => {
  it('a sign-in that completed on the server is visible after the rejection', async () => {
    const clerk = newTab();
    await clerk.load();
    emulator.faults.add({ method: 'POST', path: '/v1/client/sign_ins', dropResponse: true, times: 1 });
    const error = await clerk.client!.signIn.create({ identifier: USERS[0].emailAddress, password: PASSWORD }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_error' });
    expect(clerk.client!.signedInSessions).toHaveLength(1);
    expect(clerk.client!.lastActiveSessionId).toBe(clerk.client!.signedInSessions[0].id);
  });

  it('an applied user.update is shown', async () => {
    const clerk = newTab();
    await clerk.load();
    await signIn(clerk, USERS[0].emailAddress);
    emulator.faults.add({ method: 'PATCH', path: '/v1/me', dropResponse: true, times: 1 });
    const error = await clerk.user!.update({ firstName: 'Augusta' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_error' });
    expect(clerk.user?.firstName).toBe('Augusta');
  });
});

describe('requestTimeout option', () => {
  it.each([0, -5, Number.NaN, Infinity, '15000'])('rejects %s with a coded error naming the option', (value) => {
    expect(() => createClerk({ publishableKey: emulator.publishableKey, requestTimeout: value as number })).toThrow(
      expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/"requestTimeout": expected a positive number of milliseconds/) }),
    );
  });
});
