// @vitest-environment happy-dom
/**
 * Clerk Protect through the full preset against the emulator: the assertion on sign-in/sign-up requests
 * (string, function re-read per request, cleared with undefined), the `protect_check` gate, and
 * `submitProtectCheck` with a good proof (the flow completes) and a bad one (coded error, state unchanged).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/index.js';
import { Clerk } from '../../presets/full.js';
import { createClerk } from '../../kernel/index.js';
import { protectPlugin } from '../../plugins/protect/index.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { byLabel, submit, type, waitFor } from '../helpers/ui.js';
import { allowedSdkUrl, runProtectCheck } from '../../plugins/ui/protect-check.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada' }] } });
const instances: Array<{ destroy(): void }> = [];
const clearCookies = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));

async function loaded(options: Record<string, unknown> = {}) {
  const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load(options);
  return clerk;
}
/** The assertion each logged mutation carried, by method and path. */
const sent = () =>
  emulator.requests
    .filter((r) => r.method !== 'GET')
    .map((r): [string, string, string | undefined] => [r.method, r.path.replace(/sia_\w+|sua_\w+/, ':id'), r.protectAssertion]);
const proofOf = (token: string) => `proof_${token}`;

beforeEach(() => {
  emulator.reset();
  // Settings outlive a reset: every test starts with the checks off.
  emulator.updateSettings({ protectCheck: { signIn: false, signUp: false, chain: 1 }, emailAddress: { verifyAtSignUp: true } });
  emulator.clearRequests();
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  clearCookies();
  vi.restoreAllMocks();
});

describe('the Protect assertion', () => {
  it('the protectAssertion load option rides on every sign-in mutation, never on other requests', async () => {
    const clerk = await loaded({ protectAssertion: 'pa_from_options' });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    await signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD });
    await clerk.setActive({ session: signIn.createdSessionId });
    await clerk.user!.update({ firstName: 'Augusta' });
    const mutations = sent();
    expect(mutations.filter((r) => r[1].startsWith('/v1/client/sign_ins'))).toEqual([
      ['POST', '/v1/client/sign_ins', 'pa_from_options'],
      ['POST', '/v1/client/sign_ins/:id/attempt_first_factor', 'pa_from_options'],
    ]);
    // The dev browser, the session touch, the user update: none carries it.
    const others = mutations.filter((r) => !r[1].startsWith('/v1/client/sign_'));
    expect(others.map((r) => r[1])).toContain('/v1/me');
    expect(others.every((r) => r[2] === undefined)).toBe(true);
  });

  it('setProtectAssertion(string) replaces the option; a function is re-read per request; undefined clears both', async () => {
    const clerk = await loaded({ protectAssertion: 'pa_from_options' });
    clerk.setProtectAssertion('pa_set');
    await clerk.client!.signUp.create({ emailAddress: 'new@example.com' });
    let n = 0;
    clerk.setProtectAssertion(async () => `pa_fn_${++n}`);
    await clerk.client!.signUp.update({ password: PASSWORD });
    await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    clerk.setProtectAssertion(undefined);
    await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(
      sent()
        .filter((r) => r[1].startsWith('/v1/client/sign_'))
        .map((r) => r[2]),
    ).toEqual(['pa_set', 'pa_fn_1', 'pa_fn_2', undefined]);
    expect(n).toBe(2);
  });

  it('a resolver that throws, or returns a blank or non-string value, sends none and warns (the sign-in goes on)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clerk = await loaded();
    clerk.setProtectAssertion(() => {
      throw new Error('backend down');
    });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.status).toBe('needs_first_factor');
    clerk.setProtectAssertion(() => '  ');
    await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(
      sent()
        .filter((r) => r[1].startsWith('/v1/client/sign_'))
        .map((r) => r[2]),
    ).toEqual([undefined, undefined]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('backend down'), expect.stringContaining('non-empty string')]);
  });

  it('setProtectAssertion refuses anything but a string, a function or undefined', async () => {
    const clerk = await loaded();
    for (const bad of [42, {}, null]) {
      let error: unknown;
      try {
        clerk.setProtectAssertion(bad as never);
      } catch (e) {
        error = e;
      }
      expect(isClerkRuntimeError(error) && [error.code, error.message]).toEqual(['invalid_arguments', expect.stringContaining('setProtectAssertion()')]);
    }
  });
});

describe('the protect_check gate', () => {
  it('is null when the instance has no Protect checks', async () => {
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.protectCheck).toBeNull();
    expect(clerk.client!.signUp.protectCheck).toBeNull();
  });

  it('sign-in: needs_protect_check with ClerkJS’s shape; a bad proof is a coded error and changes nothing; the good one completes it', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
    expect(signIn.status).toBe('needs_protect_check');
    const check = signIn.protectCheck!;
    expect(check).toEqual({
      status: 'pending',
      token: expect.stringMatching(/^pct_/),
      sdkUrl: `${PROXY_URL}/__emulator/protect/sdk.js`,
      expiresAt: expect.any(Number),
      uiHints: undefined,
    });
    expect(check.expiresAt).toBeGreaterThan(Date.now());

    let error: unknown;
    await signIn.submitProtectCheck({ proofToken: 'proof_forged' }).catch((e: unknown) => (error = e));
    expect(isClerkAPIResponseError(error) && [error.status, error.errors[0].code]).toEqual([422, 'protect_check_invalid']);
    expect([signIn.status, signIn.protectCheck]).toEqual(['needs_protect_check', check]);
    expect(clerk.client!.signIn.protectCheck?.token).toBe(check.token);

    const done = await signIn.submitProtectCheck({ proofToken: proofOf(check.token) });
    expect(done).toBe(signIn);
    expect([signIn.status, signIn.protectCheck]).toEqual(['complete', null]);
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(sent().map((r) => r[1])).toContain('/v1/client/sign_ins/:id/protect_check');
  });

  it('chained checks: the first proof gives the next challenge, the second clears the gate', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true, chain: 2 } });
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    const first = signIn.protectCheck!.token;
    await signIn.submitProtectCheck({ proofToken: proofOf(first) });
    expect(signIn.status).toBe('needs_protect_check');
    expect(signIn.protectCheck!.token).not.toBe(first);
    await signIn.submitProtectCheck({ proofToken: proofOf(signIn.protectCheck!.token) });
    expect([signIn.status, signIn.protectCheck]).toEqual(['needs_first_factor', null]);
    await signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe('complete');
  });

  it('sign-up: protect_check in missingFields until the proof; then it completes', async () => {
    emulator.updateSettings({ protectCheck: { signUp: true }, emailAddress: { verifyAtSignUp: false } });
    const clerk = await loaded({ protectAssertion: () => 'pa_signup' });
    const signUp = await clerk.client!.signUp.create({ emailAddress: 'new@example.com', password: PASSWORD });
    expect([signUp.status, signUp.missingFields, signUp.protectCheck?.status]).toEqual(['missing_requirements', ['protect_check'], 'pending']);
    let error: unknown;
    await signUp.submitProtectCheck({ proofToken: 'nope' }).catch((e: unknown) => (error = e));
    expect(isClerkAPIResponseError(error) && error.errors[0].code).toBe('protect_check_invalid');
    expect(signUp.missingFields).toEqual(['protect_check']);
    await signUp.submitProtectCheck({ proofToken: proofOf(signUp.protectCheck!.token) });
    expect([signUp.status, signUp.protectCheck, signUp.createdSessionId]).toEqual(['complete', null, expect.stringMatching(/^sess_/)]);
    // The submission carried the assertion too, as every sign-up mutation does.
    expect(
      sent()
        .filter((r) => r[1] === '/v1/client/sign_ups/:id/protect_check')
        .map((r) => r[2]),
    ).toEqual(['pa_signup', 'pa_signup']);
  });

  it('submitProtectCheck refuses a missing or empty proof token with a coded error, before any request', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    emulator.clearRequests();
    for (const bad of [undefined, {}, { proofToken: '' }, { proofToken: 7 }]) {
      let error: unknown;
      await signIn.submitProtectCheck(bad as never).catch((e: unknown) => (error = e));
      expect(isClerkRuntimeError(error) && error.code).toBe('invalid_arguments');
    }
    expect(emulator.requests).toEqual([]);
    expect(signIn.status).toBe('needs_protect_check');
  });

  it('a headless instance gets the members by composing protectPlugin()', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [protectPlugin()] });
    instances.push(clerk);
    await clerk.load({ protectAssertion: 'pa_headless' });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
    await signIn.submitProtectCheck({ proofToken: proofOf(signIn.protectCheck!.token) });
    expect(signIn.status).toBe('complete');
    expect(
      sent()
        .filter((r) => r[1].startsWith('/v1/client/sign_'))
        .map((r) => r[2]),
    ).toEqual(['pa_headless', 'pa_headless']);
  });

  it('handleRedirectCallback routes a gated sign-in to its protect-check step; __internal_resumeAfterProtectCheck does not, and continues after it', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const clerk = await loaded({ signInUrl: '/sign-in' });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    const went: string[] = [];
    const navigate = async (to: string) => void went.push(to);
    await clerk.handleRedirectCallback({}, navigate);
    await clerk.handleRedirectCallback({ signInProtectCheckUrl: '/challenge' }, navigate);
    // Resuming never sends the user back to the challenge (here: still gated, so back to sign-in).
    await clerk.__internal_resumeAfterProtectCheck({}, navigate);
    await signIn.submitProtectCheck({ proofToken: proofOf(signIn.protectCheck!.token) });
    await clerk.__internal_resumeAfterProtectCheck({}, navigate);
    expect(went).toEqual(['/sign-in#/protect-check', '/challenge', '/sign-in', '/sign-in#/factor-one']);
  });
});

describe('<SignIn/> and <SignUp/> on a gated attempt', () => {
  async function mounted(kind: 'SignIn' | 'SignUp') {
    history.replaceState(null, '', kind === 'SignIn' ? '/sign-in' : '/sign-up');
    const clerk = await loaded({ signInUrl: '/sign-in', signUpUrl: '/sign-up' });
    const root = document.createElement('div');
    document.body.appendChild(root);
    instances.push({ destroy: () => root.remove() });
    if (kind === 'SignIn') clerk.mountSignIn(root, { path: '/sign-in', routing: 'hash' });
    else clerk.mountSignUp(root, { path: '/sign-up', routing: 'hash' });
    return { clerk, root, form: await waitFor(() => root.querySelector('form')) };
  }
  const alertText = (root: HTMLElement) => root.querySelector('[role=alert]')?.textContent ?? '';

  // Node cannot import() an http URL: the step's own loader fails here, which is the failure path a CSP
  // block takes in a browser. The challenge itself runs in the runProtectCheck tests below.
  it('<SignIn/> goes to #/protect-check and says why the challenge could not run, instead of waiting', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const { root, form } = await mounted('SignIn');
    await type(byLabel(root, 'Email address'), 'ada@example.com');
    submit(form);
    await waitFor(() => location.hash === '#/protect-check');
    await waitFor(() => alertText(root));
    expect(alertText(root)).toBe('The verification could not load. Check your connection and try again.');
    expect(root.querySelector('.cl-headerTitle')?.textContent).toBe('Verification required');
    expect(root.querySelector('.cl-protectCheckContainer')).not.toBeNull();
  });

  it('<SignUp/> does the same for a sign-up missing protect_check', async () => {
    emulator.updateSettings({ protectCheck: { signUp: true } });
    const { root, form } = await mounted('SignUp');
    await type(byLabel(root, 'Email address'), 'new@example.com');
    await type(byLabel(root, 'Password'), PASSWORD);
    submit(form);
    await waitFor(() => location.hash === '#/protect-check');
    await waitFor(() => alertText(root));
    expect(alertText(root)).toContain('could not load');
  });
});

describe('runProtectCheck (the components’ challenge runner)', () => {
  /** Imports the emulator's fake SDK as a browser would: fetched from the FAPI origin, then imported (as a data: URL in Node). */
  const loadFromEmulator = (log: string[]) => async (url: string) => {
    log.push(url);
    const source = await (await emulator.handle(new Request(url))).text();
    return import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`);
  };

  it('runs each challenge of a chain in the container (the fake SDK’s button) and submits the proofs', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true, chain: 2 } });
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
    const container = document.createElement('div');
    document.body.appendChild(container);
    const log: string[] = [];
    const presser = setInterval(() => container.querySelector<HTMLButtonElement>('button[data-emulator-protect-check]')?.click(), 20);
    try {
      const done = await runProtectCheck(signIn, PROXY_URL, container, new AbortController().signal, loadFromEmulator(log));
      expect(done).toBe(signIn);
    } finally {
      clearInterval(presser);
      container.remove();
    }
    expect([signIn.status, signIn.protectCheck]).toEqual(['complete', null]);
    expect(log).toEqual([`${PROXY_URL}/__emulator/protect/sdk.js`, `${PROXY_URL}/__emulator/protect/sdk.js`]);
  });

  it('refuses an SDK from another origin, over http when FAPI is https, or with userinfo (nothing is loaded)', () => {
    const refused = (sdkUrl: string, fapi: string) => {
      try {
        allowedSdkUrl(sdkUrl, fapi);
      } catch (error) {
        return isClerkRuntimeError(error) && error.code;
      }
      return 'allowed';
    };
    expect(refused('https://evil.example/sdk.js', 'https://clerk.example.com')).toBe('protect_check_invalid_sdk_url');
    expect(refused('http://clerk.example.com/sdk.js', 'https://clerk.example.com')).toBe('protect_check_invalid_sdk_url');
    expect(refused('https://user:pw@clerk.example.com/sdk.js', 'https://clerk.example.com')).toBe('protect_check_invalid_sdk_url');
    expect(refused('javascript:alert(1)', 'https://clerk.example.com')).toBe('protect_check_invalid_sdk_url');
    expect(refused('not a url', 'https://clerk.example.com')).toBe('protect_check_invalid_sdk_url');
    expect(refused('https://clerk.example.com/npm/protect/sdk.js', 'https://clerk.example.com')).toBe('allowed');
    expect(refused('http://localhost:3000/__clerk/__emulator/protect/sdk.js', 'http://localhost:3000/__clerk')).toBe('allowed');
  });

  it('a module without a default export, or a challenge that throws, is a coded error and submits nothing', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true } });
    const clerk = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    emulator.clearRequests();
    const codeOf = (run: Promise<unknown>) =>
      run.then(
        () => 'resolved',
        (e: unknown) => (isClerkRuntimeError(e) ? e.code : String(e)),
      );
    const container = document.createElement('div');
    const signal = new AbortController().signal;
    expect(await codeOf(runProtectCheck(signIn, PROXY_URL, container, signal, async () => ({})))).toBe('protect_check_invalid_script');
    const throwing = async () => ({ default: () => Promise.reject(new Error('widget crashed')) });
    expect(await codeOf(runProtectCheck(signIn, PROXY_URL, container, signal, throwing))).toBe('protect_check_execution_failed');
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(signIn.status).toBe('needs_protect_check');
  });
});
