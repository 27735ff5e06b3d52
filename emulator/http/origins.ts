/**
 * Which origins the emulator trusts: its own (the origin requests arrive at, and the same port on the
 * other loopback names) and the app origins it is told to allow. Only these get CORS headers and may
 * be redirect targets; only its own may use the `/__emulator/*` admin routes.
 */
import { requestHeader } from './transport.js';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export interface OriginPolicy {
  /** The emulator's own origins for a request that arrived at `url`. */
  own(url: URL): string[];
  /** True for the emulator's own origins and the allowed app origins. */
  allows(origin: string, url: URL): boolean;
}

/** Normalises `http://localhost:5173/` to `http://localhost:5173`; throws for anything that is not an origin. */
function toOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Reported below.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`createEmulator: allowedOrigins entry "${value}" is not an http(s) origin (scheme://host[:port]).`);
  }
  return url.origin;
}

export function createOriginPolicy(allowedOrigins: readonly string[] = []): OriginPolicy {
  const allowed = new Set(allowedOrigins.map(toOrigin));
  const own = (url: URL) =>
    // A page opened as localhost talks to a server reached as 127.0.0.1 (and back): still the same machine and port.
    LOOPBACK.includes(url.hostname) ? LOOPBACK.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`) : [url.origin];
  return { own, allows: (origin, url) => allowed.has(origin) || own(url).includes(origin) };
}

/**
 * A request from another site or origin: `Sec-Fetch-Site` says so in current browsers, `Origin`
 * in any that sends it. Requests without either (curl, tests, Node's fetch) are not cross-origin.
 */
export function isCrossOrigin(request: Request, url: URL, policy: OriginPolicy): boolean {
  const site = requestHeader(request, 'sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = requestHeader(request, 'origin');
  return !!origin && !policy.own(url).includes(origin);
}
