import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import { createEventBus, type EventHandler, type EventName, type Resources, type Status } from './events.js';
import { createFapiClient, type ClientJSONLike, type FapiClient } from './fapi.js';
import { cookieSuffix, findDevBrowser, storeDevBrowser, usesDevBrowser } from './dev-browser.js';
import {
  constructorOptionsSchema,
  kernelLoadOptionsSchema,
  parseOptions,
  parsePublishableKey,
  resolveDomain,
  resolveProxyUrl,
  type ClerkConstructorOptions,
  type InstanceType,
} from './options.js';
import { resolvePluginOrder, type ClerkPlugin, type PluginContext, type PluginsApi, type PluginsLoadOptions } from './plugin.js';
import type { JSONObject, ResourceContext } from './resources/base.js';
import { Client } from './resources/client.js';
import { Environment } from './resources/environment.js';
import type { Organization } from './resources/organization.js';
import type { Session } from './resources/session.js';
import { TokenCache } from './resources/token.js';
import { VERSION } from './version.js';

export interface KernelLoadOptions {
  /** Picks the session to start with; default: the client's last active one. */
  selectInitialSession?: (client: Client) => Session | null;
  /** false in non-browser hosts (extensions, native): no dev-browser cookie, no cookies, no poller. */
  standardBrowser?: boolean;
  isSatellite?: boolean | ((url: URL) => boolean);
  touchSession?: boolean;
  telemetry?: false | { disabled?: boolean; debug?: boolean };
  sdkMetadata?: { name: string; version: string; environment?: string };
}

export interface SetActiveParams {
  /** A session, its id, `null` to sign out this tab, or omitted to keep the current one. */
  session?: Session | string | null;
  /** An organization, its `org_…` id or slug, or `null` for the personal workspace. */
  organization?: Organization | string | null;
  /** Called while the state reads `undefined`, before the new session is emitted (legacy). */
  beforeEmit?: (session: Session | null) => void | Promise<unknown>;
  /** Navigate here (through the navigation plugin) before the new session is emitted. */
  redirectUrl?: string;
}

export type Navigate = (to: string, options?: { replace?: boolean }) => Promise<unknown>;

/** The public members every instance has, whatever its plugins. */
export interface ClerkKernel<LoadOptions extends object = object> {
  readonly version: string;
  readonly sdkMetadata: { name: string; version: string; environment?: string };
  readonly publishableKey: string;
  readonly instanceType: InstanceType;
  readonly frontendApi: string;
  readonly proxyUrl: string | undefined;
  readonly domain: string;
  readonly isSatellite: boolean;
  readonly loaded: boolean;
  readonly status: Status;
  readonly client: Client | undefined;
  readonly session: Session | null | undefined;
  readonly user: Resources['user'];
  readonly organization: Organization | null | undefined;
  readonly environment: Environment | undefined;
  /** True when a session is active (a `pending` session is not signed in). */
  readonly isSignedIn: boolean;
  load(options?: KernelLoadOptions & LoadOptions): Promise<void>;
  /** Legacy: whether `load()` finished. */
  isReady(): boolean;
  /** Calls `listener` now (once loaded) and on every change of client, session, user or organization. */
  addListener(listener: (resources: Resources) => void, options?: { skipInitialEmit?: boolean }): () => void;
  on<E extends EventName>(event: E, handler: EventHandler<E>, options?: { notify?: boolean }): void;
  off<E extends EventName>(event: E, handler: EventHandler<E>): void;
  setActive(params: SetActiveParams): Promise<void>;
  /** Legacy: `setActive({ session, beforeEmit })`. */
  setSession(session: Session | string | null, beforeEmit?: SetActiveParams['beforeEmit']): Promise<void>;
  /** Re-reads the client after a 401; signs this tab out if its session is gone. */
  handleUnauthenticated(): Promise<void>;
  /** Stops every plugin effect (timers, listeners) and drops listeners. */
  destroy(): void;
}

/** What plugins see of the kernel (`ctx.kernel`). */
export interface KernelInternals {
  readonly publishableKey: string;
  readonly instanceType: InstanceType;
  readonly frontendApi: string;
  readonly fapi: FapiClient;
  readonly tokens: TokenCache;
  readonly resources: ResourceContext;
  /** The object the app holds (for plugins that hand it to UI or callbacks). */
  readonly clerk: ClerkKernel;
  readonly client: Client | undefined;
  readonly session: Session | null | undefined;
  readonly environment: Environment | undefined;
  readonly loadOptions: Readonly<Record<string, unknown>>;
  readonly standardBrowser: boolean;
  readonly devBrowserToken: string | undefined;
  /** Applies a client JSON from FAPI (as every piggy-backed response does) and emits the change. */
  applyClient(json: JSONObject | null): void;
  setActive(params: SetActiveParams): Promise<void>;
  /** Sends this tab to `to` through the navigation plugin (or a plain page load without one). */
  navigate: Navigate;
  /** The navigation plugin installs its navigator here. */
  setNavigator(navigate: Navigate): void;
  setStatus(status: Status): void;
  emitResources(): void;
}

export interface CreateClerkOptions<P extends readonly ClerkPlugin[]> extends ClerkConstructorOptions {
  publishableKey: string;
  plugins?: P;
}

export type ClerkInstance<P extends readonly ClerkPlugin[]> = ClerkKernel<PluginsLoadOptions<P> & object> & PluginsApi<P>;

const pageUrl = () => (typeof window !== 'undefined' && window.location ? new URL(window.location.href) : undefined);

/** Without a navigation plugin: a full page load, and only to http(s) URLs. */
const defaultNavigate: Navigate = async (to) => {
  const url = new URL(to, pageUrl());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ClerkRuntimeError(`Refusing to navigate to "${to}".`, { code: 'unsafe_redirect' });
  window.location.assign(url.href);
};

const signedIn = (s: Session) => s.status === 'active' || s.status === 'pending';

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
  const domain = resolveDomain(ctorOptions.domain as ClerkConstructorOptions['domain'], page);
  const baseUrl =
    proxyUrl ?? (instanceType === 'production' && domain ? `https://${domain.startsWith('clerk.') ? domain : `clerk.${domain}`}` : `https://${frontendApi}`);

  const plugins = resolvePluginOrder(options.plugins ?? []);
  const events = createEventBus();
  const tokens = new TokenCache();

  let status: Status = 'loading';
  let loaded = false;
  let client: Client | undefined;
  let environment: Environment | undefined;
  let session: Session | null | undefined;
  let organization: Organization | null | undefined;
  /** While setActive switches sessions, piggy-backed clients update `client` only. */
  let switching = false;
  let sessionChosen = false;
  let lastEmittedToken: string | null | undefined;
  let devBrowserToken: string | undefined;
  let loadOptions: Record<string, unknown> = {};
  let navigate: Navigate = defaultNavigate;
  let loadPromise: Promise<void> | undefined;
  let unauthenticatedCheck: Promise<void> | undefined;
  const loadHooks: Array<(o: Record<string, unknown>) => void | Promise<void>> = [];
  const disposeHooks: Array<() => void> = [];

  const fapi = createFapiClient({
    baseUrl,
    getSessionId: () => session?.id,
    getDevBrowserToken: () => devBrowserToken,
    setDevBrowserToken: (token) => void rememberDevBrowser(token),
    onClient: (json) => applyClient(json as JSONObject | null),
    onUnauthenticated: () => void handleUnauthenticated().catch(() => {}),
    renewDevBrowser: async () => rememberDevBrowser(await fapi.createDevBrowser()),
  });

  /** Uses `token` from now on and, in standard browsers, keeps it in the dev-browser cookies. */
  async function rememberDevBrowser(token: string): Promise<void> {
    devBrowserToken = token;
    if (internals.standardBrowser) storeDevBrowser(token, await cookieSuffix(publishableKey));
  }

  const resources: ResourceContext = {
    fapi,
    tokens,
    onSessionToken: (sessionId) => {
      if (session?.id === sessionId) emitToken();
    },
  };

  function organizationOf(s: Session | null | undefined): Organization | null | undefined {
    if (!s) return s;
    const orgId = s.lastActiveOrganizationId;
    return s.user?.organizationMemberships.find((m) => m.organization.id === orgId)?.organization ?? null;
  }

  function snapshot(): Resources {
    return { client: client!, session, user: session === undefined ? undefined : session?.user ?? null, organization };
  }

  function emitResources() {
    if (client) events.emit('resources', snapshot());
  }

  function emitToken() {
    const jwt = session?.lastActiveToken?.getRawString() ?? null;
    if (session === undefined || jwt === lastEmittedToken) return;
    lastEmittedToken = jwt;
    events.emit('session:token', { sessionId: session?.id ?? null, jwt });
  }

  function setSession(next: Session | null | undefined) {
    session = next;
    organization = organizationOf(next);
  }

  function applyClient(json: JSONObject | null) {
    client = json ? (client ? client.fromJSON(json) : new Client(resources, json)) : new Client(resources);
    if (switching) return;
    const candidates = client.sessions.filter(signedIn);
    if (!sessionChosen) {
      const select = loadOptions.selectInitialSession as KernelLoadOptions['selectInitialSession'];
      setSession(select ? select(client) : candidates.find((s) => s.id === client!.lastActiveSessionId) ?? candidates[0] ?? null);
      sessionChosen = true;
    } else {
      setSession(session ? candidates.find((s) => s.id === session!.id) ?? null : session === undefined ? undefined : null);
    }
    if (loaded) {
      emitResources();
      emitToken();
    }
  }

  async function handleUnauthenticated(): Promise<void> {
    if (!session) return;
    unauthenticatedCheck ??= fapi
      .request<{ response: JSONObject | null }>({ path: '/client' })
      .then(
        (payload) => applyClient(payload?.response ?? null),
        (err) => {
          // FAPI says this client is gone or forbidden: treat the tab as signed out.
          if (err instanceof ClerkAPIResponseError && (err.status === 403 || err.status >= 500)) return setActive({ session: null });
        },
      )
      .finally(() => (unauthenticatedCheck = undefined));
    return unauthenticatedCheck;
  }

  function findSession(ref: Session | string): Session {
    const id = typeof ref === 'string' ? ref : ref.id;
    const found = client?.sessions.find((s) => s.id === id);
    if (!found) throw new ClerkRuntimeError(`setActive(): no session with id "${id}" on this client.`, { code: 'session_not_found' });
    return found;
  }

  function findOrganizationId(target: Session | null, ref: Organization | string | null | undefined): string | null | undefined {
    if (ref === undefined || ref === null || typeof ref !== 'string') return ref === undefined ? undefined : ref?.id ?? null;
    if (ref.startsWith('org_')) return ref;
    const membership = target?.user?.organizationMemberships.find((m) => m.organization.slug === ref);
    if (!membership) throw new ClerkRuntimeError(`setActive(): the user is not a member of an organization with slug "${ref}".`, { code: 'organization_not_found' });
    return membership.organization.id;
  }

  async function setActive(params: SetActiveParams): Promise<void> {
    if (!client) throw new ClerkRuntimeError('setActive() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });
    const { beforeEmit, redirectUrl } = params ?? {};
    let next: Session | null = params.session === undefined ? session ?? null : params.session === null ? null : findSession(params.session);
    const orgId = findOrganizationId(next, params.organization);
    const previousId = session?.id;
    switching = true;
    try {
      if (next) {
        if (orgId !== undefined) next.lastActiveOrganizationId = orgId;
        await next
          .touch({ organizationId: next.lastActiveOrganizationId, intent: orgId !== undefined ? 'select_org' : 'select_session' })
          .catch((err) => {
            if (err instanceof ClerkAPIResponseError && err.status === 401) return;
            throw err;
          });
        // The touch's piggy-backed client rebuilt the sessions: continue with the fresh object.
        next = client.sessions.find((s) => s.id === next!.id && signedIn(s)) ?? null;
        await next?.getToken().catch(() => null);
      }
      if (beforeEmit || redirectUrl) {
        setSession(undefined);
        emitResources();
        if (beforeEmit) await beforeEmit(next);
        else await navigate(redirectUrl!);
      }
      setSession(next);
      sessionChosen = true;
    } catch (err) {
      // A failed switch must not leave listeners on `undefined`: keep what the client still has.
      if (session === undefined) {
        setSession(client.sessions.find((s) => s.id === previousId && signedIn(s)) ?? null);
        emitResources();
        emitToken();
      }
      throw err;
    } finally {
      switching = false;
    }
    emitResources();
    emitToken();
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
    for (const schema of [kernelLoadOptionsSchema, ...plugins.map((p) => p.loadOptions)]) {
      if (schema) parseOptions(schema, rawOptions, 'clerk.load()');
    }
    // Kept as given: the schemas are loose, and options no plugin reads are passed on untouched.
    loadOptions = { ...(rawOptions as object) };
    let degraded = false;
    try {
      // Also outside browsers: the dev browser is what identifies this client to a development FAPI.
      if (instanceType === 'development' && usesDevBrowser(frontendApi)) {
        await rememberDevBrowser(await findDevBrowser(fapi, await cookieSuffix(publishableKey)));
      }
      const [env, clientPayload] = await Promise.allSettled([
        fetchEnvironment(),
        fapi.request<{ response?: JSONObject | null }>({ path: '/client' }),
      ]);
      if (env.status === 'fulfilled') environment = env.value;
      else {
        degraded = true;
        environment = new Environment();
        console.warn('[microclerk] environment could not be loaded; using defaults.', env.reason);
      }
      if (clientPayload.status === 'fulfilled') applyClient(clientPayload.value?.response ?? null);
      else {
        const err = clientPayload.reason;
        if (err instanceof ClerkAPIResponseError && err.status < 500) throw err;
        degraded = true;
        applyClient(null);
        console.warn('[microclerk] client could not be loaded; continuing signed out.', err);
      }
      for (const hook of loadHooks) {
        try {
          await hook(loadOptions);
        } catch (err) {
          degraded = true;
          console.error('[microclerk] a plugin failed to load:', err);
        }
      }
      loaded = true;
      setStatus(degraded ? 'degraded' : 'ready');
      emitResources();
      emitToken();
    } catch (err) {
      setStatus('error');
      loadPromise = undefined;
      throw err;
    }
  }

  function setStatus(next: Status) {
    status = next;
    events.emit('status', next);
  }

  const isSatellite = () => {
    const option = loadOptions.isSatellite as KernelLoadOptions['isSatellite'];
    return typeof option === 'function' ? (page ? !!option(page) : false) : !!option;
  };

  const publicObject = target as ClerkKernel;
  const getters: Record<string, () => unknown> = {
    version: () => VERSION,
    sdkMetadata: () => (loadOptions.sdkMetadata as ClerkKernel['sdkMetadata']) ?? { name: 'microclerk', version: VERSION },
    publishableKey: () => publishableKey,
    instanceType: () => instanceType,
    frontendApi: () => frontendApi,
    proxyUrl: () => proxyUrl,
    domain: () => domain,
    isSatellite,
    loaded: () => loaded,
    status: () => status,
    client: () => client,
    session: () => session,
    user: () => (session === undefined ? undefined : session?.user ?? null),
    organization: () => organization,
    environment: () => environment,
    isSignedIn: () => session?.status === 'active',
  };
  const methods: Pick<ClerkKernel, 'load' | 'isReady' | 'addListener' | 'on' | 'off' | 'setActive' | 'setSession' | 'handleUnauthenticated' | 'destroy'> = {
    load: (opts) => (loadPromise ??= runLoad(opts)),
    isReady: () => loaded,
    addListener(listener, options) {
      const off = events.on('resources', listener);
      if (loaded && client && !options?.skipInitialEmit) listener(snapshot());
      return off;
    },
    on(event, handler, opts) {
      events.on(event, handler);
      if (event === 'status' && opts?.notify) (handler as EventHandler<'status'>)(status);
    },
    off: (event, handler) => events.off(event, handler),
    setActive,
    setSession: (s, beforeEmit) => setActive({ session: s, beforeEmit }),
    handleUnauthenticated,
    destroy() {
      for (const hook of disposeHooks.splice(0).reverse()) hook();
      events.clear();
    },
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(publicObject, name, { get, enumerable: true, configurable: true });
  Object.assign(publicObject, methods);

  const internals: KernelInternals = {
    publishableKey,
    instanceType,
    frontendApi,
    fapi,
    tokens,
    resources,
    clerk: publicObject,
    get client() {
      return client;
    },
    get session() {
      return session;
    },
    get environment() {
      return environment;
    },
    get loadOptions() {
      return loadOptions;
    },
    get standardBrowser() {
      return loadOptions.standardBrowser !== false && typeof window !== 'undefined';
    },
    get devBrowserToken() {
      return devBrowserToken;
    },
    applyClient: (json) => applyClient(json),
    setActive,
    navigate: (to, opts) => navigate(to, opts),
    setNavigator(next) {
      navigate = next;
    },
    setStatus,
    emitResources,
  };

  const apis = new Map<string, object>();
  const owners = new Map<string, string>();
  for (const plugin of plugins) {
    const deps = new Set(plugin.dependsOn ?? []);
    const offs: Array<() => void> = [];
    const context: PluginContext = {
      kernel: internals,
      events: {
        on(event, handler) {
          const off = events.on(event, handler);
          offs.push(off);
          return off;
        },
        off: events.off,
        emit: events.emit,
      },
      get<T>(name: string): T {
        if (!deps.has(name)) {
          throw new ClerkRuntimeError(`Plugin "${plugin.name}" asked for "${name}" without declaring it in dependsOn.`, { code: 'plugin_undeclared_dependency' });
        }
        return apis.get(name) as T;
      },
      onLoad: (fn) => loadHooks.push(fn),
      onDispose: (fn) => disposeHooks.push(fn),
    };
    disposeHooks.push(() => offs.splice(0).forEach((off) => off()));
    const api = plugin.setup(context) ?? {};
    for (const [member, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(api))) {
      if (member in publicObject) {
        throw new ClerkRuntimeError(`Plugin "${plugin.name}" adds "${member}", which ${owners.get(member) ? `plugin "${owners.get(member)}"` : 'the kernel'} already provides.`, {
          code: 'plugin_member_conflict',
        });
      }
      owners.set(member, plugin.name);
      Object.defineProperty(publicObject, member, { ...descriptor, enumerable: true, configurable: true });
    }
    apis.set(plugin.name, api);
  }

  return publicObject as ClerkInstance<P>;
}
