// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { navigationPlugin } from './index.js';

const emulator = useEmulator();
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

  it.each(HOSTILE.filter(([, kind]) => kind === 'unsafe'))('navigate(%j) goes to / instead', async (hostile) => {
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
