// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { memoryNavigation } from '../navigation/index.js';
import { oauthPlugin } from './index.js';
import { accountPortal } from './popup.js';
import { Environment } from '../../kernel/index.js';

const PASSWORD = 'correct horse battery staple';
const ADA = { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada' };
const GRACE = { emailAddress: 'grace@example.com', password: PASSWORD };
// Base32 secret: TOTP is Turing's second factor.
const ALAN = { emailAddress: 'alan@example.com', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP' };
const emulator = useEmulator({ seed: { users: [ADA, GRACE, ALAN] } });
const APP = 'http://localhost:3000';
const CALLBACK = `${APP}/sso-callback`;

let loads: URL[] = [];
const tabs: Array<{ destroy(): void }> = [];

/** One page of the app: memory navigation starting at `url`, the oauth plugin with a recorded page load. */
async function tab(url = `${APP}/sign-in`, loadOptions: Record<string, unknown> = {}) {
  const nav = memoryNavigation(url);
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [nav, oauthPlugin({ pageLoad: (u) => void loads.push(u) })],
  });
  tabs.push(clerk);
  await clerk.load(loadOptions as never);
  return { clerk, nav };
}

/** The provider's consent step, as the browser following the provider URL (`auto=1` grants at once). */
async function provider(url: URL, params: Record<string, string> = {}): Promise<string> {
  const target = new URL(url);
  target.searchParams.set('auto', '1');
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  const response = await emulator.handle(new Request(target, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** Starts on the sign-in page, goes through the provider as `email`, and opens the page it returns to. */
async function returnFromProvider(email: string | undefined, flow: 'signIn' | 'signUp' = 'signIn', loadOptions: Record<string, unknown> = {}) {
  const start = await tab(`${APP}/sign-in`, loadOptions);
  await start.clerk.client![flow].authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
  return tab(await provider(loads.at(-1)!, email ? { email } : {}), loadOptions);
}

/** Bodies of the FAPI requests sent with `fetch`, as form parameters. */
async function sentBodies(spy: ReturnType<typeof vi.spyOn>, path: string): Promise<URLSearchParams[]> {
  const bodies: URLSearchParams[] = [];
  for (const [input, init] of spy.mock.calls as Array<[RequestInfo | URL, RequestInit | undefined]>) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== `/__clerk/v1${path}`) continue;
    const body = init?.body ?? (input instanceof Request ? await input.clone().text() : '');
    bodies.push(new URLSearchParams(String(body)));
  }
  return bodies;
}

beforeEach(() => {
  emulator.reset();
  emulator.updateSettings({ singleSession: false });
  loads = [];
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
  for (const part of document.cookie.split('; ')) {
    const name = part.slice(0, part.indexOf('='));
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
});

describe('signIn / signUp.authenticateWithRedirect', () => {
  it('creates the attempt with the strategy and absolute return URLs, then page-loads the provider (not the router)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { clerk, nav } = await tab();
    await clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
    expect(loads).toHaveLength(1);
    expect(loads[0]!.href).toMatch(new RegExp(`^${PROXY_URL}/v1/oauth/fake/authorize\\?state=`));
    expect(nav.history.entries).toEqual([`${APP}/sign-in`]);
    const [body] = await sentBodies(fetchSpy, '/client/sign_ins');
    expect(body!.get('strategy')).toBe('oauth_google');
    expect(body!.get('redirect_url')).toBe(CALLBACK);
    expect(body!.get('action_complete_redirect_url')).toBe(`${APP}/dashboard`);
    expect(clerk.client!.signIn.firstFactorVerification.status).toBe('unverified');

    await clerk.client!.signUp.authenticateWithRedirect({
      strategy: 'oauth_github',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/',
      unsafeMetadata: { plan: 'pro' },
    });
    expect(loads[1]!.href).toContain('/v1/oauth/fake/authorize?state=');
    const [signUpBody] = await sentBodies(fetchSpy, '/client/sign_ups');
    expect(signUpBody!.get('strategy')).toBe('oauth_github');
    expect(signUpBody!.get('unsafe_metadata')).toBe('{"plan":"pro"}');
  });

  it('refuses a javascript: provider URL with a coded error and loads nothing', async () => {
    const { clerk } = await tab();
    emulator.faults.add({
      path: '/v1/client/sign_ins',
      method: 'POST',
      status: 200,
      body: {
        response: {
          object: 'sign_in',
          id: 'sia_evil',
          status: 'needs_first_factor',
          first_factor_verification: { status: 'unverified', strategy: 'oauth_google', external_verification_redirect_url: 'javascript:alert(1)' },
        },
        client: null,
      },
      times: 1,
    });
    await expect(
      clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/' }),
    ).rejects.toMatchObject({ code: 'unsafe_redirect' });
    expect(loads).toEqual([]);
  });

  it('clerk.authenticateWithRedirect starts the sign-in (or the sign-up with flow: "signUp")', async () => {
    const { clerk } = await tab();
    await clerk.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/' });
    expect(clerk.client!.signIn.firstFactorVerification.strategy).toBe('oauth_google');
    await clerk.authenticateWithRedirect({ flow: 'signUp', strategy: 'oauth_github', redirectUrl: '/sso-callback', redirectUrlComplete: '/' });
    expect(clerk.client!.signUp.verifications.externalAccount.strategy).toBe('oauth_github');
    expect(loads).toHaveLength(2);
  });
});

describe('handleRedirectCallback', () => {
  it('an existing user: FAPI returns to redirectUrlComplete signed in; on the callback page the complete sign-in is activated', async () => {
    // Through the redirect: the completed flow lands on redirectUrlComplete, already signed in.
    const landed = await returnFromProvider(ADA.emailAddress);
    expect(landed.nav.history.location).toBe(`${APP}/dashboard`);
    expect(landed.clerk.user!.primaryEmailAddress!.emailAddress).toBe(ADA.emailAddress);
    expect(landed.clerk.user!.externalAccounts[0]!.provider).toBe('google');

    // handleRedirectCallback on a page whose sign-in attempt completed (re-read with reloadResource).
    tabs.splice(0).forEach((t) => t.destroy());
    for (const part of document.cookie.split('; ')) document.cookie = `${part.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    const { clerk, nav } = await tab(CALLBACK);
    await clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
    await provider(loads.at(-1)!, { email: ADA.emailAddress });
    expect(clerk.isSignedIn).toBe(false);
    await clerk.handleRedirectCallback({ reloadResource: 'signIn', signInFallbackRedirectUrl: '/home', signUpFallbackRedirectUrl: '/welcome' });
    expect(nav.history.location).toBe(`${APP}/home`);
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe(ADA.emailAddress);
  });

  it('a session pending with a task goes to the sign-in page’s tasks/<key> step (or its taskUrls entry), not the after-sign-in URL', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    try {
      for (const taskUrls of [undefined, { 'choose-organization': '/onboarding/org' }]) {
        tabs.splice(0).forEach((t) => t.destroy());
        for (const part of document.cookie.split('; ')) document.cookie = `${part.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
        const { clerk, nav } = await tab(CALLBACK, { signInUrl: '/sign-in', taskUrls });
        await clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
        await provider(loads.at(-1)!, { email: ADA.emailAddress });
        await clerk.handleRedirectCallback({ reloadResource: 'signIn', signInUrl: '/sign-in', signInFallbackRedirectUrl: '/home' });
        expect(clerk.session?.status).toBe('pending');
        expect(nav.history.location).toBe(taskUrls ? `${APP}/onboarding/org` : `${APP}/sign-in#/tasks/choose-organization`);
      }
    } finally {
      emulator.updateSettings({ forceOrganizationSelection: false });
    }
  });

  it('redirect precedence: force beats the legacy redirectUrl and fallbacks; unsafe targets are never followed', async () => {
    const { clerk, nav } = await returnFromProvider(ADA.emailAddress, 'signUp');
    await clerk.handleRedirectCallback({
      signInForceRedirectUrl: 'javascript:alert(1)',
      redirectUrl: 'https://evil.example/steal',
      signInFallbackRedirectUrl: '/fallback',
      afterSignInUrl: '/legacy',
    });
    expect(nav.history.location).toBe(`${APP}/fallback`);

    const other = await returnFromProvider(undefined, 'signIn');
    // A sign-in URL on a foreign origin is refused too.
    await other.clerk.handleRedirectCallback({ transferable: false, signInUrl: 'https://evil.example/sign-in' });
    expect(other.nav.history.location).toBe(`${APP}/`);
  });

  it('a new user: the sign-in transfers to a sign-up that completes, then the after-sign-up URL', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { clerk, nav } = await returnFromProvider('new-person@example.com');
    expect(clerk.client!.signIn.firstFactorVerification.status).toBe('transferable');
    await clerk.handleRedirectCallback({ signUpForceRedirectUrl: '/welcome', unsafeMetadata: { from: 'oauth' } });
    expect(nav.history.location).toBe(`${APP}/welcome`);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe('new-person@example.com');
    expect(clerk.user!.unsafeMetadata).toEqual({ from: 'oauth' });
    const [transfer] = await sentBodies(fetchSpy, '/client/sign_ups');
    expect(transfer!.get('transfer')).toBe('true');
  });

  it('transferable: false sends a new user back to sign-in instead', async () => {
    const { clerk, nav } = await returnFromProvider('new-person@example.com');
    await clerk.handleRedirectCallback({ transferable: false, signInUrl: '/login' });
    expect(nav.history.location).toBe(`${APP}/login`);
    expect(clerk.client!.signUp.id).toBeFalsy();
  });

  it('a sign-up for an existing account transfers to a sign-in that completes', async () => {
    const { clerk, nav } = await returnFromProvider(ADA.emailAddress, 'signUp');
    expect(clerk.client!.signUp.verifications.externalAccount).toMatchObject({ status: 'transferable', error: { code: 'external_account_exists' } });
    await clerk.handleRedirectCallback({ signInForceRedirectUrl: '/home', signUpForceRedirectUrl: '/welcome' });
    expect(nav.history.location).toBe(`${APP}/home`);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe(ADA.emailAddress);
  });

  it('missing requirements after the transfer: the continue-sign-up URL (default <signUpUrl>#/continue)', async () => {
    emulator.updateSettings({ username: { enabled: true, required: true } });
    const { clerk, nav } = await returnFromProvider('new-person@example.com');
    await clerk.handleRedirectCallback();
    expect(clerk.client!.signUp).toMatchObject({ status: 'missing_requirements', missingFields: ['username'] });
    expect(nav.history.location).toBe(`${APP}/sign-up#/continue`);
    expect(clerk.isSignedIn).toBe(false);

    // A sign-up that came back verified but incomplete goes there too, to the URL given.
    const again = await returnFromProvider('someone-else@example.com', 'signUp');
    await again.clerk.handleRedirectCallback({ continueSignUpUrl: '/sign-up/continue' });
    expect(again.nav.history.location).toBe(`${APP}/sign-up/continue`);
  });

  it('a second factor is needed: the second-factor URL (default <signInUrl>#/factor-two)', async () => {
    const { clerk, nav } = await returnFromProvider(ALAN.emailAddress);
    expect(clerk.client!.signIn.status).toBe('needs_second_factor');
    await clerk.handleRedirectCallback({ signInUrl: '/login' });
    expect(nav.history.location).toBe(`${APP}/login#/factor-two`);

    const again = await returnFromProvider(ALAN.emailAddress);
    await again.clerk.handleRedirectCallback({ secondFactorUrl: '/login/factor-two' });
    expect(again.nav.history.location).toBe(`${APP}/login/factor-two`);
  });

  it('already signed in on this client: that session becomes active, then the after-sign-in URL', async () => {
    const start = await tab();
    const attempt = await start.clerk.client!.signIn.create({ identifier: ADA.emailAddress, password: PASSWORD });
    await start.clerk.setActive({ session: attempt.createdSessionId });
    const sessionId = attempt.createdSessionId!;
    await start.clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/' });
    const { clerk, nav } = await tab(await provider(loads.at(-1)!, { email: ADA.emailAddress }));
    expect(clerk.client!.signIn.firstFactorVerification.error).toMatchObject({ code: 'identifier_already_signed_in', meta: { sessionId } });
    await clerk.handleRedirectCallback({ signInFallbackRedirectUrl: '/dashboard' });
    expect(clerk.session!.id).toBe(sessionId);
    expect(clerk.client!.sessions).toHaveLength(1);
    expect(nav.history.location).toBe(`${APP}/dashboard`);
  });

  it('an external account that belongs to another user: back to the sign-in URL, the error on the sign-in attempt', async () => {
    // Grace connects the Google account whose email is Ada's.
    const grace = await tab(`${APP}/user`);
    const attempt = await grace.clerk.client!.signIn.create({ identifier: GRACE.emailAddress, password: PASSWORD });
    await grace.clerk.setActive({ session: attempt.createdSessionId });
    const account = await grace.clerk.user!.createExternalAccount({ strategy: 'oauth_google', redirectUrl: `${APP}/user` });
    await provider(account.verification!.externalVerificationRedirectURL!, { email: ADA.emailAddress });
    // Ada, in another browser.
    tabs.splice(0).forEach((t) => t.destroy());
    for (const part of document.cookie.split('; ')) document.cookie = `${part.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;

    const { clerk, nav } = await returnFromProvider(ADA.emailAddress);
    await clerk.handleRedirectCallback({ signInUrl: '/login', signInFallbackRedirectUrl: '/dashboard' });
    expect(nav.history.location).toBe(`${APP}/login`);
    expect(clerk.isSignedIn).toBe(false);
    expect(clerk.client!.signIn.firstFactorVerification).toMatchObject({ status: 'failed', error: { code: 'external_account_exists' } });
  });

  it('other errors (access denied at the provider): the sign-in URL, the error on the verification', async () => {
    const start = await tab();
    await start.clerk.client!.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/' });
    const back = await provider(loads.at(-1)!, { deny: '1' });
    const { clerk, nav } = await tab(back);
    await clerk.handleRedirectCallback();
    expect(nav.history.location).toBe(`${APP}/sign-in`);
    expect(clerk.client!.signIn.firstFactorVerification.error).toMatchObject({ code: 'oauth_access_denied' });
  });

  it('customNavigate receives every navigation instead of the navigation plugin', async () => {
    const { clerk, nav } = await returnFromProvider(ADA.emailAddress, 'signUp');
    const seen: string[] = [];
    await clerk.handleRedirectCallback({ signInForceRedirectUrl: '/dashboard' }, async (to) => void seen.push(to));
    expect(seen).toEqual([`${APP}/dashboard`]);
    expect(nav.history.entries).toEqual([CALLBACK]);
    expect(clerk.isSignedIn).toBe(true);
  });

  it('reloadResource re-reads the attempt first; before load it does nothing', async () => {
    const { clerk } = await returnFromProvider(ADA.emailAddress);
    emulator.clearRequests();
    await clerk.handleRedirectCallback({ reloadResource: 'signIn' });
    expect(emulator.requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/client/sign_ins/'))).toBe(true);
    const unloaded = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [memoryNavigation(), oauthPlugin()] });
    await expect(unloaded.handleRedirectCallback()).resolves.toBeUndefined();
  });
});

describe('authenticateWithPopup', () => {
  it('trusts the Account Portal the environment announces (the emulator), else the one ClerkJS derives from the key', () => {
    const announced = new Environment({ display_config: { account_portal_url: 'http://127.0.0.1:4000/__clerk/v1/' } });
    expect(accountPortal(announced, 'emulator.clerk.accounts.dev')).toEqual({ base: 'http://127.0.0.1:4000/__clerk/v1', origin: 'http://127.0.0.1:4000' });
    // Clerk's FAPI announces none: ClerkJS's own derivation.
    expect(accountPortal(new Environment({ display_config: {} }), 'clerk.example.com')).toEqual({
      base: 'https://accounts.example.com',
      origin: 'https://accounts.example.com',
    });
    expect(accountPortal(undefined, 'happy-hippo-1.clerk.accounts.dev').origin).toBe('https://happy-hippo-1.accounts.dev');
    // Nothing but an http(s) URL without credentials is taken.
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://user:pw@evil.example', 'not a url', 42]) {
      expect(accountPortal(new Environment({ display_config: { account_portal_url: bad } }), 'clerk.example.com').origin).toBe('https://accounts.example.com');
    }
  });

  it('opens the provider in the popup with Account Portal return URLs; a { session } message from that popup signs this page in', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { clerk, nav } = await tab();
    const popup = { location: { href: 'about:blank' } };
    await clerk.client!.signIn.authenticateWithPopup({ popup, strategy: 'oauth_google', redirectUrl: CALLBACK, redirectUrlComplete: `${APP}/done` });
    expect(popup.location.href).toContain('/v1/oauth/fake/authorize?state=');
    expect(loads).toEqual([]);
    const [body] = await sentBodies(fetchSpy, '/client/sign_ins');
    // The emulator announces its own Account Portal: `<proxy>/v1`, on the app's origin here.
    const accounts = new URL(PROXY_URL).origin;
    expect(body!.get('action_complete_redirect_url')!.startsWith(`${PROXY_URL}/v1/popup-callback`)).toBe(true);
    const back = new URL(new URL(body!.get('redirect_url')!).searchParams.get('return_url')!);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('sign_in_force_redirect_url')).toBe(`${APP}/done`);
    expect(back.searchParams.get('intent')).toBe('signIn');

    // The popup completes the sign-in on the same client; the Account Portal page posts the session.
    await provider(new URL(popup.location.href), { email: ADA.emailAddress });
    const signIn = await clerk.client!.signIn.reload();
    const session = signIn.createdSessionId!;
    const post = (init: MessageEventInit) => window.dispatchEvent(new MessageEvent('message', init));
    // Another origin, another window, or another shape: ignored.
    post({ origin: 'https://evil.example', data: { session }, source: popup as never });
    post({ origin: 'https://emulator.accounts.dev', data: { session }, source: popup as never });
    post({ origin: accounts, data: { session }, source: { location: { href: '' } } as never });
    post({ origin: accounts, data: { session: `${session}"><script>` }, source: popup as never });
    post({ origin: accounts, data: { return_url: 'javascript:alert(1)' }, source: popup as never });
    post({ origin: accounts, data: `{"session":"${session}"}`, source: popup as never });
    await new Promise((r) => setTimeout(r, 50));
    expect(clerk.isSignedIn).toBe(false);
    expect(nav.history.location).toBe(`${APP}/sign-in`);
    post({ origin: accounts, data: { session }, source: popup as never });
    await vi.waitFor(() => expect(clerk.session?.id).toBe(session));
    expect(nav.history.location).toBe(`${APP}/done`);
  });

  it('a { return_url } message sends this page to the callback, where handleRedirectCallback continues', async () => {
    const { clerk, nav } = await tab();
    const popup = { location: { href: 'about:blank' } };
    await clerk.client!.signUp.authenticateWithPopup({ popup, strategy: 'oauth_google', redirectUrl: CALLBACK, redirectUrlComplete: `${APP}/done` });
    window.dispatchEvent(
      new MessageEvent('message', { origin: new URL(PROXY_URL).origin, data: { return_url: `${CALLBACK}?intent=signUp` }, source: popup as never }),
    );
    await vi.waitFor(() => expect(nav.history.location).toBe(`${CALLBACK}?intent=signUp`));
    await expect(
      clerk.client!.signIn.authenticateWithPopup({ popup: null, strategy: 'oauth_google', redirectUrl: CALLBACK, redirectUrlComplete: '/' }),
    ).rejects.toMatchObject({
      code: 'missing_option',
    });
  });

  it('without the oauth plugin it rejects with a coded error', async () => {
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [memoryNavigation()] });
    tabs.push(clerk);
    await clerk.load();
    await expect(
      clerk.client!.signIn.authenticateWithPopup({
        popup: { location: { href: '' } },
        strategy: 'oauth_google',
        redirectUrl: CALLBACK,
        redirectUrlComplete: '/',
      }),
    ).rejects.toMatchObject({ code: 'not_available_in_preset' });
  });
});

describe('external accounts', () => {
  it('createExternalAccount and reauthorize send strategy, redirect_url and repeated additional_scope', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { clerk } = await tab(`${APP}/user`);
    const attempt = await clerk.client!.signIn.create({ identifier: ADA.emailAddress, password: PASSWORD });
    await clerk.setActive({ session: attempt.createdSessionId });
    const account = await clerk.user!.createExternalAccount({ strategy: 'oauth_github', redirectUrl: `${APP}/user`, additionalScopes: ['repo'] });
    const [created] = await sentBodies(fetchSpy, '/me/external_accounts');
    expect(created!.get('strategy')).toBe('oauth_github');
    expect(created!.get('redirect_url')).toBe(`${APP}/user`);
    expect(created!.getAll('additional_scope')).toEqual(['repo']);
    await provider(account.verification!.externalVerificationRedirectURL!);

    const reauthorized = await account.reauthorize({ redirectUrl: `${APP}/user`, additionalScopes: ['repo', 'gist'] });
    expect(reauthorized).toBe(account);
    const [sent] = await sentBodies(fetchSpy, `/me/external_accounts/${account.id}/reauthorize`);
    expect(sent!.get('redirect_url')).toBe(`${APP}/user`);
    expect(sent!.getAll('additional_scope')).toEqual(['repo', 'gist']);
    const calls = fetchSpy.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : String(input)));
    expect(calls.find((u) => u.pathname.endsWith('/reauthorize'))!.searchParams.get('_method')).toBe('PATCH');
    expect(account.verification).toMatchObject({ status: 'unverified' });
    await provider(account.verification!.externalVerificationRedirectURL!);
    await clerk.user!.reload();
    expect(clerk.user!.externalAccounts[0]!.approvedScopes.split(' ')).toEqual(expect.arrayContaining(['repo', 'gist']));
  });
});
