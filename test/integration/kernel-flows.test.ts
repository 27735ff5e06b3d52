// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadlessClerk, decodeJwt, isClerkAPIResponseError, type HeadlessClerk, type Resources } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery' }] } });
const instances: HeadlessClerk[] = [];

function newClerk() {
  const clerk = createHeadlessClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  return clerk;
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
  emulator.updateSettings({ latencyMs: 0 });
});

describe('headless flows through the public API', () => {
  it('loads: status loading → ready, listeners get a signed-out snapshot', async () => {
    const clerk = newClerk();
    const statuses: string[] = [];
    clerk.on('status', (s) => statuses.push(s), { notify: true });
    const snapshots: Resources[] = [];
    clerk.addListener((r) => snapshots.push(r));
    expect(clerk.loaded).toBe(false);
    await clerk.load();
    expect(statuses).toEqual(['loading', 'ready']);
    expect(clerk.loaded).toBe(true);
    expect(clerk.session).toBeNull();
    expect(clerk.user).toBeNull();
    expect(clerk.isSignedIn).toBe(false);
    expect(snapshots.at(-1)).toMatchObject({ session: null, user: null, organization: null });
    expect(clerk.environment?.userSettings.attributes.email_address.enabled).toBe(true);
    // A listener added after load is called at once with the current state.
    let late: Resources | undefined;
    clerk.addListener((r) => (late = r));
    expect(late?.client).toBe(clerk.client);
  });

  it('load() twice is one load', async () => {
    const clerk = newClerk();
    emulator.clearRequests();
    await Promise.all([clerk.load(), clerk.load()]);
    await clerk.load();
    expect(emulator.requests.filter((r) => r.path.endsWith('/environment'))).toHaveLength(1);
  });

  it('signs up with email + password + code, then activates the session', async () => {
    const clerk = newClerk();
    await clerk.load();
    const email = 'grace+clerk_test@example.com';
    const signUp = await clerk.client!.signUp.create({ emailAddress: email, password: 'a-very-long-password-1' });
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.unverifiedFields).toContain('email_address');
    // As ClerkJS keeps them on a sign-up: epoch ms, not Dates (the session's abandonAt is a Date).
    expect(typeof signUp.abandonAt).toBe('number');
    expect(signUp.abandonAt).toBeGreaterThan(Date.now());
    expect(signUp.legalAcceptedAt).toBeNull();
    await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
    await expect(signUp.attemptEmailAddressVerification({ code: '000000' })).rejects.toSatisfy(
      (e) => isClerkAPIResponseError(e) && e.errors[0].code === 'form_code_incorrect',
    );
    await signUp.attemptEmailAddressVerification({ code: '424242' });
    expect(signUp.status).toBe('complete');
    expect(signUp.createdSessionId).toMatch(/^sess_/);

    const seen: Array<string | null | undefined> = [];
    clerk.addListener(({ session }) => seen.push(session === undefined ? undefined : (session?.id ?? null)));
    await clerk.setActive({ session: signUp.createdSessionId });
    expect(clerk.session?.id).toBe(signUp.createdSessionId);
    expect(clerk.user).toBe(clerk.session?.user);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(email);
    expect(clerk.isSignedIn).toBe(true);
    expect(seen.at(-1)).toBe(signUp.createdSessionId);

    const token = await clerk.session!.getToken();
    const { claims } = decodeJwt(token!);
    expect(claims.sid).toBe(clerk.session!.id);
    expect(claims.sub).toBe(clerk.user!.id);
  });

  it('signs up with a code read from the outbox', async () => {
    const clerk = newClerk();
    await clerk.load();
    const email = 'linus@example.com';
    const signUp = await clerk.client!.signUp.create({ emailAddress: email, password: 'another-long-password-2' });
    await signUp.prepareEmailAddressVerification();
    const message = emulator.outbox.latest(email);
    expect(message?.code).toMatch(/^\d{6}$/);
    await signUp.attemptEmailAddressVerification({ code: message!.code! });
    expect(signUp.status).toBe('complete');
  });

  it('signs in with identifier + password, with the real error for a wrong password', async () => {
    const clerk = newClerk();
    await clerk.load();
    const error = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'nope-nope-nope' }).catch((e: any) => e);
    expect(isClerkAPIResponseError(error)).toBe(true);
    expect(error.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { paramName: 'password' } });
    const missing = await clerk.client!.signIn.create({ identifier: 'nobody@example.com', password: 'x' }).catch((e: any) => e);
    expect(missing.errors[0].code).toBe('form_identifier_not_found');

    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    expect(signIn.status).toBe('complete');
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    // Boolean getters, as in ClerkJS (a method here made `if (user.hasVerifiedPhoneNumber)` always true).
    expect(clerk.user?.hasVerifiedEmailAddress).toBe(true);
    expect(clerk.user?.hasVerifiedPhoneNumber).toBe(false);
  });

  it('100 concurrent getToken() calls make at most one token request', async () => {
    const clerk = newClerk();
    await clerk.load();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    emulator.clearRequests();
    const tokens = await Promise.all(Array.from({ length: 100 }, () => clerk.session!.getToken({ template: 'backend' })));
    expect(new Set(tokens).size).toBe(1);
    expect(emulator.requests.filter((r) => r.path.includes('/tokens'))).toHaveLength(1);
  });

  it('a session survives a reload: a new instance on the same browser picks it up', async () => {
    const first = newClerk();
    await first.load();
    const signIn = await first.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await first.setActive({ session: signIn.createdSessionId });
    const second = newClerk();
    await second.load();
    expect(second.session?.id).toBe(signIn.createdSessionId);
  });

  it('selectInitialSession is honoured', async () => {
    const first = newClerk();
    await first.load();
    const signIn = await first.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await first.setActive({ session: signIn.createdSessionId });
    const second = newClerk();
    await second.load({ selectInitialSession: () => null });
    expect(second.session).toBeNull();
  });

  it('selectInitialSession: the pick is read by id, so only one of the client’s sessions becomes the session', async () => {
    const first = newClerk();
    await first.load();
    const signIn = await first.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await first.setActive({ session: signIn.createdSessionId });
    // A ClerkJS-typed callback may hand back any object with the session's id (a copy, a ClerkJS resource).
    const second = newClerk();
    await second.load({ selectInitialSession: (client) => ({ id: client.sessions[0]!.id }) });
    expect(second.session?.id).toBe(signIn.createdSessionId);
    expect(second.session).toBe(second.client!.sessions[0]);
    // An id that is not one of this client's signed-in sessions: no session, never a foreign object.
    const third = newClerk();
    await third.load({ selectInitialSession: () => ({ id: 'sess_not_here' }) });
    expect(third.session).toBeNull();
  });

  it('setActive with beforeEmit shows undefined while the callback runs', async () => {
    const clerk = newClerk();
    await clerk.load();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    let during: unknown = 'unset';
    let inProgress: boolean | undefined;
    expect(clerk.__internal_setActiveInProgress).toBe(false);
    const switching = clerk.setActive({
      session: signIn.createdSessionId,
      beforeEmit: () => {
        during = clerk.session;
        inProgress = clerk.__internal_setActiveInProgress;
      },
    });
    // ClerkJS's flag is up from the call until the switch settles.
    expect(clerk.__internal_setActiveInProgress).toBe(true);
    await switching;
    expect(during).toBeUndefined();
    expect(inProgress).toBe(true);
    expect(clerk.__internal_setActiveInProgress).toBe(false);
    expect(clerk.session?.id).toBe(signIn.createdSessionId);
  });

  it('updates the user and sees the change everywhere', async () => {
    const clerk = newClerk();
    await clerk.load();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    await clerk.user!.update({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(clerk.user!.fullName).toBe('Ada Lovelace');
    await clerk.user!.reload();
    expect(clerk.user!.firstName).toBe('Ada');
  });

  it('environment failure gives degraded; client 4xx gives error and load() rejects', async () => {
    emulator.faults.add({ path: '/environment', status: 500, times: 1 });
    const degraded = newClerk();
    await degraded.load();
    expect(degraded.status).toBe('degraded');
    expect(degraded.loaded).toBe(true);

    emulator.faults.add({ path: '/client', method: 'GET', status: 400, body: { errors: [{ code: 'bad_request', message: 'Bad request' }] }, times: 1 });
    const broken = newClerk();
    const statuses: string[] = [];
    broken.on('status', (s) => statuses.push(s));
    await expect(broken.load()).rejects.toThrow('Bad request');
    expect(broken.status).toBe('error');
    expect(statuses).toEqual(['error']);
    // Retry path: a later load() tries again.
    await broken.load();
    expect(broken.status).toBe('ready');
  });

  it('a malformed client body is a typed error, not a crash', async () => {
    emulator.faults.add({ path: '/client', method: 'GET', malformed: true, times: 1 });
    const clerk = newClerk();
    await clerk.load();
    expect(clerk.status).toBe('degraded');
    expect(clerk.session).toBeNull();
  });
});
