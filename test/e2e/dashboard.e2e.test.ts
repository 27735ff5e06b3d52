// The emulator dashboard (/__emulator/) in Chromium next to the playground: a user created there signs
// in on the app, a code the app triggers shows up in its outbox, and a setting toggled there changes the
// environment the app reads. Screenshots go to test-artifacts/e2e/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/dashboard-${name}.png`, fullPage: true });

async function openDashboard() {
  const page = await ctx.newPage();
  await page.goto(`${ctx.playground.url}/__emulator/`);
  await page.waitForSelector('#users h2');
  return page;
}

async function openHeadless() {
  const page = await ctx.newPage();
  await page.goto(`${ctx.playground.url}/headless.html`);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

const rowTexts = (page: Page, section: string) => page.$$eval(`#${section} tbody tr`, (rows) => rows.map((r) => r.textContent ?? ''));

describe('emulator dashboard', () => {
  it('creates a user who then signs in on the app, and lists and revokes the session', async () => {
    const dashboard = await openDashboard();
    // The seeded demo user is listed.
    await expect.poll(() => rowTexts(dashboard, 'users')).toEqual([expect.stringContaining('demo@example.com')]);

    const form = dashboard.locator('form[aria-label="Create user"]');
    await form.locator('input[name=emailAddress]').fill('dash-ada@example.com');
    await form.locator('input[name=password]').fill('dashboard-pass-1');
    await form.locator('input[name=firstName]').fill('Ada');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => rowTexts(dashboard, 'users')).toContainEqual(expect.stringContaining('dash-ada@example.com'));

    // Search narrows the list.
    await dashboard.fill('#users input[type=search]', 'dash-ada');
    await expect.poll(() => rowTexts(dashboard, 'users')).toEqual([expect.stringContaining('Ada')]);

    const app = await openHeadless();
    await app.fill('#sign-in-form input[name=identifier]', 'dash-ada@example.com');
    await app.fill('#sign-in-form input[name=password]', 'dashboard-pass-1');
    await app.click('#sign-in-form button');
    await expect.poll(() => app.textContent('#user-email')).toBe('dash-ada@example.com');

    // The dashboard polls: the session appears, signed in.
    await expect.poll(() => rowTexts(dashboard, 'sessions'), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/dash-ada@example\.com.*active/));
    await shot(dashboard, '01-user-and-session');
    await dashboard.locator('#sessions tbody tr', { hasText: 'dash-ada@example.com' }).locator('button', { hasText: 'Revoke' }).click();
    await expect.poll(() => rowTexts(dashboard, 'sessions')).toContainEqual(expect.stringMatching(/dash-ada@example\.com.*revoked/));
  });

  it('shows a code the app made the emulator send, as text', async () => {
    const dashboard = await openDashboard();
    const app = await openHeadless();
    const email = `dash-new-${Date.now()}@example.com`;
    await app.fill('#sign-up-form input[name=emailAddress]', email);
    await app.fill('#sign-up-form input[name=password]', 'dashboard-pass-2');
    await app.click('#sign-up-form button');
    await app.waitForSelector('#verify-form:not([hidden])');

    const sent = ctx.playground.emulator.outbox.latest(email)!.code!;
    expect(sent).toMatch(/^\d{6}$/);
    const item = dashboard.locator('#outbox li', { hasText: email });
    await expect.poll(() => item.locator('.code').textContent(), { timeout: 10_000 }).toBe(sent);
    await shot(dashboard, '02-outbox');
    // The code from the dashboard completes the sign-up.
    await app.fill('#verify-form input[name=code]', (await item.locator('.code').textContent())!);
    await app.click('#verify-form button');
    await expect.poll(() => app.textContent('#user-email')).toBe(email);
  });

  it('signs the app in this browser in as a user ("Sign in as")', async () => {
    const app = await openHeadless();
    await app.waitForSelector('#signed-out:not([hidden])');
    // Same browser (context) as the app: the dashboard's request carries the app's dev-browser cookie.
    const dashboard = await app.context().newPage();
    await dashboard.goto(`${ctx.playground.url}/__emulator/`);
    await dashboard.waitForSelector('#users h2');
    await dashboard.locator('#users tbody tr', { hasText: 'demo@example.com' }).locator('button', { hasText: 'Sign in as' }).click();
    await expect.poll(() => rowTexts(dashboard, 'sessions')).toContainEqual(expect.stringMatching(/demo@example\.com.*active/));
    await app.reload();
    await expect.poll(() => app.textContent('#user-email')).toBe('demo@example.com');
  });

  it('applies a setting at once: the environment the app reads changes', async () => {
    const dashboard = await openDashboard();
    // As the app reads it: a development instance answers a browser that did the dev-browser handshake.
    const environment = () =>
      dashboard.evaluate(async () => {
        const devBrowser = (await (await fetch('/__clerk/v1/dev_browser', { method: 'POST' })).json()) as { id: string };
        return (await fetch(`/__clerk/v1/environment?__clerk_api_version=2025-11-10&__clerk_db_jwt=${devBrowser.id}`)).json() as Promise<any>;
      });
    expect((await environment()).organization_settings.enabled).toBe(true);
    expect((await environment()).auth_config.single_session_mode).toBe(false);

    await dashboard.uncheck('#settings input[name=organizations]');
    await expect.poll(async () => (await environment()).organization_settings.enabled).toBe(false);
    await dashboard.uncheck('#settings input[name=multi_session]');
    await expect.poll(async () => (await environment()).auth_config.single_session_mode).toBe(true);
    await dashboard.selectOption('#settings select[name=sign_up_mode]', 'waitlist');
    await expect.poll(async () => (await environment()).user_settings.sign_up.mode).toBe('waitlist');
    await shot(dashboard, '03-settings');

    // A fault switch: the app's FAPI calls fail while it is on.
    await dashboard.check('#faults input[value=status500]');
    const clientStatus = () => dashboard.evaluate(async () => (await fetch('/__clerk/v1/client', { method: 'POST' })).status);
    await expect.poll(clientStatus).toBe(500);
    await dashboard.check('#faults input[value=none]');
    await expect.poll(clientStatus).not.toBe(500);

    // And back: the switches work both ways.
    await dashboard.check('#settings input[name=organizations]');
    await dashboard.check('#settings input[name=multi_session]');
    await dashboard.selectOption('#settings select[name=sign_up_mode]', 'public');
    await expect.poll(async () => (await environment()).user_settings.sign_up.mode).toBe('public');
  });
});
