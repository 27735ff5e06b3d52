/**
 * The snake_case JSON of each resource as `__internal_toSnapshot()` returns it: FAPI's wire shape of the
 * resource (what the kernel hydrates from), with the fields ClerkJS's snapshots make nullable. Types
 * only: the runtime is one generic function in members.ts.
 */
import type { LastAuthenticationStrategy, OAuthProviderName } from '../../kernel/resources/client.js';
import type { SignUpField, SignUpIdentificationField, VerificationStatus } from '../../kernel/index.js';

export type OAuthStrategyName = `oauth_${OAuthProviderName}`;

export interface APIErrorJSON {
  code: string;
  message: string;
  long_message?: string;
  meta?: { param_name?: string; session_id?: string; email_addresses?: string[]; identifiers?: string[] };
}

export interface VerificationSnapshot {
  object: 'verification';
  id: string;
  status: VerificationStatus | null;
  strategy: string | null;
  nonce: string | null;
  message: string | null;
  external_verification_redirect_url: string | null;
  attempts: number | null;
  expire_at: number | null;
  /** `{ code: '', message: '' }` when there is none, as ClerkJS writes it. */
  error: APIErrorJSON;
  verified_at_client: string | null;
  channel?: 'sms' | 'whatsapp';
}
export interface SignUpVerificationSnapshot extends VerificationSnapshot {
  next_action: string;
  supported_strategies: string[];
}

export interface TokenSnapshot {
  object: 'token';
  id: string;
  jwt: string;
}

export interface IdentificationLinkJSON {
  id: string;
  type: string;
}
export interface IdentificationLinkSnapshot extends IdentificationLinkJSON {
  object: 'identification_link';
}

export interface PublicUserDataJSON {
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string;
  user_id?: string;
  username?: string;
}

export interface EmailAddressSnapshot {
  object: 'email_address';
  id: string;
  email_address: string;
  verification: VerificationSnapshot;
  linked_to: IdentificationLinkSnapshot[];
  matches_sso_connection: boolean;
}

export interface PhoneNumberSnapshot {
  object: 'phone_number';
  id: string;
  phone_number: string;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
  linked_to: IdentificationLinkSnapshot[];
  verification: VerificationSnapshot;
  backup_codes?: string[];
}

export interface ExternalAccountSnapshot {
  object: 'external_account';
  id: string;
  provider: OAuthProviderName;
  identification_id: string;
  provider_user_id: string;
  approved_scopes: string;
  email_address: string;
  first_name: string;
  last_name: string;
  image_url: string;
  username: string;
  phone_number: string;
  public_metadata: Record<string, unknown>;
  label: string;
  verification: VerificationSnapshot | null;
}

export interface Web3WalletSnapshot {
  object: 'web3_wallet';
  id: string;
  web3_wallet: string;
  verification: VerificationSnapshot | null;
}

export interface PasskeySnapshot {
  object: 'passkey';
  id: string;
  name: string | null;
  verification: VerificationSnapshot | null;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface OrganizationSnapshot {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  image_url: string;
  has_image: boolean;
  public_metadata: Record<string, unknown>;
  members_count: number;
  pending_invitations_count: number;
  admin_delete_enabled: boolean;
  max_allowed_memberships: number;
  created_at: number;
  updated_at: number;
}

export interface OrganizationMembershipSnapshot {
  object: 'organization_membership';
  id: string;
  organization: OrganizationSnapshot;
  permissions: string[];
  public_metadata: Record<string, unknown>;
  public_user_data?: PublicUserDataJSON;
  role: string;
  role_name: string;
  created_at: number;
  updated_at: number;
}

export interface UserSnapshot {
  object: 'user';
  id: string;
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  image_url: string;
  has_image: boolean;
  username: string | null;
  email_addresses: EmailAddressSnapshot[];
  phone_numbers: PhoneNumberSnapshot[];
  web3_wallets: Web3WalletSnapshot[];
  external_accounts: ExternalAccountSnapshot[];
  passkeys: PasskeySnapshot[];
  organization_memberships: OrganizationMembershipSnapshot[];
  password_enabled: boolean;
  profile_image_id: string;
  first_name: string | null;
  last_name: string | null;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  two_factor_enabled: boolean;
  public_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  last_sign_in_at: number | null;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  delete_self_enabled: boolean;
  legal_accepted_at: number | null;
  timezone: string | null;
  created_at: number | null;
  updated_at: number | null;
}

export interface SessionSnapshot {
  object: 'session';
  id: string;
  status: 'active' | 'pending' | 'ended' | 'removed' | 'replaced' | 'revoked' | 'expired' | 'abandoned';
  factor_verification_age: [firstFactorAge: number, secondFactorAge: number] | null;
  expire_at: number;
  abandon_at: number;
  last_active_at: number | null;
  last_active_token: TokenSnapshot | null;
  last_active_organization_id: string | null;
  actor: { sub: string; [key: string]: unknown } | null;
  tasks: Array<{ key: 'choose-organization' | 'reset-password' | 'setup-mfa' }> | null;
  user: UserSnapshot | null;
  public_user_data: PublicUserDataJSON;
  created_at: number;
  updated_at: number;
}

type EmailFactorJSON<S extends string> = { strategy: S; email_address_id: string; safe_identifier: string; primary?: boolean };
type PhoneFactorJSON<S extends string> = { strategy: S; phone_number_id: string; safe_identifier: string; primary?: boolean; default?: boolean };
type Web3FactorJSON = {
  strategy: `web3_${'metamask' | 'coinbase_wallet' | 'okx_wallet' | 'base' | 'solana'}_signature`;
  web3_wallet_id: string;
  /** The same id under the name ClerkJS's snapshot type derives from `web3WalletId` (its runtime writes only FAPI's). */
  web_3_wallet_id: string;
  primary?: boolean;
};
type EnterpriseSSOFactorJSON = { strategy: 'enterprise_sso'; enterprise_connection_id?: string; enterprise_connection_name?: string; primary?: boolean };

/** A sign-in's first factor as FAPI sends it (`supported_first_factors`), one variant per strategy. */
export type SignInFirstFactorJSON =
  | EmailFactorJSON<'email_code'>
  | EmailFactorJSON<'email_link'>
  | EmailFactorJSON<'reset_password_email_code'>
  | PhoneFactorJSON<'phone_code'>
  | PhoneFactorJSON<'reset_password_phone_code'>
  | Web3FactorJSON
  | { strategy: 'password' }
  | { strategy: 'passkey' }
  | { strategy: OAuthStrategyName }
  | EnterpriseSSOFactorJSON;
/** A second factor (`supported_second_factors`). */
export type SignInSecondFactorJSON =
  | EmailFactorJSON<'email_code'>
  | EmailFactorJSON<'email_link'>
  | PhoneFactorJSON<'phone_code'>
  | { strategy: 'passkey' }
  | { strategy: 'totp' }
  | { strategy: 'backup_code' };
export type SignInFactorJSON = SignInFirstFactorJSON | SignInSecondFactorJSON;

export interface SignInSnapshot {
  object: 'sign_in';
  id: string;
  status:
    'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_client_trust' | 'needs_new_password' | 'needs_protect_check' | 'complete' | null;
  supported_identifiers: Array<'username' | 'email_address' | 'phone_number' | 'web3_wallet'>;
  identifier: string | null;
  user_data: { first_name?: string; last_name?: string; image_url: string | null; has_image: boolean | null };
  supported_first_factors: SignInFirstFactorJSON[] | null;
  supported_second_factors: SignInSecondFactorJSON[] | null;
  first_factor_verification: VerificationSnapshot;
  second_factor_verification: VerificationSnapshot;
  created_session_id: string | null;
  timezone: string | null;
}

export interface SignUpSnapshot {
  object: 'sign_up';
  id: string;
  status: 'missing_requirements' | 'complete' | 'abandoned' | null;
  required_fields: SignUpField[];
  optional_fields: SignUpField[];
  missing_fields: SignUpField[];
  unverified_fields: SignUpIdentificationField[];
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  email_address: string | null;
  phone_number: string | null;
  web3_wallet: string | null;
  external_account_strategy: string | null;
  external_account: unknown;
  has_password: boolean;
  unsafe_metadata: Record<string, unknown>;
  created_session_id: string | null;
  created_user_id: string | null;
  abandon_at: number | null;
  legal_accepted_at: number | null;
  locale: string | null;
  timezone: string | null;
  verifications: {
    email_address: SignUpVerificationSnapshot;
    phone_number: SignUpVerificationSnapshot;
    web3_wallet: SignUpVerificationSnapshot;
    external_account: VerificationSnapshot;
  };
}

export interface ClientSnapshot {
  object: 'client';
  id: string;
  sessions: SessionSnapshot[];
  sign_in: SignInSnapshot;
  sign_up: SignUpSnapshot;
  last_active_session_id: string | null;
  last_authentication_strategy: LastAuthenticationStrategy | null;
  captcha_bypass: boolean;
  cookie_expires_at: number | null;
  created_at: number | null;
  updated_at: number | null;
}

/** An enterprise connection as FAPI sends it (`GET /me/enterprise_connections`). */
export interface EnterpriseConnectionSnapshot {
  object: 'enterprise_connection';
  id: string;
  name: string;
  active: boolean;
  provider: string;
  logo_public_url?: string | null;
  domains?: string[];
  organization_id?: string | null;
  sync_user_attributes: boolean;
  disable_additional_identifications: boolean;
  allow_organization_account_linking?: boolean;
  custom_attributes?: unknown[];
  oauth_config?: {
    id: string;
    name: string;
    provider_key?: string;
    client_id: string;
    redirect_uri?: string;
    discovery_url?: string;
    auth_url?: string;
    token_url?: string;
    user_info_url?: string;
    logo_public_url?: string | null;
    requires_pkce?: boolean;
    created_at: number;
    updated_at: number;
  } | null;
  saml_connection?: {
    id: string;
    name: string;
    active: boolean;
    idp_entity_id: string;
    idp_sso_url: string;
    idp_certificate: string;
    idp_certificate_issued_at: number;
    idp_certificate_expires_at: number;
    idp_certificates?: Array<{ certificate: string; issued_at: number | null; expires_at: number | null }>;
    idp_metadata_url: string;
    idp_metadata: string;
    acs_url: string;
    sp_entity_id: string;
    sp_metadata_url: string;
    allow_subdomains: boolean;
    allow_idp_initiated: boolean;
    force_authn: boolean;
  } | null;
  created_at: number;
  updated_at: number;
}

/** A biometric credential (trusted device) as FAPI sends it (`/me/biometric_credentials`). */
export interface BiometricCredentialSnapshot {
  object: 'trusted_device';
  id: string;
  platform: 'ios' | 'android';
  app_identifier: string;
  name: string | null;
  algorithm: 'ES256';
  status: 'active' | 'revoked';
  last_used_at: number | null;
  revoked_at: number | null;
  created_at: number;
  updated_at: number;
}
