import type { OAuthProviderName } from './client.js';
import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import type { AuthenticateWithPopupParams, AuthenticateWithRedirectParams } from './external-auth.js';
import { defineLazyMethods } from './methods.js';
import { Verification } from './verification.js';

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

/** A field that identifies the user (and is verified), as FAPI names it in a sign-up's field lists. */
export type SignUpIdentificationField =
  'username' | 'email_address' | 'phone_number' | 'email_address_or_phone_number' | 'web3_wallet' | `oauth_${OAuthProviderName}` | 'enterprise_sso';
/** Any field a sign-up can require (`requiredFields`, `missingFields`…). */
export type SignUpField = 'first_name' | 'last_name' | 'password' | 'legal_accepted' | 'protect_check' | SignUpIdentificationField;

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

/**
 * The verification of a sign-up's email address or phone number. The resource-members plugin sets its
 * `nextAction` and `supportedStrategies` always (`''` and `[]` before the field is given), as ClerkJS does.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the resource-members plugin merges members in
export interface SignUpVerification extends Verification {}

export interface SignUpVerifications {
  emailAddress: SignUpVerification;
  phoneNumber: SignUpVerification;
  web3Wallet: Verification;
  externalAccount: Verification;
}

export class SignUp extends BaseResource {
  declare status: SignUpStatus | null;
  declare requiredFields: SignUpField[];
  declare optionalFields: SignUpField[];
  declare missingFields: SignUpField[];
  declare unverifiedFields: SignUpIdentificationField[];
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
  /** Epoch ms, as ClerkJS keeps them on a sign-up (not Dates, unlike the user's and the session's). */
  declare abandonAt: number | null;
  declare legalAcceptedAt: number | null;

  protected override hydrate(json: JSONObject): void {
    this.status = (json.status as SignUpStatus) ?? null;
    this.createdSessionId = (json.created_session_id as string) ?? null;
    this.createdUserId = (json.created_user_id as string) ?? null;
    this.abandonAt = (json.abandon_at as number) ?? null;
    this.legalAcceptedAt = (json.legal_accepted_at as number) ?? null;
    for (const key of ['requiredFields', 'optionalFields', 'missingFields', 'unverifiedFields'] as const) this[key] ??= [];
    const v = (json.verifications ?? {}) as Record<string, JSONObject>;
    this.verifications = {
      emailAddress: new Verification(v.email_address) as SignUpVerification,
      phoneNumber: new Verification(v.phone_number) as SignUpVerification,
      web3Wallet: new Verification(v.web3_wallet),
      externalAccount: new Verification(v.external_account),
    } as SignUpVerifications;
  }

  /** Emails a verification link and resolves once it was opened or expired (see SignIn). */
  createEmailLinkFlow(): EmailLinkFlow<SignUp, { redirectUrl: string }> {
    return emailLinkFlow(this, 'signUp');
  }
}

/** The methods whose bodies load on first call (auth-methods.ts). */
export interface SignUp {
  create(params: SignUpParams): Promise<this>;
  update(params: SignUpParams): Promise<this>;
  reload(): Promise<this>;
  prepareVerification(params: { strategy: string; redirectUrl?: string; channel?: string; [key: string]: unknown }): Promise<this>;
  attemptVerification(params: { strategy: string; code?: string; signature?: string }): Promise<this>;
  prepareEmailAddressVerification(params?: { strategy?: 'email_code' | 'email_link' | 'enterprise_sso'; redirectUrl?: string }): Promise<this>;
  attemptEmailAddressVerification(params: { code: string }): Promise<this>;
  preparePhoneNumberVerification(params?: { strategy?: 'phone_code'; channel?: string }): Promise<this>;
  attemptPhoneNumberVerification(params: { code: string }): Promise<this>;
  /** Starts an OAuth / enterprise SSO sign-up and leaves for the provider with a full page load (never the app's router). */
  authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void>;
  /** The same in `popup`; the app's page finishes when the popup reports back (needs the oauth plugin). */
  authenticateWithPopup(params: AuthenticateWithPopupParams): Promise<void>;
}

defineLazyMethods(
  SignUp.prototype,
  'create update reload prepareVerification attemptVerification prepareEmailAddressVerification attemptEmailAddressVerification preparePhoneNumberVerification attemptPhoneNumberVerification authenticateWithRedirect authenticateWithPopup',
  () => import('./auth-methods.js').then((m) => m.signUpMethods),
);
