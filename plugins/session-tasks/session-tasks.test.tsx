// @vitest-environment happy-dom
// Session tasks against the emulator: pending sessions (currentTask, isSignedIn, tokens), taskUrls,
// buildTasksUrl/redirectToTasks, setActive to a task URL, each task component resolving its task, and
// <SignIn/> continuing into the session's tasks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, totpCode } from '../../emulator/index.js';
import { decodeJwt } from '../../kernel/index.js';
import { devBrowser, signInWithPassword } from '../../test/emulator/helpers.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { byLabel, byText, clearCookies, recordingNavigation, startClerk, submit, title, type, waitFor } from '../../test/helpers/ui.js';
import { organizationsPlugin } from '../organizations/organizations.js';
import { signInPlugin } from '../sign-in/index.js';
import { signOutPlugin } from '../sign-out/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { uiPlugin } from '../ui/index.js';
import { sessionTasksPlugin } from './index.js';

const PASSWORD = 'correct-horse-battery';
const ADA = 'ada@example.com';
const emulator = useEmulator({ seed: { users: [{ emailAddress: ADA, password: PASSWORD, firstName: 'Ada' }] } });

let root: HTMLDivElement;
let destroy: (() => void) | undefined;
beforeEach(() => {
  emulator.updateSettings(defaultSettings());
  emulator.reset();
  clearCookies();
  history.replaceState(null, '', '/');
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  destroy?.();
  destroy = undefined;
  root.remove();
});

async function start(loadOptions: Record<string, unknown> = {}) {
  const nav = recordingNavigation();
  const clerk = startClerk(emulator.publishableKey, [nav.plugin, signOutPlugin(), organizationsPlugin(), uiPlugin(), signInPlugin(), sessionTasksPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load({ signInUrl: '/sign-in', ...loadOptions } as never);
  return { clerk, navigations: nav.navigations };
}

async function signedIn(loadOptions?: Record<string, unknown>) {
  const started = await start(loadOptions);
  const signIn = await started.clerk.client!.signIn.create({ identifier: ADA, password: PASSWORD });
  await started.clerk.setActive({ session: signIn.createdSessionId });
  return started;
}

/** The sts claim of a fresh token of the current session. */
async function tokenStatus(clerk: Awaited<ReturnType<typeof start>>['clerk']) {
  const jwt = await clerk.session!.getToken({ skipCache: true });
  return decodeJwt(jwt!).claims.sts;
}

describe('pending sessions', () => {
  it('a session with a task: clerk.session is it, isSignedIn is false, currentTask is its first task, tokens say pending', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk } = await signedIn();
    expect(clerk.session?.status).toBe('pending');
    expect(clerk.session?.currentTask).toEqual({ key: 'choose-organization' });
    expect(clerk.session?.tasks).toEqual([{ key: 'choose-organization' }]);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(ADA);
    expect(clerk.isSignedIn).toBe(false);
    expect(await tokenStatus(clerk)).toBe('pending');
  });

  it('an active session has no currentTask and is signed in', async () => {
    const { clerk } = await signedIn();
    expect(clerk.session?.status).toBe('active');
    expect(clerk.session?.currentTask).toBeUndefined();
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.buildTasksUrl()).toBe('');
  });

  it('buildTasksUrl: the sign-in page’s #/tasks/<key> step with the redirect parameters, or the taskUrls entry; redirectToTasks goes there', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await signedIn();
    const url = new URL(clerk.buildTasksUrl({ redirectUrl: '/dashboard' }));
    expect(url.origin + url.pathname).toBe('http://localhost:3000/sign-in');
    expect(url.hash.split('?')[0]).toBe('#/tasks/choose-organization');
    expect(new URLSearchParams(url.hash.split('?')[1]).get('redirect_url')).toBe('http://localhost:3000/dashboard');
    await clerk.redirectToTasks();
    expect(navigations.at(-1)).toMatch(/^http:\/\/localhost:3000\/sign-in#\/tasks\/choose-organization/);
  });

  it('buildTasksUrl / redirectToTasks with a taskUrls entry for the task: that URL', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const custom = await signedIn({ taskUrls: { 'choose-organization': '/onboarding/organization' } });
    expect(custom.clerk.buildTasksUrl()).toBe('/onboarding/organization');
    await custom.clerk.redirectToTasks();
    expect(custom.navigations.at(-1)).toBe('http://localhost:3000/onboarding/organization');
  });

  it('setActive on a pending session with a taskUrls entry navigates there (redirectUrl in the hash) before emitting it', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await start({ taskUrls: { 'choose-organization': '/onboarding/org' } });
    const signIn = await clerk.client!.signIn.create({ identifier: ADA, password: PASSWORD });
    const seen: unknown[] = [];
    clerk.addListener(({ session }) => seen.push(session === undefined ? 'undefined' : session?.status));
    await clerk.setActive({ session: signIn.createdSessionId, redirectUrl: '/home' });
    const last = new URL(navigations.at(-1)!);
    expect(last.pathname).toBe('/onboarding/org');
    expect(new URLSearchParams(last.hash.split('?')[1]).get('redirect_url')).toBe('/home');
    expect(seen.slice(-2)).toEqual(['undefined', 'pending']);
  });

  it('taskUrls must map task keys to URL strings', async () => {
    const fresh = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), sessionTasksPlugin()]);
    await expect(fresh.load({ taskUrls: { 'choose-organization': 42 } } as never)).rejects.toThrow(/taskUrls/);
    await expect(fresh.load({ taskUrls: { 'pick-a-team': '/team' } } as never)).rejects.toThrow(/taskUrls/);
    fresh.destroy();
  });
});

describe('task components', () => {
  it('<TaskChooseOrganization/>: no organization yet → create one → it becomes active, the session active, then redirectUrlComplete', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await signedIn();
    clerk.mountTaskChooseOrganization(root, { redirectUrlComplete: '/dashboard' });
    await waitFor(() => expect(title(root)).toBe('Setup your organization'));
    expect(root.querySelector('.cl-footerActionText')?.textContent).toBe(`Signed in as ${ADA}`);
    await type(byLabel(root, 'Name'), 'Acme Corp');
    expect(byLabel(root, 'Slug').value).toBe('acme-corp');
    submit(byLabel(root, 'Name'));
    await waitFor(() => expect(clerk.session?.status).toBe('active'));
    expect(clerk.organization?.name).toBe('Acme Corp');
    expect(clerk.isSignedIn).toBe(true);
    expect(navigations.at(-1)).toBe('http://localhost:3000/dashboard');
    expect(await tokenStatus(clerk)).toBe('active');
    const claims = decodeJwt((await clerk.session!.getToken())!).claims as Record<string, unknown>;
    expect(claims.o).toMatchObject({ slg: 'acme-corp' });
  });

  it('<TaskChooseOrganization/>: lists the user’s organizations; choosing one resolves the task', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await signedIn();
    await clerk.createOrganization({ name: 'Globex' });
    await clerk.user!.reload();
    expect(clerk.user?.organizationMemberships.map((m) => m.organization.name)).toEqual(['Globex']);
    clerk.mountTaskChooseOrganization(root, { redirectUrlComplete: '/after' });
    await waitFor(() => expect(title(root)).toBe('Choose an organization'));
    expect(clerk.session?.status).toBe('pending');
    const choice = root.querySelector<HTMLButtonElement>('.cl-taskChooseOrganizationPreviewButton')!;
    expect(choice.textContent).toContain('Globex');
    choice.click();
    await waitFor(() => expect(clerk.session?.status).toBe('active'));
    expect(clerk.organization?.name).toBe('Globex');
    expect(navigations.at(-1)).toBe('http://localhost:3000/after');
  });

  it('<TaskResetPassword/>: passwords must match; the new one resolves the task and works for the next sign-in', async () => {
    const { clerk, navigations } = await signedIn();
    emulator.requirePasswordReset(clerk.user!.id);
    // The next FAPI response carries the pending session.
    await clerk.session!.touch();
    expect(clerk.session?.status).toBe('pending');
    expect(clerk.session?.currentTask?.key).toBe('reset-password');
    clerk.mountTaskResetPassword(root, { redirectUrlComplete: '/welcome-back' });
    await waitFor(() => expect(title(root)).toBe('Reset your password'));
    // A password under the instance's 8 characters: the live rule, and the form sends nothing.
    await type(byLabel(root, 'New password'), 'short');
    await type(byLabel(root, 'Confirm password'), 'short');
    submit(byLabel(root, 'New password'));
    await waitFor(() =>
      expect(root.querySelector('.cl-formFieldErrorText__newPassword')?.textContent).toBe('Your password must contain 8 or more characters.'),
    );
    expect(emulator.requests.filter((r) => r.path.includes('password'))).toEqual([]);
    await type(byLabel(root, 'New password'), 'brand-new-password-1');
    expect(root.textContent).toContain('Your password meets all the necessary requirements.');
    await type(byLabel(root, 'Confirm password'), 'brand-new-password-2');
    expect(root.textContent).toContain("Passwords don't match.");
    await type(byLabel(root, 'Confirm password'), 'brand-new-password-1');
    submit(byLabel(root, 'New password'));
    await waitFor(() => expect(clerk.session?.status).toBe('active'));
    expect(navigations.at(-1)).toBe('http://localhost:3000/welcome-back');
    // Another browser signs in with the new password, to an active session.
    const other = await devBrowser(emulator);
    await signInWithPassword(other, ADA, 'brand-new-password-1');
    expect((await other('GET', '/client')).json.response.sessions[0]).toMatchObject({ status: 'active', tasks: null });
  });

  it('<TaskSetupMFA/>: an authenticator app (QR code or key), its code, the backup codes, then the session is active', async () => {
    emulator.updateSettings({ mfaRequired: true });
    const { clerk, navigations } = await signedIn();
    expect(clerk.session?.currentTask?.key).toBe('setup-mfa');
    clerk.mountTaskSetupMFA(root, { redirectUrlComplete: '/secure' });
    await waitFor(() => expect(root.querySelector('svg.cl-taskSetupMfaTotpQrCode path')?.getAttribute('d')).toMatch(/^M/));
    expect(title(root)).toBe('Add authenticator application');
    byText(root, "Can't scan QR code?").click();
    const secret = await waitFor(() => root.querySelector('.cl-taskSetupMfaTotpKey')?.textContent);
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await type(byLabel(root, 'Verification code'), totpCode(secret, Date.now()));
    await waitFor(() => expect(title(root)).toBe('Authenticator application verification enabled'));
    expect(root.querySelectorAll('.cl-taskSetupMfaBackupCodes li')).toHaveLength(10);
    // The task is done on the server, but the user leaves only when they say so (after saving the codes).
    expect(navigations.filter((n) => n.endsWith('/secure'))).toEqual([]);
    byText(root, 'Continue').click();
    await waitFor(() => expect(navigations.at(-1)).toBe('http://localhost:3000/secure'));
    expect(clerk.session?.status).toBe('active');
    expect(clerk.user?.twoFactorEnabled).toBe(true);
  });

  it('a task component whose task is not the session’s leaves for redirectUrlComplete and renders nothing', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await signedIn();
    clerk.mountTaskResetPassword(root, { redirectUrlComplete: '/elsewhere' });
    await waitFor(() => expect(navigations.at(-1)).toBe('http://localhost:3000/elsewhere'));
    expect(root.querySelector('.cl-card')).toBeNull();
  });
});

describe('<SignIn/> with session tasks', () => {
  it('continues into the tasks after the password (reset-password, then choose-organization), then leaves for the after-sign-in URL', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const { clerk, navigations } = await start();
    emulator.requirePasswordReset([...(await listUsers())].find((u) => u.emailAddresses.includes(ADA))!.id);
    clerk.mountSignIn(root, { forceRedirectUrl: '/app' });
    await waitFor(() => root.querySelector('form'));
    await type(byLabel(root, 'Email address'), ADA);
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Enter your password');
    await type(byLabel(root, 'Password'), PASSWORD);
    submit(root.querySelector('form')!);
    await waitFor(() => expect(title(root)).toBe('Reset your password'));
    expect(location.hash).toBe('#/tasks/reset-password');
    expect(clerk.session?.status).toBe('pending');
    expect(clerk.isSignedIn).toBe(false);
    await type(byLabel(root, 'New password'), 'brand-new-password-1');
    await type(byLabel(root, 'Confirm password'), 'brand-new-password-1');
    submit(byLabel(root, 'New password'));
    await waitFor(() => expect(title(root)).toBe('Setup your organization'));
    expect(location.hash).toBe('#/tasks/choose-organization');
    await type(byLabel(root, 'Name'), 'Initech');
    submit(byLabel(root, 'Name'));
    await waitFor(() => expect(clerk.isSignedIn).toBe(true));
    expect(clerk.organization?.name).toBe('Initech');
    expect(navigations.at(-1)).toBe('http://localhost:3000/app');
  });

  it('<SignUp/> continues into the task too (MFA required): a new user sets up an authenticator, then leaves', async () => {
    emulator.updateSettings({ mfaRequired: true });
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signUpPlugin(), sessionTasksPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.mountSignUp(root, { forceRedirectUrl: '/welcome' });
    await waitFor(() => title(root) === 'Create your account');
    await type(byLabel(root, 'Email address'), 'grace+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Verify your email');
    await type(byLabel(root, 'Verification code'), '424242');
    await waitFor(() => expect(title(root)).toBe('Add authenticator application'));
    expect(location.hash).toBe('#/tasks/setup-mfa');
    expect(clerk.session?.status).toBe('pending');
    (await waitFor(() => byText(root, "Can't scan QR code?"))).click();
    const secret = await waitFor(() => root.querySelector('.cl-taskSetupMfaTotpKey')?.textContent);
    await type(byLabel(root, 'Verification code'), totpCode(secret, Date.now()));
    await waitFor(() => expect(title(root)).toBe('Authenticator application verification enabled'));
    byText(root, 'Continue').click();
    await waitFor(() => expect(nav.navigations.at(-1)).toBe('http://localhost:3000/welcome'));
    expect(clerk.isSignedIn).toBe(true);
  });

  it('a pending session opening <SignIn/> is sent to its task step', async () => {
    emulator.updateSettings({ mfaRequired: true });
    const { clerk } = await signedIn();
    clerk.mountSignIn(root);
    await waitFor(() => expect(location.hash).toBe('#/tasks/setup-mfa'));
    await waitFor(() => expect(title(root)).toBe('Add authenticator application'));
  });
});

async function listUsers(): Promise<Array<{ id: string; emailAddresses: string[] }>> {
  return (await fetch('http://localhost:3000/__clerk/__emulator/users')).json();
}
