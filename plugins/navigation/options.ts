import * as z from 'zod/mini';

/** What `routerPush` / `routerReplace` receive besides the path: a way to force a full page load. */
export interface RouterMetadata {
  windowNavigate: (to: URL | string) => void;
  __internal_metadata?: Record<string, string>;
}

/** An app router's push or replace: `(path + search + hash) => …`, e.g. Next.js `router.push`. */
export type RouterFn = (to: string, metadata?: RouterMetadata) => unknown;

/** The `load()` options the navigation plugin reads. All optional. */
export interface NavigationLoadOptions {
  /** Push navigation of the app's router; same-origin redirects go through it (a path with search and hash). */
  routerPush?: RouterFn;
  /** Replace navigation of the app's router (`navigate(to, { replace: true })`); falls back to `routerPush`. */
  routerReplace?: RouterFn;
  /** Where `<SignIn/>` lives; default: the instance's `display_config.sign_in_url`. */
  signInUrl?: string | null;
  /** Where `<SignUp/>` lives; without it, a relative `signInUrl` hosts sign-up at `#/create`. */
  signUpUrl?: string | null;
  userProfileUrl?: string | null;
  homeUrl?: string | null;
  createOrganizationUrl?: string | null;
  organizationProfileUrl?: string | null;
  waitlistUrl?: string | null;
  /** After `signOut()`; default `/`. */
  afterSignOutUrl?: string | null;
  /** After signing out one of several sessions; default `<signInUrl>#/choose`. */
  afterMultiSessionSingleSignOutUrl?: string | null;
  /** Always used after sign-in (beats a `redirect_url`). */
  signInForceRedirectUrl?: string | null;
  /** Used after sign-in when there is no `redirect_url`. */
  signInFallbackRedirectUrl?: string | null;
  signUpForceRedirectUrl?: string | null;
  signUpFallbackRedirectUrl?: string | null;
  /** @deprecated Use `signInFallbackRedirectUrl` (it is read as one). */
  afterSignInUrl?: string | null;
  /** @deprecated Use `signUpFallbackRedirectUrl` (it is read as one). */
  afterSignUpUrl?: string | null;
  /** Origins redirects may go to: globs (`https://*.example.com`) or RegExps. Default: this page, the app's domain and its subdomains. */
  allowedRedirectOrigins?: Array<string | RegExp>;
  /** Protocols accepted besides `http:`, `https:`, `wails:`, `chrome-extension:` (e.g. `tauri:`). */
  allowedRedirectProtocols?: string[];
  /** Satellite: sync with the primary domain on every signed-out load, not only after `__clerk_synced=false`. */
  satelliteAutoSync?: boolean;
}

const fn = z.optional(z.custom<RouterFn>((v) => typeof v === 'function', { error: 'expected a function' }));
// ClerkJS's types allow null for every URL option (meaning: not set).
const url = z.optional(z.nullable(z.string({ error: 'expected a string' })));

const URL_KEYS =
  'signIn signUp userProfile home createOrganization organizationProfile waitlist afterSignOut afterMultiSessionSingleSignOut signInForceRedirect signInFallbackRedirect signUpForceRedirect signUpFallbackRedirect afterSignIn afterSignUp';

export const navigationLoadOptionsSchema = z.looseObject({
  ...Object.fromEntries(URL_KEYS.split(' ').map((key) => [`${key}Url`, url])),
  routerPush: fn,
  routerReplace: fn,
  allowedRedirectOrigins: z.optional(
    // One custom check: a zod union and instanceof would add more to the bundle than this plugin's budget allows.
    z.array(z.custom<string | RegExp>((v) => typeof v === 'string' || v instanceof RegExp), { error: 'expected an array of strings or RegExps' }),
  ),
  allowedRedirectProtocols: z.optional(z.array(z.string(), { error: 'expected an array of strings' })),
  satelliteAutoSync: z.optional(z.boolean({ error: 'expected a boolean' })),
});
