/**
 * Test-only helpers (not part of any shipped entry): open "tabs" (kernel instances sharing one
 * document, so one dev-browser cookie and one emulated client) against the emulator, sign in, and
 * count FAPI requests. `runBrowserScenario` is the multi-tab background-traffic scenario the polling
 * tests run; the bench can import and run it the same way.
 */
import { vi } from 'vitest';
import { createClerk, definePlugin, type ClerkPlugin } from '../../kernel/index.js';
import type { Emulator, RequestLogEntry } from '../../emulator/index.js';
import { PROXY_URL } from './emulator.js';
import { pollingPlugin } from '../../plugins/polling/index.js';
import type { PollingEnvironment } from '../../plugins/polling/index.js';

export const PASSWORD = 'correct horse battery staple';
export const USERS = [
  { emailAddress: 'ada@example.com', password: PASSWORD },
  { emailAddress: 'grace@example.com', password: PASSWORD },
];

/** Forgets every client, session and cookie: the next tab starts as a new browser. */
export function resetBrowser(emulator: Emulator): void {
  emulator.reset();
  emulator.clearRequests();
  for (const part of document.cookie.split('; ')) {
    const name = part.slice(0, part.indexOf('='));
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

export async function openTab<const P extends readonly ClerkPlugin[]>(emulator: Emulator, plugins: P, loadOptions: Record<string, unknown> = {}) {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins });
  await clerk.load(loadOptions as never);
  return clerk;
}

/** Signs `email` in on this tab's client and makes the new session the tab's current one. */
export async function signIn(clerk: { client: any; setActive(p: { session: string }): Promise<void> }, email: string): Promise<string> {
  const signInAttempt = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  if (signInAttempt.status !== 'complete') throw new Error(`sign-in did not complete: ${signInAttempt.status}`);
  await clerk.setActive({ session: signInAttempt.createdSessionId });
  return signInAttempt.createdSessionId;
}

export function requestsMatching(emulator: Emulator, method: string, path: RegExp): RequestLogEntry[] {
  return emulator.requests.filter((r) => r.method === method && path.test(r.path));
}

export const TOKEN_REQUEST = /^\/v1\/client\/sessions\/[^/]+\/tokens$/;

/** A controllable page: visibility and focus for one tab (all tabs share one happy-dom document). */
export function fakePage(visible: boolean) {
  const listeners = new Set<(change: 'focus' | 'visible' | 'hidden') => void>();
  const state = { visible };
  const page = {
    get visible() {
      return state.visible;
    },
    environment: {
      isVisible: () => state.visible,
      onActivity(listener: (change: 'focus' | 'visible' | 'hidden') => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } satisfies Partial<PollingEnvironment>,
    show() {
      state.visible = true;
      listeners.forEach((l) => l('visible'));
    },
    hide() {
      state.visible = false;
      listeners.forEach((l) => l('hidden'));
    },
    focus() {
      listeners.forEach((l) => l('focus'));
    },
  };
  return page;
}

/** Web Locks as one browser has them: `ifAvailable` requests get `null` while another holder has the lock. */
export function fakeLocks() {
  const held = new Set<string>();
  return {
    grants: 0,
    async request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: { name: string } | null) => Promise<T> | T): Promise<T> {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        throw new Error('fakeLocks: only ifAvailable requests are emulated');
      }
      held.add(name);
      this.grants++;
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

export interface BrowserScenario {
  /** Tabs open in the browser; the first `visibleTabs` are visible, the rest hidden. */
  tabs: number;
  visibleTabs: number;
  /** Simulated duration (fake timers). */
  durationMs: number;
  /** Share one Web Locks manager between the tabs (a browser with `navigator.locks`). */
  webLocks?: boolean;
}

export interface BrowserScenarioResult {
  /** `POST …/tokens` requests during the simulated period, for the whole browser. */
  tokenRequests: number;
  /** Every FAPI request during the simulated period. */
  allRequests: RequestLogEntry[];
  /** Token requests per tab index (attributed by which tab's FAPI call it was). */
  tokenRequestsByTab: number[];
  /** Milliseconds between successive token requests. */
  intervalsMs: number[];
  /** At the end, how many tabs hold the same, unexpired session token as the first tab. */
  tabsOnSharedToken: number;
}

/**
 * One signed-in user, `tabs` tabs of one browser, background activity only (nobody calls getToken).
 * Needs `vi.useFakeTimers()` and an emulator whose clock is `Date.now` (fake). Tabs are destroyed at the end.
 */
export async function runBrowserScenario(emulator: Emulator, scenario: BrowserScenario): Promise<BrowserScenarioResult> {
  const locks = scenario.webLocks ? fakeLocks() : null;
  const byTab: number[] = [];
  const tabs: Array<Awaited<ReturnType<typeof openTab<readonly ClerkPlugin[]>>>> = [];
  for (let i = 0; i < scenario.tabs; i++) {
    const page = fakePage(i < scenario.visibleTabs);
    const index = i;
    // Attribute each token request to the tab whose FAPI client sent it.
    const counter = definePlugin({
      name: 'request-counter',
      setup(ctx) {
        const request = ctx.kernel.fapi.request;
        (ctx.kernel.fapi as { request: typeof request }).request = (req, ...rest) => {
          if (TOKEN_REQUEST.test(`/v1${req.path}`)) byTab[index] = (byTab[index] ?? 0) + 1;
          return request(req, ...rest);
        };
        return {};
      },
    });
    tabs.push(await openTab(emulator, [counter, pollingPlugin({ environment: { ...page.environment, locks, BroadcastChannel } })]));
    if (i === 0) await signIn(tabs[0], USERS[0].emailAddress);
  }
  // Let the late tabs settle (they loaded the signed-in client), then measure.
  await vi.advanceTimersByTimeAsync(0);
  emulator.clearRequests();
  byTab.length = 0;
  await vi.advanceTimersByTimeAsync(scenario.durationMs);
  const tokenRequests = requestsMatching(emulator, 'POST', TOKEN_REQUEST);
  const result: BrowserScenarioResult = {
    tokenRequests: tokenRequests.length,
    allRequests: [...emulator.requests],
    tokenRequestsByTab: Array.from({ length: scenario.tabs }, (_, i) => byTab[i] ?? 0),
    intervalsMs: tokenRequests.slice(1).map((r, i) => r.at - tokenRequests[i].at),
    tabsOnSharedToken: tabs.filter((tab) => {
      const token = tab.session?.lastActiveToken;
      return token && token.getRawString() === tabs[0].session?.lastActiveToken?.getRawString() && token.jwt!.claims.exp * 1000 > Date.now();
    }).length,
  };
  tabs.forEach((tab) => tab.destroy());
  return result;
}
