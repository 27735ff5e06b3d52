// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
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
import { emailLinkPlugin } from '../email-link/index.js';
import { signInPlugin, type SignInProps } from './index.js';
import { defaultSettings, totpCode } from '../../emulator/index.js';
import { devBrowser, signInWithPassword } from '../../test/emulator/helpers.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada+clerk_test@example.com', password: 'correct horse battery', firstName: 'Ada' },
      { emailAddress: 'bob+clerk_test@example.com', phoneNumber: '+15555550101', password: 'bob password 1' },
      { emailAddress: 'mfa+clerk_test@example.com', password: 'mfa password 1', totpSecret: TOTP_SECRET, backupCodes: ['backup-one', 'backup-two'] },
      { emailAddress: 'carol@example.com', password: 'carol password 1' },
    ],
  },
});

let root: HTMLDivElement;
let destroy: (() => void) | undefined;
beforeEach(() => {
  emulator.updateSettings(defaultSettings());
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

async function setup(props?: SignInProps, loadOptions?: Record<string, unknown>) {
  const nav = recordingNavigation();
  const loads = recordingPageLoads();
  const clerk = startClerk(emulator.publishableKey, [nav.plugin, loads.plugin, oauthPlugin(), uiPlugin(), signInPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load(loadOptions);
  clerk.mountSignIn(root, props);
  await waitFor(() => root.querySelector('form'));
  return { clerk, navigations: nav.navigations, pageLoads: loads.pageLoads };
}

describe('<SignIn/>', () => {
  it('#/choose lists the accounts signed in on this browser and continues as one of them', async () => {
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signInPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    for (const [identifier, password] of [
      ['ada+clerk_test@example.com', 'correct horse battery'],
      ['carol@example.com', 'carol password 1'],
    ]) {
      const signIn = await clerk.client!.signIn.create({ identifier, password });
      await clerk.setActive({ session: signIn.createdSessionId });
    }
    await clerk.setActive({ session: null });
    history.replaceState(null, '', '/#/choose');
    clerk.mountSignIn(root);
    await waitFor(() => title(root) === 'Choose an account');
    const accounts = [...root.querySelectorAll('.cl-alternativeMethodsBlockButton')].map((b) => b.textContent);
    expect(accounts.sort()).toEqual(['ada+clerk_test@example.com', 'carol@example.com']);
    expect(byText(root, 'Add account')).toBeTruthy();
    byText(root, 'carol@example.com').click();
    await waitFor(() => clerk.session?.publicUserData.identifier === 'carol@example.com');
    expect(clerk.isSignedIn).toBe(true);
    expect(nav.navigations.at(-1)).toBe('http://localhost:3000/');
  });

  it('signs in from an organization invitation link (__clerk_ticket) and accepts it; a used ticket shows an error', async () => {
    const admin = await devBrowser(emulator);
    const adminSession = { _clerk_session_id: await signInWithPassword(admin, 'ada+clerk_test@example.com', 'correct horse battery') };
    const org = (await admin('POST', '/organizations', { name: 'Acme Inc' }, adminSession)).json.response;
    await admin('POST', `/organizations/${org.id}/invitations`, { email_address: 'carol@example.com', role: 'org:member' }, adminSession);
    const link = new URL(/https?:\/\/\S+/.exec(emulator.outbox.latest('carol@example.com')!.text)![0]);
    expect([link.pathname, link.searchParams.get('__clerk_status')]).toEqual(['/sign-in', 'sign_in']);

    history.replaceState(null, '', link.pathname + link.search);
    const { clerk, navigations } = await setup({ forceRedirectUrl: '/welcome' });
    await waitFor(() => navigations.length > 0);
    expect(navigations).toEqual(['http://localhost:3000/welcome']);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('carol@example.com');
    const invitations = (await admin('GET', `/organizations/${org.id}/invitations`, undefined, adminSession)).json.response.data;
    expect(invitations.map((i: any) => i.status)).toEqual(['accepted']);

    // The same link again (another browser): refused, and the start step says so.
    destroy?.();
    clearCookies();
    history.replaceState(null, '', link.pathname + link.search);
    const again = await setup();
    const alert = await waitFor(() => root.querySelector('[role="alert"]')?.textContent);
    expect(alert).toBe('This invitation was already accepted. Sign in instead.');
    expect(again.clerk.isSignedIn).toBe(false);
  });

  it('openSignIn() reads the invitation link from the page too: a user with TOTP joins only after the second factor', async () => {
    const admin = await devBrowser(emulator);
    const adminSession = { _clerk_session_id: await signInWithPassword(admin, 'ada+clerk_test@example.com', 'correct horse battery') };
    const org = (await admin('POST', '/organizations', { name: 'Acme Inc' }, adminSession)).json.response;
    await admin('POST', `/organizations/${org.id}/invitations`, { email_address: 'mfa+clerk_test@example.com', role: 'org:member' }, adminSession);
    const link = new URL(/https?:\/\/\S+/.exec(emulator.outbox.latest('mfa+clerk_test@example.com')!.text)![0]);
    // The app opens the modal on whatever page the link lands on (and the page's redirect_url stays the page's).
    history.replaceState(null, '', `/pricing${link.search}&redirect_url=${encodeURIComponent('https://evil.example/')}`);
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signInPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.openSignIn({ forceRedirectUrl: '/welcome' });
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    await waitFor(() => title(dialog) === 'Two-step verification');
    const statuses = async () =>
      (await admin('GET', `/organizations/${org.id}/invitations`, undefined, adminSession)).json.response.data.map((i: any) => i.status);
    expect(await statuses()).toEqual(['pending']);
    expect(clerk.isSignedIn).toBe(false);
    await type(byLabel(dialog, 'Verification code'), totpCode(TOTP_SECRET, Date.now()));
    await waitFor(() => clerk.isSignedIn);
    expect(await statuses()).toEqual(['accepted']);
    expect(nav.navigations).toEqual(['http://localhost:3000/welcome']);
    await waitFor(() => !document.querySelector('[role="dialog"]'));
  });

  it('an invitation link for a new address (__clerk_status=sign_up) hands the ticket to <SignUp/>', async () => {
    history.replaceState(null, '', '/sign-in?__clerk_ticket=tkt_for_someone_new&__clerk_status=sign_up');
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signInPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load({ signUpUrl: '/join' } as never);
    clerk.mountSignIn(root);
    await waitFor(() => nav.navigations.length > 0);
    const to = new URL(nav.navigations[0]!);
    expect([to.pathname, to.searchParams.get('__clerk_ticket'), to.searchParams.get('__clerk_status')]).toEqual(['/join', 'tkt_for_someone_new', 'sign_up']);
    // No ticket sign-in was tried with it.
    expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/client/sign_ins')).toEqual([]);
  });

  it('several enterprise connections on the email domain: a chooser by name, then the chosen identity provider', async () => {
    emulator.updateSettings({
      enterpriseConnections: [
        { domain: 'acme.test', protocol: 'saml', name: 'Acme <i>SAML</i>' },
        { domain: 'acme.test', protocol: 'oidc', name: 'Acme Okta' },
        { domain: 'globex.test', protocol: 'saml', name: 'Globex' },
      ],
    });
    const { pageLoads } = await setup({ forceRedirectUrl: '/after' });
    await type(byLabel(root, 'Email address'), 'road.runner@acme.test');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Choose your enterprise account');
    expect(location.hash).toBe('#/enterprise-connections');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.cl-enterpriseConnectionsRoot .cl-enterpriseConnectionButton')];
    // Names as text (never HTML), in the instance's order; the other domain's connection is not offered.
    expect(buttons.map((b) => b.querySelector('.cl-enterpriseConnectionButtonText')?.textContent)).toEqual(['Acme <i>SAML</i>', 'Acme Okta']);
    expect(root.querySelector('i')).toBeNull();
    expect(root.querySelector('.cl-identityPreviewText')?.textContent).toBe('road.runner@acme.test');
    expect(pageLoads).toEqual([]);
    buttons[1]!.click();
    await waitFor(() => pageLoads.length > 0);
    const idp = new URL(pageLoads[0]!);
    expect(idp.pathname).toBe('/__clerk/v1/sso/fake/idp');
    const page = await (await emulator.handle(new Request(idp))).text();
    expect(page).toContain('<h1>Acme Okta single sign-on</h1>');
    const prepared = emulator.requests.filter((r) => r.path.endsWith('/prepare_first_factor'));
    expect(prepared).toHaveLength(1);
  });

  it('#/enterprise-connections without such a sign-in goes back to the start', async () => {
    history.replaceState(null, '', '/#/enterprise-connections');
    await setup();
    await waitFor(() => location.hash === '' || location.hash === '#/');
    expect(title(root)).toContain('Sign in to');
  });

  it('signs in with identifier then password and redirects', async () => {
    const { clerk, navigations } = await setup();
    expect(title(root)).toContain('Sign in to');
    await type(byLabel(root, 'Email address'), 'ada+clerk_test@example.com');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Enter your password');
    expect(location.hash).toBe('#/factor-one');
    await type(byLabel(root, 'Password'), 'correct horse battery');
    submit(root.querySelector('form')!);
    await waitFor(() => clerk.isSignedIn);
    expect(navigations.at(-1)).toBe('http://localhost:3000/');
  });

  it('shows the localized wrong-password message next to the password field', async () => {
    await setup();
    await type(byLabel(root, 'Email address'), 'ada+clerk_test@example.com');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Enter your password');
    const password = byLabel(root, 'Password');
    await type(password, 'wrong');
    submit(password);
    const error = await waitFor(() => document.getElementById(password.getAttribute('aria-describedby') ?? ''));
    expect(error.textContent).toBe('Password is incorrect. Try again, or use another method.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    // Focus stays on the field in error, ready for another try.
    await waitFor(() => document.activeElement === password);
  });

  it('shows an unknown identifier next to the identifier field', async () => {
    await setup();
    const input = byLabel(root, 'Email address');
    await type(input, 'nobody@example.com');
    submit(input);
    await waitFor(() => input.getAttribute('aria-invalid') === 'true');
    expect(root.querySelector('.cl-formFieldErrorText__identifier')?.textContent).toBe("Couldn't find your account.");
  });

  async function identify(identifier: string) {
    const input = byLabel(root, 'Email address');
    await type(input, identifier);
    submit(input);
    await waitFor(() => title(root) !== '' && !title(root).startsWith('Sign in to'));
  }

  async function useMethod(label: string) {
    byText(root, 'Use another method').click();
    await waitFor(() => title(root) === 'Use another method');
    byText(root, label).click();
  }

  it('signs in with an email code chosen from "use another method"', async () => {
    const { clerk } = await setup();
    await identify('ada+clerk_test@example.com');
    await useMethod('Email code to ada+clerk_test@example.com');
    await waitFor(() => title(root) === 'Check your email');
    await type(byLabel(root, 'Verification code'), '424242');
    await waitFor(() => clerk.isSignedIn);
    expect(emulator.requests.some((r) => r.path.endsWith('/prepare_first_factor'))).toBe(true);
  });

  it('"Use another method" offers help by email: the supportEmail load option, else support@ the app domain', async () => {
    await setup(undefined, { supportEmail: 'help@app.test' });
    await identify('ada+clerk_test@example.com');
    byText(root, 'Use another method').click();
    await waitFor(() => title(root) === 'Use another method');
    const help = byText(root, 'Get help') as HTMLAnchorElement;
    expect(help.getAttribute('href')).toBe('mailto:help@app.test');
    expect(help.parentElement!.textContent).toContain('Don’t have any of these?');
    destroy?.();
    root.replaceChildren();
    clearCookies();
    history.replaceState(null, '', '/');
    const { clerk } = await setup();
    await identify('ada+clerk_test@example.com');
    byText(root, 'Use another method').click();
    await waitFor(() => title(root) === 'Use another method');
    expect(byText(root, 'Get help').getAttribute('href')).toBe(`mailto:support@${clerk.frontendApi.replace(/^clerk\./, '')}`);
  });

  it('shows a wrong code next to the code field and accepts the right one after', async () => {
    const { clerk } = await setup();
    await identify('ada+clerk_test@example.com');
    await useMethod('Email code to ada+clerk_test@example.com');
    const code = await waitFor(() => byLabel(root, 'Verification code'));
    await type(code, '111111');
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__code'));
    expect(error.textContent).toBe('Incorrect code. Try again.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await type(code, '424242');
    await waitFor(() => clerk.isSignedIn);
  });

  it('signs in with a phone number and an SMS code', async () => {
    const { clerk } = await setup();
    await identify('+15555550101');
    await useMethod('Send SMS code to +15555550101');
    await waitFor(() => title(root) === 'Check your phone');
    await type(byLabel(root, 'Verification code'), '424242');
    await waitFor(() => clerk.isSignedIn);
  });

  it('signs in with an email code read from the outbox (non-test address), preferring OTP when configured', async () => {
    emulator.updateSettings({ emailAddress: { firstFactors: ['email_code'] } });
    const { clerk } = await setup();
    await identify('carol@example.com');
    await useMethod('Email code to carol@example.com');
    await waitFor(() => emulator.outbox.latest('carol@example.com')?.code);
    await type(byLabel(root, 'Verification code'), emulator.outbox.latest('carol@example.com')!.code!);
    await waitFor(() => clerk.isSignedIn);
  });

  it('signs in with an email link opened elsewhere (polls the sign-in)', async () => {
    const { clerk } = await setup();
    await identify('carol@example.com');
    await useMethod('Email link to carol@example.com');
    await waitFor(() => title(root) === 'Check your email');
    const message = await waitFor(() => emulator.outbox.latest('carol@example.com')?.link);
    const prepare = emulator.requests.find((r) => r.path.endsWith('/prepare_first_factor'));
    expect(prepare).toBeDefined();
    await fetch(message, { redirect: 'manual' });
    await waitFor(() => clerk.isSignedIn, 6000);
  });

  it('lands on #/verify after an email link and activates the session in the same browser', async () => {
    const first = await setup();
    await identify('carol@example.com');
    await useMethod('Email link to carol@example.com');
    const link = await waitFor(() => emulator.outbox.latest('carol@example.com')?.link);
    const response = await fetch(link, { redirect: 'manual' });
    const landing = response.headers.get('location')!;
    expect(new URL(landing).hash).toMatch(/^#\/verify/);
    first.clerk.destroy();
    history.replaceState(null, '', new URL(landing).pathname + new URL(landing).search + new URL(landing).hash);
    const { clerk } = await setupWithoutForm();
    await waitFor(() => clerk.isSignedIn);
  });

  async function setupWithoutForm() {
    const nav = recordingNavigation();
    const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signInPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.mountSignIn(root);
    return { clerk, navigations: nav.navigations };
  }

  it('resets a forgotten password with an email code, with live password-rule feedback', async () => {
    emulator.updateSettings({ password: { requireNumbers: true } });
    const { clerk } = await setup();
    await identify('ada+clerk_test@example.com');
    byText(root, 'Forgot password?').click();
    await waitFor(() => title(root) === 'Reset password');
    await type(byLabel(root, 'Verification code'), '424242');
    await waitFor(() => title(root) === 'Set new password');
    expect(location.hash).toBe('#/reset-password');
    const password = byLabel(root, 'New password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    expect(document.getElementById(`${password.id}-error`)).toBeNull();
    await type(password, 'brand new pass');
    expect(document.getElementById(`${password.id}-error`)!.textContent).toBe('Your password must contain a number.');
    await type(byLabel(root, 'Confirm password'), 'brand new pass');
    submit(password);
    await waitFor(() => root.querySelector('.cl-formFieldErrorText__password')?.textContent === 'Your password must contain a number.');
    await waitFor(() => document.activeElement === password);
    expect(emulator.requests.filter((r) => r.path.endsWith('/reset_password'))).toHaveLength(0);
    await type(password, 'brand new pass 2');
    expect(root.querySelector('.cl-formFieldSuccessText__password')!.textContent).toBe('Your password meets all the necessary requirements.');
    await type(byLabel(root, 'Confirm password'), 'something else');
    submit(password);
    await waitFor(() => root.querySelector('.cl-formFieldErrorText__confirmPassword')?.textContent === "Passwords don't match.");
    await type(byLabel(root, 'Confirm password'), 'brand new pass 2');
    submit(password);
    await waitFor(() => clerk.isSignedIn);
    expect(emulator.requests.filter((r) => r.path.endsWith('/reset_password'))).toHaveLength(1);
  });

  it('asks for a TOTP second factor, then a backup code via "use another method"', async () => {
    const { clerk } = await setup();
    await identify('mfa+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'mfa password 1');
    submit(byLabel(root, 'Password'));
    await waitFor(() => title(root) === 'Two-step verification');
    expect(location.hash).toBe('#/factor-two');
    await type(byLabel(root, 'Verification code'), '000000');
    await waitFor(() => root.querySelector('.cl-formFieldErrorText__code'));
    await useMethod('Use a backup code');
    await waitFor(() => title(root) === 'Enter a backup code');
    const input = byLabel(root, 'Backup code');
    await type(input, 'backup-two');
    submit(input);
    await waitFor(() => clerk.isSignedIn);
  });

  it('accepts a TOTP code', async () => {
    const { clerk } = await setup();
    await identify('mfa+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'mfa password 1');
    submit(byLabel(root, 'Password'));
    await waitFor(() => title(root) === 'Two-step verification');
    await type(byLabel(root, 'Verification code'), totpCode(TOTP_SECRET, Date.now()));
    await waitFor(() => clerk.isSignedIn);
  });

  it('starts the OAuth redirect flow with an http(s) provider URL', async () => {
    const { navigations, pageLoads } = await setup({ forceRedirectUrl: '/after' });
    buttonNamed(root, 'Continue with Google').click();
    // The provider is a full page load, never the app's router (the emulator's provider shares our origin).
    await waitFor(() => pageLoads.length > 0);
    const target = new URL(pageLoads[0]);
    expect(['http:', 'https:']).toContain(target.protocol);
    expect(navigations).toEqual([]);
    const create = emulator.requests.find((r) => r.method === 'POST' && r.path === '/v1/client/sign_ins');
    expect(create).toBeDefined();
  });

  it('offers provider buttons only when the instance has the oauth plugin to complete the return', async () => {
    const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signInPlugin()]);
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.mountSignIn(root);
    await waitFor(() => root.querySelector('form'));
    expect(root.querySelector('[aria-label="Continue with Google"]')).toBeNull();
    expect(root.querySelector('.cl-socialButtons')).toBeNull();
  });

  it('says why a provider return failed: the error FAPI left on the sign-in attempt', async () => {
    // The page the oauth plugin sends the browser to after `external_account_exists`: the client's
    // sign-in carries the error on its first-factor verification.
    emulator.faults.add({
      path: '/v1/client',
      method: 'GET',
      status: 200,
      body: {
        response: {
          object: 'client',
          id: 'client_returned',
          sessions: [],
          sign_up: null,
          last_active_session_id: null,
          sign_in: {
            object: 'sign_in',
            id: 'sia_returned',
            status: 'needs_identifier',
            first_factor_verification: {
              status: 'failed',
              strategy: 'oauth_google',
              error: { code: 'external_account_exists', message: 'Already connected', long_message: 'This Google account is connected to another user.' },
            },
          },
        },
        client: null,
      },
      times: 1,
    });
    await setup();
    const alert = await waitFor(() => root.querySelector<HTMLElement>('[role="alert"]'));
    expect(alert.textContent).toBe('This Google account is connected to another user.');
  });

  it('shows no provider error on a fresh sign-in page', async () => {
    await setup();
    expect(root.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
  });

  it('refuses a javascript: provider URL from FAPI', async () => {
    const { navigations, pageLoads } = await setup();
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
    buttonNamed(root, 'Continue with Google').click();
    await waitFor(() => root.querySelector('.cl-socialButtonsRoot [role="alert"]'));
    expect(navigations).toEqual([]);
    expect(pageLoads).toEqual([]);
  });

  it('links to sign up (props.signUpUrl, legacy signUpURL, then the instance URL)', async () => {
    const { navigations } = await setup({ signUpURL: '/legacy-sign-up' });
    const link = byText<HTMLAnchorElement>(root, 'Sign up');
    expect(link.getAttribute('href')).toBe('/legacy-sign-up');
    link.click();
    await waitFor(() => navigations.length);
    expect(navigations).toEqual(['http://localhost:3000/legacy-sign-up']);
  });

  it('prefills initialValues and honours redirect precedence (force > query redirect_url > fallback)', async () => {
    history.replaceState(null, '', '/?redirect_url=%2Ffrom-query');
    const { clerk, navigations } = await setup({ initialValues: { emailAddress: 'ada+clerk_test@example.com' }, fallbackRedirectUrl: '/fallback' });
    expect(byLabel(root, 'Email address').value).toBe('ada+clerk_test@example.com');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Enter your password');
    await type(byLabel(root, 'Password'), 'correct horse battery');
    submit(byLabel(root, 'Password'));
    await waitFor(() => clerk.isSignedIn);
    expect(navigations.at(-1)).toBe('http://localhost:3000/from-query');
  });

  it('drops a cross-origin redirect_url from the query and uses the load option fallback', async () => {
    history.replaceState(null, '', '/?redirect_url=https%3A%2F%2Fevil.example%2F');
    const { clerk, navigations } = await setup({}, { signInFallbackRedirectUrl: '/safe' });
    await identify('ada+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'correct horse battery');
    submit(byLabel(root, 'Password'));
    await waitFor(() => clerk.isSignedIn);
    expect(navigations.at(-1)).toBe('http://localhost:3000/safe');
  });

  it('uses the legacy afterSignInUrl prop when nothing newer is given', async () => {
    const { clerk, navigations } = await setup({ afterSignInUrl: '/legacy-after' });
    await identify('ada+clerk_test@example.com');
    await type(byLabel(root, 'Password'), 'correct horse battery');
    submit(byLabel(root, 'Password'));
    await waitFor(() => clerk.isSignedIn);
    expect(navigations.at(-1)).toBe('http://localhost:3000/legacy-after');
  });

  describe('component redirect props go through navigation (allowedRedirectOrigins)', () => {
    async function signInWith(props: SignInProps, loadOptions?: Record<string, unknown>) {
      const { clerk, navigations } = await setup(props, loadOptions);
      await identify('ada+clerk_test@example.com');
      await type(byLabel(root, 'Password'), 'correct horse battery');
      submit(byLabel(root, 'Password'));
      await waitFor(() => clerk.isSignedIn);
      // Where the after-sign-in navigation went (without the dev-browser parameter a foreign origin gets).
      await waitFor(() => navigations.length);
      const target = new URL(navigations.at(-1)!);
      return { navigations, landed: target.origin + target.pathname };
    }

    it('does not follow a force or fallback URL on a foreign https origin that is not allowed', async () => {
      const forced = await signInWith({ forceRedirectUrl: 'https://evil.test/x' });
      expect(forced.landed).toBe('http://localhost:3000/');
      expect(forced.navigations.some((url) => url.startsWith('https://evil.test'))).toBe(false);
      destroy?.();
      clearCookies();
      history.replaceState(null, '', '/');
      const fallback = await signInWith({ fallbackRedirectUrl: 'https://evil.test/y' }, { signInFallbackRedirectUrl: '/safe' });
      expect(fallback.landed).toBe('http://localhost:3000/safe');
      expect(fallback.navigations.some((url) => url.startsWith('https://evil.test'))).toBe(false);
    });

    it('follows them when the origin is in allowedRedirectOrigins', async () => {
      const forced = await signInWith({ forceRedirectUrl: 'https://evil.test/x' }, { allowedRedirectOrigins: ['https://evil.test'] });
      expect(forced.landed).toBe('https://evil.test/x');
      destroy?.();
      clearCookies();
      history.replaceState(null, '', '/');
      const fallback = await signInWith({ fallbackRedirectUrl: 'https://evil.test/y' }, { allowedRedirectOrigins: ['https://evil.test'] });
      expect(fallback.landed).toBe('https://evil.test/y');
    });
  });

  it('shows a locked account as a form-level alert', async () => {
    emulator.updateSettings({ lockout: { maxAttempts: 1 } });
    await setup();
    await identify('ada+clerk_test@example.com');
    const password = byLabel(root, 'Password');
    await type(password, 'wrong');
    submit(password);
    await waitFor(() => emulator.requests.some((r) => r.path.endsWith('/attempt_first_factor')));
    await waitFor(() => !root.querySelector('.cl-formButtonPrimary')!.hasAttribute('disabled'));
    submit(password);
    const alert = await waitFor(() => root.querySelector('.cl-alert'));
    expect(alert.textContent).toBe('Your account is locked. Try again later.');
  });
});

describe('<SignIn/> #/verify: the email-link plugin reads the landing', () => {
  async function land(query: string, withPlugin: boolean) {
    history.replaceState(null, '', `/sign-in#/verify?${query}`);
    const nav = recordingNavigation();
    const clerk = startClerk(
      emulator.publishableKey,
      withPlugin ? [nav.plugin, uiPlugin(), emailLinkPlugin(), signInPlugin()] : [nav.plugin, uiPlugin(), signInPlugin()],
    );
    destroy = () => clerk.destroy();
    await clerk.load();
    clerk.mountSignIn(root);
    return waitFor(() => root.querySelector('.cl-alert')?.textContent);
  }

  it('says why a link did not sign in (expired, other client), as the plugin reports it', async () => {
    expect(await land('__clerk_status=expired', true)).toBe('This link has expired. Request a new one.');
    destroy?.();
    expect(await land('__clerk_status=client_mismatch', true)).toBe(
      'To continue, open the verification link on the device and browser from which you initiated the sign-in.',
    );
  });

  it('without the email-link plugin the landing cannot complete and says so', async () => {
    expect(await land('__clerk_status=verified', false)).toBe('This verification link is invalid.');
  });

  describe('looks and behaves like Clerk', () => {
    it('offers "Use phone" where the instance takes both, with Clerk\'s labels and placeholders, and focuses the new field', async () => {
      await setup();
      const email = byLabel(root, 'Email address');
      expect([email.type, email.placeholder, email.required]).toEqual(['email', 'Enter your email address', true]);
      byText(root, 'Use phone').click();
      const phone = await waitFor(() => byLabel(root, 'Phone number'));
      expect([phone.name, phone.type, phone.placeholder, phone.autocomplete]).toEqual(['identifier', 'tel', 'Enter your phone number', 'tel']);
      await waitFor(() => document.activeElement === phone);
      byText(root, 'Use email').click();
      await waitFor(() => byLabel(root, 'Email address'));
      // A number typed where the email goes moves to the phone field with it: its country picked, the national number typed.
      await type(byLabel(root, 'Email address'), '+15555550101');
      await waitFor(() => root.querySelector<HTMLSelectElement>('select')?.value === 'US');
      expect(byLabel(root, 'Phone number').value).toBe('5555550101');
    });

    it('checks the identifier before any request: empty or malformed sends nothing', async () => {
      await setup();
      const email = byLabel(root, 'Email address');
      submit(email);
      await waitFor(() => root.querySelector('.cl-formFieldErrorText__identifier')?.textContent === 'This field is required.');
      await type(email, 'ada@');
      submit(email);
      await waitFor(() => root.querySelector('.cl-formFieldErrorText__identifier')?.textContent === 'Example format: name@example.com');
      expect(emulator.requests.filter((r) => r.path.startsWith('/v1/client/sign_ins'))).toEqual([]);
    });

    it('disables the whole card (fields and provider buttons) with a spinner while the request runs', async () => {
      await setup();
      emulator.updateSettings({ latencyMs: 300 });
      await type(byLabel(root, 'Email address'), 'ada+clerk_test@example.com');
      submit(root.querySelector('form')!);
      await waitFor(() => root.querySelector<HTMLFieldSetElement>('fieldset.cl-main')?.disabled);
      expect(root.querySelector('.cl-formButtonPrimary .cl-spinner')).not.toBeNull();
      expect(root.querySelector('.cl-card')!.getAttribute('aria-busy')).toBe('true');
      expect(root.querySelector('fieldset.cl-main')!.contains(buttonNamed(root, 'Continue with Google'))).toBe(true);
      expect(root.querySelector('fieldset.cl-main')!.contains(byLabel(root, 'Email address'))).toBe(true);
      await waitFor(() => title(root) === 'Enter your password', 3000);
      await waitFor(() => !root.querySelector<HTMLFieldSetElement>('fieldset.cl-main')!.disabled);
      expect(root.querySelector('.cl-spinner')).toBeNull();
      await waitFor(() => document.activeElement === byLabel(root, 'Password'));
    });

    it('shows the identifier with a pencil that goes back, and a password visibility toggle', async () => {
      await setup();
      await type(byLabel(root, 'Email address'), 'ada+clerk_test@example.com');
      submit(root.querySelector('form')!);
      await waitFor(() => title(root) === 'Enter your password');
      const password = byLabel(root, 'Password');
      expect(password.placeholder).toBe('Enter your password');
      const eye = buttonNamed(root, 'Show password');
      expect(eye.getAttribute('aria-controls')).toBe(password.id);
      eye.click();
      await waitFor(() => password.type === 'text');
      buttonNamed(root, 'Hide password').click();
      await waitFor(() => password.type === 'password');
      buttonNamed(root, 'Edit email address').click();
      await waitFor(() => title(root).startsWith('Sign in to'));
    });

    it('shows provider logos: block buttons for two providers, icon buttons beyond, as layout.socialButtonsVariant says', async () => {
      await setup();
      const google = buttonNamed(root, 'Continue with Google');
      expect(google.className).toContain('cl-socialButtonsBlockButton');
      expect(google.textContent).toBe('Google');
      expect(google.querySelector('svg.cl-socialButtonsProviderIcon__google')!.getAttribute('aria-hidden')).toBe('true');
      destroy?.();
      emulator.updateSettings({ social: ['oauth_google', 'oauth_github', 'oauth_apple', 'oauth_discord'] });
      await setup();
      const icons = [...root.querySelectorAll<HTMLButtonElement>('.cl-socialButtonsIconButton')];
      expect(icons.map((b) => b.getAttribute('aria-label'))).toEqual([
        'Continue with Google',
        'Continue with GitHub',
        'Continue with Apple',
        'Continue with Discord',
      ]);
      expect(icons.every((b) => b.querySelector('svg') && !b.textContent)).toBe(true);
      destroy?.();
      await setup({ appearance: { layout: { socialButtonsVariant: 'blockButton', logoImageUrl: 'https://cdn.example.com/logo.png' } } });
      expect(root.querySelectorAll('.cl-socialButtonsBlockButton')).toHaveLength(4);
      const logo = root.querySelector<HTMLImageElement>('.cl-logoBox img')!;
      expect(logo.getAttribute('src')).toBe('https://cdn.example.com/logo.png');
      expect(logo.alt).toBe('microclerk emulator');
      destroy?.();
      await setup({ appearance: { layout: { logoImageUrl: 'javascript:alert(1)' } } });
      expect(root.querySelector('.cl-logoBox')).toBeNull();
    });

    it('types a code into six boxes, with the resend countdown, and keeps working for the code step', async () => {
      await setup();
      await type(byLabel(root, 'Email address'), 'ada+clerk_test@example.com');
      submit(root.querySelector('form')!);
      await waitFor(() => title(root) === 'Enter your password');
      byText(root, 'Use another method').click();
      byText(await waitFor(() => root.querySelector('.cl-alternativeMethods')!), 'Email code to ada+clerk_test@example.com').click();
      await waitFor(() => root.querySelectorAll('.cl-otpCodeFieldInput').length === 6);
      const resend = root.querySelector<HTMLButtonElement>('.cl-formResendCodeLink')!;
      expect(resend.textContent).toBe("Didn't receive a code? Resend (30)");
      expect(resend.disabled).toBe(true);
    });
  });
});
