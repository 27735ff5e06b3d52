import type { AuthenticateWithPopup, Environment, JSONObject, KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';
import { checkExternalParams } from './external-params.js';

/** The Account Portal origin (`clerk.example.com` → `https://accounts.example.com`), where `/popup-callback` lives. */
export const accountsOrigin = (frontendApi: string) =>
  `https://${frontendApi.replace(/clerk\.accountsstage\./, 'accountsstage.').replace(/clerk\.accounts\.|clerk\./, 'accounts.')}`;

/**
 * Where `/popup-callback` is served, and so the one origin whose messages the opener accepts: the Account
 * Portal of the key's Frontend API, as ClerkJS derives it; unless the environment announces its own
 * (`display_config.account_portal_url`, which the emulator sends with its own address and Clerk's FAPI
 * does not), so the popup completes against a local emulator on plain http with nothing rerouted.
 */
export function accountPortal(environment: Environment | undefined, frontendApi: string): { base: string; origin: string } {
  const announced = environment?.displayConfig.accountPortalUrl;
  const url = typeof announced === 'string' && URL.canParse(announced) ? new URL(announced) : null;
  if (url && /^https?:$/.test(url.protocol) && !url.username && !url.password)
    return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
  const origin = accountsOrigin(frontendApi);
  return { base: origin, origin };
}

/** What `/popup-callback` posts: `{ session: 'sess_…' }` or `{ return_url: 'http(s)://…' }`, nothing else. */
function popupMessage(data: unknown): { session: string } | { return_url: string } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { session, return_url: returnUrl } = data as Record<string, unknown>;
  if (typeof session === 'string' && /^sess_[A-Za-z0-9]+$/.test(session)) return { session };
  if (typeof returnUrl === 'string' && URL.canParse(returnUrl) && /^https?:$/.test(new URL(returnUrl).protocol)) return { return_url: returnUrl };
  return null;
}

/**
 * ClerkJS's popup flow: FAPI returns the popup to the Account Portal's `/popup-callback`, which posts
 * `{ session }` (signed in: activate it here and go to `redirectUrlComplete`) or `{ return_url }` (more to
 * do: this page goes to `redirectUrl`, whose `handleRedirectCallback` continues) to its opener.
 * Messages from any other origin or window, or of any other shape, are ignored. Returns the implementation and a disposer.
 */
export function createPopupFlow(kernel: KernelInternals, nav: NavigationApi): { run: AuthenticateWithPopup; dispose(): void } {
  const listeners = new Set<(event: MessageEvent) => void>();
  const stop = (listener: (event: MessageEvent) => void) => {
    listeners.delete(listener);
    window.removeEventListener('message', listener);
  };
  const go = (to: string) => (nav.isAllowedRedirect(to) ? nav.navigate(to) : nav.navigate('/'));

  const run: AuthenticateWithPopup = async (intent, params, start) => {
    const { popup, redirectUrl, redirectUrlComplete } = params;
    if (!popup)
      throw new ClerkRuntimeError('authenticateWithPopup(): the `popup` option is required (a window opened on the click).', { code: 'missing_option' });
    checkExternalParams(params, intent, nav, kernel.client?.signIn);
    const accounts = accountPortal(kernel.environment, kernel.frontendApi);
    // The return page learns where to go after a transfer (modal or not), and which attempt it continues.
    const back = new URL(redirectUrl, typeof window !== 'undefined' ? window.location.href : undefined);
    back.searchParams.set('sign_in_force_redirect_url', redirectUrlComplete);
    back.searchParams.set('sign_up_force_redirect_url', redirectUrlComplete);
    back.searchParams.set('intent', intent);
    const callback = `${accounts.base}/popup-callback`;
    // An announced portal on the Frontend API's own origin is FAPI's page: it names the client by the
    // dev-browser token as every FAPI request does (same-origin URLs get none from buildUrlWithAuth).
    const fapiOrigin = new URL(kernel.fapi.baseUrl, typeof window !== 'undefined' ? window.location.href : undefined).origin;
    const withAuth = (to: string) => {
      if (accounts.origin !== fapiOrigin || !kernel.devBrowserToken) return nav.buildUrlWithAuth(to);
      const url = new URL(to);
      url.searchParams.set('__clerk_db_jwt', kernel.devBrowserToken);
      return url.href;
    };

    const listener = async (event: MessageEvent) => {
      // Only the popup this call opened, on the Account Portal's origin, with the page's message shape.
      if (event.origin !== accounts.origin || event.source !== popup) return;
      const data = popupMessage(event.data);
      if (!data) return;
      if ('session' in data) {
        stop(listener);
        if (!kernel.client?.sessions.some((s) => s.id === data.session)) {
          const payload = await kernel.fapi.request<{ response?: JSONObject | null }>({ path: '/client' }).catch(() => null);
          if (payload) kernel.applyClient(payload.response ?? null);
        }
        await kernel.setActive({ session: data.session, beforeEmit: () => go(redirectUrlComplete) });
      } else {
        stop(listener);
        await go(data.return_url);
      }
    };
    listeners.add(listener);
    window.addEventListener('message', listener);
    try {
      const url = await start({
        redirectUrl: withAuth(`${callback}?return_url=${encodeURIComponent(nav.buildUrlWithAuth(back.href))}`),
        redirectUrlComplete: withAuth(callback),
      });
      popup.location.href = url.href;
    } catch (err) {
      stop(listener);
      throw err;
    }
  };
  return { run, dispose: () => listeners.forEach(stop) };
}
