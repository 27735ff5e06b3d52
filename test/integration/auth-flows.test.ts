// @vitest-environment happy-dom
// Sign-in and session flows of the headless client against the emulator, happy and unhappy paths.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../../emulator/index.js';
import { createHeadlessClerk, isClerkAPIResponseError, type HeadlessClerk } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

let clockOffset = 0;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const emulator = useEmulator({
  now: () => Date.now() + clockOffset,
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' },
      { emailAddress: 'grace@example.com', password: 'grace-password-123', firstName: 'Grace' },
      { emailAddress: 'totp@example.com', password: 'totp-password-123', totpSecret: TOTP_SECRET, backupCodes: ['backup-one', 'backup-two'] },
      { emailAddress: 'locked@example.com', password: 'locked-password-1' },
    ],
  },
});

const instances: HeadlessClerk[] = [];
async function loadedClerk() {
  const clerk = createHeadlessClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load();
  return clerk;
}
const codeOf = (err: unknown) => (isClerkAPIResponseError(err) ? err.errors[0]?.code : `not an API error: ${String(err)}`);
const rejection = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );

/** Forgets this browser's cookies, as a different browser would start. */
const newBrowser = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));

beforeEach(() => emulator.reset());
afterEach(() => {
  clockOffset = 0;
  instances.splice(0).forEach((c) => c.destroy());
  newBrowser();
});

async function signInWithPassword(clerk: HeadlessClerk, identifier: string, password: string) {
  const signIn = await clerk.client!.signIn.create({ identifier, password });
  expect(signIn.status).toBe('complete');
  await clerk.setActive({ session: signIn.createdSessionId });
  return signIn;
}

describe('first factors', () => {
  it('identifier first, then an emailed code', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.status).toBe('needs_first_factor');
    const emailFactor = signIn.supportedFirstFactors!.find((f) => f.strategy === 'email_code')!;
    expect(emailFactor.safeIdentifier).toBe('ada@example.com');
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: emailFactor.emailAddressId });
    expect(signIn.firstFactorVerification.status).toBe('unverified');
    expect(codeOf(await rejection(signIn.attemptFirstFactor({ strategy: 'email_code', code: '000000' })))).toBe('form_code_incorrect');
    await signIn.attemptFirstFactor({ strategy: 'email_code', code: emulator.outbox.latest('ada@example.com')!.code! });
    expect(signIn.status).toBe('complete');
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user?.firstName).toBe('Ada');
  });

  it('an expired code is refused with verification_expired', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    const factor = signIn.supportedFirstFactors!.find((f) => f.strategy === 'email_code')!;
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
    const code = emulator.outbox.latest('ada@example.com')!.code!;
    clockOffset = 11 * 60_000;
    expect(codeOf(await rejection(signIn.attemptFirstFactor({ strategy: 'email_code', code })))).toBe('verification_expired');
  });

  it('an email link: the flow resolves once the link is opened', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    const { startEmailLinkFlow } = signIn.createEmailLinkFlow();
    const done = startEmailLinkFlow({ redirectUrl: 'http://localhost:3000/verified' });
    await expect.poll(() => emulator.outbox.latest('ada@example.com')?.link, { timeout: 2000 }).toBeTruthy();
    const opened = await fetch(emulator.outbox.latest('ada@example.com')!.link!, { redirect: 'manual' });
    expect([200, 302, 303]).toContain(opened.status);
    const finished = await done;
    expect(finished.firstFactorVerification.status).toBe('verified');
    expect(finished.status).toBe('complete');
  });

  it('forgot password: reset code, new password, then the new password works', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'grace@example.com' });
    const factor = signIn.supportedFirstFactors!.find((f) => f.strategy === 'reset_password_email_code')!;
    await signIn.prepareFirstFactor({ strategy: 'reset_password_email_code', emailAddressId: factor.emailAddressId });
    await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code: emulator.outbox.latest('grace@example.com')!.code! });
    expect(signIn.status).toBe('needs_new_password');
    await signIn.resetPassword({ password: 'a-brand-new-password-9', signOutOfOtherSessions: true });
    expect(signIn.status).toBe('complete');
    newBrowser();
    const again = await loadedClerk();
    expect(codeOf(await rejection(again.client!.signIn.create({ identifier: 'grace@example.com', password: 'grace-password-123' })))).toBe(
      'form_password_incorrect',
    );
    await signInWithPassword(again, 'grace@example.com', 'a-brand-new-password-9');
  });

  it('repeated wrong passwords lock the user', async () => {
    const clerk = await loadedClerk();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(String(codeOf(await rejection(clerk.client!.signIn.create({ identifier: 'locked@example.com', password: `wrong-${i}-password` })))));
    }
    // The emulator locks on the 5th wrong password (lockout.maxAttempts = 5), as FAPI does.
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('form_password_incorrect'));
    expect(codes.slice(4)).toEqual(['user_locked', 'user_locked']);
    const locked = await rejection(clerk.client!.signIn.create({ identifier: 'locked@example.com', password: 'locked-password-1' }));
    expect(codeOf(locked)).toBe('user_locked');
    expect((locked as { status: number }).status).toBe(403);
  });

  it('a dropped connection mid-flow rejects with a network error and the flow can continue', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
    emulator.faults.add({ path: /attempt_first_factor/, drop: true, times: 1 });
    const error = await rejection(signIn.attemptFirstFactor({ strategy: 'password', password: 'correct-horse-battery' }));
    expect((error as { code?: string }).code).toBe('network_error');
    expect(clerk.session).toBeNull();
    await signIn.attemptFirstFactor({ strategy: 'password', password: 'correct-horse-battery' });
    expect(signIn.status).toBe('complete');
  });
});

describe('second factors', () => {
  it('TOTP: needs_second_factor, wrong code refused, right code completes', async () => {
    const clerk = await loadedClerk();
    const signIn = await clerk.client!.signIn.create({ identifier: 'totp@example.com', password: 'totp-password-123' });
    expect(signIn.status).toBe('needs_second_factor');
    expect(signIn.supportedSecondFactors!.map((f) => f.strategy)).toEqual(expect.arrayContaining(['totp', 'backup_code']));
    expect(codeOf(await rejection(signIn.attemptSecondFactor({ strategy: 'totp', code: '000000' })))).toBe('form_code_incorrect');
    await signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode(TOTP_SECRET, Date.now()) });
    expect(signIn.status).toBe('complete');
  });

  it('backup codes work once', async () => {
    const clerk = await loadedClerk();
    const first = await clerk.client!.signIn.create({ identifier: 'totp@example.com', password: 'totp-password-123' });
    await first.attemptSecondFactor({ strategy: 'backup_code', code: 'backup-one' });
    expect(first.status).toBe('complete');
    newBrowser();
    const other = await loadedClerk();
    const second = await other.client!.signIn.create({ identifier: 'totp@example.com', password: 'totp-password-123' });
    expect(codeOf(await rejection(second.attemptSecondFactor({ strategy: 'backup_code', code: 'backup-one' })))).toBe('form_code_incorrect');
  });

  it('SMS code after the user reserved a verified phone for 2FA', async () => {
    const clerk = await loadedClerk();
    await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
    const phone = await clerk.user!.createPhoneNumber({ phoneNumber: '+15555550142' });
    await phone.prepareVerification();
    await phone.attemptVerification({ code: '424242' });
    expect(phone.verification.status).toBe('verified');
    await phone.setReservedForSecondFactor({ reserved: true });
    expect(phone.reservedForSecondFactor).toBe(true);

    newBrowser();
    const other = await loadedClerk();
    const signIn = await other.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    expect(signIn.status).toBe('needs_second_factor');
    const smsFactor = signIn.supportedSecondFactors!.find((f) => f.strategy === 'phone_code')!;
    await signIn.prepareSecondFactor({ strategy: 'phone_code', phoneNumberId: smsFactor.phoneNumberId });
    await signIn.attemptSecondFactor({ strategy: 'phone_code', code: '424242' });
    expect(signIn.status).toBe('complete');
  });
});

describe('sessions', () => {
  it('multi-session: two accounts, switching, and removing one', async () => {
    const clerk = await loadedClerk();
    const ada = await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
    const grace = await signInWithPassword(clerk, 'grace@example.com', 'grace-password-123');
    expect(clerk.client!.signedInSessions.map((s) => s.id).sort()).toEqual([ada.createdSessionId, grace.createdSessionId].sort());
    expect(clerk.user?.firstName).toBe('Grace');
    await clerk.setActive({ session: ada.createdSessionId });
    expect(clerk.user?.firstName).toBe('Ada');
    const tokenBefore = await clerk.session!.getToken();
    expect(JSON.parse(atob(tokenBefore!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sid).toBe(ada.createdSessionId);

    const graceSession = clerk.client!.sessions.find((s) => s.id === grace.createdSessionId)!;
    await graceSession.remove();
    expect(clerk.client!.signedInSessions.map((s) => s.id)).toEqual([ada.createdSessionId]);
    expect(clerk.session?.id).toBe(ada.createdSessionId);
  });

  it('ending the current session signs this tab out and getToken gives null', async () => {
    const clerk = await loadedClerk();
    await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
    const session = clerk.session!;
    await session.end();
    expect(session.status).toBe('ended');
    expect(clerk.session).toBeNull();
    expect(await session.getToken()).toBeNull();
  });

  it('single-session mode refuses a second sign-in with session_exists', async () => {
    emulator.updateSettings({ singleSession: true });
    try {
      const clerk = await loadedClerk();
      expect(clerk.environment?.isSingleSession()).toBe(true);
      await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
      const error = await rejection(clerk.client!.signIn.create({ identifier: 'grace@example.com', password: 'grace-password-123' }));
      expect(codeOf(error)).toBe('session_exists');
    } finally {
      emulator.updateSettings({ singleSession: false });
    }
  });

  it('getToken: cache, skipCache and templates', async () => {
    const clerk = await loadedClerk();
    await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
    emulator.clearRequests();
    const cached = await clerk.session!.getToken();
    expect(emulator.requests.filter((r) => r.path.includes('/tokens'))).toHaveLength(0);
    expect(cached).toBeTruthy();
    await clerk.session!.getToken({ skipCache: true });
    expect(emulator.requests.filter((r) => r.path.includes('/tokens'))).toHaveLength(1);
    const templated = await clerk.session!.getToken({ template: 'supabase' });
    expect(JSON.parse(atob(templated!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub).toBe(clerk.user!.id);
    expect(emulator.requests.filter((r) => r.path.includes('/tokens'))).toHaveLength(2);
  });

  it('a 401 on touch makes the tab re-read the client and sign out if the session is gone', async () => {
    const clerk = await loadedClerk();
    await signInWithPassword(clerk, 'ada@example.com', 'correct-horse-battery');
    // Another device revokes this session behind our back.
    const otherTab = await loadedClerk();
    expect(otherTab.session?.id).toBe(clerk.session!.id);
    await otherTab.session!.end();
    emulator.faults.add({ path: /\/touch$/, status: 401, body: { errors: [{ code: 'authentication_invalid', message: 'Unauthenticated' }] }, times: 1 });
    await rejection(clerk.session!.touch());
    await expect.poll(() => clerk.session).toBeNull();
  });
});
