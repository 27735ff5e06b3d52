/** `signIn/signUp.authenticateWithRedirect()`: where the provider sends the user back, and what to start. */
export interface AuthenticateWithRedirectParams {
  /** An OAuth strategy (`oauth_google`, `oauth_custom_x`) or `enterprise_sso`. */
  strategy: string;
  /** Where the provider returns to (the page that calls `handleRedirectCallback`). */
  redirectUrl: string;
  /** Where to go once the flow is complete (FAPI's `action_complete_redirect_url`). */
  redirectUrlComplete: string;
  identifier?: string;
  emailAddress?: string;
  /** Sign-in: keep the current attempt (enterprise SSO after an identifier). */
  continueSignIn?: boolean;
  /** Sign-up: update the current attempt instead of creating one. */
  continueSignUp?: boolean;
  oidcPrompt?: string;
  oidcLoginHint?: string;
  enterpriseConnectionId?: string;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

/** `authenticateWithPopup()`: the same, in a window the app opened (synchronously, on the click). */
export interface AuthenticateWithPopupParams extends AuthenticateWithRedirectParams {
  popup: { location: { href: string } } | Window | null;
}

/**
 * The popup flow, installed by a plugin (capability `authenticateWithPopup`): `start` creates the
 * attempt with the given return URLs and resolves to the provider's URL, which the implementation
 * opens in `params.popup`.
 */
export type AuthenticateWithPopup = (
  intent: 'signIn' | 'signUp',
  params: AuthenticateWithPopupParams,
  start: (urls: { redirectUrl: string; redirectUrlComplete: string }) => Promise<URL>,
) => Promise<void>;
