/** `/v1/client/sign_ins`: identify, first factor, reset password, second factor, complete. */
import { signInFirstFactors, supportedFirstFactors, supportedSecondFactors } from '../domain/auth-factors.js';
import type { EmulatorCore } from '../domain/core.js';
import { codeIncorrect, fapiError, formError, notFound, paramMissing, sessionExists } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { verifyGoogleIdToken } from '../domain/google-one-tap.js';
import { chosenConnection, connectionForEmail, connectionsForEmail, ENTERPRISE_SSO, isEnterpriseStrategy } from '../domain/enterprise-sso.js';
import { isOAuthStrategy, linkExternalAccount, userForProfile } from '../domain/oauth.js';
import { newVerification, type ClientRecord, type SignInRecord, type UserRecord } from '../domain/records.js';
import { verifyTotp } from '../domain/totp.js';
import { acceptInvitationForUser, invitationForTicket } from '../domain/invitation-tickets.js';
import { isWeb3Strategy, normalizeWeb3Address, strategyFitsAddress } from '../domain/web3.js';
import { answerProtectCheck, assertNoProtectCheck, newProtectCheck } from '../domain/protect-check.js';
import { FormBody } from '../http/form-body.js';
import { signInJson } from '../wire/sign-in.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { oauthRedirectUrl, startOAuthFlow } from './oauth-request.js';
import { authenticationOptions, verifyAuthentication } from '../domain/passkeys.js';
import { assertPasskeysEnabled, requestRelyingParty } from './passkey-request.js';

const SIGN_IN_ABANDON_MS = 24 * 60 * 60 * 1000;

export interface DeviceDetails {
  userAgent: string | null;
  ipAddress: string | null;
}

function identifierNotFound() {
  return formError('form_identifier_not_found', 'identifier', "Couldn't find your account.", "Couldn't find your account.");
}

function strategyInvalid() {
  return formError('strategy_for_user_invalid', 'strategy', 'Invalid verification strategy', 'The verification strategy is not valid for this account.');
}

function loadSignIn(ctx: RequestContext): SignInRecord {
  const client = ctx.client;
  const signIn = ctx.core.store.signIns.get(ctx.params.id ?? '');
  if (!client || !signIn || signIn.clientId !== client.id) throw notFound('sign in');
  return signIn;
}

function signInUser(ctx: RequestContext, signIn: SignInRecord): UserRecord {
  const user = signIn.userId ? ctx.core.store.users.get(signIn.userId) : undefined;
  if (!user) throw paramMissing('identifier');
  return user;
}

function respond(ctx: RequestContext, signIn: SignInRecord): Response {
  signIn.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(signInJson(ctx.view, signIn.id));
}

/** Creates the session and marks the sign-in complete. */
function completeSignIn(core: EmulatorCore, signIn: SignInRecord, user: UserRecord, secondFactor: boolean, device: DeviceDetails): void {
  const client = core.store.clients.get(signIn.clientId);
  if (!client) throw notFound('client');
  const strategy = signIn.firstFactorVerification?.strategy ?? null;
  const session = core.createSession(client, user, { strategy, secondFactor, ...device });
  signIn.status = 'complete';
  signIn.createdSessionId = session.id;
  if (client.signInId === signIn.id) client.signInId = null;
  // The invitation a ticket signed in with is accepted now, not before a second factor: an unfinished sign-in joins nothing.
  if (signIn.invitationId) core.store.expireInvitations(core.now());
  const invitation = signIn.invitationId ? core.store.invitations.get(signIn.invitationId) : undefined;
  if (invitation?.status === 'pending' && core.store.organizations.has(invitation.organizationId)) acceptInvitationForUser(core, invitation, user);
  signIn.invitationId = null;
}

/** After a verified first factor: ask for a second factor when the user has one, else complete. */
export function afterFirstFactor(core: EmulatorCore, signIn: SignInRecord, user: UserRecord, device: DeviceDetails): void {
  if (supportedSecondFactors(core, user) !== null) {
    signIn.status = 'needs_second_factor';
    return;
  }
  completeSignIn(core, signIn, user, false, device);
}

function device(ctx: RequestContext): DeviceDetails {
  return { userAgent: ctx.userAgent, ipAddress: ctx.ipAddress };
}

function verifyPasswordFactor(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, password: string): void {
  if (!ctx.core.settings.password.enabled || user.password === null || connectionForEmail(ctx.core, signIn.identifier)) throw strategyInvalid();
  ctx.core.checkPassword(user, password);
  signIn.firstFactorVerification = { ...newVerification('password', 'verified'), attempts: 1, verifiedAtClient: signIn.clientId };
  afterFirstFactor(ctx.core, signIn, user, device(ctx));
}

function assertNotAlreadySignedIn(core: EmulatorCore, client: ClientRecord, user: UserRecord): void {
  const existing = core.activeSessions(client).find((s) => s.userId === user.id);
  if (existing) {
    throw fapiError(400, 'identifier_already_signed_in', "You're already signed in", "You're already signed in with this account.", {
      session_id: existing.id,
    });
  }
}

/** `strategy=ticket`: an invitation ticket of an existing user is their first factor; completing the sign-in accepts it. */
function signInWithTicket(ctx: RequestContext, client: ClientRecord, signIn: SignInRecord): void {
  const { core } = ctx;
  const invitation = invitationForTicket(core, ctx.body.text('ticket'));
  const user = core.store.findUserByEmail(invitation.emailAddress);
  if (!user) throw identifierNotFound();
  assertNotAlreadySignedIn(core, client, user);
  signIn.identifier = invitation.emailAddress;
  signIn.userId = user.id;
  signIn.firstFactorVerification = { ...newVerification('ticket', 'verified'), attempts: 1, verifiedAtClient: client.id };
  signIn.invitationId = invitation.id;
  core.store.signIns.set(signIn.id, signIn);
  client.signInId = signIn.id;
  afterFirstFactor(core, signIn, user, device(ctx));
}

async function createSignIn(ctx: RequestContext): Promise<Response> {
  const { core, body } = ctx;
  const client = ctx.requireClient();
  if (core.settings.singleSession && core.activeSessions(client).length > 0) throw sessionExists();
  const strategy = body.text('strategy');
  const now = core.now();
  const signIn: SignInRecord = {
    id: newId('sia'),
    timezone: body.text('timezone') ?? null,
    clientId: client.id,
    status: 'needs_identifier',
    identifier: null,
    userId: null,
    firstFactorVerification: null,
    firstFactorTargetId: null,
    secondFactorVerification: null,
    oauthProfile: null,
    createdSessionId: null,
    createdAt: now,
    updatedAt: now,
    abandonAt: now + SIGN_IN_ABANDON_MS,
  };
  if (body.bool('transfer')) {
    transferFromSignUp(ctx, client, signIn);
    return respond(ctx, signIn);
  }
  if (strategy === 'ticket') {
    signInWithTicket(ctx, client, signIn);
    return respond(ctx, signIn);
  }
  if (strategy === 'google_one_tap') {
    signInWithGoogleOneTap(ctx, client, signIn);
    return respond(ctx, signIn);
  }
  if (isOAuthStrategy(strategy)) {
    const redirectUrl = oauthRedirectUrl(ctx);
    signIn.status = 'needs_first_factor';
    signIn.firstFactorVerification = startOAuthFlow(ctx, {
      strategy,
      target: { kind: 'sign_in', signInId: signIn.id },
      redirectUrl,
      loginHint: body.text('oidc_login_hint') ?? body.text('identifier') ?? null,
    });
    core.store.signIns.set(signIn.id, signIn);
    client.signInId = signIn.id;
    return respond(ctx, signIn);
  }
  const identifier = body.text('identifier');
  const password = body.string('password');
  if (isEnterpriseStrategy(strategy)) {
    if (!identifier) throw paramMissing('identifier');
    signIn.identifier = identifier;
    const user = core.store.findUserByIdentifier(identifier);
    if (user) assertNotAlreadySignedIn(core, client, user);
    signIn.userId = user?.id ?? null;
    core.store.signIns.set(signIn.id, signIn);
    client.signInId = signIn.id;
    if (connectionsForEmail(core, identifier).length > 1 && !body.text('enterprise_connection_id')) {
      // Several connections on the domain and none named: the user picks one (prepare_first_factor names it).
      signIn.status = signIn.userId ? 'needs_first_factor' : 'needs_identifier';
      return respond(ctx, signIn);
    }
    startEnterpriseSso(ctx, signIn);
    return respond(ctx, signIn);
  }
  if (identifier && connectionForEmail(core, identifier)) {
    // A connected domain: the identity provider decides, so an unknown email is no error (it may be provisioned there).
    if (password !== undefined) throw strategyInvalid();
    const user = core.store.findUserByIdentifier(identifier);
    if (user) assertNotAlreadySignedIn(core, client, user);
    signIn.identifier = identifier;
    signIn.userId = user?.id ?? null;
    signIn.status = user ? 'needs_first_factor' : 'needs_identifier';
    core.store.signIns.set(signIn.id, signIn);
    client.signInId = signIn.id;
    return respond(ctx, signIn);
  }
  if (strategy === 'passkey' && !identifier) {
    // Discoverable / autofill: no account yet; the authenticator picks the credential, which names the user.
    assertPasskeysEnabled(ctx);
    signIn.status = 'needs_first_factor';
    signIn.firstFactorVerification = newVerification('passkey');
    signIn.firstFactorVerification.nonce = await authenticationOptions(requestRelyingParty(ctx));
    core.store.signIns.set(signIn.id, signIn);
    client.signInId = signIn.id;
    return respond(ctx, signIn);
  }
  if (identifier) {
    const user = core.store.findUserByIdentifier(identifier);
    if (!user) throw identifierNotFound();
    assertNotAlreadySignedIn(core, client, user);
    signIn.identifier = identifier;
    signIn.userId = user.id;
    signIn.status = 'needs_first_factor';
  } else if (password !== undefined) {
    throw paramMissing('identifier');
  }
  core.store.signIns.set(signIn.id, signIn);
  client.signInId = signIn.id;
  signIn.protectAssertion = body.text('__clerk_protect_assertion') ?? null;
  if (signIn.userId && core.settings.protectCheck.signIn) {
    // Clerk Protect: the first factor waits behind a challenge; the create's fields are replayed when it clears.
    signIn.status = 'needs_protect_check';
    signIn.protectCheck = newProtectCheck(now, protectSdkUrl(ctx), Math.max(0, core.settings.protectCheck.chain - 1), body.entries());
    return respond(ctx, signIn);
  }
  await identifiedFirstFactor(ctx, signIn);
  return respond(ctx, signIn);
}

/** The emulator's fake challenge SDK, on the FAPI origin (under the proxy prefix). */
export const protectSdkUrl = (ctx: RequestContext) => `${ctx.baseUrl}/__emulator/protect/sdk.js`;

/** The rest of an identified create: the password or strategy it named. */
async function identifiedFirstFactor(ctx: RequestContext, signIn: SignInRecord): Promise<void> {
  const { core, body } = ctx;
  const strategy = body.text('strategy');
  const password = body.string('password');
  const user = signIn.userId ? core.store.users.get(signIn.userId) : undefined;
  if (user && password !== undefined && (strategy === undefined || strategy === 'password')) {
    verifyPasswordFactor(ctx, signIn, user, password);
  } else if (user && strategy && strategy !== 'password') {
    await prepareFirstFactorFor(ctx, signIn, user, strategy);
  }
}

/**
 * `PATCH /client/sign_ins/:id/protect_check` (`proof_token`): a good proof clears the challenge (or
 * issues the next of a chain); the last one replays the held create, so the sign-in moves on as if it
 * had not been gated. A wrong proof changes nothing.
 */
async function submitProtectCheck(ctx: RequestContext): Promise<Response> {
  const signIn = loadSignIn(ctx);
  signIn.protectAssertion = ctx.body.text('__clerk_protect_assertion') ?? signIn.protectAssertion ?? null;
  const held = signIn.protectCheck;
  const next = answerProtectCheck(held, ctx.body.text('proof_token'), ctx.core.now());
  signIn.protectCheck = next;
  if (!next && held) {
    signIn.status = 'needs_first_factor';
    const replay = Object.create(ctx, { body: { value: new FormBody(new URLSearchParams(held.heldBody)) } }) as RequestContext;
    await identifiedFirstFactor(replay, signIn);
  }
  return respond(ctx, signIn);
}

/**
 * `transfer: true`: the client's OAuth sign-up found an existing user (`transferable` external
 * account), so sign that user in with the provider as the verified first factor.
 */
function transferFromSignUp(ctx: RequestContext, client: ClientRecord, signIn: SignInRecord): void {
  const { core } = ctx;
  const signUp = client.signUpId ? core.store.signUps.get(client.signUpId) : undefined;
  const profile = signUp?.oauthProfile;
  const user = profile && signUp?.externalAccountVerification?.status === 'transferable' ? userForProfile(core, profile) : undefined;
  if (!profile || !user) throw fapiError(400, 'transfer_invalid', 'Nothing to transfer', 'There is no sign-up to transfer to a sign-in.');
  assertNotAlreadySignedIn(core, client, user);
  core.assertNotLocked(user);
  linkExternalAccount(core, user, profile);
  signIn.userId = user.id;
  signIn.identifier = profile.emailAddress;
  signIn.status = 'needs_first_factor';
  signIn.firstFactorVerification = { ...newVerification(profile.strategy, 'verified'), attempts: 1, verifiedAtClient: client.id };
  core.store.signIns.set(signIn.id, signIn);
  client.signInId = signIn.id;
  client.signUpId = null;
  afterFirstFactor(core, signIn, user, device(ctx));
}

/**
 * `strategy: google_one_tap` with the ID token Google handed the page: a verified token of a known
 * Google account (or of a user's verified email) signs that user in; an unknown one answers
 * `external_account_not_found`, which the SDK answers with a sign-up carrying the same token.
 */
function signInWithGoogleOneTap(ctx: RequestContext, client: ClientRecord, signIn: SignInRecord): void {
  const { core } = ctx;
  const profile = verifyGoogleIdToken(core, ctx.body.text('token'));
  const user = userForProfile(core, profile);
  if (!user) throw fapiError(422, 'external_account_not_found', 'Invalid external account', 'The External Account was not found.');
  assertNotAlreadySignedIn(core, client, user);
  core.assertNotLocked(user);
  linkExternalAccount(core, user, profile);
  signIn.userId = user.id;
  signIn.identifier = profile.emailAddress;
  signIn.status = 'needs_first_factor';
  signIn.firstFactorVerification = { ...newVerification('google_one_tap', 'verified'), attempts: 1, verifiedAtClient: client.id };
  core.store.signIns.set(signIn.id, signIn);
  client.signInId = signIn.id;
  afterFirstFactor(core, signIn, user, device(ctx));
}

/** Picks the email or phone a factor should use: the id given, the identifier, else the primary. */
function factorTarget(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, kind: 'email' | 'phone') {
  const factors = supportedFirstFactors(ctx.core, user);
  if (kind === 'email') {
    const id = ctx.body.text('email_address_id');
    const email =
      (id ? user.emailAddresses.find((e) => e.id === id) : undefined) ??
      (!id ? user.emailAddresses.find((e) => e.emailAddress.toLowerCase() === signIn.identifier?.toLowerCase()) : undefined) ??
      (!id ? user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId) : undefined);
    if (!email || !factors.some((f) => f.email_address_id === email.id)) throw strategyInvalid();
    return { id: email.id, to: email.emailAddress };
  }
  const id = ctx.body.text('phone_number_id');
  const phone =
    (id ? user.phoneNumbers.find((p) => p.id === id) : undefined) ??
    (!id ? user.phoneNumbers.find((p) => p.phoneNumber.replace(/\D/g, '') === signIn.identifier?.replace(/\D/g, '')) : undefined) ??
    (!id ? user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId) : undefined);
  if (!phone) throw strategyInvalid();
  return { id: phone.id, to: phone.phoneNumber };
}

/**
 * `enterprise_sso` (or the legacy `saml`): starts the identity provider step of the connection that owns
 * the identifier's domain: the `enterprise_connection_id` given (one of the domain's), else the domain's only one.
 */
function startEnterpriseSso(ctx: RequestContext, signIn: SignInRecord): void {
  const { core, body } = ctx;
  const connection = chosenConnection(core, signIn.identifier, body.text('enterprise_connection_id'));
  const redirectUrl = oauthRedirectUrl(ctx);
  signIn.status = signIn.userId ? 'needs_first_factor' : 'needs_identifier';
  signIn.firstFactorVerification = startOAuthFlow(ctx, {
    strategy: ENTERPRISE_SSO,
    target: { kind: 'sign_in', signInId: signIn.id },
    redirectUrl,
    loginHint: signIn.identifier,
    enterpriseConnectionId: connection.id,
  });
}

/** The wallet a web3 factor signs with: the id given, else the identifier's. */
function web3Target(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, strategy: string) {
  const id = ctx.body.text('web3_wallet_id');
  const wallet = id
    ? user.web3Wallets.find((w) => w.id === id)
    : (user.web3Wallets.find((w) => signIn.identifier && w.web3Wallet === normalizeWeb3Address(signIn.identifier)) ??
      user.web3Wallets.find((w) => w.id === user.primaryWeb3WalletId && strategyFitsAddress(strategy, w.web3Wallet)) ??
      user.web3Wallets.find((w) => w.verification?.status === 'verified' && strategyFitsAddress(strategy, w.web3Wallet)));
  if (!wallet || wallet.verification?.status !== 'verified' || !strategyFitsAddress(strategy, wallet.web3Wallet)) throw strategyInvalid();
  return wallet;
}

async function prepareFirstFactorFor(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, strategy: string): Promise<void> {
  const supported = signInFirstFactors(ctx.core, signIn, user).map((f) => f.strategy);
  if (!supported.includes(strategy)) throw strategyInvalid();
  if (strategy === 'password') return;
  if (strategy === 'passkey') {
    signIn.firstFactorVerification = newVerification('passkey');
    signIn.firstFactorVerification.nonce = await authenticationOptions(requestRelyingParty(ctx), user.passkeys);
    return;
  }
  if (isWeb3Strategy(strategy)) {
    const wallet = web3Target(ctx, signIn, user, strategy);
    signIn.firstFactorTargetId = wallet.id;
    signIn.firstFactorVerification = ctx.core.prepareWeb3Verification(strategy, wallet.web3Wallet, ctx.view.origin ?? ctx.baseUrl);
    return;
  }
  const isEmail = strategy === 'email_code' || strategy === 'email_link' || strategy === 'reset_password_email_code';
  const target = factorTarget(ctx, signIn, user, isEmail ? 'email' : 'phone');
  signIn.firstFactorTargetId = target.id;
  signIn.firstFactorVerification = ctx.core.prepareVerification({
    strategy,
    to: target.to,
    channel: isEmail ? 'email' : 'sms',
    purpose: strategy.startsWith('reset_password') ? 'reset_password' : 'sign_in',
    linkTarget: { kind: 'sign_in', signInId: signIn.id },
    linkBaseUrl: ctx.baseUrl,
    redirectUrl: ctx.body.text('redirect_url') ?? null,
  });
}

async function prepareFirstFactor(ctx: RequestContext): Promise<Response> {
  const signIn = loadSignIn(ctx);
  assertNoProtectCheck(signIn, 'sign-in');
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (signIn.status === 'complete') throw fapiError(400, 'sign_in_already_complete', 'Already complete', 'This sign-in is already complete.');
  if (isOAuthStrategy(strategy)) {
    const redirectUrl = oauthRedirectUrl(ctx);
    signIn.status = 'needs_first_factor';
    signIn.firstFactorVerification = startOAuthFlow(ctx, { strategy, target: { kind: 'sign_in', signInId: signIn.id }, redirectUrl });
    return respond(ctx, signIn);
  }
  if (isEnterpriseStrategy(strategy)) {
    if (!signIn.identifier) throw paramMissing('identifier');
    startEnterpriseSso(ctx, signIn);
    return respond(ctx, signIn);
  }
  const user = signInUser(ctx, signIn);
  signIn.status = 'needs_first_factor';
  await prepareFirstFactorFor(ctx, signIn, user, strategy);
  return respond(ctx, signIn);
}

/**
 * A passkey assertion: checked against the credential it names (any user's for a discoverable
 * sign-in, else the identified user's). A user-verified passkey counts as both factors.
 */
async function attemptPasskey(ctx: RequestContext, signIn: SignInRecord): Promise<Response> {
  const { core } = ctx;
  assertPasskeysEnabled(ctx);
  const verification = signIn.firstFactorVerification;
  if (signIn.status !== 'needs_first_factor' || verification?.strategy !== 'passkey') {
    throw fapiError(400, 'verification_missing', 'Not prepared', 'Call prepare_first_factor with strategy passkey first.', { param_name: 'strategy' });
  }
  const users = signIn.userId ? [signInUser(ctx, signIn)] : [...core.store.users.values()];
  const candidates = users.flatMap((user) => user.passkeys.map((passkey) => ({ user, passkey })));
  verification.attempts += 1;
  const { user } = await verifyAuthentication(requestRelyingParty(ctx), verification.nonce, ctx.body.string('public_key_credential'), candidates, core.now());
  const client = ctx.requireClient();
  assertNotAlreadySignedIn(core, client, user);
  core.assertNotLocked(user);
  signIn.userId = user.id;
  signIn.identifier ??= user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress ?? user.username;
  signIn.firstFactorVerification = { ...verification, status: 'verified', nonce: null, verifiedAtClient: signIn.clientId };
  completeSignIn(core, signIn, user, true, device(ctx));
  return respond(ctx, signIn);
}

async function attemptFirstFactor(ctx: RequestContext): Promise<Response> {
  const { core, body } = ctx;
  const signIn = loadSignIn(ctx);
  assertNoProtectCheck(signIn, 'sign-in');
  const strategy = body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (strategy === 'passkey') return attemptPasskey(ctx, signIn);
  const user = signInUser(ctx, signIn);
  if (signIn.status !== 'needs_first_factor') {
    throw fapiError(400, 'sign_in_status_invalid', 'Not expecting a first factor', `This sign-in is in status ${signIn.status}.`);
  }
  core.assertNotLocked(user);
  if (strategy === 'password') {
    const password = body.string('password');
    if (password === undefined) throw paramMissing('password');
    verifyPasswordFactor(ctx, signIn, user, password);
    return respond(ctx, signIn);
  }
  const verification = signIn.firstFactorVerification;
  if (!verification || verification.strategy !== strategy) {
    throw fapiError(400, 'verification_missing', 'Not prepared', `Call prepare_first_factor with strategy ${strategy} first.`, {
      param_name: 'strategy',
    });
  }
  if (isWeb3Strategy(strategy)) {
    const signature = body.text('signature');
    if (!signature) throw paramMissing('signature');
    const wallet = user.web3Wallets.find((w) => w.id === signIn.firstFactorTargetId);
    if (!wallet) throw strategyInvalid();
    core.attemptWeb3Verification(verification, strategy, signature, wallet.web3Wallet, signIn.clientId);
    afterFirstFactor(core, signIn, user, device(ctx));
    return respond(ctx, signIn);
  }
  const code = body.text('code');
  if (!code) throw paramMissing('code');
  core.attemptVerification(verification, code, signIn.clientId);
  if (strategy.startsWith('reset_password')) {
    signIn.status = 'needs_new_password';
    const newPassword = body.string('password');
    if (newPassword) applyNewPassword(ctx, signIn, user, newPassword, false);
  } else {
    afterFirstFactor(core, signIn, user, device(ctx));
  }
  return respond(ctx, signIn);
}

function applyNewPassword(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, password: string, signOutOthers: boolean): void {
  const { core } = ctx;
  core.validatePassword(password);
  user.password = password;
  user.passwordResetRequired = false;
  user.failedPasswordAttempts = 0;
  user.lockedUntil = null;
  user.updatedAt = core.now();
  if (signOutOthers) {
    for (const session of core.store.userSessions(user.id)) {
      if (core.isSignedIn(session)) core.endSession(session, 'revoked');
    }
  }
  afterFirstFactor(core, signIn, user, device(ctx));
}

function resetPassword(ctx: RequestContext): Response {
  const signIn = loadSignIn(ctx);
  assertNoProtectCheck(signIn, 'sign-in');
  const user = signInUser(ctx, signIn);
  if (signIn.status !== 'needs_new_password') {
    throw fapiError(400, 'sign_in_status_invalid', 'Not expecting a new password', 'Verify a reset code before setting a new password.');
  }
  const password = ctx.body.string('password');
  if (!password) throw paramMissing('password');
  applyNewPassword(ctx, signIn, user, password, ctx.body.bool('sign_out_of_other_sessions') ?? false);
  return respond(ctx, signIn);
}

function requireNeedsSecondFactor(signIn: SignInRecord): void {
  if (signIn.status !== 'needs_second_factor') {
    throw fapiError(400, 'sign_in_status_invalid', 'Not expecting a second factor', `This sign-in is in status ${signIn.status}.`);
  }
}

async function prepareSecondFactor(ctx: RequestContext): Promise<Response> {
  const signIn = loadSignIn(ctx);
  assertNoProtectCheck(signIn, 'sign-in');
  const user = signInUser(ctx, signIn);
  requireNeedsSecondFactor(signIn);
  const strategy = ctx.body.text('strategy');
  if (strategy === 'passkey') {
    if (!supportedSecondFactors(ctx.core, user)?.some((f) => f.strategy === 'passkey')) throw strategyInvalid();
    signIn.secondFactorVerification = newVerification('passkey');
    signIn.secondFactorVerification.nonce = await authenticationOptions(requestRelyingParty(ctx), user.passkeys);
    return respond(ctx, signIn);
  }
  if (strategy !== 'phone_code') throw strategyInvalid();
  const phoneId = ctx.body.text('phone_number_id');
  const factors = supportedSecondFactors(ctx.core, user) ?? [];
  const factor =
    factors.find((f) => f.strategy === 'phone_code' && (phoneId ? f.phone_number_id === phoneId : f.default)) ??
    factors.find((f) => f.strategy === 'phone_code' && !phoneId);
  const phone = user.phoneNumbers.find((p) => p.id === factor?.phone_number_id);
  if (!phone) throw strategyInvalid();
  signIn.secondFactorVerification = ctx.core.prepareVerification({
    strategy,
    to: phone.phoneNumber,
    channel: 'sms',
    purpose: 'second_factor',
  });
  return respond(ctx, signIn);
}

async function attemptSecondFactor(ctx: RequestContext): Promise<Response> {
  const { core, body } = ctx;
  const signIn = loadSignIn(ctx);
  assertNoProtectCheck(signIn, 'sign-in');
  const user = signInUser(ctx, signIn);
  requireNeedsSecondFactor(signIn);
  const strategy = body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  const supported = (supportedSecondFactors(core, user) ?? []).map((f) => f.strategy);
  if (!supported.includes(strategy)) throw strategyInvalid();
  if (strategy === 'passkey') {
    const verification = signIn.secondFactorVerification;
    if (verification?.strategy !== 'passkey' || !verification.nonce) {
      throw fapiError(400, 'verification_missing', 'Not prepared', 'Call prepare_second_factor with strategy passkey first.', { param_name: 'strategy' });
    }
    verification.attempts += 1;
    // Only this user's passkeys answer this sign-in's challenge.
    const candidates = user.passkeys.map((passkey) => ({ user, passkey }));
    await verifyAuthentication(requestRelyingParty(ctx), verification.nonce, body.string('public_key_credential'), candidates, core.now());
    signIn.secondFactorVerification = { ...verification, status: 'verified', nonce: null, verifiedAtClient: signIn.clientId };
    completeSignIn(core, signIn, user, true, device(ctx));
    return respond(ctx, signIn);
  }
  const code = body.text('code');
  if (!code) throw paramMissing('code');
  if (strategy === 'phone_code') {
    core.attemptVerification(signIn.secondFactorVerification, code, signIn.clientId);
  } else if (strategy === 'totp') {
    if (!user.totp || !verifyTotp(user.totp.secret, code, core.now())) throw codeIncorrect();
    signIn.secondFactorVerification = { ...newVerification('totp', 'verified'), attempts: 1, verifiedAtClient: signIn.clientId };
  } else {
    const index = user.backupCodes.indexOf(code.toLowerCase());
    if (index < 0) throw codeIncorrect();
    user.backupCodes.splice(index, 1);
    signIn.secondFactorVerification = { ...newVerification('backup_code', 'verified'), attempts: 1, verifiedAtClient: signIn.clientId };
  }
  completeSignIn(core, signIn, user, true, device(ctx));
  return respond(ctx, signIn);
}

export const signInRoutes: Route[] = [
  route('POST', '/client/sign_ins', createSignIn),
  route('GET', '/client/sign_ins/:id', (ctx) => ctx.envelope(signInJson(ctx.view, loadSignIn(ctx).id))),
  route('POST', '/client/sign_ins/:id/prepare_first_factor', prepareFirstFactor),
  route('POST', '/client/sign_ins/:id/attempt_first_factor', attemptFirstFactor),
  route('POST', '/client/sign_ins/:id/reset_password', resetPassword),
  route('POST', '/client/sign_ins/:id/prepare_second_factor', prepareSecondFactor),
  route('POST', '/client/sign_ins/:id/attempt_second_factor', attemptSecondFactor),
  route('PATCH', '/client/sign_ins/:id/protect_check', submitProtectCheck),
];
