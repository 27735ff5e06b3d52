/** The user JSON, with its email addresses, phone numbers and external accounts. */
import type {
  BiometricCredentialRecord,
  EmailAddressRecord,
  ExternalAccountRecord,
  PasskeyRecord,
  PhoneNumberRecord,
  UserRecord,
  Web3WalletRecord,
} from '../domain/records.js';
import { membershipJson } from './organization.js';
import { userImageUrl } from './public-user.js';
import { verificationJson } from './verification.js';
import type { EnterpriseConnection } from '../domain/enterprise-sso.js';
import type { Json, JsonView } from './view.js';

export function emailAddressJson(email: EmailAddressRecord): Json {
  return {
    object: 'email_address',
    id: email.id,
    email_address: email.emailAddress,
    reserved: false,
    verification: verificationJson(email.verification),
    linked_to: (email.linkedTo ?? []).map((l) => ({ id: l.id, type: l.type })),
    matches_sso_connection: false,
    created_at: email.createdAt,
    updated_at: email.updatedAt,
  };
}

export function phoneNumberJson(phone: PhoneNumberRecord): Json {
  return {
    object: 'phone_number',
    id: phone.id,
    phone_number: phone.phoneNumber,
    reserved: false,
    reserved_for_second_factor: phone.reservedForSecondFactor,
    default_second_factor: phone.defaultSecondFactor,
    verification: verificationJson(phone.verification),
    linked_to: [],
    backup_codes: null,
    created_at: phone.createdAt,
    updated_at: phone.updatedAt,
  };
}

export function web3WalletJson(wallet: Web3WalletRecord): Json {
  return {
    object: 'web3_wallet',
    id: wallet.id,
    web3_wallet: wallet.web3Wallet,
    verification: verificationJson(wallet.verification),
    created_at: wallet.createdAt,
    updated_at: wallet.updatedAt,
  };
}

export function externalAccountJson(account: ExternalAccountRecord): Json {
  const profile = account.profile;
  return {
    object: 'external_account',
    id: account.id,
    identification_id: account.identificationId,
    provider: account.strategy.replace(/^oauth_/, ''),
    provider_user_id: profile?.providerUserId ?? '',
    approved_scopes: profile?.approvedScopes ?? '',
    email_address: profile?.emailAddress ?? '',
    first_name: profile?.firstName ?? '',
    last_name: profile?.lastName ?? '',
    image_url: profile?.imageUrl ?? '',
    username: profile?.username ?? null,
    phone_number: null,
    public_metadata: account.publicMetadata,
    label: account.label,
    verification: verificationJson(account.verification),
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

export function passkeyJson(passkey: PasskeyRecord): Json {
  return {
    object: 'passkey',
    id: passkey.id,
    name: passkey.name,
    verification: verificationJson(passkey.verification),
    last_used_at: passkey.lastUsedAt,
    created_at: passkey.createdAt,
    updated_at: passkey.updatedAt,
  };
}

/** FAPI's `trusted_device`: the public key stays on the server. */
export function biometricCredentialJson(credential: BiometricCredentialRecord): Json {
  return {
    object: 'trusted_device',
    id: credential.id,
    platform: credential.platform,
    app_identifier: credential.appIdentifier,
    name: credential.name,
    algorithm: credential.algorithm,
    status: credential.status,
    last_used_at: credential.lastUsedAt,
    revoked_at: credential.revokedAt,
    created_at: credential.createdAt,
    updated_at: credential.updatedAt,
  };
}

export function userJson(view: JsonView, user: UserRecord): Json {
  const settings = view.core.settings;
  return {
    object: 'user',
    id: user.id,
    external_id: user.externalId,
    timezone: user.timezone ?? null,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(user),
    has_image: user.imageDataUrl !== null,
    profile_image_id: user.profileImageId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: user.primaryWeb3WalletId,
    email_addresses: user.emailAddresses.map(emailAddressJson),
    phone_numbers: user.phoneNumbers.map(phoneNumberJson),
    web3_wallets: user.web3Wallets.map(web3WalletJson),
    external_accounts: user.externalAccounts.map(externalAccountJson),
    enterprise_accounts: [],
    passkeys: view.core.settings.passkeys.enabled ? user.passkeys.filter((p) => p.credentialId).map(passkeyJson) : [],
    saml_accounts: [],
    organization_memberships: settings.organizations ? view.core.store.userMemberships(user.id).map((m) => membershipJson(view, m)) : [],
    password_enabled: user.password !== null,
    totp_enabled: Boolean(user.totp?.verified),
    backup_code_enabled: user.backupCodes.length > 0,
    two_factor_enabled: view.core.twoFactorEnabled(user),
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    last_sign_in_at: user.lastSignInAt,
    legal_accepted_at: user.legalAcceptedAt,
    create_organization_enabled: settings.organizations,
    create_organizations_limit: null,
    delete_self_enabled: true,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

/** An enterprise connection as `GET /me/enterprise_connections` lists it. */
export function enterpriseConnectionJson(connection: EnterpriseConnection, now: number): Json {
  return {
    object: 'enterprise_connection',
    id: connection.id,
    name: connection.name,
    active: true,
    provider: `${connection.protocol}_custom`,
    logo_public_url: null,
    domains: [connection.domain],
    organization_id: null,
    sync_user_attributes: true,
    disable_additional_identifications: false,
    allow_organization_account_linking: false,
    custom_attributes: [],
    oauth_config: null,
    saml_connection: null,
    created_at: now,
    updated_at: now,
  };
}
