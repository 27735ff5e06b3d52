// @vitest-environment happy-dom
/**
 * The full preset as an app gets it (`new Clerk()`), OAuth through the mounted <SignIn/>: the button
 * page-loads the emulator's fake provider, the provider sends the browser back to `#/sso-callback`, and
 * the oauth plugin (composed in the preset, found by <SignIn/> as an optional dependency) completes it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clerk } from '../../presets/full.js';
import { APP_ORIGIN, PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { buttonNamed, byLabel, clearCookies, submit, type, waitFor } from '../helpers/ui.js';

const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: 'correct horse battery', firstName: 'Ada' },
      { emailAddress: 'wile@acme.test', password: 'correct horse battery', firstName: 'Wile' },
    ],
  },
  settings: { enterpriseConnections: [{ domain: 'acme.test', protocol: 'saml', name: 'Acme' }] },
});
const pages: Array<{ clerk: Clerk; root: HTMLElement }> = [];
let assigned: string[] = [];

function closePages() {
  pages.splice(0).forEach(({ clerk, root }) => {
    clerk.destroy();
    root.remove();
  });
}

/** One page load of the app at `url`: a fresh Clerk instance with <SignIn/> mounted, as a real page would do. */
async function openPage(url: string) {
  // The previous page is gone once the browser loads the next one.
  closePages();
  history.replaceState(null, '', url.replace(APP_ORIGIN, ''));
  const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
  const root = document.createElement('div');
  document.body.appendChild(root);
  pages.push({ clerk, root });
  await clerk.load({ signInUrl: '/sign-in', signInFallbackRedirectUrl: '/dashboard', signUpFallbackRedirectUrl: '/welcome' });
  clerk.mountSignIn(root, { path: '/sign-in', routing: 'hash' });
  return { clerk, root };
}

/** The browser on the provider's page: the user consents (`auto=1`) as `email`; returns where it sends the browser. */
async function consent(providerUrl: string, email: string): Promise<string> {
  const target = new URL(providerUrl);
  target.searchParams.set('auto', '1');
  target.searchParams.set('email', email);
  const response = await emulator.handle(new Request(target, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!, APP_ORIGIN).href;
}

beforeEach(() => {
  emulator.reset();
  clearCookies();
  assigned = [];
  // Every full page load (provider redirects, and same-origin redirects without a router) is recorded, not followed.
  vi.spyOn(window.location, 'assign').mockImplementation((url: string | URL) => void assigned.push(String(url)));
});
afterEach(() => {
  closePages();
  vi.restoreAllMocks();
});

describe('full preset: OAuth through the mounted <SignIn/>', () => {
  it('signs in an existing user: one provider page load, back on the after-sign-in page signed in', async () => {
    const first = await openPage(`${APP_ORIGIN}/sign-in`);
    await waitFor(() => first.root.querySelector('form'));
    buttonNamed(first.root, 'Continue with Google').click();
    await waitFor(() => assigned.length === 1);
    expect(assigned[0]).toMatch(/\/__clerk\/v1\/oauth\/fake\/authorize\?/);

    // A sign-in that the provider completes returns straight to its action-complete URL, as FAPI does.
    const back = await consent(assigned[0], 'ada@example.com');
    expect(back).toBe(`${APP_ORIGIN}/dashboard`);
    const second = await openPage(back);
    expect(second.clerk.user?.firstName).toBe('Ada');
    expect(assigned).toHaveLength(1);
  });

  it('moves a new user from sign-in to sign-up and completes it', async () => {
    const first = await openPage(`${APP_ORIGIN}/sign-in`);
    await waitFor(() => first.root.querySelector('form'));
    buttonNamed(first.root, 'Continue with Google').click();
    await waitFor(() => assigned.length === 1);

    // A new user is not complete at the provider: back to <SignIn/>'s #/sso-callback step, which transfers.
    const back = await consent(assigned[0], 'newcomer@example.com');
    expect(new URL(back).hash).toMatch(/^#\/sso-callback/);
    const second = await openPage(back);
    await waitFor(() => second.clerk.user?.primaryEmailAddress?.emailAddress === 'newcomer@example.com');
    expect(emulator.requests.some((r) => r.method === 'POST' && r.path === '/v1/client/sign_ups')).toBe(true);
    expect(second.root.textContent).not.toMatch(/went wrong/i);
    // Completed as a sign-up: the sign-up fallback, not the sign-in one.
    await waitFor(() => assigned.length === 2);
    expect(assigned[1]).toBe(`${APP_ORIGIN}/welcome`);
  });

  it("an email on an enterprise connection's domain goes straight to the identity provider, never to a password step", async () => {
    const first = await openPage(`${APP_ORIGIN}/sign-in`);
    const form = await waitFor(() => first.root.querySelector('form'));
    await type(byLabel(first.root, 'Email address'), 'wile@acme.test');
    submit(form);
    await waitFor(() => assigned.length === 1);
    expect(new URL(assigned[0]!).pathname).toBe('/__clerk/v1/sso/fake/idp');
    expect(first.root.querySelector('input[type=password]')).toBeNull();
    const back = await consent(assigned[0]!, 'ignored@example.com');
    expect(back).toBe(`${APP_ORIGIN}/dashboard`);
    const second = await openPage(back);
    expect(second.clerk.user?.firstName).toBe('Wile');
  });

  it('<SignUp/>: an email on a connected domain is missing enterprise_sso, so the form continues at the identity provider', async () => {
    closePages();
    history.replaceState(null, '', '/sign-up');
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
    const root = document.createElement('div');
    document.body.appendChild(root);
    pages.push({ clerk, root });
    await clerk.load({ signUpUrl: '/sign-up', signUpFallbackRedirectUrl: '/welcome' });
    clerk.mountSignUp(root, { path: '/sign-up', routing: 'hash' });
    const form = await waitFor(() => root.querySelector('form'));
    await type(byLabel(root, 'Email address'), 'coyote@acme.test');
    submit(form);
    await waitFor(() => assigned.length === 1);
    expect(new URL(assigned[0]!).pathname).toBe('/__clerk/v1/sso/fake/idp');
    // Still missing until the identity provider vouches for the email; no password was asked for.
    expect(clerk.client!.signUp.missingFields).toEqual(['enterprise_sso']);
    expect(clerk.client!.signUp.verifications.externalAccount.strategy).toBe('enterprise_sso');
    const back = await consent(assigned[0]!, 'ignored@example.com');
    expect(back).toBe(`${APP_ORIGIN}/welcome`);
    const landed = await openPage(back);
    expect(landed.clerk.user?.primaryEmailAddress?.emailAddress).toBe('coyote@acme.test');
    expect(landed.clerk.user?.primaryEmailAddress?.verification?.status).toBe('verified');
  });
});
