/** RS256 session tokens signed with a key pair generated per emulator, and the matching JWKS. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwtSigner {
  kid: string;
  publicKeyPem: string;
  /** PKCS#8 PEM of the signing key, so a persisted emulator keeps verifying the tokens it issued. */
  privateKeyPem: string;
  jwks(): { keys: JsonWebKey[] };
  sign(claims: Record<string, unknown>, extraHeader?: Record<string, unknown>): string;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** A new key pair, or the one `restore` names (from a snapshot). */
export function createJwtSigner(restore?: { kid: string; privateKeyPem: string }): JwtSigner {
  const signingKey: KeyObject = restore ? createPrivateKey(restore.privateKeyPem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = createPublicKey(signingKey);
  const kid = restore?.kid ?? `ins_${randomBytes(12).toString('hex')}`;
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } as JsonWebKey;
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const privateKeyPem = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  return {
    kid,
    publicKeyPem,
    privateKeyPem,
    jwks: () => ({ keys: [{ ...publicJwk }] }),
    sign(claims, extraHeader = {}) {
      const header = { alg: 'RS256', kid, typ: 'JWT', ...extraHeader };
      const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
      const signature = sign('RSA-SHA256', Buffer.from(signingInput), signingKey);
      return `${signingInput}.${base64url(signature)}`;
    },
  };
}

/** Decodes the payload of a JWT without checking it (for the emulator's own bookkeeping and tests). */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
