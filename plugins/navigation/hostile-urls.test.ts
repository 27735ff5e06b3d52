// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { signOutPlugin } from '../sign-out/index.js';
import { memoryNavigation, navigationPlugin } from './index.js';

const USER = { emailAddress: 'ada@example.com', password: 'correct-horse-battery' };
const emulator = useEmulator({ seed: { users: [USER] } });
const APP = 'http://localhost:3000';

/** `unsafe`: never navigable anywhere. `origin`: a fine URL, but not an allowed redirect origin. */
const HOSTILE: Array<[url: string, kind: 'unsafe' | 'origin']> = [
  ['javascript:alert(1)', 'unsafe'],
  ['JaVaScRiPt:alert(1)', 'unsafe'],
  [' javascript:alert(1)', 'unsafe'],
  ['java\tscript:alert(1)', 'unsafe'],
  ['java\nscript:alert(1)', 'unsafe'],
  ['javascript://%0aalert(1)', 'unsafe'],
  ['javascript%3Aalert(1)', 'unsafe'],
  ['%6A%61%76%61%73%63%72%69%70%74:alert(1)', 'unsafe'],
  ['data:text/html,<script>alert(1)</script>', 'unsafe'],
  ['DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'unsafe'],
  ['vbscript:msgbox(1)', 'unsafe'],
  ['blob:https://evil.com/0b6f', 'unsafe'],
  ['file:///etc/passwd', 'unsafe'],
  ['ftp://evil.com/x', 'unsafe'],
  ['//evil.com', 'unsafe'],
  ['///evil.com', 'unsafe'],
  ['////evil.com/x', 'unsafe'],
  [' //evil.com', 'unsafe'],
  ['/\\evil.com', 'unsafe'],
  ['\\\\evil.com', 'unsafe'],
  ['\\/evil.com', 'unsafe'],
  ['/\\/evil.com', 'unsafe'],
  ['/\t/evil.com', 'unsafe'],
  ['\t//evil.com', 'unsafe'],
  ['/\n/evil.com', 'unsafe'],
  ['\x00//evil.com', 'unsafe'],
  ['/dashboard\x00', 'unsafe'],
  ['/ok\x7f', 'unsafe'],
  ['/ok%00', 'unsafe'],
  ['/%09/evil.com', 'unsafe'],
  ['/%2F/evil.com', 'unsafe'],
  ['%2F%2Fevil.com', 'unsafe'],
  ['/%5Cevil.com', 'unsafe'],
  ['%5C%5Cevil.com', 'unsafe'],
  ['/%252F%252Fevil.com', 'unsafe'],
  // Same-origin-looking paths whose resolved pathname starts with `//`: a router reads `//evil.test` as a host.
  ['/.//evil.test', 'unsafe'],
  ['/a/..//evil.test', 'unsafe'],
  ['/%2e//evil.test', 'unsafe'],
  ['/%2E%2E//evil.test', 'unsafe'],
  ['/x/%2e%2e//evil.test/path', 'unsafe'],
  ['./..//evil.test', 'unsafe'],
  [`${APP}/.//evil.test`, 'unsafe'],
  [`${APP}@evil.com`, 'unsafe'],
  ['http://localhost:3000@evil.com/', 'unsafe'],
  ['https://app.com@evil.com', 'unsafe'],
  ['https://evil.com%2F@localhost:3000/', 'unsafe'],
  ['http://user:pass@localhost:3000/', 'unsafe'],
  ['https://evil.com\\@localhost:3000', 'unsafe'],
  ['https://evil.com', 'origin'],
  ['http://evil.com/path', 'origin'],
  ['https:evil.com', 'origin'],
  ['https://localhost:3000.evil.com', 'origin'],
  ['https://evil.com#@localhost:3000', 'origin'],
  ['https://evil.com?@localhost:3000', 'origin'],
  ['http://localhost:3001/', 'origin'],
  ['https://localhost:3000/', 'origin'],
  ['http://127.0.0.1:3000/', 'origin'],
  ['http://[::1]:3000/', 'origin'],
  ['https://emulator.accounts.dev.evil.com', 'origin'],
  ['http://emulator.accounts.dev/', 'origin'],
  ['chrome-extension://abcdefghijklmnop/page.html', 'origin'],
  ['wails://evil/', 'origin'],
];

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
