// Checks a person would do, automated: every component state rendered in Chromium at 375 and 1280 px, light and
// dark (`@clerk/themes`' `dark`), compared with the reference PNGs in test/visual/__screenshots__/ (pixelmatch), and
// axe-core on each with no serious or critical violation (light at 1280 px, dark at 375 px). One browser and one
// page walk through all states; each state is reached once, then shown at the two widths × two themes.
// `npm run test:visual:update` rewrites the references.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlaygroundBrowser } from '../e2e/browser.js';
// @ts-expect-error plain ESM module without types
import { DEMO_USER } from '../../playground/server.mjs';
import {
  FIXED_TIME,
  UPDATING,
  compareWithReference,
  componentClip,
  openHarness,
  removeStaleReferences,
  seriousAxeViolations,
  type AxeViolation,
  type Comparison,
} from './page.js';

const ctx = usePlaygroundBrowser(undefined, { now: () => FIXED_TIME });

const ADA = { emailAddress: 'ada@example.com', password: 'visual-checks-pass-1', firstName: 'Ada', lastName: 'Lovelace' };
/** No password: signing in goes straight to an emailed code. */
const CODE_USER = { emailAddress: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' };

type Clerk = {
  client: { signIn: { create(params: Record<string, unknown>): Promise<{ createdSessionId: string }> } };
  setActive(params: Record<string, unknown>): Promise<void>;
  createOrganization(params: { name: string }): Promise<{ id: string }>;
};
type Harness = { clerk: Clerk; mount(name: string, props?: Record<string, unknown>, align?: 'start' | 'end'): void; setTheme(theme: string): void };

const mount = (page: Page, name: string, props: Record<string, unknown> = {}, align: 'start' | 'end' = 'start') =>
  page.evaluate(([name, props, align]) => (window as unknown as { visual: Harness }).visual.mount(name, props, align), [name, props, align] as const);
const title = (page: Page) => page.locator('#slot .cl-headerTitle').first().textContent();

interface State {
  name: string;
  /** Brings the page from the previous state to this one and waits until it shows. */
  reach(page: Page): Promise<void>;
}

// In order: each state may build on the one before (signed out first, then Ada signed in with an organization).
const STATES: State[] = [
  {
    name: 'sign-in-start',
    reach: async (page) => {
      await mount(page, 'SignIn');
      await expect.poll(() => title(page)).toBe('Sign in to microclerk emulator');
    },
  },
  {
    name: 'sign-in-password',
    reach: async (page) => {
      await page.fill('#slot input[name=identifier]', DEMO_USER.emailAddress);
      await page.press('#slot input[name=identifier]', 'Enter');
      await expect.poll(() => title(page)).toBe('Enter your password');
    },
  },
  {
    name: 'sign-in-error',
    reach: async (page) => {
      await page.fill('#slot input[name=password]', 'not-the-password');
      await page.press('#slot input[name=password]', 'Enter');
      await page.locator('#slot [role=alert]').first().waitFor();
    },
  },
  {
    name: 'sign-in-code',
    reach: async (page) => {
      await mount(page, 'SignIn');
      await page.fill('#slot input[name=identifier]', CODE_USER.emailAddress);
      await page.press('#slot input[name=identifier]', 'Enter');
      await expect.poll(() => title(page)).toBe('Check your email');
    },
  },
  {
    name: 'sign-up-start',
    reach: async (page) => {
      await mount(page, 'SignUp');
      await expect.poll(() => title(page)).toBe('Create your account');
    },
  },
  {
    name: 'sign-up-verify',
    reach: async (page) => {
      await page.fill('#slot input[name=email_address]', 'new.user@example.com');
      await page.fill('#slot input[name=password]', 'visual-checks-pass-2');
      await page.press('#slot input[name=password]', 'Enter');
      await expect.poll(() => title(page)).toBe('Verify your email');
    },
  },
  {
    // The optional fields shown: the phone number with its country picker (a number typed with its +), and a new
    // password's live feedback.
    name: 'sign-up-phone',
    reach: async (page) => {
      await mount(page, 'SignUp', { appearance: { layout: { showOptionalFields: true } } });
      await page.locator('#slot select').waitFor({ state: 'attached' });
      await page.fill('#slot input[name=phone_number]', '+44 7700 900123');
      await page.fill('#slot input[name=password]', 'short');
      await expect.poll(() => page.locator('#slot .cl-selectButtonText').textContent()).toBe('GB');
      await expect.poll(() => page.locator('#slot .cl-formFieldInfoText__password').textContent()).toBe('Your password must contain 8 or more characters.');
    },
  },
  {
    name: 'waitlist',
    reach: async (page) => {
      await mount(page, 'Waitlist');
      await expect.poll(() => title(page)).toBe('Join the waitlist');
    },
  },
  {
    name: 'user-button',
    reach: async (page) => {
      await page.evaluate(async (ada) => {
        const clerk = (window as unknown as { visual: Harness }).visual.clerk;
        const signIn = await clerk.client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
        await clerk.setActive({ session: signIn.createdSessionId });
        const organization = await clerk.createOrganization({ name: 'Acme Rockets' });
        await clerk.setActive({ organization: organization.id });
      }, ADA);
      await mount(page, 'UserButton', { showName: true }, 'end');
      await page.locator('#slot .cl-userButtonTrigger').waitFor();
    },
  },
  {
    name: 'user-button-open',
    reach: async (page) => {
      await page.click('#slot .cl-userButtonTrigger');
      await page.locator('#slot [role=menu]').waitFor();
    },
  },
  {
    name: 'user-profile-account',
    reach: async (page) => {
      await mount(page, 'UserProfile');
      await page.locator('#slot .cl-navbarButton__account').waitFor();
      await expect.poll(() => page.locator('#slot .cl-userProfile').textContent()).toContain(ADA.emailAddress);
    },
  },
  {
    name: 'user-profile-security',
    reach: async (page) => {
      await page.click('#slot .cl-navbarButton__security');
      await expect.poll(() => page.locator('#slot .cl-navbarButton__security').getAttribute('aria-current')).toBe('page');
      await expect.poll(() => page.locator('#slot .cl-userProfile').textContent()).toContain('Chrome');
    },
  },
  {
    name: 'organization-switcher-open',
    reach: async (page) => {
      await mount(page, 'OrganizationSwitcher');
      await page.click('#slot .cl-organizationSwitcherTrigger');
      await expect.poll(() => page.locator('#slot .cl-organizationSwitcherPopoverCard').textContent()).toContain('Acme Rockets');
    },
  },
  {
    name: 'organization-profile-general',
    reach: async (page) => {
      await mount(page, 'OrganizationProfile');
      await expect.poll(() => page.locator('#slot input[name=name]').inputValue()).toBe('Acme Rockets');
    },
  },
  {
    name: 'organization-profile-members',
    reach: async (page) => {
      await page.click('#slot .cl-navbarButton__members');
      await expect.poll(() => page.locator('#slot .cl-membersList').textContent()).toContain(ADA.emailAddress);
    },
  },
  {
    name: 'invite-members',
    reach: async (page) => {
      await mount(page, 'InviteMembers');
      await expect.poll(() => page.locator('#slot select[name=invite_role]').inputValue()).toBe('org:member');
    },
  },
  {
    name: 'create-organization',
    reach: async (page) => {
      await mount(page, 'CreateOrganization');
      await page.locator('#slot input[name=name]').waitFor();
    },
  },
  {
    name: 'organization-list',
    reach: async (page) => {
      await mount(page, 'OrganizationList');
      await expect.poll(() => page.locator('#slot .cl-rootBox').textContent()).toContain('Acme Rockets');
    },
  },
];

const WIDTHS = [375, 1280] as const;
const THEMES = ['light', 'dark'] as const;

/** The text of the QR code in a PNG screenshot, or undefined. Dark modules on light only: not every phone reads inverted codes. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
}

describe('visual checks in Chromium', () => {
  let harness: Awaited<ReturnType<typeof openHarness>>;

  it(`${STATES.length} states × ${WIDTHS.length} widths × ${THEMES.length} themes match their references and pass axe-core`, { timeout: 120_000 }, async () => {
    ctx.playground.emulator.addUser(ADA);
    ctx.playground.emulator.addUser(CODE_USER);
    harness = await openHarness(ctx.browser, ctx.playground.url, ctx.playground.publishableKey);
    const { page, settle } = harness;
    const mismatches: Comparison[] = [];
    const names: string[] = [];
    const violations: Array<{ state: string; violations: AxeViolation[] }> = [];
    for (const state of STATES) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => (window as unknown as { visual: Harness }).visual.setTheme('light'));
      await state.reach(page);
      for (const theme of THEMES) {
        await page.evaluate((theme) => (window as unknown as { visual: Harness }).visual.setTheme(theme), theme);
        await page.emulateMedia({ colorScheme: theme });
        for (const width of WIDTHS) {
          const name = `${state.name}-${width}-${theme}`;
          await page.setViewportSize({ width, height: 900 });
          await settle();
          const png = await page.screenshot({ clip: await componentClip(page), fullPage: true, animations: 'disabled', caret: 'hide' });
          names.push(name);
          const comparison = compareWithReference(name, png);
          if (comparison.problem) mismatches.push(comparison);
          // axe-core on two of the four views of each state, so each state is checked in both themes and at both
          // widths (the phone layout has its own controls) at half the cost of all four.
          if ((theme === 'light') !== (width === 375)) {
            const found = await seriousAxeViolations(page);
            if (found.length) violations.push({ state: name, violations: found });
          }
        }
      }
    }
    const stale = removeStaleReferences(names);
    if (stale.length) console.log(`removed references no state wrote: ${stale.join(', ')}`);
    const listed = violations.map(
      ({ state, violations }) => `${state}:\n${violations.map((v) => `  ${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n')}`,
    );
    expect(listed, 'axe-core: serious or critical violations').toEqual([]);
    if (!UPDATING)
      expect(
        mismatches.map((m) => `${m.name}: ${m.problem}`),
        'screenshots that differ from their references',
      ).toEqual([]);
  });

  it("the TOTP QR code reads from the screenshot's pixels, light and dark", async () => {
    const { page, settle } = harness;
    await page.setViewportSize({ width: 1280, height: 900 });
    await mount(page, 'UserProfile');
    await page.click('#slot .cl-navbarButton__security');
    await page.getByRole('button', { name: 'Add two-step verification' }).click();
    await page.getByRole('menuitem', { name: 'Authenticator application' }).click();
    const uri = ((await page.locator('#slot .cl-totpUri').textContent()) ?? '').trim();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{16,}/);
    for (const theme of THEMES) {
      await page.evaluate((theme) => (window as unknown as { visual: Harness }).visual.setTheme(theme), theme);
      await settle();
      // What a phone camera sees: only the pixels, not the SVG's path data.
      expect(decodeQr(await page.locator('#slot .cl-totpQrCode').screenshot()), `QR code in ${theme}`).toBe(uri);
    }
  });
});
