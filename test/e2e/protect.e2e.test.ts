// Clerk Protect in Chromium: the playground's instance gates sign-ins; the mounted <SignIn/> goes to its
// #/protect-check step, imports the emulator's fake challenge SDK from the Frontend API's origin (the
// playground's /__clerk proxy), the user presses its button, and the sign-in continues to the password.
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({ protectCheck: { signIn: true } });
const DEMO = { email: 'demo@example.com', password: 'microclerk-demo-1' };

describe('Clerk Protect (playground, fake challenge SDK)', () => {
  it('runs the challenge in <SignIn/> and continues the sign-in after it', async () => {
    const page = await ctx.newPage();
    const modules: string[] = [];
    page.on('request', (request) => void (new URL(request.url()).pathname.endsWith('/protect/sdk.js') && modules.push(new URL(request.url()).pathname)));
    await page.goto(`${ctx.playground.url}/`);
    await expect.poll(() => page.textContent('#status')).toBe('ready');
    const box = page.locator('#auth-box');
    const title = () => box.locator('.cl-headerTitle').first().textContent();
    await expect.poll(title).toMatch(/^Sign in to /);
    await box.locator('input[name=identifier]').fill(DEMO.email);
    await box.locator('.cl-formButtonPrimary').click();
    await expect.poll(title).toBe('Verification required');
    const challenge = box.locator('.cl-protectCheckContainer button[data-emulator-protect-check]');
    await challenge.waitFor();
    expect(modules).toEqual(['/__clerk/__emulator/protect/sdk.js']);
    await page.screenshot({ path: `${ARTIFACTS}/protect-check.png` });
    await challenge.click();
    await expect.poll(title).toBe('Enter your password');
    await box.locator('input[name=password]').fill(DEMO.password);
    await box.locator('.cl-formButtonPrimary').click();
    await expect
      .poll(() => page.evaluate(() => (document.querySelector<HTMLElement>('#who-box')!.hidden ? '' : document.querySelector('#who')!.textContent)), {
        timeout: 10_000,
      })
      .toBe(DEMO.email);
  });
});
