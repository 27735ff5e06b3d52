// @vitest-environment happy-dom
/**
 * Enterprise SSO through the oauth plugin against the emulator (msw): the connection is chosen by the
 * email domain, the fake identity provider completes the sign-in (or provisions a new user through the
 * sign-up transfer), and bad input fails with coded errors before any request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, isClerkAPIResponseError } from '../../kernel/index.js';
import { APP_ORIGIN, PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies } from '../../test/helpers/ui.js';
import { memoryNavigation } from '../navigation/index.js';
import { oauthPlugin } from './index.js';

const PASSWORD = 'correct horse battery staple';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'wile@acme.test', password: PASSWORD, firstName: 'Wile' },
      { emailAddress: 'ada@example.com', password: PASSWORD },
    ],
  },
  settings: {
    // The connection name is HTML on purpose: the IdP page must show it as text.
    enterpriseConnections: [
      { domain: 'acme.test', protocol: 'saml', name: 'Acme <b>Corp</b>' },
      { domain: 'globex.test', protocol: 'oidc', name: 'Globex' },
    ],
  },
});
const APP = APP_ORIGIN;

let loads: URL[] = [];
const tabs: Array<{ destroy(): void }> = [];

async function tab(url = `${APP}/sign-in`) {
  const nav = memoryNavigation(url);
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [nav, oauthPlugin({ pageLoad: (u) => void loads.push(u) })],
  });
  tabs.push(clerk);
  await clerk.load();
  return { clerk, nav };
}

async function idp(url: URL, action: 'auto' | 'deny' = 'auto'): Promise<string> {
  const target = new URL(url);
  target.searchParams.set(action, '1');
  const response = await emulator.handle(new Request(target, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

let mark = 0;
const fapiCalls = () =>
  emulator.requests
    .slice(mark)
    .filter((r) => r.path.startsWith('/v1/client/sign_'))
    .map((r) => `${r.method} ${r.path.replace(/sia_\w+|sua_\w+/, ':id')}`);

beforeEach(() => {
  emulator.reset();
  // Each test is a fresh browser: no dev-browser cookie of an earlier test's client.
  clearCookies();
  mark = emulator.requests.length;
  loads = [];
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
});

describe('emulator: enterprise connections', () => {
  it('offers enterprise_sso (only) for an identifier on a connected domain, and turns it on in the environment', async () => {
    const { clerk } = await tab();
    expect(clerk.environment?.userSettings.enterpriseSso).toMatchObject({ enabled: true });
    const signIn = await clerk.client!.signIn.create({ identifier: 'wile@acme.test' });
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.supportedFirstFactors).toEqual([
      { strategy: 'enterprise_sso', safeIdentifier: 'wile@acme.test', enterpriseConnectionId: 'ent_acme_test', enterpriseConnectionName: 'Acme <b>Corp</b>' },
    ]);
    // A password is no first factor of a user on a connected domain.
    const refused = await signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(refused) && refused.errors[0]?.code).toBe('strategy_for_user_invalid');
    // Unknown emails on the domain are no error: the identity provider may provision them.
    const unknown = await clerk.client!.signIn.create({ identifier: 'new@globex.test' });
    expect(unknown.status).toBe('needs_identifier');
    expect(unknown.supportedFirstFactors?.[0]).toMatchObject({ strategy: 'enterprise_sso', enterpriseConnectionName: 'Globex' });
    // Other domains keep their factors.
    const other = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(other.supportedFirstFactors?.map((f) => f.strategy)).toContain('password');
  });

  it('the IdP page shows the connection and the email as text (escaped), with no script', async () => {
    const { clerk } = await tab();
    await clerk.authenticateWithRedirect({
      strategy: 'enterprise_sso',
      identifier: 'wile@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
    });
    expect(loads).toHaveLength(1);
    expect(loads[0]!.pathname).toBe('/__clerk/v1/sso/fake/idp');
    const response = await emulator.handle(new Request(loads[0]!));
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html).toContain('Acme &lt;b&gt;Corp&lt;/b&gt; single sign-on');
    expect(html).not.toContain('<b>Corp</b>');
    expect(html).toContain('wile@acme.test');
    expect(html).toContain('SAML identity provider');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('emulator: several enterprise connections on one domain', () => {
  const CONNECTIONS = [
    { domain: 'acme.test', protocol: 'saml' as const, name: 'Acme Corp' },
    { domain: 'acme.test', protocol: 'oidc' as const, name: 'Acme Okta' },
    { domain: 'globex.test', protocol: 'oidc' as const, name: 'Globex' },
  ];
  beforeEach(() => emulator.updateSettings({ enterpriseConnections: CONNECTIONS }));
  afterEach(() => emulator.updateSettings({ enterpriseConnections: [CONNECTIONS[0]!, CONNECTIONS[2]!] }));

  it('offers one enterprise_sso factor per connection (distinct ids); the chosen id leads to that IdP, none chosen is refused with FAPI code', async () => {
    const { clerk } = await tab();
    const signIn = await clerk.client!.signIn.create({ identifier: 'wile@acme.test' });
    expect(signIn.supportedFirstFactors).toEqual([
      { strategy: 'enterprise_sso', safeIdentifier: 'wile@acme.test', enterpriseConnectionId: 'ent_acme_test', enterpriseConnectionName: 'Acme Corp' },
      { strategy: 'enterprise_sso', safeIdentifier: 'wile@acme.test', enterpriseConnectionId: 'ent_acme_test_2', enterpriseConnectionName: 'Acme Okta' },
    ]);
    // Which one is the user's choice: without it FAPI cannot start the IdP step.
    const unchosen = await clerk
      .authenticateWithRedirect({ strategy: 'enterprise_sso', identifier: 'wile@acme.test', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' })
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(unchosen) && unchosen.errors[0]?.code).toBe('enterprise_connection_id_is_required_with_multiple_connections');
    expect(loads).toHaveLength(0);
    // Another domain's connection is not this identifier's.
    const foreign = await clerk
      .client!.signIn.prepareFirstFactor({ strategy: 'enterprise_sso', redirectUrl: `${APP}/sso-callback`, enterpriseConnectionId: 'ent_globex_test' } as never)
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(foreign) && foreign.errors[0]?.code).toBe('strategy_for_user_invalid');

    mark = emulator.requests.length;
    await clerk.client!.signIn.authenticateWithRedirect({
      strategy: 'enterprise_sso',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
      continueSignIn: true,
      enterpriseConnectionId: 'ent_acme_test_2',
    });
    expect(fapiCalls()).toEqual(['POST /v1/client/sign_ins/:id/prepare_first_factor']);
    expect(await (await emulator.handle(new Request(loads[0]!))).text()).toContain('Acme Okta single sign-on');
    const back = await idp(loads[0]!);
    expect(back).toBe(`${APP}/dashboard`);
    const landed = await tab(back);
    expect(landed.clerk.user?.primaryEmailAddress?.emailAddress).toBe('wile@acme.test');
  });
});

describe('oauth plugin: authenticateWithRedirect({ strategy: enterprise_sso })', () => {
  it('signs in an existing user: create + prepare_first_factor, one page load to the IdP, straight back to redirectUrlComplete', async () => {
    const start = await tab();
    mark = emulator.requests.length;
    await start.clerk.authenticateWithRedirect({
      strategy: 'enterprise_sso',
      identifier: 'wile@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
    });
    expect(fapiCalls()).toEqual(['POST /v1/client/sign_ins', 'POST /v1/client/sign_ins/:id/prepare_first_factor']);
    const signIn = start.clerk.client!.signIn;
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'enterprise_sso' });
    const back = await idp(loads[0]!);
    expect(back).toBe(`${APP}/dashboard`);
    const landed = await tab(back);
    expect(landed.clerk.user?.primaryEmailAddress?.emailAddress).toBe('wile@acme.test');
  });

  it('provisions a new user: the IdP returns to the callback, handleRedirectCallback transfers to a sign-up and activates it', async () => {
    const start = await tab();
    await start.clerk.authenticateWithRedirect({
      strategy: 'enterprise_sso',
      identifier: 'road.runner@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
    });
    const back = await idp(loads[0]!);
    expect(back).toBe(`${APP}/sso-callback`);
    const landed = await tab(back);
    await landed.clerk.handleRedirectCallback({ signUpFallbackRedirectUrl: '/welcome' });
    expect(landed.clerk.user?.primaryEmailAddress?.emailAddress).toBe('road.runner@acme.test');
    expect(landed.clerk.user?.firstName).toBe('Road');
    expect(landed.clerk.user?.externalAccounts ?? []).toHaveLength(0);
    expect(new URL(landed.nav.history.location).pathname).toBe('/welcome');
  });

  it('signs up with enterprise_sso (flow: signUp, emailAddress)', async () => {
    const start = await tab(`${APP}/sign-up`);
    await start.clerk.authenticateWithRedirect({
      flow: 'signUp',
      strategy: 'enterprise_sso',
      emailAddress: 'coyote@globex.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/welcome',
    });
    expect(start.clerk.client!.signUp.verifications.externalAccount).toMatchObject({ status: 'unverified', strategy: 'enterprise_sso' });
    expect(await idp(loads[0]!)).toBe(`${APP}/welcome`);
    const landed = await tab(`${APP}/welcome`);
    expect(landed.clerk.user?.primaryEmailAddress?.emailAddress).toBe('coyote@globex.test');
  });

  it('maps the legacy strategy name saml to enterprise_sso', async () => {
    const { clerk } = await tab();
    await clerk.authenticateWithRedirect({ strategy: 'saml', identifier: 'wile@acme.test', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
    const prepare = emulator.requests.slice(mark).find((r) => r.path.endsWith('/prepare_first_factor'));
    expect(prepare).toBeDefined();
    expect(clerk.client!.signIn.firstFactorVerification.strategy).toBe('enterprise_sso');
    expect(loads).toHaveLength(1);
  });

  it('a denied IdP step leaves the error on the attempt and goes back to sign-in', async () => {
    const start = await tab();
    await start.clerk.authenticateWithRedirect({
      strategy: 'enterprise_sso',
      identifier: 'wile@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
    });
    const landed = await tab(await idp(loads[0]!, 'deny'));
    await landed.clerk.handleRedirectCallback({ signInUrl: '/sign-in' });
    expect(landed.clerk.user).toBeNull();
    expect(landed.clerk.client!.signIn.firstFactorVerification.error).toMatchObject({ code: 'oauth_access_denied' });
    expect(new URL(landed.nav.history.location).pathname).toBe('/sign-in');
  });

  it('bad input fails with a coded error and sends nothing', async () => {
    const { clerk } = await tab();
    const before = emulator.requests.length;
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      );
    const base = { redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' };
    expect(await codeOf(clerk.authenticateWithRedirect({ ...base, strategy: 'enterprise_sso' }))).toBe('missing_identifier');
    expect(await codeOf(clerk.authenticateWithRedirect({ ...base, strategy: 'enterprise_sso', identifier: '  ' }))).toBe('missing_identifier');
    expect(await codeOf(clerk.authenticateWithRedirect({ ...base, strategy: 'magic_carpet', identifier: 'wile@acme.test' }))).toBe('invalid_strategy');
    expect(
      await codeOf(
        clerk.authenticateWithRedirect({ ...base, strategy: 'enterprise_sso', identifier: 'wile@acme.test', redirectUrl: 'https://evil.example/cb' }),
      ),
    ).toBe('invalid_redirect_url');
    expect(await codeOf(clerk.authenticateWithRedirect({ ...base, strategy: 'oauth_google', redirectUrlComplete: 'javascript:alert(1)' }))).toBe(
      'invalid_redirect_url',
    );
    expect(emulator.requests.length).toBe(before);
    expect(loads).toHaveLength(0);
  });

  it('FAPI refuses enterprise_sso for a domain without a connection', async () => {
    const { clerk } = await tab();
    const err = await clerk
      .authenticateWithRedirect({ strategy: 'enterprise_sso', identifier: 'ada@example.com', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' })
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(err) && err.errors[0]?.code).toBe('strategy_for_user_invalid');
    expect(loads).toHaveLength(0);
  });
});

describe("authenticateWithPopup through the emulator's popup-callback page", () => {
  /** The popup's window: the plugin sets its location; the page it lands on is fetched from the emulator. */
  const popupWindow = () => ({ location: { href: '' } });
  /** The Account Portal the emulator announces is its own: `<proxy>/v1/popup-callback`. */
  const ACCOUNTS = new URL(PROXY_URL).origin;
  const accountsPage = (url: string) => {
    const page = new URL(url);
    expect(`${page.origin}${page.pathname}`).toBe(`${PROXY_URL}/v1/popup-callback`);
    return emulator.handle(new Request(page));
  };
  const messageOf = (html: string) => JSON.parse(/var d=(\{.*?\});/.exec(html)![1]!) as { message: { session?: string; return_url?: string }; target: string };

  it('signs in: the page posts { session } to the app origin, the opener activates it', async () => {
    const { clerk, nav } = await tab(`${APP}/sign-in`);
    const popup = popupWindow();
    await clerk.client!.signIn.authenticateWithPopup({
      strategy: 'enterprise_sso',
      identifier: 'wile@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
      popup: popup as never,
    });
    expect(new URL(popup.location.href).pathname).toBe('/__clerk/v1/sso/fake/idp');
    const landing = await idp(new URL(popup.location.href));
    const page = await accountsPage(landing);
    const html = await page.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<script nonce="${nonce}">`);
    const { message, target } = messageOf(html);
    expect(target).toBe(APP);
    expect(message.session).toMatch(/^sess_/);
    // What window.opener.postMessage(message, target) delivers to the app's page.
    window.dispatchEvent(new MessageEvent('message', { origin: ACCOUNTS, data: message, source: popup as never }));
    await vi.waitFor(() => expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('wile@acme.test'));
    expect(new URL(nav.history.location).pathname).toBe('/dashboard');
  });

  it('a message from any other origin is ignored; a new user gets { return_url } back to the callback', async () => {
    const { clerk, nav } = await tab(`${APP}/sign-in`);
    const popup = popupWindow();
    await clerk.client!.signIn.authenticateWithPopup({
      strategy: 'enterprise_sso',
      identifier: 'new.hire@acme.test',
      redirectUrl: '/sso-callback',
      redirectUrlComplete: '/dashboard',
      popup: popup as never,
    });
    const page = await accountsPage(await idp(new URL(popup.location.href)));
    const { message, target } = messageOf(await page.text());
    expect(target).toBe(APP);
    expect(new URL(message.return_url!).pathname).toBe('/sso-callback');
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://evil.example', data: message, source: popup as never }));
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://emulator.accounts.dev', data: message, source: popup as never }));
    await new Promise((r) => setTimeout(r, 20));
    expect(new URL(nav.history.location).pathname).toBe('/sign-in');
    window.dispatchEvent(new MessageEvent('message', { origin: ACCOUNTS, data: message, source: popup as never }));
    await vi.waitFor(() => expect(new URL(nav.history.location).pathname).toBe('/sso-callback'));
  });

  it('refuses to hand a return_url on a foreign origin back (no script)', async () => {
    const foreign = await emulator.handle(new Request(`${PROXY_URL}/v1/popup-callback?return_url=${encodeURIComponent('https://evil.example/steal')}`));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).not.toMatch(/<script/);
  });
});
