/** `createEmulator`: the request pipeline around the handlers (routing, identity, faults, limits, CORS). */
import { EmulatorCore, type EmulatorOptions, type InstanceType, type RequestLogEntry, type SeedUser } from './core.js';
import { CLIENT_COOKIE, FormBody, RequestContext } from './context.js';
import { FapiError, errorBody, fapiError } from './errors.js';
import { DroppedConnectionError, type FaultRule } from './faults.js';
import type { OutboxView } from './outbox.js';
import { matchRoute, type Route } from './router.js';
import type { EmulatorSettings, EmulatorSettingsInput } from './settings.js';
import type { ClientRecord } from './store.js';
import type { JsonWebKey } from 'node:crypto';
import { appendCookie, requestHeader, setCookiesOf, withCookies } from './transport.js';
import { handleAdmin } from './handlers/admin.js';
import { clientRoutes } from './handlers/client.js';
import { organizationRoutes } from './handlers/organizations.js';
import { sessionRoutes } from './handlers/sessions.js';
import { signInRoutes } from './handlers/sign-in.js';
import { signUpRoutes } from './handlers/sign-up.js';
import { userRoutes } from './handlers/user.js';
import { oauthRoutes } from './handlers/oauth.js';
import { waitlistRoutes } from './handlers/waitlist.js';

export interface Emulator {
  /** Answers one FAPI request (any origin; routed on the path after `/v1`). Rejects for dropped-connection faults. */
  handle(request: Request): Promise<Response>;
  publishableKey: string;
  frontendApiHost: string;
  instanceType: InstanceType;
  /** Live settings; change them with `updateSettings`. */
  readonly settings: EmulatorSettings;
  updateSettings(partial: EmulatorSettingsInput): void;
  outbox: OutboxView;
  faults: { add(rule: FaultRule): void; clear(): void };
  jwks(): { keys: JsonWebKey[] };
  publicKeyPem: string;
  /** Drops all clients, users, sessions and messages, then re-applies the seed. */
  reset(): void;
  /** Adds a user (identifiers verified) and returns its id. */
  addUser(user: SeedUser): string;
  /** Emails that joined the waitlist (`POST /v1/waitlist`), oldest first. */
  waitlist(): Array<{ id: string; emailAddress: string; createdAt: number }>;
  /** Log of FAPI requests, with the logical method. */
  requests: RequestLogEntry[];
  clearRequests(): void;
}

const ROUTES: Route[] = [
  ...clientRoutes,
  ...signInRoutes,
  ...signUpRoutes,
  ...sessionRoutes,
  ...userRoutes,
  ...organizationRoutes,
  ...oauthRoutes,
  ...waitlistRoutes,
];

const EXPOSED_HEADERS = 'Retry-After, X-Country, Clerk-Db-Jwt, Authorization, X-Clerk-Trace-Id';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Splits `/__clerk/v1/client` into the base (`/__clerk`) and the FAPI path (`/client`). */
function locateV1(pathname: string): { base: string; path: string } | null {
  const match = /(^|\/)v1(\/|$)/.exec(pathname);
  if (!match) return null;
  const start = match.index + match[1].length;
  return { base: pathname.slice(0, match.index), path: pathname.slice(start + 2) || '/' };
}

function readCookie(request: Request, name: string): string | undefined {
  const header = requestHeader(request, 'cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function parseBody(request: Request, method: string): Promise<FormBody> {
  if (method === 'GET' || method === 'HEAD') return new FormBody(new URLSearchParams());
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const params = new URLSearchParams();
    const files = new Map<string, Blob>();
    form.forEach((value, key) => {
      if (typeof value === 'string') params.append(key, value);
      else files.set(key, value);
    });
    return new FormBody(params, files);
  }
  const text = await request.text();
  if (contentType.includes('application/json')) {
    const params = new URLSearchParams();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) {
        params.append(key, typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value));
      }
    }
    return new FormBody(params);
  }
  if (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded')) return new FormBody(new URLSearchParams(text));
  return new FormBody(new URLSearchParams(), new Map(), text);
}

function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function errorResponse(error: FapiError, client: Record<string, unknown> | null): Response {
  const extra = client ? { meta: { client } } : {};
  return jsonResponse(errorBody(error.errors, extra), error.status, error.headers);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const core = new EmulatorCore(options);

  function withCors(response: Response, request: Request, preflight = false): Response {
    if (!core.cors) return response;
    const headers = new Headers(response.headers);
    const origin = requestHeader(request, 'origin');
    headers.set('Access-Control-Allow-Origin', origin ?? '*');
    if (origin) headers.set('Access-Control-Allow-Credentials', 'true');
    headers.append('Vary', 'Origin');
    headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (preflight) {
      headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      headers.set(
        'Access-Control-Allow-Headers',
        request.headers.get('access-control-request-headers') ?? 'Content-Type, Authorization, X-Mobile',
      );
      headers.set('Access-Control-Max-Age', '600');
    }
    return withCookies(new Response(response.body, { status: response.status, statusText: response.statusText, headers }), setCookiesOf(response));
  }

  /** Applies the rate limit; returns a 429 error when the window's budget is spent. */
  function checkRateLimit(): FapiError | null {
    const limit = core.settings.rateLimit;
    if (!limit) return null;
    const now = core.now();
    const windowMs = limit.windowSeconds * 1000;
    core.rateLimitHits = core.rateLimitHits.filter((t) => t > now - windowMs);
    if (core.rateLimitHits.length >= limit.maxRequests) {
      const retryAfter = Math.max(1, Math.ceil((core.rateLimitHits[0] + windowMs - now) / 1000));
      const error = fapiError(429, 'too_many_requests', 'Too many requests', 'Too many requests. Please try again in a bit.');
      return new FapiError(429, error.errors, { 'Retry-After': String(retryAfter) });
    }
    core.rateLimitHits.push(now);
    return null;
  }

  function resolveClient(request: Request, url: URL, open: boolean): ClientRecord | null {
    const { store } = core;
    if (core.instanceType === 'development') {
      const token = url.searchParams.get('__clerk_db_jwt');
      const clientId = token ? store.devBrowsers.get(token) : undefined;
      if (!clientId) {
        if (open) return null;
        throw fapiError(401, 'dev_browser_unauthenticated', 'Dev browser unauthenticated', 'Unable to authenticate the development browser.');
      }
      return store.clients.get(clientId) ?? null;
    }
    const cookie = readCookie(request, CLIENT_COOKIE);
    const clientId = cookie ? store.clientCookies.get(cookie) : undefined;
    return clientId ? store.clients.get(clientId) ?? null : null;
  }

  /** Which sessions of the client are signed in; a change means the response sets `__client_uat`. */
  function signedInState(client: ClientRecord | null): string {
    return client ? core.activeSessions(client).map((s) => s.id).sort().join(',') : '';
  }

  /**
   * Production FAPI keeps `__client_uat` current itself (ClerkJS writes it only in development):
   * `floor(updated_at/1000)` while a session is signed in, else 0.
   */
  function withClientUat(response: Response, ctx: RequestContext | null, before: string): Response {
    if (core.instanceType !== 'production' || !ctx) return response;
    const client = ctx.client;
    if (signedInState(client) === before) return response;
    const value = client && core.activeSessions(client).length > 0 ? Math.floor(client.updatedAt / 1000) : 0;
    const secure = ctx.url.protocol === 'https:' ? '; Secure' : '';
    return appendCookie(response, `__client_uat=${value}; Path=/; Max-Age=31536000; SameSite=Strict${secure}`);
  }

  async function handleFapi(request: Request, url: URL, base: string, path: string): Promise<Response> {
    const queryMethod = url.searchParams.get('_method');
    const method = request.method.toUpperCase() === 'POST' && queryMethod ? queryMethod.toUpperCase() : request.method.toUpperCase();
    core.requests.push({ method, path: `/v1${path === '/' ? '' : path}`, search: url.search, at: core.now() });

    if (core.settings.latencyMs > 0) await sleep(core.settings.latencyMs);
    const fault = core.faults.take(method, `/v1${path}`);
    if (fault) {
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (fault.drop) throw new DroppedConnectionError();
      if (fault.malformed) {
        return new Response('{"response":{"object":"client","id":', { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      if (fault.status !== undefined) {
        const body =
          fault.body ??
          errorBody([{ code: 'emulated_fault', message: 'Injected fault', long_message: `Injected fault: HTTP ${fault.status}`, meta: {} }]);
        return jsonResponse(body, fault.status);
      }
    }

    const limited = checkRateLimit();
    if (limited) return errorResponse(limited, null);

    const match = matchRoute(ROUTES, method, path);
    if (match.kind !== 'found') {
      const status = match.kind === 'method_not_allowed' ? 405 : 404;
      return errorResponse(fapiError(status, 'resource_not_found', 'not found', `No emulated endpoint for ${method} /v1${path}.`), null);
    }
    let ctx: RequestContext | null = null;
    let before = '';
    try {
      const client = resolveClient(request, url, match.route.open);
      before = signedInState(client);
      const body = await parseBody(request, request.method.toUpperCase());
      ctx = new RequestContext(core, request, url, method, path, `${url.origin}${base}`, body, client);
      ctx.params = match.params;
      return withClientUat(await match.route.handler(ctx), ctx, before);
    } catch (error) {
      if (error instanceof FapiError) {
        return withClientUat(withCookies(errorResponse(error, ctx?.clientJson() ?? null), ctx?.cookies ?? []), ctx, before);
      }
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(fapiError(500, 'internal_clerk_error', 'Something went wrong', `Emulator error: ${message}`), null);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method.toUpperCase() === 'OPTIONS') return withCors(new Response(null, { status: 204 }), request, true);
    const adminAt = url.pathname.indexOf('/__emulator/');
    if (adminAt >= 0) {
      const action = url.pathname.slice(adminAt + '/__emulator'.length).replace(/\/+$/, '');
      return withCors(await handleAdmin(core, request.method.toUpperCase(), action, request), request);
    }
    if (url.pathname.endsWith('/.well-known/jwks.json')) return withCors(jsonResponse(core.signer.jwks(), 200), request);
    const located = locateV1(url.pathname);
    if (!located) {
      return withCors(errorResponse(fapiError(404, 'resource_not_found', 'not found', `${url.pathname} is not a FAPI path.`), null), request);
    }
    return withCors(await handleFapi(request, url, located.base, located.path), request);
  }

  return {
    handle,
    publishableKey: core.publishableKey,
    frontendApiHost: core.frontendApiHost,
    instanceType: core.instanceType,
    get settings() {
      return core.settings;
    },
    updateSettings: (partial) => core.updateSettings(partial),
    outbox: core.outbox,
    faults: { add: (rule) => core.faults.add(rule), clear: () => core.faults.clear() },
    jwks: () => core.signer.jwks(),
    publicKeyPem: core.signer.publicKeyPem,
    reset: () => core.reset(),
    addUser: (user) => core.createSeedUser(user).id,
    waitlist: () =>
      [...core.store.waitlist.values()].map((e) => ({ id: e.id, emailAddress: e.emailAddress, createdAt: e.createdAt })),
    requests: core.requests,
    clearRequests: () => {
      core.requests.length = 0;
    },
  };
}
