import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import type { FapiClient } from './fapi.js';
import { cookieSuffix, findDevBrowser, usesDevBrowser } from './dev-browser.js';
import { kernelLoadOptionsSchema, parseOptions, type InstanceType } from './options.js';
import type { LoadOptionsSchema } from './plugin.js';
import type { JSONObject } from './resources/base.js';
import { Environment } from './resources/environment.js';
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
  rememberDevBrowser(token: string): Promise<void>;
  setActive(params: SetActiveParams): Promise<void>;
}

/**
 * `load()`: the dev browser first on development, then environment and client in parallel (one round
 * trip in production), then the plugins' load hooks; `ready`, `degraded` (defaults, signed out) or `error`.
 * Also `handleUnauthenticated`, which re-reads the client after a 401.
 */
export function createLifecycle(deps: LifecycleDeps) {
  const { fapi, store, instanceType, frontendApi, publishableKey, page } = deps;
  const { state } = store;
  let loadPromise: Promise<void> | undefined;
  let unauthenticatedCheck: Promise<void> | undefined;

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
    try {
      // Also outside browsers: the dev browser is what identifies this client to a development FAPI.
      if (instanceType === 'development' && usesDevBrowser(frontendApi)) {
        await deps.rememberDevBrowser(await findDevBrowser(fapi, await cookieSuffix(publishableKey)));
      }
      const [env, clientPayload] = await Promise.allSettled([fetchEnvironment(), fapi.request<{ response?: JSONObject | null }>({ path: '/client' })]);
      if (env.status === 'fulfilled') state.environment = env.value;
      else {
        degraded = true;
        state.environment = new Environment();
        console.warn('[microclerk] environment could not be loaded; using defaults.', env.reason);
      }
      if (clientPayload.status === 'fulfilled') store.applyClient(clientPayload.value?.response ?? null);
      else {
        const err = clientPayload.reason;
        if (err instanceof ClerkAPIResponseError && err.status < 500) throw err;
        degraded = true;
        store.applyClient(null);
        console.warn('[microclerk] client could not be loaded; continuing signed out.', err);
      }
      for (const hook of deps.loadHooks) {
        try {
          await hook(state.loadOptions);
        } catch (err) {
          degraded = true;
          console.error('[microclerk] a plugin failed to load:', err);
        }
      }
      state.loaded = true;
      store.setStatus(degraded ? 'degraded' : 'ready');
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
          // FAPI says this client is forbidden, or is down: treat the tab as signed out.
          if (err instanceof ClerkAPIResponseError && (err.status === 403 || err.status >= 500)) return deps.setActive({ session: null });
          // Anything else (401, 404, network) is the caller's to handle, as with ClerkJS.
          throw err;
        },
      )
      .finally(() => (unauthenticatedCheck = undefined));
    return unauthenticatedCheck;
  }

  return {
    load: (options: unknown) => (loadPromise ??= runLoad(options)),
    handleUnauthenticated,
  };
}
