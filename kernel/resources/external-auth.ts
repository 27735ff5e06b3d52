import { ClerkRuntimeError } from '../errors.js';
import type { Verification } from './verification.js';

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

/** Relative return URLs resolve against the page (FAPI needs absolute ones). */
export function absoluteUrl(url: string): string {
  try {
    return typeof window !== 'undefined' && window.location ? new URL(url, window.location.href).href : url;
  } catch {
    return url;
  }
}

/** The provider URL of a freshly started external verification; anything but an unverified http(s) one is refused. */
export function providerUrl(verification: Verification): URL {
  const { status, externalVerificationRedirectURL: url } = verification;
  if (status !== 'unverified' || !url) {
    throw new ClerkRuntimeError(`The external verification did not start (status "${status}"): FAPI returned no provider URL.`, {
      code: 'invalid_fapi_response',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClerkRuntimeError(`Refusing to open the provider URL "${url.href}": only http(s) URLs are followed.`, { code: 'unsafe_redirect' });
  }
  return url;
}
