import { BaseResource, syncById, type JSONObject } from './base.js';
import type { OAuthProviderName } from './client.js';
import { EmailAddress } from './email-address.js';
import { OrganizationMembership } from './organization.js';
import { defineLazyMethods } from './methods.js';
import { PhoneNumber } from './phone-number.js';
import { Verification } from './verification.js';

/** What `user.update()` changes; `null` clears a field. */
export interface UpdateUserParams {
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  primaryEmailAddressId?: string | null;
  primaryPhoneNumberId?: string | null;
  primaryWeb3WalletId?: string | null;
  /** Replaces the whole unsafe metadata (sent to `/me/metadata` after the other fields). */
  unsafeMetadata?: Record<string, unknown>;
}

/**
 * One of the user's web3 wallets, as data. The web3 plugin merges its methods in (prepare/attempt
 * verification, destroy) and hydrates `user.web3Wallets` with its resource class.
 */
export interface UserWeb3Wallet {
  id: string;
  web3Wallet: string;
  /** FAPI sends one with each wallet; the web3 plugin makes it a Verification (an empty one when FAPI sends none), as ClerkJS. */
  verification: Verification;
}

/** What FAPI answers for a deletion: the object's type and id, and `deleted: true`. */
export interface DeletedObject {
  object: string;
  id?: string;
  slug?: string;
  deleted: boolean;
}

/** FAPI data the user's methods resolve with (camelCase); the resource-members plugin adds ClerkJS's plumbing. */
export interface TOTPResource {
  id: string;
  secret?: string;
  uri?: string;
  verified: boolean;
  backupCodes?: string[];
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface BackupCodeResource {
  id: string;
  codes: string[];
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface ImageResource {
  id?: string;
  name: string | null;
  publicUrl: string | null;
}

/** One of the user's active sessions on some device (`user.getSessions()`), with its latest activity. */
export interface SessionWithActivities {
  id: string;
  status: string;
  expireAt: Date;
  abandonAt: Date;
  lastActiveAt: Date;
  latestActivity: {
    id: string;
    browserName?: string;
    browserVersion?: string;
    deviceType?: string;
    ipAddress?: string;
    city?: string;
    country?: string;
    isMobile?: boolean;
  };
  actor: { sub: string; [claim: string]: unknown } | null;
  /** Signs that device out (`POST /me/sessions/{id}/revoke`); resolves with this session, revoked. */
  revoke(): Promise<SessionWithActivities>;
}

export class User extends BaseResource {
  declare externalId: string | null;
  declare username: string | null;
  declare firstName: string | null;
  declare lastName: string | null;
  declare imageUrl: string;
  declare hasImage: boolean;
  declare primaryEmailAddressId: string | null;
  declare primaryPhoneNumberId: string | null;
  declare primaryWeb3WalletId: string | null;
  declare emailAddresses: EmailAddress[];
  declare phoneNumbers: PhoneNumber[];
  declare web3Wallets: UserWeb3Wallet[];
  declare externalAccounts: ExternalAccount[];
  declare organizationMemberships: OrganizationMembership[];
  declare passwordEnabled: boolean;
  declare totpEnabled: boolean;
  declare backupCodeEnabled: boolean;
  declare twoFactorEnabled: boolean;
  declare publicMetadata: Record<string, unknown>;
  declare unsafeMetadata: Record<string, unknown>;
  declare lastSignInAt: Date | null;
  declare createOrganizationEnabled: boolean;
  declare deleteSelfEnabled: boolean;
  declare createdAt: Date;
  declare updatedAt: Date;

  protected static override readonly childKeys = new Set(['email_addresses', 'phone_numbers', 'organization_memberships', 'external_accounts']);

  protected override hydrate(json: JSONObject): void {
    this.emailAddresses = syncById(this.emailAddresses, json.email_addresses, (e) => new EmailAddress(this._ctx, e));
    this.phoneNumbers = syncById(this.phoneNumbers, json.phone_numbers, (p) => new PhoneNumber(this._ctx, p));
    this.organizationMemberships = syncById(this.organizationMemberships, json.organization_memberships, (m) => new OrganizationMembership(this._ctx, m));
    this.externalAccounts = syncById(this.externalAccounts, json.external_accounts, (a) => new ExternalAccount(this._ctx, a));
  }

  get fullName(): string | null {
    return [this.firstName, this.lastName].filter(Boolean).join(' ') || null;
  }
  get primaryEmailAddress(): EmailAddress | null {
    return this.emailAddresses.find((e) => e.id === this.primaryEmailAddressId) ?? null;
  }
  get primaryPhoneNumber(): PhoneNumber | null {
    return this.phoneNumbers.find((p) => p.id === this.primaryPhoneNumberId) ?? null;
  }
  /** A getter, as in ClerkJS: `if (user.hasVerifiedEmailAddress)` reads the answer, not a function. */
  get hasVerifiedEmailAddress(): boolean {
    return this.emailAddresses.some((e) => e.verification.status === 'verified');
  }
  get hasVerifiedPhoneNumber(): boolean {
    return this.phoneNumbers.some((p) => p.verification.status === 'verified');
  }
}

/** The methods whose bodies load on first call (account-methods.ts). */
export interface User {
  reload(): Promise<this>;
  /** One `PATCH /me`; `unsafeMetadata` replaces the stored value, as with ClerkJS (`updateMetadata` merges). */
  update(params: UpdateUserParams): Promise<this>;
  /** Merges `unsafeMetadata` into the stored value (JSON merge patch: `null` deletes a key). */
  updateMetadata(params: { unsafeMetadata: Record<string, unknown> }): Promise<this>;
  updatePassword(params: { newPassword: string; currentPassword?: string; signOutOfOtherSessions?: boolean }): Promise<this>;
  removePassword(params: { currentPassword?: string }): Promise<this>;
  createEmailAddress(params: { email: string }): Promise<EmailAddress>;
  createPhoneNumber(params: { phoneNumber: string }): Promise<PhoneNumber>;
  /** Uploads a Blob/File (multipart `file`) or a data URL string; `null` removes the image. */
  setProfileImage(params: { file: Blob | string | null }): Promise<ImageResource>;
  createTOTP(): Promise<TOTPResource>;
  verifyTOTP(params: { code: string }): Promise<TOTPResource>;
  /** Resolves with FAPI's deleted object (`{ object: 'totp', id, deleted: true }`), as ClerkJS. */
  disableTOTP(): Promise<DeletedObject>;
  createBackupCode(): Promise<BackupCodeResource>;
  /** Connects an OAuth account (or, with `enterpriseConnectionId`, an enterprise one): follow `verification.externalVerificationRedirectURL` to finish. */
  createExternalAccount(params: {
    strategy?: string;
    redirectUrl?: string;
    additionalScopes?: string[];
    enterpriseConnectionId?: string;
    oidcPrompt?: string;
    oidcLoginHint?: string;
  }): Promise<ExternalAccount>;
  /** The user's active sessions on every device, with their latest activity; `revoke()` ends one. */
  getSessions(): Promise<SessionWithActivities[]>;
  delete(): Promise<void>;
}

defineLazyMethods(
  User.prototype,
  'reload update updateMetadata updatePassword removePassword createEmailAddress createPhoneNumber setProfileImage createTOTP verifyTOTP disableTOTP createBackupCode createExternalAccount getSessions delete',
  () => import('./account-methods.js').then((m) => m.userMethods({ EmailAddress, PhoneNumber, ExternalAccount })),
);

/** An OAuth account linked to the user (`oauth_google`…). */
export class ExternalAccount extends BaseResource {
  /** The provider without FAPI's `oauth_` prefix (`google`), as ClerkJS names it. */
  declare provider: OAuthProviderName;
  declare emailAddress: string;
  /** The account's username at the provider; `''` when it has none (FAPI sends null). */
  declare username: string;
  declare approvedScopes: string;
  declare verification: Verification | null;

  protected override hydrate(json: JSONObject): void {
    this.provider &&= this.provider.replace('oauth_', '') as OAuthProviderName;
    this.username ??= '';
    this.verification = json.verification ? new Verification(json.verification as JSONObject) : null;
  }
}

/** The methods whose bodies load on first call (account-methods.ts). */
export interface ExternalAccount {
  /** Asks the provider again (e.g. for more scopes): follow `verification.externalVerificationRedirectURL` to finish. */
  reauthorize(params: { redirectUrl?: string; additionalScopes?: string[]; oidcPrompt?: string; oidcLoginHint?: string }): Promise<this>;
  destroy(): Promise<void>;
}

defineLazyMethods(ExternalAccount.prototype, 'reauthorize destroy', () => import('./account-methods.js').then((m) => m.externalAccountMethods));
