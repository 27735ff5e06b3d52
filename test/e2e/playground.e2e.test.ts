import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser();

describe('playground (headless forms) in Chromium', () => {
  it('signs up with an emailed code, reads a token, signs out and signs back in', async () => {
    const page = await ctx.newPage();
    await page.goto(`${ctx.playground.url}/`);
    await expect.poll(() => page.textContent('#status')).toBe('ready');

    const email = `e2e-${Date.now()}@example.com`;
    await page.fill('#sign-up-form input[name=emailAddress]', email);
    await page.fill('#sign-up-form input[name=password]', 'e2e-long-password-1');
    await page.click('#sign-up-form button');
    await page.waitForSelector('#verify-form:not([hidden])');
    const code = ctx.playground.emulator.outbox.latest(email)?.code;
    expect(code).toMatch(/^\d{6}$/);
    await page.fill('#verify-form input[name=code]', code!);
    await page.click('#verify-form button');
    await expect.poll(() => page.textContent('#user-email')).toBe(email);
    await page.screenshot({ path: `${ARTIFACTS}/playground-signed-in.png` });

    await page.click('#get-token');
    await expect.poll(async () => JSON.parse((await page.textContent('#token-claims')) || '{}').sid).toMatch(/^sess_/);

    await page.click('#sign-out-all');
    await page.waitForSelector('#signed-out:not([hidden])');
    await page.fill('#sign-in-form input[name=identifier]', email);
    await page.fill('#sign-in-form input[name=password]', 'wrong-password-x');
    await page.click('#sign-in-form button');
    await expect.poll(() => page.textContent('#sign-in-form .error')).toMatch(/password/i);
    await page.fill('#sign-in-form input[name=password]', 'e2e-long-password-1');
    await page.click('#sign-in-form button');
    await expect.poll(() => page.textContent('#user-email')).toBe(email);

    // A reload keeps the session: the dev-browser cookie identifies this browser to the emulator.
    await page.reload();
    await expect.poll(() => page.textContent('#user-email')).toBe(email);
    await page.screenshot({ path: `${ARTIFACTS}/playground-after-reload.png` });
  });
});
