/** ClerkJS's internals that compat provides, loaded on first use: `__internal_windowNavigate`, `__internal_reloadInitialResources`. */
import type { JSONObject, KernelInternals } from '../../kernel/index.js';

/** The navigation plugin's (and ClerkJS's) static list; repeated, not imported, so that no module is shared with the initial bundle. */
export const DEFAULT_PROTOCOLS = ['http:', 'https:', 'wails:', 'chrome-extension:'];

/**
 * Navigates the window to `to` (resolved against the page) when its protocol is allowed: the static list
 * (`http:`, `https:`, `wails:`, `chrome-extension:`) plus the `allowedRedirectProtocols` load option,
 * unless `useStaticAllowlistOnly`. A scheme-relative `//host` (or `\\host`, which browsers read alike, with
 * any leading spaces, tabs or newlines) is refused, as is any other protocol (`javascript:`): a warning,
 * no navigation. Before leaving, `clerk:beforeunload` is dispatched on `window`, as ClerkJS does.
 */
export function windowNavigate(kernel: KernelInternals, to: URL | string, opts?: { useStaticAllowlistOnly?: boolean }): void {
  if (typeof to === 'string' && /^[/\\][/\\]/.test(to.replace(/^[\0- ]+|[\t\n\r]/g, ''))) {
    console.warn(`Clerk: scheme-relative navigation to "${to}" is not allowed. Provide a same-origin path or an absolute URL.`);
    return;
  }
  const extra = kernel.loadOptions.allowedRedirectProtocols as string[] | undefined;
  const allowed = opts?.useStaticAllowlistOnly ? DEFAULT_PROTOCOLS : DEFAULT_PROTOCOLS.concat(extra ?? []);
  const url = new URL(to, window.location.href);
  if (!allowed.includes(url.protocol)) {
    console.warn(`Clerk: "${url.protocol}" is not a valid navigation protocol. Aborting navigation.`);
    return;
  }
  window.dispatchEvent(new CustomEvent('clerk:beforeunload'));
  window.location.href = url.href;
}

/**
 * Re-reads the environment and the client from FAPI, in parallel (as ClerkJS does after a Dashboard
 * setting changed): the environment object is updated in place (so whatever holds it sees the new
 * settings), the client applied as any FAPI answer, and the resources emitted.
 */
export async function reloadInitialResources(kernel: KernelInternals): Promise<void> {
  const [environment, client] = await Promise.all([
    kernel.fapi.request<JSONObject>({ path: '/environment' }),
    kernel.fapi.request<{ response?: JSONObject | null }>({ path: '/client' }),
  ]);
  const json = (environment && 'response' in environment ? environment.response : environment) as JSONObject | null;
  const current = kernel.environment;
  if (current && json?.object === 'environment') Object.assign(current, new (current.constructor as new (json: JSONObject) => object)(json));
  kernel.applyClient(client?.response ?? null);
  kernel.emitResources();
}
