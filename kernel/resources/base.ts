import { expectObject } from '../errors.js';
import { snakeToCamel } from '../case.js';
import type { FapiClient, FapiMethod } from '../fapi.js';
import type { AuthenticateWithPopup } from './external-auth.js';
import type { TokenCache } from './token.js';
import type { EmailLinkKind } from './auth-methods.js';

/** What every resource needs from the kernel: the FAPI client and the shared token cache. */
export interface ResourceContext {
  readonly fapi: FapiClient;
  readonly tokens: TokenCache;
  /** A session's default token (no template, its current organization) changed; null = none. */
  onSessionToken(sessionId: string, jwt: string | null): void;
  /** A full page load to an OAuth provider (the `pageLoad` capability, else `window.location.assign`); rejects for an unsafe URL. */
  pageLoad(url: URL): unknown;
  /** The popup flow (the `authenticateWithPopup` capability); rejects when no plugin provides it. */
  authenticateWithPopup: AuthenticateWithPopup;
}

export type JSONObject = Record<string, unknown>;

/** Map keys whose children are names, not fields (`attributes.email_address`), so they keep their spelling. */
const NAME_KEYED = new Set(['attributes', 'social', 'preferred_channels', 'enterprise_sso']);

/**
 * FAPI JSON → the camelCase shape ClerkJS exposes: keys camelCased, `*_at` epoch-ms numbers become
 * Dates, and `*_metadata` values are left exactly as the app stored them. An object's fields are
 * written into `out` (a resource fills itself: no copy to copy again).
 */
export function camelize(value: unknown, keepKeys = false, skip?: ReadonlySet<string>, out: JSONObject = {}): any {
  if (Array.isArray(value)) return value.map((item) => camelize(item));
  if (!value || typeof value !== 'object') return value;
  for (const key in value) {
    // Child resources are built by `hydrate` from the raw JSON: converting them here too would be wasted work.
    if (skip?.has(key)) continue;
    const inner = (value as JSONObject)[key];
    // Most values are strings, booleans and null: they are copied without a call.
    out[keepKeys ? key : snakeToCamel(key)] =
      inner && typeof inner == 'object'
        ? key.endsWith('_metadata')
          ? inner
          : camelize(inner, NAME_KEYED.has(key))
        : typeof inner == 'number' && key.endsWith('_at')
          ? new Date(inner)
          : (inner ?? (key.endsWith('_metadata') ? {} : inner));
  }
  return out;
}

/** A FAPI resource: plain camelCase data plus methods that call FAPI and update the object in place. */
export abstract class BaseResource {
  declare id: string;
  /** @internal The kernel's context (non-enumerable); public only for method bodies kept outside the class. */
  declare readonly _ctx: ResourceContext;

  constructor(ctx: ResourceContext, json?: JSONObject | null) {
    // Non-enumerable so that spreading or serialising a resource shows only its data.
    Object.defineProperty(this, '_ctx', { value: ctx });
    this.fromJSON(json ?? null);
  }

  /** Keys of the wire JSON that `hydrate` turns into child resources (left out of the plain camelCase copy). */
  protected static readonly childKeys?: ReadonlySet<string>;

  /** Replaces this object's data with `json` (null clears it); child resources of the same id are updated in place. */
  fromJSON(json: JSONObject | null): this {
    const data = json ?? {};
    camelize(data, false, (this.constructor as typeof BaseResource).childKeys, this as unknown as JSONObject);
    this.hydrate(data);
    return this;
  }

  /** Turns nested JSON into child resources; the fields still hold the previous children, to update in place. */
  protected hydrate(_json: JSONObject): void {}

  /** @internal Calls FAPI and refreshes this resource from the `response` it returns. */
  async _mutate(method: FapiMethod, path: string, body?: Record<string, unknown> | FormData | string): Promise<this> {
    // A method's params object arrives here as the body: `null`, a number or an array is the caller's mistake.
    if (typeof body !== 'string' && !(typeof FormData !== 'undefined' && body instanceof FormData)) expectObject(body, `${method} ${path}`, 'params', true);
    const payload = await this._ctx.fapi.request<{ response?: JSONObject } | null>({ method, path, body });
    return this.fromJSON(payload?.response ?? (payload as JSONObject | null));
  }

  /** @internal */
  async _reload(path: string): Promise<this> {
    const payload = await this._ctx.fapi.request<{ response?: JSONObject }>({ path, forceUpdateClient: true });
    return this.fromJSON(payload?.response ?? null);
  }
}

/**
 * Child resources for `items`, reusing the object of the same id from `current` (updated in place) so
 * that objects an app holds stay live across client refreshes.
 */
export function syncById<T extends BaseResource>(current: readonly T[] | undefined, items: unknown, make: (json: JSONObject) => T): T[] {
  const byId = new Map(current?.map((r) => [r.id, r]));
  return ((items as JSONObject[] | null) ?? []).map((json) => byId.get(json.id as string)?.fromJSON(json) ?? make(json));
}

/** ClerkJS's email-link flow object: start sends the link and waits; cancel stops waiting. */
export interface EmailLinkFlow<R, P> {
  startEmailLinkFlow(params: P): Promise<R>;
  cancelEmailLinkFlow(): void;
}

/**
 * ClerkJS's email-link flow object of `resource`: `start` sends the link and resolves once it was opened
 * (or expired); `cancel` stops waiting. The sending and waiting load with the sign-in methods.
 */
export function emailLinkFlow<R extends BaseResource, P extends { redirectUrl: string }>(resource: R, kind: EmailLinkKind): EmailLinkFlow<R, P> {
  const state = { cancelled: false };
  return {
    async startEmailLinkFlow(params) {
      state.cancelled = false;
      return (await import('./auth-methods.js')).runEmailLinkFlow(resource, kind, params, state);
    },
    cancelEmailLinkFlow() {
      state.cancelled = true;
    },
  };
}
