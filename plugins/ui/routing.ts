/** Routing inside a component: the current step from the page path, the URL hash, or memory (modals). */
import type { KernelInternals } from '../../kernel/index.js';
import { safeUrl } from '../../kernel/lazy-kit.js';
import type { Routing } from './index.js';

const HTTP_PROTOCOLS = ['http:', 'https:'];

export const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

/** Page query (search, plus the hash route's query). */
export function readQuery(): URLSearchParams {
  const query = new URLSearchParams(location.search);
  const hashQuery = location.hash.split('?')[1];
  if (hashQuery) new URLSearchParams(hashQuery).forEach((value, key) => query.set(key, value));
  return query;
}

/** The current step ('' = start) for `routing` under the base path `base`. */
export function readRoute(routing: Routing, base: string): string {
  if (routing === 'hash') return trimSlashes(location.hash.slice(1).split('?')[0]);
  if (routing === 'path') {
    const path = location.pathname;
    return path.startsWith(base) ? trimSlashes(path.slice(base.length)) : '';
  }
  return '';
}

/** Moving between steps and linking to them, for one render root. */
export function createStepRouter(routing: Routing, base: string, kernel: KernelInternals, setRoute: (step: string) => void) {
  const prefix = base === '/' ? '' : base;
  return {
    async navigate(step: string) {
      if (routing === 'virtual') return setRoute(step);
      if (routing === 'hash') {
        const hashQuery = location.hash.split('?')[1];
        location.hash = `/${step}${hashQuery ? `?${hashQuery}` : ''}`;
        return setRoute(step);
      }
      await kernel.navigate(`${prefix}${step ? `/${step}` : ''}${location.search}`);
      setRoute(readRoute(routing, base) || step);
    },
    /** Absolute URL of a step (email links and OAuth come back there). */
    stepUrl(step: string) {
      if (routing === 'path') return `${location.origin}${prefix}/${step}`;
      return `${location.href.split('#')[0]}#/${step}`;
    },
  };
}

/** An http(s) URL that is no trick to leave the app (the kernel's check, which navigation uses too); for links and FAPI-provided redirects. */
export function isSafeUrl(url: unknown): url is string {
  return typeof url === 'string' && !!url && !!safeUrl(url, new URL(location.href), HTTP_PROTOCOLS);
}
