import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import type { AuthenticateWithPopupParams, AuthenticateWithRedirectParams } from './external-auth.js';
import { defineLazyMethods } from './methods.js';
import { Verification } from './verification.js';

export type SignInStatus =
  'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_client_trust' | 'needs_new_password' | 'needs_protect_check' | 'complete';

export interface SignInFactor {
  strategy: string;
  emailAddressId?: string;
  phoneNumberId?: string;
  safeIdentifier?: string;
  primary?: boolean;
  default?: boolean;
  [key: string]: unknown;
}

export interface SignInCreateParams {
  identifier?: string;
  password?: string;
  strategy?: string;
  redirectUrl?: string;
  actionCompleteRedirectUrl?: string;
  ticket?: string;
  transfer?: boolean;
  [key: string]: unknown;
}

/** Per-strategy parameters, passed through as FAPI expects them (e.g. `{ strategy: 'email_code', emailAddressId }`). */
export type FactorParams = { strategy: string; [key: string]: unknown };

export class SignIn extends BaseResource {
  declare status: SignInStatus | null;
  declare identifier: string | null;
  declare supportedIdentifiers: Array<'username' | 'email_address' | 'phone_number' | 'web3_wallet'>;
  declare supportedFirstFactors: SignInFactor[] | null;
  declare supportedSecondFactors: SignInFactor[] | null;
  declare firstFactorVerification: Verification;
  declare secondFactorVerification: Verification;
  declare createdSessionId: string | null;
  declare userData: { firstName?: string | null; lastName?: string | null; imageUrl?: string; hasImage?: boolean };

  protected override hydrate(json: JSONObject): void {
    this.status = (json.status as SignInStatus) ?? null;
    this.identifier = (json.identifier as string) ?? null;
    this.createdSessionId = (json.created_session_id as string) ?? null;
    this.supportedFirstFactors = this.supportedFirstFactors ?? null;
    this.supportedSecondFactors = this.supportedSecondFactors ?? null;
    this.firstFactorVerification = new Verification(json.first_factor_verification as JSONObject);
    this.secondFactorVerification = new Verification(json.second_factor_verification as JSONObject);
  }

  /**
   * `startEmailLinkFlow({ redirectUrl })` emails a sign-in link and resolves once it was opened (the
   * first factor is verified) or expired; `cancelEmailLinkFlow()` stops waiting.
   */
  createEmailLinkFlow(): EmailLinkFlow<SignIn, { redirectUrl: string; emailAddressId?: string }> {
    return emailLinkFlow(this, 'signIn');
  }
}

/** The methods whose bodies load on first call (auth-methods.ts). */
export interface SignIn {
  /** Starts a new sign-in on this client (the previous one is replaced). */
  create(params: SignInCreateParams): Promise<this>;
  reload(): Promise<this>;
  prepareFirstFactor(params: FactorParams): Promise<this>;
  attemptFirstFactor(params: FactorParams): Promise<this>;
  prepareSecondFactor(params: FactorParams): Promise<this>;
  attemptSecondFactor(params: FactorParams): Promise<this>;
  /** Sets the new password after a reset-password code was verified (status `needs_new_password`). */
  resetPassword(params: { password: string; signOutOfOtherSessions?: boolean }): Promise<this>;
  /** Starts an OAuth / enterprise SSO sign-in and leaves for the provider with a full page load (never the app's router). */
  authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void>;
  /** The same in `popup`; the app's page finishes when the popup reports back (needs the oauth plugin). */
  authenticateWithPopup(params: AuthenticateWithPopupParams): Promise<void>;
}

defineLazyMethods(
  SignIn.prototype,
  'create reload prepareFirstFactor attemptFirstFactor prepareSecondFactor attemptSecondFactor resetPassword authenticateWithRedirect authenticateWithPopup',
  () => import('./auth-methods.js').then((m) => m.signInMethods),
);
