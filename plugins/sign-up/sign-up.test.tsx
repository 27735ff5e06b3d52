// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { defaultSettings } from '../../emulator/index.js';
import { emailLinkPlugin } from '../email-link/index.js';
import { oauthPlugin } from '../oauth/index.js';
import { uiPlugin } from '../ui/index.js';
import {
  buttonNamed,
  byLabel,
  byText,
  clearCookies,
  recordingNavigation,
  recordingPageLoads,
  startClerk,
  submit,
  title,
  type,
  waitFor,
} from '../../test/helpers/ui.js';
import { signUpPlugin } from './index.js';
import type { SignUpProps } from './index.js';
import { devBrowser, signInWithPassword } from '../../test/emulator/helpers.js';

const SETTINGS = { ...defaultSettings(), phoneNumber: { ...defaultSettings().phoneNumber, enabled: false } };
const emulator = useEmulator({ settings: SETTINGS, seed: { users: [{ emailAddress: 'taken+clerk_test@example.com', password: 'whatever 123' }] } });

let root: HTMLDivElement;
let destroy: (() => void) | undefined;
beforeEach(() => {
  emulator.updateSettings(SETTINGS);
  emulator.reset();
  emulator.clearRequests();
  clearCookies();
  history.replaceState(null, '', '/');
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  destroy?.();
  root.remove();
});

async function setup(props?: SignUpProps, { form = true } = {}) {
  const nav = recordingNavigation();
  const loads = recordingPageLoads();
  const clerk = startClerk(emulator.publishableKey, [nav.plugin, loads.plugin, oauthPlugin(), emailLinkPlugin(), uiPlugin(), signUpPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load();
  clerk.mountSignUp(root, props);
  if (form) await waitFor(() => root.querySelector('form'));
  return { clerk, navigations: nav.navigations, pageLoads: loads.pageLoads };
}

/** Fills the start step and submits; with link-only verification <SignUp/> then waits for the email link. */
async function startByLink(email: string) {
  emulator.updateSettings({ emailAddress: { firstFactors: ['email_link'] } });
  const tab = await setup({ forceRedirectUrl: '/welcome' });
  await type(byLabel(root, 'Email address'), email);
  await type(byLabel(root, 'Password'), 'a strong passphrase');
  submit(root.querySelector('form')!);
  await waitFor(() => title(root) === 'Check your email');
  expect(location.hash).toBe('#/verify-email-address');
  expect(root.textContent).toContain(`Use the verification link sent to ${email}`);
  expect(root.querySelector('input[name="code"]')).toBeNull();
  const link = await waitFor(() => emulator.outbox.latest(email)?.link);
  return { ...tab, link };
}

/** Opens the link as a browser without this page's client would, and returns the landing URL. */
async function openLink(link: string): Promise<URL> {
  const response = await emulator.handle(new Request(link, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  const landing = new URL(response.headers.get('location')!);
  expect(landing.hash).toBe('#/verify');
  return landing;
}

/** This document loads the landing page (a fresh instance, as a new tab or another browser would). */
async function mountLanding(landing: URL | string) {
  destroy?.();
  const url = new URL(landing, location.href);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  return setup({ forceRedirectUrl: '/welcome' }, { form: false });
}

describe('<SignUp/>', () => {
  it('signs up with email and password, verifies the email code and redirects', async () => {
    const { clerk, navigations } = await setup({ unsafeMetadata: { plan: 'pro' }, forceRedirectUrl: '/welcome' });
    expect(title(root)).toBe('Create your account');
    await type(byLabel(root, 'Email address'), 'grace+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Verify your email');
    expect(location.hash).toBe('#/verify-email-address');
    await type(byLabel(root, 'Verification code'), '424242');
    await waitFor(() => clerk.isSignedIn);
    expect(clerk.user?.unsafeMetadata).toEqual({ plan: 'pro' });
    expect(navigations.at(-1)).toBe('http://localhost:3000/welcome');
  });

  it('shows a taken email next to the email field', async () => {
    await setup();
    const email = byLabel(root, 'Email address');
    expect(email.getAttribute('autocomplete')).toBe('email');
    await type(email, 'taken+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(email);
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__email_address'));
    expect(error.textContent).toBe('This email address is taken. Please try another.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('says nothing about the password until the user types, then gives Clerk’s live feedback; failing rules send nothing', async () => {
    emulator.updateSettings({ password: { minLength: 10, requireUppercase: true, requireNumbers: true } });
    await setup();
    const password = byLabel(root, 'Password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    const feedback = () => document.getElementById(`${password.id}-error`);
    expect(feedback()).toBeNull();
    expect(root.textContent).not.toContain('Your password');
    // Too short: the length alone, as a grey status line the input points to.
    await type(password, 'short');
    expect(feedback()!.textContent).toBe('Your password must contain 10 or more characters.');
    expect([feedback()!.className, feedback()!.getAttribute('role')]).toEqual(['cl-formFieldInfoText cl-formFieldInfoText__password', 'status']);
    expect(password.getAttribute('aria-describedby')).toContain(feedback()!.id);
    expect(password.getAttribute('aria-invalid')).toBeNull();
    // Long enough: every unmet character rule, as one list.
    await type(password, 'long enough now');
    expect(feedback()!.textContent).toBe('Your password must contain a number and an uppercase letter.');
    await type(byLabel(root, 'Email address'), 'newbie+clerk_test@example.com');
    submit(password);
    // Refused without a request: the same text as an error, focus on the password.
    await waitFor(() => feedback()?.className.includes('cl-formFieldErrorText__password'));
    expect([feedback()!.textContent, feedback()!.getAttribute('role'), password.getAttribute('aria-invalid')]).toEqual([
      'Your password must contain a number and an uppercase letter.',
      'alert',
      'true',
    ]);
    await waitFor(() => document.activeElement === password);
    expect(emulator.requests.filter((r) => r.path.startsWith('/v1/client/sign_ups'))).toEqual([]);
    // Fixed: the error gives way to the success line, and the form goes through.
    await type(password, 'Long enough now 2');
    expect([feedback()!.textContent, feedback()!.className]).toEqual([
      'Your password meets all the necessary requirements.',
      'cl-formFieldSuccessText cl-formFieldSuccessText__password',
    ]);
    submit(password);
    await waitFor(() => title(root) === 'Verify your email');
  });

  it('shows a wrong verification code next to the code field', async () => {
    const { clerk } = await setup();
    await type(byLabel(root, 'Email address'), 'grace+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    const code = await waitFor(() => byLabel(root, 'Verification code'));
    await type(code, '000000');
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__code'));
    expect(error.textContent).toBe('Incorrect code. Try again.');
    expect(clerk.isSignedIn).toBe(false);
  });

  it('verifies a real (non-test) address with the code from the outbox', async () => {
    const { clerk } = await setup();
    await type(byLabel(root, 'Email address'), 'hopper@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Verify your email');
    const message = await waitFor(() => emulator.outbox.latest('hopper@example.com'));
    await type(byLabel(root, 'Verification code'), message.code!);
    await waitFor(() => clerk.isSignedIn);
  });

  it('shows the fields Clerk shows on the default settings: email and password, required; optional names and phone left out', async () => {
    emulator.updateSettings(defaultSettings());
    await setup();
    const inputs = [...root.querySelectorAll('input')];
    expect(inputs.map((i) => i.name)).toEqual(['email_address', 'password']);
    expect(inputs.map((i) => i.required)).toEqual([true, true]);
    expect(root.textContent).not.toContain('Optional');
    expect(inputs.map((i) => i.placeholder)).toEqual(['Enter your email address', 'Create a password']);
  });

  it('shows the optional fields with layout.showOptionalFields, marked "Optional"; required ones without it', async () => {
    emulator.updateSettings({
      username: { enabled: true, required: true },
      names: { enabled: true, required: false },
      emailAddress: { verifyAtSignUp: false },
    });
    const { clerk } = await setup({ initialValues: { firstName: 'Grace', username: 'ghopper' }, appearance: { layout: { showOptionalFields: true } } });
    expect(byLabel(root, 'First name').value).toBe('Grace');
    expect(byLabel(root, 'First name').getAttribute('autocomplete')).toBe('given-name');
    expect(byLabel(root, 'Username').value).toBe('ghopper');
    const optional = (label: string) => byLabel(root, label).closest('.cl-formField')!.querySelector('.cl-formFieldHintText') !== null;
    expect(optional('Last name')).toBe(true);
    expect(optional('Username')).toBe(false);
    expect(byLabel(root, 'Username').required).toBe(true);
    expect(byLabel(root, 'Last name').required).toBe(false);
    await type(byLabel(root, 'Email address'), 'grace2+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => clerk.isSignedIn);
    expect(clerk.user?.firstName).toBe('Grace');
    expect(clerk.user?.username).toBe('ghopper');
  });

  it('without layout.showOptionalFields the optional names stay hidden and the required username shows', async () => {
    emulator.updateSettings({ username: { enabled: true, required: true }, names: { enabled: true, required: false } });
    await setup();
    expect([...root.querySelectorAll('input')].map((i) => i.name)).toEqual(['username', 'email_address', 'password']);
  });

  it('checks the form before sending: an empty submit or a malformed email sends nothing and focuses the first field in error', async () => {
    await setup();
    emulator.clearRequests();
    const email = byLabel(root, 'Email address');
    submit(email);
    await waitFor(() => root.querySelector('.cl-formFieldErrorText__password'));
    expect(root.querySelector('.cl-formFieldErrorText__email_address')!.textContent).toBe('This field is required.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => document.activeElement === email);
    await type(email, 'not-an-email');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(email);
    await waitFor(() => root.querySelector('.cl-formFieldErrorText__email_address')?.textContent === 'Example format: name@example.com');
    expect(root.querySelector('.cl-formFieldErrorText__password')).toBeNull();
    expect(emulator.requests.filter((r) => r.path.startsWith('/v1/client/sign_ups'))).toEqual([]);
  });

  it('lets the user give a phone number instead when the instance takes either ("Use phone instead")', async () => {
    emulator.updateSettings({ emailAddress: { required: false }, phoneNumber: { enabled: true, required: false } });
    await setup();
    expect([...root.querySelectorAll('input')].map((i) => i.name)).toEqual(['email_address', 'password']);
    byText(root, 'Use phone instead').click();
    await waitFor(() => root.querySelector('input[name=phone_number]'));
    expect([...root.querySelectorAll('input')].map((i) => i.name)).toEqual(['phone_number', 'password']);
    await waitFor(() => document.activeElement === byLabel(root, 'Phone number'));
    byText(root, 'Use email instead').click();
    await waitFor(() => root.querySelector('input[name=email_address]'));
  });

  it('shows the address on the code step with a pencil that goes back to change it', async () => {
    await setup();
    await type(byLabel(root, 'Email address'), 'grace3+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Verify your email');
    expect(root.querySelector('.cl-identityPreviewText')!.textContent).toBe('grace3+clerk_test@example.com');
    expect(root.querySelectorAll('.cl-otpCodeFieldInput')).toHaveLength(6);
    buttonNamed(root, 'Edit email address').click();
    await waitFor(() => title(root) === 'Create your account');
  });

  it('requires legal consent when the instance enables it', async () => {
    emulator.updateSettings({ emailAddress: { verifyAtSignUp: false } });
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signUpPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.environment!.userSettings.signUp.legalConsentEnabled = true;
    clerk.mountSignUp(root);
    const checkbox = await waitFor(() => byLabel(root, 'I agree to the Terms of Service and Privacy Policy'));
    await type(byLabel(root, 'Email address'), 'legal+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(checkbox);
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__legal_accepted'));
    expect(error.textContent).toBe('This field is required.');
    expect(emulator.requests.some((r) => r.path === '/v1/client/sign_ups')).toBe(false);
    checkbox.click();
    await new Promise((r) => setTimeout(r, 0));
    submit(checkbox);
    await waitFor(() => clerk.isSignedIn);
  });

  it('continues a sign-up with missing requirements (deep link #/continue)', async () => {
    emulator.updateSettings({ username: { enabled: true, required: true }, emailAddress: { verifyAtSignUp: false } });
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signUpPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    await clerk.client!.signUp.create({ emailAddress: 'partial+clerk_test@example.com', password: 'a strong passphrase' });
    expect(clerk.client!.signUp.missingFields).toContain('username');
    history.replaceState(null, '', '/#/continue');
    clerk.mountSignUp(root);
    await waitFor(() => title(root) === 'Fill in missing fields');
    expect(root.querySelectorAll('input').length).toBe(1);
    await type(byLabel(root, 'Username'), 'partial');
    submit(root.querySelector('form')!);
    await waitFor(() => clerk.isSignedIn);
  });

  it('signs up from an organization invitation link (__clerk_ticket): no code step, then a member with the role', async () => {
    // An admin (the seeded user, on a browser of their own) invites a new address.
    const admin = await devBrowser(emulator);
    const adminSession = { _clerk_session_id: await signInWithPassword(admin, 'taken+clerk_test@example.com', 'whatever 123') };
    const org = (await admin('POST', '/organizations', { name: 'Acme Inc' }, adminSession)).json.response;
    await admin('POST', `/organizations/${org.id}/invitations`, { email_address: 'ivy+clerk_test@example.com', role: 'org:admin' }, adminSession);
    const link = new URL(/https?:\/\/\S+/.exec(emulator.outbox.latest('ivy+clerk_test@example.com')!.text)![0]);
    expect(link.searchParams.get('__clerk_status')).toBe('sign_up');

    history.replaceState(null, '', link.pathname + link.search);
    const { clerk, navigations } = await setup({ forceRedirectUrl: '/welcome' });
    // The ticket verified the address: only the password is asked for.
    await waitFor(() => title(root) === 'Fill in missing fields');
    expect([...root.querySelectorAll('input')].map((i) => i.name)).toEqual(['password']);
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(root.querySelector('form')!);
    await waitFor(() => navigations.length > 0);
    expect(navigations).toEqual(['http://localhost:3000/welcome']);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ivy+clerk_test@example.com');
    const members = (await admin('GET', `/organizations/${org.id}/memberships`, undefined, adminSession)).json.response.data;
    expect(members.map((m: any) => [m.public_user_data.identifier, m.role])).toContainEqual(['ivy+clerk_test@example.com', 'org:admin']);
    const invitations = (await admin('GET', `/organizations/${org.id}/invitations`, undefined, adminSession)).json.response.data;
    expect(invitations.map((i: any) => i.status)).toEqual(['accepted']);
  });

  it('openSignUp() reads the invitation link from the page too: the ticket verifies the address inside the modal', async () => {
    const admin = await devBrowser(emulator);
    const adminSession = { _clerk_session_id: await signInWithPassword(admin, 'taken+clerk_test@example.com', 'whatever 123') };
    const org = (await admin('POST', '/organizations', { name: 'Acme Inc' }, adminSession)).json.response;
    await admin('POST', `/organizations/${org.id}/invitations`, { email_address: 'june+clerk_test@example.com', role: 'org:member' }, adminSession);
    const link = new URL(/https?:\/\/\S+/.exec(emulator.outbox.latest('june+clerk_test@example.com')!.text)![0]);
    history.replaceState(null, '', `/landing${link.search}`);
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signUpPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.openSignUp({ forceRedirectUrl: '/welcome' });
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    await waitFor(() => title(dialog) === 'Fill in missing fields');
    expect([...dialog.querySelectorAll('input')].map((i) => i.name)).toEqual(['password']);
    await type(byLabel(dialog, 'Password'), 'a strong passphrase');
    submit(dialog.querySelector('form')!);
    await waitFor(() => clerk.isSignedIn);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('june+clerk_test@example.com');
    const invitations = (await admin('GET', `/organizations/${org.id}/invitations`, undefined, adminSession)).json.response.data;
    expect(invitations.map((i: any) => i.status)).toEqual(['accepted']);
    expect(nav.navigations).toEqual(['http://localhost:3000/welcome']);
  });

  it('an invitation link for an existing account (__clerk_status=sign_in) hands the ticket to <SignIn/>', async () => {
    history.replaceState(null, '', '/sign-up?__clerk_ticket=tkt_for_a_member&__clerk_status=sign_in');
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signUpPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load({ signInUrl: '/login' } as never);
    clerk.mountSignUp(root);
    await waitFor(() => nav.navigations.length > 0);
    const to = new URL(nav.navigations[0]!);
    expect([to.pathname, to.searchParams.get('__clerk_ticket'), to.searchParams.get('__clerk_status')]).toEqual(['/login', 'tkt_for_a_member', 'sign_in']);
    expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/client/sign_ups')).toEqual([]);
  });

  it('an email domain with several enterprise connections: FAPI asks for a choice, the chooser lists them, the chosen IdP creates the account', async () => {
    emulator.updateSettings({
      enterpriseConnections: [
        { domain: 'initech.test', protocol: 'saml', name: 'Initech <b>SAML</b>' },
        { domain: 'initech.test', protocol: 'oidc', name: 'Initech Okta' },
        { domain: 'acme.test', protocol: 'saml', name: 'Acme' },
      ],
    });
    try {
      const { pageLoads } = await setup({ forceRedirectUrl: '/welcome' });
      await type(byLabel(root, 'Email address'), 'peter@initech.test');
      await type(byLabel(root, 'Password'), 'a strong passphrase');
      submit(root.querySelector('form')!);
      await waitFor(() => title(root) === 'Choose your enterprise account');
      expect(location.hash).toBe('#/enterprise-connections');
      await waitFor(() => root.querySelectorAll('.cl-enterpriseConnectionButton').length === 2);
      const buttons = [...root.querySelectorAll<HTMLButtonElement>('.cl-enterpriseConnectionButton')];
      expect(buttons.map((b) => b.textContent)).toEqual(['Initech <b>SAML</b>', 'Initech Okta']);
      expect(root.querySelector('b')).toBeNull();
      expect(pageLoads).toEqual([]);
      buttons[1]!.click();
      await waitFor(() => pageLoads.length > 0);
      const idp = new URL(pageLoads[0]!);
      expect(idp.pathname).toBe('/__clerk/v1/sso/fake/idp');
      expect(await (await emulator.handle(new Request(idp))).text()).toContain('<h1>Initech Okta single sign-on</h1>');
    } finally {
      emulator.updateSettings({ enterpriseConnections: [] });
    }
  });

  it('says why a provider return failed: the error FAPI left on the external-account verification', async () => {
    emulator.faults.add({
      path: '/v1/client',
      method: 'GET',
      status: 200,
      body: {
        response: {
          object: 'client',
          id: 'client_returned',
          sessions: [],
          sign_in: null,
          last_active_session_id: null,
          sign_up: {
            object: 'sign_up',
            id: 'sua_returned',
            status: 'missing_requirements',
            verifications: {
              external_account: {
                status: 'failed',
                strategy: 'oauth_github',
                error: { code: 'oauth_access_denied', message: 'Denied', long_message: 'You did not grant access to your GitHub account.' },
              },
            },
          },
        },
        client: null,
      },
      times: 1,
    });
    await setup();
    const alert = await waitFor(() => [...root.querySelectorAll<HTMLElement>('[role="alert"]')].find((a) => a.textContent));
    expect(alert.textContent).toBe('You did not grant access to your GitHub account.');
  });

  it('links to sign in and starts the OAuth sign-up redirect', async () => {
    const { navigations, pageLoads } = await setup({ signInUrl: '/login' });
    expect(byText<HTMLAnchorElement>(root, 'Sign in').getAttribute('href')).toBe('/login');
    buttonNamed(root, 'Continue with GitHub').click();
    // The provider is a full page load, never the app's router.
    await waitFor(() => pageLoads.length);
    expect(['http:', 'https:']).toContain(new URL(pageLoads[0]).protocol);
    expect(navigations).toEqual([]);
    expect(emulator.requests.some((r) => r.method === 'POST' && r.path === '/v1/client/sign_ups')).toBe(true);
    byText(root, 'Sign in').click();
    await waitFor(() => navigations.length === 1);
    expect(navigations[0]).toBe('http://localhost:3000/login');
  });

  describe('email verification by link (instance verifies emails by email_link only)', () => {
    it('same device: the link lands on #/verify, which activates the created session and redirects', async () => {
      const { link } = await startByLink('linda@example.com');
      const landing = await openLink(link);
      expect(landing.searchParams.get('__clerk_status')).toBe('verified');
      // Same browser: the landing tab keeps the cookies, hence the client that asked for the link.
      const { clerk, navigations } = await mountLanding(landing);
      await waitFor(() => clerk.isSignedIn);
      expect(clerk.session!.id).toBe(landing.searchParams.get('__clerk_created_session'));
      expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe('linda@example.com');
      await waitFor(() => navigations.length);
      expect(navigations).toEqual(['http://localhost:3000/welcome']);
    });

    it('other device: the waiting tab completes by polling; the other browser shows "verified, close this tab" and stays signed out', async () => {
      const { clerk, navigations, link } = await startByLink('otto@example.com');
      const landing = await openLink(link);
      await waitFor(() => clerk.isSignedIn, 6000);
      expect(clerk.user!.primaryEmailAddress!.emailAddress).toBe('otto@example.com');
      expect(navigations.at(-1)).toBe('http://localhost:3000/welcome');
      // Another browser: no cookies, so a new client.
      clearCookies();
      const other = await mountLanding(landing);
      await waitFor(() => title(root) === 'Email verified');
      expect(root.textContent).toContain('You can close this tab and return to the original one.');
      expect(other.clerk.isSignedIn).toBe(false);
      expect(other.navigations).toEqual([]);
    });

    it('"Resend link" sends a new link; the first one no longer verifies', async () => {
      const { link } = await startByLink('rita@example.com');
      byText(root, 'Resend link').click();
      await waitFor(() => emulator.outbox.list().filter((m) => m.to === 'rita@example.com').length === 2);
      expect(emulator.outbox.latest('rita@example.com')!.link).not.toBe(link);
      const stale = await emulator.handle(new Request(link, { redirect: 'manual' }));
      expect(new URL(stale.headers.get('location')!).searchParams.get('__clerk_status')).toBe('failed');
    });

    it('the landing page shows expired, invalid and client-mismatch links', async () => {
      const cases = [
        ['expired', 'This verification link has expired'],
        ['failed', 'This verification link is invalid'],
        ['client_mismatch', 'Open the link where you signed up'],
      ];
      for (const [status, text] of cases) {
        const { clerk } = await mountLanding(`/?__clerk_status=${status}#/verify`);
        await waitFor(() => title(root) === text);
        expect(clerk.isSignedIn).toBe(false);
      }
    });
  });
});
