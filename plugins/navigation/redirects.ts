/** Pure URL helpers of the navigation plugin: redirect safety, allowed origins, hash parameters. */

export const DEFAULT_PROTOCOLS = ['http:', 'https:', 'wails:', 'chrome-extension:'];

/** The origin, also for non-special schemes (`wails://wails`), whose WHATWG origin is the opaque "null". */
export const originOf = (url: URL) => (url.origin !== 'null' ? url.origin : `${url.protocol}//${url.host}`);

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * Resolves `to` against `base` unless it is a trick to leave the app: a protocol not in `protocols`
 * (`javascript:`, `data:`…), control characters (parsers drop them, turning `/\t/evil` into `//evil`),
 * a protocol-relative or backslash path (`//evil`, `/\evil`), userinfo (`https://app@evil`), a
 * resolved pathname starting with `//` (`/.//evil`, `/a/..//evil`: a router reads it as a host), or
 * an encoded form of any of these. Returns null for those.
 */
export function safeUrl(to: string, base: URL, protocols: string[]): URL | null {
  // Twice: a double-encoded trick (`%252F%252F`) shows its real shape too.
  const decoded = decode(decode(to));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\0-\x1f\x7f]/.test(to + decoded) || [to, decoded].some((s) => /^[\\/]{2}|^[^?#]*\\/.test(s.trim()))) return null;
  try {
    const url = new URL(to, base);
    // The decoded reading must land on the same origin: a server that decodes once more must not be fooled.
    const ok = [url, new URL(decoded, base)].every(
      (u) => protocols.includes(u.protocol) && !u.username && !u.password && !u.pathname.startsWith('//') && originOf(u) === originOf(url),
    );
    return ok ? url : null;
  } catch {
    return null;
  }
}

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

export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Adds a path and snake_cased parameters to the URL's hash route (`/sign-in#/create?redirect_url=…`),
 * where Clerk's components read them; keeps what the hash already had.
 */
export function withHashRoute(url: URL, path: string, params: Record<string, string | undefined>): URL {
  const route = new URL(`http://h${url.hash.slice(1).replace(/^\/?/, '/')}`);
  if (path) route.pathname = `${route.pathname}/${path}`.replace(/\/+/g, '/');
  for (const [key, value] of Object.entries(params)) if (value) route.searchParams.set(snake(key), value);
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
