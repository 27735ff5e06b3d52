/** A tiny route table: logical method + path pattern (`:name` segments) → handler. */
import type { RequestContext } from './request-context.js';

export type Handler = (ctx: RequestContext) => Response | Promise<Response>;

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  /** Served without a client identity (no dev browser needed). */
  open: boolean;
  regex: RegExp;
  keys: string[];
}

export function route(method: string, pattern: string, handler: Handler, options: { open?: boolean } = {}): Route {
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern, handler, open: options.open ?? false, regex: new RegExp(`^${source}$`), keys };
}

export type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'method_not_allowed' } | { kind: 'not_found' };

/** Paths compare without a trailing slash (`/me/email_addresses/` = `/me/email_addresses`). */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.regex.exec(normalized);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    candidate.keys.forEach((key, index) => {
      params[key] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { kind: 'found', route: candidate, params };
  }
  return pathMatched ? { kind: 'method_not_allowed' } : { kind: 'not_found' };
}
