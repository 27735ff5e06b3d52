// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, createClerk, type Resources } from '../../kernel/index.js';
import { APP_ORIGIN, PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { USERS, openTab, requestsMatching, resetBrowser, signIn } from '../../test/helpers/tabs.js';
import { memoryNavigation, navigationPlugin } from '../navigation/index.js';
import { signOutPlugin } from './index.js';

const emulator = useEmulator({ seed: { users: USERS } });
const [ada, grace] = USERS.map((u) => u.emailAddress);
const DELETE_SESSIONS = /^\/v1\/client\/sessions$/;
const REMOVE = /^\/v1\/client\/sessions\/[^/]+\/remove$/;

/** Where the tabs' navigation plugins went (path, search and hash), all tabs together. */
let visited: string[] = [];
const tabs: Array<{ destroy(): void }> = [];
async function tab(loadOptions: Record<string, unknown> = {}) {
  const clerk = await openTab(emulator, [memoryNavigation(`${APP_ORIGIN}/`), signOutPlugin()], loadOptions);
  clerk.on('navigation:navigate', ({ url }) => {
    const { pathname, search, hash } = new URL(url);
    visited.push(pathname + search + hash);
  });
  tabs.push(clerk);
  return clerk;
}

/** A tab with the kernel only (no sign-out plugin): its requests end sessions without telling anyone. */
async function createPlainTab() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  tabs.push(clerk);
  await clerk.load();
  return clerk;
}

/** What addListener listeners saw, as session ids (undefined = in transition, null = signed out). */
function watch(clerk: { addListener(l: (r: Resources) => void): () => void }) {
  const seen: Array<string | null | undefined> = [];
  clerk.addListener(({ session }) => seen.push(session === undefined ? undefined : (session?.id ?? null)));
  seen.length = 0;
  return seen;
}

beforeEach(() => {
  resetBrowser(emulator);
  emulator.updateSettings({ singleSession: false });
  visited = [];
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
});

describe('signOut()', () => {
  it('ends every session with one DELETE /v1/client/sessions, in ClerkJS’s order, then goes to /', async () => {
    const clerk = await tab();
    await signIn(clerk, grace);
    const adaSession = await signIn(clerk, ada);
    expect(clerk.client!.signedInSessions).toHaveLength(2);
    const order: string[] = [];
    clerk.addListener(({ session }) => order.push(`resources:${session === undefined ? 'undefined' : (session?.id ?? 'null')}`));
    clerk.on('session:token', ({ jwt }) => order.push(`token:${jwt ? 'jwt' : 'null'}`));
    clerk.on('session:signed-out', ({ sessionId }) => order.push(`signed-out:${sessionId}`));
    const held = clerk.session!;
    emulator.clearRequests();
    order.length = 0;

    const done = clerk.signOut();
    expect(clerk.session).toBeUndefined();
    await done;

    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/client/sessions']);
    expect(clerk.session).toBeNull();
    expect(clerk.user).toBeNull();
    expect(clerk.isSignedIn).toBe(false);
    expect(clerk.client!.signedInSessions).toHaveLength(0);
    expect(order).toEqual(['resources:undefined', 'resources:null', 'token:null', `signed-out:${adaSession}`]);
    expect(visited).toEqual(['/']);
    // The token cache was cleared: an old session object gets no cached token, FAPI says it is signed out.
    await expect(held.getToken()).rejects.toMatchObject({ status: 401 });
  });

  it('signOut(callback) runs the callback instead of navigating', async () => {
    const clerk = await tab({ afterSignOutUrl: '/goodbye' });
    await signIn(clerk, ada);
    const callback = vi.fn(() => {
      expect(clerk.session).toBeNull();
    });
    await clerk.signOut(callback);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(visited).toEqual([]);
  });

  it('goes to redirectUrl, else afterSignOutUrl', async () => {
    const clerk = await tab({ afterSignOutUrl: '/goodbye' });
    await signIn(clerk, ada);
    await clerk.signOut();
    await signIn(clerk, ada);
    await clerk.signOut({ redirectUrl: '/see-you' });
    expect(visited).toEqual(['/goodbye', '/see-you']);
  });

  it('navigates through the navigation plugin (custom router), which refuses unsafe URLs', async () => {
    const routerPush = vi.fn();
    const clerk = await openTab(emulator, [navigationPlugin(), signOutPlugin()], { routerPush, afterSignOutUrl: '/bye' });
    tabs.push(clerk);
    await signIn(clerk, ada);
    await clerk.signOut();
    await signIn(clerk, ada);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await clerk.signOut({ redirectUrl: 'javascript:alert(1)' });
    expect(routerPush.mock.calls.map((c) => c[0])).toEqual(['/bye', '/']);
    expect(clerk.session).toBeNull();
  });

  it('rejects an afterSignOutUrl that is not a string', async () => {
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigationPlugin(), signOutPlugin()] });
    await expect(clerk.load({ afterSignOutUrl: 42 } as never)).rejects.toThrow(/"afterSignOutUrl": expected a/);
  });

  it('does nothing when nobody is signed in', async () => {
    const clerk = await tab();
    emulator.clearRequests();
    const callback = vi.fn();
    await clerk.signOut(callback);
    expect(emulator.requests).toEqual([]);
    expect(callback).not.toHaveBeenCalled();
  });

  it('throws before load', async () => {
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigationPlugin(), signOutPlugin()] });
    await expect(clerk.signOut()).rejects.toMatchObject({ code: 'not_loaded' });
  });
});

describe('signOut({ sessionId })', () => {
  it('removes another session with POST …/remove and leaves this tab alone', async () => {
    const clerk = await tab();
    const graceSession = await signIn(clerk, grace);
    const adaSession = await signIn(clerk, ada);
    const seen = watch(clerk);
    emulator.clearRequests();
    const callback = vi.fn();
    await clerk.signOut(callback, { sessionId: graceSession });
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/client/sessions/${graceSession}/remove`]);
    expect(clerk.session?.id).toBe(adaSession);
    expect(clerk.client!.signedInSessions.map((s) => s.id)).toEqual([adaSession]);
    expect(seen).not.toContain(undefined);
    expect(seen).not.toContain(null);
    expect(callback).not.toHaveBeenCalled();
    expect(visited).toEqual([]);
  });

  it('removes this tab’s session: state cleared, redirect run, the other session stays signed in', async () => {
    const clerk = await tab();
    const graceSession = await signIn(clerk, grace);
    const adaSession = await signIn(clerk, ada);
    const seen = watch(clerk);
    const signedInWhenNull: string[][] = [];
    clerk.addListener(({ session, client }) => session === null && signedInWhenNull.push(client.signedInSessions.map((s) => s.id)));
    emulator.clearRequests();
    await clerk.signOut({ sessionId: adaSession, redirectUrl: '/choose' });
    // Listeners that see the signed-out state see the client without the removed session.
    expect(signedInWhenNull).toEqual([[graceSession]]);
    expect(requestsMatching(emulator, 'POST', REMOVE)).toHaveLength(1);
    expect(requestsMatching(emulator, 'DELETE', DELETE_SESSIONS)).toHaveLength(0);
    expect(clerk.session).toBeNull();
    expect(seen).toEqual([undefined, null]);
    expect(clerk.client!.signedInSessions.map((s) => s.id)).toEqual([graceSession]);
    expect(visited).toEqual(['/choose']);
  });

  it('is the full sign-out when it names the only signed-in session (two-argument form)', async () => {
    const clerk = await tab();
    const adaSession = await signIn(clerk, ada);
    emulator.clearRequests();
    const callback = vi.fn();
    await clerk.signOut(callback, { sessionId: adaSession });
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/client/sessions']);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(clerk.session).toBeNull();
  });

  it('does nothing for a session that is not signed in', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    emulator.clearRequests();
    await clerk.signOut({ sessionId: 'sess_unknown' });
    expect(emulator.requests).toEqual([]);
    expect(clerk.isSignedIn).toBe(true);
  });
});

describe('signOutOne() (legacy)', () => {
  it('removes only the current session in multi-session mode', async () => {
    const clerk = await tab();
    const graceSession = await signIn(clerk, grace);
    await signIn(clerk, ada);
    emulator.clearRequests();
    const callback = vi.fn();
    await clerk.signOutOne(callback);
    expect(requestsMatching(emulator, 'POST', REMOVE)).toHaveLength(1);
    expect(clerk.session).toBeNull();
    expect(clerk.client!.signedInSessions.map((s) => s.id)).toEqual([graceSession]);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('signs everything out in single-session mode', async () => {
    emulator.updateSettings({ singleSession: true });
    const clerk = await tab();
    await signIn(clerk, ada);
    expect(clerk.environment!.isSingleSession()).toBe(true);
    emulator.clearRequests();
    await clerk.signOutOne();
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/client/sessions']);
    expect(clerk.session).toBeNull();
    expect(visited).toEqual(['/']);
  });

  it('does nothing when this tab has no session', async () => {
    const clerk = await tab();
    emulator.clearRequests();
    await clerk.signOutOne();
    expect(emulator.requests).toEqual([]);
  });
});

describe('errors', () => {
  it('a FAPI error rejects with the ClerkAPIResponseError and leaves the state on the still signed-in session', async () => {
    const clerk = await tab();
    const sessionId = await signIn(clerk, ada);
    const seen = watch(clerk);
    const signedOut = vi.fn();
    clerk.on('session:signed-out', signedOut);
    emulator.faults.add({ method: 'DELETE', path: '/v1/client/sessions', status: 500, times: 1 });

    const error = await clerk.signOut().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkAPIResponseError);
    expect((error as ClerkAPIResponseError).status).toBe(500);
    expect(clerk.session?.id).toBe(sessionId);
    expect(clerk.user).toBe(clerk.session!.user);
    expect(seen).toEqual([undefined, sessionId]);
    expect(signedOut).not.toHaveBeenCalled();
    expect(visited).toEqual([]);
    // The tab still works: the token is served and a retry signs out.
    expect(await clerk.session!.getToken()).toBeTruthy();
    await clerk.signOut();
    expect(clerk.session).toBeNull();
  });
});

describe('other tabs', () => {
  it('hear the sign-out, apply the client it sends without a request, and end up signed out without navigating', async () => {
    const first = await tab();
    const sessionId = await signIn(first, ada);
    const second = await tab();
    expect(second.session?.id).toBe(sessionId);
    const signedOut = vi.fn();
    second.on('session:signed-out', signedOut);
    const tokens: Array<string | null> = [];
    second.on('session:token', ({ jwt }) => tokens.push(jwt));
    emulator.clearRequests();

    await first.signOut(() => {});
    await vi.waitFor(() => expect(second.session).toBeNull());
    expect(second.user).toBeNull();
    expect(signedOut).toHaveBeenCalledWith({ sessionId });
    expect(tokens).toEqual([null]);
    await new Promise((r) => setTimeout(r, 50));
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/client/sessions']);
    expect(visited).toEqual([]);
  });

  it('hear a sign-out message without a client (a ClerkJS tab), re-read the client once and end up signed out', async () => {
    const first = await tab();
    const sessionId = await signIn(first, ada);
    const second = await tab();
    first.destroy();
    const signedOut = vi.fn();
    second.on('session:signed-out', signedOut);
    // The sessions end elsewhere; only ClerkJS's bare message arrives.
    await createPlainTab().then((plain) => plain.client!.removeSessions());
    emulator.clearRequests();
    const clerkJsTab = new BroadcastChannel('clerk');
    try {
      clerkJsTab.postMessage({ type: 'signout' });
      await vi.waitFor(() => expect(second.session).toBeNull());
    } finally {
      clerkJsTab.close();
    }
    expect(signedOut).toHaveBeenCalledWith({ sessionId });
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/client']);
  });

  it('keep their own session when another tab removes a different one', async () => {
    const first = await tab();
    const graceSession = await signIn(first, grace);
    const adaSession = await signIn(first, ada);
    const second = await tab({ selectInitialSession: (client: { sessions: Array<{ id: string }> }) => client.sessions.find((s) => s.id === graceSession) });
    expect(second.session?.id).toBe(graceSession);
    emulator.clearRequests();
    await first.signOut({ sessionId: adaSession });
    await vi.waitFor(() => expect(second.client!.signedInSessions).toHaveLength(1));
    expect(second.session?.id).toBe(graceSession);
    expect(requestsMatching(emulator, 'GET', /^\/v1\/client$/)).toHaveLength(0);
  });
});
