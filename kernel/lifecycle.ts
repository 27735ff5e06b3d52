import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import type { FapiClient } from './fapi.js';
import { cookieSuffix, findDevBrowser, usesDevBrowser } from './dev-browser.js';
import { kernelLoadOptionsSchema, parseOptions, type InstanceType } from './options.js';
import type { LoadOptionsSchema } from './plugin.js';
import type { JSONObject } from './resources/base.js';
import { Environment } from './resources/environment.js';
import { clientFromSessionToken } from './client-from-token.js';
import type { KernelState } from './state.js';
import type { SetActiveParams } from './types.js';

export interface LifecycleDeps {
  fapi: FapiClient;
  store: KernelState;
  instanceType: InstanceType;
  frontendApi: string;
  publishableKey: string;
  page: URL | undefined;
  /** Every plugin's load-options schema, validated with the kernel's. */
  schemas: Array<LoadOptionsSchema | undefined>;
  /** The plugins' `onLoad` hooks, in plugin order. */
  loadHooks: Array<(options: Record<string, unknown>) => void | Promise<void>>;
  /** The plugins' `beforeLoad` hooks, in plugin order. */
  startHooks: Array<(options: Record<string, unknown>) => void>;
  rememberDevBrowser(token: string): Promise<void>;
  setActive(params: SetActiveParams): Promise<void>;
  /** The `__session` cookie's token (standard browsers only). */
  readSessionCookie(): Promise<string | undefined>;
}

/** A 429 on load is retried after its Retry-After (default 1 s) while that is at most this long, ... */
const MAX_RETRY_AFTER_MS = 10_000;
/** ... and at most this many times; then it counts as an outage, like a 5xx. */
const MAX_RATE_LIMIT_RETRIES = 2;
/** After an outage on load, GET /v1/client is retried with this first delay, doubling up to the maximum. */
const RECONCILE_FIRST_MS = 5_000;
const RECONCILE_MAX_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A FAPI answer about this client (4xx other than 429), not an outage. */
const isClientError = (err: unknown) => err instanceof ClerkAPIResponseError && err.status < 500 && err.status !== 429;

/**
 * `load()`: the dev browser first on development, then environment and client in parallel (one round
 * trip in production), then the plugins' load hooks; `ready`, `degraded` or `error`. When the client
 * cannot be fetched (5xx, 429 past its bound, network, timeout) the state is what the `__session` cookie
 * proves, or signed out, marked unconfirmed, and GET /v1/client is retried until FAPI answers.
 * Also `handleUnauthenticated`, which re-reads the client after a 401.
 */
export function createLifecycle(deps: LifecycleDeps) {
  const { fapi, store, instanceType, frontendApi, publishableKey, page } = deps;
  const { state } = store;
  let loadPromise: Promise<void> | undefined;
  let unauthenticatedCheck: Promise<void> | undefined;
  let reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  /** `fetch`, retried after a short Retry-After on 429. */
  async function withRateLimitRetry<T>(fetch: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await fetch();
      } catch (err) {
        const waitMs = err instanceof ClerkAPIResponseError && err.status === 429 ? (err.retryAfter ?? 1) * 1000 : Infinity;
        if (retry >= MAX_RATE_LIMIT_RETRIES || waitMs > MAX_RETRY_AFTER_MS) throw err;
        await sleep(waitMs);
      }
    }
  }

  const fetchClient = () => withRateLimitRetry(() => fapi.request<{ response?: JSONObject | null }>({ path: '/client' }));

  /** Retries what load() could not fetch (GET /v1/client, the environment) until FAPI answers; the answers replace the provisional state. */
  function scheduleReconcile(delayMs: number, missing: { client: boolean; environment: boolean }, pluginFailed: boolean) {
    reconcileTimer = setTimeout(async () => {
      try {
        if (missing.environment) state.environment = await withRateLimitRetry(fetchEnvironment);
        missing.environment = false;
        const payload = missing.client ? await fetchClient() : undefined;
        if (disposed) return;
        state.loadError = null;
        if (missing.client) store.applyClient(payload?.response ?? null);
        else store.emitResources();
        missing.client = false;
        store.setStatus(pluginFailed ? 'degraded' : 'ready');
      } catch (err) {
        if (disposed) return;
        state.loadError = err as Error;
        // A 4xx is FAPI's answer, not an outage: asking again will not change it.
        if (!isClientError(err)) scheduleReconcile(Math.min(delayMs * 2, RECONCILE_MAX_MS), missing, pluginFailed);
      }
    }, delayMs);
  }

  async function fetchEnvironment(): Promise<Environment> {
    const onAccountsPortal = page?.hostname.endsWith('.accounts.dev');
    const payload = await fapi.request<JSONObject>({ method: instanceType === 'development' && !onAccountsPortal ? 'PATCH' : 'GET', path: '/environment' });
    const json = (payload && 'response' in payload ? payload.response : payload) as JSONObject;
    if (!json || json.object !== 'environment') {
      throw new ClerkRuntimeError('Malformed response from the Frontend API (/environment): not an environment object.', { code: 'malformed_response' });
    }
    return new Environment(json);
  }

  async function runLoad(rawOptions: unknown): Promise<void> {
    for (const schema of [kernelLoadOptionsSchema, ...deps.schemas]) {
      if (schema) parseOptions(schema, rawOptions, 'clerk.load()');
    }
    // Kept as given: the schemas only validate, and options no plugin reads are passed on untouched.
    state.loadOptions = { ...(rawOptions as object) };
    let degraded = false;
    let pluginFailed = false;
    /** A plugin's hook that throws leaves the instance degraded, not unloaded. */
    const runHook = async (hook: (options: Record<string, unknown>) => unknown) => {
      try {
        await hook(state.loadOptions);
      } catch (err) {
        degraded = pluginFailed = true;
        console.error('[microclerk] a plugin failed to load:', err);
      }
    };
    // Not awaited before the requests: the hooks only start work (a synchronous throw is caught inside).
    const started = deps.startHooks.map(runHook);
    try {
      // Also outside browsers: the dev browser is what identifies this client to a development FAPI.
      if (instanceType === 'development' && usesDevBrowser(frontendApi)) {
        await deps.rememberDevBrowser(await findDevBrowser(fapi, await cookieSuffix(publishableKey)));
      }
      const [env, clientPayload] = await Promise.allSettled([withRateLimitRetry(fetchEnvironment), fetchClient()]);
      if (env.status === 'fulfilled') state.environment = env.value;
      else {
        degraded = true;
        state.environment = new Environment();
        console.warn('[microclerk] environment could not be loaded; using defaults.', env.reason);
      }
      const envFailed = env.status === 'rejected';
      await Promise.all(started);
      if (clientPayload.status === 'fulfilled') store.applyClient(clientPayload.value?.response ?? null);
      else {
        const err = clientPayload.reason as Error;
        if (isClientError(err)) throw err;
        degraded = true;
        state.loadError = err;
        // An outage is not a sign-out: keep what the session cookie proves, unconfirmed until FAPI answers.
        store.applyClient(clientFromSessionToken(await deps.readSessionCookie(), frontendApi, Date.now()), true);
        console.warn(`[microclerk] client could not be loaded; continuing ${state.session ? 'with the session cookie' : 'signed out'}.`, err);
      }
      for (const hook of deps.loadHooks) await runHook(hook);
      state.loaded = true;
      store.setStatus(degraded ? 'degraded' : 'ready');
      // Only once loaded: a retry that finished first would have its `ready` overwritten.
      if (state.loadError || envFailed) scheduleReconcile(RECONCILE_FIRST_MS, { client: !!state.loadError, environment: envFailed }, pluginFailed);
      store.emitResources();
      store.emitToken();
    } catch (err) {
      store.setStatus('error');
      loadPromise = undefined;
      throw err;
    }
  }

  /** One check at a time: concurrent 401s share it. */
  function handleUnauthenticated(): Promise<void> {
    if (!state.session) return Promise.resolve();
    unauthenticatedCheck ??= fapi
      .request<{ response: JSONObject | null }>({ path: '/client' })
      .then(
        (payload) => store.applyClient(payload?.response ?? null),
        (err) => {
          // FAPI says this client is forbidden: the tab is signed out. ClerkJS also signs out on a 500;
          // we do not: an outage proves nothing about the session, and the next client read settles it.
          if (err instanceof ClerkAPIResponseError && err.status === 403) return deps.setActive({ session: null });
          // Anything else (401, 404, 5xx, network) is the caller's to handle, and the tab keeps its session.
          throw err;
        },
      )
      .finally(() => (unauthenticatedCheck = undefined));
    return unauthenticatedCheck;
  }

  return {
    load: (options: unknown) => (loadPromise ??= runLoad(options)),
    handleUnauthenticated,
    dispose() {
      disposed = true;
      clearTimeout(reconcileTimer);
    },
  };
}
