import { ClerkAPIResponseError, ClerkRuntimeError } from '../errors.js';

export interface JwtClaims {
  sid?: string;
  sub?: string;
  iat: number;
  exp: number;
  nbf?: number;
  iss?: string;
  azp?: string;
  /** The encoded token itself, as ClerkJS adds it to the claims. */
  __raw: string;
  [claim: string]: unknown;
}

/** A JWT's JOSE header. */
export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
  /** When the organization data of the token was read (epoch s): orders tokens of the same session. */
  oiat?: number;
  [param: string]: unknown;
}

export interface DecodedJwt {
  header: JwtHeader;
  claims: JwtClaims;
  encoded: { header: string; payload: string; signature: string };
}

/** A session token as FAPI issues it: signed with a key id, with the registered claims and the session id. */
export interface SessionJwt extends DecodedJwt {
  header: JwtHeader & { kid: string };
  claims: JwtClaims & { iss: string; sub: string; sid: string; nbf: number };
}

function decodePart(part: string): Record<string, unknown> {
  // atob decodes base64 without its `=` padding, as a JWT has it (forgiving-base64).
  const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  // Claims are nearly always ASCII: only other text needs the (slow) UTF-8 decoding.
  // eslint-disable-next-line no-control-regex -- any byte above 0x7f means UTF-8 sequences
  return JSON.parse(/[^\x00-\x7f]/.test(binary) ? new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))) : binary);
}

function malformedToken(problem: string, cause?: unknown): ClerkRuntimeError {
  return new ClerkRuntimeError(`Malformed session token: ${problem}.`, { code: 'malformed_token', cause });
}

/** The last tokens decoded: the same JWT reaches the session, the cache, the cookie writer and other tabs. */
const decoded = new Map<string, DecodedJwt>();

/**
 * Reads a JWT without checking its signature (the server does that); throws `malformed_token` on a
 * malformed token. Each token is decoded once (the result is shared: do not modify it).
 */
export function decodeJwt(jwt: string): DecodedJwt {
  let result = decoded.get(jwt);
  if (!result) {
    result = decodeJwtOnce(jwt);
    if (decoded.size >= 128) decoded.delete(decoded.keys().next().value!);
    decoded.set(jwt, result);
  }
  return result;
}

function decodeJwtOnce(jwt: string): DecodedJwt {
  const parts = typeof jwt === 'string' ? jwt.split('.') : [];
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || !signature) {
    // The token itself stays out of the message: error messages end up in logs.
    const got = typeof jwt !== 'string' ? `a ${typeof jwt}` : parts.length === 3 ? 'an empty part' : `${parts.length} part(s)`;
    throw malformedToken(`expected three non-empty parts separated by dots (header.payload.signature), got ${got}`);
  }
  let decodedHeader: JwtHeader;
  let claims: JwtClaims;
  try {
    decodedHeader = decodePart(header) as JwtHeader;
    claims = decodePart(payload) as JwtClaims;
  } catch (cause) {
    throw malformedToken('its header or payload is not base64url-encoded JSON', cause);
  }
  if (!claims || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
    throw malformedToken('the "exp" or "iat" claim is missing or not a number');
  }
  claims.__raw = jwt;
  return { header: decodedHeader, claims, encoded: { header, payload, signature } };
}

/** ClerkJS's Token resource: `{ jwt, getRawString() }`. */
export class Token {
  readonly jwt?: SessionJwt;
  constructor(private readonly raw: string) {
    this.jwt = raw ? (decodeJwt(raw) as SessionJwt) : undefined;
  }
  getRawString(): string {
    return this.raw;
  }
}

/** A token is reused while it has more than this left, and never handed out below it. */
const MIN_REMAINING_MS = 5_000;
/**
 * Below this, the cached token is still served but a fresh one is fetched in the background (a little
 * under the polling plugin's lead, so with it the background refresh is already done).
 */
const REFRESH_AHEAD_MS = 6_000;

/** Up to this far off `iat`, this clock is taken to agree with FAPI's. */
const MAX_AGREEING_SKEW_MS = 3_000;
/** How far this clock may be ahead of FAPI's for a token's lifetime to be measured from its arrival. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

interface CacheEntry {
  jwt?: string;
  expiresAt: number;
  /** Header `oiat`, then `iat`: orders two tokens of the same session and organization. */
  issuedAt: number;
  inflight?: Promise<string>;
}

/** Runtime errors worth another attempt: the request may succeed as is (a missing token will not). */
const TRANSIENT_RUNTIME_CODES = new Set(['network_error', 'malformed_response']);

/** FAPI 5xx and 429, network failures, and errors not raised by the SDK (e.g. a custom fetch's TypeError). */
const RETRYABLE = (err: unknown) => {
  if (err instanceof ClerkAPIResponseError) return err.status >= 500 || err.status === 429;
  if (err instanceof ClerkRuntimeError) return TRANSIENT_RUNTIME_CODES.has(err.code);
  return true;
};

/**
 * Session tokens by `sessionId-template-orgId`: concurrent callers share one request, a token is
 * reused until 5 s before expiry and refreshed in the background from 6 s before it.
 */
export class TokenCache {
  private readonly entries = new Map<string, CacheEntry>();
  constructor(private readonly now: () => number = Date.now) {}

  static key(sessionId: string, template?: string, organizationId?: string | null): string {
    return [sessionId, template, organizationId].filter(Boolean).join('-');
  }

  /**
   * Stores a token that arrived with a resource unless a strictly fresher one is already cached; on a
   * tie the token seeded last wins, as it is the one FAPI sent most recently.
   */
  seed(key: string, token: string | Token): void {
    const jwt = typeof token === 'string' ? token : token.getRawString();
    const { header, claims } = typeof token === 'string' || !token.jwt ? decodeJwt(jwt) : token.jwt;
    const issuedAt = typeof header.oiat === 'number' ? header.oiat : claims.iat;
    const current = this.entries.get(key);
    if (current?.jwt && current.issuedAt > issuedAt) return;
    // `exp` when this clock agrees with FAPI's (`iat` is "now" to within its whole second and the trip).
    // Otherwise the token's lifetime from now, less that second: right whichever way this clock is off,
    // bounded so that an old token (e.g. from a cookie) is not taken as fresh.
    const now = this.now();
    const skewed = Math.abs(now - claims.iat * 1000) > MAX_AGREEING_SKEW_MS;
    const expiresAt = skewed ? Math.min(claims.exp * 1000 + MAX_CLOCK_SKEW_MS, now + (claims.exp - claims.iat - 1) * 1000) : claims.exp * 1000;
    this.entries.set(key, { ...current, jwt, expiresAt, issuedAt });
  }

  /** When the cached token of `key` expires, on this clock (see seed); undefined without one. */
  expiresAt(key: string): number | undefined {
    const entry = this.entries.get(key);
    return entry?.jwt ? entry.expiresAt : undefined;
  }

  peek(key: string): string | undefined {
    const entry = this.entries.get(key);
    return entry?.jwt && entry.expiresAt - this.now() > MIN_REMAINING_MS ? entry.jwt : undefined;
  }

  async get(key: string, fetchToken: () => Promise<string>, skipCache = false): Promise<string> {
    const entry = this.entries.get(key);
    const remaining = entry?.jwt ? entry.expiresAt - this.now() : 0;
    if (!skipCache && entry?.jwt && remaining > MIN_REMAINING_MS) {
      if (remaining <= REFRESH_AHEAD_MS && !entry.inflight) this.fetch(key, fetchToken).catch(() => {});
      return entry.jwt;
    }
    if (!skipCache && entry?.inflight) return entry.inflight;
    return this.fetch(key, fetchToken);
  }

  private fetch(key: string, fetchToken: () => Promise<string>): Promise<string> {
    const entry = this.entries.get(key) ?? { expiresAt: 0, issuedAt: 0 };
    const inflight = withRetries(fetchToken).then(
      (jwt) => {
        if (this.entries.get(key)?.inflight === inflight) delete this.entries.get(key)!.inflight;
        this.seed(key, jwt);
        return jwt;
      },
      (err) => {
        if (this.entries.get(key)?.inflight === inflight) delete this.entries.get(key)!.inflight;
        throw err;
      },
    );
    this.entries.set(key, { ...entry, inflight });
    return inflight;
  }

  /** Drops every token of a session (end, remove, sign-out), or all tokens. */
  clear(sessionId?: string): void {
    for (const key of [...this.entries.keys()]) {
      if (!sessionId || key === sessionId || key.startsWith(`${sessionId}-`)) this.entries.delete(key);
    }
  }
}

/** Retryable failures (see RETRYABLE) are retried with ClerkJS's backoff (3 s × 1.55, capped). */
async function withRetries(fetchToken: () => Promise<string>, maxAttempts = 4): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchToken();
    } catch (err) {
      if (attempt >= maxAttempts || !RETRYABLE(err)) throw err;
      const retryAfterMs = err instanceof ClerkAPIResponseError && err.retryAfter ? err.retryAfter * 1000 : 0;
      await new Promise((r) => setTimeout(r, Math.max(retryAfterMs, Math.min(50_000, 3000 * 1.55 ** (attempt - 1)))));
    }
  }
}
