// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, createClerk, type Resources } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { compatPlugin } from './index.js';
import { toFlowErrors } from './flow-signal.js';
import { createSignalHub } from './signals.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD }] } });
const instances: Array<{ destroy(): void }> = [];

function newClerk() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [compatPlugin()] });
  instances.push(clerk);
  return clerk;
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
});

describe('signals', () => {
  it('computed values stay the same object until a change; effects run now and on each change', () => {
    const hub = createSignalHub();
    let source = 1;
    const value = hub.computed(() => ({ source }));
    const first = value();
    expect(value()).toBe(first);
    const runs: number[] = [];
    const stop = hub.effect(() => runs.push(value().source));
    source = 2;
    hub.changed();
    expect(value()).not.toBe(first);
    expect(value().source).toBe(2);
    stop();
    hub.changed();
    expect(runs).toEqual([1, 2]);
  });

  it('a throwing effect does not stop the others', () => {
    const hub = createSignalHub();
    const seen: string[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      hub.effect(() => {
        if (seen.length) throw new Error('boom');
      });
      hub.effect(() => void seen.push('ran'));
      hub.changed();
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['ran', 'ran']);
  });

  it('sorts FAPI errors into fields (camelCased), raw and global', () => {
    const fieldError = new ClerkAPIResponseError('x', {
      status: 422,
      errors: [
        { code: 'form_password_incorrect', message: 'bad', meta: { paramName: 'password' } },
        { code: 'form_param_unknown', message: 'other', meta: { paramName: 'email_address' } },
      ],
    });
    const errors = toFlowErrors(fieldError, ['identifier', 'password', 'emailAddress'] as const);
    expect(errors.fields.password?.code).toBe('form_password_incorrect');
    expect(errors.fields.emailAddress?.code).toBe('form_param_unknown');
    expect(errors.fields.identifier).toBeNull();
    expect(errors.raw).toHaveLength(2);
    expect(errors.global).toBeNull();

    // Any other error is global, as ClerkJS's ClerkGlobalHookError: a runtime error with the original as its cause.
    const network = new Error('offline');
    const other = toFlowErrors(network, ['identifier'] as const);
    expect(other.raw).toEqual([network]);
    expect(other.global).toHaveLength(1);
    expect(other.global![0]).toMatchObject({ clerkError: true, code: 'unexpected_error', message: 'offline', cause: network });
    expect(other.global![0].isClerkRuntimeError()).toBe(true);
    expect(other.global![0].isClerkAPIResponseError()).toBe(false);
    const noField = new ClerkAPIResponseError('x', { status: 429, errors: [{ code: 'too_many_requests', message: 'slow down' }] });
    const [global] = toFlowErrors(noField, ['identifier'] as const).global!;
    expect(global).toBe(noField);
    expect(global).toMatchObject({ clerkError: true, code: 'api_response_error' });
    expect(global.isClerkAPIResponseError()).toBe(true);
    expect(toFlowErrors(null, ['code'] as const)).toEqual({ fields: { code: null }, raw: null, global: null });
  });
});

/** What Clerk's React SDK passes to load(): an SDK-driven instance fetches the future flows. */
const REACT_SDK = { name: '@clerk/react', version: '6.18.0', environment: 'test' };

describe('compat members', () => {
  it('fetches the future flows only for a Clerk SDK: a plain load() leaves them out and the signals say why', async () => {
    const clerk = newClerk();
    await clerk.load();
    const signal = () => clerk.__internal_state.signInSignal().signIn;
    expect(signal).toThrow(/clerk\.load\(\{ sdkMetadata \}\)/);
    const driven = newClerk();
    await driven.load({ sdkMetadata: REACT_SDK });
    expect(typeof driven.__internal_state.signInSignal().signIn.create).toBe('function');
  });

  it('__internal_lastEmittedResources is the emitted object, stable until the next emission', async () => {
    const clerk = newClerk();
    expect(clerk.__internal_lastEmittedResources).toBeUndefined();
    const emitted: Resources[] = [];
    clerk.addListener((r) => emitted.push(r));
    await clerk.load();
    expect(clerk.__internal_lastEmittedResources).toBe(emitted.at(-1));
    expect(clerk.__internal_lastEmittedResources).toBe(clerk.__internal_lastEmittedResources);
    const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.__internal_lastEmittedResources).toBe(emitted.at(-1));
    expect(clerk.__internal_lastEmittedResources?.user?.id).toBe(clerk.user!.id);
  });

  it('legacy isReady() and setSession(session, beforeEmit)', async () => {
    const clerk = newClerk();
    expect(clerk.isReady()).toBe(false);
    await clerk.load();
    expect(clerk.isReady()).toBe(true);
    const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    let during: unknown = 'unset';
    await clerk.setSession(signIn.createdSessionId, () => {
      during = clerk.session;
    });
    expect(during).toBeUndefined();
    expect(clerk.session?.id).toBe(signIn.createdSessionId);
  });

  it('addListener honours skipInitialEmit (kernel)', async () => {
    const clerk = newClerk();
    await clerk.load();
    const calls: string[] = [];
    clerk.addListener(() => calls.push('default'));
    clerk.addListener(() => calls.push('skipped'), { skipInitialEmit: true });
    expect(calls).toEqual(['default']);
  });

  it('the sign-in future: create errors, reset, a missing factor, finalize without a session', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: REACT_SDK });
    const state = clerk.__internal_state;
    const before = state.signInSignal();
    expect(state.signInSignal()).toBe(before);

    const missing = await before.signIn.create({ identifier: 'nobody@example.com' });
    expect((missing.error as unknown as ClerkAPIResponseError).errors[0].code).toBe('form_identifier_not_found');
    expect(state.signInSignal()).not.toBe(before);
    expect(state.signInSignal().errors.fields.identifier?.code).toBe('form_identifier_not_found');

    await state.signInSignal().signIn.create({ identifier: EMAIL });
    expect(state.signInSignal().signIn.status).toBe('needs_first_factor');
    expect(state.signInSignal().errors.fields.identifier).toBeNull();
    expect(state.signInSignal().signIn.id).toBe(clerk.client!.signIn.id);
    expect(state.signInSignal().signIn.id).toBeTruthy();

    await expect(state.signInSignal().signIn.finalize()).rejects.toMatchObject({ code: 'no_created_session' });
    // No second factor yet: mfa.passkey() has none to use. As every step's error: ClerkJS's ClerkError, with the kind guards.
    const { error: noFactor } = await state.signInSignal().signIn.mfa.passkey();
    expect(noFactor).toMatchObject({ clerkError: true, code: 'factor_not_found' });
    expect(noFactor!.isClerkRuntimeError()).toBe(true);

    await state.signInSignal().signIn.reset();
    expect(state.signInSignal().signIn.id).toBeUndefined();
    expect(state.signInSignal().signIn.status).toBe('needs_identifier');
    expect(clerk.client!.signIn.id).toBeFalsy();
  });

  it('web3() and passkey() name the plugin they need when it is not composed, and send nothing', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: REACT_SDK });
    emulator.clearRequests();
    const { signIn } = clerk.__internal_state.signInSignal();
    const web3 = await signIn.web3({ strategy: 'web3_metamask_signature', provider: 'metamask' });
    expect(web3.error).toMatchObject({ code: 'plugin_missing', message: expect.stringContaining('microclerk/plugins/web3') });
    expect((await signIn.passkey({ flow: 'discoverable' })).error).toMatchObject({ code: 'plugin_missing', message: expect.stringContaining('passkeys') });
    const { signUp } = clerk.__internal_state.signUpSignal();
    expect((await signUp.web3({ strategy: 'web3_base_signature' })).error).toMatchObject({ code: 'plugin_missing' });
    expect(emulator.requests).toEqual([]);
  });

  it('keeps the completed sign-in as the target after FAPI drops it from the client', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: REACT_SDK });
    const { signIn } = clerk.__internal_state.signInSignal();
    expect(await signIn.password({ identifier: EMAIL, password: PASSWORD })).toEqual({ error: null });
    expect(signIn.status).toBe('complete');
    expect(signIn.createdSessionId).toMatch(/^sess_/);
    expect(await signIn.finalize()).toEqual({ error: null });
    expect(clerk.session?.id).toBe(signIn.createdSessionId);
    expect(signIn.canBeDiscarded).toBe(true);
    // FAPI's client no longer holds it, the future still does.
    expect(clerk.client!.signIn.status).not.toBe('complete');
  });

  it('password(): more than one identifier is a usage error', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: REACT_SDK });
    await expect(clerk.__internal_state.signInSignal().signIn.password({ identifier: EMAIL, emailAddress: EMAIL, password: 'x' })).rejects.toMatchObject({
      code: 'invalid_params',
    });
  });

  it("signIn/signUp.__internal_future are the signals' futures, once an SDK's load() fetched them", async () => {
    const plain = newClerk();
    await plain.load();
    expect(() => plain.client!.signIn.__internal_future).toThrow(expect.objectContaining({ code: 'not_loaded' }));
    expect(() => plain.client!.signUp.__internal_future).toThrow(expect.objectContaining({ code: 'not_loaded' }));

    const clerk = newClerk();
    await clerk.load({ sdkMetadata: REACT_SDK });
    const future = clerk.client!.signIn.__internal_future;
    expect(future).toBe(clerk.__internal_state.signInSignal().signIn);
    expect(clerk.client!.signUp.__internal_future).toBe(clerk.__internal_state.signUpSignal().signUp);
    // A step through it moves the client's sign-in and the signal, as React's fallback expects.
    expect(await future.create({ identifier: EMAIL })).toEqual({ error: null });
    expect(clerk.client!.signIn.status).toBe('needs_first_factor');
    expect(clerk.client!.signIn.__internal_future.status).toBe('needs_first_factor');
    expect(clerk.__internal_state.signInSignal().signIn.id).toBe(clerk.client!.signIn.id);
  });

  it('__internal_waitlist: not_loaded before the futures, plugin_missing without the waitlist plugin', async () => {
    const clerk = newClerk();
    expect(() => clerk.__internal_state.__internal_waitlist).toThrow(expect.objectContaining({ code: 'not_loaded' }));
    await clerk.load({ sdkMetadata: REACT_SDK });
    expect(() => clerk.__internal_state.__internal_waitlist).toThrow(expect.objectContaining({ code: 'plugin_missing' }));
  });

  it('waitlistSignal reports no waitlist', () => {
    const clerk = newClerk();
    expect(clerk.__internal_state.waitlistSignal()).toEqual({
      errors: { fields: { emailAddress: null }, raw: null, global: null },
      fetchStatus: 'idle',
      waitlist: null,
    });
  });
});

describe('ClerkJS navigation internals', () => {
  function withWarnings() {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => void warnings.push(String(message));
    return { warnings, restore: () => (console.warn = original) };
  }

  it('__internal_windowNavigate goes to an allowed URL (clerk:beforeunload first) and refuses //host and other protocols', async () => {
    const clerk = newClerk();
    await clerk.load({ allowedRedirectProtocols: ['tauri:'] } as never);
    history.replaceState(null, '', '/start');
    const unloads: string[] = [];
    const onUnload = () => unloads.push(location.href);
    window.addEventListener('clerk:beforeunload', onUnload);
    const log = withWarnings();
    try {
      clerk.__internal_windowNavigate('#next');
      // Its code loads on first use: the navigation follows shortly.
      await vi.waitFor(() => expect(location.hash).toBe('#next'));
      expect(unloads).toEqual([`${location.origin}/start`]);

      for (const refused of [
        '//evil.example/x',
        ' \t//evil.example',
        '\\\\evil.example',
        '/\t/evil.example',
        'javascript:alert(1)',
        new URL('data:text/html,x'),
      ]) {
        clerk.__internal_windowNavigate(refused);
      }
      await vi.waitFor(() => expect(log.warnings).toHaveLength(6));
      expect(log.warnings.slice(0, 4).every((w) => w.includes('scheme-relative navigation'))).toBe(true);
      expect(log.warnings[4]).toContain('"javascript:" is not a valid navigation protocol');
      expect(log.warnings[5]).toContain('"data:"');
      // An app-allowed protocol passes the check, unless only the static list is wanted.
      clerk.__internal_windowNavigate('tauri://app/next', { useStaticAllowlistOnly: true });
      await vi.waitFor(() => expect(log.warnings).toHaveLength(7));
      expect(log.warnings[6]).toContain('"tauri:" is not a valid navigation protocol');
      expect(unloads).toHaveLength(1);
      expect(location.pathname).toBe('/start');
    } finally {
      log.restore();
      window.removeEventListener('clerk:beforeunload', onUnload);
    }
  });

  it('repeats the navigation plugin’s static protocol list', async () => {
    const [{ DEFAULT_PROTOCOLS: ours }, { DEFAULT_PROTOCOLS: navigation }] = await Promise.all([
      import('./internals.js'),
      import('../navigation/redirects.js'),
    ]);
    expect(ours).toEqual(navigation);
  });

  it('__internal_addNavigationListener: called on each navigate() until unsubscribed', async () => {
    const { navigationPlugin } = await import('../navigation/index.js');
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigationPlugin(), compatPlugin()] });
    instances.push(clerk);
    await clerk.load({ routerPush: () => {} });
    let calls = 0;
    const off = clerk.__internal_addNavigationListener(() => calls++);
    await clerk.navigate('/a');
    await clerk.navigate('/b');
    expect(calls).toBe(2);
    off();
    await clerk.navigate('/c');
    expect(calls).toBe(2);
  });
});

describe('__internal_reloadInitialResources', () => {
  it('re-reads the environment (in place) and the client, in parallel, and emits', async () => {
    emulator.updateSettings({ organizations: false });
    const clerk = newClerk();
    await clerk.load();
    const environment = clerk.__internal_environment!;
    expect(environment.organizationSettings.enabled).toBe(false);
    // A Dashboard change and a sign-in elsewhere (another tab of this browser, same client cookie).
    emulator.updateSettings({ organizations: true });
    const other = newClerk();
    await other.load();
    const signIn = await other.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await other.setActive({ session: signIn.createdSessionId });
    expect(clerk.client!.sessions).toHaveLength(0);

    const emitted: unknown[] = [];
    clerk.addListener((resources) => emitted.push(resources), { skipInitialEmit: true });
    emulator.clearRequests();
    await clerk.__internal_reloadInitialResources();
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /v1/environment', 'GET /v1/client']));
    expect(clerk.__internal_environment).toBe(environment);
    expect(environment.organizationSettings.enabled).toBe(true);
    expect(clerk.client!.sessions.map((s) => s.id)).toEqual([signIn.createdSessionId]);
    expect(emitted.length).toBeGreaterThan(0);
  });
});

describe('the futures as ClerkJS types them', () => {
  it('a sign-up future with no sign-up in progress: lists, metadata, verifications and the resource-members fields are never undefined', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: { name: '@clerk/react', version: '6.18.0' } });
    const { signUp } = clerk.__internal_state.signUpSignal();
    expect(signUp.requiredFields).toEqual([]);
    expect(signUp.unverifiedFields).toEqual([]);
    expect(signUp.unsafeMetadata).toEqual({});
    // Without the resource-members plugin the kernel's SignUp has no locale / timezone / web3Wallet: null.
    expect([signUp.locale, signUp.timezone, signUp.web3Wallet]).toEqual([null, null, null]);
    expect(signUp.verifications.emailAddress).toBe(clerk.client!.signUp.verifications.emailAddress);
    const { signIn } = clerk.__internal_state.signInSignal();
    expect(signIn.firstFactorVerification).toBe(clerk.client!.signIn.firstFactorVerification);
  });

  it('finalize({ navigate }) hands navigate the new session', async () => {
    const clerk = newClerk();
    await clerk.load({ sdkMetadata: { name: '@clerk/react', version: '6.18.0' } });
    const { signIn } = clerk.__internal_state.signInSignal();
    expect(await signIn.password({ identifier: EMAIL, password: PASSWORD })).toEqual({ error: null });
    const seen: string[] = [];
    expect(await clerk.__internal_state.signInSignal().signIn.finalize({ navigate: ({ session }) => void seen.push(session.id) })).toEqual({ error: null });
    expect(seen).toEqual([clerk.session!.id]);
  });
});
