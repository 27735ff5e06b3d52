// @vitest-environment happy-dom
/**
 * The v6 futures' external flows (what `useSignIn()` / `useSignUp()` of `@clerk/react` 6 call) against the
 * emulator: `sso()` to the provider and back, `web3()` with an injected wallet, `passkey()` with a
 * software authenticator — each ends with `finalize()` — and their coded errors.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, isClerkAPIResponseError } from '../../kernel/index.js';
import { totpCode } from '../../emulator/domain/totp.js';
import { compatPlugin } from '../../plugins/compat/index.js';
import { memoryNavigation } from '../../plugins/navigation/index.js';
import { oauthPlugin } from '../../plugins/oauth/index.js';
import { passkeysPlugin } from '../../plugins/passkeys/index.js';
import { web3Plugin } from '../../plugins/web3/index.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { softwareAuthenticator } from '../helpers/software-authenticator.js';
import { clearCookies } from '../helpers/ui.js';
import { createTestWallet } from '../helpers/wallet.js';

const EMAIL = 'future@example.com';
const PASSWORD = 'correct-horse-battery';
/** A user with TOTP on: their sign-ins wait for a second factor. */
const MFA_EMAIL = 'mfa@example.com';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const APP = 'http://localhost:3000';
const emulator = useEmulator({
  settings: {
    passkeys: { enabled: true },
    secondFactors: ['totp', 'backup_code', 'passkey'],
    web3: ['web3_metamask_signature'],
    emailAddress: { required: false },
    phoneNumber: { required: false },
  },
  seed: {
    users: [
      { emailAddress: EMAIL, password: PASSWORD },
      { emailAddress: MFA_EMAIL, password: PASSWORD, totpSecret: TOTP_SECRET },
    ],
  },
});
const REACT_SDK = { name: '@clerk/react', version: '6.18.0' };
const win = window as unknown as { ethereum?: unknown };
const instances: Array<{ destroy(): void }> = [];
let pageLoads: URL[] = [];

/** A page of an app driven by Clerk's React SDK (its load() passes sdkMetadata, so the futures are fetched). */
async function page(url = `${APP}/sign-in`) {
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [memoryNavigation(url), oauthPlugin({ pageLoad: (u) => void pageLoads.push(u) }), web3Plugin(), passkeysPlugin(), compatPlugin()],
  });
  instances.push(clerk);
  await clerk.load({ sdkMetadata: REACT_SDK });
  return clerk;
}

/** The form bodies of the FAPI requests to `path` sent so far (the emulator's log has no bodies). */
let fetchSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, 'fetch');
});
async function sentBodies(path: string): Promise<URLSearchParams[]> {
  const bodies: URLSearchParams[] = [];
  for (const [input, init] of fetchSpy.mock.calls as Array<[RequestInfo | URL, RequestInit | undefined]>) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== `/__clerk/v1${path}` || (init?.method ?? 'GET') !== 'POST') continue;
    bodies.push(new URLSearchParams(String(init?.body ?? '')));
  }
  return bodies;
}

afterEach(() => {
  fetchSpy.mockRestore();
  instances.splice(0).forEach((c) => c.destroy());
  delete win.ethereum;
  pageLoads = [];
  clearCookies();
  emulator.reset();
});

describe('signIn.sso() / signUp.sso()', () => {
  it('goes to the provider with the callback as redirect_url and redirectUrl as where the flow ends; the return signs in', async () => {
    const clerk = await page();
    const { signIn } = clerk.__internal_state.signInSignal();
    expect(await signIn.sso({ strategy: 'oauth_google', redirectUrl: '/dashboard', redirectCallbackUrl: '/sso-callback' })).toEqual({ error: null });
    const body = (await sentBodies('/client/sign_ins')).at(-1)!;
    expect(body.get('strategy')).toBe('oauth_google');
    expect(body.get('redirect_url')).toBe(`${APP}/sso-callback`);
    expect(body.get('action_complete_redirect_url')).toBe(`${APP}/dashboard`);
    // The page goes to the provider (the emulator's consent page).
    expect(pageLoads).toHaveLength(1);
    expect(signIn.firstFactorVerification.externalVerificationRedirectURL?.href).toBe(pageLoads[0].href);

    // The provider (through FAPI's callback) sends the browser back: a completed sign-in to where the flow ends.
    const provider = new URL(pageLoads[0]);
    provider.searchParams.set('auto', '1');
    provider.searchParams.set('email', EMAIL);
    const consent = await emulator.handle(new Request(provider, { redirect: 'manual' }));
    expect(consent.status).toBe(302);
    expect(new URL(consent.headers.get('location')!, APP).pathname).toBe('/dashboard');
    // The page it lands on loads signed in (the client cookie holds the new session).
    const landed = await page(new URL(consent.headers.get('location')!, APP).href);
    expect(landed.user?.primaryEmailAddress?.emailAddress).toBe(EMAIL);
  });

  it('sign-up sends the same routes from the sign-up; missing URLs are coded errors, and nothing is sent', async () => {
    const clerk = await page();
    const { signUp } = clerk.__internal_state.signUpSignal();
    expect(await signUp.sso({ strategy: 'oauth_github', redirectUrl: `${APP}/welcome`, redirectCallbackUrl: '/sso-callback', legalAccepted: true })).toEqual({
      error: null,
    });
    const body = (await sentBodies('/client/sign_ups')).at(-1)!;
    expect([body.get('strategy'), body.get('redirect_url'), body.get('action_complete_redirect_url'), body.get('legal_accepted')]).toEqual([
      'oauth_github',
      `${APP}/sso-callback`,
      `${APP}/welcome`,
      'true',
    ]);

    emulator.clearRequests();
    const { signIn } = clerk.__internal_state.signInSignal();
    const missing = await signIn.sso({ strategy: 'oauth_google', redirectUrl: '/dashboard' } as never);
    expect(missing.error).toMatchObject({ code: 'invalid_redirect_url', message: expect.stringContaining('redirectCallbackUrl') });
    // ClerkJS's strategies only: an OAuth provider's or enterprise SSO.
    const unknown = await signIn.sso({ strategy: 'password', redirectUrl: '/dashboard', redirectCallbackUrl: '/sso-callback' } as never);
    expect(unknown.error).toMatchObject({ code: 'invalid_strategy' });
    expect(clerk.__internal_state.signInSignal().errors.global?.[0]).toMatchObject({ code: 'invalid_strategy' });
    // The oauth plugin's checks guard it: an origin outside allowedRedirectOrigins is refused.
    const foreign = await signIn.sso({ strategy: 'oauth_google', redirectUrl: 'https://evil.example/done', redirectCallbackUrl: '/sso-callback' });
    expect(foreign.error).toMatchObject({ code: 'invalid_redirect_url' });
    expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('signIn.web3() / signUp.web3()', () => {
  it('signs up a new wallet, then signs it in; finalize() activates each session', async () => {
    const wallet = createTestWallet();
    win.ethereum = wallet.provider;
    const first = await page();
    const { signUp } = first.__internal_state.signUpSignal();
    expect(await signUp.web3({ strategy: 'web3_metamask_signature' })).toEqual({ error: null });
    expect(signUp.status).toBe('complete');
    expect(await signUp.finalize()).toEqual({ error: null });
    expect(first.user?.web3Wallets.map((w) => w.web3Wallet)).toEqual([wallet.address]);
    const userId = first.user!.id;

    instances.splice(0).forEach((c) => c.destroy());
    clearCookies();
    const second = await page();
    const { signIn } = second.__internal_state.signInSignal();
    expect(await signIn.web3({ strategy: 'web3_metamask_signature', provider: 'metamask' })).toEqual({ error: null });
    expect(signIn.status).toBe('complete');
    expect(await signIn.finalize()).toEqual({ error: null });
    expect(second.user?.id).toBe(userId);
    expect(second.user?.web3Wallets.map((w) => w.web3Wallet)).toEqual([wallet.address]);
  });

  it('an unknown provider and a strategy of another wallet are coded errors (a missing plugin: compat.test.ts)', async () => {
    const clerk = await page();
    const { signIn, signUp } = { ...clerk.__internal_state.signInSignal(), ...clerk.__internal_state.signUpSignal() };
    expect((await signIn.web3({ strategy: 'web3_metamask_signature', provider: 'phantom' as never })).error).toMatchObject({ code: 'invalid_params' });
    expect((await signIn.web3({ strategy: 'web3_okx_wallet_signature', provider: 'metamask' })).error).toMatchObject({ code: 'invalid_params' });
    expect((await signUp.web3({ strategy: 'web3_unknown_signature' as never })).error).toMatchObject({ code: 'invalid_params' });
  });
});

describe('signIn.passkey()', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = softwareAuthenticator(location.origin).install();
  });
  afterEach(() => uninstall());

  it('signs in with a discoverable passkey, and with the identified user’s', async () => {
    const owner = await page();
    const signedIn = await owner.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await owner.setActive({ session: signedIn.createdSessionId });
    await owner.user!.createPasskey();

    instances.splice(0).forEach((c) => c.destroy());
    clearCookies();
    const discoverable = await page();
    const { signIn } = discoverable.__internal_state.signInSignal();
    expect(await signIn.passkey({ flow: 'discoverable' })).toEqual({ error: null });
    expect(signIn.status).toBe('complete');
    expect(await signIn.finalize()).toEqual({ error: null });
    expect(discoverable.user?.primaryEmailAddress?.emailAddress).toBe(EMAIL);

    instances.splice(0).forEach((c) => c.destroy());
    clearCookies();
    const identified = await page();
    const future = identified.__internal_state.signInSignal().signIn;
    expect(await future.create({ identifier: EMAIL })).toEqual({ error: null });
    expect(await future.passkey()).toEqual({ error: null });
    expect(future.status).toBe('complete');
  });

  it('mfa.passkey(): the passkey as a sign-in’s second factor, where the instance allows it', async () => {
    const owner = await page();
    const first = await owner.client!.signIn.create({ identifier: MFA_EMAIL, password: PASSWORD });
    expect(first.status).toBe('needs_second_factor');
    // No passkey yet: only TOTP (and backup codes, none made) are offered, and mfa.passkey() sends nothing.
    const before = owner.__internal_state.signInSignal().signIn;
    expect(before.supportedSecondFactors.map((f) => f.strategy)).toEqual(['totp']);
    emulator.clearRequests();
    expect((await before.mfa.passkey()).error).toMatchObject({ code: 'factor_not_found' });
    expect(emulator.requests).toEqual([]);
    const done = await first.attemptSecondFactor({ strategy: 'totp', code: totpCode(TOTP_SECRET, Date.now()) });
    await owner.setActive({ session: done.createdSessionId });
    await owner.user!.createPasskey();

    instances.splice(0).forEach((c) => c.destroy());
    clearCookies();
    const fresh = await page();
    const future = fresh.__internal_state.signInSignal().signIn;
    expect(await future.password({ identifier: MFA_EMAIL, password: PASSWORD })).toEqual({ error: null });
    expect(future.status).toBe('needs_second_factor');
    expect(future.supportedSecondFactors.map((f) => f.strategy)).toEqual(['totp', 'passkey']);
    // FAPI wants the challenge first.
    const unprepared = await fresh.client!.signIn.attemptSecondFactor({ strategy: 'passkey', publicKeyCredential: '{}' }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(unprepared) && unprepared.errors[0].code).toBe('verification_missing');
    expect(await future.mfa.passkey()).toEqual({ error: null });
    expect(future.status).toBe('complete');
    expect(await future.finalize()).toEqual({ error: null });
    expect(fresh.user?.primaryEmailAddress?.emailAddress).toBe(MFA_EMAIL);
    // The environment says passkeys count as a second factor.
    expect(fresh.environment?.userSettings.attributes.passkey).toMatchObject({ usedForSecondFactor: true, secondFactors: ['passkey'] });
  });
});
