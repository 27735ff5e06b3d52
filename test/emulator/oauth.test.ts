import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, startEmulator, type Emulator, type RunningEmulator } from '../../emulator/index.js';
import { BASE, devBrowser, ORIGIN, signInWithPassword, type FapiCaller, APP_ORIGINS } from './helpers.js';

const CALLBACK = `${ORIGIN}/sso-callback`;
const ADA = { emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' };

/** Opens the fake provider's page the way a browser follows `external_verification_redirect_url`. */
async function openAuthorize(emulator: Emulator, url: string, extra: Record<string, string> = {}): Promise<Response> {
  const target = new URL(url);
  for (const [k, v] of Object.entries(extra)) target.searchParams.set(k, v);
  return emulator.handle(new Request(target, { redirect: 'manual' }));
}

async function startSignIn(fapi: FapiCaller, strategy = 'oauth_google') {
  const { json, status } = await fapi('POST', '/client/sign_ins', {
    strategy,
    redirect_url: CALLBACK,
    action_complete_redirect_url: `${ORIGIN}/dashboard`,
  });
  expect(status).toBe(200);
  return json.response;
}

describe('fake OAuth: sign-in', () => {
  it('starts with an unverified verification pointing at the fake provider', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'oauth_google' });
    const url = new URL(signIn.first_factor_verification.external_verification_redirect_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/v1/oauth/fake/authorize`);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
  });

  it('an existing user (matched by email) signs in, returns to action_complete_redirect_url, and gets the external account attached', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ ...ADA }] } });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    const redirected = await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, {
      auto: '1',
      email: 'ada@example.com',
    });
    expect(redirected.status).toBe(302);
    // A completed flow goes to action_complete_redirect_url, as FAPI does; anything left to do goes to redirect_url.
    expect(redirected.headers.get('location')).toBe(`${ORIGIN}/dashboard`);

    const reloaded = (await fapi('GET', `/client/sign_ins/${signIn.id}`)).json;
    expect(reloaded.response.status).toBe('complete');
    expect(reloaded.response.first_factor_verification).toMatchObject({ status: 'verified', strategy: 'oauth_google' });
    const sessionId = reloaded.response.created_session_id;
    expect(sessionId).toMatch(/^sess_/);
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.last_authentication_strategy).toBe('oauth_google');
    const user = client.sessions.find((s: any) => s.id === sessionId).user;
    expect(user.external_accounts).toHaveLength(1);
    const account = user.external_accounts[0];
    expect(account).toMatchObject({
      object: 'external_account',
      provider: 'google',
      email_address: 'ada@example.com',
      first_name: 'Ada',
      public_metadata: {},
      label: null,
      verification: { status: 'verified', strategy: 'oauth_google' },
    });
    expect(account.id).toMatch(/^eac_/);
    expect(account.identification_id).toMatch(/^idn_/);
    expect(account.provider_user_id).toMatch(/^\d+$/);
    expect(account.approved_scopes).toContain('openid');
    expect(user.email_addresses[0].linked_to).toEqual([{ id: account.identification_id, type: 'oauth_google' }]);
  });

  it('an unknown account is transferable; sign_ups with transfer creates the user, later sign-ins complete directly', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    const redirected = await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { auto: '1' });
    expect(redirected.headers.get('location')).toBe(CALLBACK);

    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sign_in.status).toBe('needs_identifier');
    expect(client.sign_in.first_factor_verification).toMatchObject({
      status: 'transferable',
      strategy: 'oauth_google',
      error: { code: 'external_account_not_found' },
    });
    expect(client.sessions).toEqual([]);

    const transferred = await fapi('POST', '/client/sign_ups', { transfer: true });
    expect(transferred.status).toBe(200);
    const signUp = transferred.json.response;
    expect(signUp.status).toBe('complete');
    expect(signUp.email_address).toBe('google-user@example.com');
    expect(signUp.verifications.external_account).toMatchObject({ status: 'verified', strategy: 'oauth_google' });
    const session = transferred.json.client.sessions.find((s: any) => s.id === signUp.created_session_id);
    expect(session.user).toMatchObject({ first_name: 'Google', last_name: 'User', password_enabled: false });
    expect(session.user.email_addresses[0].verification).toMatchObject({ status: 'verified', strategy: 'from_oauth_google' });
    expect(session.user.external_accounts[0]).toMatchObject({ provider: 'google', email_address: 'google-user@example.com' });
    expect(transferred.json.client.sign_in).toBeNull();

    // A second browser: the same provider account now signs straight in.
    const other = await devBrowser(emulator);
    const again = await startSignIn(other);
    await openAuthorize(emulator, again.first_factor_verification.external_verification_redirect_url, { auto: '1' });
    const done = (await other('GET', `/client/sign_ins/${again.id}`)).json.response;
    expect(done.status).toBe('complete');
    const otherClient = (await other('GET', '/client')).json.response;
    expect(otherClient.sessions[0].user.id).toBe(session.user.id);
    expect(otherClient.sessions[0].user.external_accounts).toHaveLength(1);
  });

  it('an account already signed in on this client fails with identifier_already_signed_in naming its session', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { singleSession: false }, seed: { users: [{ ...ADA }] } });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const signIn = await startSignIn(fapi);
    await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { auto: '1', email: 'ada@example.com' });
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sign_in.first_factor_verification).toMatchObject({
      status: 'failed',
      error: { code: 'identifier_already_signed_in', meta: { session_id: sessionId } },
    });
    expect(client.sessions).toHaveLength(1);
  });

  it('a provider account connected to one user, whose email is another user’s, is refused with external_account_exists', async () => {
    const emulator = createEmulator({
      allowedOrigins: APP_ORIGINS,
      seed: { users: [{ ...ADA }, { emailAddress: 'grace@example.com', password: 'password123' }] },
    });
    // Grace connects the Google account whose email is Ada's.
    const grace = await devBrowser(emulator);
    const q = { _clerk_session_id: await signInWithPassword(grace, 'grace@example.com', 'password123') };
    const created = (await grace('POST', '/me/external_accounts', { strategy: 'oauth_google', redirect_url: `${ORIGIN}/user` }, q)).json.response;
    await openAuthorize(emulator, created.verification.external_verification_redirect_url, { auto: '1', email: 'ada@example.com' });

    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { auto: '1', email: 'ada@example.com' });
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sign_in.status).toBe('needs_identifier');
    expect(client.sign_in.first_factor_verification).toMatchObject({ status: 'failed', error: { code: 'external_account_exists' } });
    expect(client.sessions).toEqual([]);
  });

  it('transfer without a transferable sign-in or sign-up is refused', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const signUp = await fapi('POST', '/client/sign_ups', { transfer: true });
    expect(signUp.status).toBe(400);
    expect(signUp.json.errors[0].code).toBe('transfer_invalid');
    const signIn = await fapi('POST', '/client/sign_ins', { transfer: true });
    expect(signIn.json.errors[0].code).toBe('transfer_invalid');
  });

  it('refuses disabled providers, missing and non-http redirect URLs', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { social: ['oauth_github'] } });
    const fapi = await devBrowser(emulator);
    const disabled = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: CALLBACK });
    expect(disabled.status).toBe(422);
    expect(disabled.json.errors[0]).toMatchObject({ code: 'strategy_for_user_invalid', meta: { param_name: 'strategy' } });
    const missing = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_github' });
    expect(missing.json.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'redirect_url' } });
    const script = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_github', redirect_url: 'javascript:alert(1)' });
    expect(script.status).toBe(422);
    expect(script.json.errors[0].meta.param_name).toBe('redirect_url');
    // A relative redirect URL resolves against the page origin.
    const relative = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_github', redirect_url: '/sso-callback' });
    const redirected = await openAuthorize(emulator, relative.json.response.first_factor_verification.external_verification_redirect_url, { auto: '1' });
    expect(redirected.headers.get('location')).toBe(CALLBACK);
  });

  it('prepare_first_factor can start the provider step of an existing sign-in', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ ...ADA }] } });
    const fapi = await devBrowser(emulator);
    const created = (await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' })).json.response;
    const prepared = await fapi('POST', `/client/sign_ins/${created.id}/prepare_first_factor`, { strategy: 'oauth_github', redirect_url: CALLBACK });
    const url = prepared.json.response.first_factor_verification.external_verification_redirect_url;
    await openAuthorize(emulator, url, { auto: '1', email: 'ada@example.com' });
    const done = (await fapi('GET', `/client/sign_ins/${created.id}`)).json.response;
    expect(done.status).toBe('complete');
  });
});

describe('fake OAuth: sign-up', () => {
  it('a new account completes after the provider step', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const created = await fapi('POST', '/client/sign_ups', { strategy: 'oauth_github', redirect_url: CALLBACK, unsafe_metadata: { from: 'gh' } });
    const signUp = created.json.response;
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.external_account_strategy).toBe('oauth_github');
    expect(signUp.verifications.external_account).toMatchObject({ status: 'unverified', strategy: 'oauth_github' });
    const url = signUp.verifications.external_account.external_verification_redirect_url;
    expect(url).toContain('/v1/oauth/fake/authorize?state=');

    const redirected = await openAuthorize(emulator, url, { auto: '1' });
    expect(redirected.headers.get('location')).toBe(CALLBACK);
    const done = (await fapi('GET', `/client/sign_ups/${signUp.id}`)).json.response;
    expect(done.status).toBe('complete');
    expect(done.verifications.external_account.status).toBe('verified');
    const me = (await fapi('GET', '/me', undefined, { _clerk_session_id: done.created_session_id })).json.response;
    expect(me.email_addresses[0].email_address).toBe('github-user@example.com');
    expect(me.unsafe_metadata).toEqual({ from: 'gh' });
    expect(me.external_accounts[0]).toMatchObject({ provider: 'github', username: 'github-user' });
  });

  it('stays missing_requirements when the instance needs more than the provider gives', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { username: { enabled: true, required: true } } });
    const fapi = await devBrowser(emulator);
    const signUp = (await fapi('POST', '/client/sign_ups', { strategy: 'oauth_google', redirect_url: CALLBACK })).json.response;
    await openAuthorize(emulator, signUp.verifications.external_account.external_verification_redirect_url, { auto: '1' });
    const pending = (await fapi('GET', `/client/sign_ups/${signUp.id}`)).json.response;
    expect(pending.status).toBe('missing_requirements');
    expect(pending.missing_fields).toEqual(['username']);
    expect(pending.unverified_fields).toEqual([]);
    const done = await fapi('PATCH', `/client/sign_ups/${signUp.id}`, { username: 'googler' });
    expect(done.json.response.status).toBe('complete');
  });

  it('an existing user makes the sign-up transferable; sign_ins with transfer signs them in', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ emailAddress: 'google-user@example.com', password: 'password123' }] } });
    const fapi = await devBrowser(emulator);
    const signUp = (await fapi('POST', '/client/sign_ups', { strategy: 'oauth_google', redirect_url: CALLBACK })).json.response;
    await openAuthorize(emulator, signUp.verifications.external_account.external_verification_redirect_url, { auto: '1' });
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sign_up.verifications.external_account).toMatchObject({
      status: 'transferable',
      error: { code: 'external_account_exists' },
    });
    const transferred = await fapi('POST', '/client/sign_ins', { transfer: true });
    expect(transferred.json.response.status).toBe('complete');
    expect(transferred.json.response.first_factor_verification).toMatchObject({ status: 'verified', strategy: 'oauth_google' });
    expect(transferred.json.client.sign_up).toBeNull();
    expect(transferred.json.client.sessions[0].user.external_accounts[0].provider).toBe('google');
  });

  it('waitlist mode refuses OAuth sign-ups and transfers too', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { signUpMode: 'waitlist' } });
    const fapi = await devBrowser(emulator);
    const refused = await fapi('POST', '/client/sign_ups', { strategy: 'oauth_google', redirect_url: CALLBACK });
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].code).toBe('sign_up_restricted_waitlist');
    const signIn = await startSignIn(fapi);
    await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { auto: '1' });
    const transfer = await fapi('POST', '/client/sign_ups', { transfer: true });
    expect(transfer.json.errors[0].code).toBe('sign_up_restricted_waitlist');
  });
});

describe('fake OAuth: consent page', () => {
  it('renders a real form with a prefilled deterministic account; POST completes and redirects', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    const url = signIn.first_factor_verification.external_verification_redirect_url;
    const pageResponse = await openAuthorize(emulator, url);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toContain('text/html');
    expect(pageResponse.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await pageResponse.text();
    expect(html).toContain('Sign in with Google');
    expect(html).toContain('value="google-user@example.com"');
    expect(html).toContain('Continue as google-user@example.com');
    expect(html).toContain('localhost:3000');
    expect(html).not.toContain('<script');

    const state = new URL(url).searchParams.get('state')!;
    const bad = await emulator.handle(
      new Request(`${BASE}/v1/oauth/fake/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state, email: 'not-an-email', action: 'allow' }).toString(),
      }),
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a valid email address.');

    const submitted = await emulator.handle(
      new Request(`${BASE}/v1/oauth/fake/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state, email: 'grace@example.com', action: 'allow' }).toString(),
      }),
    );
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get('location')).toBe(CALLBACK);
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sign_in.first_factor_verification.status).toBe('transferable');
    // A state works once.
    const reused = await openAuthorize(emulator, url, { auto: '1' });
    expect(reused.status).toBe(400);
    expect(reused.headers.get('location')).toBeNull();
  });

  it('escapes user-controlled values (email prefill and application name)', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { applicationName: 'Acme <img src=x onerror=alert(2)>' } });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    const payload = '"><script>alert(1)</script>';
    const response = await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { email: payload });
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('Acme &lt;img src=x onerror=alert(2)&gt;');
  });

  it('cancel marks the verification failed with oauth_access_denied and still redirects', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const signIn = await startSignIn(fapi);
    const denied = await openAuthorize(emulator, signIn.first_factor_verification.external_verification_redirect_url, { deny: '1' });
    expect(denied.headers.get('location')).toBe(CALLBACK);
    const reloaded = (await fapi('GET', `/client/sign_ins/${signIn.id}`)).json.response;
    expect(reloaded.first_factor_verification).toMatchObject({ status: 'failed', error: { code: 'oauth_access_denied' } });
  });

  it('an unknown state gets an error page, not a redirect', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const response = await emulator.handle(new Request(`${BASE}/v1/oauth/fake/authorize?state=nope&auto=1`));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('/v1/me/external_accounts', () => {
  it('connects, reauthorizes with more scopes and disconnects an account', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ ...ADA }] } });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const q = { _clerk_session_id: sessionId };
    const created = await fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${ORIGIN}/user` }, q);
    expect(created.status).toBe(200);
    const account = created.json.response;
    expect(account).toMatchObject({ object: 'external_account', provider: 'github', verification: { status: 'unverified', strategy: 'oauth_github' } });
    const url = account.verification.external_verification_redirect_url;
    expect(created.json.client.sessions[0].user.external_accounts).toHaveLength(1);

    const redirected = await openAuthorize(emulator, url, { auto: '1', email: 'ada-gh@example.com' });
    expect(redirected.headers.get('location')).toBe(`${ORIGIN}/user`);
    const me = (await fapi('GET', '/me', undefined, q)).json.response;
    expect(me.external_accounts[0]).toMatchObject({
      id: account.id,
      email_address: 'ada-gh@example.com',
      username: 'ada-gh',
      verification: { status: 'verified' },
    });
    const added = me.email_addresses.find((e: any) => e.email_address === 'ada-gh@example.com');
    expect(added.verification.strategy).toBe('from_oauth_github');
    expect(added.linked_to[0].id).toBe(me.external_accounts[0].identification_id);

    const reauth = await fapi(
      'PATCH',
      `/me/external_accounts/${account.id}/reauthorize`,
      { redirect_url: `${ORIGIN}/user`, additional_scope: ['repo', 'gist'] },
      q,
    );
    expect(reauth.json.response.verification.status).toBe('unverified');
    await openAuthorize(emulator, reauth.json.response.verification.external_verification_redirect_url, { auto: '1' });
    const after = (await fapi('GET', `/me/external_accounts/${account.id}`, undefined, q)).json.response;
    expect(after.approved_scopes.split(' ')).toEqual(expect.arrayContaining(['read:user', 'user:email', 'repo', 'gist']));
    expect(after.email_address).toBe('ada-gh@example.com');

    const removed = await fapi('DELETE', `/me/external_accounts/${account.id}`, undefined, q);
    expect(removed.json.response).toEqual({ object: 'external_account', id: account.id, deleted: true });
    expect(removed.json.client.sessions[0].user.external_accounts).toEqual([]);
    const missing = await fapi('DELETE', `/me/external_accounts/${account.id}`, undefined, q);
    expect(missing.status).toBe(404);
  });

  it('refuses a provider account that belongs to another user', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ ...ADA }] } });
    // Someone signs up with the default Google account first.
    const first = await devBrowser(emulator);
    const signUp = (await first('POST', '/client/sign_ups', { strategy: 'oauth_google', redirect_url: CALLBACK })).json.response;
    await openAuthorize(emulator, signUp.verifications.external_account.external_verification_redirect_url, { auto: '1' });

    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const q = { _clerk_session_id: sessionId };
    const created = (await fapi('POST', '/me/external_accounts', { strategy: 'oauth_google', redirect_url: `${ORIGIN}/user` }, q)).json.response;
    await openAuthorize(emulator, created.verification.external_verification_redirect_url, { auto: '1' });
    const account = (await fapi('GET', `/me/external_accounts/${created.id}`, undefined, q)).json.response;
    expect(account.verification.status).toBe('unverified');
    expect(account.verification.error.code).toBe('external_account_exists');
  });
});

describe('fake OAuth over real HTTP', () => {
  let running: RunningEmulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('production: sign-in redirect → consent form POST → sso-callback → transfer, with cookies and __client_uat', async () => {
    running = await startEmulator({ allowedOrigins: APP_ORIGINS, instanceType: 'production' });
    const app = 'http://localhost:5173';
    let cookie = '';
    const remember = (response: Response) => {
      const client = response.headers.getSetCookie().find((c) => c.startsWith('__client='));
      if (client) cookie = client.split(';')[0]!;
    };
    const post = async (path: string, body: Record<string, string>) => {
      const response = await fetch(`${running!.proxyUrl}/v1${path}?__clerk_api_version=2025-11-10`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app, ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(body).toString(),
      });
      remember(response);
      return response;
    };

    const started = await post('/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${app}/sso-callback`, action_complete_redirect_url: `${app}/` });
    const authorizeUrl = (await started.json()).response.first_factor_verification.external_verification_redirect_url;
    expect(authorizeUrl.startsWith(`${running.proxyUrl}/v1/oauth/fake/authorize?state=`)).toBe(true);
    expect(started.headers.getSetCookie().some((c) => c.startsWith('__client_uat='))).toBe(false);

    // The browser navigates to the provider (top level, no Origin) and gets the consent page.
    const consent = await fetch(authorizeUrl, { redirect: 'manual', headers: { cookie } });
    expect(consent.status).toBe(200);
    const html = await consent.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
    const state = /name="state" value="([^"]+)"/.exec(html)![1]!;
    expect(action).toBe('/__clerk/v1/oauth/fake/authorize');

    const submitted = await fetch(new URL(action, running.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ state, email: 'new-person@example.com', action: 'allow' }).toString(),
    });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get('location')).toBe(`${app}/sso-callback`);

    // The sso-callback page loads the client and transfers the sign-in to a sign-up.
    const client = await (await fetch(`${running.proxyUrl}/v1/client`, { headers: { cookie } })).json();
    expect(client.response.sign_in.first_factor_verification.status).toBe('transferable');
    const transferred = await post('/client/sign_ups', { transfer: 'true' });
    const body = await transferred.json();
    expect(body.response.status).toBe('complete');
    const uat = transferred.headers.getSetCookie().find((c) => c.startsWith('__client_uat='))!;
    expect(uat).toBe(`__client_uat=${Math.floor(body.client.updated_at / 1000)}; Path=/; Max-Age=31536000; SameSite=Strict`);
    expect(Number(uat.split(/[=;]/)[1])).toBeGreaterThan(0);
    expect(body.client.sessions[0].user.email_addresses[0].email_address).toBe('new-person@example.com');
  });
});
