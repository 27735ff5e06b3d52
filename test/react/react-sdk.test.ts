// @vitest-environment happy-dom
/**
 * Clerk's React SDK (`@clerk/react` 6.x) running on a microclerk instance passed as
 * `<ClerkProvider Clerk={clerk}>`, against the emulator: control components, hooks, the v6 signal-based
 * `useSignIn`/`useSignUp`, the legacy hooks, getToken and signOut — asserted on what the DOM shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h, type ReactNode } from 'react';
import { ClerkDegraded, ClerkFailed, ClerkProvider, ClerkLoaded, ClerkLoading, Show, useAuth, useClerk, useSignIn, useSignUp, useUser } from '@clerk/react';
import { useSignIn as useLegacySignIn } from '@clerk/react/legacy';
import { decodeJwt } from '../../kernel/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const CODE_EMAIL = 'code+clerk_test@example.com';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD, firstName: 'Ada' }, { emailAddress: CODE_EMAIL }] } });

const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];

function setup(children: ReactNode, props: Record<string, unknown> = {}) {
  const clerk = createReactTestClerk(emulator.publishableKey);
  instances.push(clerk);
  const view = renderWithClerk(clerk, children, props);
  rendered.push(view);
  return { clerk, view };
}

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.updateSettings({ latencyMs: 0 });
});

/** What the hooks returned on the last render, for the test to call their functions. */
let hooks: {
  auth: ReturnType<typeof useAuth>;
  user: ReturnType<typeof useUser>;
  signIn: ReturnType<typeof useSignIn>;
  signUp: ReturnType<typeof useSignUp>;
  clerk: ReturnType<typeof useClerk>;
};
const fetchStatuses: string[] = [];

function Probe() {
  const auth = useAuth();
  const user = useUser();
  const signIn = useSignIn();
  const signUp = useSignUp();
  const clerk = useClerk();
  hooks = { auth, user, signIn, signUp, clerk };
  fetchStatuses.push(signIn.fetchStatus);
  const fieldError = signIn.errors.fields.password ?? signIn.errors.fields.identifier ?? signIn.errors.fields.code;
  return h(
    'dl',
    null,
    h('dd', { id: 'email' }, user.user?.primaryEmailAddress?.emailAddress ?? '-'),
    h('dd', { id: 'user-id' }, auth.userId ?? '-'),
    h('dd', { id: 'session-id' }, auth.sessionId ?? '-'),
    h('dd', { id: 'sign-in-status' }, signIn.signIn.status),
    h('dd', { id: 'sign-in-error' }, fieldError?.code ?? '-'),
    h('dd', { id: 'sign-up-status' }, signUp.signUp.status),
  );
}

function App() {
  return h(
    'main',
    null,
    h(ClerkLoading, null, h('p', { id: 'loading' }, 'Loading…')),
    h(
      ClerkLoaded,
      null,
      h(Show, { when: 'signed-out', children: h('p', { id: 'signed-out' }, 'Please sign in') }),
      h(Show, { when: 'signed-in', children: h('p', { id: 'signed-in' }, 'Welcome back') }),
      h(Probe),
    ),
  );
}

const $ = (view: Rendered, id: string) => view.container.querySelector(`#${id}`)?.textContent ?? null;

async function signedOutApp(props: Record<string, unknown> = {}) {
  const result = setup(h(App), props);
  await waitFor(() => expect($(result.view, 'signed-out')).toBe('Please sign in'));
  return result;
}

describe('<ClerkProvider Clerk={microclerk}>', () => {
  it('shows <ClerkLoading> first, then the signed-out content; clerk-js is never fetched', async () => {
    emulator.updateSettings({ latencyMs: 30 });
    const { clerk, view } = setup(h(App));
    expect($(view, 'loading')).toBe('Loading…');
    expect($(view, 'signed-out')).toBeNull();

    await waitFor(() => expect($(view, 'signed-out')).toBe('Please sign in'));
    expect($(view, 'loading')).toBeNull();
    expect($(view, 'signed-in')).toBeNull();
    expect($(view, 'email')).toBe('-');
    expect(hooks.auth).toMatchObject({ isLoaded: true, isSignedIn: false, userId: null, sessionId: null });
    expect(hooks.user).toMatchObject({ isLoaded: true, isSignedIn: false, user: null });
    // The SDK loaded the instance it was given, with its own metadata, and hot-loaded no script.
    expect(clerk.loaded).toBe(true);
    expect(clerk.sdkMetadata.name).toBe('@clerk/react');
    expect((globalThis as { Clerk?: unknown }).Clerk).toBe(clerk);
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(emulator.requests.every((r) => r.path.startsWith('/v1/'))).toBe(true);
  });

  it('useSignIn() (v6 signals): a wrong password shows the field error, the right one signs in', async () => {
    const { view, clerk } = await signedOutApp();
    expect($(view, 'sign-in-status')).toBe('needs_identifier');

    let result: { error: unknown } | undefined;
    await act(async () => {
      result = await hooks.signIn.signIn.password({ identifier: EMAIL, password: 'wrong-password-1' });
    });
    expect(result?.error).toBeTruthy();
    await waitFor(() => expect($(view, 'sign-in-error')).toBe('form_password_incorrect'));
    expect(hooks.signIn.errors.raw).toHaveLength(1);
    expect($(view, 'signed-out')).toBe('Please sign in');

    fetchStatuses.length = 0;
    await act(async () => {
      result = await hooks.signIn.signIn.password({ identifier: EMAIL, password: PASSWORD });
    });
    expect(result).toEqual({ error: null });
    expect(fetchStatuses).toContain('fetching');
    expect(hooks.signIn.fetchStatus).toBe('idle');
    await waitFor(() => expect($(view, 'sign-in-status')).toBe('complete'));
    expect($(view, 'sign-in-error')).toBe('-');
    // Complete, but not active until finalize().
    expect($(view, 'signed-in')).toBeNull();

    const navigated: string[] = [];
    await act(async () => {
      result = await hooks.signIn.signIn.finalize({ navigate: ({ session }) => void navigated.push(session!.id) });
    });
    expect(result).toEqual({ error: null });
    await waitFor(() => expect($(view, 'signed-in')).toBe('Welcome back'));
    expect($(view, 'signed-out')).toBeNull();
    expect($(view, 'email')).toBe(EMAIL);
    expect($(view, 'session-id')).toBe(clerk.session!.id);
    expect(navigated).toEqual([clerk.session!.id]);
    expect(hooks.user.user?.firstName).toBe('Ada');
  });

  it('useSignIn() email code: sendCode / verifyCode; a wrong code lands in errors.fields.code', async () => {
    const email = CODE_EMAIL;
    const { view } = await signedOutApp();
    await act(async () => {
      await hooks.signIn.signIn.emailCode.sendCode({ emailAddress: email });
    });
    await waitFor(() => expect($(view, 'sign-in-status')).toBe('needs_first_factor'));
    await act(async () => {
      await hooks.signIn.signIn.emailCode.verifyCode({ code: '000000' });
    });
    await waitFor(() => expect($(view, 'sign-in-error')).toMatch(/^form_code_incorrect$/));
    await act(async () => {
      await hooks.signIn.signIn.emailCode.verifyCode({ code: '424242' });
      await hooks.signIn.signIn.finalize();
    });
    await waitFor(() => expect($(view, 'email')).toBe(email));
  });

  it('useSignUp() (v6 signals): password, email code, finalize', async () => {
    const email = 'grace+clerk_test@example.com';
    const { view } = await signedOutApp();
    expect($(view, 'sign-up-status')).toBe('missing_requirements');
    const steps: Array<{ error: unknown }> = [];
    await act(async () => {
      steps.push(await hooks.signUp.signUp.password({ emailAddress: email, password: 'a-very-long-password-1' }));
      steps.push(await hooks.signUp.signUp.verifications.sendEmailCode());
    });
    expect(hooks.signUp.signUp.unverifiedFields).toContain('email_address');
    await act(async () => {
      steps.push(await hooks.signUp.signUp.verifications.verifyEmailCode({ code: '424242' }));
    });
    await waitFor(() => expect($(view, 'sign-up-status')).toBe('complete'));
    await act(async () => {
      steps.push(await hooks.signUp.signUp.finalize());
    });
    expect(steps.map((s) => s.error)).toEqual([null, null, null, null]);
    await waitFor(() => expect($(view, 'signed-in')).toBe('Welcome back'));
    expect($(view, 'email')).toBe(email);
  });

  it('useAuth().getToken() resolves a JWT for the current session', async () => {
    const { view, clerk } = await signedOutApp();
    await act(async () => {
      expect(await hooks.auth.getToken()).toBeNull();
      const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
      await clerk.setActive({ session: signIn.createdSessionId });
    });
    await waitFor(() => expect($(view, 'signed-in')).toBe('Welcome back'));

    let token: string | null = null;
    await act(async () => {
      token = await hooks.auth.getToken();
    });
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { claims } = decodeJwt(token!);
    expect(claims.sid).toBe(hooks.auth.sessionId);
    expect(claims.sid).toBe(clerk.session!.id);
    expect(claims.sub).toBe(hooks.auth.userId);
    // useAuth's sessionClaims come from the session's last token.
    expect(hooks.auth.sessionClaims?.sid).toBe(clerk.session!.id);
  });

  it('useClerk().signOut() returns to the signed-out content through the app router', async () => {
    const pushed: string[] = [];
    const { view, clerk } = await signedOutApp({
      routerPush: (to: string) => pushed.push(to),
      routerReplace: (to: string) => pushed.push(to),
      afterSignOutUrl: '/goodbye',
    });
    await act(async () => {
      await hooks.signIn.signIn.password({ identifier: EMAIL, password: PASSWORD });
      await hooks.signIn.signIn.finalize();
    });
    await waitFor(() => expect($(view, 'signed-in')).toBe('Welcome back'));
    const sessionId = clerk.session!.id;

    await act(async () => {
      await hooks.clerk.signOut();
    });
    await waitFor(() => expect($(view, 'signed-out')).toBe('Please sign in'));
    expect($(view, 'email')).toBe('-');
    expect(pushed).toEqual(['/goodbye']);
    expect(clerk.client!.sessions.find((s) => s.id === sessionId)?.status ?? 'gone').not.toBe('active');
    let token: string | null = 'unset';
    await act(async () => {
      token = await hooks.auth.getToken();
    });
    expect(token).toBeNull();
  });

  it('the legacy useSignIn() from @clerk/react/legacy works on the client resource', async () => {
    let legacy: ReturnType<typeof useLegacySignIn> | undefined;
    function Legacy() {
      legacy = useLegacySignIn();
      return h('p', { id: 'legacy' }, legacy.isLoaded ? 'ready' : 'not loaded');
    }
    const { view } = setup(h('div', null, h(Legacy), h(App)));
    expect($(view, 'legacy')).toBe('not loaded');
    await waitFor(() => expect($(view, 'legacy')).toBe('ready'));
    await act(async () => {
      const signIn = await legacy!.signIn!.create({ identifier: EMAIL, password: PASSWORD });
      expect(signIn.status).toBe('complete');
      await legacy!.setActive!({ session: signIn.createdSessionId });
    });
    await waitFor(() => expect($(view, 'email')).toBe(EMAIL));
  });

  it('<ClerkDegraded> shows when the environment cannot be loaded; the app still loads', async () => {
    emulator.faults.add({ path: '/v1/environment', status: 503 });
    const { view } = setup(h('div', null, h(ClerkDegraded, null, h('p', { id: 'degraded' }, 'Degraded')), h(App)));
    await waitFor(() => expect($(view, 'signed-out')).toBe('Please sign in'));
    expect($(view, 'degraded')).toBe('Degraded');
  });

  it('<ClerkFailed> shows when FAPI refuses the client', async () => {
    emulator.faults.add({ path: '/v1/client', status: 400 });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const { view } = setup(h('div', null, h(ClerkFailed, null, h('p', { id: 'failed' }, 'Failed')), h(App)));
      await waitFor(() => expect($(view, 'failed')).toBe('Failed'));
      expect($(view, 'signed-out')).toBeNull();
      expect($(view, 'loading')).toBeNull();
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });

  it('reads load options through __internal_getOption and forwards prop updates', async () => {
    const updates: unknown[] = [];
    const { clerk, view } = await signedOutApp({ localization: { locale: 'fr-FR' }, appearance: { variables: { colorPrimary: 'red' } } });
    clerk.on('compat:props-updated', (p) => updates.push(p));
    expect(clerk.__internal_getOption('localization')).toEqual({ locale: 'fr-FR' });
    expect(clerk.__internal_getOption('nope')).toBeUndefined();
    expect(clerk.isStandardBrowser).toBe(true);
    expect(clerk.__internal_environment).toBe(clerk.environment);

    // A new appearance prop reaches the instance.
    act(() => {
      view.root.render(
        h(ClerkProvider, {
          Clerk: clerk as never,
          publishableKey: clerk.publishableKey,
          appearance: { variables: { colorPrimary: 'blue' } },
          children: h(App),
        }),
      );
    });
    await waitFor(() => expect(updates).toContainEqual({ appearance: { variables: { colorPrimary: 'blue' } }, options: undefined }));
  });
});
