import type { OrganizationRoleSetting } from './organization-roles.js';

/** Instance settings of the emulated Clerk application, and how partial input merges into them. */

export type EmailFirstFactor = 'email_code' | 'email_link';
/** `passkey`: a passkey may stand in for the second factor of a sign-in (needs passkeys enabled and a user with MFA on). */
export type SecondFactorStrategy = 'totp' | 'phone_code' | 'backup_code' | 'passkey';
export type SignUpMode = 'public' | 'restricted' | 'waitlist';
export type Web3SignatureStrategy =
  'web3_metamask_signature' | 'web3_coinbase_wallet_signature' | 'web3_okx_wallet_signature' | 'web3_base_signature' | 'web3_solana_signature';

export interface EmailAddressSettings {
  enabled: boolean;
  required: boolean;
  /** Strategies offered for signing in with an email address (besides password). */
  firstFactors: EmailFirstFactor[];
  /** Whether sign-up must verify the email address before completing. */
  verifyAtSignUp: boolean;
}

export interface PhoneNumberSettings {
  enabled: boolean;
  required: boolean;
  /** Whether phone_code is offered as a first factor. */
  usedForFirstFactor: boolean;
  verifyAtSignUp: boolean;
}

export interface UsernameSettings {
  enabled: boolean;
  required: boolean;
  minLength: number;
  maxLength: number;
}

export interface NameSettings {
  enabled: boolean;
  required: boolean;
}

export interface PasswordSettings {
  enabled: boolean;
  required: boolean;
  minLength: number;
  maxLength: number;
  requireNumbers: boolean;
  requireSpecialChar: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
}

export interface LockoutSettings {
  /** Wrong passwords in a row before the user is locked. */
  maxAttempts: number;
  lockSeconds: number;
}

/** Passkeys (`attributes.passkey`, `passkey_settings`): sign-in with a WebAuthn credential and managing them. */
export interface PasskeySettings {
  enabled: boolean;
  /** Offer passkeys in the browser's autofill (conditional UI) on the identifier field. */
  allowAutofill: boolean;
  showSignInButton: boolean;
}

export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';

/**
 * Sensitive actions (password change, email removal, account deletion, passkey creation) answer 403
 * `session_reverification_required` when the session's factors were verified longer ago than
 * `maxAgeMinutes`; null turns the check off (the default).
 */
export interface ReverificationSettings {
  /** Minutes (fractions allowed, e.g. 0.05 = 3 s for tests); null = off. */
  maxAgeMinutes: number | null;
  level: ReverificationLevel;
}

export interface RateLimitSettings {
  maxRequests: number;
  windowSeconds: number;
}

/** The `display_config` URLs of the environment. */
export interface DisplayUrls {
  home_url: string;
  sign_in_url: string;
  sign_up_url: string;
  user_profile_url: string;
  organization_profile_url: string;
  create_organization_url: string;
  waitlist_url: string;
  after_sign_in_url: string;
  after_sign_up_url: string;
  after_sign_out_one_url: string;
  after_sign_out_all_url: string;
  after_switch_session_url: string;
  after_create_organization_url: string;
  after_leave_organization_url: string;
  after_join_waitlist_url: string;
}

/** An enterprise SSO connection: users whose email is on `domain` sign in through its (fake) identity provider; several may share a domain (the user picks one). */
export interface EnterpriseConnectionSettings {
  /** `acme.test`: the email domain the connection owns (subdomains are not included). */
  domain: string;
  protocol: 'saml' | 'oidc';
  /** Shown on the identity provider's page and as `enterprise_connection_name`. */
  name: string;
  /** Default: derived from the domain (`ent_acme_test`; a second connection on the same domain `ent_acme_test_2`). */
  id?: string;
}

/** Clerk Protect mid-flow checks: which creates answer with a `protect_check` gate, and how many challenges chain. */
export interface ProtectCheckSettings {
  /** `POST /client/sign_ins` with a known identifier answers `needs_protect_check`. */
  signIn: boolean;
  /** `POST /client/sign_ups` answers with `protect_check` (and `protect_check` in `missing_fields`). */
  signUp: boolean;
  /** Challenges in a row before the gate clears (default 1). */
  chain: number;
}

export interface EmulatorSettings {
  applicationName: string;
  /** One signed-in session per client (`auth_config.single_session_mode`). */
  singleSession: boolean;
  tokenLifetimeSeconds: number;
  /** How long a new session lasts before it expires (`expire_at`); default 7 days. */
  sessionLifetimeSeconds: number;
  emailAddress: EmailAddressSettings;
  phoneNumber: PhoneNumberSettings;
  username: UsernameSettings;
  /** first_name and last_name together. */
  names: NameSettings;
  password: PasswordSettings;
  /** Second factors users may enable; empty disables multi-factor sign-in. */
  secondFactors: SecondFactorStrategy[];
  /** Enabled web3 wallet strategies (`web3_metamask_signature`…, `web3_solana_signature`); empty turns the web3_wallet attribute off. */
  web3: Web3SignatureStrategy[];
  /** Enabled social providers, e.g. `oauth_google`. Listed in the environment only. */
  social: string[];
  /**
   * The OAuth client id Google One Tap uses (`display_config.google_one_tap_client_id`), advertised
   * while `oauth_google` is in `social`; `null` turns One Tap off. The emulator's stand-in Google
   * issues ID tokens for this audience.
   */
  googleOneTapClientId: string | null;
  /** Enterprise SSO connections by email domain; any entry turns `enterprise_sso` on in the environment. */
  enterpriseConnections: EnterpriseConnectionSettings[];
  organizations: boolean;
  /**
   * Organizations required (`organization_settings.force_organization_selection`): a session without an
   * active organization is pending with the `choose-organization` task.
   */
  forceOrganizationSelection: boolean;
  /** Multi-factor required (`user_settings.sign_up.mfa.required`): a session of a user without a second factor is pending with `setup-mfa`. */
  mfaRequired: boolean;
  /** Members an organization may have (pending invitations count too); `0` = unlimited. New organizations start with it. */
  maxAllowedMemberships: number;
  /** Custom organization roles besides `org:admin` / `org:member` (same key: replaces the system role). */
  organizationRoles: OrganizationRoleSetting[];
  /** How long an organization invitation can be accepted. */
  invitationLifetimeSeconds: number;
  passkeys: PasskeySettings;
  reverification: ReverificationSettings;
  signUpMode: SignUpMode;
  lockout: LockoutSettings;
  /** An email link opened on another client answers `client_mismatch` (`attack_protection.email_link.require_same_client`). */
  emailLinkRequireSameClient: boolean;
  /** Clerk Protect mid-flow challenges (off by default); see domain/protect-check.ts. */
  protectCheck: ProtectCheckSettings;
  /** Per-emulator request budget; exceeding it answers 429 with Retry-After. */
  rateLimit: RateLimitSettings | null;
  /** Added delay for every FAPI request. */
  latencyMs: number;
  displayUrls: DisplayUrls;
}

/** Partial settings: every top-level key optional, nested objects partial too. */
export type EmulatorSettingsInput = {
  [K in keyof EmulatorSettings]?: EmulatorSettings[K] extends unknown[] | null
    ? EmulatorSettings[K]
    : EmulatorSettings[K] extends object | null
      ? Partial<NonNullable<EmulatorSettings[K]>> | null
      : EmulatorSettings[K];
};

export function defaultSettings(): EmulatorSettings {
  return {
    applicationName: 'microclerk emulator',
    singleSession: false,
    tokenLifetimeSeconds: 60,
    sessionLifetimeSeconds: 7 * 24 * 60 * 60,
    emailAddress: { enabled: true, required: true, firstFactors: ['email_code', 'email_link'], verifyAtSignUp: true },
    phoneNumber: { enabled: true, required: false, usedForFirstFactor: true, verifyAtSignUp: true },
    username: { enabled: false, required: false, minLength: 4, maxLength: 64 },
    names: { enabled: true, required: false },
    password: {
      enabled: true,
      required: true,
      minLength: 8,
      maxLength: 72,
      requireNumbers: false,
      requireSpecialChar: false,
      requireUppercase: false,
      requireLowercase: false,
    },
    secondFactors: ['totp', 'phone_code', 'backup_code'],
    web3: [],
    social: ['oauth_google', 'oauth_github'],
    googleOneTapClientId: 'microclerk-emulator.apps.googleusercontent.com',
    enterpriseConnections: [],
    organizations: true,
    forceOrganizationSelection: false,
    mfaRequired: false,
    maxAllowedMemberships: 5,
    organizationRoles: [],
    invitationLifetimeSeconds: 30 * 24 * 3600,
    passkeys: { enabled: false, allowAutofill: true, showSignInButton: true },
    reverification: { maxAgeMinutes: null, level: 'second_factor' },
    signUpMode: 'public',
    lockout: { maxAttempts: 5, lockSeconds: 1800 },
    emailLinkRequireSameClient: false,
    protectCheck: { signIn: false, signUp: false, chain: 1 },
    rateLimit: null,
    latencyMs: 0,
    displayUrls: {
      home_url: '/',
      sign_in_url: '/sign-in',
      sign_up_url: '/sign-up',
      user_profile_url: '/user',
      organization_profile_url: '/organization',
      create_organization_url: '/create-organization',
      waitlist_url: '/waitlist',
      after_sign_in_url: '/',
      after_sign_up_url: '/',
      after_sign_out_one_url: '/sign-in#/choose',
      after_sign_out_all_url: '/sign-in',
      after_switch_session_url: '/',
      after_create_organization_url: '/',
      after_leave_organization_url: '/',
      after_join_waitlist_url: '/',
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges partial input into `target` in place (nested objects one level deep). */
export function mergeSettings(target: EmulatorSettings, input: EmulatorSettingsInput | undefined): EmulatorSettings {
  if (!input) return target;
  const record = target as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const current = record[key];
    if (isPlainObject(current) && isPlainObject(value)) {
      record[key] = { ...current, ...value };
    } else {
      record[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  return target;
}
