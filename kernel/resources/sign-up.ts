import { expectObject } from '../errors.js';
import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import { absoluteUrl, providerUrl, type AuthenticateWithPopupParams, type AuthenticateWithRedirectParams } from './external-auth.js';
import { localeParams } from './sign-in.js';
import { Verification } from './verification.js';

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

export interface SignUpParams {
  emailAddress?: string;
  phoneNumber?: string;
  username?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
  strategy?: string;
  redirectUrl?: string;
  actionCompleteRedirectUrl?: string;
  ticket?: string;
  transfer?: boolean;
  [key: string]: unknown;
}

export interface SignUpVerifications {
  emailAddress: Verification;
  phoneNumber: Verification;
  web3Wallet: Verification;
  externalAccount: Verification;
}

export class SignUp extends BaseResource {
  declare status: SignUpStatus | null;
  declare requiredFields: string[];
  declare optionalFields: string[];
  declare missingFields: string[];
  declare unverifiedFields: string[];
  declare verifications: SignUpVerifications;
  declare username: string | null;
  declare firstName: string | null;
  declare lastName: string | null;
  declare emailAddress: string | null;
  declare phoneNumber: string | null;
  declare hasPassword: boolean;
  declare unsafeMetadata: Record<string, unknown>;
  declare createdSessionId: string | null;
  declare createdUserId: string | null;
  declare abandonAt: Date | null;
  declare legalAcceptedAt: Date | null;

  protected override hydrate(json: JSONObject): void {
    this.status = (json.status as SignUpStatus) ?? null;
    this.createdSessionId = (json.created_session_id as string) ?? null;
    this.createdUserId = (json.created_user_id as string) ?? null;
    for (const key of ['requiredFields', 'optionalFields', 'missingFields', 'unverifiedFields'] as const) this[key] = this[key] ?? [];
    const v = (json.verifications ?? {}) as Record<string, JSONObject>;
    this.verifications = {
      emailAddress: new Verification(v.email_address),
      phoneNumber: new Verification(v.phone_number),
      web3Wallet: new Verification(v.web3_wallet),
      externalAccount: new Verification(v.external_account),
    };
  }

  private get path() {
    return `/client/sign_ups/${this.id}`;
  }

  async create(params: SignUpParams) {
    expectObject(params, 'signUp.create()', 'params');
    return this._mutate('POST', '/client/sign_ups', { ...localeParams(), ...params });
  }

  update(params: SignUpParams) {
    return this._mutate('PATCH', this.path, params);
  }

  reload() {
    return this._reload(this.path);
  }

  prepareVerification(params: { strategy: string; redirectUrl?: string; channel?: string; [key: string]: unknown }) {
    return this._mutate('POST', `${this.path}/prepare_verification`, params);
  }

  attemptVerification(params: { strategy: string; code?: string; signature?: string }) {
    return this._mutate('POST', `${this.path}/attempt_verification`, params);
  }

  prepareEmailAddressVerification(params: { strategy?: 'email_code' | 'email_link'; redirectUrl?: string } = {}) {
    return this.prepareVerification({ strategy: 'email_code', ...params });
  }

  attemptEmailAddressVerification(params: { code: string }) {
    return this.attemptVerification({ strategy: 'email_code', ...params });
  }

  preparePhoneNumberVerification(params: { strategy?: 'phone_code'; channel?: string } = {}) {
    return this.prepareVerification({ strategy: 'phone_code', ...params });
  }

  attemptPhoneNumberVerification(params: { code: string }) {
    return this.attemptVerification({ strategy: 'phone_code', ...params });
  }

  /** Creates (or, with `continueSignUp`, updates) the attempt and resolves to the provider's URL. */
  private async startExternal(params: AuthenticateWithRedirectParams): Promise<URL> {
    const { strategy, unsafeMetadata, emailAddress, legalAccepted, oidcPrompt, oidcLoginHint, enterpriseConnectionId } = params;
    const body = {
      strategy,
      redirectUrl: absoluteUrl(params.redirectUrl),
      actionCompleteRedirectUrl: absoluteUrl(params.redirectUrlComplete),
      unsafeMetadata,
      emailAddress,
      legalAccepted,
      oidcPrompt,
      oidcLoginHint,
      enterpriseConnectionId,
    };
    await (params.continueSignUp && this.id ? this.update(body) : this.create(body));
    return providerUrl(this.verifications.externalAccount);
  }

  /** Starts an OAuth / enterprise SSO sign-up and leaves for the provider with a full page load (never the app's router). */
  async authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void> {
    this._ctx.pageLoad(await this.startExternal(params));
  }

  /** The same in `popup`; the app's page finishes when the popup reports back (needs the oauth plugin). */
  authenticateWithPopup(params: AuthenticateWithPopupParams): Promise<void> {
    return this._ctx.authenticateWithPopup('signUp', params, (urls) => this.startExternal({ ...params, ...urls }));
  }

  /** Emails a verification link and resolves once it was opened or expired (see SignIn). */
  createEmailLinkFlow(): EmailLinkFlow<SignUp, { redirectUrl: string }> {
    const flow = emailLinkFlow<SignUp, { redirectUrl: string }>(
      this,
      ({ redirectUrl }) => this.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl }),
      (signUp) => ['verified', 'expired', 'failed'].includes(signUp.verifications.emailAddress.status ?? ''),
    );
    return { startEmailLinkFlow: flow.start, cancelEmailLinkFlow: flow.cancel };
  }
}
