/**
 * The emulator's WebAuthn relying party (@simplewebauthn/server): registration and authentication
 * options (handed to the client as a verification's `nonce`), and verification of what the browser's
 * authenticator returned against the stored credential (public key, signature counter).
 * The library loads on first use, so instances that never touch passkeys do not pay for it.
 */
import { fapiError, paramInvalid } from './errors.js';
import type { PasskeyRecord, UserRecord } from './records.js';

/** The page the ceremony runs on: its origin is checked in clientDataJSON, its host is the RP ID. */
export interface RelyingParty {
  origin: string;
  id: string;
  name: string;
}

export function relyingParty(origin: string, name: string): RelyingParty {
  return { origin, id: new URL(origin).hostname, name };
}

const webauthn = () => import('@simplewebauthn/server');

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

function parseCredential(raw: string | undefined): any {
  if (!raw)
    throw fapiError(422, 'form_param_missing', 'public_key_credential must be included.', 'public_key_credential must be included.', {
      param_name: 'public_key_credential',
    });
  try {
    const credential = JSON.parse(raw);
    if (credential && typeof credential === 'object' && typeof credential.id === 'string' && credential.response) return credential;
  } catch {
    // reported below
  }
  throw paramInvalid('public_key_credential', 'is not a valid public key credential.');
}

function challengeOf(nonce: string | null): string {
  const challenge = nonce ? (JSON.parse(nonce) as { challenge?: string }).challenge : undefined;
  if (!challenge) throw fapiError(400, 'verification_missing', 'Not prepared', 'Prepare the passkey verification first.', { param_name: 'strategy' });
  return challenge;
}

function invalidPasskey(detail: string) {
  return fapiError(422, 'passkey_verification_failed', 'Passkey verification failed', detail, { param_name: 'public_key_credential' });
}

/** Creation options for a new passkey of `user` (its existing credentials excluded), as the nonce JSON. */
export async function registrationOptions(rp: RelyingParty, user: UserRecord): Promise<string> {
  const { generateRegistrationOptions } = await webauthn();
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress;
  const userName = email ?? user.username ?? user.id;
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName,
    userDisplayName: [user.firstName, user.lastName].filter(Boolean).join(' ') || userName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: user.passkeys.filter((p) => p.credentialId).map((p) => ({ id: p.credentialId, transports: p.transports })),
    timeout: 300_000,
  });
  return JSON.stringify(options);
}

/** Checks the attestation for `passkey`'s pending registration; on success the credential is stored on it. */
export async function verifyRegistration(rp: RelyingParty, passkey: PasskeyRecord, rawCredential: string | undefined, user: UserRecord): Promise<void> {
  const { verifyRegistrationResponse } = await webauthn();
  const credential = parseCredential(rawCredential);
  if (user.passkeys.some((p) => p.credentialId === credential.id)) {
    throw fapiError(422, 'passkey_already_exists', 'Passkey already exists', 'This passkey is already registered.', { param_name: 'public_key_credential' });
  }
  let result;
  try {
    result = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: challengeOf(passkey.verification.nonce),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    throw invalidPasskey(error instanceof Error ? error.message : 'The passkey registration could not be verified.');
  }
  if (!result.verified) throw invalidPasskey('The passkey registration could not be verified.');
  const stored = result.registrationInfo.credential;
  passkey.credentialId = stored.id;
  passkey.publicKey = toBase64Url(stored.publicKey);
  passkey.counter = stored.counter;
  passkey.transports = stored.transports ?? credential.response.transports ?? [];
}

/** Request options: any discoverable credential of this RP (`allow` empty), or the given user's ones. */
export async function authenticationOptions(rp: RelyingParty, allow: PasskeyRecord[] = []): Promise<string> {
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    allowCredentials: allow.filter((p) => p.credentialId).map((p) => ({ id: p.credentialId, transports: p.transports as never })),
    timeout: 300_000,
  });
  return JSON.stringify(options);
}

/**
 * Finds the stored credential the assertion names (among `candidates`), checks its signature, origin,
 * challenge and counter, and records its use.
 */
export async function verifyAuthentication(
  rp: RelyingParty,
  nonce: string | null,
  rawCredential: string | undefined,
  candidates: Array<{ user: UserRecord; passkey: PasskeyRecord }>,
  now: number,
): Promise<{ user: UserRecord; passkey: PasskeyRecord }> {
  const { verifyAuthenticationResponse } = await webauthn();
  const credential = parseCredential(rawCredential);
  const found = candidates.find((c) => c.passkey.credentialId && c.passkey.credentialId === credential.id);
  if (!found) throw fapiError(422, 'form_identifier_not_found', 'Passkey not found', 'No account uses this passkey.', { param_name: 'public_key_credential' });
  const { passkey } = found;
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challengeOf(nonce),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: { id: passkey.credentialId, publicKey: fromBase64Url(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
    });
  } catch (error) {
    throw invalidPasskey(error instanceof Error ? error.message : 'The passkey could not be verified.');
  }
  if (!result.verified) throw invalidPasskey('The passkey could not be verified.');
  passkey.counter = result.authenticationInfo.newCounter;
  passkey.lastUsedAt = now;
  passkey.updatedAt = now;
  return found;
}
