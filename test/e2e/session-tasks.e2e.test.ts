// Session tasks in Chromium through the playground, on an instance that requires organizations: the demo
// user signs in with the mounted <SignIn/>, which continues into the choose-organization task (the
// session is pending: the page still shows signed-out), creates an organization, and is signed in with
// it active. Screenshots: test-artifacts/e2e/tasks-*.png.
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({ forceOrganizationSelection: true });

describe('session tasks (Chromium)', () => {
  it('sign in → choose-organization task → create an organization → signed in with it active', async () => {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${ctx.playground.url}/`);
    await expect.poll(() => page.textContent('#status')).toBe('ready');

    const signIn = page.locator('#auth-box');
    await signIn.locator('input[name=identifier]').fill('demo@example.com');
    await signIn.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
    await signIn.locator('input[name=password]').fill('microclerk-demo-1');
    await signIn.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());

    await expect.poll(() => signIn.locator('.cl-headerTitle').textContent()).toBe('Setup your organization');
    expect(new URL(page.url()).hash).toBe('#/tasks/choose-organization');
    const pending = await page.evaluate(() => {
      const clerk = (window as any).clerk;
      return { status: clerk.session?.status, task: clerk.session?.currentTask?.key, isSignedIn: clerk.isSignedIn };
    });
    expect(pending).toEqual({ status: 'pending', task: 'choose-organization', isSignedIn: false });
    // Still the signed-out page: the pending session is not signed in.
    expect(await page.locator('#signed-in').isHidden()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/tasks-choose-organization.png` });

    await signIn.locator('input[name=name]').fill('Task Rockets');
    expect(await signIn.locator('input[name=slug]').inputValue()).toBe('task-rockets');
    await signIn.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());

    await expect.poll(() => page.textContent('#who')).toBe('demo@example.com');
    await expect.poll(() => page.textContent('#active-organization')).toBe('Task Rockets');
    const done = await page.evaluate(async () => {
      const clerk = (window as any).clerk;
      const token: string = await clerk.session.getToken({ skipCache: true });
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return { status: clerk.session.status, isSignedIn: clerk.isSignedIn, sts: claims.sts, org: claims.o?.slg };
    });
    expect(done).toEqual({ status: 'active', isSignedIn: true, sts: 'active', org: 'task-rockets' });
    await page.screenshot({ path: `${ARTIFACTS}/tasks-signed-in.png` });
  });
});
