/**
 * A software WebAuthn authenticator for Node tests: `navigator.credentials.create()/get()` with an
 * ES256 key per credential (node:crypto), `none` attestation, resident keys, user verification and a
 * signature counter — enough for a real relying party (@simplewebauthn/server) to verify it.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

type Bytes = Uint8Array;

/** Minimal CBOR encoder: unsigned/negative ints, byte and text strings, maps (what attestation needs). */
function cbor(value: unknown): Bytes {
  const head = (major: number, n: number): number[] => (n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 255]);
  if (typeof value === 'number') return Uint8Array.from(value >= 0 ? head(0, value) : head(1, -1 - value));
  if (typeof value === 'string') {
    const text = new TextEncoder().encode(value);
    return concat(Uint8Array.from(head(3, text.length)), text);
  }
  if (value instanceof Uint8Array) return concat(Uint8Array.from(head(2, value.length)), value);
  if (value instanceof Map) {
    const parts: Bytes[] = [Uint8Array.from(head(5, value.size))];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return concat(...parts);
  }
  throw new Error(`cbor: unsupported ${typeof value}`);
}

const concat = (...parts: Bytes[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};
const sha256 = (data: Bytes | string) => new Uint8Array(createHash('sha256').update(data).digest());
const u32 = (n: number) => Uint8Array.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const fromB64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));
const buffer = (bytes: Bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

interface StoredCredential {
  id: Bytes;
  rpId: string;
  userHandle: Bytes;
  privateKey: KeyObject;
  counter: number;
}

export function softwareAuthenticator(origin: string) {
  const credentials: StoredCredential[] = [];
  /** What the next ceremony does: proceed, or reject as a user cancelling the browser prompt does. */
  let nextAnswer: 'ok' | 'cancel' = 'ok';
  const cancelled = () => Object.assign(new Error('The operation either timed out or was not allowed.'), { name: 'NotAllowedError' });

  const clientData = (type: string, challenge: ArrayBuffer) =>
    new TextEncoder().encode(JSON.stringify({ type, challenge: Buffer.from(new Uint8Array(challenge)).toString('base64url'), origin, crossOrigin: false }));

  const credentialsApi = {
    async create({ publicKey }: { publicKey: PublicKeyCredentialCreationOptions }) {
      if (nextAnswer === 'cancel') throw cancelled();
      const rpId = publicKey.rp.id ?? new URL(origin).hostname;
      const excluded = (publicKey.excludeCredentials ?? []).map((c) => Buffer.from(c.id as ArrayBuffer).toString('base64url'));
      if (credentials.some((c) => excluded.includes(Buffer.from(c.id).toString('base64url')))) {
        throw Object.assign(new Error('The authenticator already holds a credential for this account.'), { name: 'InvalidStateError' });
      }
      const { privateKey, publicKey: pub } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = pub.export({ format: 'jwk' }) as { x: string; y: string };
      const id = sha256(`${Math.random()}`).slice(0, 16);
      const stored: StoredCredential = { id, rpId, userHandle: new Uint8Array(publicKey.user.id as ArrayBuffer), privateKey, counter: 0 };
      credentials.push(stored);
      const coseKey = cbor(
        new Map<number, unknown>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, fromB64url(jwk.x)],
          [-3, fromB64url(jwk.y)],
        ]),
      );
      // Flags: user present, user verified, attested credential data.
      const authData = concat(sha256(rpId), Uint8Array.from([0x45]), u32(0), new Uint8Array(16), Uint8Array.from([0, id.length]), id, coseKey);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      return {
        type: 'public-key',
        id: Buffer.from(id).toString('base64url'),
        rawId: buffer(id),
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: buffer(clientData('webauthn.create', publicKey.challenge as ArrayBuffer)),
          attestationObject: buffer(attestationObject),
          getTransports: () => ['internal'],
        },
      };
    },
    async get({ publicKey, mediation }: { publicKey: PublicKeyCredentialRequestOptions; mediation?: string }) {
      lastMediation = mediation;
      if (nextAnswer === 'cancel') throw cancelled();
      const rpId = publicKey.rpId ?? new URL(origin).hostname;
      const allowed = (publicKey.allowCredentials ?? []).map((c) => Buffer.from(c.id as ArrayBuffer).toString('base64url'));
      const credential = credentials.find((c) => c.rpId === rpId && (!allowed.length || allowed.includes(Buffer.from(c.id).toString('base64url'))));
      if (!credential) throw cancelled();
      credential.counter += 1;
      const authData = concat(sha256(rpId), Uint8Array.from([0x05]), u32(credential.counter));
      const clientDataJSON = clientData('webauthn.get', publicKey.challenge as ArrayBuffer);
      const signature = new Uint8Array(sign('sha256', concat(authData, sha256(clientDataJSON)), credential.privateKey));
      return {
        type: 'public-key',
        id: Buffer.from(credential.id).toString('base64url'),
        rawId: buffer(credential.id),
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: buffer(clientDataJSON),
          authenticatorData: buffer(authData),
          signature: buffer(signature),
          userHandle: buffer(credential.userHandle),
        },
      };
    },
  };
  let lastMediation: string | undefined;

  return {
    credentials,
    /** Puts this authenticator behind `navigator.credentials` (and a `PublicKeyCredential` global); returns the undo. */
    install(): () => void {
      const previous = Object.getOwnPropertyDescriptor(navigator, 'credentials');
      const hadPkc = 'PublicKeyCredential' in window;
      Object.defineProperty(navigator, 'credentials', { configurable: true, value: credentialsApi });
      (window as unknown as { PublicKeyCredential: unknown }).PublicKeyCredential = Object.assign(function PublicKeyCredential() {}, {
        isConditionalMediationAvailable: async () => true,
      });
      return () => {
        if (previous) Object.defineProperty(navigator, 'credentials', previous);
        else delete (navigator as { credentials?: unknown }).credentials;
        if (!hadPkc) delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
      };
    },
    cancelNext() {
      nextAnswer = 'cancel';
      return () => (nextAnswer = 'ok');
    },
    get lastMediation() {
      return lastMediation;
    },
  };
}
