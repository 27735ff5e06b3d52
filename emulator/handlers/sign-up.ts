/** `/v1/client/sign_ups`: collect fields, verify email/phone, then create the user and a session. */
import { signUpRequirements } from '../domain/auth-factors.js';
import { answerProtectCheck, assertNoProtectCheck, newProtectCheck } from '../domain/protect-check.js';
import { protectSdkUrl } from './sign-in.js';
import type { EmulatorCore } from '../domain/core.js';
import { fapiError, formError, notFound, paramMissing, sessionExists } from '../domain/errors.js';
import { isEmail, looksLikePhone } from '../domain/identifiers.js';
import { newId } from '../domain/ids.js';
import { verifyGoogleIdToken } from '../domain/google-one-tap.js';
import { chosenConnection, connectionsForEmail, ENTERPRISE_SSO, isEnterpriseStrategy } from '../domain/enterprise-sso.js';
import { fromOAuthVerification, isOAuthStrategy, linkExternalAccount, userForProfile } from '../domain/oauth.js';
import { newVerification, type ClientRecord, type OAuthProfile, type SignUpRecord } from '../domain/records.js';
import { isWeb3Address, isWeb3Strategy, normalizeWeb3Address, strategyFitsAddress } from '../domain/web3.js';
import { acceptInvitationForUser, invitationForTicket } from '../domain/invitation-tickets.js';
import { signUpJson } from '../wire/sign-up.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { oauthRedirectUrl, startOAuthFlow } from './oauth-request.js';
import type { DeviceDetails } from './sign-in.js';

const SIGN_UP_ABANDON_MS = 24 * 60 * 60 * 1000;

function loadSignUp(ctx: RequestContext): SignUpRecord {
  const client = ctx.client;
  const signUp = ctx.core.store.signUps.get(ctx.params.id ?? '');
  if (!client || !signUp || signUp.clientId !== client.id) throw notFound('sign up');
  return signUp;
}

function unknownParam(name: string) {
  return formError('form_param_unknown', name, `${name} is not a valid parameter for this request.`);
}

function identifierExists(param: 'email_address' | 'phone_number' | 'username', what: string) {
  return formError('form_identifier_exists', param, `That ${what} is taken. Please try another.`);
}

/** Validates and applies the fields present in the body to a draft of the sign-up. */
function applyFields(ctx: RequestContext, draft: SignUpRecord): void {
  const { core, body } = ctx;
  const { settings, store } = core;
  const email = body.string('email_address');
  if (email !== undefined) {
    const value = email.trim();
    if (!settings.emailAddress.enabled) throw unknownParam('email_address');
    if (value === '') {
      draft.emailAddress = null;
    } else {
      if (!isEmail(value)) throw formError('form_param_format_invalid', 'email_address', 'email_address must be a valid email address.');
      if (store.findUserByEmail(value)) throw identifierExists('email_address', 'email address');
      if (value.toLowerCase() !== draft.emailAddress?.toLowerCase()) draft.emailVerification = null;
      draft.emailAddress = value;
    }
  }
  const phone = body.string('phone_number');
  if (phone !== undefined) {
    const value = phone.trim();
    if (!settings.phoneNumber.enabled) throw unknownParam('phone_number');
    if (value === '') {
      draft.phoneNumber = null;
    } else {
      if (!looksLikePhone(value)) throw formError('form_param_format_invalid', 'phone_number', 'phone_number must be a valid phone number.');
      if (store.findUserByPhone(value)) throw identifierExists('phone_number', 'phone number');
      if (value !== draft.phoneNumber) draft.phoneVerification = null;
      draft.phoneNumber = value;
    }
  }
  const username = body.string('username');
  if (username !== undefined) {
    const value = username.trim();
    if (!settings.username.enabled) throw unknownParam('username');
    const { minLength, maxLength } = settings.username;
    if (value.length < minLength || value.length > maxLength) {
      throw formError('form_username_invalid_length', 'username', `Username must be between ${minLength} and ${maxLength} characters long.`);
    }
    if (!/^[a-zA-Z0-9_-]+$/.test(value)) {
      throw formError('form_username_invalid_character', 'username', 'Username can only contain letters, numbers, underscores and dashes.');
    }
    if (store.findUserByUsername(value)) throw identifierExists('username', 'username');
    draft.username = value;
  }
  const password = body.string('password');
  if (password !== undefined) {
    if (!settings.password.enabled) throw unknownParam('password');
    core.validatePassword(password);
    draft.password = password;
  }
  const web3Wallet = body.string('web3_wallet');
  if (web3Wallet !== undefined) {
    const value = normalizeWeb3Address(web3Wallet);
    if (settings.web3.length === 0) throw unknownParam('web3_wallet');
    if (!isWeb3Address(value)) throw formError('form_param_format_invalid', 'web3_wallet', 'web3_wallet must be a valid wallet address.');
    if (store.findUserByWeb3Wallet(value)) throw formError('form_identifier_exists', 'web3_wallet', 'That web3 wallet is taken. Please try another.');
    if (value !== draft.web3Wallet) draft.web3Verification = null;
    draft.web3Wallet = value;
  }
  const firstName = body.string('first_name');
  if (firstName !== undefined) draft.firstName = firstName.trim() || null;
  const lastName = body.string('last_name');
  if (lastName !== undefined) draft.lastName = lastName.trim() || null;
  if (body.has('unsafe_metadata')) {
    const metadata = body.json('unsafe_metadata');
    if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) {
      throw formError('form_param_format_invalid', 'unsafe_metadata', 'unsafe_metadata must be a JSON object.');
    }
    draft.unsafeMetadata = (metadata as Record<string, unknown> | undefined) ?? {};
  }
  if (body.bool('legal_accepted')) draft.legalAcceptedAt = core.now();
}

/** Completes the sign-up when nothing is missing or unverified: user, session, ids. */
export function completeSignUpIfReady(core: EmulatorCore, signUp: SignUpRecord, device: DeviceDetails): void {
  if (signUp.status !== 'missing_requirements') return;
  const requirements = signUpRequirements(core, signUp);
  if (requirements.missing.length > 0 || requirements.unverified.length > 0) return;
  if (signUp.externalAccountStrategy && signUp.externalAccountVerification?.status !== 'verified') return;
  const client = core.store.clients.get(signUp.clientId);
  if (!client) return;
  const user = core.createUser({
    emailAddresses: signUp.emailAddress ? [signUp.emailAddress] : [],
    phoneNumbers: signUp.phoneNumber ? [signUp.phoneNumber] : [],
    username: signUp.username,
    password: signUp.password,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
    unsafeMetadata: signUp.unsafeMetadata,
    legalAcceptedAt: signUp.legalAcceptedAt,
    timezone: signUp.timezone,
    web3Wallets: signUp.web3Wallet && signUp.web3Verification?.strategy ? [{ address: signUp.web3Wallet, strategy: signUp.web3Verification.strategy }] : [],
  });
  const email = user.emailAddresses[0];
  if (email && signUp.emailVerification?.status === 'verified') email.verification = { ...signUp.emailVerification };
  if (signUp.oauthProfile) linkExternalAccount(core, user, signUp.oauthProfile);
  const invitation = signUp.invitationId ? core.store.invitations.get(signUp.invitationId) : undefined;
  if (invitation?.status === 'pending') acceptInvitationForUser(core, invitation, user);
  const strategy =
    signUp.externalAccountStrategy ??
    signUp.web3Verification?.strategy ??
    signUp.emailVerification?.strategy ??
    signUp.phoneVerification?.strategy ??
    (signUp.password ? 'password' : null);
  const session = core.createSession(client, user, { strategy, secondFactor: false, ...device });
  signUp.status = 'complete';
  signUp.createdUserId = user.id;
  signUp.createdSessionId = session.id;
  if (client.signUpId === signUp.id) client.signUpId = null;
}

function device(ctx: RequestContext): DeviceDetails {
  return { userAgent: ctx.userAgent, ipAddress: ctx.ipAddress };
}

function respond(ctx: RequestContext, signUp: SignUpRecord): Response {
  signUp.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(signUpJson(ctx.view, signUp.id));
}

function assertSignUpAllowed(ctx: RequestContext): void {
  const { core } = ctx;
  const client = ctx.requireClient();
  if (core.settings.singleSession && core.activeSessions(client).length > 0) throw sessionExists();
  // Restricted mode: only an invitation link (a ticket) opens sign-up.
  if (core.settings.signUpMode === 'restricted' && ctx.body.text('strategy') !== 'ticket') {
    throw fapiError(403, 'not_allowed_access', 'Sign-ups are restricted', 'Sign-ups are restricted to invited users.');
  }
  if (core.settings.signUpMode === 'waitlist') {
    throw fapiError(403, 'sign_up_restricted_waitlist', 'Sign-ups are on a waitlist', 'Sign-ups are currently unavailable. Join the waitlist.');
  }
  const strategy = ctx.body.text('strategy');
  const known = ['password', 'email_code', 'phone_code', 'email_link', 'google_one_tap', 'ticket'];
  if (strategy && !known.includes(strategy) && !isOAuthStrategy(strategy) && !isEnterpriseStrategy(strategy) && !isWeb3Strategy(strategy)) {
    throw formError('strategy_for_user_invalid', 'strategy', `The strategy ${strategy} is not supported by the emulator.`);
  }
}

/** Fills what the provider knows into the sign-up; its email counts as verified (`from_oauth_*`). */
export function applyOAuthProfile(core: EmulatorCore, signUp: SignUpRecord, profile: OAuthProfile): void {
  const { settings, store } = core;
  signUp.oauthProfile = profile;
  if (settings.emailAddress.enabled && (signUp.emailAddress === null || signUp.emailAddress.toLowerCase() === profile.emailAddress.toLowerCase())) {
    signUp.emailAddress = profile.emailAddress;
    signUp.emailVerification = fromOAuthVerification(profile.strategy, signUp.clientId);
  }
  if (settings.names.enabled) {
    signUp.firstName ??= profile.firstName;
    signUp.lastName ??= profile.lastName;
  }
  if (settings.username.enabled && signUp.username === null && profile.username && !store.findUserByUsername(profile.username)) {
    signUp.username = profile.username;
  }
}

/**
 * `transfer: true`: the client's OAuth sign-in found no user (`transferable` first factor), so
 * create one from the provider account.
 */
function transferFromSignIn(ctx: RequestContext, client: ClientRecord, draft: SignUpRecord): void {
  const { core } = ctx;
  const signIn = client.signInId ? core.store.signIns.get(client.signInId) : undefined;
  const profile = signIn?.oauthProfile;
  if (!profile || signIn?.firstFactorVerification?.status !== 'transferable') {
    throw fapiError(400, 'transfer_invalid', 'Nothing to transfer', 'There is no sign-in to transfer to a sign-up.');
  }
  if (userForProfile(core, profile)) throw identifierExists('email_address', 'email address');
  draft.externalAccountStrategy = profile.strategy;
  draft.externalAccountVerification = { ...newVerification(profile.strategy, 'verified'), attempts: 1, verifiedAtClient: client.id };
  applyOAuthProfile(core, draft, profile);
  client.signInId = null;
}

/** `strategy: google_one_tap`: a verified Google ID token of an account no user has yet fills the sign-up. */
function signUpWithGoogleOneTap(ctx: RequestContext, draft: SignUpRecord): void {
  const { core } = ctx;
  const profile = verifyGoogleIdToken(core, ctx.body.text('token'));
  if (userForProfile(core, profile)) {
    throw fapiError(422, 'external_account_exists', 'Account already exists', 'This Google account already belongs to a user. Please sign in.');
  }
  draft.externalAccountStrategy = 'google_one_tap';
  draft.externalAccountVerification = { ...newVerification('google_one_tap', 'verified'), attempts: 1, verifiedAtClient: draft.clientId };
  applyOAuthProfile(core, draft, profile);
}

/** `strategy=enterprise_sso`: the identity provider of the email's domain creates the account (the email selects it, or `enterprise_connection_id` among several). */
function startEnterpriseSignUp(ctx: RequestContext, draft: SignUpRecord): void {
  if (!draft.emailAddress) throw paramMissing('email_address');
  const connection = chosenConnection(ctx.core, draft.emailAddress, ctx.body.text('enterprise_connection_id'));
  draft.externalAccountStrategy = ENTERPRISE_SSO;
  draft.externalAccountVerification = startOAuthFlow(ctx, {
    strategy: ENTERPRISE_SSO,
    target: { kind: 'sign_up', signUpId: draft.id },
    redirectUrl: oauthRedirectUrl(ctx),
    loginHint: draft.emailAddress,
    enterpriseConnectionId: connection.id,
  });
}

/** `strategy=ticket`: the invitation's address is the sign-up's, verified by the ticket (no code step). */
function signUpWithTicket(ctx: RequestContext, draft: SignUpRecord): void {
  const { core } = ctx;
  const invitation = invitationForTicket(core, ctx.body.text('ticket'));
  if (core.store.findUserByEmail(invitation.emailAddress)) throw identifierExists('email_address', 'email address');
  draft.emailAddress = invitation.emailAddress;
  draft.emailVerification = { ...newVerification('ticket', 'verified'), attempts: 1, verifiedAtClient: draft.clientId };
  draft.invitationId = invitation.id;
}

function createSignUp(ctx: RequestContext): Response {
  assertSignUpAllowed(ctx);
  const { core } = ctx;
  const client = ctx.requireClient();
  const now = core.now();
  const draft: SignUpRecord = {
    id: newId('sua'),
    timezone: ctx.body.text('timezone') ?? null,
    locale: ctx.body.text('locale') ?? null,
    clientId: client.id,
    status: 'missing_requirements',
    emailAddress: null,
    phoneNumber: null,
    username: null,
    firstName: null,
    lastName: null,
    password: null,
    unsafeMetadata: {},
    legalAcceptedAt: null,
    emailVerification: null,
    phoneVerification: null,
    web3Wallet: null,
    web3Verification: null,
    externalAccountStrategy: null,
    externalAccountVerification: null,
    oauthProfile: null,
    createdSessionId: null,
    createdUserId: null,
    createdAt: now,
    updatedAt: now,
    abandonAt: now + SIGN_UP_ABANDON_MS,
  };
  applyFields(ctx, draft);
  const strategy = ctx.body.text('strategy');
  if (ctx.body.bool('transfer')) {
    transferFromSignIn(ctx, client, draft);
  } else if (strategy === 'ticket') {
    signUpWithTicket(ctx, draft);
  } else if (strategy === 'google_one_tap') {
    signUpWithGoogleOneTap(ctx, draft);
  } else if (isOAuthStrategy(strategy)) {
    draft.externalAccountStrategy = strategy;
    draft.externalAccountVerification = startOAuthFlow(ctx, {
      strategy,
      target: { kind: 'sign_up', signUpId: draft.id },
      redirectUrl: oauthRedirectUrl(ctx),
      loginHint: draft.emailAddress,
    });
  } else if (isEnterpriseStrategy(strategy)) {
    startEnterpriseSignUp(ctx, draft);
  }
  core.store.signUps.set(draft.id, draft);
  client.signUpId = draft.id;
  draft.protectAssertion = ctx.body.text('__clerk_protect_assertion') ?? null;
  if (core.settings.protectCheck.signUp && !strategy && !ctx.body.bool('transfer')) {
    // Clerk Protect: the sign-up is not completed (nor may it be worked on) until the challenge clears.
    draft.protectCheck = newProtectCheck(core.now(), protectSdkUrl(ctx), Math.max(0, core.settings.protectCheck.chain - 1), []);
    return respond(ctx, draft);
  }
  completeSignUpIfReady(core, draft, device(ctx));
  return respond(ctx, draft);
}

/** `PATCH /client/sign_ups/:id/protect_check` (`proof_token`): a good proof clears the gate (or chains); the held create then completes if it can. */
function submitProtectCheck(ctx: RequestContext): Response {
  const signUp = loadSignUp(ctx);
  signUp.protectAssertion = ctx.body.text('__clerk_protect_assertion') ?? signUp.protectAssertion ?? null;
  const held = signUp.protectCheck;
  signUp.protectCheck = answerProtectCheck(held, ctx.body.text('proof_token'), ctx.core.now());
  if (!signUp.protectCheck) completeSignUpIfReady(ctx.core, signUp, device(ctx));
  return respond(ctx, signUp);
}

function updateSignUp(ctx: RequestContext): Response {
  const signUp = loadSignUp(ctx);
  assertNoProtectCheck(signUp, 'sign-up');
  if (signUp.status !== 'missing_requirements') {
    throw fapiError(400, 'sign_up_status_invalid', 'Sign-up cannot change', `This sign-up is ${signUp.status}.`);
  }
  const draft = { ...signUp };
  applyFields(ctx, draft);
  // ClerkJS continues a sign-up that is missing `enterprise_sso` with this strategy on the same attempt.
  if (isEnterpriseStrategy(ctx.body.text('strategy'))) startEnterpriseSignUp(ctx, draft);
  Object.assign(signUp, draft);
  completeSignUpIfReady(ctx.core, signUp, device(ctx));
  return respond(ctx, signUp);
}

function prepareVerification(ctx: RequestContext): Response {
  const signUp = loadSignUp(ctx);
  assertNoProtectCheck(signUp, 'sign-up');
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (strategy === 'email_code' || strategy === 'email_link') {
    if (!signUp.emailAddress) throw paramMissing('email_address');
    if (!ctx.core.settings.emailAddress.firstFactors.includes(strategy) && strategy === 'email_link') {
      throw formError('strategy_for_user_invalid', 'strategy', 'Email links are not enabled for this instance.');
    }
    signUp.emailVerification = ctx.core.prepareVerification({
      strategy,
      to: signUp.emailAddress,
      channel: 'email',
      purpose: 'sign_up',
      linkTarget: { kind: 'sign_up', signUpId: signUp.id },
      linkBaseUrl: ctx.baseUrl,
      redirectUrl: ctx.body.text('redirect_url') ?? null,
    });
  } else if (isOAuthStrategy(strategy)) {
    signUp.externalAccountStrategy = strategy;
    signUp.externalAccountVerification = startOAuthFlow(ctx, {
      strategy,
      target: { kind: 'sign_up', signUpId: signUp.id },
      redirectUrl: oauthRedirectUrl(ctx),
      loginHint: signUp.emailAddress,
    });
  } else if (isWeb3Strategy(strategy)) {
    if (!signUp.web3Wallet) throw paramMissing('web3_wallet');
    if (!ctx.core.settings.web3.includes(strategy)) throw formError('strategy_for_user_invalid', 'strategy', `${strategy} is not enabled for this instance.`);
    if (!strategyFitsAddress(strategy, signUp.web3Wallet))
      throw formError('strategy_for_user_invalid', 'strategy', `${strategy} cannot verify the wallet ${signUp.web3Wallet}.`);
    signUp.web3Verification = ctx.core.prepareWeb3Verification(strategy, signUp.web3Wallet, ctx.view.origin ?? ctx.baseUrl);
  } else if (strategy === 'phone_code') {
    if (!signUp.phoneNumber) throw paramMissing('phone_number');
    signUp.phoneVerification = ctx.core.prepareVerification({ strategy, to: signUp.phoneNumber, channel: 'sms', purpose: 'sign_up' });
  } else {
    throw formError('strategy_for_user_invalid', 'strategy', `The strategy ${strategy} cannot verify a sign-up.`);
  }
  return respond(ctx, signUp);
}

function attemptVerification(ctx: RequestContext): Response {
  const signUp = loadSignUp(ctx);
  assertNoProtectCheck(signUp, 'sign-up');
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (isWeb3Strategy(strategy)) {
    const signature = ctx.body.text('signature');
    if (!signature) throw paramMissing('signature');
    if (!signUp.web3Wallet) throw paramMissing('web3_wallet');
    ctx.core.attemptWeb3Verification(signUp.web3Verification, strategy, signature, signUp.web3Wallet, signUp.clientId);
    completeSignUpIfReady(ctx.core, signUp, device(ctx));
    return respond(ctx, signUp);
  }
  const code = ctx.body.text('code');
  if (!code) throw paramMissing('code');
  const verification = strategy === 'phone_code' ? signUp.phoneVerification : signUp.emailVerification;
  if (verification && verification.strategy !== strategy) {
    throw formError('strategy_for_user_invalid', 'strategy', `Prepare the ${strategy} verification first.`);
  }
  ctx.core.attemptVerification(verification, code, signUp.clientId);
  completeSignUpIfReady(ctx.core, signUp, device(ctx));
  return respond(ctx, signUp);
}

/**
 * The connections the sign-up's email domain offers (ClerkJS's `signUp.__experimental_getEnterpriseConnections()`,
 * which its <SignUp/> lists when FAPI asks for a choice): `{ id, name, provider, logo_public_url }` each.
 * The `provider` values (`saml_custom`, `oidc_custom`) are a guess at FAPI's; ClerkJS only reads them through.
 */
function listEnterpriseConnections(ctx: RequestContext): Response {
  const draft = loadSignUp(ctx);
  const connections = connectionsForEmail(ctx.core, draft.emailAddress).map((c) => ({
    object: 'enterprise_connection',
    id: c.id,
    name: c.name,
    provider: `${c.protocol}_custom`,
    logo_public_url: null,
  }));
  return ctx.envelope(connections);
}

export const signUpRoutes: Route[] = [
  route('POST', '/client/sign_ups', createSignUp),
  route('GET', '/client/sign_ups/:id', (ctx) => ctx.envelope(signUpJson(ctx.view, loadSignUp(ctx).id))),
  route('GET', '/client/sign_ups/:id/enterprise_connections', listEnterpriseConnections),
  route('PATCH', '/client/sign_ups/:id', updateSignUp),
  route('PATCH', '/client/sign_ups/:id/protect_check', submitProtectCheck),
  route('POST', '/client/sign_ups/:id/prepare_verification', prepareVerification),
  route('POST', '/client/sign_ups/:id/attempt_verification', attemptVerification),
];
