// Organizations in Chromium through the playground: A creates an organization and manages it in
// <OrganizationProfile/>, B accepts an emailed invitation in another browser, A promotes B, B's session
// token follows its organization switches, B leaves, A deletes the organization. Every profile page is
// screenshotted at 1280 and 375 px (test-artifacts/e2e/org-*.png) and may not scroll sideways on a phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser();
const PASSWORD = 'e2e-long-password-1';
// Short addresses: the playground's side panel greets the user by address and does not wrap it.
const stamp = Date.now() % 100_000;
const A = `a${stamp}@ex.com`;
const B = `b${stamp}@ex.com`;
const ORG_NAME = 'Acme Rockets';

const outbox = () => ctx.playground.emulator.outbox as unknown as { latest(to?: string): { code?: string; text?: string; purpose?: string } | undefined };

async function openPlayground(width: number) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${ctx.playground.url}/`);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return page;
}

/** Signs up `email` from the page with the headless API, verifying the emailed code. */
async function signUp(page: Page, email: string) {
  await page.evaluate(
    async ({ email, password }) => {
      const clerk = (window as any).clerk;
      await clerk.client.signUp.create({ emailAddress: email, password });
      await clerk.client.signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
    },
    { email, password: PASSWORD },
  );
  await expect.poll(() => outbox().latest(email)?.code).toMatch(/^\d{6}$/);
  const code = outbox().latest(email)!.code!;
  await page.evaluate(async (code) => {
    const clerk = (window as any).clerk;
    const signUp = await clerk.client.signUp.attemptEmailAddressVerification({ code });
    await clerk.setActive({ session: signUp.createdSessionId });
  }, code);
  await expect.poll(() => page.textContent('#who')).toBe(email);
}

/** The session token's claims, decoded in the page. */
const claims = (page: Page) =>
  page.evaluate(async () => {
    const token: string = await (window as any).clerk.session.getToken({ skipCache: true });
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  });

const profile = (page: Page) => page.locator('[role=dialog] .cl-organizationProfile');

async function openProfile(page: Page) {
  await page.click('#manage-organization');
  await profile(page).waitFor();
}

async function goTo(page: Page, id: string) {
  await profile(page).locator(`.cl-navbarButton__${id}`).click();
  await expect.poll(() => profile(page).locator(`.cl-navbarButton__${id}`).getAttribute('aria-current')).toBe('page');
}

/** Screenshot of the current page of the profile; on phones, nothing may overflow sideways. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(150);
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.map((el) => `${el.tagName}.${el.className}#${el.id}`).slice(0, 5) };
  });
  expect(overflow.scrollWidth, `${name}: page scrolls sideways (${overflow.wide.join(' | ')})`).toBeLessThanOrEqual(overflow.clientWidth);
  expect(overflow.wide, `${name}: elements past the right edge`).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/org-${name}.png`, fullPage: true });
}

const memberRow = (page: Page, email: string) => profile(page).locator('.cl-membersList .cl-memberRow', { hasText: email });

describe('organizations in the playground', () => {
  it('create, invite, accept, promote, switch, leave, delete — with screenshots at 1280 and 375 px', { timeout: 120_000 }, async () => {
    const a = await openPlayground(1280);
    await signUp(a, A);
    const orgId = await a.evaluate(async (name) => {
      const clerk = (window as any).clerk;
      const organization = await clerk.createOrganization({ name });
      await clerk.setActive({ organization: organization.id });
      return organization.id as string;
    }, ORG_NAME);
    await expect.poll(() => a.textContent('#active-organization')).toBe(ORG_NAME);

    await openProfile(a);
    await expect.poll(() => profile(a).locator('input[name=name]').inputValue()).toBe(ORG_NAME);
    await shot(a, '1280-general');

    // A invites B as a member.
    await goTo(a, 'members');
    const invite = profile(a).locator('.cl-profileSection__invite');
    await expect.poll(() => invite.locator('select[name=invite_role] option').count()).toBe(2);
    await invite.locator('input[name=email_address]').fill(B);
    await invite.locator('select[name=invite_role]').selectOption('org:member');
    await invite.locator('.cl-formButtonPrimary').click();
    await expect.poll(() => invite.locator('.cl-formFieldSuccessText').textContent()).toContain(B);
    await shot(a, '1280-members');
    await profile(a).locator('.cl-membersTab__invitations').click();
    await expect.poll(() => profile(a).locator('.cl-memberRow__invitation').textContent()).toContain(B);
    await shot(a, '1280-invitations');
    await goTo(a, 'domains');
    await profile(a).locator('.cl-action__addDomain').click();
    await profile(a).locator('input[name=name]').fill('acme-rockets.test');
    await profile(a).locator('.cl-profileSection__domains .cl-formButtonPrimary').click();
    await expect.poll(() => profile(a).locator('[data-domain="acme-rockets.test"]').textContent()).toContain('Unverified');
    await shot(a, '1280-domains');

    // B finds the invitation in the outbox, signs up with that address in another browser and accepts it.
    const mail = outbox().latest(B);
    expect(mail?.purpose).toBe('organization_invitation');
    expect(mail?.text).toContain(ORG_NAME);
    const b = await openPlayground(1280);
    await signUp(b, B);
    const accepted = await b.evaluate(async () => {
      const clerk = (window as any).clerk;
      const invitations = await clerk.user.getOrganizationInvitations();
      const invitation = await invitations.data[0].accept();
      return { status: invitation.status, organization: invitation.publicOrganizationData.name };
    });
    expect(accepted).toEqual({ status: 'accepted', organization: ORG_NAME });

    // A promotes B on the Members page.
    await goTo(a, 'members');
    await expect.poll(() => memberRow(a, B).count()).toBe(1);
    await memberRow(a, B).locator('select').selectOption('org:admin');
    await expect
      .poll(() =>
        a.evaluate(async (email) => {
          const members = await (window as any).clerk.organization.getMemberships();
          return members.data.find((m: any) => m.publicUserData.identifier === email)?.role;
        }, B),
      )
      .toBe('org:admin');

    // B switches between its own organization and A's; the token's `o` claim follows.
    const own = await b.evaluate(async () => {
      const clerk = (window as any).clerk;
      const organization = await clerk.createOrganization({ name: 'B Side Projects' });
      await clerk.setActive({ organization: organization.id });
      return organization.id as string;
    });
    expect((await claims(b)).o).toMatchObject({ id: own, rol: 'admin' });
    await b.evaluate((id) => (window as any).clerk.setActive({ organization: id }), orgId);
    const promoted = await claims(b);
    expect(promoted.o).toMatchObject({ id: orgId, rol: 'admin' });
    expect(promoted.fea).toContain('o:sys_memberships');
    await b.evaluate(() => (window as any).clerk.setActive({ organization: null }));
    expect((await claims(b)).o).toBeUndefined();
    await b.evaluate((id) => (window as any).clerk.setActive({ organization: id }), orgId);
    await expect.poll(() => b.textContent('#active-organization')).toBe(ORG_NAME);

    // B leaves through its own OrganizationProfile.
    await openProfile(b);
    await profile(b).locator('.cl-action__leave').click();
    await profile(b).locator('.cl-action__confirmLeave').click();
    await expect.poll(() => b.evaluate(() => (window as any).clerk.user.organizationMemberships.map((m: any) => m.organization.id))).toEqual([own]);
    await expect.poll(() => b.evaluate(() => document.querySelector('[role=dialog]') === null)).toBe(true);
    expect((await claims(b)).o).toBeUndefined();

    // The phone layout of every page, then A deletes the organization.
    await a.setViewportSize({ width: 375, height: 800 });
    await goTo(a, 'general');
    await shot(a, '375-general');
    await goTo(a, 'members');
    await expect.poll(() => profile(a).locator('.cl-membersList .cl-memberRow').count()).toBe(1);
    await shot(a, '375-members');
    await profile(a).locator('.cl-membersTab__invitations').click();
    await shot(a, '375-invitations');
    await goTo(a, 'domains');
    await expect.poll(() => profile(a).locator('[data-domain]').count()).toBe(1);
    await shot(a, '375-domains');

    await goTo(a, 'general');
    await profile(a).locator('.cl-action__deleteOrganization').click();
    await profile(a).locator('input[name=delete_confirmation]').fill(ORG_NAME);
    await shot(a, '375-delete-confirm');
    await profile(a).locator('.cl-profileSection__danger .cl-formButtonPrimary').click();
    await expect.poll(() => a.evaluate(() => (window as any).clerk.organization)).toBeNull();
    await expect.poll(() => a.evaluate(() => (window as any).clerk.user.organizationMemberships.length)).toBe(0);
    await expect.poll(() => a.evaluate(() => document.querySelector('#organization-panel')!.hasAttribute('hidden'))).toBe(true);
    expect((await claims(a)).o).toBeUndefined();
  });
});
