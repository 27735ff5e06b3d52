// The playground in Chromium: the components page (full preset + the example third-party plugin) and
// the headless page. Every step asserts what the user sees; screenshots go to test-artifacts/e2e/.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { totpCode } from '../../emulator/index.js';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser();

const PASSWORD = 'e2e-long-password-1';
const DEMO = { email: 'demo@example.com', password: 'microclerk-demo-1' };
let unique = 0;
const newEmail = (tag: string) => `e2e-${tag}-${Date.now()}-${++unique}@example.com`;

/** The text of the QR code in a PNG screenshot, or undefined when no QR code can be read from its pixels. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/playground-${name}.png`, fullPage: true });

async function openPlayground(path = '/') {
  const page = await ctx.newPage();
  await page.goto(`${ctx.playground.url}${path}`);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

/** The "signed in as" text in the header, or '' while it is hidden. */
const who = (page: Page) => page.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : document.querySelector('#who')!.textContent));
const title = (scope: Locator) => scope.locator('.cl-headerTitle').first().textContent();
const activeName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.id ?? '');

async function emailedCode(to: string): Promise<string> {
  await expect.poll(() => ctx.playground.emulator.outbox.latest(to)?.code).toMatch(/^\d{6}$/);
  return ctx.playground.emulator.outbox.latest(to)!.code!;
}

/** Signs up through the mounted <SignUp/> ("Show the sign-up form instead"), verifying the emailed code. */
async function signUpThroughMountedSignUp(page: Page, email: string, screenshots = false) {
  await page.click('#show-sign-up');
  const box = page.locator('#auth-box');
  await expect.poll(() => title(box)).toBe('Create your account');
  expect(new URL(page.url()).searchParams.get('view')).toBe('sign-up');
  await box.locator('input[name=email_address]').fill(email);
  await box.locator('input[name=password]').fill(PASSWORD);
  if (screenshots) await shot(page, '01-sign-up-form');
  await box.locator('.cl-formButtonPrimary').click();
  await expect.poll(() => title(box)).toBe('Verify your email');
  const code = await emailedCode(email);
  await box.locator('input[name=code]').fill(code);
  await expect.poll(() => who(page)).toBe(email);
  return code;
}

/** Opens the <UserButton/> menu in the header. */
async function userMenu(page: Page) {
  await page.click('#user-button .cl-userButtonTrigger');
  const menu = page.locator('#user-button [role=menu]');
  await menu.waitFor();
  return menu;
}

/** Signs in through the mounted <SignIn/>: identifier, password, and a TOTP code when the account has one. */
async function signInThroughMountedSignIn(page: Page, identifier: string, password: string, totpSecret?: string) {
  const box = page.locator('#auth-box');
  await expect.poll(() => title(box)).toMatch(/^Sign in to /);
  await box.locator('input[name=identifier]').fill(identifier);
  await box.locator('.cl-formButtonPrimary').click();
  await expect.poll(() => title(box)).toBe('Enter your password');
  await box.locator('input[name=password]').fill(password);
  await box.locator('.cl-formButtonPrimary').click();
  if (totpSecret) {
    await expect.poll(() => title(box)).toBe('Two-step verification');
    await box.locator('input[name=code]').fill(totpCode(totpSecret, Date.now()));
  }
}

describe('playground components page in Chromium', () => {
  it('signs up through <SignUp/>, signs out through <UserButton/>, signs in through the keyboard-driven modal', async () => {
    const page = await openPlayground();
    const email = newEmail('auth');
    await expect.poll(() => title(page.locator('#auth-box'))).toBe('Sign in to microclerk emulator');
    // The example third-party component is mounted and follows the auth state.
    await expect.poll(() => page.textContent('#greeting .cl-headerTitle')).toBe('Hello!');
    await shot(page, '00-signed-out');

    const code = await signUpThroughMountedSignUp(page, email, true);
    await page.locator('#user-button .cl-userButtonTrigger').waitFor();
    expect(await page.isVisible('#auth')).toBe(false);
    await expect.poll(() => page.textContent('#greeting .cl-headerTitle')).toBe(`Hello, ${email}!`);
    // The outbox panel (polled every 2 s) lists the code that was sent.
    await expect.poll(() => page.textContent('#outbox'), { timeout: 5000 }).toContain(`${email} ${code}`);
    await shot(page, '02-signed-up');

    await page.click('#get-token');
    await expect.poll(async () => JSON.parse((await page.textContent('#token-claims')) || '{}').sid).toMatch(/^sess_/);

    const menu = await userMenu(page);
    expect(await menu.textContent()).toContain(email);
    await shot(page, '03-user-button-menu');
    await menu.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => who(page)).toBe('');
    await expect.poll(() => title(page.locator('#auth-box'))).toMatch(/^Sign in to /);
    expect(await page.locator('#user-button .cl-userButtonTrigger').count()).toBe(0);
    expect(await page.isVisible('#signed-in')).toBe(false);

    // The sign-up modal, and its footer link that swaps it for the sign-in modal; × closes it.
    await page.click('#open-sign-up');
    const dialog = page.locator('[role=dialog]');
    await expect.poll(() => title(dialog)).toBe('Create your account');
    await dialog.getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => title(dialog)).toMatch(/^Sign in to /);
    expect(await dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // The modal, by keyboard: focus moves in, Tab cycles inside, Escape closes and focus returns to the opener.
    await page.focus('#open-sign-in');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => activeName(page)).toBe('identifier');
    const visited = new Set<string>();
    let wrapped = false;
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return active?.closest('[role=dialog]') ? `${active.tagName}:${active.className}:${active.textContent}` : null;
      });
      expect(inside, `Tab #${i + 1} left the dialog`).not.toBeNull();
      if (visited.has(inside!)) wrapped = true;
      visited.add(inside!);
    }
    expect(visited.size).toBeGreaterThanOrEqual(4);
    expect(wrapped).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);
    expect(await page.evaluate(() => document.body.style.overflow)).toBe('hidden');
    await shot(page, '04-sign-in-modal');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-sign-in');
    expect(await page.evaluate(() => document.body.style.overflow)).toBe('');

    // Again, this time signing in, keyboard only.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => activeName(page)).toBe('identifier');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await expect.poll(() => title(dialog)).toBe('Enter your password');
    // Each step moves focus to its first field, also for steps rendered after page load.
    await expect.poll(() => activeName(page)).toBe('password');
    await page.keyboard.type('wrong-password-123');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('[role=alert]').first().textContent()).toMatch(/password/i);
    await shot(page, '05-sign-in-modal-wrong-password');
    await page.fill('[role=dialog] input[name=password]', PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => who(page)).toBe(email);
    await page.locator('#user-button .cl-userButtonTrigger').waitFor();
    await shot(page, '06-signed-in-through-modal');
  });

  it('edits the profile, adds and verifies an email, makes it primary, sets up TOTP, and juggles two accounts', async () => {
    const page = await openPlayground();
    const email = newEmail('profile');
    const second = newEmail('second');
    await signUpThroughMountedSignUp(page, email);
    const profile = page.locator('#user-profile');
    await profile.locator('.cl-userProfile').waitFor();

    // First name, through the profile row's "Update profile" form.
    await profile.getByRole('button', { name: 'Update profile' }).click();
    await profile.locator('input[name=first_name]').fill('Ada');
    await profile.locator('input[name=last_name]').fill('Lovelace');
    await profile.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => profile.locator('.cl-formFieldSuccessText').textContent()).toBe('Your profile has been updated.');
    await expect.poll(() => page.textContent('#greeting .cl-headerTitle')).toBe('Hello, Ada!');
    await expect.poll(() => page.textContent('#user-button .cl-userButtonOuterIdentifier')).toBe('Ada Lovelace');
    await shot(page, '10-profile-name-saved');

    // A second email address, verified with the emailed code, then primary.
    await profile.getByRole('button', { name: 'Add email address' }).click();
    await profile.locator('input[name=email_address]').fill(second);
    await profile.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => profile.textContent()).toContain(`Enter the verification code sent to ${second}`);
    const secondRow = profile.locator('.cl-profileSectionItem__email_address', { hasText: second });
    expect(await secondRow.textContent()).toContain('Unverified');
    const secondCode = await emailedCode(second);
    await expect.poll(() => page.textContent('#outbox li:first-child'), { timeout: 5000 }).toBe(`${second} ${secondCode}`);
    await profile.locator('input[name=code]').fill(secondCode);
    await expect.poll(() => secondRow.textContent()).not.toContain('Unverified');
    await secondRow.getByRole('button', { name: `More actions: ${second}` }).click();
    await secondRow.getByRole('menuitem', { name: `Set as primary: ${second}` }).click();
    await expect.poll(() => secondRow.textContent()).toContain('Primary');
    await expect.poll(() => who(page)).toBe(second);
    expect(await profile.locator('.cl-profileSectionItem__email_address', { hasText: email }).textContent()).not.toContain('Primary');
    await shot(page, '11-profile-second-email-primary');

    // TOTP: the secret is on the page; the test computes the code like an authenticator app.
    await profile.getByRole('button', { name: 'Security', exact: true }).click();
    await profile.getByRole('button', { name: 'Add two-step verification' }).click();
    await profile.getByRole('menuitem', { name: 'Authenticator application' }).click();
    const secret = ((await profile.locator('.cl-totpSecret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await profile.locator('.cl-totpUri').textContent()).toMatch(/^otpauth:\/\/totp\//);
    await shot(page, '12-totp-setup');
    // What a phone camera sees: the QR code decoded from the screenshot's pixels carries the setup link.
    expect(decodeQr(await profile.locator('.cl-totpQrCode').screenshot())).toBe((await profile.locator('.cl-totpUri').textContent())?.trim());
    await profile.locator('.cl-totpSetup input[name=code]').fill('000000' === totpCode(secret, Date.now()) ? '111111' : '000000');
    await expect.poll(() => profile.locator('.cl-totpSetup [role=alert]').count()).toBeGreaterThan(0);
    await profile.locator('.cl-totpSetup input[name=code]').fill(totpCode(secret, Date.now()));
    await expect.poll(() => profile.locator('.cl-profileSectionItem__totp').count()).toBe(1);
    expect(await profile.locator('.cl-backupCodes li').count()).toBeGreaterThan(0);
    await shot(page, '13-totp-enabled');

    // "Manage account" opens the profile modal; at 375 px nothing scrolls sideways; Escape hands focus back to the trigger.
    await page.setViewportSize({ width: 375, height: 800 });
    await (await userMenu(page)).getByRole('menuitem', { name: 'Manage account' }).click();
    const profileModal = page.locator('[role=dialog] .cl-userProfile');
    await profileModal.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null && document.activeElement?.tagName !== 'INPUT')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, '13b-profile-modal-375');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role=dialog]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cl-userButtonTrigger'))).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Multi-session: "Add account" leads to this page's <SignIn/> while staying signed in.
    await (await userMenu(page)).getByRole('menuitem', { name: 'Add account' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('sign-in');
    expect(await page.isVisible('#adding-account')).toBe(true);
    await signInThroughMountedSignIn(page, DEMO.email, DEMO.password);
    await expect.poll(() => who(page)).toBe(DEMO.email);
    expect(await page.isVisible('#auth')).toBe(false);

    let menu = await userMenu(page);
    const switchTo = menu.locator('.cl-userButtonPopoverActionButton__switchSession');
    expect(await switchTo.count()).toBe(1);
    expect(await switchTo.textContent()).toContain(second);
    await shot(page, '14-multi-session-menu');
    await switchTo.click();
    await expect.poll(() => who(page)).toBe(second);
    await expect.poll(() => page.textContent('#greeting .cl-headerTitle')).toBe('Hello, Ada!');

    // Sign out of the current account only: the other stays signed in and is offered.
    menu = await userMenu(page);
    await menu.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => who(page)).toBe('');
    const chooser = page.locator('#account-chooser');
    await expect.poll(() => chooser.isVisible()).toBe(true);
    await expect.poll(() => page.locator('#remaining-sessions li').count()).toBe(1);
    await shot(page, '15-signed-out-of-one');
    await chooser.getByRole('button', { name: `Continue as ${DEMO.email}` }).click();
    await expect.poll(() => who(page)).toBe(DEMO.email);

    // Back in as the first account, which now asks for the TOTP code.
    await (await userMenu(page)).getByRole('menuitem', { name: 'Add account' }).click();
    await signInThroughMountedSignIn(page, second, PASSWORD, secret);
    await expect.poll(() => who(page)).toBe(second);

    // Sign out of all accounts.
    menu = await userMenu(page);
    expect(await menu.locator('.cl-userButtonPopoverActionButton__switchSession').textContent()).toContain(DEMO.email);
    await menu.getByRole('menuitem', { name: 'Sign out of all accounts' }).click();
    await expect.poll(() => who(page)).toBe('');
    await expect.poll(() => title(page.locator('#auth-box'))).toMatch(/^Sign in to /);
    expect(await chooser.isVisible()).toBe(false);
    expect(await page.locator('#user-button .cl-userButtonTrigger').count()).toBe(0);
    await expect.poll(() => page.textContent('#greeting .cl-headerTitle')).toBe('Hello!');
    await shot(page, '16-signed-out-of-all');
  });
});

describe('playground headless page in Chromium', () => {
  it('signs up with an emailed code, reads a token, signs out and signs back in', async () => {
    const page = await openPlayground('/headless.html');
    expect(await page.getAttribute('a[href="/"]', 'href')).toBe('/');

    const email = newEmail('headless');
    await page.fill('#sign-up-form input[name=emailAddress]', email);
    await page.fill('#sign-up-form input[name=password]', PASSWORD);
    await page.click('#sign-up-form button');
    await page.waitForSelector('#verify-form:not([hidden])');
    await page.fill('#verify-form input[name=code]', await emailedCode(email));
    await page.click('#verify-form button');
    await expect.poll(() => page.textContent('#user-email')).toBe(email);
    await shot(page, 'headless-signed-in');

    await page.click('#get-token');
    await expect.poll(async () => JSON.parse((await page.textContent('#token-claims')) || '{}').sid).toMatch(/^sess_/);

    // signOut() leaves with a full page load to /headless.html (no router on this page): wait for it,
    // or the form below could be filled in the page that is going away.
    const reloaded = page.waitForEvent('load');
    await page.click('#sign-out-all');
    await reloaded;
    await expect.poll(() => page.textContent('#status')).toBe('ready');
    await page.waitForSelector('#signed-out:not([hidden])');
    expect(new URL(page.url()).pathname).toBe('/headless.html');
    await page.fill('#sign-in-form input[name=identifier]', email);
    await page.fill('#sign-in-form input[name=password]', 'wrong-password-x');
    await page.click('#sign-in-form button');
    await expect.poll(() => page.textContent('#sign-in-form .error')).toMatch(/password/i);
    await page.fill('#sign-in-form input[name=password]', PASSWORD);
    await page.click('#sign-in-form button');
    await expect.poll(() => page.textContent('#user-email')).toBe(email);

    // A reload keeps the session: the dev-browser cookie identifies this browser to the emulator.
    await page.reload();
    await expect.poll(() => page.textContent('#user-email')).toBe(email);
    await shot(page, 'headless-after-reload');
  });
});
