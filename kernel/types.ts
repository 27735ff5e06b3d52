import type { Resources, EventHandler, EventName, Status } from './events.js';
import type { FapiClient } from './fapi.js';
import type { ClerkConstructorOptions, InstanceType } from './options.js';
import type { ClerkPlugin, PluginsApi, PluginsLoadOptions } from './plugin.js';
import type { ResourceContext } from './resources/base.js';
import type { Client, SignedInSession } from './resources/client.js';
import type { Environment } from './resources/environment.js';
import type { Organization } from './resources/organization.js';
import type { TokenCache } from './resources/token.js';
import type { JSONObject } from './resources/base.js';

/** The `load()` options the kernel itself reads; each plugin adds its own. */
export interface KernelLoadOptions {
  /**
   * Picks the session to start with (one of `client.sessions`, read by id; anything else means none);
   * default: the client's last active one.
   */
  selectInitialSession?: (client: Client) => { id: string } | null;
  /** false in non-browser hosts (extensions, native): no dev-browser cookie, no cookies, no poller. */
  standardBrowser?: boolean;
  isSatellite?: boolean | ((url: URL) => boolean);
  sdkMetadata?: { name: string; version: string; environment?: string };
}

export interface SetActiveParams {
  /** A session (only its `id` is read), its id, `null` to sign out this tab, or omitted to keep the current one. */
  session?: { id: string } | string | null;
  /** An organization (only its `id` is read), its `org_…` id or slug, or `null` for the personal workspace. */
  organization?: { id: string } | string | null;
  /** Called while the state reads `undefined`, before the new session is emitted (legacy). */
  beforeEmit?: (session: SignedInSession | null) => void | Promise<unknown>;
  /** Navigate here (through the navigation capability) before the new session is emitted. */
  redirectUrl?: string;
  /**
   * The app's own navigation, called (instead of `redirectUrl`/`beforeEmit`) with the new session before it is
   * emitted; `decorateUrl(url)` wraps a destination for Safari's cookie limit (a `/client/touch` URL when due).
   */
  navigate?: (params: { session: SignedInSession; decorateUrl: (url: string) => string }) => void | Promise<unknown>;
}

export type Navigate = (to: string, options?: { replace?: boolean }) => Promise<unknown>;

/** A full page load to another site (an OAuth provider), never through the app's router. */
export type PageLoad = (url: URL) => void;

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
  /**
   * Why the client could not be loaded (a coded ClerkRuntimeError or a ClerkAPIResponseError), while
   * `status` is `degraded` because of it; null once a later GET /v1/client succeeds.
   */
  readonly loadError: Error | null;
  readonly client: Client | undefined;
  readonly session: SignedInSession | null | undefined;
  readonly user: Resources['user'];
  readonly organization: Organization | null | undefined;
  readonly environment: Environment | undefined;
  /** True when a session is active (a `pending` session is not signed in). */
  readonly isSignedIn: boolean;
  /** True while `setActive()` switches the session or organization (ClerkJS's flag of that name). */
  readonly __internal_setActiveInProgress: boolean;
  load(options?: KernelLoadOptions & LoadOptions): Promise<void>;
  /** Calls `listener` now (once loaded) and on every change of client, session, user or organization. */
  addListener(listener: (resources: Resources) => void, options?: { skipInitialEmit?: boolean }): () => void;
  on<E extends EventName>(event: E, handler: EventHandler<E>, options?: { notify?: boolean }): void;
  off<E extends EventName>(event: E, handler: EventHandler<E>): void;
  setActive(params: SetActiveParams): Promise<void>;
  /** Re-reads the client after a 401; signs this tab out if its session is gone. Rejects if the client cannot be read. */
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
  readonly session: SignedInSession | null | undefined;
  readonly environment: Environment | undefined;
  /** The `load()` options as given, untyped; a plugin reads its own typed through `ctx.loadOptions`. */
  readonly loadOptions: Readonly<Record<string, unknown>>;
  readonly standardBrowser: boolean;
  /**
   * The client was built locally after an outage (from the session cookie, or signed out), not read
   * from FAPI: nothing may be concluded from it about the server's state (e.g. to clear cookies).
   */
  readonly clientUnconfirmed: boolean;
  readonly devBrowserToken: string | undefined;
  /** Applies a client JSON from FAPI (as every piggy-backed response does) and emits the change; the JSON is kept (do not modify it). */
  applyClient(json: JSONObject | null): void;
  /**
   * Applies a client JSON another tab received from FAPI, without any request: resources are updated in
   * place, and when this tab's session is gone (or it has none) it takes `sessionId` if that is signed
   * in. Not announced as the `client` event. False when not applied (not loaded, or a setActive in flight).
   */
  applyClientSnapshot(json: JSONObject | null, sessionId?: string | null): boolean;
  setActive(params: SetActiveParams): Promise<void>;
  /** Sends this tab to `to` through the `navigate` capability (a plain page load without one). */
  navigate: Navigate;
  setStatus(status: Status): void;
  emitResources(): void;
}

export interface CreateClerkOptions<P extends readonly ClerkPlugin[]> extends ClerkConstructorOptions {
  publishableKey: string;
  plugins?: P;
}

/** The public object: the kernel plus the members each plugin's `setup` returns. */
export type ClerkInstance<P extends readonly ClerkPlugin[]> = ClerkKernel<PluginsLoadOptions<P> & object> & PluginsApi<P>;
