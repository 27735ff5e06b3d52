/** RS256 session tokens signed with a key pair generated per emulator, and the matching JWKS. */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwtSigner {
  kid: string;
  publicKeyPem: string;
  jwks(): { keys: JsonWebKey[] };
  sign(claims: Record<string, unknown>, extraHeader?: Record<string, unknown>): string;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

export function createJwtSigner(): JwtSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `ins_${randomBytes(12).toString('hex')}`;
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } as JsonWebKey;
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const signingKey: KeyObject = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));

  return {
    kid,
    publicKeyPem,
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
