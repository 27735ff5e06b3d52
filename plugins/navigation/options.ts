import { isBoolean, isStringOrNull, optionalOption, type OptionsOf, type OptionsSchema } from '../../kernel/index.js';

/** What `routerPush` / `routerReplace` receive besides the path: a way to force a full page load. */
export interface RouterMetadata {
  windowNavigate: (to: URL | string) => void;
  __internal_metadata?: Record<string, string>;
}

/** An app router's push or replace: `(path + search + hash) => …`, e.g. Next.js `router.push`. */
export type RouterFn = (to: string, metadata?: RouterMetadata) => unknown;

const fn = optionalOption<RouterFn>((v) => typeof v === 'function', 'a function');
// ClerkJS's types allow null for every URL option (meaning: not set).
const url = optionalOption<string | null>(isStringOrNull, 'a string');

/** The `load()` options the navigation plugin reads, all optional; {@link NavigationLoadOptions} is inferred from it. */
export const navigationLoadOptionsSchema = {
  /** Push navigation of the app's router; same-origin redirects go through it (a path with search and hash). */
  routerPush: fn,
  /** Replace navigation of the app's router (`navigate(to, { replace: true })`); falls back to `routerPush`. */
  routerReplace: fn,
  /** Where `<SignIn/>` lives; default: the instance's `display_config.sign_in_url`. */
  signInUrl: url,
  /** Where `<SignUp/>` lives; without it, a relative `signInUrl` hosts sign-up at `#/create`. */
  signUpUrl: url,
  userProfileUrl: url,
  homeUrl: url,
  createOrganizationUrl: url,
  organizationProfileUrl: url,
  waitlistUrl: url,
  /** After `signOut()`; default `/`. */
  afterSignOutUrl: url,
  /** After signing out one of several sessions; default `<signInUrl>#/choose`. */
  afterMultiSessionSingleSignOutUrl: url,
  /** Always used after sign-in (beats a `redirect_url`). */
  signInForceRedirectUrl: url,
  /** Used after sign-in when there is no `redirect_url`. */
  signInFallbackRedirectUrl: url,
  signUpForceRedirectUrl: url,
  signUpFallbackRedirectUrl: url,
  /** @deprecated Use `signInFallbackRedirectUrl` (it is read as one). */
  afterSignInUrl: url,
  /** @deprecated Use `signUpFallbackRedirectUrl` (it is read as one). */
  afterSignUpUrl: url,
  /** Origins redirects may go to: globs (`https://*.example.com`) or RegExps. Default: this page, the app's domain and its subdomains. */
  allowedRedirectOrigins: optionalOption<Array<string | RegExp>>(
    (v) => Array.isArray(v) && v.every((o) => typeof o === 'string' || o instanceof RegExp),
    'an array of strings or RegExps',
  ),
  /** Protocols accepted besides `http:`, `https:`, `wails:`, `chrome-extension:` (e.g. `tauri:`). */
  allowedRedirectProtocols: optionalOption<string[]>((v) => Array.isArray(v) && v.every((p) => typeof p === 'string'), 'an array of strings'),
  /** Satellite: sync with the primary domain on every signed-out load, not only after `__clerk_synced=false`. */
  satelliteAutoSync: optionalOption<boolean>(isBoolean, 'a boolean'),
} satisfies OptionsSchema;

/** The `load()` options the navigation plugin reads. */
export type NavigationLoadOptions = OptionsOf<typeof navigationLoadOptionsSchema>;
