// @vitest-environment happy-dom
// ClerkJS's experimental biometric credential (trusted device) methods on `user`, against the emulator:
// a P-256 device key enrolled by signing the challenge, listed, revoked; and each refusal.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/index.js';
import type { BiometricCredentialPublicKeyJwk, PrepareBiometricCredentialParams } from '../../plugins/resource-members/index.js';
import { signedInHeadless, type HeadlessClerk } from '../helpers/custom-flows.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const PASSWORD = 'correct-horse-battery';
let clockOffset = 0;
const emulator = useEmulator({
  now: () => Date.now() + clockOffset,
  seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] },
});

const instances: HeadlessClerk[] = [];
const signedIn = async () => (await signedInHeadless(emulator.publishableKey, PROXY_URL, instances, 'ada@example.com', PASSWORD)).user!;
function deviceKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKeyJwk: { kty, crv, x, y } as BiometricCredentialPublicKeyJwk };
}
const signed = (privateKey: KeyObject, clientData: string) =>
  sign('sha256', Buffer.from(clientData), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
const enrollment = (publicKeyJwk: PrepareBiometricCredentialParams['publicKeyJwk']): PrepareBiometricCredentialParams => ({
  platform: 'ios',
  appIdentifier: 'com.example.app',
  name: 'Ada’s iPhone',
  algorithm: 'ES256',
  publicKeyJwk,
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('expected a rejection')),
    (error: unknown) => error,
  );
const apiCode = (error: unknown) => (isClerkAPIResponseError(error) ? error.errors[0]!.code : `not an API error: ${String(error)}`);
const biometricRequests = () => emulator.requests.filter((r) => r.path.startsWith('/v1/me/biometric_credentials'));

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
  clockOffset = 0;
});
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
  emulator.updateSettings({ reverification: { maxAgeMinutes: null } });
  vi.restoreAllMocks();
});

describe('user.__experimental_*BiometricCredential(s)', () => {
  it('enrolls a device key by its signed challenge, lists it, revokes it', async () => {
    const user = await signedIn();
    const { privateKey, publicKeyJwk } = deviceKey();
    expect(await user.__experimental_getBiometricCredentials()).toEqual([]);

    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const challenge = await user.__experimental_prepareBiometricCredential(enrollment(publicKeyJwk));
    // ClerkJS's form: snake_case fields, the JWK as its JSON text.
    const sent = new URLSearchParams(String(fetchSpy.mock.calls.at(-1)![1]!.body));
    expect(Object.fromEntries(sent)).toEqual({
      platform: 'ios',
      app_identifier: 'com.example.app',
      name: 'Ada’s iPhone',
      algorithm: 'ES256',
      public_key_jwk: JSON.stringify(publicKeyJwk),
    });
    expect(challenge).toEqual({
      challenge: expect.any(String),
      challengeId: expect.stringMatching(/^tdc_/),
      trustedDeviceId: null,
      clientData: expect.stringContaining(challenge.challenge),
      expiresAt: expect.any(Date),
      algorithm: 'ES256',
    });
    // FAPI's epoch seconds became a Date about five minutes ahead.
    expect(challenge.expiresAt!.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);

    const signature = signed(privateKey, challenge.clientData);
    const credential = await user.__experimental_attemptBiometricCredential({ ...enrollment(publicKeyJwk), clientData: challenge.clientData, signature });
    const attemptBody = new URLSearchParams(String(fetchSpy.mock.calls.at(-1)![1]!.body));
    expect([attemptBody.get('client_data'), attemptBody.get('signature')]).toEqual([challenge.clientData, signature]);
    expect(credential).toMatchObject({
      id: expect.stringMatching(/^td_/),
      pathRoot: '/me/biometric_credentials',
      platform: 'ios',
      appIdentifier: 'com.example.app',
      name: 'Ada’s iPhone',
      algorithm: 'ES256',
      status: 'active',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(credential.createdAt).toBeInstanceOf(Date);
    expect(credential.updatedAt).toBeInstanceOf(Date);
    // Data only when spread or serialised; the snapshot is FAPI's JSON (epoch ms).
    expect(Object.keys(credential)).not.toContain('_ctx');
    expect(credential.__internal_toSnapshot()).toEqual({
      object: 'trusted_device',
      id: credential.id,
      platform: 'ios',
      app_identifier: 'com.example.app',
      name: 'Ada’s iPhone',
      algorithm: 'ES256',
      status: 'active',
      last_used_at: null,
      revoked_at: null,
      created_at: credential.createdAt.getTime(),
      updated_at: credential.updatedAt.getTime(),
    });

    const [listed, ...rest] = await user.__experimental_getBiometricCredentials();
    expect(rest).toEqual([]);
    expect(listed!.__internal_toSnapshot()).toEqual(credential.__internal_toSnapshot());

    const revoked = await user.__experimental_revokeBiometricCredential(credential.id);
    expect(revoked).toMatchObject({ id: credential.id, status: 'revoked', revokedAt: expect.any(Date) });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/me/biometric_credentials/${credential.id}` });
    const after = await user.__experimental_getBiometricCredentials();
    expect(after.map((c) => [c.id, c.status])).toEqual([[credential.id, 'revoked']]);
    // reload() reads the list again and takes this credential's entry.
    expect(credential.status).toBe('active');
    expect(await credential.reload()).toBe(credential);
    expect(credential).toMatchObject({ status: 'revoked', revokedAt: revoked.revokedAt });
  });

  it('a JWK given as its JSON text is sent as is; a private key in a JWK object is never sent', async () => {
    const user = await signedIn();
    const { privateKey, publicKeyJwk } = deviceKey();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const text = JSON.stringify(publicKeyJwk);
    const challenge = await user.__experimental_prepareBiometricCredential(enrollment(text));
    expect(new URLSearchParams(String(fetchSpy.mock.calls.at(-1)![1]!.body)).get('public_key_jwk')).toBe(text);
    const withPrivate = { ...publicKeyJwk, d: privateKey.export({ format: 'jwk' }).d } as BiometricCredentialPublicKeyJwk;
    const credential = await user.__experimental_attemptBiometricCredential({
      ...enrollment(withPrivate),
      clientData: challenge.clientData,
      signature: signed(privateKey, challenge.clientData),
    });
    expect(credential.status).toBe('active');
    expect(JSON.parse(new URLSearchParams(String(fetchSpy.mock.calls.at(-1)![1]!.body)).get('public_key_jwk')!)).toEqual(publicKeyJwk);
  });

  it('a wrong signature is refused and creates nothing; the same challenge then accepts the right one', async () => {
    const user = await signedIn();
    const { privateKey, publicKeyJwk } = deviceKey();
    const challenge = await user.__experimental_prepareBiometricCredential(enrollment(publicKeyJwk));
    const forged = signed(deviceKey().privateKey, challenge.clientData);
    const refused = await failure(
      user.__experimental_attemptBiometricCredential({ ...enrollment(publicKeyJwk), clientData: challenge.clientData, signature: forged }),
    );
    expect(apiCode(refused)).toBe('trusted_device_verification_failed');
    expect(isClerkAPIResponseError(refused) && refused.errors[0]!.meta?.paramName).toBe('signature');
    expect(await user.__experimental_getBiometricCredentials()).toEqual([]);
    const ok = await user.__experimental_attemptBiometricCredential({
      ...enrollment(publicKeyJwk),
      clientData: challenge.clientData,
      signature: signed(privateKey, challenge.clientData),
    });
    expect(ok.status).toBe('active');
  });

  it('unknown or expired client data, and an invalid JWK, are refused by FAPI', async () => {
    const user = await signedIn();
    const { privateKey, publicKeyJwk } = deviceKey();
    const unknown = '{"challenge":"never-issued"}';
    const refused = await failure(
      user.__experimental_attemptBiometricCredential({ ...enrollment(publicKeyJwk), clientData: unknown, signature: signed(privateKey, unknown) }),
    );
    expect(apiCode(refused)).toBe('form_param_value_invalid');

    const challenge = await user.__experimental_prepareBiometricCredential(enrollment(publicKeyJwk));
    clockOffset = 5 * 60_000 + 1;
    const expired = await failure(
      user.__experimental_attemptBiometricCredential({
        ...enrollment(publicKeyJwk),
        clientData: challenge.clientData,
        signature: signed(privateKey, challenge.clientData),
      }),
    );
    expect(apiCode(expired)).toBe('verification_expired');

    const offCurve = { ...publicKeyJwk, y: publicKeyJwk.x };
    const invalid = await failure(user.__experimental_prepareBiometricCredential(enrollment(offCurve)));
    expect(apiCode(invalid)).toBe('form_param_format_invalid');
    expect(isClerkAPIResponseError(invalid) && invalid.errors[0]!.meta?.paramName).toBe('public_key_jwk');
    expect(await user.__experimental_getBiometricCredentials()).toEqual([]);
  });

  it('prepare and revoke need a recently verified session; revoking an unknown id is resource_not_found', async () => {
    const user = await signedIn();
    const { privateKey, publicKeyJwk } = deviceKey();
    const challenge = await user.__experimental_prepareBiometricCredential(enrollment(publicKeyJwk));
    const credential = await user.__experimental_attemptBiometricCredential({
      ...enrollment(publicKeyJwk),
      clientData: challenge.clientData,
      signature: signed(privateKey, challenge.clientData),
    });
    expect(apiCode(await failure(user.__experimental_revokeBiometricCredential('td_unknown')))).toBe('resource_not_found');

    emulator.updateSettings({ reverification: { maxAgeMinutes: 0 } });
    expect(apiCode(await failure(user.__experimental_prepareBiometricCredential(enrollment(deviceKey().publicKeyJwk))))).toBe(
      'session_reverification_required',
    );
    expect(apiCode(await failure(user.__experimental_revokeBiometricCredential(credential.id)))).toBe('session_reverification_required');
    expect((await user.__experimental_getBiometricCredentials()).map((c) => c.status)).toEqual(['active']);
  });

  it('bad arguments reject with invalid_arguments before any request', async () => {
    const user = await signedIn();
    const { publicKeyJwk } = deviceKey();
    const good = enrollment(publicKeyJwk);
    emulator.clearRequests();
    const attempt = { ...good, clientData: '{}', signature: 'c2ln' };
    const bad: Array<[Promise<unknown>, RegExp]> = [
      [user.__experimental_prepareBiometricCredential(undefined as never), /params must be an object, got undefined/],
      [user.__experimental_prepareBiometricCredential({ ...good, appIdentifier: undefined as never }), /appIdentifier must be a non-empty string/],
      [user.__experimental_prepareBiometricCredential({ ...good, appIdentifier: '' }), /appIdentifier/],
      [user.__experimental_prepareBiometricCredential({ ...good, platform: 'windows' as never }), /platform must be 'ios' or 'android', got "windows"/],
      [user.__experimental_prepareBiometricCredential({ ...good, algorithm: 'RS256' as never }), /algorithm must be 'ES256'/],
      [user.__experimental_prepareBiometricCredential({ ...good, name: 7 as never }), /name must be a string/],
      [
        user.__experimental_prepareBiometricCredential({ ...good, publicKeyJwk: { ...publicKeyJwk, crv: 'P-384' as never } }),
        /publicKeyJwk must be a P-256 JWK/,
      ],
      [user.__experimental_prepareBiometricCredential({ ...good, publicKeyJwk: '' }), /publicKeyJwk/],
      [user.__experimental_attemptBiometricCredential({ ...attempt, clientData: undefined as never }), /clientData must be/],
      [user.__experimental_attemptBiometricCredential({ ...attempt, signature: 42 as never }), /signature must be a base64url string/],
      [user.__experimental_attemptBiometricCredential({ ...attempt, platform: undefined as never }), /platform/],
      [user.__experimental_revokeBiometricCredential(undefined as never), /credential id must be a non-empty string, got undefined/],
      [user.__experimental_revokeBiometricCredential(''), /credential id/],
    ];
    for (const [call, message] of bad) {
      const error = await failure(call);
      expect(isClerkRuntimeError(error) && error.code).toBe('invalid_arguments');
      expect((error as Error).message).toMatch(message);
    }
    expect(biometricRequests()).toEqual([]);
  });
});
