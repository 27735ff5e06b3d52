// @vitest-environment happy-dom
/**
 * Runs the polling plugin's own multi-tab scenario (test/helpers/tabs.ts) over a
 * simulated hour and writes the figures to the JSON file named by BENCH_POLLING_OUT, for
 * test/bench/polling.mjs. Not part of `npm test` (its name does not match the test include).
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { USERS, resetBrowser, runBrowserScenario, type BrowserScenario } from '../helpers/tabs.js';

const HOUR = 3_600_000;
const emulator = useEmulator({ seed: { users: USERS }, now: () => Date.now() });

const SCENARIOS: Array<{ label: string; scenario: BrowserScenario }> = [
  { label: '1 tab, visible', scenario: { tabs: 1, visibleTabs: 1, durationMs: HOUR, webLocks: true } },
  { label: '5 tabs: 1 visible, 4 hidden (Web Locks)', scenario: { tabs: 5, visibleTabs: 1, durationMs: HOUR, webLocks: true } },
  { label: '5 tabs, all visible (Web Locks)', scenario: { tabs: 5, visibleTabs: 5, durationMs: HOUR, webLocks: true } },
  { label: '5 tabs, all visible (no Web Locks)', scenario: { tabs: 5, visibleTabs: 5, durationMs: HOUR, webLocks: false } },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  resetBrowser(emulator);
});
afterEach(() => vi.useRealTimers());

it('measures background FAPI requests per simulated hour', async () => {
  const rows = [];
  for (const { label, scenario } of SCENARIOS) {
    resetBrowser(emulator);
    const result = await runBrowserScenario(emulator, scenario);
    const otherRequests = result.allRequests.filter((r) => !/\/tokens$/.test(r.path)).map((r) => `${r.method} ${r.path}`);
    rows.push({
      label,
      scenario,
      tokenLifetimeSeconds: emulator.settings.tokenLifetimeSeconds,
      requestsPerHour: result.allRequests.length,
      tokenRequestsPerHour: result.tokenRequests,
      otherRequests,
      tokenRequestsByTab: result.tokenRequestsByTab,
      minIntervalMs: result.intervalsMs.length ? Math.min(...result.intervalsMs) : null,
      tabsOnSharedToken: result.tabsOnSharedToken,
    });
  }
  expect(rows).toHaveLength(SCENARIOS.length);
  const out = process.env.BENCH_POLLING_OUT;
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
}, 120_000);
