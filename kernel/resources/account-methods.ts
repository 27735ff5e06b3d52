/**
 * The bodies of the account resources' methods (User, EmailAddress, PhoneNumber, ExternalAccount). The
 * classes carry only their names: this module loads on the first call, so a page that only reads the
 * user ships none of it.
 */
// Lazy code imports only the few small shared modules; the classes it builds are handed over by user.ts.
import { expectObject, camelize, type JSONObject } from '../lazy-kit.js';
import type { EmailAddress } from './email-address.js';
import type { PhoneNumber } from './phone-number.js';
import type { BackupCodeResource, DeletedObject, ExternalAccount, ImageResource, SessionWithActivities, TOTPResource, UpdateUserParams, User } from './user.js';

/** The resource classes the user's methods construct (handed over by the loader in user.ts). */
export interface AccountClasses {
  EmailAddress: typeof EmailAddress;
  PhoneNumber: typeof PhoneNumber;
  ExternalAccount: typeof ExternalAccount;
}

/** `response` of a FAPI call made on behalf of `resource`. */
const call = async (resource: User, req: Parameters<User['_ctx']['fapi']['request']>[0]) =>
  (await resource._ctx.fapi.request<{ response: JSONObject }>(req))?.response ?? {};

export const userMethods = ({ EmailAddress, PhoneNumber, ExternalAccount }: AccountClasses) => ({
  reload(this: User) {
    return this._reload('/me');
  },
  update(this: User, params: UpdateUserParams) {
    expectObject(params, 'user.update()', 'params');
    return this._mutate('PATCH', '/me', { ...params });
  },
  updateMetadata(this: User, params: { unsafeMetadata: Record<string, unknown> }) {
    return this._mutate('PATCH', '/me/metadata', params);
  },
  updatePassword(this: User, params: { newPassword: string; currentPassword?: string; signOutOfOtherSessions?: boolean }) {
    return this._mutate('POST', '/me/change_password', params);
  },
  removePassword(this: User, params: { currentPassword?: string }) {
    return this._mutate('POST', '/me/remove_password', params);
  },
  async createEmailAddress(this: User, params: { email: string }) {
    expectObject(params, 'user.createEmailAddress()', 'params');
    return new EmailAddress(this._ctx, await call(this, { method: 'POST', path: '/me/email_addresses/', body: { emailAddress: params.email } }));
  },
  async createPhoneNumber(this: User, params: { phoneNumber: string }) {
    expectObject(params, 'user.createPhoneNumber()', 'params');
    return new PhoneNumber(this._ctx, await call(this, { method: 'POST', path: '/me/phone_numbers/', body: params }));
  },
  async setProfileImage(this: User, params: { file: Blob | string | null }) {
    expectObject(params, 'user.setProfileImage()', 'params');
    let body: FormData | string | undefined;
    if (typeof params.file === 'string') body = params.file;
    else if (params.file) (body = new FormData()).append('file', params.file);
    const image = await call(this, { method: params.file === null ? 'DELETE' : 'POST', path: '/me/profile_image', body });
    return camelize(image) as ImageResource;
  },
  async createTOTP(this: User) {
    return camelize(await call(this, { method: 'POST', path: '/me/totp' })) as TOTPResource;
  },
  async verifyTOTP(this: User, params: { code: string }) {
    return camelize(await call(this, { method: 'POST', path: '/me/totp/attempt_verification', body: params })) as TOTPResource;
  },
  async disableTOTP(this: User) {
    return camelize(await call(this, { method: 'DELETE', path: '/me/totp' })) as DeletedObject;
  },
  async createBackupCode(this: User) {
    return camelize(await call(this, { method: 'POST', path: '/me/backup_codes/' })) as BackupCodeResource;
  },
  async createExternalAccount(this: User, params: Parameters<User['createExternalAccount']>[0]) {
    const { additionalScopes, ...rest } = params;
    const body = { ...rest, additionalScope: additionalScopes };
    return new ExternalAccount(this._ctx, await call(this, { method: 'POST', path: '/me/external_accounts', body }));
  },
  async getSessions(this: User) {
    const sessions = await this._ctx.fapi.request<unknown>({ path: '/me/sessions/active' }).catch(() => []);
    if (!Array.isArray(sessions)) return [];
    return sessions.map((s) => {
      const session = camelize(s) as SessionWithActivities;
      // Non-enumerable, as the plumbing: spreading the session shows only its data.
      return Object.defineProperty(session, 'revoke', {
        value: async () => Object.assign(session, camelize(await call(this, { method: 'POST', path: `/me/sessions/${s.id}/revoke` }))),
      });
    });
  },
  async delete(this: User) {
    await this._ctx.fapi.request({ method: 'DELETE', path: '/me' });
  },
});

export const externalAccountMethods = {
  reauthorize(this: ExternalAccount, params: Parameters<ExternalAccount['reauthorize']>[0]) {
    const { additionalScopes, ...rest } = params;
    return this._mutate('PATCH', `/me/external_accounts/${this.id}/reauthorize`, { ...rest, additionalScope: additionalScopes });
  },
  async destroy(this: ExternalAccount) {
    await this._ctx.fapi.request({ method: 'DELETE', path: `/me/external_accounts/${this.id}` });
  },
};

/** An email address's or phone number's own path under `/me`. */
const identificationPath = (r: EmailAddress | PhoneNumber) => `/me/${'emailAddress' in r ? 'email_addresses' : 'phone_numbers'}/${r.id}`;

/** What EmailAddress and PhoneNumber share: verify, delete, reload. */
const identificationMethods = {
  attemptVerification(this: EmailAddress | PhoneNumber, params: { code: string }) {
    return this._mutate('POST', `${identificationPath(this)}/attempt_verification`, params);
  },
  async destroy(this: EmailAddress | PhoneNumber) {
    await this._ctx.fapi.request({ method: 'DELETE', path: identificationPath(this) });
  },
  reload(this: EmailAddress | PhoneNumber) {
    return this._reload(identificationPath(this));
  },
};

export const emailAddressMethods = {
  ...identificationMethods,
  prepareVerification(this: EmailAddress, params: Parameters<EmailAddress['prepareVerification']>[0]) {
    return this._mutate('POST', `${identificationPath(this)}/prepare_verification`, params);
  },
};

export const phoneNumberMethods = {
  ...identificationMethods,
  prepareVerification(this: PhoneNumber, params: { strategy?: 'phone_code'; channel?: 'sms' | 'whatsapp' } = {}) {
    return this._mutate('POST', `${identificationPath(this)}/prepare_verification`, { strategy: 'phone_code', ...params });
  },
  setReservedForSecondFactor(this: PhoneNumber, params: { reserved: boolean }) {
    return this._mutate('PATCH', identificationPath(this), { reservedForSecondFactor: params.reserved });
  },
  makeDefaultSecondFactor(this: PhoneNumber) {
    return this._mutate('PATCH', identificationPath(this), { defaultSecondFactor: true });
  },
};
