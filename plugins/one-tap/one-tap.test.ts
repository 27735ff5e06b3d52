// @vitest-environment happy-dom
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, isClerkAPIResponseError, isClerkRuntimeError, type SignIn, type SignUp } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { waitFor } from '../../test/helpers/ui.js';
import { memoryNavigation } from '../navigation/index.js';
import { oauthPlugin } from '../oauth/index.js';
import { oneTapPlugin } from './index.js';

const APP = 'http://localhost:3000';
const CLIENT_ID = 'microclerk-emulator.apps.googleusercontent.com';
const ADA = { emailAddress: 'ada@example.com', password: 'correct horse battery staple', firstName: 'Ada' };
let clock = Date.now();
const emulator = useEmulator({ seed: { users: [ADA] }, now: () => clock });

const tabs: Array<{ destroy(): void }> = [];

async function tab(url = `${APP}/sign-in`, loadOptions: Record<string, unknown> = {}) {
  const nav = memoryNavigation(url);
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [nav, oauthPlugin(), oneTapPlugin()] });
  tabs.push(clerk);
  await clerk.load(loadOptions as never);
  return { clerk, nav };
}

/** What the stand-in Google hands the page when the user picks `email` (as its prompt does). */
async function googleCredential(email: string, clientId = CLIENT_ID): Promise<string> {
  const res = await fetch(`${PROXY_URL}/__emulator/gsi/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, email }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { credential: string }).credential;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** The API error a promise rejects with, for its code, status and param. */
async function apiError(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isClerkAPIResponseError(err)).toBe(true);
  if (!isClerkAPIResponseError(err)) throw err;
  return { status: err.status, code: err.errors[0]!.code, param: err.errors[0]!.meta?.paramName, message: err.errors[0]!.longMessage };
}

beforeEach(() => {
  clock = Date.now();
  emulator.reset();
  emulator.updateSettings({ social: ['oauth_google', 'oauth_github'], googleOneTapClientId: CLIENT_ID, username: { enabled: false, required: false } });
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
  delete (window as { google?: unknown }).google;
  document.body.replaceChildren();
  for (const part of document.cookie.split('; ')) {
    const name = part.slice(0, part.indexOf('='));
    if (name) document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
});

describe('authenticateWithGoogleOneTap', () => {
  it('signs an existing user in (matched by verified email) and handleGoogleOneTapCallback activates the session and navigates', async () => {
    const { clerk, nav } = await tab();
    const attempt = (await clerk.authenticateWithGoogleOneTap({ token: await googleCredential(ADA.emailAddress) })) as SignIn;
    expect(attempt.status).toBe('complete');
    expect(attempt.firstFactorVerification.strategy).toBe('google_one_tap');
    await clerk.handleGoogleOneTapCallback(attempt, { signInFallbackRedirectUrl: '/welcome-back' });
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(ADA.emailAddress);
    expect(clerk.session?.id).toBe(attempt.createdSessionId);
    expect(nav.history.location).toBe(`${APP}/welcome-back`);
    // The Google account is now connected: the prompt offers it, and the next sign-in finds it by its id.
    expect(clerk.user!.externalAccounts.map((a) => a.provider)).toContain('google');
    const listed = (await (await fetch(`${PROXY_URL}/__emulator/gsi/accounts?client_id=${CLIENT_ID}`)).json()) as { accounts: Array<{ email: string }> };
    expect(listed.accounts.map((a) => a.email)).toEqual(['google-user@example.com', ADA.emailAddress]);
  });

  it('transfers a Google account without a user to a sign-up that completes, with the Google profile', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { clerk, nav } = await tab();
    const attempt = (await clerk.authenticateWithGoogleOneTap({ token: await googleCredential('new.person@example.com'), legalAccepted: true })) as SignUp;
    expect(attempt.status).toBe('complete');
    const signUpBody = fetchSpy.mock.calls
      .map(([, init]) => new URLSearchParams(String(init?.body ?? '')))
      .find((b) => b.get('strategy') === 'google_one_tap' && b.get('legal_accepted'));
    expect(signUpBody?.get('legal_accepted')).toBe('true');
    await clerk.handleGoogleOneTapCallback(attempt, { signUpFallbackRedirectUrl: '/onboarding' });
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('new.person@example.com');
    expect(clerk.user?.firstName).toBe('New');
    expect(clerk.user?.primaryEmailAddress?.verification.status).toBe('verified');
    expect(nav.history.location).toBe(`${APP}/onboarding`);
  });

  it('routes a sign-up that still misses a field to the continue step', async () => {
    emulator.updateSettings({ username: { enabled: true, required: true } });
    const { clerk, nav } = await tab();
    const attempt = (await clerk.authenticateWithGoogleOneTap({ token: await googleCredential('new.person@example.com') })) as SignUp;
    expect(attempt.status).toBe('missing_requirements');
    expect(attempt.missingFields).toContain('username');
    await clerk.handleGoogleOneTapCallback(attempt, {});
    expect(clerk.user).toBeNull();
    expect(nav.history.location).toBe(`${APP}/sign-up#/continue`);
  });

  it('handleGoogleOneTapCallback rejects an object that is not a microclerk sign-in or sign-up (invalid_resource)', async () => {
    const { clerk, nav } = await tab();
    const before = nav.history.location;
    // What ClerkJS-typed code could pass: a plain object shaped like a SignInResource.
    const forged = { id: 'sia_x', status: 'complete', identifier: 'a@b.c', createdSessionId: 'sess_x' };
    const error = await clerk.handleGoogleOneTapCallback(forged, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_resource' });
    expect((error as Error).message).toMatch(/must be one microclerk returned/);
    await expect(clerk.__internal_handleResourceCallback(forged, {})).rejects.toMatchObject({ code: 'invalid_resource' });
    expect(clerk.session).toBeNull();
    expect(nav.history.location).toBe(before);
  });

  it('rejects a forged token (payload changed, another key, alg none) with form_param_value_invalid on token, signing nobody in', async () => {
    const { clerk } = await tab();
    const real = await googleCredential('new.person@example.com');
    const [header, , signature] = real.split('.');
    const swapped = `${header}.${b64(JSON.stringify({ ...claimsOf(real), email: ADA.emailAddress }))}.${signature}`;
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const input = `${header}.${b64(JSON.stringify({ ...claimsOf(real), email: ADA.emailAddress }))}`;
    const otherKey = `${input}.${b64(sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`;
    const none = `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64(JSON.stringify(claimsOf(real)))}.`;
    for (const token of [swapped, otherKey, none, 'not-a-jwt']) {
      const err = await apiError(clerk.authenticateWithGoogleOneTap({ token }));
      expect(err).toMatchObject({ status: 422, code: 'form_param_value_invalid', param: 'token' });
    }
    expect(clerk.user).toBeNull();
    expect(clerk.client!.sessions).toHaveLength(0);
  });

  it('rejects an expired token and one issued for another client id', async () => {
    const { clerk } = await tab();
    const token = await googleCredential('new.person@example.com');
    clock += 3601 * 1000;
    expect(await apiError(clerk.authenticateWithGoogleOneTap({ token }))).toMatchObject({
      code: 'form_param_value_invalid',
      param: 'token',
      message: expect.stringMatching(/expired/),
    });
    clock = Date.now();
    const fresh = await googleCredential('new.person@example.com');
    emulator.updateSettings({ googleOneTapClientId: 'another-client.apps.googleusercontent.com' });
    expect(await apiError(clerk.authenticateWithGoogleOneTap({ token: fresh }))).toMatchObject({
      code: 'form_param_value_invalid',
      message: expect.stringMatching(/client id/),
    });
    expect(clerk.user).toBeNull();
  });

  it('refuses bad input with a coded error naming the argument, before any request', async () => {
    const { clerk } = await tab();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    for (const [params, named] of [
      [{}, 'token'],
      [{ token: '' }, 'token'],
      [{ token: 42 }, 'token'],
      [{ token: 'x', legalAccepted: 'yes' }, 'legalAccepted'],
      [undefined, 'params'],
    ] as const) {
      const err = await clerk.authenticateWithGoogleOneTap(params as never).catch((e: unknown) => e);
      expect(isClerkRuntimeError(err) && err.code).toBe('invalid_arguments');
      expect((err as Error).message).toContain(named);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    // FAPI itself answers a missing token with form_param_missing on token.
    expect(await apiError(clerk.client!.signIn.create({ strategy: 'google_one_tap' }))).toMatchObject({ code: 'form_param_missing', param: 'token' });
  });
});

describe('openGoogleOneTap (with the emulator’s stand-in GIS script)', () => {
  /** Runs the stand-in script as the page would after loading it from googleOneTapScriptUrl. */
  async function installStandInGis() {
    const script = await (await fetch(`${PROXY_URL}/__emulator/gsi/client`)).text();
    new Function(script)();
  }

  it('prompts with the fake Google accounts (as text) and a picked account ends signed in', async () => {
    await installStandInGis();
    const initialize = vi.spyOn((window as unknown as { google: { accounts: { id: { initialize: () => void } } } }).google.accounts.id, 'initialize');
    const { clerk, nav } = await tab(`${APP}/sign-in`);
    clerk.openGoogleOneTap({ cancelOnTapOutside: false, itpSupport: false, fedCmSupport: false, signUpForceRedirectUrl: '/after-one-tap' });
    const row = await waitFor(() => document.querySelector<HTMLButtonElement>('#microclerk-emulator-gsi-prompt button[data-email="google-user@example.com"]'));
    expect(initialize).toHaveBeenCalledWith(
      expect.objectContaining({ client_id: CLIENT_ID, cancel_on_tap_outside: false, itp_support: false, use_fedcm_for_prompt: false }),
    );
    expect(row.textContent).toContain('google-user@example.com');
    row.click();
    await waitFor(() => clerk.user);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe('google-user@example.com');
    await waitFor(() => nav.history.location === `${APP}/after-one-tap`);
    expect(document.getElementById('microclerk-emulator-gsi-prompt')).toBeNull();
  });

  it('closes when the user taps outside the prompt (cancelOnTapOutside defaults to true), signing nobody in', async () => {
    await installStandInGis();
    const { clerk } = await tab();
    clerk.openGoogleOneTap();
    await waitFor(() => document.getElementById('microclerk-emulator-gsi-prompt'));
    await new Promise((r) => setTimeout(r, 10));
    document.body.click();
    expect(document.getElementById('microclerk-emulator-gsi-prompt')).toBeNull();
    expect(clerk.user).toBeNull();
    // Opening again prompts again (the dismissed prompt was forgotten).
    clerk.openGoogleOneTap();
    await waitFor(() => document.getElementById('microclerk-emulator-gsi-prompt'));
  });

  it('shows nothing when signed in or when the instance has no One Tap client id; closeGoogleOneTap takes it away', async () => {
    await installStandInGis();
    const { clerk } = await tab();
    clerk.openGoogleOneTap();
    await waitFor(() => document.getElementById('microclerk-emulator-gsi-prompt'));
    clerk.closeGoogleOneTap();
    await waitFor(() => !document.getElementById('microclerk-emulator-gsi-prompt'));

    const attempt = await clerk.authenticateWithGoogleOneTap({ token: await googleCredential(ADA.emailAddress) });
    await clerk.handleGoogleOneTapCallback(attempt);
    const prompt = vi.spyOn((window as unknown as { google: { accounts: { id: { prompt: () => void } } } }).google.accounts.id, 'prompt');
    clerk.openGoogleOneTap();
    await new Promise((r) => setTimeout(r, 50));
    expect(prompt).not.toHaveBeenCalled();

    emulator.updateSettings({ googleOneTapClientId: null });
    const other = await tab();
    expect(other.clerk.environment!.displayConfig.googleOneTapClientId).toBeNull();
    other.clerk.openGoogleOneTap();
    await new Promise((r) => setTimeout(r, 50));
    expect(prompt).not.toHaveBeenCalled();
  });

  it('reports bad props and a bad script URL with coded errors instead of throwing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { clerk } = await tab(`${APP}/sign-in`, { googleOneTapScriptUrl: 'javascript:alert(1)' });
    clerk.openGoogleOneTap('nope' as never);
    clerk.openGoogleOneTap();
    await waitFor(() => errors.mock.calls.length >= 2);
    const codes = errors.mock.calls.map(([, err]) => (isClerkRuntimeError(err) ? err.code : err));
    expect(codes).toEqual(expect.arrayContaining(['invalid_arguments', 'invalid_options']));
    expect(document.querySelector('script[src^="javascript:"]')).toBeNull();
  });
});
