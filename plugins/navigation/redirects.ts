/** Pure URL helpers of the navigation plugin: redirect policy, allowed origins, hash parameters (the URL check itself is the kernel's `safeUrl`). */
import { camelToSnake } from '../../kernel/case.js';
import { originOf, safeUrl } from '../../kernel/safe-url.js';

export const DEFAULT_PROTOCOLS = ['http:', 'https:', 'wails:', 'chrome-extension:'];

/** What a redirect check allows: the page it starts from, the protocols, and the origins besides the page's. */
export interface RedirectPolicy {
  page: URL;
  protocols: string[];
  allowedOrigins: Array<string | RegExp>;
}

/**
 * The one redirect check every navigation path uses: `to` resolved and normalised by `safeUrl`, then
 * its origin checked against the page and `allowedOrigins`. Null when it must not be followed.
 */
export function checkRedirect(to: string, policy: RedirectPolicy): URL | null {
  const url = safeUrl(to, policy.page, policy.protocols);
  return url && isAllowedOrigin(url, policy.page, policy.allowedOrigins) ? url : null;
}

/** Origin globs become anchored RegExps: `*` matches within the origin, never across a `/`. */
const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/\/+$/, '')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );

/** Same origin always passes; otherwise one of `allowed` (globs or RegExps) must match. */
export const isAllowedOrigin = (url: URL, page: URL, allowed: Array<string | RegExp>) =>
  originOf(url) === originOf(page) || allowed.some((pattern) => originOf(url).search(typeof pattern === 'string' ? globToRegExp(pattern) : pattern) >= 0);

/** ClerkJS's defaults: this page, the app's domain (`clerk.` dropped) and its subdomains, and in development the FAPI host. */
export function defaultAllowedOrigins(page: URL, frontendApi: string, development: boolean): string[] {
  const domain = frontendApi.replace('clerk.', '');
  return [originOf(page), `https://${domain}`, `https://*.${domain}`, ...(development ? [`https://${frontendApi}`] : [])];
}

/**
 * Adds a path and snake_cased parameters to the URL's hash route (`/sign-in#/create?redirect_url=…`),
 * where Clerk's components read them; keeps what the hash already had.
 */
export function withHashRoute(url: URL, path: string, params: Record<string, string | undefined>): URL {
  const route = new URL(`http://h${url.hash.slice(1).replace(/^\/?/, '/')}`);
  if (path) route.pathname = `${route.pathname}/${path}`.replace(/\/+/g, '/');
  for (const [key, value] of Object.entries(params)) if (value) route.searchParams.set(camelToSnake(key), value);
  const hash = route.pathname + route.search;
  if (hash !== '/') url.hash = hash;
  return url;
}

/** The page's query parameters, plus those of a hash route (`#/?redirect_url=…`) it does not repeat. */
export function pageParams(page: URL): URLSearchParams {
  const params = new URLSearchParams(page.search);
  new URL(`http://h${page.hash.slice(1).replace(/^\/?/, '/')}`).searchParams.forEach((value, key) => params.has(key) || params.set(key, value));
  return params;
}
