/** `/v1/me/biometric_credentials`: enroll a native device's key (prepare, then attempt with the signed challenge), list, revoke. */
import { parsePublicKeyJwk, sameKey, verifyClientDataSignature } from '../domain/biometric-credentials.js';
import { fapiError, notFound, paramInvalid, paramMissing, verificationExpiredFor } from '../domain/errors.js';
import { newId, randomToken } from '../domain/ids.js';
import type { BiometricCredentialRecord, TrustedDeviceChallengeRecord } from '../domain/records.js';
import { assertRecentlyVerified } from '../domain/reverification.js';
import { biometricCredentialJson } from '../wire/user.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';

const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

function required(ctx: RequestContext, name: string): string {
  const value = ctx.body.text(name);
  if (value === undefined) throw paramMissing(name);
  return value;
}

/** The enrollment fields prepare and attempt both carry. */
function enrollmentParams(ctx: RequestContext) {
  const platform = required(ctx, 'platform');
  if (platform !== 'ios' && platform !== 'android') throw paramInvalid('platform', "must be 'ios' or 'android'.");
  const appIdentifier = required(ctx, 'app_identifier');
  if (required(ctx, 'algorithm') !== 'ES256') throw paramInvalid('algorithm', "must be 'ES256'.");
  const publicKeyJwk = parsePublicKeyJwk(required(ctx, 'public_key_jwk'));
  return { platform, appIdentifier, publicKeyJwk, name: ctx.body.text('name') ?? null } as const;
}

function prepare(ctx: RequestContext): Response {
  const { user, session } = ctx.currentUser();
  assertRecentlyVerified(ctx.core, session, user);
  const params = enrollmentParams(ctx);
  const now = ctx.core.now();
  const challenges = ctx.core.store.trustedDeviceChallenges;
  for (const [id, pending] of challenges) if (now >= pending.expiresAt) challenges.delete(id);
  const challenge = randomToken(32);
  const record: TrustedDeviceChallengeRecord = {
    id: newId('tdc'),
    userId: user.id,
    challenge,
    clientData: JSON.stringify({ type: 'trusted_device.enroll', challenge, user_id: user.id, app_identifier: params.appIdentifier, platform: params.platform }),
    ...params,
    expiresAt: now + CHALLENGE_LIFETIME_MS,
  };
  challenges.set(record.id, record);
  return ctx.envelope({
    object: 'trusted_device_challenge',
    challenge,
    challenge_id: record.id,
    client_data: record.clientData,
    expires_at: Math.floor(record.expiresAt / 1000),
    algorithm: 'ES256',
  });
}

function attempt(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const params = enrollmentParams(ctx);
  // Exactly as sent: the signature covers these bytes.
  const clientData = ctx.body.string('client_data');
  if (!clientData) throw paramMissing('client_data');
  const signature = required(ctx, 'signature');
  const challenges = ctx.core.store.trustedDeviceChallenges;
  const pending = [...challenges.values()].find((c) => c.userId === user.id && c.clientData === clientData);
  if (!pending) throw paramInvalid('client_data', 'does not belong to a prepared challenge of this user; prepare again.');
  const now = ctx.core.now();
  if (now >= pending.expiresAt) {
    challenges.delete(pending.id);
    throw verificationExpiredFor('client_data', 'This challenge has expired. Prepare the biometric credential again.');
  }
  if (params.platform !== pending.platform) throw paramInvalid('platform', 'does not match the prepared challenge.');
  if (params.appIdentifier !== pending.appIdentifier) throw paramInvalid('app_identifier', 'does not match the prepared challenge.');
  if (!sameKey(params.publicKeyJwk, pending.publicKeyJwk)) throw paramInvalid('public_key_jwk', 'does not match the prepared challenge.');
  const credentials = (user.biometricCredentials ??= []);
  if (credentials.some((c) => c.status === 'active' && sameKey(c.publicKeyJwk, pending.publicKeyJwk))) {
    throw fapiError(422, 'trusted_device_already_exists', 'Already enrolled', 'This device key is already an active biometric credential.', {
      param_name: 'public_key_jwk',
    });
  }
  // A wrong signature leaves the challenge pending: the device may sign again until it expires.
  verifyClientDataSignature(pending.publicKeyJwk, clientData, signature);
  challenges.delete(pending.id);
  const credential: BiometricCredentialRecord = {
    id: newId('td'),
    platform: pending.platform,
    appIdentifier: pending.appIdentifier,
    name: params.name ?? pending.name,
    algorithm: 'ES256',
    publicKeyJwk: pending.publicKeyJwk,
    status: 'active',
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  credentials.push(credential);
  return ctx.envelope(biometricCredentialJson(credential));
}

function revoke(ctx: RequestContext): Response {
  const { user, session } = ctx.currentUser();
  assertRecentlyVerified(ctx.core, session, user);
  const credential = user.biometricCredentials?.find((c) => c.id === ctx.params.id);
  if (!credential) throw notFound('biometric credential');
  // Revoking again answers the credential as it is (its first revocation time kept).
  if (credential.status === 'active') {
    credential.status = 'revoked';
    credential.revokedAt = credential.updatedAt = ctx.core.now();
  }
  return ctx.envelope(biometricCredentialJson(credential));
}

export const biometricCredentialRoutes: Route[] = [
  route('GET', '/me/biometric_credentials', (ctx) => ctx.envelope((ctx.currentUser().user.biometricCredentials ?? []).map(biometricCredentialJson))),
  route('POST', '/me/biometric_credentials/prepare', prepare),
  route('POST', '/me/biometric_credentials/attempt', attempt),
  route('DELETE', '/me/biometric_credentials/:id', revoke),
];
