// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { oauthPlugin } from '../oauth/index.js';
import { uiPlugin } from '../ui/index.js';
import { byLabel, byText, clearCookies, recordingNavigation, recordingPageLoads, startClerk, submit, title, type, waitFor } from '../../test/helpers/ui.js';
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
    expect(alert).toBe('This invitation link is invalid or has already been used.');
    expect(again.clerk.isSignedIn).toBe(false);
  });

  it('signs in with identifier then password and redirects', async () => {
    const { clerk, navigations } = await setup();
    expect(title(root)).toContain('Sign in to');
    await type(byLabel(root, 'Email address or phone number'), 'ada+clerk_test@example.com');
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
    await type(byLabel(root, 'Email address or phone number'), 'ada+clerk_test@example.com');
    submit(root.querySelector('form')!);
    await waitFor(() => title(root) === 'Enter your password');
    const password = byLabel(root, 'Password');
    await type(password, 'wrong');
    submit(password);
    const error = await waitFor(() => document.getElementById(password.getAttribute('aria-describedby') ?? ''));
    expect(error.textContent).toBe('Password is incorrect. Try again, or use another method.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(password.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an unknown identifier next to the identifier field', async () => {
    await setup();
    const input = byLabel(root, 'Email address or phone number');
    await type(input, 'nobody@example.com');
    submit(input);
    await waitFor(() => input.getAttribute('aria-invalid') === 'true');
    expect(root.querySelector('.cl-formFieldErrorText__identifier')?.textContent).toBe("Couldn't find your account.");
  });

  async function identify(identifier: string) {
    const input = byLabel(root, 'Email address or phone number');
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

  it('resets a forgotten password with an email code, showing live password rules', async () => {
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
    await type(password, 'brand new pass');
    const numberRule = [...root.querySelectorAll('.cl-passwordRule')].find((li) => li.textContent?.includes('A number'))!;
    expect(numberRule.getAttribute('data-met')).toBe('false');
    await type(password, 'brand new pass 2');
    expect(numberRule.getAttribute('data-met')).toBe('true');
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
    byText(root, 'Continue with Google').click();
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
    expect(root.textContent).not.toContain('Continue with Google');
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
    byText(root, 'Continue with Google').click();
    await waitFor(() => root.querySelector('.cl-socialButtons [role="alert"]'));
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
    expect(byLabel(root, 'Email address or phone number').value).toBe('ada+clerk_test@example.com');
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
});
