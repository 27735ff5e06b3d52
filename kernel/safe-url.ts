/**
 * The one check every navigation path uses (the kernel's fallback, the navigation plugin, the UI's
 * links): whether a URL is a plain target or a trick to leave the app.
 */

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

/** The page this instance runs in; undefined outside a browser (server, native). */
export const pageUrl = (): URL | undefined => (typeof window !== 'undefined' && window.location ? new URL(window.location.href) : undefined);
