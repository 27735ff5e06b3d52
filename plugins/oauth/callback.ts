import type { KernelInternals, SignIn, SignUp } from '../../kernel/index.js';
import { BaseResource, ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';

/** What `handleRedirectCallback` accepts: ClerkJS's `HandleOAuthCallbackParams`. */
export interface HandleOAuthCallbackParams {
  /** Where sign-in lives; default: the `signInUrl` load option, else the instance's `display_config.sign_in_url`. */
  signInUrl?: string;
  signUpUrl?: string;
  signInForceRedirectUrl?: string | null;
  signInFallbackRedirectUrl?: string | null;
  signUpForceRedirectUrl?: string | null;
  signUpFallbackRedirectUrl?: string | null;
  /** @deprecated Read like a page's `redirect_url`: after the force URLs, before the fallbacks. */
  redirectUrl?: string | null;
  /** @deprecated Use `signInFallbackRedirectUrl`. */
  afterSignInUrl?: string | null;
  /** @deprecated Use `signUpFallbackRedirectUrl`. */
  afterSignUpUrl?: string | null;
  /** Default `<signInUrl>#/factor-one`. */
  firstFactorUrl?: string;
  /** Default `<signInUrl>#/factor-two`. */
  secondFactorUrl?: string;
  /** Default `<signInUrl>#/reset-password`. */
  resetPasswordUrl?: string;
  /** Default `<signUpUrl>#/continue`. */
  continueSignUpUrl?: string | null;
  /** Default `<signUpUrl>#/verify-email-address`. */
  verifyEmailAddressUrl?: string | null;
  /** Default `<signUpUrl>#/verify-phone-number`. */
  verifyPhoneNumberUrl?: string | null;
  /** `false`: a provider account without a user goes back to sign-in instead of becoming a sign-up. */
  transferable?: boolean;
  /** Re-read this attempt first (the page was opened by a popup's opener, not by the provider). */
  reloadResource?: 'signIn' | 'signUp';
  /** Sent with the sign-up a transfer creates. */
  unsafeMetadata?: Record<string, unknown>;
  /** Where a sign-in gated by a Clerk Protect challenge goes; default `<signInUrl>#/protect-check`. */
  signInProtectCheckUrl?: string | null;
  /** Where a sign-up gated by a Clerk Protect challenge goes; default `<signUpUrl>#/protect-check`. */
  signUpProtectCheckUrl?: string | null;
}

/** `__internal_resumeAfterProtectCheck`'s params: the callback's, plus what the flow was doing when the challenge interrupted it. */
export type ResumeAfterProtectCheckParams = HandleOAuthCallbackParams & { continuation?: 'transfer_to_sign_up' };

/** Whether a sign-in or sign-up waits behind a Clerk Protect challenge (the protect plugin reads `protect_check`). */
const gated = (attempt: SignIn | SignUp) => !!(attempt as { protectCheck?: unknown }).protectCheck || attempt.status === 'needs_protect_check';

export type CustomNavigate = (to: string) => Promise<unknown>;

/** A sign-in/up attempt or transfer that ended in a state the callback cannot route (ClerkJS throws too). */
const incomplete = (what: string) =>
  new ClerkRuntimeError(`The OAuth redirect callback did not complete the ${what}; its status is unexpected.`, { code: 'oauth_callback_incomplete' });

const hashRoute = (base: string, path: string) => `${base.split('#')[0]}#/${path}`;

/**
 * ClerkJS's `handleRedirectCallback`: reads where the client's sign-in and sign-up stand after the
 * provider sent the user back, finishes what can be finished (a session, a transfer between sign-in
 * and sign-up) and navigates to the next step. Errors stay on the attempt's verification
 * (`signIn.firstFactorVerification.error`, `signUp.verifications.externalAccount.error`) for the
 * sign-in / sign-up page to show. `attempt` (ClerkJS's `__internal_handleResourceCallback`) is the
 * sign-in or sign-up to read instead of the client's, e.g. the one a Google One Tap token created.
 */
export async function handleRedirectCallback(
  kernel: KernelInternals,
  nav: NavigationApi,
  params: ResumeAfterProtectCheckParams = {},
  customNavigate?: CustomNavigate,
  given?: object,
  resuming = false,
): Promise<unknown> {
  // Told apart by shape, as ClerkJS does: only a sign-in has `identifier`, only a sign-up `missingFields`.
  if (given !== undefined && !(given instanceof BaseResource && ('identifier' in given || 'missingFields' in given))) {
    throw new ClerkRuntimeError(
      'The sign-in or sign-up to handle must be one microclerk returned (client.signIn, client.signUp or authenticateWithGoogleOneTap()’s result), not a plain object or another SDK’s resource.',
      { code: 'invalid_resource' },
    );
  }
  const attempt = given as SignIn | SignUp | undefined;
  const { client, environment } = kernel;
  if (!kernel.clerk.loaded || !client || !environment) return;
  const signIn = attempt && 'identifier' in attempt ? attempt : client.signIn;
  const signUp = attempt && 'missingFields' in attempt ? attempt : client.signUp;
  if (params.reloadResource && !(typeof window !== 'undefined' && window.opener)) {
    // Fails harmlessly when the other attempt is the one in progress.
    await (params.reloadResource === 'signIn' ? signIn : signUp).reload().catch(() => {});
  }

  const display = environment.displayConfig;
  const option = (key: string) => kernel.loadOptions[key] as string | undefined;
  const signInUrl = params.signInUrl || option('signInUrl') || display.signInUrl;
  const signUpUrl = params.signUpUrl || option('signUpUrl') || display.signUpUrl;

  const go = (to: string) => {
    if (!nav.isAllowedRedirect(to)) {
      console.warn(`[microclerk] Ignored redirect "${to}": unsafe or not in allowedRedirectOrigins; going to "/".`);
      to = '/';
    }
    return customNavigate ? customNavigate(to) : nav.navigate(to);
  };
  // Force › legacy redirectUrl › fallback (params, then load options), each validated by the navigation plugin.
  const afterUrl = (kind: 'In' | 'Up') => {
    const force = params[`sign${kind}ForceRedirectUrl`];
    const fallback = params[`sign${kind}FallbackRedirectUrl`] || params[`afterSign${kind}Url`];
    const query = new URLSearchParams();
    if (force) query.set(`sign_${kind.toLowerCase()}_force_redirect_url`, force);
    if (params.redirectUrl) query.set('redirect_url', params.redirectUrl);
    if (fallback) query.set(`sign_${kind.toLowerCase()}_fallback_redirect_url`, fallback);
    return kind === 'In' ? nav.buildAfterSignInUrl({ params: query }) : nav.buildAfterSignUpUrl({ params: query });
  };
  // Navigates before the new session is emitted, as ClerkJS's setActive({ navigate }).
  // A pending session goes to its task (the `taskUrls` entry, else the sign-in page's `tasks/<key>` step), as ClerkJS does.
  const activate = (session: string | null, kind: 'In' | 'Up') =>
    kernel.setActive({
      session,
      beforeEmit: (active) => {
        const task = active?.status === 'pending' ? active.tasks?.[0]?.key : undefined;
        const taskUrls = kernel.loadOptions.taskUrls as Record<string, string> | undefined;
        return go(task ? (taskUrls?.[task] ?? hashRoute(signInUrl, `tasks/${task}`)) : afterUrl(kind));
      },
    });

  const toSignIn = () => go(signInUrl);
  const toSignUp = () => go(signUpUrl);
  const toFactorOne = () => go(params.firstFactorUrl || hashRoute(signInUrl, 'factor-one'));
  const toFactorTwo = () => go(params.secondFactorUrl || hashRoute(signInUrl, 'factor-two'));
  const toResetPassword = () => go(params.resetPasswordUrl || hashRoute(signInUrl, 'reset-password'));
  const toSignInProtectCheck = () => go(params.signInProtectCheckUrl || hashRoute(signInUrl, 'protect-check'));
  const toSignUpProtectCheck = () => go(params.signUpProtectCheckUrl || hashRoute(signUpUrl, 'protect-check'));
  // ClerkJS's navigateToNextStepSignUp: a Protect challenge, then missing fields, then the unverified email / phone.
  const toNextSignUpStep = (attempt: SignUp) => {
    if (gated(attempt)) return toSignUpProtectCheck();
    if (!attempt.missingFields.length && attempt.unverifiedFields.includes('email_address')) {
      return go(params.verifyEmailAddressUrl || hashRoute(signUpUrl, 'verify-email-address'));
    }
    if (!attempt.missingFields.length && attempt.unverifiedFields.includes('phone_number')) {
      return go(params.verifyPhoneNumberUrl || hashRoute(signUpUrl, 'verify-phone-number'));
    }
    return go(params.continueSignUpUrl || hashRoute(signUpUrl, 'continue'));
  };

  const first = signIn.firstFactorVerification;
  const external = signUp.verifications.externalAccount;
  const errorOf = (v: { error?: unknown }) => (v.error ?? undefined) as { code?: string; meta?: { sessionId?: string } } | undefined;
  const siError = errorOf(first);
  const suError = errorOf(external);

  if (signIn.status === 'complete') return activate(signIn.createdSessionId, 'In');
  // A Protect challenge on either attempt is the component's to run (not again once it was cleared).
  if (!resuming && params.reloadResource !== 'signUp' && gated(signIn)) return toSignInProtectCheck();
  if (!resuming && params.reloadResource !== 'signIn' && gated(signUp)) return toSignUpProtectCheck();

  // The provider account belongs to an existing user: the sign-up becomes a sign-in.
  if (external.status === 'transferable' && suError?.code === 'external_account_exists') {
    const res = await signIn.create({ transfer: true });
    if (gated(res)) return toSignInProtectCheck();
    switch (res.status) {
      case 'complete':
        return activate(res.createdSessionId, 'In');
      case 'needs_first_factor':
        return toFactorOne();
      case 'needs_second_factor':
        return toFactorTwo();
      case 'needs_new_password':
        return toResetPassword();
      default:
        throw incomplete('sign-in');
    }
  }

  if (suError?.code === 'user_locked') return toSignUp();
  if (siError?.code === 'user_locked') return toSignIn();
  if (signIn.status === 'needs_first_factor' && !signIn.supportedFirstFactors?.every((f) => f.strategy === 'enterprise_sso')) return toFactorOne();
  if (signIn.status === 'needs_new_password') return toResetPassword();

  // No user for the provider account: the sign-in becomes a sign-up.
  if (first.status === 'transferable' || params.continuation === 'transfer_to_sign_up') {
    if (params.transferable === false) return toSignIn();
    const res = await signUp.create({ transfer: true, unsafeMetadata: params.unsafeMetadata });
    if (res.status === 'complete') return activate(res.createdSessionId, 'Up');
    if (res.status === 'missing_requirements') return toNextSignUpStep(res);
    throw incomplete('sign-up');
  }

  if (signUp.status === 'complete') return activate(signUp.createdSessionId, 'Up');
  if (signIn.status === 'needs_second_factor') return toFactorTwo();

  // The account is already signed in on this client: switch to that session.
  const suSignedIn = ['failed', 'unverified'].includes(external.status ?? '') && suError?.code === 'identifier_already_signed_in' && suError.meta?.sessionId;
  const siSignedIn = first.status === 'failed' && siError?.code === 'identifier_already_signed_in' && siError.meta?.sessionId;
  const existing = siSignedIn || suSignedIn;
  if (existing) return activate(existing, 'In');

  if (suError) return toSignUp();
  if (external.status === 'verified' && signUp.status === 'missing_requirements') return toNextSignUpStep(signUp);
  return toSignIn();
}
