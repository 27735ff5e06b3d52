import { BaseResource, camelize, syncById, type JSONObject } from './base.js';
import { expectObject } from '../errors.js';
import { EmailAddress } from './email-address.js';
import { OrganizationMembership } from './organization.js';
import { PhoneNumber } from './phone-number.js';
import { Verification } from './verification.js';

export interface UpdateUserParams {
  username?: string;
  firstName?: string;
  lastName?: string;
  primaryEmailAddressId?: string;
  primaryPhoneNumberId?: string;
  primaryWeb3WalletId?: string;
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
  verification: Verification | null;
}

/** What FAPI answers for a deletion: the object's type and id, and `deleted: true`. */
export interface DeletedObject {
  object: string;
  id?: string;
  slug?: string;
  deleted: boolean;
}

export interface TOTPResource {
  id: string;
  secret?: string;
  uri?: string;
  verified: boolean;
  backupCodes?: string[];
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

  reload() {
    return this._reload('/me');
  }

  /** One `PATCH /me`; `unsafeMetadata` replaces the stored value, as with ClerkJS (`updateMetadata` merges). */
  async update(params: UpdateUserParams): Promise<this> {
    expectObject(params, 'user.update()', 'params');
    return this._mutate('PATCH', '/me', { ...params });
  }

  /** Merges `unsafeMetadata` into the stored value (JSON merge patch: `null` deletes a key). */
  updateMetadata(params: { unsafeMetadata: Record<string, unknown> }) {
    return this._mutate('PATCH', '/me/metadata', params);
  }

  updatePassword(params: { newPassword: string; currentPassword?: string; signOutOfOtherSessions?: boolean }) {
    return this._mutate('POST', '/me/change_password', params);
  }

  removePassword(params: { currentPassword: string }) {
    return this._mutate('POST', '/me/remove_password', params);
  }

  async createEmailAddress(params: { email: string }): Promise<EmailAddress> {
    expectObject(params, 'user.createEmailAddress()', 'params');
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({
      method: 'POST',
      path: '/me/email_addresses/',
      body: { emailAddress: params.email },
    });
    return new EmailAddress(this._ctx, payload.response);
  }

  async createPhoneNumber(params: { phoneNumber: string }): Promise<PhoneNumber> {
    expectObject(params, 'user.createPhoneNumber()', 'params');
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({
      method: 'POST',
      path: '/me/phone_numbers/',
      body: params,
    });
    return new PhoneNumber(this._ctx, payload.response);
  }

  /** Uploads a Blob/File (multipart `file`) or a data URL string; `null` removes the image. */
  async setProfileImage(params: { file: Blob | string | null }): Promise<{ id: string; name: string | null; publicUrl: string | null }> {
    expectObject(params, 'user.setProfileImage()', 'params');
    let body: FormData | string | undefined;
    if (typeof params.file === 'string') body = params.file;
    else if (params.file) (body = new FormData()).append('file', params.file);
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({
      method: params.file === null ? 'DELETE' : 'POST',
      path: '/me/profile_image',
      body,
    });
    const image = payload?.response ?? {};
    return { id: String(image.id ?? ''), name: (image.name as string) ?? null, publicUrl: (image.public_url as string) ?? null };
  }

  async createTOTP(): Promise<TOTPResource> {
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({ method: 'POST', path: '/me/totp' });
    return toTotp(payload.response);
  }

  async verifyTOTP(params: { code: string }): Promise<TOTPResource> {
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({
      method: 'POST',
      path: '/me/totp/attempt_verification',
      body: params,
    });
    return toTotp(payload.response);
  }

  /** Resolves with FAPI's deleted object (`{ object: 'totp', id, deleted: true }`), as ClerkJS. */
  disableTOTP(): Promise<DeletedObject> {
    return this._ctx.fapi.request<{ response: JSONObject }>({ method: 'DELETE', path: '/me/totp' }).then((p) => camelize(p.response));
  }

  async createBackupCode(): Promise<{ id: string; codes: string[] }> {
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({ method: 'POST', path: '/me/backup_codes/' });
    return { id: String(payload.response.id ?? ''), codes: (payload.response.codes as string[]) ?? [] };
  }

  /** Connects an OAuth account: follow `verification.externalVerificationRedirectURL` to finish. */
  async createExternalAccount(params: { strategy: string; redirectUrl?: string; additionalScopes?: string[] }): Promise<ExternalAccount> {
    const payload = await this._ctx.fapi.request<{ response: JSONObject }>({
      method: 'POST',
      path: '/me/external_accounts',
      body: { strategy: params.strategy, redirectUrl: params.redirectUrl, additionalScope: params.additionalScopes },
    });
    return new ExternalAccount(this._ctx, payload.response);
  }

  /** The user's active sessions on every device, with their latest activity; `revoke()` ends one. */
  async getSessions(): Promise<Array<Record<string, any> & { revoke(): Promise<unknown> }>> {
    const sessions = await this._ctx.fapi.request<unknown>({ path: '/me/sessions/active' }).catch(() => []);
    if (!Array.isArray(sessions)) return [];
    return sessions.map((s) => {
      const revoke = () => this._ctx.fapi.request({ method: 'POST', path: `/me/sessions/${s.id}/revoke` });
      return Object.defineProperty(camelize(s), 'revoke', { value: revoke });
    });
  }

  delete(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: '/me' }).then(() => undefined);
  }
}

/** An OAuth account linked to the user (`oauth_google`…). */
export class ExternalAccount extends BaseResource {
  declare provider: string;
  declare emailAddress: string;
  declare username: string | null;
  declare approvedScopes: string;
  declare verification: Verification | null;

  protected override hydrate(json: JSONObject): void {
    this.verification = json.verification ? new Verification(json.verification as JSONObject) : null;
  }

  /** Asks the provider again (e.g. for more scopes): follow `verification.externalVerificationRedirectURL` to finish. */
  reauthorize(params: { redirectUrl: string; additionalScopes?: string[] }) {
    return this._mutate('PATCH', `/me/external_accounts/${this.id}/reauthorize`, { redirectUrl: params.redirectUrl, additionalScope: params.additionalScopes });
  }

  destroy(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: `/me/external_accounts/${this.id}` }).then(() => undefined);
  }
}

function toTotp(json: JSONObject): TOTPResource {
  return {
    id: String(json.id ?? ''),
    secret: json.secret as string | undefined,
    uri: json.uri as string | undefined,
    verified: Boolean(json.verified),
    backupCodes: json.backup_codes as string[] | undefined,
  };
}
