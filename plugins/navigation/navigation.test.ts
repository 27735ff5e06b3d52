// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { navigationPlugin, type NavigationLoadOptions } from './index.js';

const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery' }] } });
const APP = 'http://localhost:3000';
const enc = encodeURIComponent;
const instances: Array<{ destroy(): void }> = [];
let assign: MockInstance;
let warn: MockInstance;

function newClerk() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigationPlugin()] });
  instances.push(clerk);
  return clerk;
}
async function loaded(options: NavigationLoadOptions & Record<string, unknown> = {}) {
  const clerk = newClerk();
  await clerk.load(options);
  return clerk;
}
const goTo = (path: string) => window.history.replaceState(null, '', path);
const devBrowserCookie = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith('__clerk_db_jwt='))
    ?.split('=')[1];

beforeEach(() => {
  goTo('/current');
  assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  vi.restoreAllMocks();
  // A fresh dev browser (client) per test: a sign-in must not leak into the next test.
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
});

describe('builders', () => {
  it('return "" before load, like ClerkJS', () => {
    const clerk = newClerk();
    expect(clerk.buildSignInUrl()).toBe('');
    expect(clerk.buildSignUpUrl()).toBe('');
    expect(clerk.buildUserProfileUrl()).toBe('');
    expect(clerk.buildHomeUrl()).toBe('');
    expect(clerk.buildWaitlistUrl()).toBe('');
    expect(clerk.buildAfterMultiSessionSingleSignOutUrl()).toBe('');
  });

  it('read the environment display config, with redirect_url (the current page) in the hash', async () => {
    const clerk = await loaded();
    expect(clerk.buildSignInUrl()).toBe(`${APP}/sign-in#/?redirect_url=${enc(`${APP}/current`)}`);
    expect(clerk.buildSignUpUrl({ redirectUrl: '/after' })).toBe(`${APP}/sign-up#/?redirect_url=${enc(`${APP}/after`)}`);
    expect(clerk.buildUserProfileUrl()).toBe(`${APP}/user`);
    expect(clerk.buildHomeUrl()).toBe(`${APP}/`);
    expect(clerk.buildCreateOrganizationUrl()).toBe(`${APP}/create-organization`);
    expect(clerk.buildOrganizationProfileUrl()).toBe(`${APP}/organization`);
    expect(clerk.buildWaitlistUrl({ initialValues: { emailAddress: 'a@b.co' } })).toBe(`${APP}/waitlist#/?email_address=a%40b.co`);
    expect(clerk.buildAfterMultiSessionSingleSignOutUrl()).toBe(`${APP}/sign-in#/choose`);
    expect(clerk.buildAfterSignOutUrl()).toBe('/');
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/`);
  });

  it('prefer load() options over the display config', async () => {
    const clerk = await loaded({ signInUrl: '/login', signUpUrl: '/register', waitlistUrl: '/wait', afterSignOutUrl: '/bye', userProfileUrl: '/me' });
    expect(clerk.buildSignInUrl()).toMatch(new RegExp(`^${APP}/login#/\\?redirect_url=`));
    expect(clerk.buildSignUpUrl()).toMatch(new RegExp(`^${APP}/register#/\\?redirect_url=`));
    expect(clerk.buildWaitlistUrl()).toBe(`${APP}/wait`);
    expect(clerk.buildAfterSignOutUrl()).toBe(`${APP}/bye`);
    expect(clerk.buildUserProfileUrl()).toBe(`${APP}/me`);
    expect(clerk.buildAfterMultiSessionSingleSignOutUrl()).toBe(`${APP}/login#/choose`);
  });

  it('host sign-up at <signInUrl>#/create when only a relative signInUrl is set (combined flow)', async () => {
    const clerk = await loaded({ signInUrl: '/auth' });
    expect(clerk.buildSignUpUrl()).toBe(`${APP}/auth#/create?redirect_url=${enc(`${APP}/current`)}`);
  });

  it('put force/fallback URLs and initial values in the hash; a fallback is dropped next to its force URL', async () => {
    const clerk = await loaded({ signUpFallbackRedirectUrl: '/up-fallback', signInFallbackRedirectUrl: '/in-fallback' });
    const hash = new URLSearchParams(
      new URL(clerk.buildSignInUrl({ signInForceRedirectUrl: '/dash', initialValues: { emailAddress: 'ada@example.com' } })).hash.slice(3),
    );
    expect(hash.get('sign_in_force_redirect_url')).toBe(`${APP}/dash`);
    expect(hash.has('sign_in_fallback_redirect_url')).toBe(false);
    expect(hash.get('sign_up_fallback_redirect_url')).toBe(`${APP}/up-fallback`);
    expect(hash.get('email_address')).toBe('ada@example.com');
    expect(hash.get('redirect_url')).toBe(`${APP}/current`);
  });

  it('drop a hostile redirectUrl prop (warning) and keep the current page', async () => {
    const clerk = await loaded();
    const hash = new URLSearchParams(new URL(clerk.buildSignInUrl({ redirectUrl: 'https://evil.com/phish' })).hash.slice(3));
    expect(hash.get('redirect_url')).toBe(`${APP}/current`);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://evil.com/phish'));
  });
});

describe('redirect precedence: force > redirect_url > fallback > /', () => {
  it('force beats redirect_url in the page URL', async () => {
    goTo('/sign-in?redirect_url=%2Ffrom-query');
    const clerk = await loaded({ signInForceRedirectUrl: '/forced', signInFallbackRedirectUrl: '/fallback' });
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/forced`);
  });
  it('redirect_url (query or hash route) beats the fallback', async () => {
    goTo('/sign-in?redirect_url=%2Ffrom-query');
    const clerk = await loaded({ signInFallbackRedirectUrl: '/fallback', signUpFallbackRedirectUrl: '/up' });
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/from-query`);
    goTo(`/sign-in#/?redirect_url=${enc(`${APP}/from-hash`)}`);
    expect(clerk.buildAfterSignUpUrl()).toBe(`${APP}/from-hash`);
  });
  it('a force URL in the query beats the options', async () => {
    goTo('/sign-in?sign_in_force_redirect_url=%2Fq-force');
    const clerk = await loaded({ signInForceRedirectUrl: '/forced' });
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/q-force`);
  });
  it('fallback, then legacy afterSignInUrl, then /', async () => {
    expect((await loaded({ signInFallbackRedirectUrl: '/fallback', afterSignInUrl: '/legacy' })).buildAfterSignInUrl()).toBe(`${APP}/fallback`);
    expect((await loaded({ afterSignUpUrl: '/legacy-up' })).buildAfterSignUpUrl()).toBe(`${APP}/legacy-up`);
    expect((await loaded()).buildAfterSignInUrl()).toBe(`${APP}/`);
  });
  it('an unsafe or foreign candidate is skipped with a warning', async () => {
    goTo(`/sign-in?redirect_url=${enc('https://evil.com/x')}`);
    const clerk = await loaded({ signInForceRedirectUrl: 'javascript:alert(1)', signInFallbackRedirectUrl: '/fallback' });
    expect(clerk.buildAfterSignInUrl()).toBe(`${APP}/fallback`);
    expect(warn).toHaveBeenCalledTimes(2);
  });
  it('allowedRedirectOrigins (globs and RegExps) admit other origins', async () => {
    goTo(`/sign-in?redirect_url=${enc('https://shop.partner.com/cart')}`);
    // (development: other origins also get the dev browser as __clerk_db_jwt)
    expect((await loaded({ allowedRedirectOrigins: ['https://*.partner.com'] })).buildAfterSignInUrl()).toMatch(
      /^https:\/\/shop\.partner\.com\/cart\?__clerk_db_jwt=/,
    );
    expect((await loaded({ allowedRedirectOrigins: [/^https:\/\/shop\.partner\.com$/] })).buildAfterSignInUrl()).toMatch(
      /^https:\/\/shop\.partner\.com\/cart\?/,
    );
    expect((await loaded({ allowedRedirectOrigins: ['https://partner.com'] })).buildAfterSignInUrl()).toBe(`${APP}/`);
  });
  it('allowedRedirectProtocols extends the protocol list', async () => {
    goTo(`/x?redirect_url=${enc('tauri://localhost/home')}`);
    const allowedRedirectOrigins = ['tauri://localhost'];
    expect((await loaded({ allowedRedirectOrigins })).buildAfterSignInUrl()).toBe(`${APP}/`);
    expect((await loaded({ allowedRedirectOrigins, allowedRedirectProtocols: ['tauri:'] })).buildAfterSignInUrl()).toBe('tauri://localhost/home');
  });
});

describe('navigate', () => {
  it('sends same-origin targets to routerPush as path + search + hash, and awaits it', async () => {
    let finished = false;
    const routerPush = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 5));
      finished = true;
      return 'pushed';
    });
    const clerk = await loaded({ routerPush });
    await expect(clerk.navigate(`${APP}/a/b?x=1#frag`)).resolves.toBe('pushed');
    expect(finished).toBe(true);
    expect(routerPush).toHaveBeenCalledWith('/a/b?x=1#frag', expect.objectContaining({ windowNavigate: expect.any(Function) }));
    expect(assign).not.toHaveBeenCalled();
  });
  it('uses routerReplace for { replace: true }, routerPush when there is no routerReplace', async () => {
    const routerPush = vi.fn();
    const routerReplace = vi.fn();
    await (await loaded({ routerPush, routerReplace })).navigate('/r', { replace: true });
    expect(routerReplace).toHaveBeenCalledWith('/r', expect.anything());
    expect(routerPush).not.toHaveBeenCalled();
    const push2 = vi.fn();
    await (await loaded({ routerPush: push2 })).navigate('/r2', { replace: true });
    expect(push2).toHaveBeenCalledWith('/r2', expect.anything());
  });
  it('loads the page for absolute URLs on allowed other origins (window.location), never through the router', async () => {
    const routerPush = vi.fn();
    const clerk = await loaded({ routerPush, allowedRedirectOrigins: ['https://accounts.example.com'] });
    await clerk.navigate('https://accounts.example.com/sign-in?x=1');
    expect(assign).toHaveBeenCalledWith('https://accounts.example.com/sign-in?x=1');
    expect(routerPush).not.toHaveBeenCalled();
  });
  it('goes to / instead of an origin outside allowedRedirectOrigins, with a warning', async () => {
    const routerPush = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clerk = await loaded({ routerPush, allowedRedirectOrigins: ['https://accounts.example.com'] });
    await clerk.navigate('https://other.example.com/x');
    expect(assign).not.toHaveBeenCalled();
    expect(routerPush.mock.calls.map((c) => c[0])).toEqual(['/']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('allowedRedirectOrigins'));
  });
  it('without a router, same-origin targets are page loads too', async () => {
    await (await loaded()).navigate('/plain');
    expect(assign).toHaveBeenCalledWith(`${APP}/plain`);
  });
  it('goes to / instead of an unsafe target, with a warning', async () => {
    const routerPush = vi.fn();
    const clerk = await loaded({ routerPush });
    await clerk.navigate('javascript:alert(document.cookie)');
    await clerk.navigate('//evil.com/x');
    expect(routerPush.mock.calls.map((c) => c[0])).toEqual(['/', '/']);
    expect(assign).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
  });
  it('redirectTo* builds and navigates', async () => {
    const routerPush = vi.fn();
    const clerk = await loaded({ routerPush, afterSignOutUrl: '/bye' });
    await clerk.redirectToSignIn();
    await clerk.redirectToUserProfile();
    await clerk.redirectToAfterSignOut();
    await clerk.redirectToHome();
    await clerk.redirectToWaitlist();
    await clerk.redirectToCreateOrganization();
    await clerk.redirectToOrganizationProfile();
    await clerk.redirectToSignUp({ signUpForceRedirectUrl: '/welcome' });
    await clerk.redirectToAfterSignIn();
    await clerk.redirectToAfterSignUp();
    expect(routerPush.mock.calls.map((c) => c[0])).toEqual([
      `/sign-in#/?redirect_url=${enc(`${APP}/current`)}`,
      '/user',
      '/bye',
      '/',
      '/waitlist',
      '/create-organization',
      '/organization',
      `/sign-up#/?sign_up_force_redirect_url=${enc(`${APP}/welcome`)}&redirect_url=${enc(`${APP}/current`)}`,
      '/',
      '/',
    ]);
  });
  it('kernel setActive({ redirectUrl }) navigates through the router before emitting the new session', async () => {
    const seen: string[] = [];
    const clerk = await loaded({ routerPush: (to: string) => void seen.push(`${to} session=${String(clerk.session)}`) });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId, redirectUrl: '/dashboard?welcome=1' });
    expect(seen).toEqual(['/dashboard?welcome=1 session=undefined']);
    expect(clerk.session?.id).toBe(signIn.createdSessionId);
  });
  it('rejects a non-function routerPush with an error naming the field', async () => {
    await expect(newClerk().load({ routerPush: '/not-a-function' as never })).rejects.toThrow(/"routerPush": expected a function/);
    await expect(newClerk().load({ allowedRedirectOrigins: 'https://x.com' as never })).rejects.toThrow(/"allowedRedirectOrigins"/);
  });
  it('accepts null URL options (ClerkJS types allow it) and treats them as unset', async () => {
    const clerk = await loaded({ signInUrl: '/login', afterSignOutUrl: null, signInFallbackRedirectUrl: null, signInForceRedirectUrl: null });
    expect(clerk.buildAfterSignOutUrl()).toBe('/');
    expect(clerk.buildSignInUrl()).toMatch(/^http:\/\/localhost:3000\/login#\/\?redirect_url=/);
  });
});

describe('buildUrlWithAuth / redirectWithAuth (development instance)', () => {
  it('adds the dev-browser token as __clerk_db_jwt for other allowed origins only', async () => {
    const clerk = await loaded({ allowedRedirectOrigins: ['https://accounts.example.com'] });
    const token = devBrowserCookie();
    expect(token).toBeTruthy();
    expect(new URL(clerk.buildUrlWithAuth('https://accounts.example.com/x')).searchParams.get('__clerk_db_jwt')).toBe(token);
    expect(clerk.buildUrlWithAuth('https://other.example.com/x')).toBe('https://other.example.com/x');
    expect(clerk.buildUrlWithAuth('/same')).toBe(`${APP}/same`);
    expect(clerk.buildUrlWithAuth(`${APP}/same?a=1`)).toBe(`${APP}/same?a=1`);
    await clerk.redirectWithAuth('https://accounts.example.com/sign-in');
    expect(assign).toHaveBeenCalledWith(`https://accounts.example.com/sign-in?__clerk_db_jwt=${token}`);
  });
});

describe('satellite domains', () => {
  it('isSatellite with __clerk_synced=false sends the page to the primary sign-in with __clerk_satellite_url', async () => {
    goTo('/page?__clerk_synced=false');
    await loaded({ isSatellite: true, signInUrl: 'https://primary.example/sign-in' });
    const target = new URL(assign.mock.calls[0][0] as string);
    expect(target.origin + target.pathname).toBe('https://primary.example/sign-in');
    expect(target.searchParams.get('__clerk_satellite_url')).toBe(`${APP}/page?__clerk_synced=false`);
  });
  it('does not sync without __clerk_synced=false unless satelliteAutoSync and signed out; never once synced', async () => {
    await loaded({ isSatellite: true, signInUrl: 'https://primary.example/sign-in' });
    expect(assign).not.toHaveBeenCalled();
    goTo('/page?__clerk_synced=true');
    await loaded({ isSatellite: true, signInUrl: 'https://primary.example/sign-in', satelliteAutoSync: true });
    expect(assign).not.toHaveBeenCalled();
    goTo('/page');
    await loaded({ isSatellite: true, signInUrl: 'https://primary.example/sign-in', satelliteAutoSync: true });
    expect(assign).toHaveBeenCalledTimes(1);
  });
  it('marks redirect URLs of a satellite with __clerk_synced=false', async () => {
    const clerk = await loaded({ isSatellite: true, signInUrl: 'https://primary.example/sign-in', allowedRedirectOrigins: [APP] });
    const url = new URL(clerk.buildSignInUrl());
    expect(url.origin).toBe('https://primary.example');
    const redirect = new URLSearchParams(url.hash.slice(3)).get('redirect_url')!;
    expect(new URL(redirect).searchParams.get('__clerk_synced')).toBe('false');
    expect(url.searchParams.get('__clerk_db_jwt')).toBe(devBrowserCookie());
  });
  it('a development satellite without an absolute primary signInUrl is misconfigured (load degrades)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const clerk = await loaded({ isSatellite: true, signInUrl: '/sign-in' });
    expect(clerk.status).toBe('degraded');
  });
  it('the primary sends an allowed satellite back with __clerk_synced=true and the dev browser', async () => {
    goTo(`/sign-in?__clerk_satellite_url=${enc('https://sat.example/page')}`);
    await loaded({ allowedRedirectOrigins: ['https://sat.example'] });
    const back = new URL(assign.mock.calls[0][0] as string);
    expect(back.origin + back.pathname).toBe('https://sat.example/page');
    expect(back.searchParams.get('__clerk_synced')).toBe('true');
    expect(back.searchParams.get('__clerk_db_jwt')).toBe(devBrowserCookie());
  });
  it('the primary ignores a satellite URL that is not an allowed origin', async () => {
    goTo(`/sign-in?__clerk_satellite_url=${enc('https://evil.example/steal')}`);
    await loaded();
    expect(assign).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });
});
