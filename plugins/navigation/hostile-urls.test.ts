// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { HOSTILE } from '../../test/helpers/hostile-urls.js';
import { signOutPlugin } from '../sign-out/index.js';
import { memoryNavigation, navigationPlugin } from './index.js';
import { safeUrl } from '../../kernel/index.js';
import { DEFAULT_PROTOCOLS } from './redirects.js';

const USER = { emailAddress: 'ada@example.com', password: 'correct-horse-battery' };
const emulator = useEmulator({ seed: { users: [USER] } });
const APP = 'http://localhost:3000';

let clerk: ReturnType<typeof newClerk>;
let warn: MockInstance;
let assign: MockInstance;
const routerPush = vi.fn();
function newClerk() {
  return createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigationPlugin()] });
}

beforeAll(async () => {
  clerk = newClerk();
  await clerk.load({ routerPush, signInFallbackRedirectUrl: '/fallback' });
});
afterAll(() => clerk.destroy());
beforeEach(() => {
  vi.restoreAllMocks();
  routerPush.mockClear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
});

describe('hostile redirect URLs are never followed', () => {
  it('the table is long enough', () => expect(HOSTILE.length).toBeGreaterThanOrEqual(40));

  it.each(HOSTILE)('redirect_url=%j → the fallback, with a warning', async (hostile) => {
    window.history.replaceState(null, '', `/sign-in?redirect_url=${encodeURIComponent(hostile)}`);
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/fallback`);
    expect(warn).toHaveBeenCalledTimes(1);
    await clerk.redirectToAfterSignIn();
    expect(routerPush).toHaveBeenCalledWith('/fallback', expect.anything());
    expect(assign).not.toHaveBeenCalled();
  });

  it.each(HOSTILE)('navigate(%j) goes to / instead', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    await clerk.navigate(hostile);
    expect(routerPush.mock.calls).toEqual([['/', expect.anything()]]);
    expect(assign).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each(HOSTILE.filter(([, kind]) => kind === 'unsafe'))('a router calling windowNavigate(%j) is refused too', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    await clerk.navigate('/x');
    const { windowNavigate } = routerPush.mock.calls[0][1];
    windowNavigate(hostile);
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('tricky but harmless targets stay on the app', () => {
  it.each(['/dashboard?next=%2F%2Fevil.com', '/a/b/../c#frag', `${APP}/x?y=javascript:1`, '/search?q=a%20b', 'relative/path'])(
    'redirect_url=%j is followed on the app origin',
    (target) => {
      window.history.replaceState(null, '', `/sign-in/?redirect_url=${encodeURIComponent(target)}`);
      const result = new URL(clerk.buildAfterSignInUrl());
      expect(result.origin).toBe(APP);
      expect(result.href).not.toBe(`${APP}/fallback`);
      expect(warn).not.toHaveBeenCalled();
    },
  );
});

/** A signed-in session of `instance`'s client (instances share the browser's client), signing in when there is none. */
async function signIn(instance: ReturnType<typeof newClerk>) {
  const existing = instance.client!.signedInSessions[0]?.id;
  if (existing) return existing;
  const attempt = await instance.client!.signIn.create({ identifier: USER.emailAddress, password: USER.password });
  return attempt.createdSessionId!;
}

describe('every navigation path refuses the whole table', () => {
  it.each(HOSTILE)('setActive({ redirectUrl: %j }) routes to / only', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    await clerk.setActive({ session: await signIn(clerk), redirectUrl: hostile });
    expect(routerPush.mock.calls).toEqual([['/', expect.anything()]]);
    expect(assign).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each(HOSTILE)('buildUrlWithAuth(%j) adds no dev-browser token, redirectWithAuth routes to / only', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    expect(clerk.buildUrlWithAuth(hostile)).not.toContain('__clerk_db_jwt');
    await clerk.redirectWithAuth(hostile);
    expect(routerPush.mock.calls).toEqual([['/', expect.anything()]]);
    expect(assign).not.toHaveBeenCalled();
  });

  it('the dev-browser token still goes to an allowed other origin (the check is not "never")', async () => {
    const other = newClerk();
    await other.load({ routerPush, allowedRedirectOrigins: ['https://accounts.example.com'] });
    expect(new URL(other.buildUrlWithAuth('https://accounts.example.com/x')).searchParams.get('__clerk_db_jwt')).toBeTruthy();
    expect(other.buildUrlWithAuth('https://evil.com/x')).toBe('https://evil.com/x');
    other.destroy();
  });

  it('configured pages on a foreign origin get no dev-browser token', async () => {
    const other = newClerk();
    await other.load({ routerPush, userProfileUrl: 'https://evil.com/me', homeUrl: 'https://evil.com/', afterSignOutUrl: 'https://evil.com/bye' });
    for (const url of [other.buildUserProfileUrl(), other.buildHomeUrl(), other.buildAfterSignOutUrl()]) expect(url).not.toContain('__clerk_db_jwt');
    other.destroy();
  });

  describe('signOut({ redirectUrl }) with memoryNavigation', () => {
    const navigation = memoryNavigation(`${APP}/start`);
    const tab = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigation, signOutPlugin()] });
    beforeAll(() => tab.load());
    afterAll(() => tab.destroy());

    it.each(HOSTILE)('signOut({ redirectUrl: %j }) lands on /', async (hostile) => {
      await tab.setActive({ session: await signIn(tab as unknown as ReturnType<typeof newClerk>) });
      await tab.signOut({ redirectUrl: hostile });
      expect(tab.isSignedIn).toBe(false);
      expect(navigation.history.location).toBe(`${APP}/`);
      expect(navigation.history.entries.every((entry) => new URL(entry).origin === APP && !new URL(entry).pathname.startsWith('//'))).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      await tab.navigate('/start');
    });
  });
});

const PAGE_OPTIONS = [
  'signInUrl',
  'signUpUrl',
  'userProfileUrl',
  'homeUrl',
  'createOrganizationUrl',
  'organizationProfileUrl',
  'waitlistUrl',
  'afterSignOutUrl',
  'afterMultiSessionSingleSignOutUrl',
  'signInForceRedirectUrl',
  'signInFallbackRedirectUrl',
  'signUpForceRedirectUrl',
  'signUpFallbackRedirectUrl',
] as const;
const PAGES = [
  'SignIn',
  'SignUp',
  'UserProfile',
  'Home',
  'CreateOrganization',
  'OrganizationProfile',
  'AfterSignIn',
  'AfterSignUp',
  'AfterSignOut',
  'Waitlist',
];
const BUILDERS = [...PAGES, 'AfterMultiSessionSingleSignOut'];
type Pages = Record<string, () => unknown>;

describe('configured pages and the redirectTo* methods', () => {
  it.each(HOSTILE.filter(([, kind]) => kind === 'unsafe'))(
    'every page option set to %j: no builder returns it, every redirectTo* routes to / only',
    async (hostile) => {
      window.history.replaceState(null, '', '/somewhere');
      const other = newClerk();
      await other.load({ routerPush, ...Object.fromEntries(PAGE_OPTIONS.map((key) => [key, hostile])) });
      const page = new URL(window.location.href);
      for (const name of BUILDERS) {
        const built = String((other as unknown as Pages)[`build${name}Url`]());
        // '' (nothing configured that can be used), or a URL that is safe to put in an href.
        if (built) expect(safeUrl(built, page, DEFAULT_PROTOCOLS), `build${name}Url() → ${JSON.stringify(built)}`).not.toBeNull();
      }
      for (const name of PAGES) await (other as unknown as Pages)[`redirectTo${name}`]();
      expect(assign).not.toHaveBeenCalled();
      for (const [target] of routerPush.mock.calls as Array<[string]>) {
        const url = new URL(target, page);
        expect(url.origin).toBe(APP);
        expect(url.pathname).toBe('/');
      }
      other.destroy();
    },
  );

  it.each(HOSTILE)('redirectToSignIn/SignUp({ redirectUrl, force and fallback URLs: %j }) carry no hostile redirect parameter', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    const hostileOptions = {
      redirectUrl: hostile,
      signInForceRedirectUrl: hostile,
      signInFallbackRedirectUrl: hostile,
      signUpForceRedirectUrl: hostile,
      signUpFallbackRedirectUrl: hostile,
    };
    for (const built of [clerk.buildSignInUrl(hostileOptions), clerk.buildSignUpUrl(hostileOptions)]) {
      const url = new URL(built);
      expect(url.origin).toBe(APP);
      const route = new URL(`http://h${url.hash.slice(1)}`);
      for (const [key, value] of route.searchParams) expect(clerk.isAllowedRedirect(value), `${key}=${value}`).toBe(true);
    }
    await clerk.redirectToSignIn(hostileOptions);
    await clerk.redirectToSignUp(hostileOptions);
    expect(assign).not.toHaveBeenCalled();
    expect(routerPush.mock.calls.map(([to]) => new URL(to as string, APP).origin)).toEqual([APP, APP]);
  });
});

describe("the kernel's fallback navigation (no navigation plugin)", () => {
  const bare = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  beforeAll(() => bare.load());
  afterAll(() => bare.destroy());

  it.each(HOSTILE)('setActive({ redirectUrl: %j }) is refused with unsafe_redirect, no page load', async (hostile) => {
    window.history.replaceState(null, '', '/somewhere');
    await expect(bare.setActive({ session: null, redirectUrl: hostile })).rejects.toMatchObject({ code: 'unsafe_redirect' });
    expect(assign).not.toHaveBeenCalled();
  });

  it('follows a plain same-origin path', async () => {
    await bare.setActive({ session: null, redirectUrl: '/dashboard?x=1#y' });
    expect(assign).toHaveBeenCalledWith(`${APP}/dashboard?x=1#y`);
  });
});
