/**
 * Which client a request belongs to: development instances name it by the dev-browser token in the
 * query, production instances by the `__client` cookie. Production responses also keep `__client_uat` current.
 */
import type { EmulatorCore } from '../domain/core.js';
import { fapiError } from '../domain/errors.js';
import type { ClientRecord } from '../domain/records.js';
import { CLIENT_COOKIE, clientUatCookie, readCookie } from './cookies.js';
import type { RequestContext } from './request-context.js';
import { appendCookie } from './transport.js';

/** The request's client, or null; `open` routes tolerate a missing dev browser. */
export function resolveClient(core: EmulatorCore, request: Request, url: URL, open: boolean): ClientRecord | null {
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
  return clientId ? (store.clients.get(clientId) ?? null) : null;
}

/** Which sessions of the client are signed in; a change means the response sets `__client_uat`. */
export function signedInState(core: EmulatorCore, client: ClientRecord | null): string {
  return client
    ? core
        .activeSessions(client)
        .map((s) => s.id)
        .sort()
        .join(',')
    : '';
}

/**
 * Production FAPI keeps `__client_uat` current itself (ClerkJS writes it only in development):
 * `floor(updated_at/1000)` while a session is signed in, else 0.
 */
export function withClientUat(core: EmulatorCore, response: Response, ctx: RequestContext | null, before: string): Response {
  if (core.instanceType !== 'production' || !ctx) return response;
  const client = ctx.client;
  if (signedInState(core, client) === before) return response;
  const value = client && core.activeSessions(client).length > 0 ? Math.floor(client.updatedAt / 1000) : 0;
  return appendCookie(response, clientUatCookie(value, ctx.url));
}
