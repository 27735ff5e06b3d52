// Google One Tap in Chromium: the playground loads the emulator's stand-in Google Identity Services
// (googleOneTapScriptUrl), the prompt lists the fake Google accounts, and picking one signs in or up.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser();
const PROMPT = '#microclerk-emulator-gsi-prompt';

async function openPlayground() {
  const page = await ctx.newPage();
  await page.goto(`${ctx.playground.url}/`);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

const who = (page: Page) => page.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : document.querySelector('#who')!.textContent));

describe('Google One Tap (playground, stand-in GIS)', () => {
  it('opens the prompt from the stand-in script, picks a fake Google account, and ends signed in', async () => {
    const page = await openPlayground();
    const scripts: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname)));
    await page.click('#open-one-tap');
    const account = page.locator(`${PROMPT} button[data-email="google-user@example.com"]`);
    await account.waitFor();
    expect(scripts).toContain('/__clerk/__emulator/gsi/client');
    expect(await page.locator(PROMPT).textContent()).toContain('Sign in to microclerk emulator with Google');
    await page.screenshot({ path: `${ARTIFACTS}/one-tap-prompt.png` });
    await account.click();
    await expect.poll(() => who(page), { timeout: 10_000 }).toBe('google-user@example.com');
    expect(await page.locator(PROMPT).count()).toBe(0);
    // Signed in: the One Tap button is gone and opening it again shows nothing.
    expect(await page.isHidden('#open-one-tap')).toBe(true);
    await page.evaluate(() => (window as unknown as { clerk: { openGoogleOneTap(): void } }).clerk.openGoogleOneTap());
    await page.waitForTimeout(300);
    expect(await page.locator(PROMPT).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/one-tap-signed-in.png` });

    // The same Google account in a fresh browser: now a returning user, signed in (not a second sign-up).
    const again = await openPlayground();
    await again.click('#open-one-tap');
    await again.locator(`${PROMPT} button[data-email="google-user@example.com"]`).click();
    await expect.poll(() => who(again), { timeout: 10_000 }).toBe('google-user@example.com');
  });

  it('closes on the prompt’s close button without signing in', async () => {
    const page = await openPlayground();
    await page.click('#open-one-tap');
    await page.locator(`${PROMPT} button[aria-label=Close]`).click();
    expect(await page.locator(PROMPT).count()).toBe(0);
    expect(await who(page)).toBe('');
  });
});
