import { ClerkRuntimeError, expectObject } from '../errors.js';
import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import { absoluteUrl, providerUrl, type AuthenticateWithPopupParams, type AuthenticateWithRedirectParams } from './external-auth.js';
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

/** Browser locale and time zone, which sign-in and sign-up creation send as ClerkJS does. */
export function localeParams(): { locale?: string; timezone?: string } {
  const locale = typeof navigator !== 'undefined' ? navigator.language : undefined;
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timezone = undefined;
  }
  return { locale, timezone };
}

export class SignIn extends BaseResource {
  declare status: SignInStatus | null;
  declare identifier: string | null;
  declare supportedIdentifiers: string[];
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

  private get path() {
    return `/client/sign_ins/${this.id}`;
  }

  /** Starts a new sign-in on this client (the previous one is replaced). */
  async create(params: SignInCreateParams) {
    expectObject(params, 'signIn.create()', 'params');
    return this._mutate('POST', '/client/sign_ins', { ...localeParams(), ...params });
  }

  reload() {
    return this._reload(this.path);
  }

  prepareFirstFactor(params: FactorParams) {
    return this._mutate('POST', `${this.path}/prepare_first_factor`, params);
  }

  attemptFirstFactor(params: FactorParams) {
    return this._mutate('POST', `${this.path}/attempt_first_factor`, params);
  }

  prepareSecondFactor(params: FactorParams) {
    return this._mutate('POST', `${this.path}/prepare_second_factor`, params);
  }

  attemptSecondFactor(params: FactorParams) {
    return this._mutate('POST', `${this.path}/attempt_second_factor`, params);
  }

  /** Sets the new password after a reset-password code was verified (status `needs_new_password`). */
  resetPassword(params: { password: string; signOutOfOtherSessions?: boolean }) {
    return this._mutate('POST', `${this.path}/reset_password`, params);
  }

  /** Creates the attempt with the strategy and return URLs and resolves to the provider's URL. */
  private async startExternal(params: AuthenticateWithRedirectParams): Promise<URL> {
    const { strategy, identifier, oidcPrompt, oidcLoginHint, enterpriseConnectionId } = params;
    const redirectUrl = absoluteUrl(params.redirectUrl);
    const actionCompleteRedirectUrl = absoluteUrl(params.redirectUrlComplete);
    if (!this.id || !params.continueSignIn) await this.create({ strategy, identifier, redirectUrl, actionCompleteRedirectUrl, oidcPrompt, oidcLoginHint });
    if (strategy === 'enterprise_sso') await this.prepareFirstFactor({ strategy, redirectUrl, actionCompleteRedirectUrl, oidcPrompt, enterpriseConnectionId });
    return providerUrl(this.firstFactorVerification);
  }

  /** Starts an OAuth / enterprise SSO sign-in and leaves for the provider with a full page load (never the app's router). */
  async authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void> {
    this._ctx.pageLoad(await this.startExternal(params));
  }

  /** The same in `popup`; the app's page finishes when the popup reports back (needs the oauth plugin). */
  authenticateWithPopup(params: AuthenticateWithPopupParams): Promise<void> {
    return this._ctx.authenticateWithPopup('signIn', params, (urls) => this.startExternal({ ...params, ...urls }));
  }

  /**
   * `startEmailLinkFlow({ redirectUrl })` emails a sign-in link and resolves once it was opened (the
   * first factor is verified) or expired; `cancelEmailLinkFlow()` stops waiting.
   */
  createEmailLinkFlow(): EmailLinkFlow<SignIn, { redirectUrl: string; emailAddressId?: string }> {
    const flow = emailLinkFlow<SignIn, { redirectUrl: string; emailAddressId?: string }>(
      this,
      ({ redirectUrl, emailAddressId }) => {
        const factor = this.supportedFirstFactors?.find((f) => f.strategy === 'email_link' && (!emailAddressId || f.emailAddressId === emailAddressId));
        if (!factor)
          throw new ClerkRuntimeError('This sign-in cannot use an email link: email_link is not among its first factors.', { code: 'strategy_not_allowed' });
        return this.prepareFirstFactor({ strategy: 'email_link', emailAddressId: factor.emailAddressId, redirectUrl });
      },
      (signIn) => ['verified', 'expired', 'failed'].includes(signIn.firstFactorVerification.status ?? ''),
    );
    return { startEmailLinkFlow: flow.start, cancelEmailLinkFlow: flow.cancel };
  }
}
