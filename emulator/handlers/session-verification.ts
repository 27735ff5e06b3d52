/**
 * Reverification, `/v1/client/sessions/{id}/verify…`: the signed-in user proves a factor again
 * (password, code or passkey, then a second factor when the level asks for it), which resets the
 * session's `factor_verification_age`.
 */
import { supportedSecondFactors } from '../domain/auth-factors.js';
import { codeIncorrect, fapiError, formError, notFound, paramMissing, signedOut } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { authenticationOptions, verifyAuthentication } from '../domain/passkeys.js';
import { newVerification, type SessionRecord, type SessionVerificationRecord, type UserRecord } from '../domain/records.js';
import { verifyTotp } from '../domain/totp.js';
import { reverificationFirstFactors, sessionVerificationJson } from '../wire/session-verification.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { assertPasskeysEnabled, requestRelyingParty } from './passkey-request.js';

const LEVELS = ['first_factor', 'second_factor', 'multi_factor'] as const;

function loadSession(ctx: RequestContext): { session: SessionRecord; user: UserRecord } {
  const client = ctx.client;
  const session = ctx.core.store.sessions.get(ctx.params.id ?? '');
  if (!client || !session || session.clientId !== client.id) throw notFound('session');
  if (!ctx.core.isSignedIn(session)) throw signedOut();
  const user = ctx.core.store.users.get(session.userId);
  if (!user) throw signedOut();
  return { session, user };
}

function loadVerification(ctx: RequestContext, status: SessionVerificationRecord['status']) {
  const { session, user } = loadSession(ctx);
  const record = ctx.core.store.sessionVerifications.get(session.id);
  if (!record) throw fapiError(400, 'verification_missing', 'No verification', 'Start a verification of this session first (POST …/verify).');
  if (record.status !== status) {
    throw fapiError(400, 'session_verification_status_invalid', 'Not expecting this factor', `This session verification is in status ${record.status}.`);
  }
  return { session, user, record };
}

function respond(ctx: RequestContext, record: SessionVerificationRecord, session: SessionRecord, user: UserRecord): Response {
  record.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(sessionVerificationJson(ctx.view, record, session, user));
}

function strategyInvalid() {
  return formError('strategy_for_user_invalid', 'strategy', 'Invalid verification strategy', 'The verification strategy is not valid for this account.');
}

/** After the first factor: a second one when the level needs it and the user has one, else done. */
function afterFirstFactor(ctx: RequestContext, record: SessionVerificationRecord, session: SessionRecord, user: UserRecord, bothFactors: boolean): void {
  const now = ctx.core.now();
  session.firstFactorVerifiedAt = now;
  if (bothFactors) session.secondFactorVerifiedAt = now;
  const needsSecond = record.level === 'multi_factor' && !bothFactors && supportedSecondFactors(ctx.core, user) !== null;
  record.status = needsSecond ? 'needs_second_factor' : 'complete';
  session.updatedAt = now;
}

function start(ctx: RequestContext): Response {
  const { session, user } = loadSession(ctx);
  const level = ctx.body.text('level');
  if (!level) throw paramMissing('level');
  if (!(LEVELS as readonly string[]).includes(level)) throw formError('form_param_value_invalid', 'level', `level must be one of ${LEVELS.join(', ')}.`);
  const now = ctx.core.now();
  const hasSecond = supportedSecondFactors(ctx.core, user) !== null;
  const record: SessionVerificationRecord = {
    id: newId('sessver'),
    sessionId: session.id,
    level: level as SessionVerificationRecord['level'],
    // `second_factor` asks a user with two-step verification for that factor only; others verify a first factor.
    status: level === 'second_factor' && hasSecond ? 'needs_second_factor' : 'needs_first_factor',
    firstFactorVerification: null,
    secondFactorVerification: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.core.store.sessionVerifications.set(session.id, record);
  return respond(ctx, record, session, user);
}

async function prepareFirstFactor(ctx: RequestContext): Promise<Response> {
  const { session, user, record } = loadVerification(ctx, 'needs_first_factor');
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  const factors = reverificationFirstFactors(ctx.view, user).filter((f) => f.strategy === strategy);
  if (!factors.length || strategy === 'password') throw strategyInvalid();
  if (strategy === 'passkey') {
    assertPasskeysEnabled(ctx);
    record.firstFactorVerification = newVerification('passkey');
    record.firstFactorVerification.nonce = await authenticationOptions(requestRelyingParty(ctx), user.passkeys);
    return respond(ctx, record, session, user);
  }
  const idParam = strategy === 'email_code' ? 'email_address_id' : 'phone_number_id';
  const id = ctx.body.text(idParam);
  const factor =
    (id ? factors.find((f) => (f.email_address_id ?? f.phone_number_id) === id) : undefined) ??
    (!id ? (factors.find((f) => f.primary) ?? factors[0]) : undefined);
  if (!factor?.safe_identifier) throw strategyInvalid();
  record.firstFactorVerification = ctx.core.prepareVerification({
    strategy,
    to: factor.safe_identifier,
    channel: strategy === 'email_code' ? 'email' : 'sms',
    purpose: 'verification',
  });
  return respond(ctx, record, session, user);
}

async function attemptFirstFactor(ctx: RequestContext): Promise<Response> {
  const { core, body } = ctx;
  const { session, user, record } = loadVerification(ctx, 'needs_first_factor');
  const strategy = body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (!reverificationFirstFactors(ctx.view, user).some((f) => f.strategy === strategy)) throw strategyInvalid();
  core.assertNotLocked(user);
  if (strategy === 'password') {
    const password = body.string('password');
    if (password === undefined) throw paramMissing('password');
    core.checkPassword(user, password);
    record.firstFactorVerification = { ...newVerification('password', 'verified'), attempts: 1, verifiedAtClient: session.clientId };
    afterFirstFactor(ctx, record, session, user, false);
    return respond(ctx, record, session, user);
  }
  const verification = record.firstFactorVerification;
  if (!verification || verification.strategy !== strategy) {
    throw fapiError(400, 'verification_missing', 'Not prepared', `Call prepare_first_factor with strategy ${strategy} first.`, { param_name: 'strategy' });
  }
  if (strategy === 'passkey') {
    verification.attempts += 1;
    const candidates = user.passkeys.map((passkey) => ({ user, passkey }));
    await verifyAuthentication(requestRelyingParty(ctx), verification.nonce, body.string('public_key_credential'), candidates, core.now());
    record.firstFactorVerification = { ...verification, status: 'verified', nonce: null, verifiedAtClient: session.clientId };
    afterFirstFactor(ctx, record, session, user, true);
    return respond(ctx, record, session, user);
  }
  const code = body.text('code');
  if (!code) throw paramMissing('code');
  core.attemptVerification(verification, code, session.clientId);
  afterFirstFactor(ctx, record, session, user, false);
  return respond(ctx, record, session, user);
}

function prepareSecondFactor(ctx: RequestContext): Response {
  const { session, user, record } = loadVerification(ctx, 'needs_second_factor');
  const strategy = ctx.body.text('strategy');
  if (strategy !== 'phone_code') throw strategyInvalid();
  const phoneId = ctx.body.text('phone_number_id');
  const factors = (supportedSecondFactors(ctx.core, user) ?? []).filter((f) => f.strategy === 'phone_code');
  const factor = (phoneId ? factors.find((f) => f.phone_number_id === phoneId) : (factors.find((f) => f.default) ?? factors[0])) ?? undefined;
  if (!factor?.safe_identifier) throw strategyInvalid();
  record.secondFactorVerification = ctx.core.prepareVerification({ strategy, to: factor.safe_identifier, channel: 'sms', purpose: 'second_factor' });
  return respond(ctx, record, session, user);
}

function attemptSecondFactor(ctx: RequestContext): Response {
  const { core, body } = ctx;
  const { session, user, record } = loadVerification(ctx, 'needs_second_factor');
  const strategy = body.text('strategy');
  const code = body.text('code');
  if (!strategy) throw paramMissing('strategy');
  if (!code) throw paramMissing('code');
  if (!(supportedSecondFactors(core, user) ?? []).some((f) => f.strategy === strategy)) throw strategyInvalid();
  if (strategy === 'phone_code') {
    core.attemptVerification(record.secondFactorVerification, code, session.clientId);
  } else if (strategy === 'totp') {
    if (!user.totp || !verifyTotp(user.totp.secret, code, core.now())) throw codeIncorrect();
    record.secondFactorVerification = { ...newVerification('totp', 'verified'), attempts: 1, verifiedAtClient: session.clientId };
  } else {
    const index = user.backupCodes.indexOf(code.toLowerCase());
    if (index < 0) throw codeIncorrect();
    user.backupCodes.splice(index, 1);
    record.secondFactorVerification = { ...newVerification('backup_code', 'verified'), attempts: 1, verifiedAtClient: session.clientId };
  }
  const now = core.now();
  session.secondFactorVerifiedAt = now;
  session.updatedAt = now;
  record.status = 'complete';
  return respond(ctx, record, session, user);
}

export const sessionVerificationRoutes: Route[] = [
  route('POST', '/client/sessions/:id/verify', start),
  route('POST', '/client/sessions/:id/verify/prepare_first_factor', prepareFirstFactor),
  route('POST', '/client/sessions/:id/verify/attempt_first_factor', attemptFirstFactor),
  route('POST', '/client/sessions/:id/verify/prepare_second_factor', prepareSecondFactor),
  route('POST', '/client/sessions/:id/verify/attempt_second_factor', attemptSecondFactor),
];
