// @vitest-environment happy-dom
import { createBrowserHistory, createMemoryHistory } from 'history';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClerk, definePlugin } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { memoryNavigation, navigationPlugin, type NavigationApi } from './index.js';

const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery' }] } });
const instances: Array<{ destroy(): void }> = [];
const track = <T extends { destroy(): void }>(clerk: T) => (instances.push(clerk), clerk);
const options = { publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL };

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  vi.restoreAllMocks();
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
});

async function signIn(clerk: { client?: { signIn: { create(p: object): Promise<{ createdSessionId: string | null }> } } }) {
  const attempt = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
  return attempt.createdSessionId!;
}

describe('a real router library (history v5) wired through routerPush / routerReplace', () => {
  it('memory history: navigate, replace and setActive({ redirectUrl }) move the router, not the page', async () => {
    const history = createMemoryHistory({ initialEntries: ['/start'] });
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const clerk = track(createClerk({ ...options, plugins: [navigationPlugin()] }));
    await clerk.load({ routerPush: (to) => history.push(to), routerReplace: (to) => history.replace(to) });

    await clerk.navigate('/dashboard?tab=2#top');
    expect(history.location).toMatchObject({ pathname: '/dashboard', search: '?tab=2', hash: '#top' });
    expect(history.index).toBe(1);
    await clerk.navigate('/settings', { replace: true });
    expect(history.location.pathname).toBe('/settings');
    expect(history.index).toBe(1);

    await clerk.setActive({ session: await signIn(clerk), redirectUrl: '/welcome' });
    expect(history.location.pathname).toBe('/welcome');
    expect(clerk.isSignedIn).toBe(true);
    expect(assign).not.toHaveBeenCalled();
  });

  it('browser history: the address bar follows, without a page load', async () => {
    const history = createBrowserHistory();
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const clerk = track(createClerk({ ...options, plugins: [navigationPlugin()] }));
    await clerk.load({
      routerPush: (to) => history.push(to),
      routerReplace: (to) => history.replace(to),
      signInUrl: '/login',
      allowedRedirectOrigins: ['https://elsewhere.example'],
    });
    await clerk.redirectToSignIn();
    expect(window.location.pathname).toBe('/login');
    expect(window.location.hash).toMatch(/^#\/\?redirect_url=/);
    await clerk.navigate('https://elsewhere.example/');
    expect(assign).toHaveBeenCalledWith('https://elsewhere.example/');
    expect(window.location.pathname).toBe('/login');
  });
});

describe('memoryNavigation()', () => {
  it('records history, resolves builders against its own location, and refuses unsafe targets', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const navigation = memoryNavigation('https://app.example/home?redirect_url=%2Fback');
    const clerk = track(createClerk({ ...options, plugins: [navigation] }));
    await clerk.load({ allowedRedirectOrigins: ['https://other.example'] });
    expect(clerk.buildAfterSignInUrl()).toBe('https://app.example/back');
    await clerk.redirectToAfterSignIn();
    await clerk.navigate('/replaced', { replace: true });
    await clerk.navigate('https://other.example/x');
    await clerk.navigate('javascript:alert(1)');
    expect(navigation.history.entries).toEqual([
      'https://app.example/home?redirect_url=%2Fback',
      'https://app.example/replaced',
      'https://other.example/x',
      'https://other.example/',
    ]);
    expect(navigation.history.index).toBe(3);
    expect(navigation.history.location).toBe('https://other.example/');
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('a custom plugin named "navigation" replaces the default', () => {
  function customNavigation(log: string[]) {
    return definePlugin({
      name: 'navigation',
      provides: ['navigate'],
      setup(ctx): NavigationApi {
        const navigate = async (to: string | undefined) => void log.push(`go ${to}`);
        ctx.provide('navigate', navigate);
        const build = (path: string) => () => `https://auth.example${path}`;
        const go = (path: string) => () => navigate(`https://auth.example${path}`);
        return {
          navigate,
          buildSignInUrl: build('/sign-in'),
          buildSignUpUrl: build('/sign-up'),
          buildUserProfileUrl: build('/user'),
          buildHomeUrl: build('/'),
          buildCreateOrganizationUrl: build('/create-org'),
          buildOrganizationProfileUrl: build('/org'),
          buildAfterSignInUrl: build('/after-in'),
          buildAfterSignUpUrl: build('/after-up'),
          buildAfterSignOutUrl: build('/after-out'),
          buildAfterMultiSessionSingleSignOutUrl: build('/choose'),
          buildWaitlistUrl: build('/waitlist'),
          buildUrlWithAuth: (to) => to,
          isAllowedRedirect: (to) => to.startsWith('https://auth.example/'),
          redirectWithAuth: navigate,
          redirectToSignIn: go('/sign-in'),
          redirectToSignUp: go('/sign-up'),
          redirectToUserProfile: go('/user'),
          redirectToCreateOrganization: go('/create-org'),
          redirectToOrganizationProfile: go('/org'),
          redirectToAfterSignIn: go('/after-in'),
          redirectToAfterSignUp: go('/after-up'),
          redirectToAfterSignOut: go('/after-out'),
          redirectToHome: go('/'),
          redirectToWaitlist: go('/waitlist'),
        };
      },
    });
  }

  it('the kernel and plugins that depend on "navigation" go through it', async () => {
    const log: string[] = [];
    // A plugin that only knows the contract, as sign-out does.
    const consumer = definePlugin({
      name: 'consumer',
      dependsOn: ['navigation'],
      setup: (ctx) => ({ goHomeViaNavigation: () => ctx.get('navigation').redirectToHome() }),
    });
    const clerk = track(createClerk({ ...options, plugins: [consumer, customNavigation(log)] }));
    await clerk.load();
    expect(clerk.buildSignInUrl()).toBe('https://auth.example/sign-in');
    await clerk.goHomeViaNavigation();
    await clerk.setActive({ session: await signIn(clerk), redirectUrl: '/from-set-active' });
    expect(log).toEqual(['go https://auth.example/', 'go /from-set-active']);
  });

  it('cannot be combined with the default one (one plugin per name)', () => {
    expect(() => createClerk({ ...options, plugins: [navigationPlugin(), customNavigation([])] })).toThrow(/Two plugins are named "navigation"/);
  });
});
