import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { memoryNavigation } from '../navigation/index.js';
import { emailLinkPlugin, EmailLinkErrorCodeStatus, isEmailLinkError } from './index.js';

const APP = 'http://localhost:3000';
const LANDING = `${APP}/verify`;
const CAROL = { emailAddress: 'carol@example.com', password: 'correct horse battery staple' };
let skew = 0;
const emulator = useEmulator({ seed: { users: [CAROL] }, now: () => Date.now() + skew });
const tabs: Array<{ destroy(): void }> = [];

/** One page of the app in Node: memory navigation at `url`, the plugin reading the page from it. */
async function tab(url = `${APP}/sign-in`) {
  const nav = memoryNavigation(url);
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [nav, emailLinkPlugin({ page: () => nav.history.location })],
  });
  tabs.push(clerk);
  await clerk.load();
  return { clerk, nav };
}

/** Opens the latest link sent to `to` as a browser would (following nothing), returning where it lands. */
async function openLink(to: string): Promise<string> {
  const link = emulator.outbox.latest(to)!.link!;
  const response = await emulator.handle(new Request(link, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** Emails Carol a sign-in link from `clerk`'s client. */
async function sendSignInLink(clerk: Awaited<ReturnType<typeof tab>>['clerk']) {
  const signIn = await clerk.client!.signIn.create({ identifier: CAROL.emailAddress });
  const factor = signIn.supportedFirstFactors!.find((f) => f.strategy === 'email_link')!;
  await signIn.prepareFirstFactor({ strategy: 'email_link', emailAddressId: factor.emailAddressId, redirectUrl: LANDING });
}

/** The same browser loads the landing page: its client now reflects the opened link. */
async function land(page: Awaited<ReturnType<typeof tab>>, landing: string) {
  await page.clerk.navigate(landing);
  expect(page.nav.history.location).toBe(landing);
  await page.clerk.client!.reload();
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isEmailLinkError(error)).toBe(true);
  return error as { code: string; name: string };
}

beforeEach(() => {
  emulator.reset();
  skew = 0;
});
afterEach(() => {
  tabs.splice(0).forEach((t) => t.destroy());
  vi.restoreAllMocks();
});

describe('handleEmailLinkVerification', () => {
  it('verified with a session created on this client: activates it, then navigates to redirectUrlComplete', async () => {
    const page = await tab();
    await sendSignInLink(page.clerk);
    const landing = await openLink(CAROL.emailAddress);
    expect(new URL(landing).searchParams.get('__clerk_status')).toBe('verified');
    await land(page, landing);
    expect(page.clerk.isSignedIn).toBe(false);
    const onOther = vi.fn();
    await page.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard', redirectUrl: '/continue', onVerifiedOnOtherDevice: onOther });
    expect(page.clerk.isSignedIn).toBe(true);
    expect(page.clerk.session!.id).toBe(new URL(landing).searchParams.get('__clerk_created_session'));
    expect(page.nav.history.location).toBe(`${APP}/dashboard`);
    expect(onOther).not.toHaveBeenCalled();
  });

  it('goes through customNavigate when given, never through the navigation plugin', async () => {
    const page = await tab();
    await sendSignInLink(page.clerk);
    await land(page, await openLink(CAROL.emailAddress));
    const before = page.nav.history.location;
    const custom = vi.fn(async () => {});
    await page.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard' }, custom);
    expect(custom).toHaveBeenCalledWith('/dashboard');
    expect(page.nav.history.location).toBe(before);
    expect(page.clerk.isSignedIn).toBe(true);
  });

  it('verified while this client still has steps (sign-up missing fields): navigates to redirectUrl', async () => {
    emulator.updateSettings({ names: { enabled: true, required: true } });
    const page = await tab(`${APP}/sign-up`);
    const signUp = await page.clerk.client!.signUp.create({ emailAddress: 'new@example.com', password: 'a strong passphrase' });
    await signUp.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: LANDING });
    await land(page, await openLink('new@example.com'));
    expect(page.clerk.client!.signUp.status).toBe('missing_requirements');
    const onOther = vi.fn();
    await page.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard', redirectUrl: '/sign-up/continue', onVerifiedOnOtherDevice: onOther });
    expect(page.nav.history.location).toBe(`${APP}/sign-up/continue`);
    expect(page.clerk.isSignedIn).toBe(false);
    expect(onOther).not.toHaveBeenCalled();
  });

  it('verified for another device: calls onVerifiedOnOtherDevice and neither navigates nor signs in here', async () => {
    const asking = await tab();
    await sendSignInLink(asking.clerk);
    const landing = await openLink(CAROL.emailAddress);
    const other = await tab(landing);
    const onOther = vi.fn();
    await expect(other.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard', onVerifiedOnOtherDevice: onOther })).resolves.toBeNull();
    expect(onOther).toHaveBeenCalledTimes(1);
    expect(other.clerk.isSignedIn).toBe(false);
    expect(other.nav.history.entries).toEqual([landing]);
  });

  it('verified for another device without onVerifiedOnOtherDevice: resolves null and stays on the page (as ClerkJS)', async () => {
    const asking = await tab();
    await sendSignInLink(asking.clerk);
    const landing = await openLink(CAROL.emailAddress);
    const other = await tab(landing);
    await expect(other.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard', redirectUrl: '/continue' })).resolves.toBeNull();
    expect(other.nav.history.entries).toEqual([landing]);
    expect(other.clerk.isSignedIn).toBe(false);
  });

  it('an expired link rejects with EmailLinkError code "expired"', async () => {
    const page = await tab();
    await sendSignInLink(page.clerk);
    skew = 11 * 60 * 1000;
    const landing = await openLink(CAROL.emailAddress);
    skew = 0;
    expect(new URL(landing).searchParams.get('__clerk_status')).toBe('expired');
    await land(page, landing);
    const error = await rejection(page.clerk.handleEmailLinkVerification({ redirectUrlComplete: '/dashboard' }));
    expect(error).toMatchObject({ name: 'EmailLinkError', code: EmailLinkErrorCodeStatus.Expired });
    expect(page.clerk.isSignedIn).toBe(false);
    expect(page.nav.history.location).toBe(landing);
  });

  it('a link opened on another client when the instance requires the same one rejects with "client_mismatch"', async () => {
    emulator.updateSettings({ emailLinkRequireSameClient: true });
    const asking = await tab();
    await sendSignInLink(asking.clerk);
    const landing = await openLink(CAROL.emailAddress);
    expect(new URL(landing).searchParams.get('__clerk_status')).toBe('client_mismatch');
    const other = await tab(landing);
    expect((await rejection(other.clerk.handleEmailLinkVerification({}))).code).toBe('client_mismatch');
  });

  it('a failed status, or a page without one, rejects with "failed"', async () => {
    const failed = await tab(`${LANDING}?__clerk_status=failed`);
    expect((await rejection(failed.clerk.handleEmailLinkVerification({}))).code).toBe('failed');
    const none = await tab(LANDING);
    expect((await rejection(none.clerk.handleEmailLinkVerification())).code).toBe('failed');
    // The status may also sit in the hash route's query (hash-routed components).
    const hashed = await tab(`${APP}/sign-up#/verify?__clerk_status=expired`);
    expect((await rejection(hashed.clerk.handleEmailLinkVerification())).code).toBe('expired');
  });

  it('bad arguments reject with invalid_params naming the field', async () => {
    const page = await tab(`${LANDING}?__clerk_status=verified`);
    await expect(page.clerk.handleEmailLinkVerification({ redirectUrlComplete: 42 as never })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('redirectUrlComplete must be a string'),
    });
    await expect(page.clerk.handleEmailLinkVerification({ onVerifiedOnOtherDevice: 'yes' as never })).rejects.toMatchObject({
      message: expect.stringContaining('onVerifiedOnOtherDevice must be a function'),
    });
    await expect(page.clerk.handleEmailLinkVerification({}, 'nav' as never)).rejects.toMatchObject({ message: expect.stringContaining('customNavigate') });
    await expect(page.clerk.handleEmailLinkVerification(null as never)).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('params must be an object'),
    });
    expect(page.clerk.isSignedIn).toBe(false);
  });
});
