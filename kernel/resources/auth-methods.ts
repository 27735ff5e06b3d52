/**
 * The bodies of SignIn's and SignUp's methods (and of every resource's email-link flow). The classes
 * carry only their names (sign-in.ts, sign-up.ts): this module loads on the first call, so a page that
 * never signs anyone in ships none of it.
 */
// Lazy code imports only the few small shared modules (errors, case, base, verification, methods, safe-url): the rest of the kernel then stays in the initial chunk.
import { ClerkRuntimeError, expectObject } from '../lazy-kit.js';
import type { BaseResource } from './base.js';
import type { EmailAddress } from './email-address.js';
import type { AuthenticateWithPopupParams, AuthenticateWithRedirectParams } from './external-auth.js';
import type { FactorParams, SignIn, SignInCreateParams } from './sign-in.js';
import type { SignUp, SignUpParams } from './sign-up.js';
import type { Verification } from './verification.js';

/** Browser locale and time zone, which sign-in and sign-up creation send as ClerkJS does. */
function localeParams(): { locale?: string; timezone?: string } {
  const locale = typeof navigator !== 'undefined' ? navigator.language : undefined;
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timezone = undefined;
  }
  return { locale, timezone };
}

/** Relative return URLs resolve against the page (FAPI needs absolute ones). */
function absoluteUrl(url: string): string {
  try {
    return typeof window !== 'undefined' && window.location ? new URL(url, window.location.href).href : url;
  } catch {
    return url;
  }
}

/** The provider URL of a freshly started external verification; anything but an unverified http(s) one is refused. */
function providerUrl(verification: Verification): URL {
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

const signInPath = (signIn: SignIn) => `/client/sign_ins/${signIn.id}`;
const signUpPath = (signUp: SignUp) => `/client/sign_ups/${signUp.id}`;

/** Creates the sign-in attempt with the strategy and return URLs and resolves to the provider's URL. */
async function startSignInExternal(signIn: SignIn, params: AuthenticateWithRedirectParams): Promise<URL> {
  const { strategy, identifier, oidcPrompt, oidcLoginHint, enterpriseConnectionId } = params;
  const redirectUrl = absoluteUrl(params.redirectUrl);
  const actionCompleteRedirectUrl = absoluteUrl(params.redirectUrlComplete);
  if (!signIn.id || !params.continueSignIn) await signIn.create({ strategy, identifier, redirectUrl, actionCompleteRedirectUrl, oidcPrompt, oidcLoginHint });
  if (strategy === 'enterprise_sso') await signIn.prepareFirstFactor({ strategy, redirectUrl, actionCompleteRedirectUrl, oidcPrompt, enterpriseConnectionId });
  return providerUrl(signIn.firstFactorVerification);
}

/** Creates (or, with `continueSignUp`, updates) the sign-up attempt and resolves to the provider's URL. */
async function startSignUpExternal(signUp: SignUp, params: AuthenticateWithRedirectParams): Promise<URL> {
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
  await (params.continueSignUp && signUp.id ? signUp.update(body) : signUp.create(body));
  return providerUrl(signUp.verifications.externalAccount);
}

export const signInMethods = {
  create(this: SignIn, params: SignInCreateParams) {
    expectObject(params, 'signIn.create()', 'params');
    return this._mutate('POST', '/client/sign_ins', { ...localeParams(), ...params });
  },
  reload(this: SignIn) {
    return this._reload(signInPath(this));
  },
  prepareFirstFactor(this: SignIn, params: FactorParams) {
    return this._mutate('POST', `${signInPath(this)}/prepare_first_factor`, params);
  },
  attemptFirstFactor(this: SignIn, params: FactorParams) {
    return this._mutate('POST', `${signInPath(this)}/attempt_first_factor`, params);
  },
  prepareSecondFactor(this: SignIn, params: FactorParams) {
    return this._mutate('POST', `${signInPath(this)}/prepare_second_factor`, params);
  },
  attemptSecondFactor(this: SignIn, params: FactorParams) {
    return this._mutate('POST', `${signInPath(this)}/attempt_second_factor`, params);
  },
  resetPassword(this: SignIn, params: { password: string; signOutOfOtherSessions?: boolean }) {
    return this._mutate('POST', `${signInPath(this)}/reset_password`, params);
  },
  async authenticateWithRedirect(this: SignIn, params: AuthenticateWithRedirectParams) {
    await this._ctx.pageLoad(await startSignInExternal(this, params));
  },
  authenticateWithPopup(this: SignIn, params: AuthenticateWithPopupParams) {
    return this._ctx.authenticateWithPopup('signIn', params, (urls) => startSignInExternal(this, { ...params, ...urls }));
  },
};

export const signUpMethods = {
  create(this: SignUp, params: SignUpParams) {
    expectObject(params, 'signUp.create()', 'params');
    return this._mutate('POST', '/client/sign_ups', { ...localeParams(), ...params });
  },
  update(this: SignUp, params: SignUpParams) {
    return this._mutate('PATCH', signUpPath(this), params);
  },
  reload(this: SignUp) {
    return this._reload(signUpPath(this));
  },
  prepareVerification(this: SignUp, params: { strategy: string; redirectUrl?: string; channel?: string; [key: string]: unknown }) {
    return this._mutate('POST', `${signUpPath(this)}/prepare_verification`, params);
  },
  attemptVerification(this: SignUp, params: { strategy: string; code?: string; signature?: string }) {
    return this._mutate('POST', `${signUpPath(this)}/attempt_verification`, params);
  },
  prepareEmailAddressVerification(this: SignUp, params: { strategy?: 'email_code' | 'email_link' | 'enterprise_sso'; redirectUrl?: string } = {}) {
    return this.prepareVerification({ strategy: 'email_code', ...params });
  },
  attemptEmailAddressVerification(this: SignUp, params: { code: string }) {
    return this.attemptVerification({ strategy: 'email_code', ...params });
  },
  preparePhoneNumberVerification(this: SignUp, params: { strategy?: 'phone_code'; channel?: string } = {}) {
    return this.prepareVerification({ strategy: 'phone_code', ...params });
  },
  attemptPhoneNumberVerification(this: SignUp, params: { code: string }) {
    return this.attemptVerification({ strategy: 'phone_code', ...params });
  },
  async authenticateWithRedirect(this: SignUp, params: AuthenticateWithRedirectParams) {
    await this._ctx.pageLoad(await startSignUpExternal(this, params));
  },
  authenticateWithPopup(this: SignUp, params: AuthenticateWithPopupParams) {
    return this._ctx.authenticateWithPopup('signUp', params, (urls) => startSignUpExternal(this, { ...params, ...urls }));
  },
};

/** How often an email-link flow re-reads its resource while waiting for the link to be opened. */
const EMAIL_LINK_POLL_MS = 2000;
const settled = (status: string | null | undefined, done: string[]) => done.includes(status ?? '');

type EmailLinkResource = SignIn | SignUp | EmailAddress;
const emailLinks = {
  signIn: {
    send(signIn: SignIn, { redirectUrl, emailAddressId }: { redirectUrl: string; emailAddressId?: string }) {
      const factor = signIn.supportedFirstFactors?.find((f) => f.strategy === 'email_link' && (!emailAddressId || f.emailAddressId === emailAddressId));
      if (!factor)
        throw new ClerkRuntimeError('This sign-in cannot use an email link: email_link is not among its first factors.', { code: 'strategy_not_allowed' });
      return signIn.prepareFirstFactor({ strategy: 'email_link', emailAddressId: factor.emailAddressId, redirectUrl });
    },
    done: (signIn: SignIn) => settled(signIn.firstFactorVerification.status, ['verified', 'expired', 'failed']),
  },
  signUp: {
    send: (signUp: SignUp, { redirectUrl }: { redirectUrl: string }) => signUp.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl }),
    done: (signUp: SignUp) => settled(signUp.verifications.emailAddress.status, ['verified', 'expired', 'failed']),
  },
  emailAddress: {
    send: (email: EmailAddress, { redirectUrl }: { redirectUrl: string }) => email.prepareVerification({ strategy: 'email_link', redirectUrl }),
    done: (email: EmailAddress) => settled(email.verification.status, ['verified', 'expired']),
  },
};
export type EmailLinkKind = keyof typeof emailLinks;

/**
 * ClerkJS's email-link flow: sends the link, then re-reads the resource until the link was opened (or
 * expired); `state.cancelled` (set by `cancelEmailLinkFlow()`) stops the waiting.
 */
export async function runEmailLinkFlow<R extends BaseResource>(
  resource: R,
  kind: EmailLinkKind,
  params: { redirectUrl: string },
  state: { cancelled: boolean },
) {
  const { send, done } = emailLinks[kind] as unknown as { send(r: R, p: unknown): Promise<unknown>; done(r: R): boolean };
  await send(resource, params);
  while (!state.cancelled && !done(resource)) {
    await new Promise((resolve) => setTimeout(resolve, EMAIL_LINK_POLL_MS));
    if (!state.cancelled) await (resource as unknown as EmailLinkResource).reload();
  }
  return resource;
}
