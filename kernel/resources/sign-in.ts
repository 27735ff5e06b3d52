import type { OAuthProviderName } from './client.js';
import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import type { AuthenticateWithPopupParams, AuthenticateWithRedirectParams } from './external-auth.js';
import { defineLazyMethods } from './methods.js';
import { Verification } from './verification.js';

export type SignInStatus =
  'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_client_trust' | 'needs_new_password' | 'needs_protect_check' | 'complete';

/** What a sign-in factor may carry besides its strategy (each kind requires its own, below). */
export interface SignInFactorFields {
  emailAddressId?: string;
  phoneNumberId?: string;
  web3WalletId?: string;
  /** The identifier, masked (`a***@example.com`). */
  safeIdentifier?: string;
  primary?: boolean;
  default?: boolean;
  channel?: 'sms' | 'whatsapp';
  enterpriseConnectionId?: string;
  enterpriseConnectionName?: string;
}

/** A way to complete a sign-in step, as FAPI lists it (`supportedFirstFactors` / `supportedSecondFactors`). */
export type SignInFactor = SignInFactorFields &
  (
    | { strategy: 'email_code' | 'email_link'; emailAddressId: string; safeIdentifier: string }
    | { strategy: 'reset_password_email_code'; emailAddressId: string; safeIdentifier: string }
    | { strategy: 'phone_code'; phoneNumberId: string; safeIdentifier: string }
    | { strategy: 'reset_password_phone_code'; phoneNumberId: string; safeIdentifier: string }
    | { strategy: `web3_${'metamask' | 'coinbase_wallet' | 'okx_wallet' | 'base' | 'solana'}_signature`; web3WalletId: string }
    | { strategy: 'passkey' }
    | { strategy: 'totp' | 'backup_code' }
    | { strategy: 'password' }
    | { strategy: 'enterprise_sso' }
    | { strategy: `oauth_${OAuthProviderName}` }
  );
/** The factors of a sign-in's first step (no TOTP or backup code there). */
export type SignInFirstFactor = Exclude<SignInFactor, { strategy: 'totp' | 'backup_code' }>;
/** The factors of the second step: codes, TOTP, backup codes, passkeys. */
export type SignInSecondFactor = Extract<SignInFactor, { strategy: 'email_code' | 'email_link' | 'phone_code' | 'passkey' | 'totp' | 'backup_code' }>;

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
  declare supportedFirstFactors: SignInFirstFactor[] | null;
  declare supportedSecondFactors: SignInSecondFactor[] | null;
  declare firstFactorVerification: Verification;
  declare secondFactorVerification: Verification;
  declare createdSessionId: string | null;
  /** The identified user's public data (ClerkJS's UserData): `{}` before identification; a name FAPI sends as null is left out. */
  declare userData: { firstName?: string; lastName?: string; imageUrl?: string; hasImage?: boolean };

  protected override hydrate(json: JSONObject): void {
    this.status = (json.status as SignInStatus) ?? null;
    this.identifier = (json.identifier as string) ?? null;
    this.createdSessionId = (json.created_session_id as string) ?? null;
    // A name FAPI sends as null is left out; no user data is `{}`.
    const userData: Record<string, unknown> = (this.userData = { ...((json.user_data && this.userData) as object) });
    for (const key in userData) userData[key] ?? delete userData[key];
    this.supportedFirstFactors ??= null;
    this.supportedSecondFactors ??= null;
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
