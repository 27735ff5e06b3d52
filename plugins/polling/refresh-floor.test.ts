// @vitest-environment happy-dom
/**
 * The refresh runs as late as is safe: over many token lifetimes (fake clock), with FAPI's clock in
 * step, ahead or behind, no token the app is handed or the SDK publishes is ever expired by FAPI's
 * clock, and 60 s tokens cost at most 70 token requests per hour.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeJwt } from '../../kernel/index.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { TOKEN_REQUEST, USERS, fakeLocks, fakePage, openTab, requestsMatching, resetBrowser, signIn } from '../../test/helpers/tabs.js';
import { pollingPlugin } from './index.js';

/** FAPI's clock minus this tab's clock. */
let skewMs = 0;
const fapiNow = () => Date.now() + skewMs;
const emulator = useEmulator({ seed: { users: USERS }, now: fapiNow });
const HOURS = 2;
/** What an app request with the token needs to still find it valid at the server. */
const TRIP_MS = 1_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  resetBrowser(emulator);
});
afterEach(() => {
  vi.useRealTimers();
  skewMs = 0;
});

describe.each([
  ['in step with this clock', 0],
  ['20 s ahead of this clock', 20_000],
  ['20 s behind this clock', -20_000],
])('FAPI’s clock %s', (_label, skew) => {
  it(`over ${HOURS} h of 60 s tokens: never an expired token, at most 70 token requests per hour`, async () => {
    skewMs = skew;
    expect(emulator.settings.tokenLifetimeSeconds).toBe(60);
    const page = fakePage(true);
    const clerk = await openTab(emulator, [pollingPlugin({ environment: { ...page.environment, locks: fakeLocks(), BroadcastChannel } })]);
    try {
      await signIn(clerk, USERS[0].emailAddress);
      let published = clerk.session!.lastActiveToken!.getRawString();
      clerk.on('session:token', ({ jwt }) => jwt && (published = jwt));
      emulator.clearRequests();
      const problems: string[] = [];
      let appRequests = 0;
      const expiresAt = (jwt: string) => decodeJwt(jwt).claims.exp * 1000;
      for (let second = 0; second < HOURS * 3600; second++) {
        await vi.advanceTimersByTimeAsync(1_000);
        // The app sends a request with the session token every second.
        const jwt = await clerk.session!.getToken();
        appRequests++;
        if (!jwt || expiresAt(jwt) <= fapiNow() + TRIP_MS)
          problems.push(`t=${second}s: app got a token with ${jwt ? expiresAt(jwt) - fapiNow() : 'no'} ms left`);
        if (expiresAt(published) <= fapiNow()) problems.push(`t=${second}s: the published token expired ${fapiNow() - expiresAt(published)} ms ago`);
      }
      expect(problems).toEqual([]);
      expect(appRequests).toBe(HOURS * 3600);
      const perHour = requestsMatching(emulator, 'POST', TOKEN_REQUEST).length / HOURS;
      expect(perHour).toBeLessThanOrEqual(70);
      // And not by refreshing less than once per token.
      expect(perHour).toBeGreaterThanOrEqual(60);
      expect(emulator.requests.every((r) => TOKEN_REQUEST.test(r.path))).toBe(true);
    } finally {
      clerk.destroy();
    }
  }, 120_000);
});
