// Redirect flows in Chromium against the playground: OAuth through the mounted <SignIn/> (new user,
// existing user, TOTP second factor), the popup flow through the Account Portal's popup-callback page,
// enterprise SSO by email domain, and email links on the same and on another device. Each round trip
// counts its document loads (one to the provider, one back) and the FAPI requests it made.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../emulator/index.js';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({
  enterpriseConnections: [
    { domain: 'acme.test', protocol: 'saml', name: 'Acme Corp' },
    // Two connections on one domain: <SignIn/> lets the user choose.
    { domain: 'initech.test', protocol: 'saml', name: 'Initech SAML' },
    { domain: 'initech.test', protocol: 'oidc', name: 'Initech Okta' },
  ],
});
/** The Account Portal ClerkJS would derive from the emulator's key: the popup flow must never need it. */
const ACCOUNTS = 'https://emulator.accounts.dev';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
let unique = 0;
const newEmail = (tag: string, domain = 'example.com') => `e2e-${tag}-${Date.now()}-${++unique}@${domain}`;

interface Controls {
  addUser(user: Record<string, unknown>): string;
}
const emulator = () => ctx.playground.emulator as unknown as Controls & typeof ctx.playground.emulator;
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/redirect-${name}.png`, fullPage: true });
const who = (page: Page) => page.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : document.querySelector('#who')!.textContent));
const title = (page: Page) => page.locator('#auth-box .cl-headerTitle').first().textContent();

/** Records the page's document loads (main frame, answered 200) and its FAPI requests, from now on. */
function record(page: Page) {
  const documents: string[] = [];
  const fapi: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && response.status() === 200) documents.push(response.url());
  });
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/__clerk/v1/') && request.resourceType() !== 'document') fapi.push(`${request.method()} ${url.pathname.slice(8)}`);
  });
  return { documents, fapi };
}

async function openPlayground(context?: BrowserContext, path = '/') {
  const page = context ? await context.newPage() : await ctx.newPage();
  await page.goto(`${ctx.playground.url}${path}`);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

/** Clicks a provider button of the mounted <SignIn/> and answers the fake provider's consent page as `email`. */
async function throughGoogle(page: Page, email: string, screenshot?: string) {
  const seen = record(page);
  await page.locator('#auth-box').getByRole('button', { name: 'Continue with Google' }).click();
  await page.waitForURL(/\/__clerk\/v1\/oauth\/fake\/authorize/);
  expect(await page.locator('h1').textContent()).toBe('Sign in with Google');
  await page.fill('input[name=email]', email);
  if (screenshot) await shot(page, screenshot);
  await page.click('button[value=allow]');
  await page.waitForURL((url) => url.origin === ctx.playground.url && !url.pathname.startsWith('/__clerk'));
  return seen;
}

function report(name: string, seen: { documents: string[]; fapi: string[] }) {
  console.log(`[redirect-flows] ${name}: ${seen.documents.length} document loads, ${seen.fapi.length} FAPI requests: ${seen.fapi.join(', ')}`);
}

describe('OAuth through the mounted <SignIn/> (Google, fake provider)', () => {
  it('a new user ends signed up: one load to the provider, one back (the #/sso-callback step transfers to a sign-up)', async () => {
    const page = await openPlayground();
    const email = newEmail('google-new');
    const seen = await throughGoogle(page, email, '01-provider-page');
    await expect.poll(() => who(page)).toBe(email);
    await shot(page, '02-new-user-signed-up');
    expect(seen.documents.map((u) => new URL(u).pathname)).toEqual(['/__clerk/v1/oauth/fake/authorize', '/']);
    expect(seen.fapi).toContain('POST /v1/client/sign_ups');
    report('google new user', seen);
  });

  it('an existing user ends signed in, straight back to the after-sign-in page', async () => {
    const page = await openPlayground();
    const seen = await throughGoogle(page, 'demo@example.com');
    await expect.poll(() => who(page)).toBe('demo@example.com');
    expect(seen.documents).toHaveLength(2);
    expect(seen.fapi).not.toContain('POST /v1/client/sign_ups');
    report('google existing user', seen);
  });

  it('a user with TOTP is asked for the code after the return, then signed in', async () => {
    const email = newEmail('google-totp');
    emulator().addUser({ emailAddress: email, password: 'e2e-long-password-1', totpSecret: TOTP_SECRET });
    const page = await openPlayground();
    const seen = await throughGoogle(page, email);
    await expect.poll(() => title(page)).toBe('Two-step verification');
    expect(await who(page)).toBe('');
    await shot(page, '03-totp-after-return');
    await page.locator('#auth-box input[name=code]').fill(totpCode(TOTP_SECRET, Date.now()));
    await expect.poll(() => who(page)).toBe(email);
    expect(seen.documents).toHaveLength(2);
    report('google + totp', seen);
  });
});

describe('authenticateWithPopup in a real popup', () => {
  it('in the plain playground (nothing rerouted) the popup lands on the emulator popup-callback page, which posts the session to this page', async () => {
    const context = await ctx.browser.newContext();
    // Nothing is rerouted: every request the popup and the page make goes where it says, and none to the Account Portal domain.
    const elsewhere: string[] = [];
    context.on('request', (request) => {
      if (new URL(request.url()).origin !== ctx.playground.url) elsewhere.push(request.url());
    });
    const callbacks: string[] = [];
    context.on('response', (response) => {
      if (new URL(response.url()).pathname === '/__clerk/v1/popup-callback') callbacks.push(`${response.status()}`);
    });
    const page = await openPlayground(context);
    const seen = record(page);
    const email = newEmail('popup');
    const popupOpened = page.waitForEvent('popup');
    await page.evaluate(() => {
      const popup = window.open('', '_blank', 'width=500,height=600');
      const clerk = (window as unknown as { clerk: { client: { signIn: { authenticateWithPopup(p: unknown): Promise<void> } } } }).clerk;
      void clerk.client.signIn.authenticateWithPopup({ popup, strategy: 'oauth_google', redirectUrl: '/#/sso-callback', redirectUrlComplete: '/' });
    });
    const popup = await popupOpened;
    if (process.env.DEBUG_POPUP) {
      page.on('console', (m) => console.log('[page]', m.text()));
      popup.on('console', (m) => console.log('[popup]', m.text()));
      popup.on('framenavigated', (f) => console.log('[popup nav]', f.url()));
      page.on('framenavigated', (f) => console.log('[page nav]', f.url()));
    }
    await popup.waitForURL(/\/oauth\/fake\/authorize/);
    await popup.fill('input[name=email]', email);
    const closed = popup.waitForEvent('close');
    await popup.click('button[value=allow]');
    await closed;
    // New user: the page gets { return_url } and its #/sso-callback completes the sign-up.
    await expect.poll(() => who(page)).toBe(email);
    await shot(page, '04-popup-signed-in');
    expect(seen.documents).toHaveLength(0);
    report('popup (new user, opener page)', seen);

    // An existing user: the popup completes the sign-in and the page activates the posted session.
    await page.evaluate(() => (window as unknown as { clerk: { signOut(): Promise<void> } }).clerk.signOut());
    await expect.poll(() => who(page)).toBe('');
    const second = page.waitForEvent('popup');
    await page.evaluate(() => {
      const popup = window.open('', '_blank', 'width=500,height=600');
      const clerk = (window as unknown as { clerk: { client: { signIn: { authenticateWithPopup(p: unknown): Promise<void> } } } }).clerk;
      void clerk.client.signIn.authenticateWithPopup({ popup, strategy: 'oauth_google', redirectUrl: '/#/sso-callback', redirectUrlComplete: '/' });
    });
    const again = await second;
    await again.waitForURL(/\/oauth\/fake\/authorize/);
    await again.fill('input[name=email]', 'demo@example.com');
    const closedAgain = again.waitForEvent('close');
    await again.click('button[value=allow]');
    await closedAgain;
    await expect.poll(() => who(page)).toBe('demo@example.com');
    expect(callbacks).toEqual(['200', '200']);
    expect(elsewhere.filter((u) => !u.startsWith('https://img.clerk.com/'))).toEqual([]);
    expect(elsewhere.some((u) => u.includes(ACCOUNTS))).toBe(false);
    await context.close();
  });
});

describe('enterprise SSO by email domain (SAML)', () => {
  it('an existing acme.test user goes from the identifier straight to the IdP and back signed in', async () => {
    const email = newEmail('saml', 'acme.test');
    emulator().addUser({ emailAddress: email, password: 'e2e-long-password-1', firstName: 'Wile' });
    const page = await openPlayground();
    const seen = record(page);
    await page.locator('#auth-box input[name=identifier]').fill(email);
    await page.locator('#auth-box .cl-formButtonPrimary').click();
    await page.waitForURL(/\/__clerk\/v1\/sso\/fake\/idp/);
    expect(await page.locator('h1').textContent()).toBe('Acme Corp single sign-on');
    expect(await page.locator('[data-email]').textContent()).toBe(email);
    await shot(page, '05-saml-idp-page');
    await page.click('button[value=allow]');
    await expect.poll(() => who(page)).toBe(email);
    await shot(page, '06-saml-signed-in');
    expect(seen.documents.map((u) => new URL(u).pathname)).toEqual(['/__clerk/v1/sso/fake/idp', '/']);
    expect(seen.fapi.filter((r) => r.includes('attempt_first_factor'))).toEqual([]);
    report('saml existing user', seen);
  });

  it('a new acme.test user is provisioned (sign-in → sign-up transfer) and signed in', async () => {
    const email = newEmail('saml-new', 'acme.test');
    const page = await openPlayground();
    const seen = record(page);
    await page.locator('#auth-box input[name=identifier]').fill(email);
    await page.locator('#auth-box .cl-formButtonPrimary').click();
    await page.waitForURL(/\/sso\/fake\/idp/);
    await page.click('button[value=allow]');
    await expect.poll(() => who(page)).toBe(email);
    expect(seen.fapi).toContain('POST /v1/client/sign_ups');
    report('saml new user', seen);
  });
});

describe('enterprise SSO with several connections on the email domain', () => {
  it('shows the chooser, then the chosen connection’s IdP, and back signed in', async () => {
    const email = newEmail('sso-choice', 'initech.test');
    const page = await openPlayground();
    const seen = record(page);
    await page.locator('#auth-box input[name=identifier]').fill(email);
    await page.locator('#auth-box .cl-formButtonPrimary').click();
    await expect.poll(() => title(page)).toBe('Choose your enterprise account');
    const names = await page.locator('#auth-box .cl-enterpriseConnectionButtonText').allTextContents();
    expect(names).toEqual(['Initech SAML', 'Initech Okta']);
    await shot(page, '09-enterprise-chooser');
    await page.locator('#auth-box .cl-enterpriseConnectionButton', { hasText: 'Initech Okta' }).click();
    await page.waitForURL(/\/__clerk\/v1\/sso\/fake\/idp/);
    expect(await page.locator('h1').textContent()).toBe('Initech Okta single sign-on');
    await page.click('button[value=allow]');
    await expect.poll(() => who(page)).toBe(email);
    expect(seen.documents.map((u) => new URL(u).pathname)).toEqual(['/__clerk/v1/sso/fake/idp', '/']);
    report('saml chooser new user', seen);
  });
});

describe('email link sign-in', () => {
  async function requestLink(page: Page, email: string) {
    await page.locator('#auth-box input[name=identifier]').fill(email);
    await page.locator('#auth-box .cl-formButtonPrimary').click();
    await expect.poll(() => title(page)).toBe('Check your email');
    await page.locator('#auth-box').getByRole('button', { name: 'Use another method' }).click();
    await page
      .locator('#auth-box')
      .getByRole('button', { name: `Email link to ${email}` })
      .click();
    await expect.poll(() => ctx.playground.emulator.outbox.latest(email)?.link).toMatch(/^http/);
    return ctx.playground.emulator.outbox.latest(email)!.link!;
  }

  it('on the same device: the link tab signs in through the email-link plugin, and so does the waiting tab', async () => {
    const email = newEmail('link-same');
    emulator().addUser({ emailAddress: email });
    const context = await ctx.browser.newContext();
    const page = await openPlayground(context);
    const link = await requestLink(page, email);
    const landing = await context.newPage();
    await landing.goto(link);
    await expect.poll(() => landing.evaluate(() => document.querySelector('#who')?.textContent ?? '')).toBe(email);
    // The waiting tab polls its sign-in every 2 s.
    await expect.poll(() => who(page), { timeout: 10_000 }).toBe(email);
    await shot(landing, '07-email-link-same-device');
    await context.close();
  });

  it('on another device: the link says to return to the first tab, which signs in', async () => {
    const email = newEmail('link-other');
    emulator().addUser({ emailAddress: email });
    const page = await openPlayground();
    const link = await requestLink(page, email);
    const otherDevice = await ctx.browser.newContext();
    const landing = await otherDevice.newPage();
    await landing.goto(link);
    await expect.poll(() => landing.locator('.cl-headerTitle').first().textContent()).toBe('Signed in');
    await expect.poll(() => landing.locator('.cl-headerSubtitle').first().textContent()).toBe('You can return to the original tab to continue.');
    await shot(landing, '08-email-link-other-device');
    expect(await landing.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : 'signed in'))).toBe('');
    await expect.poll(() => who(page), { timeout: 10_000 }).toBe(email);
    await otherDevice.close();
  });
});
