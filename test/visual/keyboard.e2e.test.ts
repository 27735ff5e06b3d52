// Keyboard only (Tab, Enter, Escape and typing): sign in with identifier and password, sign up with the emailed
// code, and open the profile from <UserButton/> and close it. Each step asserts where the focus is.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePlaygroundBrowser } from '../e2e/browser.js';
// @ts-expect-error plain ESM module without types
import { DEMO_USER } from '../../playground/server.mjs';
import { FIXED_TIME, openHarness } from './page.js';

// The harness fixes the page's clock; the emulator's is fixed to the same time so both agree on token lifetimes.
const ctx = usePlaygroundBrowser(undefined, { now: () => FIXED_TIME });
let page: Page;

const mount = (name: string, props: Record<string, unknown> = {}) =>
  page.evaluate(([name, props]) => (window as any).visual.mount(name, props), [name, props] as const);
const title = () => page.locator('#slot .cl-headerTitle').first().textContent();
const signedInAs = () => page.evaluate(() => ((window as any).visual.clerk.user?.primaryEmailAddress?.emailAddress as string | undefined) ?? null);

/** Where the focus is: `name` of a field, `role`, the Clerk class, and whether it is inside the mounted component or a dialog. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      name: el?.getAttribute('name') ?? null,
      role: el?.getAttribute('role') ?? null,
      classes: el?.className ?? '',
      text: el?.textContent?.trim() ?? '',
      inSlot: !!el?.closest('#slot'),
      inDialog: !!el?.closest('[role=dialog]'),
      visible: !!el && el !== document.body && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    };
  });

/** Presses Tab until the focused element satisfies `reached` (at most `max` times); every stop must be inside the component. */
async function tabTo(reached: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 12) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    expect(now.inSlot || now.inDialog, `Tab #${i + 1} on the way to ${what} left the component (${now.tag}.${now.classes})`).toBe(true);
    expect(now.visible, `Tab #${i + 1} on the way to ${what} is on an invisible element (${now.tag}.${now.classes})`).toBe(true);
    if (reached(now)) return;
  }
  throw new Error(`${what} not reached with ${max} presses of Tab`);
}

async function emailedCode(to: string): Promise<string> {
  await expect.poll(() => ctx.playground.emulator.outbox.latest(to)?.code).toMatch(/^\d{6}$/);
  return ctx.playground.emulator.outbox.latest(to)!.code!;
}

/** Starts from the link before the component, as a keyboard user coming from the page's header would. */
const focusPageStart = () => page.focus('#page-start');

describe('keyboard only, in Chromium', () => {
  beforeAll(async () => {
    ({ page } = await openHarness(ctx.browser, ctx.playground.url, ctx.playground.publishableKey));
  });

  it('signs in: Tab to the identifier, Enter, the password step takes the focus, a wrong password keeps it, Enter signs in', async () => {
    await mount('SignIn');
    await expect.poll(title).toBe('Sign in to microclerk emulator');
    await focusPageStart();
    await tabTo((f) => f.name === 'identifier', 'the identifier field');
    await page.keyboard.type(DEMO_USER.emailAddress);
    await page.keyboard.press('Enter');
    await expect.poll(title).toBe('Enter your password');
    await expect.poll(async () => (await focused()).name).toBe('password');

    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.locator('#slot [role=alert]').first().waitFor();
    expect((await focused()).name, 'focus after a wrong password').toBe('password');

    // Select what was typed and type over it, as a person would (Ctrl+A is a keyboard shortcut, not a pointer).
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO_USER.password);
    await page.keyboard.press('Enter');
    await expect.poll(signedInAs).toBe(DEMO_USER.emailAddress);
    await page.evaluate(() => (window as any).visual.clerk.signOut());
    await expect.poll(signedInAs).toBe(null);
  });

  it('signs up: Tab through the form, Enter, the code step takes the focus, the emailed code signs up', async () => {
    const email = `keyboard-${Date.now()}@example.com`;
    await mount('SignUp');
    await expect.poll(title).toBe('Create your account');
    await focusPageStart();
    await tabTo((f) => f.name === 'email_address', 'the email field');
    await page.keyboard.type(email);
    await tabTo((f) => f.name === 'password', 'the password field');
    await page.keyboard.type('keyboard-pass-123');
    await page.keyboard.press('Enter');
    await expect.poll(title).toBe('Verify your email');
    await expect.poll(async () => (await focused()).inSlot && (await focused()).tag === 'input').toBe(true);
    await page.keyboard.type(await emailedCode(email));
    // The code submits itself when complete; Enter does it where it does not.
    await page.waitForTimeout(300);
    if (!(await signedInAs())) await page.keyboard.press('Enter');
    await expect.poll(signedInAs).toBe(email);
  });

  it('opens the profile from <UserButton/> with Enter and closes it with Escape; the focus goes back to the button', async () => {
    // Signed in (by the sign-up above, or here when this test runs alone).
    await page.evaluate(async (user) => {
      const clerk = (window as any).visual.clerk;
      if (clerk.user) return;
      const signIn = await clerk.client.signIn.create({ identifier: user.emailAddress, password: user.password });
      await clerk.setActive({ session: signIn.createdSessionId });
    }, DEMO_USER);
    await mount('UserButton');
    await page.locator('#slot .cl-userButtonTrigger').waitFor();
    await focusPageStart();
    await tabTo((f) => f.classes.includes('cl-userButtonTrigger'), 'the user button');
    await page.keyboard.press('Enter');
    await page.locator('#slot [role=menu]').waitFor();
    // The menu takes the focus on its first item, "Manage account".
    await expect.poll(async () => (await focused()).role).toBe('menuitem');
    expect((await focused()).text).toBe('Manage account');
    await page.keyboard.press('Enter');
    const dialog = page.locator('[role=dialog]');
    await dialog.locator('.cl-userProfile').waitFor();
    await expect.poll(async () => (await focused()).inDialog).toBe(true);
    expect((await focused()).visible, 'the dialog focuses something visible').toBe(true);
    // Tab stays inside the modal.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect((await focused()).inDialog, `Tab #${i + 1} left the profile dialog`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await focused()).classes).toContain('cl-userButtonTrigger');
  });
});
