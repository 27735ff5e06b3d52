// ClerkJS's development prompt in Chromium: the playground with organizations off opens it, the user
// turns organizations on, the emulator's environment says so. Screenshots: test-artifacts/e2e/enable-organizations-*.png.
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({ organizations: false });

describe('EnableOrganizationsPrompt (Chromium)', () => {
  it('opens, turns organizations on, and shows that they are on', async () => {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${ctx.playground.url}/`);
    await expect.poll(() => page.textContent('#status')).toBe('ready');
    const answer = await page.evaluate(() =>
      (window as any).clerk.__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller: 'OrganizationSwitcher' }),
    );
    expect(answer).toEqual({ isEnabled: false });
    const prompt = page.locator('[role=dialog] .cl-enableOrganizationsPrompt');
    await prompt.waitFor();
    await expect.poll(() => prompt.locator('.cl-headerTitle').textContent()).toBe('Organizations feature required');
    await page.screenshot({ path: `${ARTIFACTS}/enable-organizations-1-required.png` });
    await prompt.getByRole('button', { name: 'Enable Organizations' }).click();
    await expect.poll(() => prompt.locator('.cl-headerTitle').textContent()).toBe('Organizations feature enabled');
    await page.screenshot({ path: `${ARTIFACTS}/enable-organizations-2-enabled.png` });
    // The Frontend API now says so: the page re-reads its environment.
    const enabled = await page.evaluate(async () => {
      const clerk = (window as any).clerk;
      await clerk.__internal_reloadInitialResources();
      return clerk.environment.organizationSettings.enabled;
    });
    expect(enabled).toBe(true);
  });
});
