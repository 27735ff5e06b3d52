import { camelToSnake, snakeToCamel } from './case.js';
import { ClerkAPIResponseError, ClerkRuntimeError, type ClerkAPIError } from './errors.js';

/** The FAPI version whose wire format this client speaks (the one ClerkJS 6.40 sends). */
export const FAPI_VERSION = '2026-08-20';
/** The ClerkJS release whose behaviour we reproduce; FAPI reads it to pick response shapes. */
export const CLERK_JS_COMPAT_VERSION = '6.40.0';

export type FapiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type SearchValue = string | number | boolean | undefined | null | Array<string | number>;

export interface FapiRequest {
  method?: FapiMethod;
  /** Path after `/v1`, e.g. `/client/sign_ins`. */
  path: string;
  search?: Record<string, SearchValue>;
  body?: Record<string, unknown> | FormData | string;
  /** Apply the piggy-backed client even though this is a GET (ClerkJS's "force update"). */
  forceUpdateClient?: boolean;
  /** Aborts the request (it then rejects with a `request_aborted` ClerkRuntimeError). */
  signal?: AbortSignal;
}

export interface FapiClientConfig {
  /** Origin and path prefix; requests go to `${baseUrl}/v1${path}`. */
  baseUrl: string;
  getSessionId(): string | undefined;
  getDevBrowserToken(): string | undefined;
  setDevBrowserToken(token: string): void;
  /** Called with the piggy-backed client of a response (null = no client any more). */
  onClient(client: ClientJSONLike | null): void;
  /** Called on a 401 that is not about the dev browser. */
  onUnauthenticated(error: ClerkAPIResponseError, request: FapiRequest): void;
  /** Called on 401 dev_browser_unauthenticated; the request is retried once afterwards. */
  renewDevBrowser(): Promise<void>;
  /** Limit in ms for each attempt, response body included (default 15 000). */
  timeoutMs?: number;
}

export interface ClientJSONLike {
  object?: string;
  id: string;
  sessions: Array<{ id: string; status: string; [k: string]: unknown }>;
  [k: string]: unknown;
}

interface RawApiError {
  code: string;
  message?: string;
  long_message?: string | null;
  meta?: Record<string, unknown> | null;
}

interface Envelope {
  client?: ClientJSONLike | null;
  meta?: { client?: ClientJSONLike | null } | null;
  errors?: RawApiError[];
  response?: unknown;
  [key: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** What is wrong with a client object of a response (null: nothing). */
function clientProblem(client: unknown, at: string): string | null {
  if (client == null) return null;
  if (!isObject(client) || typeof client.id !== 'string') return `${at}.id: expected a string`;
  if (!Array.isArray(client.sessions)) return `${at}.sessions: expected an array`;
  const bad = client.sessions.findIndex((s) => !isObject(s) || typeof s.id !== 'string' || typeof s.status !== 'string');
  return bad < 0 ? null : `${at}.sessions.${bad}: expected { id, status } strings`;
}

/**
 * What is wrong with a response body, checked as far as the kernel relies on it (the client it applies,
 * the errors it reports); null when usable. Hand-written: zod's array/string/nullable schemas would
 * cost more bundle than this. Resource fields are read defensively instead.
 */
function envelopeProblem(json: unknown): string | null {
  if (json === undefined) return 'the body is not JSON';
  if (!isObject(json)) return 'body: expected an object';
  const { errors, meta } = json;
  if (errors !== undefined && (!Array.isArray(errors) || errors.some((e) => !isObject(e) || typeof e.code !== 'string')))
    return 'errors: expected a list of { code }';
  if (meta != null && !isObject(meta)) return 'meta: expected an object';
  return clientProblem(json.client, 'client') ?? clientProblem((meta as Envelope['meta'])?.client, 'meta.client');
}

/** Form body as ClerkJS encodes it: top-level keys snake_cased, arrays repeated, objects as JSON. */
export function encodeForm(body: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const name = camelToSnake(key);
    if (value === null) form.append(name, '');
    else if (Array.isArray(value)) value.forEach((item) => form.append(name, String(item)));
    else if (typeof value === 'object') form.append(name, JSON.stringify(value));
    else form.append(name, String(value));
  }
  return form;
}

function toApiError(raw: RawApiError): ClerkAPIError {
  const meta = raw.meta ? Object.fromEntries(Object.entries(raw.meta).map(([k, v]) => [snakeToCamel(k), v])) : undefined;
  return { code: raw.code, message: raw.message ?? '', longMessage: raw.long_message ?? undefined, meta };
}

/** The two version parameters every FAPI request carries. */
function addVersions(url: URL): URL {
  url.searchParams.set('__clerk_api_version', FAPI_VERSION);
  url.searchParams.set('_clerk_js_version', CLERK_JS_COMPAT_VERSION);
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before retry `attempt` (1-based) of a GET whose fetch threw. */
const retryDelay = (attempt: number) => Math.min(5000, (attempt === 1 ? 100 : 700 * 2 ** (attempt - 2)) * (1 + Math.random()));

const MAX_GET_ATTEMPTS = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** Transport failures after which a mutating request may have been applied without us hearing of it. */
const LOST_RESPONSE_CODES = new Set(['network_error', 'request_timeout', 'malformed_response']);

const safeJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

export type FapiClient = ReturnType<typeof createFapiClient>;

export function createFapiClient(config: FapiClientConfig) {
  function buildUrl(req: FapiRequest, attempt: number): URL {
    const url = new URL(`${config.baseUrl}/v1${req.path}`);
    for (const [key, value] of Object.entries(req.search ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    addVersions(url);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    const sessionId = config.getSessionId();
    if (sessionId && !req.path.startsWith('/client') && !req.path.startsWith('/waitlist')) {
      url.searchParams.set('_clerk_session_id', sessionId);
    }
    const devBrowser = config.getDevBrowserToken();
    if (devBrowser && !url.searchParams.has('__clerk_db_jwt')) url.searchParams.set('__clerk_db_jwt', devBrowser);
    if (attempt > 1) url.searchParams.set('_clerk_retry_attempt', String(attempt - 1));
    return url;
  }

  function buildInit(req: FapiRequest): RequestInit {
    const method = req.method ?? 'GET';
    const init: RequestInit = { method: method === 'GET' ? 'GET' : 'POST', credentials: 'include' };
    if (method === 'GET' || req.body === undefined) return init;
    if (typeof req.body === 'string') {
      init.body = req.body;
      init.headers = { 'content-type': 'application/octet-stream' };
    } else if (typeof FormData !== 'undefined' && req.body instanceof FormData) {
      init.body = req.body;
    } else {
      init.body = encodeForm(req.body as Record<string, unknown>);
      init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
    }
    return init;
  }

  const describe = (req: FapiRequest) => `${req.method ?? 'GET'} ${req.path}`;

  /** One attempt, body included, bounded by the timeout and the caller's signal; every failure is a coded error. */
  function attempt(req: FapiRequest, n: number): Promise<{ res: Response; text: string }> {
    return bounded(describe(req), req.signal, (signal) => fetch(buildUrl(req, n), { ...buildInit(req), signal }));
  }

  async function bounded(label: string, callerSignal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<Response>) {
    const timeoutMs = config.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const controller = new AbortController();
    let fail: (error: ClerkRuntimeError) => void = () => {};
    // A race, not only the abort: a fetch that ignores its signal must not hang the caller.
    const failed = new Promise<never>((_, reject) => (fail = reject));
    const abort = (code: string, why: string) => {
      fail(new ClerkRuntimeError(`${why} (${label}).`, { code }));
      controller.abort();
    };
    const onAbort = () => abort('request_aborted', 'The Frontend API request was aborted');
    if (callerSignal?.aborted) onAbort();
    callerSignal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => abort('request_timeout', `The Frontend API did not answer within ${timeoutMs} ms`), timeoutMs);
    const work = (async () => {
      const res = await run(controller.signal);
      return { res, text: res.status === 204 ? '' : await res.text() };
    })();
    try {
      return await Promise.race([work, failed]);
    } catch (error) {
      if (error instanceof ClerkRuntimeError) throw error;
      throw new ClerkRuntimeError(`Network error while calling the Frontend API (${label}).`, { code: 'network_error', cause: error });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      work.catch(() => {});
    }
  }

  /** GETs are retried after network errors (not after a timeout or an abort: the time is already spent). */
  async function send(req: FapiRequest, retries = (req.method ?? 'GET') === 'GET' ? MAX_GET_ATTEMPTS : 1): Promise<{ res: Response; text: string }> {
    for (let n = 1; ; n++) {
      try {
        return await attempt(req, n);
      } catch (error) {
        if (n >= retries || (error as ClerkRuntimeError).code !== 'network_error') throw error;
        await sleep(retryDelay(n));
      }
    }
  }

  function parseBody(res: Response, text: string, req: FapiRequest): Envelope | unknown[] | null {
    if (res.status === 204) return null;
    // Unparseable = undefined (reported as "not JSON"); an empty body = null.
    const json = text ? safeJson(text) : null;
    if (Array.isArray(json)) return json;
    const problem = envelopeProblem(json);
    if (problem) {
      if (!res.ok) return {};
      throw new ClerkRuntimeError(`Malformed response from the Frontend API (${describe(req)}, status ${res.status}): ${problem}.`, {
        code: 'malformed_response',
      });
    }
    return json as Envelope;
  }

  /**
   * Sends one FAPI request and returns the parsed body (`{ response, client }` envelope, or a bare
   * resource for the endpoints that answer bare). Non-2xx statuses throw ClerkAPIResponseError.
   */
  async function request<T = unknown>(req: FapiRequest, isRetry = false): Promise<T> {
    const method = req.method ?? 'GET';
    let res: Response;
    let payload: Envelope | unknown[] | null;
    try {
      let text: string;
      ({ res, text } = await send(req));
      const devBrowserHeader = res.headers.get('clerk-db-jwt');
      if (devBrowserHeader) config.setDevBrowserToken(devBrowserHeader);
      payload = parseBody(res, text, req);
    } catch (error) {
      // The server may have applied a mutation whose answer we lost: learn the client's real state before rejecting.
      if (method !== 'GET' && LOST_RESPONSE_CODES.has((error as ClerkRuntimeError).code)) await resync();
      throw error;
    }
    const envelope = payload && !Array.isArray(payload) ? (payload as Envelope) : undefined;
    const applyClient = method !== 'GET' || req.forceUpdateClient;
    if (envelope && applyClient) {
      const client = 'client' in envelope ? envelope.client : envelope.meta?.client;
      if (client !== undefined) config.onClient(client as ClientJSONLike | null);
    }
    if (res.ok) return payload as T;

    const errors = (envelope?.errors ?? []).map(toApiError);
    const retryAfterHeader = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
    const error = new ClerkAPIResponseError(errors[0]?.longMessage || errors[0]?.message || res.statusText || `HTTP ${res.status}`, {
      status: res.status,
      errors,
      clerkTraceId: typeof envelope?.clerk_trace_id === 'string' ? envelope.clerk_trace_id : undefined,
      retryAfter: Number.isFinite(retryAfterHeader) ? retryAfterHeader : undefined,
    });
    if (res.status === 401 && errors[0]?.code === 'dev_browser_unauthenticated' && !isRetry) {
      await config.renewDevBrowser();
      return request<T>(req, true);
    }
    if (res.status === 401) config.onUnauthenticated(error, req);
    throw error;
  }

  /** One GET /v1/client, applied; failures are swallowed (the caller rejects with its own error). */
  async function resync(): Promise<void> {
    const req: FapiRequest = { path: '/client', forceUpdateClient: true };
    try {
      const { res, text } = await send(req, 1);
      const payload = parseBody(res, text, req) as Envelope | null;
      if (res.ok && payload && 'client' in payload) config.onClient((payload.client ?? null) as ClientJSONLike | null);
    } catch {
      // Still unreachable: nothing more can be learned now.
    }
  }

  /** `POST /v1/dev_browser`: plain fetch, no credentials, no body (as ClerkJS does). */
  async function createDevBrowser(): Promise<string> {
    const { res, text } = await bounded('POST /dev_browser', undefined, (signal) =>
      fetch(addVersions(new URL(`${config.baseUrl}/v1/dev_browser`)), { method: 'POST', signal }),
    );
    const json = (safeJson(text) ?? {}) as { id?: string; token?: string; errors?: RawApiError[] };
    const token = json.id ?? json.token;
    if (!res.ok || !token) {
      const first = json.errors?.[0];
      throw new ClerkAPIResponseError(first?.long_message || first?.message || `Could not create a dev browser (HTTP ${res.status})`, {
        status: res.status,
        errors: (json.errors ?? []).map(toApiError),
      });
    }
    return token;
  }

  return { request, createDevBrowser, baseUrl: config.baseUrl };
}
