// @vitest-environment happy-dom
/**
 * The passkeys plugin against the emulator's relying party (@simplewebauthn/server), with a software
 * authenticator behind `navigator.credentials`: registration, rename, discoverable / autofill /
 * identifier-first sign-in, cancellation, a forged assertion, reverification with a passkey.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/index.js';
import { passkeysPlugin, type Passkey } from '../../plugins/passkeys/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { softwareAuthenticator } from '../helpers/software-authenticator.js';
import { clearCookies, startClerk } from '../helpers/ui.js';

const EMAIL = 'passkey-user@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ settings: { passkeys: { enabled: true } }, seed: { users: [{ emailAddress: EMAIL, password: PASSWORD }] } });

const instances: Array<{ destroy(): void }> = [];
let authenticator: ReturnType<typeof softwareAuthenticator>;
let uninstall: () => void;

beforeEach(() => {
  authenticator = softwareAuthenticator(location.origin);
  uninstall = authenticator.install();
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  uninstall();
  clearCookies();
  emulator.reset();
});

async function newClerk() {
  const clerk = startClerk(emulator.publishableKey, [passkeysPlugin()]);
  instances.push(clerk);
  await clerk.load();
  return clerk;
}

async function signedIn() {
  const clerk = await newClerk();
  const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  return clerk;
}

/** A fresh browser profile (new client) with the same authenticator. */
async function signedOutElsewhere() {
  instances.splice(0).forEach((c) => c.destroy());
  clearCookies();
  return newClerk();
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; errors?: Array<{ code: string }> };
  }
  throw new Error('expected a rejection');
}

describe('passkeys against the emulator relying party', () => {
  it('registers, renames, signs in with the discoverable and identifier-first flows, and removes a passkey', async () => {
    const clerk = await signedIn();
    const created = await clerk.user!.createPasskey();
    expect(created.verification?.status).toBe('verified');
    // ClerkJS's resource members: the creation options were used by createPasskey(), so publicKey is null.
    expect(created.verification?.publicKey).toBeNull();
    expect(created.pathRoot).toBe('/me/passkeys');
    expect(created.__internal_toSnapshot()).toMatchObject({
      object: 'passkey',
      id: created.id,
      name: created.name,
      last_used_at: null,
      created_at: +created.createdAt,
    });
    expect((await failure(created.update({ name: 5 as never }))).code).toBe('invalid_arguments');
    expect(authenticator.credentials).toHaveLength(1);
    expect(clerk.user!.passkeys.map((p) => p.id)).toEqual([created.id]);
    expect(clerk.user!.passkeys[0].lastUsedAt).toBeNull();
    await clerk.user!.passkeys[0].update({ name: 'Laptop' });
    expect(clerk.user!.passkeys[0].name).toBe('Laptop');
    // The object createPasskey() returned learns the new name from `GET /me/passkeys/:id`.
    expect(created.name).not.toBe('Laptop');
    emulator.clearRequests();
    expect(await created.reload()).toBe(created);
    expect(created.name).toBe('Laptop');
    expect(emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/me/passkeys/${created.id}`)).toHaveLength(1);
    // The same authenticator cannot register twice for the account (excludeCredentials).
    expect((await failure(clerk.user!.createPasskey())).code).toBe('passkey_already_exists');

    const other = await signedOutElsewhere();
    const signIn = await other.client!.signIn.authenticateWithPasskey({ flow: 'discoverable' });
    expect(signIn.status).toBe('complete');
    await other.setActive({ session: signIn.createdSessionId });
    expect(other.user!.primaryEmailAddress?.emailAddress).toBe(EMAIL);
    expect(other.user!.passkeys[0].lastUsedAt).toBeInstanceOf(Date);
    expect(authenticator.credentials[0].counter).toBe(1);

    const third = await signedOutElsewhere();
    const identified = await third.client!.signIn.create({ identifier: EMAIL });
    expect(identified.supportedFirstFactors?.map((f) => f.strategy)).toContain('passkey');
    const completed = await identified.authenticateWithPasskey();
    expect(completed.status).toBe('complete');
    await third.setActive({ session: completed.createdSessionId });

    const removed = await (third.user!.passkeys[0] as Passkey).delete();
    expect(removed).toMatchObject({ id: created.id, deleted: true });
    await third.user!.reload();
    expect(third.user!.passkeys).toEqual([]);
  });

  it('autofill uses conditional mediation; a cancelled prompt and a forged assertion fail with their codes', async () => {
    const clerk = await signedIn();
    await clerk.user!.createPasskey();
    const other = await signedOutElsewhere();
    expect((await other.client!.signIn.authenticateWithPasskey({ flow: 'autofill' })).status).toBe('complete');
    expect(authenticator.lastMediation).toBe('conditional');

    const third = await signedOutElsewhere();
    const restore = authenticator.cancelNext();
    const cancelled = await failure(third.client!.signIn.authenticateWithPasskey({ flow: 'discoverable' }));
    restore();
    expect(isClerkRuntimeError(cancelled) && cancelled.code).toBe('passkey_retrieval_cancelled');

    const signIn = await third.client!.signIn.create({ strategy: 'passkey' });
    const forged = JSON.stringify({
      id: 'bm90LWEta2V5',
      rawId: 'bm90LWEta2V5',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
    });
    const rejected = await failure(signIn.attemptFirstFactor({ strategy: 'passkey', publicKeyCredential: forged }));
    expect(isClerkAPIResponseError(rejected) && rejected.errors[0].code).toBe('form_identifier_not_found');
    expect((await failure(third.client!.signIn.authenticateWithPasskey({ flow: 'bogus' as never }))).code).toBe('invalid_arguments');
  });

  it('reverifies a session with a passkey; sensitive actions answer session_reverification_required when stale', async () => {
    const clerk = await signedIn();
    await clerk.user!.createPasskey();
    emulator.updateSettings({ reverification: { maxAgeMinutes: 0 } });
    const stale = await failure(clerk.user!.updatePassword({ currentPassword: PASSWORD, newPassword: 'another-horse-battery' }));
    expect(isClerkAPIResponseError(stale) && stale.errors[0].code).toBe('session_reverification_required');

    const started = await clerk.session!.startVerification({ level: 'first_factor' });
    expect(started.status).toBe('needs_first_factor');
    expect(started.supportedFirstFactors?.map((f) => f.strategy)).toEqual(expect.arrayContaining(['password', 'passkey']));
    expect(started.pathRoot).toBe('');
    expect((await failure(started.reload())).code).toBe('no_endpoint');
    const done = await clerk.session!.verifyWithPasskey();
    expect(done.status).toBe('complete');
    expect(clerk.session!.factorVerificationAge).toEqual([0, 0]);
    expect((await failure(clerk.session!.startVerification({ level: 'everything' as never }))).code).toBe('invalid_arguments');
  });
});
