// Passkeys and reverification in Chromium with a virtual authenticator (DevTools WebAuthn domain):
// register a passkey in <UserProfile/>, sign out, sign in with "Use passkey"; then a password change
// that FAPI answers with session_reverification_required goes through the reverification modal.
// The relying party is the emulator's (@simplewebauthn/server), so every signature is really checked.
import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({ passkeys: { enabled: true, allowAutofill: false, showSignInButton: true } });

const DEMO = { email: 'demo@example.com', password: 'microclerk-demo-1' };
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/passkeys-${name}.png`, fullPage: true });
const title = (scope: Locator) => scope.locator('.cl-headerTitle').first().textContent();
const who = (page: Page) => page.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : document.querySelector('#who')!.textContent));
type Settings = { updateSettings(partial: Record<string, unknown>): void };
const emulator = () => (ctx.playground as unknown as { emulator: Settings }).emulator;

/** A platform authenticator with resident keys and user verification, as a phone or laptop has. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** WebAuthn needs a domain as RP ID, so the page runs on `localhost` rather than 127.0.0.1. */
async function openPlayground() {
  const page = await ctx.newPage();
  await page.goto(ctx.playground.url.replace('127.0.0.1', 'localhost'));
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

async function signInWithPassword(page: Page) {
  const box = page.locator('#auth-box');
  await expect.poll(() => title(box)).toMatch(/^Sign in to /);
  await box.locator('input[name=identifier]').fill(DEMO.email);
  await box.locator('.cl-formButtonPrimary').click();
  await expect.poll(() => title(box)).toBe('Enter your password');
  await box.locator('input[name=password]').fill(DEMO.password);
  await box.locator('.cl-formButtonPrimary').click();
  await expect.poll(() => who(page)).toBe(DEMO.email);
}

async function securityPage(page: Page) {
  const profile = page.locator('#user-profile');
  await profile.locator('.cl-userProfile').waitFor();
  await profile.getByRole('button', { name: 'Security', exact: true }).click();
  return profile;
}

describe('passkeys in Chromium', () => {
  it('registers a passkey in UserProfile, renames it, signs out, and signs in with "Use passkey"', async () => {
    const page = await openPlayground();
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await signInWithPassword(page);
    const profile = await securityPage(page);
    const section = profile.locator('.cl-profileSection__passkeys');
    await section.waitFor();
    await section.getByRole('button', { name: 'Add a passkey' }).click();
    // The first ceremony loads the method bodies here and the relying-party library in the emulator.
    await expect.poll(() => section.locator('.cl-profileSectionItem__passkey').count(), { timeout: 15_000 }).toBe(1);
    // The authenticator holds the resident credential the emulator stored.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    expect(await section.locator('.cl-profileSectionItem__passkey').textContent()).toMatch(/Created .*Never used/);

    // The row's ⋯ menu, named after the passkey.
    await section.locator('.cl-profileSectionItem__passkey [aria-haspopup=menu]').click();
    await section.getByRole('menuitem', { name: /^Rename: / }).click();
    await section.locator('input[name=name]').fill('Work laptop');
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => section.locator('.cl-profileSectionItem__passkey strong').textContent()).toBe('Work laptop');
    await section.scrollIntoViewIfNeeded();
    await shot(page, '01-profile-passkeys-section');

    await page.click('#user-button .cl-userButtonTrigger');
    await page.locator('#user-button [role=menu]').getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => who(page)).toBe('');

    const box = page.locator('#auth-box');
    await expect.poll(() => title(box)).toMatch(/^Sign in to /);
    expect(await box.locator('input[name=identifier]').getAttribute('autocomplete')).toBe('username webauthn');
    await shot(page, '02-sign-in-with-passkey-button');
    await box.getByRole('button', { name: 'Use passkey instead' }).click();
    await expect.poll(() => who(page), { timeout: 10_000 }).toBe(DEMO.email);
    // The sign-in used the passkey: its signature counter moved and FAPI reports it as used.
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0].signCount).toBeGreaterThan(credentials[0].signCount);
    const lastUsed = await page.evaluate(() => (window as any).clerk.user.passkeys[0].lastUsedAt instanceof Date);
    expect(lastUsed).toBe(true);

    // Remove it again: the list is empty and FAPI no longer offers the passkey factor.
    const again = await securityPage(page);
    await again.locator('.cl-profileSectionItem__passkey [aria-haspopup=menu]').click();
    await again.locator('.cl-profileSection__passkeys').getByRole('menuitem', { name: 'Remove: Work laptop' }).click();
    await expect.poll(() => again.locator('.cl-profileSectionItem__passkey').count()).toBe(0);
    await page.close();
  });

  it('asks for reverification before a password change, then changes it', async () => {
    const page = await openPlayground();
    await signInWithPassword(page);
    // Sensitive actions need a verification younger than 3 s; wait past it.
    emulator().updateSettings({ reverification: { maxAgeMinutes: 0.05, level: 'first_factor' } });
    await page.waitForTimeout(3200);
    try {
      const profile = await securityPage(page);
      const password = profile.locator('.cl-profileSection__password');
      await password.getByRole('button', { name: 'Update password' }).click();
      await password.locator('input[name=current_password]').fill(DEMO.password);
      await password.locator('input[name=new_password]').fill('microclerk-demo-2');
      await password.locator('input[name=confirm_password]').fill('microclerk-demo-2');
      await password.locator('.cl-formButtonPrimary').click();

      const modal = page.locator('[role=dialog]');
      await modal.waitFor();
      await expect.poll(() => title(modal)).toBe('Enter your password');
      await shot(page, '03-reverification-modal');
      await modal.locator('input[name=password]').fill(DEMO.password);
      await modal.locator('.cl-formButtonPrimary').click();
      await expect.poll(() => page.locator('[role=dialog]').count()).toBe(0);
      // The action was retried after the verification and succeeded.
      await expect.poll(() => password.locator('.cl-formFieldSuccessText').count()).toBe(1);
      const age = await page.evaluate(() => (window as any).clerk.session.factorVerificationAge);
      expect(age[0]).toBe(0);
    } finally {
      emulator().updateSettings({ reverification: { maxAgeMinutes: null } });
    }
    await page.close();
  });
});
