// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, definePlugin } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { pollingPlugin } from './index.js';
import { REFRESH_LEAD_MS } from './polling.js';
import { TOKEN_REQUEST, USERS, fakeLocks, fakePage, openTab, requestsMatching, resetBrowser, signIn } from '../../test/helpers/tabs.js';

const emulator = useEmulator({ seed: { users: USERS }, now: () => Date.now() });
const [ada, grace] = USERS.map((u) => u.emailAddress);
const TOUCH = /^\/v1\/client\/sessions\/[^/]+\/touch$/;

const tabs: Array<{ destroy(): void }> = [];
async function tab(page = fakePage(true), loadOptions: Record<string, unknown> = {}, locks: ReturnType<typeof fakeLocks> | null = fakeLocks()) {
  const clerk = await openTab(emulator, [pollingPlugin({ environment: { ...page.environment, locks, BroadcastChannel } })], loadOptions);
  tabs.push(clerk);
  return clerk;
}
const settle = () => vi.advanceTimersByTimeAsync(0);
/** Cross-tab messages and their follow-up requests need real event-loop turns. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 2_000, interval: 5 });
const tokenRequests = () => requestsMatching(emulator, 'POST', TOKEN_REQUEST).length;
const expiryOf = (clerk: { session: any }) => clerk.session!.lastActiveToken!.jwt!.claims.exp * 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  resetBrowser(emulator);
  emulator.updateSettings({ singleSession: false });
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.useRealTimers();
});

describe('refresh schedule', () => {
  it('fetches one token REFRESH_LEAD_MS (7 s) before the current one expires, and publishes it as session:token', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const first = clerk.session!.lastActiveToken!.getRawString();
    const events: string[] = [];
    clerk.on('session:token', ({ jwt }) => jwt && events.push(jwt));
    emulator.clearRequests();

    await vi.advanceTimersByTimeAsync(expiryOf(clerk) - Date.now() - REFRESH_LEAD_MS - 1);
    expect(tokenRequests()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(tokenRequests()).toBe(1);
    const second = clerk.session!.lastActiveToken!.getRawString();
    expect(second).not.toBe(first);
    expect(events).toEqual([second]);
    // The cache serves it: getToken makes no request.
    expect(await clerk.session!.getToken()).toBe(second);
    expect(tokenRequests()).toBe(1);
  });

  it('with polling: false schedules no timer and makes no background request', async () => {
    const clerk = await tab(fakePage(true), { polling: false });
    await signIn(clerk, ada);
    emulator.clearRequests();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(emulator.requests).toHaveLength(0);
  });

  it('rejects a non-boolean polling option', async () => {
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [pollingPlugin()] });
    await expect(clerk.load({ polling: 'yes' } as never)).rejects.toThrow(/"polling": expected a boolean/);
  });

  it('destroy() removes its timers and listeners', async () => {
    const page = fakePage(true);
    const clerk = await openTab(emulator, [pollingPlugin({ environment: { ...page.environment, locks: fakeLocks(), BroadcastChannel } })]);
    await signIn(clerk, ada);
    expect(vi.getTimerCount()).toBe(1);
    clerk.destroy();
    expect(vi.getTimerCount()).toBe(0);
    emulator.clearRequests();
    page.focus();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('hidden tabs', () => {
  it('a hidden tab makes no request; it follows the visible tab’s token over BroadcastChannel', async () => {
    const visible = await tab(fakePage(true));
    await signIn(visible, ada);
    const hidden = await tab(fakePage(false));
    await settle();
    emulator.clearRequests();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // One refresh per token lifetime less the lead (60 s tokens).
    expect(tokenRequests()).toBeGreaterThanOrEqual(Math.floor((5 * 60_000) / (60_000 - REFRESH_LEAD_MS)));
    expect(emulator.requests.every((r) => TOKEN_REQUEST.test(r.path))).toBe(true);
    expect(hidden.session!.lastActiveToken!.getRawString()).toBe(visible.session!.lastActiveToken!.getRawString());
  });

  it('with every tab hidden nothing is sent; the tab that becomes visible refreshes at once', async () => {
    const page = fakePage(true);
    const clerk = await tab(page);
    await signIn(clerk, ada);
    page.hide();
    emulator.clearRequests();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(emulator.requests).toHaveLength(0);
    expect(expiryOf(clerk)).toBeLessThan(Date.now());

    page.show();
    await settle();
    expect(tokenRequests()).toBe(1);
    expect(expiryOf(clerk)).toBeGreaterThan(Date.now() + 50_000);
  });
});

describe('cross-tab coordination', () => {
  it('shares each new token on clerk:session_token in ClerkJS’s message shape', async () => {
    const clerk = await tab();
    const messages: unknown[] = [];
    const listener = new BroadcastChannel('clerk:session_token');
    listener.onmessage = (event) => messages.push(event.data);
    try {
      const sessionId = await signIn(clerk, ada);
      await eventually(() => expect(messages.length).toBeGreaterThan(0));
      expect(messages.at(-1)).toEqual({
        sessionId,
        organizationId: null,
        template: null,
        tokenId: sessionId,
        tokenRaw: clerk.session!.lastActiveToken!.getRawString(),
      });
    } finally {
      listener.close();
    }
  });

  it('ignores a malformed token message and a token labelled for another session', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    // A plain tab of the same browser mints fresher tokens for the same session.
    const minter = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
    tabs.push(minter);
    await minter.load();
    await vi.advanceTimersByTimeAsync(2_000);
    const freshA = (await minter.session!.getToken({ skipCache: true }))!;
    await vi.advanceTimersByTimeAsync(2_000);
    const freshB = (await minter.session!.getToken({ skipCache: true }))!;
    const published: string[] = [];
    clerk.on('session:token', ({ jwt }) => jwt && published.push(jwt));
    const sender = new BroadcastChannel('clerk:session_token');
    try {
      const id = clerk.session!.id;
      sender.postMessage({ sessionId: id, tokenId: id, tokenRaw: 'not-a-jwt' });
      sender.postMessage({ sessionId: 'sess_other', tokenId: 'sess_other', tokenRaw: freshA });
      sender.postMessage({ sessionId: id, organizationId: null, template: null, tokenId: id, tokenRaw: freshB });
      await eventually(() => expect(published).toEqual([freshB]));
      expect(clerk.status).toBe('ready');
    } finally {
      sender.close();
    }
  });

  it('a sign-in in one tab reaches a signed-out tab, which adopts the session, user and token without any request', async () => {
    const first = await tab();
    const second = await tab();
    expect(second.session).toBeNull();
    emulator.clearRequests();
    const sessionId = await signIn(first, ada);
    const sent = emulator.requests.length;
    await eventually(() => expect(second.session?.id).toBe(sessionId));
    expect(second.user?.primaryEmailAddress?.emailAddress ?? second.user?.emailAddresses[0].emailAddress).toBe(ada);
    expect(second.session!.lastActiveToken!.getRawString()).toBe(first.session!.lastActiveToken!.getRawString());
    await vi.advanceTimersByTimeAsync(1_000);
    // Only the sign-in tab's own requests (sign-in, touch); nothing from the other tab, no echo back.
    expect(emulator.requests).toHaveLength(sent);
    expect(requestsMatching(emulator, 'GET', /^\/v1\/client$/)).toHaveLength(0);
    expect(requestsMatching(emulator, 'POST', TOUCH)).toHaveLength(1);
  });

  it('a user update, a session switch and a sign-out in one tab reach the others without any request', async () => {
    const first = await tab();
    const secondRequests: string[] = [];
    const counter = definePlugin({
      name: 'request-counter',
      setup(ctx) {
        const request = ctx.kernel.fapi.request;
        (ctx.kernel.fapi as { request: typeof request }).request = (req, ...rest) => (
          secondRequests.push(`${req.method ?? 'GET'} ${req.path}`),
          request(req, ...rest)
        );
        return {};
      },
    });
    const page = fakePage(true);
    const second = await openTab(emulator, [counter, pollingPlugin({ environment: { ...page.environment, locks: fakeLocks(), BroadcastChannel } })]);
    tabs.push(second);
    const adaSession = await signIn(first, ada);
    await eventually(() => expect(second.session?.id).toBe(adaSession));
    secondRequests.length = 0;
    const heldUser = second.user!;
    await first.user!.update({ firstName: 'Augusta' });
    await eventually(() => expect(second.user?.firstName).toBe('Augusta'));
    expect(second.user).toBe(heldUser);
    const graceSession = await signIn(first, grace);
    await eventually(() => expect(second.client!.signedInSessions).toHaveLength(2));
    await first.setActive({ session: adaSession });
    await first.setActive({ session: graceSession });
    await vi.advanceTimersByTimeAsync(1_000);
    // The second tab keeps its own session (multi-session) and knows both.
    expect(second.session?.id).toBe(adaSession);
    await first.client!.removeSessions();
    await eventually(() => expect(second.session).toBeNull());
    expect(second.client!.signedInSessions).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(secondRequests).toEqual([]);
  });

  it('a tab that missed the shared client (frozen) catches up with one GET /v1/client when it becomes visible', async () => {
    const first = await tab();
    const frozen = { on: false };
    /** A BroadcastChannel that drops what arrives while the page is frozen. */
    class FreezableChannel extends BroadcastChannel {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = handler && ((event: MessageEvent) => !frozen.on && handler(event));
      }
    }
    const page = fakePage(true);
    const second = await openTab(emulator, [pollingPlugin({ environment: { ...page.environment, locks: fakeLocks(), BroadcastChannel: FreezableChannel } })]);
    tabs.push(second);
    page.hide();
    frozen.on = true;
    emulator.clearRequests();
    const sessionId = await signIn(first, ada);
    const sent = emulator.requests.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second.session).toBeNull();
    expect(emulator.requests).toHaveLength(sent);
    frozen.on = false;
    page.show();
    await eventually(() => expect(second.session?.id).toBe(sessionId));
    expect(requestsMatching(emulator, 'GET', /^\/v1\/client$/)).toHaveLength(1);
    // Visible again with nothing missed: no request.
    page.hide();
    page.show();
    await vi.advanceTimersByTimeAsync(100);
    expect(requestsMatching(emulator, 'GET', /^\/v1\/client$/)).toHaveLength(1);
  });

  it('a tab with its own signed-in session keeps it when another tab switches (multi-session)', async () => {
    const first = await tab();
    const second = await tab();
    const adaSession = await signIn(first, ada);
    await eventually(() => expect(second.session?.id).toBe(adaSession));
    const graceSession = await signIn(second, grace);
    // The first tab applies the client the second one shared, so it knows about the new session, and keeps its own.
    await eventually(() => expect(first.client!.signedInSessions).toHaveLength(2));
    expect(second.session?.id).toBe(graceSession);
    expect(first.session?.id).toBe(adaSession);
  });
});

describe('errors', () => {
  it('a 401 on refresh hands over to handleUnauthenticated, which signs the tab out', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    // Another tab of the same browser, without plugins, ends the session behind this tab's back.
    const other = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
    tabs.push(other);
    await other.load();
    await other.session!.end();
    emulator.clearRequests();

    await vi.advanceTimersByTimeAsync(expiryOf(clerk) - Date.now() - REFRESH_LEAD_MS);
    await eventually(() => expect(clerk.session).toBeNull());
    expect(tokenRequests()).toBe(1);
    // The 401 carries the client (session ended), or the kernel re-reads it: at most one GET.
    expect(requestsMatching(emulator, 'GET', /^\/v1\/client$/).length).toBeLessThanOrEqual(1);
    expect(clerk.user).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(tokenRequests()).toBe(1);
  });

  it('a server error makes the status degraded, the refresh is retried, and success restores ready', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const statuses: string[] = [];
    clerk.on('status', (s) => statuses.push(s));
    emulator.faults.add({ method: 'POST', path: TOKEN_REQUEST, status: 503, times: 4 });
    emulator.clearRequests();

    await vi.advanceTimersByTimeAsync(expiryOf(clerk) - Date.now() - REFRESH_LEAD_MS);
    // The token cache retries 5xx itself (3 s × 1.55 backoff, 4 attempts), then the poller gives up for now.
    await vi.advanceTimersByTimeAsync(3000 + 4650 + 7208);
    expect(tokenRequests()).toBe(4);
    expect(clerk.status).toBe('degraded');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tokenRequests()).toBe(5);
    expect(clerk.status).toBe('ready');
    expect(statuses).toEqual(['degraded', 'ready']);
    expect(expiryOf(clerk)).toBeGreaterThan(Date.now() + 50_000);
  });

  it('a refresh answered without a token is not retried by the token cache: degraded, then the poller’s own retry', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    emulator.faults.add({ method: 'POST', path: TOKEN_REQUEST, status: 200, body: { object: 'token' }, times: 1 });
    emulator.clearRequests();

    await vi.advanceTimersByTimeAsync(expiryOf(clerk) - Date.now() - REFRESH_LEAD_MS);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(tokenRequests()).toBe(1);
    expect(clerk.status).toBe('degraded');
    await vi.advanceTimersByTimeAsync(1);
    expect(tokenRequests()).toBe(2);
    expect(clerk.status).toBe('ready');
  });
});

describe('touch on focus', () => {
  it('touches at most once per 5 s in single-session mode', async () => {
    emulator.updateSettings({ singleSession: true });
    const page = fakePage(true);
    const clerk = await tab(page);
    await signIn(clerk, ada);
    emulator.clearRequests();
    page.focus();
    await settle();
    page.focus();
    await vi.advanceTimersByTimeAsync(4_000);
    page.focus();
    await settle();
    expect(requestsMatching(emulator, 'POST', TOUCH)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    page.focus();
    await settle();
    expect(requestsMatching(emulator, 'POST', TOUCH)).toHaveLength(2);
    // The touch brought a fresh token: no separate token request.
    expect(tokenRequests()).toBe(0);
  });

  it('touches on every focus in multi-session mode', async () => {
    const page = fakePage(true);
    const clerk = await tab(page);
    await signIn(clerk, ada);
    emulator.clearRequests();
    page.focus();
    await settle();
    page.focus();
    await settle();
    expect(requestsMatching(emulator, 'POST', TOUCH)).toHaveLength(2);
  });

  it('does not touch with touchSession: false, nor when signed out', async () => {
    const page = fakePage(true);
    const clerk = await tab(page, { touchSession: false });
    page.focus();
    await settle();
    await signIn(clerk, ada);
    emulator.clearRequests();
    page.focus();
    await settle();
    expect(emulator.requests).toHaveLength(0);
  });
});
