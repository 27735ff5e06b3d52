// @vitest-environment happy-dom
/**
 * The fault matrix: every operation × every transport fault, one `it` per cell. The fault holds for
 * every request while the operation runs (the network stays broken, so a resync after a lost response
 * fails too), then it is removed and the operation must recover. Each cell asserts:
 * - the outcome is typed: the caller's rejection (or `loadError`) is the coded error the fault maps to;
 * - it is bounded: it settles within the request timeout (plus GET retries), never hangs;
 * - the state is intact: a signed-in tab whose session the server still has stays signed in, with its
 *   `__session` cookie and a non-zero `__client_uat`;
 * - no unhandled rejection;
 * - recovery: once the fault is gone the retry succeeds or the client reconciles with the server.
 * Fake timers (Date too, shared with the emulator's clock) make hangs, Retry-After waits and backoffs instant.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, createClerk, definePlugin, isClerkRuntimeError, type KernelInternals } from '../../kernel/index.js';
import { cookieSuffix, readCookie } from '../../kernel/dev-browser.js';
import type { FaultRule } from '../../emulator/http/faults.js';
import { memoryNavigation } from '../../plugins/navigation/index.js';
import { pollingPlugin } from '../../plugins/polling/index.js';
import { sessionSyncPlugin } from '../../plugins/session-sync/index.js';
import { signOutPlugin } from '../../plugins/sign-out/index.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { PASSWORD, USERS, fakePage, resetBrowser } from '../helpers/tabs.js';

const emulator = useEmulator({ seed: { users: USERS }, now: () => Date.now() });
const REQUEST_TIMEOUT_MS = 3_000;
/** Longest a cell may take (virtual time): four GET attempts of REQUEST_TIMEOUT_MS with their backoff, and two Retry-After waits. */
const SETTLE_BOUND_MS = 40_000;

type Expected = { status: number; retryAfter?: number } | { code: string };
interface Fault {
  rule?: FaultRule;
  /** `fetch` itself rejects, as when the browser is offline. */
  offline?: boolean;
  expected: Expected;
}

const FAULTS = {
  '5xx': { rule: { status: 503 }, expected: { status: 503 } },
  '429 Retry-After': { rule: { status: 429, headers: { 'Retry-After': '2' } }, expected: { status: 429, retryAfter: 2 } },
  // The server never answers in time (and then drops the connection, so the request is never applied).
  hang: { rule: { latencyMs: 600_000, drop: true }, expected: { code: 'request_timeout' } },
  'malformed JSON': { rule: { malformed: true }, expected: { code: 'malformed_response' } },
  // The handler runs (the change is applied), then the body is cut off mid-stream.
  'truncated body': { rule: { truncate: true }, expected: { code: 'network_error' } },
  'HTML 200': { rule: { html: true }, expected: { code: 'malformed_response' } },
  'dropped connection': { rule: { drop: true }, expected: { code: 'network_error' } },
  offline: { offline: true, expected: { code: 'network_error' } },
} satisfies Record<string, Fault>;
type FaultName = keyof typeof FAULTS;

// --- The browser: one tab at a time, with every plugin that reacts to failures. ---

let offline = false;
let kernel: KernelInternals;
const kernelAccess = () =>
  definePlugin({
    name: 'kernel-access',
    setup(ctx) {
      kernel = ctx.kernel;
      return {};
    },
  });

function newTab() {
  const page = fakePage(true);
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    requestTimeout: REQUEST_TIMEOUT_MS,
    plugins: [
      kernelAccess(),
      memoryNavigation('http://localhost:3000/'),
      signOutPlugin(),
      pollingPlugin({ environment: { ...page.environment, locks: null, BroadcastChannel: null } }),
      sessionSyncPlugin(),
    ],
  });
  return { clerk, page, kernel };
}
type Tab = ReturnType<typeof newTab>;

let current: Tab | undefined;
async function openTab(): Promise<Tab> {
  current?.clerk.destroy();
  current = newTab();
  await current.clerk.load();
  return current;
}

async function signIn(tab: Tab, email: string): Promise<string> {
  const attempt = await tab.clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  expect(attempt.status).toBe('complete');
  await tab.clerk.setActive({ session: attempt.createdSessionId });
  return attempt.createdSessionId!;
}

async function signedInTab(): Promise<{ tab: Tab; sessionId: string }> {
  const tab = await openTab();
  return { tab, sessionId: await signIn(tab, USERS[0].emailAddress) };
}

const suffix = () => cookieSuffix(emulator.publishableKey);
const sessionCookie = async () => readCookie(`__session_${await suffix()}`);

/** What the server says this browser's client has (one GET, not applied to the tab). */
async function serverSessionIds(tab: Tab): Promise<string[]> {
  const payload = await tab.kernel.fapi.request<{ response: { sessions: Array<{ id: string; status: string }> } | null }>({ path: '/client' });
  return (payload.response?.sessions ?? []).filter((s) => s.status === 'active').map((s) => s.id);
}

// --- Time: fake, advanced until the operation settles. ---

interface Settled {
  value?: unknown;
  error?: unknown;
  hung: boolean;
  elapsedMs: number;
}

/** Real time, for the work fake timers do not drive (Web Crypto digests, msw's streams). */
const realSetTimeout = globalThis.setTimeout;
const realPause = () => new Promise((resolve) => realSetTimeout(resolve, 1));

/**
 * Runs `run` while advancing virtual time in small steps, each after a real pause, so that real
 * asynchronous work (a cookie-name digest) is never outrun by the virtual clock.
 */
async function settle(run: () => Promise<unknown>, boundMs = SETTLE_BOUND_MS): Promise<Settled> {
  const started = Date.now();
  let result: Omit<Settled, 'hung' | 'elapsedMs'> | undefined;
  run().then(
    (value) => (result = { value }),
    (error: unknown) => (result = { error }),
  );
  while (!result && Date.now() - started < boundMs) {
    await realPause();
    await vi.advanceTimersByTimeAsync(100);
  }
  return { ...result, hung: !result, elapsedMs: Date.now() - started };
}

/** Lets background work (polling timers, reconciliation) run for `ms` of virtual time. */
async function idle(ms: number) {
  for (let left = ms; left > 0; left -= 100) {
    await realPause();
    await vi.advanceTimersByTimeAsync(Math.min(100, left));
  }
}

// --- The operations. ---

interface Operation {
  name: string;
  /** Builds the state the operation starts from (faults off). */
  setup(): Promise<{ tab: Tab; sessionId?: string; extra?: Record<string, string> }>;
  /** Runs under the fault; its rejection (or, for background work, the state) is the outcome. */
  run(tab: Tab, before: { sessionId?: string; extra?: Record<string, string> }): Promise<unknown>;
  /** Background work has no caller: its outcome is read from the tab instead of a rejection. */
  background?: (tab: Tab) => { typed: boolean; detail: string };
  /** Faults removed: retries (or waits for reconciliation) and asserts the goal was reached. */
  recover(tab: Tab, before: { sessionId?: string; extra?: Record<string, string> }): Promise<void>;
}

let signUpCounter = 0;

const OPERATIONS: Operation[] = [
  {
    name: 'load()',
    async setup() {
      // A signed-in browser (its cookies written), then a page reload under the fault.
      const { sessionId } = await signedInTab();
      current!.clerk.destroy();
      current = newTab();
      return { tab: current, sessionId };
    },
    run: (tab) => tab.clerk.load(),
    async recover(tab, { sessionId }) {
      // GET /v1/client (and the environment) are retried until FAPI answers: 5 s, then doubling.
      for (let waited = 0; tab.clerk.status !== 'ready' && waited < 70_000; waited += 1_000) await idle(1_000);
      expect(tab.clerk.status).toBe('ready');
      expect(tab.clerk.loadError).toBeNull();
      expect(tab.kernel.clientUnconfirmed).toBe(false);
      expect(tab.clerk.session?.id).toBe(sessionId);
      expect(tab.clerk.user?.primaryEmailAddress?.emailAddress).toBe(USERS[0].emailAddress);
      expect(tab.clerk.environment?.authConfig).toBeDefined();
    },
  },
  {
    name: 'signIn.create',
    setup: async () => ({ tab: await openTab() }),
    run: (tab) => tab.clerk.client!.signIn.create({ identifier: USERS[0].emailAddress }),
    async recover(tab) {
      const attempt = await tab.clerk.client!.signIn.create({ identifier: USERS[0].emailAddress });
      expect(attempt.status).toBe('needs_first_factor');
    },
  },
  {
    name: 'signIn.attemptFirstFactor',
    async setup() {
      const tab = await openTab();
      await tab.clerk.client!.signIn.create({ identifier: USERS[0].emailAddress });
      return { tab };
    },
    run: (tab) => tab.clerk.client!.signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD }),
    async recover(tab) {
      // Either the retry completes, or (the server applied the lost attempt) its answer brings the completed state.
      const retry = await tab.clerk.client!.signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD }).catch((e: unknown) => e);
      const sessionId = retry && !(retry instanceof Error) ? (retry as { createdSessionId: string }).createdSessionId : tab.clerk.client!.lastActiveSessionId;
      expect(tab.clerk.client!.signedInSessions.map((s) => s.id)).toEqual([sessionId]);
      await tab.clerk.setActive({ session: sessionId });
      expect(tab.clerk.isSignedIn).toBe(true);
    },
  },
  {
    name: 'signUp.create',
    setup: async () => ({ tab: await openTab() }),
    run: (tab) => tab.clerk.client!.signUp.create({ emailAddress: `new${++signUpCounter}+clerk_test@example.com`, password: PASSWORD }),
    async recover(tab) {
      const signUp = await tab.clerk.client!.signUp.create({ emailAddress: `new${++signUpCounter}+clerk_test@example.com`, password: PASSWORD });
      expect(signUp.id).toMatch(/^sua?_/);
      expect(tab.clerk.client!.signUp.id).toBe(signUp.id);
    },
  },
  {
    name: 'setActive (switch)',
    async setup() {
      const { tab, sessionId: ada } = await signedInTab();
      const grace = await signIn(tab, USERS[1].emailAddress);
      return { tab, sessionId: grace, extra: { target: ada } };
    },
    run: (tab, { extra }) => tab.clerk.setActive({ session: extra!.target }),
    async recover(tab, { extra }) {
      await tab.clerk.setActive({ session: extra!.target });
      expect(tab.clerk.session?.id).toBe(extra!.target);
      expect(tab.clerk.user?.primaryEmailAddress?.emailAddress).toBe(USERS[0].emailAddress);
    },
  },
  {
    name: 'getToken (cached)',
    async setup() {
      const { tab, sessionId } = await signedInTab();
      const jwt = (await tab.clerk.session!.getToken())!;
      return { tab, sessionId, extra: { jwt } };
    },
    // A token with time left is served without a request: the outage does not show.
    async run(tab, { extra }) {
      const jwt = await tab.clerk.session!.getToken();
      expect(jwt).toBe(extra!.jwt);
      return jwt;
    },
    async recover(tab) {
      expect(await tab.clerk.session!.getToken({ skipCache: true })).toMatch(/^ey/);
    },
  },
  {
    name: 'getToken (refresh)',
    setup: signedInTab,
    run: (tab) => tab.clerk.session!.getToken({ skipCache: true }),
    async recover(tab) {
      const jwt = await tab.clerk.session!.getToken({ skipCache: true });
      expect(jwt).toMatch(/^ey/);
      expect(tab.clerk.session!.lastActiveToken?.getRawString()).toBe(jwt);
    },
  },
  {
    name: 'user.update',
    setup: signedInTab,
    run: (tab) => tab.clerk.user!.update({ firstName: 'Augusta' }),
    async recover(tab) {
      await tab.clerk.user!.update({ firstName: 'Augusta' });
      expect(tab.clerk.user!.firstName).toBe('Augusta');
    },
  },
  {
    name: 'signOut',
    setup: signedInTab,
    run: (tab) => tab.clerk.signOut(),
    async recover(tab) {
      await tab.clerk.signOut();
      expect(tab.clerk.isSignedIn).toBe(false);
      expect(await serverSessionIds(tab)).toEqual([]);
      // Signed out for real: now, and only now, the cookies say so.
      expect(await sessionCookie()).toBeUndefined();
      expect(readCookie('__client_uat')).toBe('0');
    },
  },
  {
    name: 'polling refresh',
    async setup() {
      const signedIn = await signedInTab();
      // Nothing is due before the refresh at 53 s: one jump.
      await vi.advanceTimersByTimeAsync(50_000);
      return signedIn;
    },
    // The refresh timer (7 s before the 60 s token expires) fires under the fault; the token request is retried (up to 4 attempts).
    async run(tab) {
      for (let waited = 0; tab.clerk.status !== 'degraded' && waited < 40_000; waited += 1_000) await idle(1_000);
    },
    background: (tab) => ({ typed: tab.clerk.status === 'degraded', detail: `status ${tab.clerk.status} after the token request and its retries failed` }),
    async recover(tab, { sessionId }) {
      const before = tab.clerk.session!.lastActiveToken!.jwt!.claims.iat;
      // The poller retries 10 s after a failure (the attempt under way may still be waiting for its timeout).
      for (let waited = 0; tab.clerk.status !== 'ready' && waited < 30_000; waited += 1_000) await idle(1_000);
      expect(tab.clerk.status).toBe('ready');
      expect(tab.clerk.session?.id).toBe(sessionId);
      expect(tab.clerk.session!.lastActiveToken!.jwt!.claims.iat).toBeGreaterThan(before);
    },
  },
  {
    name: 'touch on focus',
    setup: signedInTab,
    run: async (tab) => {
      tab.page.focus();
      await idle(REQUEST_TIMEOUT_MS * 2);
    },
    background: (tab) => ({ typed: tab.clerk.status === 'ready', detail: `status ${tab.clerk.status} (a failed touch is not an outage)` }),
    async recover(tab, { sessionId }) {
      emulator.clearRequests();
      const lastActiveBefore = tab.clerk.session!.lastActiveAt.getTime();
      await idle(1_000);
      tab.page.focus();
      await idle(100);
      expect(emulator.requests.filter((r) => r.path.endsWith('/touch'))).toHaveLength(1);
      // The touch's answer was applied: the server's new lastActiveAt.
      expect(tab.clerk.session?.id).toBe(sessionId);
      expect(tab.clerk.session!.lastActiveAt.getTime()).toBeGreaterThan(lastActiveBefore);
    },
  },
];

// --- The matrix. ---

interface CellResult {
  operation: string;
  fault: FaultName;
  typed: boolean;
  hung: boolean;
  localSignOut: boolean;
  unhandled: number;
  recovered: boolean;
  elapsedMs: number;
  detail: string;
}
const results: CellResult[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

function describeError(error: unknown): string {
  if (error instanceof ClerkAPIResponseError)
    return `ClerkAPIResponseError ${error.status}${error.retryAfter !== undefined ? ` retryAfter=${error.retryAfter}` : ''}`;
  if (isClerkRuntimeError(error)) return `ClerkRuntimeError ${error.code}`;
  return `untyped ${String(error)}`;
}

function matches(error: unknown, expected: Expected): boolean {
  if ('code' in expected) return isClerkRuntimeError(error) && error.code === expected.code;
  return (
    error instanceof ClerkAPIResponseError &&
    error.status === expected.status &&
    (expected.retryAfter === undefined || error.retryAfter === expected.retryAfter)
  );
}

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  // After msw's own interception is in place: an offline browser's fetch rejects before any request is made.
  const realFetch = globalThis.fetch;
  // msw defines `fetch` read-only: redefined, not assigned.
  const setFetch = (value: typeof fetch) => Object.defineProperty(globalThis, 'fetch', { value, configurable: true, writable: true });
  setFetch(((...args: Parameters<typeof fetch>) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(...args))) as typeof fetch);
  return () => void setFetch(realFetch);
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  resetBrowser(emulator);
  // Degraded loads and failed refreshes warn; the cells assert the state instead.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  offline = false;
  emulator.faults.clear();
  current?.clerk.destroy();
  current = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  const cells = results.length;
  const pct = (n: number) => `${((100 * n) / Math.max(cells, 1)).toFixed(0)} %`;
  const count = (f: (r: CellResult) => boolean) => results.filter(f).length;
  const rows = results.map((r) => `  ${r.operation.padEnd(26)} ${r.fault.padEnd(19)} ${r.typed ? 'typed' : 'UNTYPED'}  ${r.detail}`);
  console.log(
    [
      `fault matrix: ${cells} cells (${OPERATIONS.length} operations × ${Object.keys(FAULTS).length} faults)`,
      `  typed outcomes ${pct(count((r) => r.typed))}, hangs ${count((r) => r.hung)}, local sign-outs ${count((r) => r.localSignOut)}, ` +
        `unhandled rejections ${results.reduce((n, r) => n + r.unhandled, 0)}, recovered ${pct(count((r) => r.recovered))}, ` +
        `slowest ${Math.max(0, ...results.map((r) => r.elapsedMs))} ms (virtual)`,
      ...rows,
    ].join('\n'),
  );
});

describe.each(OPERATIONS)('$name', (operation) => {
  it.each(Object.keys(FAULTS) as FaultName[])('× %s', async (faultName) => {
    const fault: Fault = FAULTS[faultName];
    const before = await operation.setup();
    const { tab } = before;
    const signedInBefore = before.sessionId;
    const cookiesBefore = { session: await sessionCookie(), clientUat: readCookie('__client_uat') };
    const unhandledBefore = unhandled.length;
    const result: CellResult = {
      operation: operation.name,
      fault: faultName,
      typed: false,
      hung: false,
      localSignOut: false,
      unhandled: 0,
      recovered: false,
      elapsedMs: 0,
      detail: '',
    };
    results.push(result);

    if (fault.rule) emulator.faults.add(fault.rule);
    offline = !!fault.offline;
    // Background work advances the clock itself; a caller's operation is driven until it settles.
    const outcome = operation.background
      ? await operation.run(tab, before).then(
          () => ({ hung: false, elapsedMs: 0 }) as Settled,
          (error: unknown) => ({ error, hung: false, elapsedMs: 0 }),
        )
      : await settle(() => operation.run(tab, before));
    result.hung = outcome.hung;
    result.elapsedMs = outcome.elapsedMs;
    if (outcome.hung) result.detail = `HUNG ${tab.clerk.status} ${JSON.stringify(emulator.requests.map((r) => [r.method, r.path, r.at - Date.now()]))}`;
    expect(outcome.hung, 'settles in bounded time').toBe(false);

    // The outcome: the caller's error (load() resolves; its error is loadError), or what background work left.
    if (operation.background) {
      expect(outcome.error).toBeUndefined();
      ({ typed: result.typed, detail: result.detail } = operation.background(tab));
    } else if (operation.name === 'getToken (cached)') {
      result.typed = outcome.error === undefined;
      result.detail = result.typed ? 'served from the cache' : describeError(outcome.error);
    } else {
      const error = operation.name === 'load()' ? tab.clerk.loadError : outcome.error;
      result.typed = matches(error, fault.expected);
      result.detail = describeError(error);
      if (operation.name === 'load()') {
        expect(outcome.error).toBeUndefined();
        expect(tab.clerk.status).toBe('degraded');
      }
    }
    expect(result.typed, `outcome: ${result.detail}`).toBe(true);

    // State intact: no request that failed signs anyone out; a session the server still has stays.
    offline = false;
    emulator.faults.clear();
    if (signedInBefore) {
      const server = await serverSessionIds(tab);
      if (server.includes(signedInBefore)) {
        result.localSignOut = !tab.clerk.isSignedIn || (await sessionCookie()) === undefined || readCookie('__client_uat') === '0';
        expect(tab.clerk.isSignedIn, 'still signed in').toBe(true);
        expect(tab.clerk.session?.id).toBe(signedInBefore);
        expect(await sessionCookie(), '__session kept').toBeDefined();
        expect(readCookie('__client_uat'), '__client_uat kept').toBe(cookiesBefore.clientUat);
      }
    }

    // Recovery once the fault is gone.
    await operation.recover(tab, before);
    result.recovered = true;

    await idle(1_000);
    result.unhandled = unhandled.length - unhandledBefore;
    expect(unhandled.slice(unhandledBefore)).toEqual([]);
  });
});
