/**
 * Google One Tap's domain rules: the stand-in Google that issues signed ID tokens for the emulator's
 * fake Google accounts, and the checks FAPI makes on such a token (signature, issuer, audience,
 * expiry) before it signs a user in or up with strategy `google_one_tap`.
 */
import { generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { EmulatorCore } from './core.js';
import { formError, paramMissing } from './errors.js';
import { defaultProviderEmail, fakeProfile } from './oauth.js';
import type { OAuthProfile } from './records.js';

/** What Google puts in `iss`; both spellings are valid per Google's documentation. */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
/** Google's ID tokens live an hour. */
const ID_TOKEN_LIFETIME_S = 60 * 60;
const GOOGLE_STRATEGY = 'oauth_google';

interface GoogleKeys {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

// One key pair per emulator, made on first use (most emulators never issue a Google token).
const keysByCore = new WeakMap<EmulatorCore, GoogleKeys>();

function keysOf(core: EmulatorCore): GoogleKeys {
  let keys = keysByCore.get(core);
  if (!keys) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    keys = { kid: `google-${randomBytes(8).toString('hex')}`, privateKey, publicKey };
    keysByCore.set(core, keys);
  }
  return keys;
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** The client id One Tap uses, or null when the instance has no Google or One Tap is off. */
export function googleOneTapClientId(core: EmulatorCore): string | null {
  return core.settings.social.includes(GOOGLE_STRATEGY) ? core.settings.googleOneTapClientId : null;
}

export interface FakeGoogleAccount {
  email: string;
  name: string;
  picture: string;
}

/**
 * The Google accounts the stand-in prompt offers: the fake provider's default account, then every
 * Google account a user of this instance has connected (so returning users can sign in).
 */
export function fakeGoogleAccounts(core: EmulatorCore): FakeGoogleAccount[] {
  const emails = [defaultProviderEmail(GOOGLE_STRATEGY)];
  for (const user of core.store.users.values()) {
    for (const account of user.externalAccounts) {
      if (account.profile?.provider === 'google' && !emails.includes(account.profile.emailAddress)) emails.push(account.profile.emailAddress);
    }
  }
  return emails.map((email) => {
    const profile = fakeProfile(GOOGLE_STRATEGY, email);
    return { email, name: [profile.firstName, profile.lastName].filter(Boolean).join(' ') || email, picture: profile.imageUrl };
  });
}

/** An ES256 ID token as Google issues it after the user picked `email` in the prompt. */
export function issueGoogleIdToken(core: EmulatorCore, email: string, overrides: Record<string, unknown> = {}): string {
  const clientId = googleOneTapClientId(core);
  if (!clientId) throw formError('strategy_for_user_invalid', 'strategy', 'Google One Tap is not enabled for this instance.');
  const profile = fakeProfile(GOOGLE_STRATEGY, email);
  const now = Math.floor(core.now() / 1000);
  const claims = {
    iss: GOOGLE_ISSUERS[0],
    azp: clientId,
    aud: clientId,
    sub: profile.providerUserId,
    email: profile.emailAddress,
    email_verified: true,
    name: [profile.firstName, profile.lastName].filter(Boolean).join(' ') || undefined,
    given_name: profile.firstName ?? undefined,
    family_name: profile.lastName ?? undefined,
    iat: now,
    nbf: now - 5,
    exp: now + ID_TOKEN_LIFETIME_S,
    jti: randomBytes(12).toString('hex'),
    ...overrides,
  };
  const keys = keysOf(core);
  const input = `${b64(JSON.stringify({ alg: 'ES256', kid: keys.kid, typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64(signature)}`;
}

function tokenInvalid(why: string) {
  return formError('form_param_value_invalid', 'token', 'Invalid Google One Tap token', `The Google One Tap token is invalid: ${why}.`);
}

function parsePart(part: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks a One Tap credential as FAPI does and returns the Google account it names: a 422 on
 * `token` for a malformed, forged (signature or key), foreign (issuer, audience) or expired token.
 */
export function verifyGoogleIdToken(core: EmulatorCore, token: string | undefined): OAuthProfile {
  if (!token) throw paramMissing('token');
  const clientId = googleOneTapClientId(core);
  if (!clientId) throw formError('strategy_for_user_invalid', 'strategy', 'Google One Tap is not enabled for this instance.');
  const parts = token.split('.');
  const header = parsePart(parts[0]);
  const claims = parsePart(parts[1]);
  if (parts.length !== 3 || !header || !claims) throw tokenInvalid('it is not a JWT');
  const keys = keysOf(core);
  // Only the algorithm and key Google signs with: no `none`, no HMAC with the public key.
  if (header.alg !== 'ES256' || header.kid !== keys.kid) throw tokenInvalid('it is not signed by Google');
  const signed = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key: keys.publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(parts[2]!, 'base64url'),
  );
  if (!signed) throw tokenInvalid('its signature does not verify');
  if (!GOOGLE_ISSUERS.includes(String(claims.iss))) throw tokenInvalid('it was not issued by accounts.google.com');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(clientId)) throw tokenInvalid("it was issued for another client id than the instance's");
  const now = core.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw tokenInvalid('it has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60) throw tokenInvalid('it is not valid yet');
  if (typeof claims.email !== 'string' || typeof claims.sub !== 'string' || !claims.sub) throw tokenInvalid('it names no Google account');
  if (claims.email_verified !== true) throw tokenInvalid('its email address is not verified by Google');
  const base = fakeProfile(GOOGLE_STRATEGY, claims.email);
  return {
    ...base,
    providerUserId: claims.sub,
    firstName: typeof claims.given_name === 'string' ? claims.given_name : base.firstName,
    lastName: typeof claims.family_name === 'string' ? claims.family_name : base.lastName,
    imageUrl: typeof claims.picture === 'string' ? claims.picture : base.imageUrl,
  };
}
