import { ClerkAPIResponseError, ClerkRuntimeError, expectObject, invalidArgument, isClerkAPIResponseError, isClerkRuntimeError } from './errors.js';
import { createEventBus, type EventHandler } from './events.js';
import { createFapiClient } from './fapi.js';
import { cookieSuffix, readCookie, storeDevBrowser } from './dev-browser.js';
import { createLifecycle } from './lifecycle.js';
import { constructorOptionsSchema, parseOptions, parsePublishableKey, resolveDomain, resolveProxyUrl, type ClerkConstructorOptions } from './options.js';
import { resolvePluginOrder, type Capabilities, type ClerkPlugin } from './plugin.js';
import { installPlugins } from './plugin-host.js';
import { BaseResource, camelize, type JSONObject, type ResourceContext } from './resources/base.js';
import { Verification } from './resources/verification.js';
import { provideLazyKit } from './lazy-kit.js';
import { TokenCache } from './resources/token.js';
import { createSetActive } from './set-active.js';
import { createState } from './state.js';
import type { ClerkInstance, ClerkKernel, CreateClerkOptions, KernelInternals, KernelLoadOptions, Navigate } from './types.js';
import { pageUrl, safeUrl } from './safe-url.js';
import { VERSION } from './version.js';

provideLazyKit([
  ClerkRuntimeError,
  ClerkAPIResponseError,
  isClerkAPIResponseError,
  isClerkRuntimeError,
  expectObject,
  safeUrl,
  pageUrl,
  camelize,
  BaseResource,
  Verification,
]);

export type { ClerkInstance, ClerkKernel, CreateClerkOptions, KernelInternals, KernelLoadOptions, Navigate, SetActiveParams } from './types.js';

/**
 * Builds a Clerk instance from plugins. Every member exists when this returns; `load()` fetches
 * environment and client and runs the plugins' effects. `target` lets a class (the full preset's
 * `Clerk`) receive the members on itself.
 */
export function createClerk<const P extends readonly ClerkPlugin[] = []>(options: CreateClerkOptions<P>, target: object = {}): ClerkInstance<P> {
  const { instanceType, frontendApi } = parsePublishableKey(options?.publishableKey);
  const ctorOptions = parseOptions(constructorOptionsSchema, options, 'Clerk');
  if (ctorOptions.proxyUrl && ctorOptions.domain) {
    throw new ClerkRuntimeError('Invalid options passed to Clerk: "proxyUrl" and "domain" cannot both be set; use one of them.', {
      code: 'invalid_options',
    });
  }
  const publishableKey = options.publishableKey;
  const page = pageUrl();
  const proxyUrl = resolveProxyUrl(ctorOptions.proxyUrl as ClerkConstructorOptions['proxyUrl'], page);
  const given = resolveDomain(ctorOptions.domain as ClerkConstructorOptions['domain'], page);
  // Production FAPI lives on the `clerk.` subdomain; in browsers ClerkJS's `domain` reads it so too.
  const fapiDomain = instanceType === 'production' && given && !given.startsWith('clerk.') ? `clerk.${given}` : given;
  const domain = page ? fapiDomain : given;
  const baseUrl = proxyUrl ?? (instanceType === 'production' && fapiDomain ? `https://${fapiDomain}` : `https://${frontendApi}`);

  const plugins = resolvePluginOrder(options.plugins ?? []);
  const events = createEventBus();
  const tokens = new TokenCache();
  const store = createState(events, () => resources);
  const { state } = store;
  const capabilities: Partial<Capabilities> = {};
  // Without a navigation plugin (rare: every preset has one), the fallback loads on first use.
  const navigate: Navigate = (to, opts) =>
    capabilities.navigate ? capabilities.navigate(to, opts) : import('./fallbacks.js').then((m) => m.defaultNavigate(to, opts));
  const loadHooks: Array<(o: Record<string, unknown>) => void | Promise<void>> = [];
  const startHooks: Array<(o: Record<string, unknown>) => void> = [];
  const disposeHooks: Array<() => void> = [];
  let devBrowserToken: string | undefined;

  const fapi = createFapiClient({
    baseUrl,
    getSessionId: () => state.session?.id,
    getDevBrowserToken: () => devBrowserToken,
    setDevBrowserToken: (token) => void rememberDevBrowser(token),
    onClient: (json) => store.applyClient(json as JSONObject | null),
    onUnauthenticated: () => void lifecycle.handleUnauthenticated().catch(() => {}),
    renewDevBrowser: async () => rememberDevBrowser(await fapi.createDevBrowser()),
    timeoutMs: ctorOptions.requestTimeout as number | undefined,
  });

  const standardBrowser = () => state.loadOptions.standardBrowser !== false && typeof window !== 'undefined';

  /** Uses `token` from now on and, in standard browsers, keeps it in the dev-browser cookies. */
  async function rememberDevBrowser(token: string): Promise<void> {
    devBrowserToken = token;
    if (standardBrowser()) storeDevBrowser(token, await cookieSuffix(publishableKey));
  }

  const resources: ResourceContext = {
    fapi,
    tokens,
    // The jwt the request returned is the one published, whichever object of the session asked for it.
    onSessionToken: (sessionId, jwt) => store.publishToken(sessionId, jwt),
    pageLoad: (url) => (capabilities.pageLoad ? capabilities.pageLoad(url) : import('./fallbacks.js').then((m) => m.defaultPageLoad(url))),
    authenticateWithPopup: async (...args) => {
      if (!capabilities.authenticateWithPopup) {
        throw new ClerkRuntimeError('authenticateWithPopup() needs the oauth plugin (microclerk/plugins/oauth).', { code: 'not_available_in_preset' });
      }
      return capabilities.authenticateWithPopup(...args);
    },
  };

  const setActive = createSetActive(store, navigate);
  const lifecycle = createLifecycle({
    fapi,
    store,
    instanceType,
    frontendApi,
    publishableKey,
    page,
    schemas: plugins.map((p) => p.loadOptions),
    loadHooks,
    startHooks,
    rememberDevBrowser,
    setActive,
    // The suffixed cookie first, as ClerkJS reads it: it is this instance's even when apps share a domain.
    readSessionCookie: async () => (standardBrowser() ? (readCookie(`__session_${await cookieSuffix(publishableKey)}`) ?? readCookie('__session')) : undefined),
  });

  const isSatellite = () => {
    const option = state.loadOptions.isSatellite as KernelLoadOptions['isSatellite'];
    return typeof option === 'function' ? (page ? !!option(page) : false) : !!option;
  };

  const publicObject = target as ClerkKernel;
  const getters: Record<string, () => unknown> = {
    version: () => VERSION,
    // `environment` as ClerkJS's: the app bundler's NODE_ENV, else production.
    sdkMetadata: () =>
      (state.loadOptions.sdkMetadata as ClerkKernel['sdkMetadata']) ?? {
        name: 'microclerk',
        version: VERSION,
        environment: (typeof process !== 'undefined' && process.env?.NODE_ENV) || 'production',
      },
    publishableKey: () => publishableKey,
    instanceType: () => instanceType,
    frontendApi: () => frontendApi,
    proxyUrl: () => proxyUrl,
    domain: () => domain,
    isSatellite,
    loaded: () => state.loaded,
    status: () => state.status,
    loadError: () => state.loadError,
    client: () => state.client,
    session: () => state.session,
    user: () => (state.session === undefined ? undefined : (state.session?.user ?? null)),
    organization: () => state.organization,
    environment: () => state.environment,
    isSignedIn: () => state.session?.status === 'active',
    __internal_setActiveInProgress: () => state.switching,
  };
  const methods: Pick<ClerkKernel, 'load' | 'addListener' | 'on' | 'off' | 'setActive' | 'handleUnauthenticated' | 'destroy'> = {
    load: (opts) => lifecycle.load(opts),
    addListener(listener, opts) {
      if (typeof listener !== 'function') throw invalidArgument('addListener()', 'listener must be a function', listener);
      const off = events.on('resources', listener);
      if (state.loaded && state.client && !opts?.skipInitialEmit) listener(store.snapshot());
      return off;
    },
    on(event, handler, opts) {
      if (typeof event !== 'string') throw invalidArgument('on()', 'event must be an event name', event);
      if (typeof handler !== 'function') throw invalidArgument(`on("${event}")`, 'handler must be a function', handler);
      events.on(event, handler);
      if (event === 'status' && opts?.notify) (handler as EventHandler<'status'>)(state.status);
    },
    off: (event, handler) => events.off(event, handler),
    setActive,
    handleUnauthenticated: lifecycle.handleUnauthenticated,
    destroy() {
      lifecycle.dispose();
      for (const hook of disposeHooks.splice(0).reverse()) hook();
      events.clear();
    },
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(publicObject, name, { get, enumerable: true, configurable: true });
  Object.assign(publicObject, methods);

  const internals = {
    publishableKey,
    instanceType,
    frontendApi,
    fapi,
    tokens,
    resources,
    clerk: publicObject,
    get standardBrowser() {
      return standardBrowser();
    },
    get devBrowserToken() {
      return devBrowserToken;
    },
    applyClient: (json) => store.applyClient(json),
    applyClientSnapshot(json, sessionId) {
      // A switch in flight here: its own responses decide; the snapshot is not applied.
      if (state.switching || !state.loaded) return false;
      store.applyClient(json, false, sessionId, false);
      return true;
    },
    setActive,
    navigate,
    setStatus: store.setStatus,
    emitResources: store.emitResources,
  } as Omit<KernelInternals, 'client' | 'session' | 'environment' | 'loadOptions' | 'clientUnconfirmed'> as KernelInternals;

  // The live state plugins read, straight from the store.
  for (const key of ['client', 'session', 'environment', 'loadOptions', 'clientUnconfirmed'] as const)
    Object.defineProperty(internals, key, { get: () => state[key], enumerable: true });
  installPlugins(plugins, { internals, events, publicObject, loadOptions: () => state.loadOptions, loadHooks, startHooks, disposeHooks, capabilities });
  return publicObject as ClerkInstance<P>;
}
