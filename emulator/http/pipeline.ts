/**
 * The request pipeline around the handlers: admin and JWKS paths, CORS, the request log, faults,
 * the rate limit, routing, client identity, body parsing, and turning thrown FAPI errors into responses.
 * It knows handlers only as a route table and an admin callback, so it never imports them.
 */
// A runtime-only import first: the .d.ts drops it along with the header above, which would otherwise
import { FAKE_PROTECT_SDK } from '../domain/protect-check.js';
// become RequestLogEntry's doc comment and change api-report/emulator.api.md.
import { FapiError, fapiError } from '../domain/errors.js';
import type { EmulatorCore } from '../domain/core.js';
import { errorBody } from '../wire/errors.js';
import { resolveClient, signedInState, withClientUat } from './client-identity.js';
import { withCors } from './cors.js';
import { DroppedConnectionError, FaultInjector, truncateResponse, type FaultRule } from './faults.js';
import { parseBody } from './form-body.js';
import { createOriginPolicy, isCrossOrigin } from './origins.js';
import { RateLimiter } from './rate-limit.js';
import { RequestContext } from './request-context.js';
import { errorResponse, jsonResponse } from './responses.js';
import { matchRoute, type Route } from './router.js';
import { requestHeader, withCookies } from './transport.js';

/** Answers `<prefix>/__emulator/<action>`; `action` is the part after `/__emulator`. */
export type AdminHandler = (method: string, action: string, request: Request) => Promise<Response>;

/** Answers `<prefix>/__emulator/gsi/<what>` (the stand-in Google Identity Services); `base` is `<origin><prefix>`. */
export type GoogleIdentityHandler = (method: string, action: string, request: Request, base: string) => Promise<Response>;

export interface PipelineOptions {
  routes: Route[];
  admin: AdminHandler;
  googleIdentity?: GoogleIdentityHandler;
  /** Add CORS headers (echoing Origin, with credentials) to responses for the emulator's own and these origins. */
  cors: boolean;
  /** App origins (besides the emulator's own) that get CORS headers and may be redirect targets. */
  allowedOrigins?: readonly string[];
}

export interface RequestLogEntry {
  method: string;
  path: string;
  search: string;
  at: number;
  /** The Clerk Protect assertion the request's body carried (`__clerk_protect_assertion`), when it had one. */
  protectAssertion?: string;
}

export interface RequestPipeline {
  /** Answers one request; rejects with a `DroppedConnectionError` for dropped-connection faults. */
  handle(request: Request): Promise<Response>;
  readonly faults: FaultInjector;
  /** Log of FAPI requests, with the logical method. Cleared in place, so holders keep seeing it. */
  readonly requests: RequestLogEntry[];
  /** Forgets the rate-limit window, as part of an emulator reset. */
  resetRateLimit(): void;
}

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

/** The answer an injected fault prescribes, or null when the request should go on to the handler. */
async function applyFault(fault: FaultRule | undefined): Promise<Response | null> {
  if (!fault) return null;
  if (fault.latencyMs) await sleep(fault.latencyMs);
  if (fault.drop) throw new DroppedConnectionError();
  if (fault.malformed) {
    return new Response('{"response":{"object":"client","id":', { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  if (fault.html)
    return new Response('<!doctype html><title>Gateway</title><p>Please sign in to the network.</p>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
  if (fault.status !== undefined) {
    const body =
      fault.body ?? errorBody([{ code: 'emulated_fault', message: 'Injected fault', long_message: `Injected fault: HTTP ${fault.status}`, meta: {} }]);
    return jsonResponse(body, fault.status, fault.headers);
  }
  return null;
}

export function createRequestPipeline(core: EmulatorCore, options: PipelineOptions): RequestPipeline {
  const faults = new FaultInjector();
  const rateLimiter = new RateLimiter();
  const requests: RequestLogEntry[] = [];

  // The instance's own FAPI host and its Account Portal (where ClerkJS's popup and hosted pages live) are trusted too.
  const host = core.frontendApiHost;
  const instanceOrigins = [`https://${host}`, `https://${host.replace(/^clerk\./, 'accounts.').replace('.clerk.accounts.', '.accounts.')}`];
  const origins = createOriginPolicy([...instanceOrigins, ...(options.allowedOrigins ?? [])]);
  /** CORS only for allowed origins: any other site must not read responses made with this browser's credentials. */
  const cors = (response: Response, request: Request, preflight = false): Response => {
    const origin = requestHeader(request, 'origin');
    return options.cors && (!origin || origins.allows(origin, new URL(request.url))) ? withCors(response, request, preflight) : response;
  };

  async function handleFapi(request: Request, url: URL, base: string, path: string): Promise<Response> {
    const queryMethod = url.searchParams.get('_method');
    const method = request.method.toUpperCase() === 'POST' && queryMethod ? queryMethod.toUpperCase() : request.method.toUpperCase();
    const entry: RequestLogEntry = { method, path: `/v1${path === '/' ? '' : path}`, search: url.search, at: core.now() };
    requests.push(entry);

    if (core.settings.latencyMs > 0) await sleep(core.settings.latencyMs);
    const fault = faults.take(method, `/v1${path}`);
    const faulted = await applyFault(fault);
    if (faulted) return faulted;
    const response = await runHandler(request, url, base, path, method, entry);
    // Faults that strike after the server has done its work.
    if (fault?.dropResponse) throw new DroppedConnectionError();
    return fault?.truncate ? truncateResponse(response) : response;
  }

  async function runHandler(request: Request, url: URL, base: string, path: string, method: string, entry: RequestLogEntry): Promise<Response> {
    const limited = rateLimiter.check(core.settings.rateLimit, () => core.now());
    if (limited) return errorResponse(limited, null);

    const match = matchRoute(options.routes, method, path);
    if (match.kind !== 'found') {
      const status = match.kind === 'method_not_allowed' ? 405 : 404;
      return errorResponse(fapiError(status, 'resource_not_found', 'not found', `No emulated endpoint for ${method} /v1${path}.`), null);
    }
    let ctx: RequestContext | null = null;
    let before = '';
    try {
      const client = resolveClient(core, request, url, match.route.open);
      before = signedInState(core, client);
      const body = await parseBody(request, request.method.toUpperCase());
      const assertion = body.string('__clerk_protect_assertion');
      if (assertion !== undefined) entry.protectAssertion = assertion;
      ctx = new RequestContext(core, request, url, method, path, `${url.origin}${base}`, body, client, (origin) => origins.allows(origin, url));
      ctx.params = match.params;
      return withClientUat(core, await match.route.handler(ctx), ctx, before);
    } catch (error) {
      if (error instanceof FapiError) {
        return withClientUat(core, withCookies(errorResponse(error, ctx?.clientJson() ?? null), ctx?.cookies ?? []), ctx, before);
      }
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(fapiError(500, 'internal_clerk_error', 'Something went wrong', `Emulator error: ${message}`), null);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method.toUpperCase() === 'OPTIONS') return cors(new Response(null, { status: 204 }), request, true);
    // The dashboard's script and calls are relative to `/__emulator/`: add the slash.
    if (url.pathname.endsWith('/__emulator') && request.method.toUpperCase() === 'GET') {
      return new Response(null, { status: 308, headers: { Location: `${url.pathname}/${url.search}` } });
    }
    const adminAt = url.pathname.indexOf('/__emulator/');
    if (adminAt >= 0) {
      const action = url.pathname.slice(adminAt + '/__emulator'.length).replace(/\/+$/, '');
      if (action.startsWith('/gsi/') && options.googleIdentity) {
        // Like Google's, the script loads anywhere, but accounts and tokens go only to the origins the
        // client id allows: the emulator's own and its allowed app origins (with CORS).
        const origin = requestHeader(request, 'origin');
        if (action !== '/gsi/client' && origin && !origins.allows(origin, url)) {
          return jsonResponse({ error: `Origin ${origin} is not allowed for this client id.` }, 403);
        }
        return cors(await options.googleIdentity(request.method.toUpperCase(), action, request, `${url.origin}${url.pathname.slice(0, adminAt)}`), request);
      }
      // The fake Clerk Protect challenge SDK is a module any page of the app may import (CORS for allowed origins).
      if (action === '/protect/sdk.js' && request.method.toUpperCase() === 'GET') {
        return cors(new Response(FAKE_PROTECT_SDK, { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }), request);
      }
      // The controls read one-time codes and create users: the emulator's own pages only, never another site.
      if (isCrossOrigin(request, url, origins)) {
        return jsonResponse({ errors: [{ code: 'cross_origin_forbidden', message: 'The /__emulator admin routes only answer same-origin requests.' }] }, 403);
      }
      return await options.admin(request.method.toUpperCase(), action, request);
    }
    if (url.pathname.endsWith('/.well-known/jwks.json')) return cors(jsonResponse(core.signer.jwks(), 200), request);
    const located = locateV1(url.pathname);
    if (!located) {
      return cors(errorResponse(fapiError(404, 'resource_not_found', 'not found', `${url.pathname} is not a FAPI path.`), null), request);
    }
    return cors(await handleFapi(request, url, located.base, located.path), request);
  }

  return { handle, faults, requests, resetRateLimit: () => rateLimiter.reset() };
}
