/** `/v1/me/passkeys`: register a passkey (create → attempt_verification), read one (a resource's `reload()`), rename, remove. */
import { fapiError, notFound, paramInvalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { registrationOptions, verifyRegistration } from '../domain/passkeys.js';
import { newVerification, type PasskeyRecord, type UserRecord } from '../domain/records.js';
import { assertRecentlyVerified } from '../domain/reverification.js';
import { passkeyJson } from '../wire/user.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { assertPasskeysEnabled, requestRelyingParty } from './passkey-request.js';

const REGISTRATION_LIFETIME_MS = 5 * 60 * 1000;

function findPasskey(ctx: RequestContext): { user: UserRecord; passkey: PasskeyRecord } {
  assertPasskeysEnabled(ctx);
  const { user } = ctx.currentUser();
  const passkey = user.passkeys.find((p) => p.id === ctx.params.id);
  if (!passkey) throw notFound('passkey');
  return { user, passkey };
}

/** A default name like FAPI's: the browser and OS the passkey was made on. */
function defaultName(userAgent: string | null): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} on ${os}` : browser;
}

async function createPasskey(ctx: RequestContext): Promise<Response> {
  assertPasskeysEnabled(ctx);
  const { user, session } = ctx.currentUser();
  assertRecentlyVerified(ctx.core, session, user);
  const now = ctx.core.now();
  // An unfinished registration is replaced, not kept as a second pending passkey.
  user.passkeys = user.passkeys.filter((p) => p.credentialId);
  const verification = newVerification('passkey');
  verification.nonce = await registrationOptions(requestRelyingParty(ctx), user);
  verification.expireAt = now + REGISTRATION_LIFETIME_MS;
  const passkey: PasskeyRecord = {
    id: newId('idn'),
    name: defaultName(ctx.userAgent),
    credentialId: '',
    publicKey: '',
    counter: 0,
    transports: [],
    verification,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  user.passkeys.push(passkey);
  ctx.touchClient();
  return ctx.envelope(passkeyJson(passkey));
}

async function attemptVerification(ctx: RequestContext): Promise<Response> {
  const { user, passkey } = findPasskey(ctx);
  const verification = passkey.verification;
  if (verification.status === 'verified') {
    throw fapiError(400, 'verification_already_verified', 'Already verified', 'This passkey has already been verified.');
  }
  const now = ctx.core.now();
  if (verification.expireAt !== null && now >= verification.expireAt) {
    verification.status = 'expired';
    throw fapiError(422, 'verification_expired', 'expired', 'This passkey registration has expired. Start again.', { param_name: 'public_key_credential' });
  }
  verification.attempts += 1;
  await verifyRegistration(requestRelyingParty(ctx), passkey, ctx.body.string('public_key_credential'), user);
  verification.status = 'verified';
  verification.nonce = null;
  verification.verifiedAtClient = ctx.client?.id ?? null;
  passkey.updatedAt = now;
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(passkeyJson(passkey));
}

function getPasskey(ctx: RequestContext): Response {
  return ctx.envelope(passkeyJson(findPasskey(ctx).passkey));
}

function updatePasskey(ctx: RequestContext): Response {
  const { user, passkey } = findPasskey(ctx);
  const name = ctx.body.string('name');
  if (name !== undefined) {
    if (!name.trim() || name.length > 128) throw paramInvalid('name', 'must be between 1 and 128 characters.');
    passkey.name = name.trim();
  }
  passkey.updatedAt = user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(passkeyJson(passkey));
}

function deletePasskey(ctx: RequestContext): Response {
  const { user, passkey } = findPasskey(ctx);
  user.passkeys = user.passkeys.filter((p) => p !== passkey);
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'passkey', id: passkey.id, deleted: true });
}

export const passkeyRoutes: Route[] = [
  route('POST', '/me/passkeys', createPasskey),
  route('POST', '/me/passkeys/:id/attempt_verification', attemptVerification),
  route('GET', '/me/passkeys/:id', getPasskey),
  route('PATCH', '/me/passkeys/:id', updatePasskey),
  route('DELETE', '/me/passkeys/:id', deletePasskey),
];
