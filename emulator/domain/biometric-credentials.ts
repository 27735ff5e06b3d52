/**
 * Biometric credentials (FAPI's trusted devices): a native app enrolls a P-256 key by signing the
 * `client_data` of a challenge. FAPI documents the wire shape only; these are the checks it implies.
 */
import { createPublicKey, verify } from 'node:crypto';
import { fapiError, formError } from './errors.js';
import type { BiometricCredentialRecord } from './records.js';

type PublicKeyJwk = BiometricCredentialRecord['publicKeyJwk'];

/** 32 bytes as unpadded base64url: one P-256 coordinate. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

const badKey = (detail: string) => formError('form_param_format_invalid', 'public_key_jwk', `public_key_jwk ${detail}`, `public_key_jwk ${detail}`);

/** The device's public key from the form's JSON text: an EC P-256 JWK whose point is on the curve. */
export function parsePublicKeyJwk(raw: string): PublicKeyJwk {
  let jwk: Record<string, unknown>;
  try {
    jwk = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw badKey('must be a JWK as JSON text.');
  }
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw badKey('must be a JWK object.');
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw badKey('must be an EC key on the P-256 curve (kty "EC", crv "P-256").');
  if ('d' in jwk) throw badKey('must be a public key: it carries the private key (d), which must never leave the device.');
  const { x, y } = jwk;
  if (typeof x !== 'string' || typeof y !== 'string' || !COORDINATE.test(x) || !COORDINATE.test(y)) {
    throw badKey('must have x and y, each 32 bytes in base64url.');
  }
  const key: PublicKeyJwk = { kty: 'EC', crv: 'P-256', x, y };
  try {
    createPublicKey({ key, format: 'jwk' });
  } catch {
    throw badKey('is not a point on the P-256 curve.');
  }
  return key;
}

/** Whether `signature` (base64url of the raw r‖s ES256 signature) signs exactly `clientData` with `jwk`. */
export function verifyClientDataSignature(jwk: PublicKeyJwk, clientData: string, signature: string): void {
  const bytes = /^[A-Za-z0-9_-]+$/.test(signature) ? Buffer.from(signature, 'base64url') : null;
  if (!bytes || bytes.length !== 64) {
    throw formError('form_param_format_invalid', 'signature', 'signature must be base64url of a 64-byte ES256 signature (r‖s).');
  }
  const valid = verify('sha256', Buffer.from(clientData), { key: jwk, format: 'jwk', dsaEncoding: 'ieee-p1363' }, bytes);
  if (!valid) {
    throw fapiError(
      422,
      'trusted_device_verification_failed',
      'Signature verification failed',
      'The signature does not match client_data and the public key.',
      {
        param_name: 'signature',
      },
    );
  }
}

/** The same key, whatever the JSON's member order. */
export const sameKey = (a: PublicKeyJwk, b: PublicKeyJwk) => a.x === b.x && a.y === b.y;
