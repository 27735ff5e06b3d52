// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, definePlugin, type KernelInternals } from '../../kernel/index.js';
import { cookieSuffix, readCookie } from '../../kernel/dev-browser.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { USERS, openTab, resetBrowser, signIn } from '../../test/helpers/tabs.js';
import { navigationPlugin } from '../navigation/index.js';
import { signOutPlugin } from '../sign-out/index.js';
import { sessionSyncPlugin } from './index.js';

const emulator = useEmulator({ seed: { users: USERS } });
const ada = USERS[0].emailAddress;
let suffix: string;

/** Every raw `document.cookie = …` assignment, to check attributes the getter does not show. */
const writes: string[] = [];
function cookieDescriptor(): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(document); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, 'cookie');
    if (found) return found;
  }
  throw new Error('no document.cookie accessor');
}
const writesOf = (name: string) => writes.filter((w) => w.startsWith(`${name}=`));

/** Exposes the kernel internals to the test (as a third-party plugin could). */
let kernel: KernelInternals;
const kernelAccess = () =>
  definePlugin({
    name: 'kernel-access',
    setup(ctx) {
      kernel = ctx.kernel;
      return {};
    },
  });

const tabs: Array<{ destroy(): void }> = [];
async function tab(loadOptions: Record<string, unknown> = {}) {
  const clerk = await openTab(emulator, [kernelAccess(), sessionSyncPlugin(), navigationPlugin(), signOutPlugin()], {
    afterSignOutUrl: undefined,
    ...loadOptions,
  });
  tabs.push(clerk);
  return clerk;
}

beforeEach(async () => {
  resetBrowser(emulator);
  suffix = await cookieSuffix(emulator.publishableKey);
  const descriptor = cookieDescriptor();
  vi.spyOn(document, 'cookie', 'set').mockImplementation(function (this: Document, value: string) {
    writes.push(value);
    descriptor.set!.call(this, value);
  });
  writes.length = 0;
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
});

describe('__session', () => {
  it('holds the current session token under both names, path=/, 1 year, SameSite=Lax, not Secure on http', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const jwt = clerk.session!.lastActiveToken!.getRawString();
    expect(readCookie('__session')).toBe(jwt);
    expect(readCookie(`__session_${suffix}`)).toBe(jwt);
    expect(writesOf('__session').at(-1)).toBe(`__session=${jwt}; path=/; max-age=31536000; SameSite=Lax`);
    expect(readCookie('clerk_active_context')).toBe(`${clerk.session!.id}:`);
  });

  it('follows token refreshes', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    await new Promise((r) => setTimeout(r, 1100)); // a token minted a second later has a later iat
    const fresh = await clerk.session!.getToken({ skipCache: true });
    expect(readCookie(`__session_${suffix}`)).toBe(fresh);
  });

  it('is removed on sign-out, and __client_uat becomes 0', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    expect(Number(readCookie('__client_uat'))).toBeGreaterThan(0);
    await clerk.signOut(() => {});
    expect(readCookie('__session')).toBeUndefined();
    expect(readCookie(`__session_${suffix}`)).toBeUndefined();
    expect(readCookie('__client_uat')).toBe('0');
    expect(readCookie(`__client_uat_${suffix}`)).toBe('0');
  });

  it('never replaces a fresher token of the same session with a staler one', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    // Another tab of the browser mints two newer tokens; the newest is already in the cookie.
    const other = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
    tabs.push(other);
    await other.load();
    await new Promise((r) => setTimeout(r, 1100));
    const older = (await other.session!.getToken({ skipCache: true }))!;
    await new Promise((r) => setTimeout(r, 1100));
    const newest = (await other.session!.getToken({ skipCache: true }))!;
    document.cookie = `__session_${suffix}=${newest}; path=/`;
    // This tab now gets the older one (fresher than its own) as its session token.
    kernel.tokens.seed(clerk.session!.id, older);
    expect(await clerk.session!.getToken()).toBe(older);
    expect(readCookie(`__session_${suffix}`)).toBe(newest);
  });

  it('an unfocused tab writes only while it is on the session of the last write', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    document.cookie = 'clerk_active_context=sess_someone_else:; path=/';
    await new Promise((r) => setTimeout(r, 1100));
    const before = readCookie('__session');
    await clerk.session!.getToken({ skipCache: true });
    expect(readCookie('__session')).toBe(before);

    document.cookie = `clerk_active_context=${clerk.session!.id}:; path=/`;
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await clerk.session!.getToken({ skipCache: true });
    expect(readCookie('__session')).toBe(fresh);
  });
});

describe('__client_uat (development)', () => {
  it('is floor(client.updatedAt / 1000) while signed in, SameSite=Strict, 1 year, path=/', async () => {
    const clerk = await tab();
    expect(readCookie('__client_uat')).toBe('0');
    await signIn(clerk, ada);
    const expected = String(Math.floor(clerk.client!.updatedAt!.getTime() / 1000));
    expect(readCookie('__client_uat')).toBe(expected);
    expect(readCookie(`__client_uat_${suffix}`)).toBe(expected);
    expect(writesOf('__client_uat').at(-1)).toBe(`__client_uat=${expected}; path=/; max-age=31536000; SameSite=Strict`);
  });
});

describe('when off', () => {
  it('writes no session or client_uat cookie with standardBrowser: false', async () => {
    const clerk = await tab({ standardBrowser: false });
    await signIn(clerk, ada);
    expect(clerk.session?.lastActiveToken).toBeTruthy();
    expect(writes.filter((w) => /^(__session|__client_uat|clerk_active_context)/.test(w))).toEqual([]);
    expect(readCookie('__session')).toBeUndefined();
  });

  it('stops writing after destroy()', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const session = clerk.session!;
    clerk.destroy();
    writes.length = 0;
    await new Promise((r) => setTimeout(r, 1100));
    await session.getToken({ skipCache: true });
    expect(writesOf('__session')).toEqual([]);
  });
});

describe('on https', () => {
  it('adds Secure', async () => {
    const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    happyDOM.setURL('https://localhost:3000/');
    try {
      const clerk = await tab();
      await signIn(clerk, ada);
      expect(writesOf('__session').at(-1)).toMatch(/; SameSite=Lax; Secure$/);
      expect(writesOf('__client_uat').at(-1)).toMatch(/; SameSite=Strict; Secure$/);
      expect(writesOf('clerk_active_context').at(-1)).toMatch(/; SameSite=Lax; Secure$/);
      // The dev-browser token (kernel) too, under both names.
      for (const name of ['__clerk_db_jwt', `__clerk_db_jwt_${suffix}`]) expect(writesOf(name).at(-1)).toMatch(/; max-age=31536000; SameSite=Lax; Secure$/);
    } finally {
      happyDOM.setURL('http://localhost:3000/');
    }
  });
});

describe('on http', () => {
  it('no cookie the SDK writes is Secure (the browser would drop it), each keeps its SameSite', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const expected: Record<string, string> = {
      __session: 'Lax',
      [`__session_${suffix}`]: 'Lax',
      __client_uat: 'Strict',
      [`__client_uat_${suffix}`]: 'Strict',
      clerk_active_context: 'Lax',
      __clerk_db_jwt: 'Lax',
      [`__clerk_db_jwt_${suffix}`]: 'Lax',
    };
    for (const [name, sameSite] of Object.entries(expected)) expect(writesOf(name).at(-1), name).toMatch(new RegExp(`; SameSite=${sameSite}$`));
    expect(writes.filter((w) => /secure/i.test(w))).toEqual([]);
  });
});
