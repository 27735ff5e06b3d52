/** `/v1/me…`: profile, metadata, email addresses, phone numbers, password, TOTP, backup codes, image. */
import { assertRecentlyVerified } from '../domain/reverification.js';
import { randomBytes } from 'node:crypto';
import { codeIncorrect, fapiError, formError, notFound, paramMissing } from '../domain/errors.js';
import { assertNotLastIdentification, isEmail, looksLikePhone } from '../domain/identifiers.js';
import { newId } from '../domain/ids.js';
import type { UserRecord } from '../domain/records.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../domain/totp.js';
import { isWeb3Address, isWeb3Strategy, normalizeWeb3Address, strategyFitsAddress } from '../domain/web3.js';
import { connectionForEmail, type EnterpriseConnection } from '../domain/enterprise-sso.js';
import { emailAddressJson, enterpriseConnectionJson, phoneNumberJson, userJson, web3WalletJson } from '../wire/user.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';

type Json = Record<string, unknown>;

function userResponse(ctx: RequestContext, user: UserRecord): Response {
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(userJson(ctx.view, user));
}

/** RFC 7396 JSON merge patch: objects merge recursively, `null` deletes. */
export function mergePatch(target: Json, patch: Json): Json {
  const result: Json = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (typeof value === 'object' && !Array.isArray(value) && typeof result[key] === 'object' && result[key] !== null && !Array.isArray(result[key])) {
      result[key] = mergePatch(result[key] as Json, value as Json);
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      result[key] = mergePatch({}, value as Json);
    } else result[key] = value;
  }
  return result;
}

function metadataParam(ctx: RequestContext): Json | undefined {
  if (!ctx.body.has('unsafe_metadata')) return undefined;
  const value = ctx.body.json('unsafe_metadata');
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw formError('form_param_format_invalid', 'unsafe_metadata', 'unsafe_metadata must be a JSON object.');
  }
  return value as Json;
}

function updateUser(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const { body, core } = ctx;
  const username = body.string('username');
  if (username !== undefined) {
    const value = username.trim() || null;
    const owner = value ? core.store.findUserByUsername(value) : undefined;
    if (owner && owner.id !== user.id) throw formError('form_identifier_exists', 'username', 'That username is taken. Please try another.');
    user.username = value;
  }
  const firstName = body.string('first_name');
  if (firstName !== undefined) user.firstName = firstName.trim() || null;
  const lastName = body.string('last_name');
  if (lastName !== undefined) user.lastName = lastName.trim() || null;
  const primaryEmail = body.text('primary_email_address_id');
  if (primaryEmail) {
    const email = user.emailAddresses.find((e) => e.id === primaryEmail);
    if (!email || email.verification?.status !== 'verified')
      throw formError('form_param_value_invalid', 'primary_email_address_id', 'The email address must be verified first.');
    user.primaryEmailAddressId = email.id;
  }
  const primaryPhone = body.text('primary_phone_number_id');
  if (primaryPhone) {
    const phone = user.phoneNumbers.find((p) => p.id === primaryPhone);
    if (!phone || phone.verification?.status !== 'verified')
      throw formError('form_param_value_invalid', 'primary_phone_number_id', 'The phone number must be verified first.');
    user.primaryPhoneNumberId = phone.id;
  }
  const primaryWallet = body.text('primary_web3_wallet_id');
  if (primaryWallet) {
    const wallet = user.web3Wallets.find((w) => w.id === primaryWallet);
    if (!wallet || wallet.verification?.status !== 'verified')
      throw formError('form_param_value_invalid', 'primary_web3_wallet_id', 'The web3 wallet must be verified first.');
    user.primaryWeb3WalletId = wallet.id;
  }
  const metadata = metadataParam(ctx);
  if (metadata !== undefined) user.unsafeMetadata = metadata;
  return userResponse(ctx, user);
}

function updateMetadata(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const patch = metadataParam(ctx);
  if (patch !== undefined) user.unsafeMetadata = mergePatch(user.unsafeMetadata, patch);
  return userResponse(ctx, user);
}

function deleteUser(ctx: RequestContext): Response {
  const { user, session } = ctx.currentUser();
  assertRecentlyVerified(ctx.core, session, user);
  for (const session of ctx.core.store.userSessions(user.id)) {
    if (ctx.core.isSignedIn(session)) ctx.core.endSession(session, 'removed');
  }
  ctx.core.store.deleteUser(user.id);
  ctx.touchClient();
  return ctx.envelope({ object: 'user', id: user.id, deleted: true });
}

// ---- email addresses ----

function createEmailAddress(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const value = ctx.body.text('email_address');
  if (!value) throw paramMissing('email_address');
  if (!isEmail(value)) throw formError('form_param_format_invalid', 'email_address', 'email_address must be a valid email address.');
  if (ctx.core.store.findUserByEmail(value)) throw formError('form_identifier_exists', 'email_address', 'That email address is taken. Please try another.');
  const now = ctx.core.now();
  const email = { id: newId('idn'), emailAddress: value, verification: null, createdAt: now, updatedAt: now };
  user.emailAddresses.push(email);
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(emailAddressJson(email));
}

function findEmail(ctx: RequestContext) {
  const { user } = ctx.currentUser();
  const email = user.emailAddresses.find((e) => e.id === ctx.params.id);
  if (!email) throw notFound('email address');
  return { user, email };
}

function prepareEmailVerification(ctx: RequestContext): Response {
  const { user, email } = findEmail(ctx);
  const strategy = ctx.body.text('strategy') ?? 'email_code';
  if (strategy !== 'email_code' && strategy !== 'email_link') throw formError('strategy_for_user_invalid', 'strategy', `Unsupported strategy ${strategy}.`);
  email.verification = ctx.core.prepareVerification({
    strategy,
    to: email.emailAddress,
    channel: 'email',
    purpose: 'verification',
    linkTarget: { kind: 'email_address', userId: user.id, emailAddressId: email.id },
    linkBaseUrl: ctx.baseUrl,
    redirectUrl: ctx.body.text('redirect_url') ?? null,
  });
  ctx.touchClient();
  return ctx.envelope(emailAddressJson(email));
}

function attemptEmailVerification(ctx: RequestContext): Response {
  const { user, email } = findEmail(ctx);
  const code = ctx.body.text('code');
  if (!code) throw paramMissing('code');
  ctx.core.attemptVerification(email.verification, code, ctx.client?.id ?? null);
  if (!user.primaryEmailAddressId) user.primaryEmailAddressId = email.id;
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(emailAddressJson(email));
}

function deleteEmailAddress(ctx: RequestContext): Response {
  const { user, email } = findEmail(ctx);
  assertRecentlyVerified(ctx.core, ctx.currentUser().session, user);
  assertNotLastIdentification(user);
  user.emailAddresses = user.emailAddresses.filter((e) => e !== email);
  if (user.primaryEmailAddressId === email.id) user.primaryEmailAddressId = user.emailAddresses.find((e) => e.verification?.status === 'verified')?.id ?? null;
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'email_address', id: email.id, deleted: true });
}

// ---- phone numbers ----

function createPhoneNumber(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const value = ctx.body.text('phone_number');
  if (!value) throw paramMissing('phone_number');
  if (!looksLikePhone(value)) throw formError('form_param_format_invalid', 'phone_number', 'phone_number must be a valid phone number.');
  if (ctx.core.store.findUserByPhone(value)) throw formError('form_identifier_exists', 'phone_number', 'That phone number is taken. Please try another.');
  const now = ctx.core.now();
  const phone = {
    id: newId('idn'),
    phoneNumber: value,
    verification: null,
    reservedForSecondFactor: false,
    defaultSecondFactor: false,
    createdAt: now,
    updatedAt: now,
  };
  user.phoneNumbers.push(phone);
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(phoneNumberJson(phone));
}

function findPhone(ctx: RequestContext) {
  const { user } = ctx.currentUser();
  const phone = user.phoneNumbers.find((p) => p.id === ctx.params.id);
  if (!phone) throw notFound('phone number');
  return { user, phone };
}

function preparePhoneVerification(ctx: RequestContext): Response {
  const { phone } = findPhone(ctx);
  phone.verification = ctx.core.prepareVerification({ strategy: 'phone_code', to: phone.phoneNumber, channel: 'sms', purpose: 'verification' });
  ctx.touchClient();
  return ctx.envelope(phoneNumberJson(phone));
}

function attemptPhoneVerification(ctx: RequestContext): Response {
  const { user, phone } = findPhone(ctx);
  const code = ctx.body.text('code');
  if (!code) throw paramMissing('code');
  ctx.core.attemptVerification(phone.verification, code, ctx.client?.id ?? null);
  if (!user.primaryPhoneNumberId) user.primaryPhoneNumberId = phone.id;
  ctx.touchClient();
  return ctx.envelope(phoneNumberJson(phone));
}

function updatePhoneNumber(ctx: RequestContext): Response {
  const { user, phone } = findPhone(ctx);
  const reserved = ctx.body.bool('reserved_for_second_factor');
  const makeDefault = ctx.body.bool('default_second_factor');
  if ((reserved || makeDefault) && phone.verification?.status !== 'verified') {
    throw formError('form_param_value_invalid', 'phone_number_id', 'Verify the phone number before using it as a second factor.');
  }
  if (reserved !== undefined) {
    phone.reservedForSecondFactor = reserved;
    if (!reserved) phone.defaultSecondFactor = false;
    else if (!user.phoneNumbers.some((p) => p.defaultSecondFactor)) phone.defaultSecondFactor = true;
  }
  if (makeDefault) {
    for (const other of user.phoneNumbers) other.defaultSecondFactor = other === phone;
    phone.reservedForSecondFactor = true;
  }
  phone.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(phoneNumberJson(phone));
}

function deletePhoneNumber(ctx: RequestContext): Response {
  const { user, phone } = findPhone(ctx);
  assertNotLastIdentification(user);
  user.phoneNumbers = user.phoneNumbers.filter((p) => p !== phone);
  if (user.primaryPhoneNumberId === phone.id) user.primaryPhoneNumberId = user.phoneNumbers[0]?.id ?? null;
  ctx.touchClient();
  return ctx.envelope({ object: 'phone_number', id: phone.id, deleted: true });
}

// ---- web3 wallets ----

function createWeb3Wallet(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  if (ctx.core.settings.web3.length === 0) throw formError('form_param_unknown', 'web3_wallet', 'web3_wallet is not a valid parameter for this request.');
  const given = ctx.body.text('web3_wallet');
  const value = given && normalizeWeb3Address(given);
  if (!value) throw paramMissing('web3_wallet');
  if (!isWeb3Address(value)) throw formError('form_param_format_invalid', 'web3_wallet', 'web3_wallet must be a valid wallet address.');
  if (ctx.core.store.findUserByWeb3Wallet(value) || user.web3Wallets.some((w) => w.web3Wallet === value)) {
    throw formError('form_identifier_exists', 'web3_wallet', 'That web3 wallet is taken. Please try another.');
  }
  const now = ctx.core.now();
  const wallet = { id: newId('idn'), web3Wallet: value, verification: null, createdAt: now, updatedAt: now };
  user.web3Wallets.push(wallet);
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(web3WalletJson(wallet));
}

function findWeb3Wallet(ctx: RequestContext) {
  const { user } = ctx.currentUser();
  const wallet = user.web3Wallets.find((w) => w.id === ctx.params.id);
  if (!wallet) throw notFound('web3 wallet');
  return { user, wallet };
}

function prepareWeb3WalletVerification(ctx: RequestContext): Response {
  const { wallet } = findWeb3Wallet(ctx);
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (!isWeb3Strategy(strategy) || !ctx.core.settings.web3.includes(strategy) || !strategyFitsAddress(strategy, wallet.web3Wallet))
    throw formError('strategy_for_user_invalid', 'strategy', `Unsupported strategy ${strategy}.`);
  wallet.verification = ctx.core.prepareWeb3Verification(strategy, wallet.web3Wallet, ctx.view.origin ?? ctx.baseUrl);
  ctx.touchClient();
  return ctx.envelope(web3WalletJson(wallet));
}

function attemptWeb3WalletVerification(ctx: RequestContext): Response {
  const { user, wallet } = findWeb3Wallet(ctx);
  const signature = ctx.body.text('signature');
  if (!signature) throw paramMissing('signature');
  const strategy = wallet.verification?.strategy ?? '';
  ctx.core.attemptWeb3Verification(wallet.verification, strategy, signature, wallet.web3Wallet, ctx.client?.id ?? null);
  if (!user.primaryWeb3WalletId) user.primaryWeb3WalletId = wallet.id;
  wallet.updatedAt = user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(web3WalletJson(wallet));
}

function deleteWeb3Wallet(ctx: RequestContext): Response {
  const { user, wallet } = findWeb3Wallet(ctx);
  assertNotLastIdentification(user);
  user.web3Wallets = user.web3Wallets.filter((w) => w !== wallet);
  if (user.primaryWeb3WalletId === wallet.id) user.primaryWeb3WalletId = user.web3Wallets.find((w) => w.verification?.status === 'verified')?.id ?? null;
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'web3_wallet', id: wallet.id, deleted: true });
}

// ---- password ----

function checkCurrentPassword(ctx: RequestContext, user: UserRecord): void {
  if (user.password === null) return;
  const current = ctx.body.string('current_password');
  if (current === undefined) throw paramMissing('current_password');
  if (current !== user.password) throw formError('form_password_incorrect', 'current_password', 'Password is incorrect.');
}

function changePassword(ctx: RequestContext): Response {
  const { user, session } = ctx.currentUser();
  assertRecentlyVerified(ctx.core, session, user);
  const next = ctx.body.string('new_password');
  if (!next) throw paramMissing('new_password');
  // The reset-password task asks only for the new password (ClerkJS's TaskResetPassword sends no current one).
  if (!user.passwordResetRequired) checkCurrentPassword(ctx, user);
  if (next === user.password) throw formError('form_new_password_matches_current', 'new_password', 'Your new password must be different from the current one.');
  ctx.core.validatePassword(next, 'new_password');
  user.password = next;
  // The reset-password task is done: the session turns active.
  user.passwordResetRequired = false;
  if (ctx.body.bool('sign_out_of_other_sessions')) {
    for (const other of ctx.core.store.userSessions(user.id)) {
      if (other.id !== session.id && ctx.core.isSignedIn(other)) ctx.core.endSession(other, 'revoked');
    }
  }
  return userResponse(ctx, user);
}

function removePassword(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  checkCurrentPassword(ctx, user);
  user.password = null;
  return userResponse(ctx, user);
}

// ---- TOTP and backup codes ----

function newBackupCodes(): string[] {
  return Array.from({ length: 10 }, () => randomBytes(4).toString('hex'));
}

function totpJson(totp: NonNullable<UserRecord['totp']>, extra: Json = {}): Json {
  return { object: 'totp', id: totp.id, verified: totp.verified, created_at: totp.createdAt, updated_at: totp.updatedAt, ...extra };
}

function createTotp(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  if (user.totp?.verified) throw fapiError(400, 'totp_already_enabled', 'TOTP already enabled', 'An authenticator app is already set up.');
  const now = ctx.core.now();
  user.totp = { id: newId('totp'), secret: generateTotpSecret(), verified: false, createdAt: now, updatedAt: now };
  const accountName = user.emailAddresses[0]?.emailAddress ?? user.username ?? user.id;
  ctx.touchClient();
  return ctx.envelope(totpJson(user.totp, { secret: user.totp.secret, uri: totpUri(user.totp.secret, accountName, ctx.core.settings.applicationName) }));
}

function verifyTotpSetup(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const code = ctx.body.text('code');
  if (!code) throw paramMissing('code');
  if (!user.totp) throw notFound('totp');
  if (!verifyTotp(user.totp.secret, code, ctx.core.now())) throw codeIncorrect();
  user.totp.verified = true;
  user.totp.updatedAt = ctx.core.now();
  const extra: Json = {};
  if (ctx.core.settings.secondFactors.includes('backup_code') && user.backupCodes.length === 0) {
    user.backupCodes = newBackupCodes();
    extra.backup_codes = [...user.backupCodes];
  }
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(totpJson(user.totp, extra));
}

function deleteTotp(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  if (!user.totp) throw notFound('totp');
  const id = user.totp.id;
  user.totp = null;
  if (!ctx.core.twoFactorEnabled(user)) user.backupCodes = [];
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'totp', id, deleted: true });
}

/** The enterprise connections of the user's email domains (FAPI lists those the user can sign in with). */
function listEnterpriseConnections(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const found = new Map<string, EnterpriseConnection>();
  for (const email of user.emailAddresses) {
    const connection = connectionForEmail(ctx.core, email.emailAddress);
    if (connection) found.set(connection.id, connection);
  }
  return ctx.envelope([...found.values()].map((c) => enterpriseConnectionJson(c, user.createdAt)));
}

function createBackupCodes(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  user.backupCodes = newBackupCodes();
  const now = ctx.core.now();
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope({ object: 'backup_code', id: newId('bc'), codes: [...user.backupCodes], created_at: now, updated_at: now });
}

// ---- profile image ----

async function uploadedImage(ctx: RequestContext): Promise<string> {
  const file = ctx.body.files.get('file');
  if (file) {
    const bytes = Buffer.from(await file.arrayBuffer());
    return `data:${file.type || 'application/octet-stream'};base64,${bytes.toString('base64')}`;
  }
  const raw = ctx.body.raw;
  if (raw) return raw.startsWith('data:') ? raw : `data:application/octet-stream;base64,${Buffer.from(raw).toString('base64')}`;
  throw paramMissing('file');
}

async function setProfileImage(ctx: RequestContext): Promise<Response> {
  const { user } = ctx.currentUser();
  user.imageDataUrl = await uploadedImage(ctx);
  user.profileImageId = newId('img');
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'image', id: user.profileImageId, name: 'profile', public_url: user.imageDataUrl });
}

function deleteProfileImage(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const id = user.profileImageId;
  user.imageDataUrl = null;
  user.profileImageId = null;
  user.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope({ object: 'image', id, deleted: true });
}

export const userRoutes: Route[] = [
  route('GET', '/me', (ctx) => ctx.envelope(userJson(ctx.view, ctx.currentUser().user))),
  route('PATCH', '/me', updateUser),
  route('DELETE', '/me', deleteUser),
  route('PATCH', '/me/metadata', updateMetadata),
  route('POST', '/me/email_addresses', createEmailAddress),
  route('GET', '/me/email_addresses/:id', (ctx) => ctx.envelope(emailAddressJson(findEmail(ctx).email))),
  route('DELETE', '/me/email_addresses/:id', deleteEmailAddress),
  route('POST', '/me/email_addresses/:id/prepare_verification', prepareEmailVerification),
  route('POST', '/me/email_addresses/:id/attempt_verification', attemptEmailVerification),
  route('POST', '/me/phone_numbers', createPhoneNumber),
  route('GET', '/me/phone_numbers/:id', (ctx) => ctx.envelope(phoneNumberJson(findPhone(ctx).phone))),
  route('PATCH', '/me/phone_numbers/:id', updatePhoneNumber),
  route('DELETE', '/me/phone_numbers/:id', deletePhoneNumber),
  route('POST', '/me/phone_numbers/:id/prepare_verification', preparePhoneVerification),
  route('POST', '/me/phone_numbers/:id/attempt_verification', attemptPhoneVerification),
  route('POST', '/me/web3_wallets', createWeb3Wallet),
  route('GET', '/me/web3_wallets/:id', (ctx) => ctx.envelope(web3WalletJson(findWeb3Wallet(ctx).wallet))),
  route('DELETE', '/me/web3_wallets/:id', deleteWeb3Wallet),
  route('POST', '/me/web3_wallets/:id/prepare_verification', prepareWeb3WalletVerification),
  route('POST', '/me/web3_wallets/:id/attempt_verification', attemptWeb3WalletVerification),
  route('POST', '/me/change_password', changePassword),
  route('POST', '/me/remove_password', removePassword),
  route('POST', '/me/totp', createTotp),
  route('POST', '/me/totp/attempt_verification', verifyTotpSetup),
  route('DELETE', '/me/totp', deleteTotp),
  route('POST', '/me/backup_codes', createBackupCodes),
  route('GET', '/me/enterprise_connections', listEnterpriseConnections),
  route('POST', '/me/profile_image', setProfileImage),
  route('PUT', '/me/profile_image', setProfileImage),
  route('DELETE', '/me/profile_image', deleteProfileImage),
];
