/**
 * The fake OAuth provider's domain rules: starting a flow (state + authorize URL), the deterministic
 * provider account behind an email, and attaching that account to a user.
 */
import { createHash } from 'node:crypto';
import { initialsAvatar } from './avatar.js';
import type { EmulatorCore } from './core.js';
import { ENTERPRISE_SSO, FAKE_IDP_PATH } from './enterprise-sso.js';
import { formError } from './errors.js';
import { newId, randomToken } from './ids.js';
import {
  newVerification,
  type ExternalAccountRecord,
  type OAuthFlowRecord,
  type OAuthFlowTarget,
  type OAuthProfile,
  type UserRecord,
  type VerificationRecord,
} from './records.js';

/** How long the provider step may take before the verification expires (FAPI uses minutes too). */
const OAUTH_LIFETIME_MS = 10 * 60 * 1000;

/** The path of the fake provider's consent page, under `/v1`. */
export const FAKE_AUTHORIZE_PATH = '/oauth/fake/authorize';

const DEFAULT_SCOPES: Record<string, string> = {
  google: 'email https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile openid profile',
  github: 'read:user user:email',
};

export function isOAuthStrategy(strategy: string | undefined): strategy is string {
  return typeof strategy === 'string' && /^oauth_[a-z0-9_]+$/.test(strategy);
}

export function providerOf(strategy: string): string {
  return strategy.replace(/^oauth_/, '');
}

/** The account the fake provider offers when nobody typed another email: `google-user@example.com`. */
export function defaultProviderEmail(strategy: string): string {
  return `${providerOf(strategy)}-user@example.com`;
}

function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word;
}

/** The same email always yields the same provider account (id, names, username). */
export function fakeProfile(strategy: string, emailAddress: string, additionalScopes: string[] = []): OAuthProfile {
  const provider = providerOf(strategy);
  const email = emailAddress.trim();
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[-._+]+/).filter(Boolean);
  const firstName = words[0] ? capitalize(words[0]) : null;
  const lastName = words.length > 1 ? capitalize(words[words.length - 1]!) : null;
  const digest = createHash('sha256').update(`${provider}:${email.toLowerCase()}`).digest();
  const providerUserId =
    provider === 'github'
      ? String(digest.readUInt32BE(0))
      : BigInt(`0x${digest.subarray(0, 9).toString('hex')}`)
          .toString()
          .padStart(21, '1');
  const username = provider === 'github' ? local.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 39) : null;
  const scopes = [...(DEFAULT_SCOPES[provider] ?? 'email profile').split(' '), ...additionalScopes];
  return {
    provider,
    strategy,
    providerUserId,
    emailAddress: email,
    firstName,
    lastName,
    username,
    imageUrl: initialsAvatar(firstName, lastName, email),
    approvedScopes: [...new Set(scopes)].join(' '),
  };
}

/** Refuses providers that are not in `settings.social`. */
export function assertSocialEnabled(core: EmulatorCore, strategy: string): void {
  if (!core.settings.social.includes(strategy)) {
    throw formError('strategy_for_user_invalid', 'strategy', `${strategy} is not enabled for this instance.`);
  }
}

/** Everything a provider step records; handlers read the request-dependent parts from the request. */
export interface OAuthFlowStart {
  strategy: string;
  target: OAuthFlowTarget;
  redirectUrl: string;
  actionCompleteRedirectUrl: string | null;
  loginHint: string | null;
  additionalScopes: string[];
  enterpriseConnectionId?: string | null;
  /** Where the emulator is served (everything before `/v1`); the consent page lives under it. */
  baseUrl: string;
}

/**
 * Starts a provider step: records the flow under a fresh `state` and returns an unverified
 * verification whose `external_verification_redirect_url` is the fake consent page.
 */
export function createOAuthFlow(core: EmulatorCore, start: OAuthFlowStart): VerificationRecord {
  const enterprise = start.strategy === ENTERPRISE_SSO;
  if (!enterprise) assertSocialEnabled(core, start.strategy);
  const state = randomToken(18);
  const flow: OAuthFlowRecord = {
    state,
    strategy: start.strategy,
    target: start.target,
    redirectUrl: start.redirectUrl,
    actionCompleteRedirectUrl: start.actionCompleteRedirectUrl,
    loginHint: start.loginHint,
    additionalScopes: start.additionalScopes,
    enterpriseConnectionId: start.enterpriseConnectionId ?? null,
    completed: false,
    createdAt: core.now(),
  };
  core.store.oauthFlows.set(state, flow);
  const verification = newVerification(start.strategy);
  verification.expireAt = core.now() + OAUTH_LIFETIME_MS;
  verification.oauthState = state;
  verification.externalRedirectUrl = `${start.baseUrl}/v1${enterprise ? FAKE_IDP_PATH : FAKE_AUTHORIZE_PATH}?state=${encodeURIComponent(state)}`;
  return verification;
}

/** A verified `from_oauth_<provider>` verification, as FAPI gives emails that came from a provider. */
export function fromOAuthVerification(strategy: string, clientId: string | null): VerificationRecord {
  return { ...newVerification(strategy === ENTERPRISE_SSO ? ENTERPRISE_SSO : `from_${strategy}`, 'verified'), verifiedAtClient: clientId };
}

/**
 * Attaches the provider account to the user (or refreshes the one already attached), adding its
 * email address as verified and linked when the user does not have it yet.
 */
export function linkExternalAccount(
  core: EmulatorCore,
  user: UserRecord,
  profile: OAuthProfile,
  existing?: ExternalAccountRecord,
): ExternalAccountRecord | null {
  const now = core.now();
  if (profile.strategy === ENTERPRISE_SSO) {
    // An enterprise identity provider vouches for the user's email; it is not a connected (social) account.
    const email = user.emailAddresses.find((e) => e.emailAddress.toLowerCase() === profile.emailAddress.toLowerCase());
    if (email && email.verification?.status !== 'verified') email.verification = { ...newVerification(ENTERPRISE_SSO, 'verified'), attempts: 1 };
    user.updatedAt = now;
    return null;
  }
  const account =
    existing ?? user.externalAccounts.find((a) => a.profile?.provider === profile.provider && a.profile.providerUserId === profile.providerUserId);
  const verified: VerificationRecord = { ...newVerification(profile.strategy, 'verified'), attempts: 1 };
  let record: ExternalAccountRecord;
  if (account) {
    account.profile = profile;
    account.verification = verified;
    account.updatedAt = now;
    record = account;
  } else {
    record = {
      id: newId('eac'),
      identificationId: newId('idn'),
      profile,
      strategy: profile.strategy,
      label: null,
      publicMetadata: {},
      verification: verified,
      createdAt: now,
      updatedAt: now,
    };
    user.externalAccounts.push(record);
  }
  const link = { id: record.identificationId, type: profile.strategy };
  const email = user.emailAddresses.find((e) => e.emailAddress.toLowerCase() === profile.emailAddress.toLowerCase());
  if (email) {
    if (!email.linkedTo?.some((l) => l.id === link.id)) email.linkedTo = [...(email.linkedTo ?? []), link];
    if (email.verification?.status !== 'verified') email.verification = fromOAuthVerification(profile.strategy, null);
  } else if (!core.store.findUserByEmail(profile.emailAddress)) {
    user.emailAddresses.push({
      id: newId('idn'),
      emailAddress: profile.emailAddress,
      verification: fromOAuthVerification(profile.strategy, null),
      linkedTo: [link],
      createdAt: now,
      updatedAt: now,
    });
    if (!user.primaryEmailAddressId) user.primaryEmailAddressId = user.emailAddresses[user.emailAddresses.length - 1]!.id;
  }
  user.updatedAt = now;
  return record;
}

/** Removes the account and its `linked_to` entries. */
export function unlinkExternalAccount(core: EmulatorCore, user: UserRecord, account: ExternalAccountRecord): void {
  user.externalAccounts = user.externalAccounts.filter((a) => a !== account);
  for (const email of user.emailAddresses) {
    if (email.linkedTo) email.linkedTo = email.linkedTo.filter((l) => l.id !== account.identificationId);
  }
  user.updatedAt = core.now();
}

/** The user a provider account belongs to: by the attached account, else by its email address. */
export function userForProfile(core: EmulatorCore, profile: OAuthProfile): UserRecord | undefined {
  return core.store.findUserByExternalAccount(profile.provider, profile.providerUserId) ?? core.store.findUserByEmail(profile.emailAddress);
}
