import { definePlugin, type ClerkPlugin, type SignIn, type SignUp } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import type { CustomNavigate, HandleOAuthCallbackParams, SignInOrUp } from '../oauth/index.js';

/** What `openGoogleOneTap` accepts: ClerkJS's `GoogleOneTapProps` (the `<GoogleOneTap/>` props). */
export interface GoogleOneTapProps {
  /** Close the prompt when the user clicks outside it. Default `true`. */
  cancelOnTapOutside?: boolean;
  /** Google's upgraded One Tap UX on ITP browsers (Safari, Firefox, Chrome on iOS). Default `true`. */
  itpSupport?: boolean;
  /** Let the browser's FedCM API show the prompt (no third-party cookies). Default `true`. */
  fedCmSupport?: boolean;
  /** Where to go after signing in, whatever the page's `redirect_url` says. */
  signInForceRedirectUrl?: string | null;
  /** Where to go after signing up, whatever the page's `redirect_url` says. */
  signUpForceRedirectUrl?: string | null;
  /** Where to go after signing in when nothing else says; default: back to this page. */
  signInFallbackRedirectUrl?: string | null;
  /** Where to go after signing up when nothing else says; default: back to this page. */
  signUpFallbackRedirectUrl?: string | null;
  /** Accepted for ClerkJS compatibility; the prompt is Google's, so nothing of it is themed. */
  appearance?: unknown;
}

/** ClerkJS's `AuthenticateWithGoogleOneTapParams`. */
export interface AuthenticateWithGoogleOneTapParams {
  /** The credential (a Google ID token) Google Identity Services passed to the callback. */
  token: string;
  /** The user accepted the legal documents (sent when the token creates a sign-up). */
  legalAccepted?: boolean;
}

export interface OneTapApi {
  /**
   * Shows Google's One Tap prompt (loading Google Identity Services on first use) when nobody is
   * signed in and the instance has a One Tap client id; a picked account signs in or up and navigates on.
   */
  openGoogleOneTap(props?: GoogleOneTapProps): void;
  /** Takes the prompt away. */
  closeGoogleOneTap(): void;
  /**
   * Signs in with the Google ID token (strategy `google_one_tap`); an account without a user becomes
   * a sign-up with the same token. Resolves to that sign-in or sign-up.
   */
  authenticateWithGoogleOneTap(params: AuthenticateWithGoogleOneTapParams): Promise<SignIn | SignUp>;
  /**
   * Finishes what `authenticateWithGoogleOneTap` returned as `handleRedirectCallback` does: activates
   * the session and goes to the redirect URL, or routes to the next sign-in / sign-up step.
   */
  /** `signInOrUp`: the attempt `authenticateWithGoogleOneTap()` resolved (another object is rejected, `invalid_resource`). */
  handleGoogleOneTapCallback(signInOrUp: SignInOrUp, params?: HandleOAuthCallbackParams, customNavigate?: CustomNavigate): Promise<unknown>;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'one-tap': OneTapApi;
  }
}

/** The `load()` options the one-tap plugin reads (checked when the prompt opens, to keep setup small). */
export interface OneTapLoadOptions {
  /** Where Google Identity Services is loaded from; default `https://accounts.google.com/gsi/client`. The emulator serves a stand-in at `<proxyUrl>/__emulator/gsi/client`. */
  googleOneTapScriptUrl?: string;
}

export type OneTapPlugin = ClerkPlugin<'one-tap', OneTapApi, OneTapLoadOptions>;

/** The members, each a call into the flow module with the plugin context first. */
const MEMBERS = ['openGoogleOneTap', 'closeGoogleOneTap', 'authenticateWithGoogleOneTap', 'handleGoogleOneTapCallback'] as const;

/**
 * The one-tap plugin: Google One Tap (`openGoogleOneTap`/`closeGoogleOneTap`, the prompt) and its
 * sign-in (`authenticateWithGoogleOneTap`, `handleGoogleOneTapCallback`, which reuses the oauth
 * plugin's redirect-callback routing). Setup only adds these members; the flow loads on first use.
 */
export function oneTapPlugin(): OneTapPlugin {
  return definePlugin({
    name: 'one-tap',
    dependsOn: ['oauth', 'navigation'],
    setup: (ctx) =>
      Object.fromEntries(
        MEMBERS.map((name) => [name, (...args: unknown[]) => import('./flow.js').then((flow) => (flow[name] as (...a: unknown[]) => unknown)(ctx, ...args))]),
      ) as unknown as OneTapApi,
  }) as OneTapPlugin;
}
