import type { AuthenticateWithPopup, JSONObject, KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/errors.js';
import type { NavigationApi } from '../navigation/index.js';
import { checkExternalParams } from './external-params.js';

/** The Account Portal origin (`clerk.example.com` → `https://accounts.example.com`), where `/popup-callback` lives. */
export const accountsOrigin = (frontendApi: string) =>
  `https://${frontendApi.replace(/clerk\.accountsstage\./, 'accountsstage.').replace(/clerk\.accounts\.|clerk\./, 'accounts.')}`;

/**
 * ClerkJS's popup flow: FAPI returns the popup to the Account Portal's `/popup-callback`, which posts
 * `{ session }` (signed in: activate it here and go to `redirectUrlComplete`) or `{ return_url }` (more to
 * do: this page goes to `redirectUrl`, whose `handleRedirectCallback` continues) to its opener.
 * Messages from any other origin are ignored. Returns the implementation and a disposer.
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
    const accounts = accountsOrigin(kernel.frontendApi);
    // The return page learns where to go after a transfer (modal or not), and which attempt it continues.
    const back = new URL(redirectUrl, typeof window !== 'undefined' ? window.location.href : undefined);
    back.searchParams.set('sign_in_force_redirect_url', redirectUrlComplete);
    back.searchParams.set('sign_up_force_redirect_url', redirectUrlComplete);
    back.searchParams.set('intent', intent);
    const callback = `${accounts}/popup-callback`;

    const listener = async (event: MessageEvent) => {
      if (event.origin !== accounts) return;
      const data = (event.data ?? {}) as { session?: string; return_url?: string };
      if (data.session) {
        stop(listener);
        if (!kernel.client?.sessions.some((s) => s.id === data.session)) {
          const payload = await kernel.fapi.request<{ response?: JSONObject | null }>({ path: '/client' }).catch(() => null);
          if (payload) kernel.applyClient(payload.response ?? null);
        }
        await kernel.setActive({ session: data.session, beforeEmit: () => go(redirectUrlComplete) });
      } else if (data.return_url) {
        stop(listener);
        await go(data.return_url);
      }
    };
    listeners.add(listener);
    window.addEventListener('message', listener);
    try {
      const url = await start({
        redirectUrl: nav.buildUrlWithAuth(`${callback}?return_url=${encodeURIComponent(nav.buildUrlWithAuth(back.href))}`),
        redirectUrlComplete: nav.buildUrlWithAuth(callback),
      });
      popup.location.href = url.href;
    } catch (err) {
      stop(listener);
      throw err;
    }
  };
  return { run, dispose: () => listeners.forEach(stop) };
}
