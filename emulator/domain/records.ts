/** The records the in-memory store holds: users, clients, sessions, sign-ins, sign-ups, organizations. */
import type { FapiErrorItem } from './errors.js';

export type VerificationStatus = 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired';

export interface VerificationRecord {
  status: VerificationStatus;
  strategy: string | null;
  attempts: number;
  expireAt: number | null;
  /** The code sent, kept server-side only. */
  code: string | null;
  /** Email-link token, kept server-side only. */
  linkToken: string | null;
  redirectUrl: string | null;
  channel: string | null;
  verifiedAtClient: string | null;
  /** OAuth: the fake provider's authorize URL (`external_verification_redirect_url`). */
  externalRedirectUrl: string | null;
  /** OAuth: the flow state this verification waits for, kept server-side only. */
  oauthState: string | null;
  /** Web3: the message (with its nonce) the wallet must sign. */
  message: string | null;
  /** Passkeys: the WebAuthn options JSON (creation or request options) the client hands the browser. */
  nonce: string | null;
  error: FapiErrorItem | null;
}

export interface EmailAddressRecord {
  id: string;
  emailAddress: string;
  verification: VerificationRecord | null;
  /** External accounts this address came from (`linked_to`). */
  linkedTo?: Array<{ id: string; type: string }>;
  createdAt: number;
  updatedAt: number;
}

/** What the fake OAuth provider says about the account that granted access. */
export interface OAuthProfile {
  /** `google`, `github`, … */
  provider: string;
  /** `oauth_google`, … */
  strategy: string;
  providerUserId: string;
  emailAddress: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string;
  approvedScopes: string;
}

export interface ExternalAccountRecord {
  id: string;
  identificationId: string;
  /** Null until the provider step completes. */
  profile: OAuthProfile | null;
  strategy: string;
  label: string | null;
  publicMetadata: Record<string, unknown>;
  verification: VerificationRecord;
  createdAt: number;
  updatedAt: number;
}

/** What an OAuth flow's `state` completes when the fake provider's consent page is submitted. */
export type OAuthFlowTarget =
  { kind: 'sign_in'; signInId: string } | { kind: 'sign_up'; signUpId: string } | { kind: 'external_account'; userId: string; externalAccountId: string };

export interface OAuthFlowRecord {
  state: string;
  strategy: string;
  target: OAuthFlowTarget;
  /** Where the provider step returns the browser (ClerkJS's sso-callback page). */
  redirectUrl: string;
  actionCompleteRedirectUrl: string | null;
  /** Prefills the consent page's email field. */
  loginHint: string | null;
  additionalScopes: string[];
  /** Enterprise SSO: the connection whose identity provider the flow goes through. */
  enterpriseConnectionId?: string | null;
  completed: boolean;
  createdAt: number;
}

export interface WaitlistEntryRecord {
  id: string;
  emailAddress: string;
  createdAt: number;
  updatedAt: number;
}

export interface Web3WalletRecord {
  id: string;
  /** The address, lower-cased. */
  web3Wallet: string;
  verification: VerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

export interface PhoneNumberRecord {
  id: string;
  phoneNumber: string;
  verification: VerificationRecord | null;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface TotpRecord {
  id: string;
  secret: string;
  verified: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A WebAuthn credential of a user; `credentialId` is empty until its registration was verified. */
export interface PasskeyRecord {
  id: string;
  name: string | null;
  /** base64url credential id and COSE public key, as the relying party stored them. */
  credentialId: string;
  publicKey: string;
  /** The authenticator's signature counter (a clone shows up as a counter that does not grow). */
  counter: number;
  transports: string[];
  verification: VerificationRecord;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A device key pair a user enrolled from a native app (FAPI's trusted device, ClerkJS's biometric credential). */
export interface BiometricCredentialRecord {
  id: string;
  platform: 'ios' | 'android';
  appIdentifier: string;
  name: string | null;
  algorithm: 'ES256';
  /** The device's P-256 public key (the signature check of later challenges uses it). */
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  status: 'active' | 'revoked';
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An enrollment prepared (`POST /me/biometric_credentials/prepare`) and not yet attempted; found again by its `clientData`. */
export interface TrustedDeviceChallengeRecord {
  id: string;
  userId: string;
  challenge: string;
  /** The exact text the device signs. */
  clientData: string;
  platform: BiometricCredentialRecord['platform'];
  appIdentifier: string;
  name: string | null;
  publicKeyJwk: BiometricCredentialRecord['publicKeyJwk'];
  expiresAt: number;
}

export interface UserRecord {
  id: string;
  /** IANA time zone the sign-up that created the user sent (FAPI's `timezone`). */
  timezone?: string | null;
  externalId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  password: string | null;
  emailAddresses: EmailAddressRecord[];
  phoneNumbers: PhoneNumberRecord[];
  externalAccounts: ExternalAccountRecord[];
  web3Wallets: Web3WalletRecord[];
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  primaryWeb3WalletId: string | null;
  totp: TotpRecord | null;
  /** Unused backup codes; each works once. */
  backupCodes: string[];
  passkeys: PasskeyRecord[];
  /** Absent in snapshots written before biometric credentials existed. */
  biometricCredentials?: BiometricCredentialRecord[];
  imageDataUrl: string | null;
  profileImageId: string | null;
  publicMetadata: Record<string, unknown>;
  unsafeMetadata: Record<string, unknown>;
  failedPasswordAttempts: number;
  lockedUntil: number | null;
  lastSignInAt: number | null;
  legalAcceptedAt: number | null;
  /** An administrator asked for a new password: the user's sessions are pending with the `reset-password` task until it is changed. */
  passwordResetRequired?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The session tasks FAPI knows (`session.tasks[].key`). */
export type SessionTaskKey = 'choose-organization' | 'reset-password' | 'setup-mfa';

export type SessionStatus = 'active' | 'pending' | 'ended' | 'removed' | 'replaced' | 'revoked' | 'expired' | 'abandoned';

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
  lastActiveOrganizationId: string | null;
  /** When the first and second factors were last verified (ms), for the `fva` claim. */
  firstFactorVerifiedAt: number;
  secondFactorVerifiedAt: number | null;
  userAgent: string | null;
  ipAddress: string | null;
  expireAt: number;
  abandonAt: number;
  lastActiveAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A reverification in progress for a session (`POST /client/sessions/{id}/verify`), one per session. */
export interface SessionVerificationRecord {
  id: string;
  sessionId: string;
  level: 'first_factor' | 'second_factor' | 'multi_factor';
  status: 'needs_first_factor' | 'needs_second_factor' | 'complete';
  firstFactorVerification: VerificationRecord | null;
  secondFactorVerification: VerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

export interface ClientRecord {
  id: string;
  sessionIds: string[];
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  lastAuthenticationStrategy: string | null;
  /** The app origin that last started a provider step: where the popup-callback page posts its message. */
  providerStepOrigin?: string;
  createdAt: number;
  updatedAt: number;
}

export type SignInStatus = 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'needs_protect_check' | 'complete';

/** A pending Clerk Protect challenge: what the challenge SDK gets, and the create it holds back. */
export interface ProtectCheckRecord {
  /** The opaque challenge token the SDK is initialised with. */
  token: string;
  /** The challenge SDK's URL (the emulator's fake SDK, on its own origin). */
  sdkUrl: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Challenges still to pass after this one (a chained check). */
  remaining: number;
  /** The gated create's form fields, replayed once the gate clears. */
  heldBody: Array<[string, string]>;
}

export interface SignInRecord {
  id: string;
  /** IANA time zone sent on create. */
  timezone?: string | null;
  clientId: string;
  status: SignInStatus;
  identifier: string | null;
  userId: string | null;
  firstFactorVerification: VerificationRecord | null;
  /** Which email/phone the current first-factor verification targets. */
  firstFactorTargetId: string | null;
  secondFactorVerification: VerificationRecord | null;
  /** OAuth: the provider account of a `transferable` first factor, for `sign_ups` with `transfer`. */
  oauthProfile: OAuthProfile | null;
  /** A ticket sign-in: the organization invitation it accepts once the sign-in completes (after any second factor). */
  invitationId?: string | null;
  /** A pending Clerk Protect challenge gating the create (domain/protect-check.ts). */
  protectCheck?: ProtectCheckRecord | null;
  /** The last Protect assertion (`__clerk_protect_assertion`) a request on this sign-in carried. */
  protectAssertion?: string | null;
  createdSessionId: string | null;
  createdAt: number;
  updatedAt: number;
  abandonAt: number;
}

export interface SignUpRecord {
  id: string;
  /** IANA time zone and locale sent on create. */
  timezone?: string | null;
  locale?: string | null;
  clientId: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  emailAddress: string | null;
  phoneNumber: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  password: string | null;
  unsafeMetadata: Record<string, unknown>;
  legalAcceptedAt: number | null;
  emailVerification: VerificationRecord | null;
  phoneVerification: VerificationRecord | null;
  /** Web3 sign-ups: the wallet address (lower-cased) and its signature verification. */
  web3Wallet: string | null;
  web3Verification: VerificationRecord | null;
  /** OAuth sign-ups: `oauth_google`, … */
  externalAccountStrategy: string | null;
  externalAccountVerification: VerificationRecord | null;
  /** The provider account once the provider step ran (or came with a transfer). */
  oauthProfile: OAuthProfile | null;
  /** `strategy=ticket`: the organization invitation the new user accepts on completion. */
  invitationId?: string | null;
  /** A pending Clerk Protect challenge gating the create (domain/protect-check.ts). */
  protectCheck?: ProtectCheckRecord | null;
  /** The last Protect assertion (`__clerk_protect_assertion`) a request on this sign-up carried. */
  protectAssertion?: string | null;
  createdSessionId: string | null;
  createdUserId: string | null;
  createdAt: number;
  updatedAt: number;
  abandonAt: number;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  imageDataUrl: string | null;
  publicMetadata: Record<string, unknown>;
  maxAllowedMemberships: number;
  createdAt: number;
  updatedAt: number;
}

export interface MembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: number;
  updatedAt: number;
}

export interface InvitationRecord {
  id: string;
  organizationId: string;
  emailAddress: string;
  role: string;
  /** A pending invitation becomes `expired` once read after `expiresAt` (the store's `expireInvitations`). */
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  /** The opaque token of the invitation link (`__clerk_ticket`); `strategy=ticket` sign-ups and sign-ins redeem it. */
  ticket: string;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export type EnrollmentMode = 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion';

/** A domain an organization claims; affiliation is proven by a code sent to an address at it. */
export interface DomainRecord {
  id: string;
  organizationId: string;
  name: string;
  enrollmentMode: EnrollmentMode;
  affiliationEmailAddress: string | null;
  verification: VerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

/** Offered to a user whose verified email is at a verified `automatic_suggestion` domain. */
export interface SuggestionRecord {
  id: string;
  organizationId: string;
  userId: string;
  status: 'pending' | 'accepted';
  createdAt: number;
  updatedAt: number;
}

/** Created when a user accepts a suggestion; an admin accepts (membership) or rejects it. */
export interface MembershipRequestRecord {
  id: string;
  organizationId: string;
  userId: string;
  status: 'pending' | 'accepted' | 'rejected';
  createdAt: number;
  updatedAt: number;
}

/** What an email-link token verifies when its link is opened. */
export type LinkTarget =
  { kind: 'sign_in'; signInId: string } | { kind: 'sign_up'; signUpId: string } | { kind: 'email_address'; userId: string; emailAddressId: string };

export function newVerification(strategy: string | null, status: VerificationStatus = 'unverified'): VerificationRecord {
  return {
    status,
    strategy,
    attempts: 0,
    expireAt: null,
    code: null,
    linkToken: null,
    redirectUrl: null,
    channel: null,
    verifiedAtClient: null,
    externalRedirectUrl: null,
    oauthState: null,
    message: null,
    nonce: null,
    error: null,
  };
}
