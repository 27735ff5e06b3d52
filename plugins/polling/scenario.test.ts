// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { USERS, resetBrowser, runBrowserScenario } from '../../test/helpers/tabs.js';
import { REFRESH_LEAD_MS } from './polling.js';

const emulator = useEmulator({ seed: { users: USERS }, now: () => Date.now() });
const HOUR = 3_600_000;
const TOKEN_LIFETIME_MS = 60_000;
/** A token is replaced once, REFRESH_LEAD_MS before it expires: at most this many refreshes per hour for the browser. */
const MAX_PER_HOUR = Math.ceil(HOUR / (TOKEN_LIFETIME_MS - REFRESH_LEAD_MS)) + 1;

describe('background requests per hour, one signed-in user, 60 s tokens (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    resetBrowser(emulator);
  });
  afterEach(() => vi.useRealTimers());

  it('1 visible tab: one token refresh per token, nothing else', async () => {
    expect(emulator.settings.tokenLifetimeSeconds * 1000).toBe(TOKEN_LIFETIME_MS);
    const result = await runBrowserScenario(emulator, { tabs: 1, visibleTabs: 1, durationMs: HOUR, webLocks: true });
    expect(result.tokenRequests).toBeGreaterThanOrEqual(MAX_PER_HOUR - 2);
    expect(result.tokenRequests).toBeLessThanOrEqual(MAX_PER_HOUR);
    expect(result.allRequests).toHaveLength(result.tokenRequests);
    // Never replaced while it had more than the lead left (iat/exp are whole seconds).
    expect(Math.min(...result.intervalsMs)).toBeGreaterThanOrEqual(TOKEN_LIFETIME_MS - REFRESH_LEAD_MS - 1000);
  });

  it('5 tabs (1 visible, 4 hidden): the same requests as one tab, none from hidden tabs, every tab on the fresh token', async () => {
    const single = await runBrowserScenario(emulator, { tabs: 1, visibleTabs: 1, durationMs: HOUR, webLocks: true });
    resetBrowser(emulator);
    const result = await runBrowserScenario(emulator, { tabs: 5, visibleTabs: 1, durationMs: HOUR, webLocks: true });
    expect(result.tokenRequests).toBe(single.tokenRequests);
    expect(result.tokenRequests).toBeLessThanOrEqual(MAX_PER_HOUR);
    expect(result.tokenRequestsByTab.slice(1)).toEqual([0, 0, 0, 0]);
    expect(result.allRequests).toHaveLength(result.tokenRequests);
    expect(result.tabsOnSharedToken).toBe(5);
  });

  it('5 visible tabs (5 windows) with Web Locks: one refresher for the browser', async () => {
    const result = await runBrowserScenario(emulator, { tabs: 5, visibleTabs: 5, durationMs: HOUR, webLocks: true });
    expect(result.tokenRequests).toBeLessThanOrEqual(MAX_PER_HOUR);
    expect(Math.min(...result.intervalsMs)).toBeGreaterThanOrEqual(TOKEN_LIFETIME_MS - REFRESH_LEAD_MS - 1000);
    expect(result.tabsOnSharedToken).toBe(5);
  });

  it('3 visible tabs without Web Locks: jittered timers, the first refresher’s broadcast serves the others', async () => {
    const result = await runBrowserScenario(emulator, { tabs: 3, visibleTabs: 3, durationMs: HOUR, webLocks: false });
    expect(result.tokenRequests).toBeLessThanOrEqual(MAX_PER_HOUR);
    expect(result.tabsOnSharedToken).toBe(3);
  });
});
