// /v1/me/biometric_credentials on the wire: enrollment of a device key (prepare → signed attempt), list,
// revoke, and every refusal (bad key, bad or stale signature, mismatched params, stale session).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, startEmulator, type Emulator, type RunningEmulator } from '../../emulator/index.js';
import { caller, devBrowser, signInWithPassword, type FapiCaller } from './helpers.js';

const APP = 'com.example.app';

function deviceKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return { privateKey, jwk: { kty, crv, x, y } as Record<string, string> };
}
const signed = (privateKey: KeyObject, clientData: string) =>
  sign('sha256', Buffer.from(clientData), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');

async function signedIn(emulator: Emulator, email = 'ada@example.com'): Promise<FapiCaller> {
  const fapi = await devBrowser(emulator);
  await signInWithPassword(fapi, email, 'password123');
  return fapi;
}
function setup() {
  let clock = Date.now();
  const emulator = createEmulator({
    now: () => clock,
    seed: {
      users: [
        { emailAddress: 'ada@example.com', password: 'password123' },
        { emailAddress: 'grace@example.com', password: 'password123' },
      ],
    },
  });
  return { emulator, advance: (ms: number) => (clock += ms) };
}
/** Prepares an enrollment of a fresh key and returns what the attempt needs. */
async function prepared(fapi: FapiCaller, extra: Record<string, string> = {}) {
  const key = deviceKey();
  const enrollment = { platform: 'ios', app_identifier: APP, algorithm: 'ES256', public_key_jwk: JSON.stringify(key.jwk), ...extra };
  const res = await fapi('POST', '/me/biometric_credentials/prepare', enrollment);
  expect(res.status).toBe(200);
  const clientData = res.json.response.client_data as string;
  return { ...key, enrollment, challenge: res.json.response, clientData, signature: signed(key.privateKey, clientData) };
}
const errorOf = (res: { status: number; json: any }) => ({ status: res.status, ...res.json.errors[0] });

describe('/v1/me/biometric_credentials', () => {
  it('enrolls a key by its signed challenge, lists it, revokes it (kept in the list as revoked)', async () => {
    const { emulator } = setup();
    const fapi = await signedIn(emulator);
    const { enrollment, challenge, clientData, signature } = await prepared(fapi, { name: 'Ada’s iPhone' });
    expect(challenge).toMatchObject({ object: 'trusted_device_challenge', algorithm: 'ES256', challenge_id: expect.stringMatching(/^tdc_/) });
    expect(challenge.trusted_device_id).toBeUndefined();
    expect(JSON.parse(clientData)).toMatchObject({ challenge: challenge.challenge, app_identifier: APP, user_id: expect.stringMatching(/^user_/) });
    // Epoch seconds, about five minutes ahead.
    expect(challenge.expires_at * 1000 - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(challenge.expires_at * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const created = await fapi('POST', '/me/biometric_credentials/attempt', { ...enrollment, client_data: clientData, signature });
    expect(created.status).toBe(200);
    const credential = created.json.response;
    expect(credential).toMatchObject({
      object: 'trusted_device',
      platform: 'ios',
      app_identifier: APP,
      name: 'Ada’s iPhone',
      status: 'active',
      revoked_at: null,
    });
    expect(credential).not.toHaveProperty('public_key_jwk');
    expect((await fapi('GET', '/me/biometric_credentials')).json.response).toEqual([credential]);

    const revoked = await fapi('DELETE', `/me/biometric_credentials/${credential.id}`);
    expect(revoked.json.response).toMatchObject({ id: credential.id, status: 'revoked', revoked_at: expect.any(Number) });
    const listed = (await fapi('GET', '/me/biometric_credentials')).json.response;
    expect(listed).toEqual([revoked.json.response]);
    // Revoking again changes nothing.
    expect((await fapi('DELETE', `/me/biometric_credentials/${credential.id}`)).json.response).toEqual(revoked.json.response);
    // Another user sees none of them.
    expect((await (await signedIn(emulator, 'grace@example.com'))('GET', '/me/biometric_credentials')).json.response).toEqual([]);
  });

  it('refuses missing and invalid enrollment fields, and keys that are not P-256 public JWKs', async () => {
    const { emulator } = setup();
    const fapi = await signedIn(emulator);
    const { jwk } = deviceKey();
    const base = { platform: 'android', app_identifier: APP, algorithm: 'ES256', public_key_jwk: JSON.stringify(jwk) };
    const prepare = (body: Record<string, string | undefined>) => fapi('POST', '/me/biometric_credentials/prepare', body);
    expect(errorOf(await prepare({ ...base, app_identifier: undefined }))).toMatchObject({
      status: 422,
      code: 'form_param_missing',
      meta: { param_name: 'app_identifier' },
    });
    expect(errorOf(await prepare({ ...base, public_key_jwk: undefined }))).toMatchObject({
      code: 'form_param_missing',
      meta: { param_name: 'public_key_jwk' },
    });
    expect(errorOf(await prepare({ ...base, platform: 'windows' }))).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'platform' } });
    expect(errorOf(await prepare({ ...base, algorithm: 'RS256' }))).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'algorithm' } });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const badKeys: Array<[string, RegExp]> = [
      ['not json', /JSON text/],
      [JSON.stringify({ ...jwk, crv: 'P-384' }), /P-256/],
      [JSON.stringify({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }), /P-256/],
      [JSON.stringify({ ...jwk, x: jwk.x!.slice(1) }), /32 bytes/],
      [JSON.stringify({ ...jwk, y: jwk.x }), /not a point on the P-256 curve/],
      [JSON.stringify(privateKey.export({ format: 'jwk' })), /private key/],
    ];
    for (const [key, message] of badKeys) {
      const refused = errorOf(await prepare({ ...base, public_key_jwk: key }));
      expect(refused).toMatchObject({ status: 422, code: 'form_param_format_invalid', meta: { param_name: 'public_key_jwk' } });
      expect(refused.long_message).toMatch(message);
    }
    expect(emulator.requests.filter((r) => r.path.endsWith('/prepare'))).toHaveLength(4 + badKeys.length);
  });

  it('refuses a wrong or malformed signature and keeps the challenge for a correct one; a used challenge is gone', async () => {
    const { emulator } = setup();
    const fapi = await signedIn(emulator);
    const { enrollment, clientData, signature, privateKey } = await prepared(fapi);
    const attempt = (body: Record<string, string>) => fapi('POST', '/me/biometric_credentials/attempt', { ...enrollment, client_data: clientData, ...body });
    const otherKey = deviceKey().privateKey;
    expect(errorOf(await attempt({ signature: signed(otherKey, clientData) }))).toMatchObject({
      status: 422,
      code: 'trusted_device_verification_failed',
      meta: { param_name: 'signature' },
    });
    // The device's own key over other bytes (the client data re-serialised) fails too.
    expect(errorOf(await attempt({ signature: signed(privateKey, JSON.stringify(JSON.parse(clientData), null, 1)) })).code).toBe(
      'trusted_device_verification_failed',
    );
    expect(errorOf(await attempt({ signature: 'not base64url!' }))).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'signature' } });
    expect(errorOf(await attempt({ signature: Buffer.alloc(70).toString('base64url') })).code).toBe('form_param_format_invalid');
    expect((await fapi('GET', '/me/biometric_credentials')).json.response).toEqual([]);

    expect((await attempt({ signature })).status).toBe(200);
    expect(errorOf(await attempt({ signature }))).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'client_data' } });
    expect((await fapi('GET', '/me/biometric_credentials')).json.response).toHaveLength(1);
  });

  it('refuses unknown, foreign and expired client data, params that differ from the prepared ones, and a key enrolled twice', async () => {
    const { emulator, advance } = setup();
    const fapi = await signedIn(emulator);
    const { enrollment, clientData, signature, privateKey } = await prepared(fapi);
    const attempt = (body: Record<string, string>, as = fapi) =>
      as('POST', '/me/biometric_credentials/attempt', { ...enrollment, client_data: clientData, signature, ...body });
    expect(errorOf(await attempt({ client_data: '{"challenge":"made-up"}' }))).toMatchObject({
      code: 'form_param_value_invalid',
      meta: { param_name: 'client_data' },
    });
    expect(errorOf(await attempt({ client_data: '' }))).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'client_data' } });
    // Another user cannot complete Ada's enrollment.
    expect(errorOf(await attempt({}, await signedIn(emulator, 'grace@example.com'))).meta.param_name).toBe('client_data');
    expect(errorOf(await attempt({ app_identifier: 'com.example.other' }))).toMatchObject({
      code: 'form_param_value_invalid',
      meta: { param_name: 'app_identifier' },
    });
    expect(errorOf(await attempt({ platform: 'android' })).meta.param_name).toBe('platform');
    expect(errorOf(await attempt({ public_key_jwk: JSON.stringify(deviceKey().jwk) })).meta.param_name).toBe('public_key_jwk');
    expect(errorOf(await attempt({ signature: '' }))).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'signature' } });

    // The same key again: refused once the first enrollment is active, accepted after it was revoked.
    const again = await fapi('POST', '/me/biometric_credentials/prepare', enrollment);
    const againData = again.json.response.client_data as string;
    expect((await attempt({})).status).toBe(200);
    const twice = await attempt({ client_data: againData, signature: signed(privateKey, againData) });
    expect(errorOf(twice)).toMatchObject({ code: 'trusted_device_already_exists', meta: { param_name: 'public_key_jwk' } });

    const late = await prepared(fapi);
    advance(5 * 60_000);
    const expired = await fapi('POST', '/me/biometric_credentials/attempt', { ...late.enrollment, client_data: late.clientData, signature: late.signature });
    expect(errorOf(expired)).toMatchObject({ status: 422, code: 'verification_expired', meta: { param_name: 'client_data' } });
    // An expired challenge is dropped: it answers as unknown afterwards.
    const retried = await fapi('POST', '/me/biometric_credentials/attempt', { ...late.enrollment, client_data: late.clientData, signature: late.signature });
    expect(errorOf(retried).code).toBe('form_param_value_invalid');
    expect((await fapi('GET', '/me/biometric_credentials')).json.response).toHaveLength(1);
  });

  it('needs a recently verified session to prepare and to revoke; 404 for an unknown credential', async () => {
    const { emulator } = setup();
    const fapi = await signedIn(emulator);
    const { enrollment, clientData, signature } = await prepared(fapi);
    const id = (await fapi('POST', '/me/biometric_credentials/attempt', { ...enrollment, client_data: clientData, signature })).json.response.id;
    expect(errorOf(await fapi('DELETE', '/me/biometric_credentials/td_unknown'))).toMatchObject({ status: 404, code: 'resource_not_found' });

    emulator.updateSettings({ reverification: { maxAgeMinutes: 0 } });
    const stale = await fapi('POST', '/me/biometric_credentials/prepare', { ...enrollment, public_key_jwk: JSON.stringify(deviceKey().jwk) });
    expect(errorOf(stale)).toMatchObject({ status: 403, code: 'session_reverification_required', meta: { reverification: { after_minutes: 0 } } });
    expect(errorOf(await fapi('DELETE', `/me/biometric_credentials/${id}`)).code).toBe('session_reverification_required');
    // Listing is not sensitive; the credential is still active.
    expect((await fapi('GET', '/me/biometric_credentials')).json.response).toMatchObject([{ id, status: 'active' }]);
    expect(errorOf(await (await devBrowser(emulator))('GET', '/me/biometric_credentials')).status).toBe(401);
  });
});

describe('biometric credentials in the emulator snapshot', () => {
  const dirs: string[] = [];
  const running: RunningEmulator[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) await r.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps enrolled credentials and pending challenges across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microclerk-bio-'));
    dirs.push(dataDir);
    const first = await startEmulator({ dataDir });
    running.push(first);
    first.emulator.addUser({ emailAddress: 'ada@example.com', password: 'password123' });
    const fapi = await signedIn(first.emulator);
    const enrolled = await prepared(fapi);
    const created = await fapi('POST', '/me/biometric_credentials/attempt', {
      ...enrolled.enrollment,
      client_data: enrolled.clientData,
      signature: enrolled.signature,
    });
    const pending = await prepared(fapi);
    running.splice(0);
    await first.close();

    const second = await startEmulator({ dataDir });
    running.push(second);
    const sameBrowser = caller(second.emulator, { token: fapi.token });
    expect((await sameBrowser('GET', '/me/biometric_credentials')).json.response).toEqual([created.json.response]);
    const completed = await sameBrowser('POST', '/me/biometric_credentials/attempt', {
      ...pending.enrollment,
      client_data: pending.clientData,
      signature: pending.signature,
    });
    expect(completed.json.response.status).toBe('active');
  });
});
