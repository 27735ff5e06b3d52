import { decodeJwt, definePlugin } from '../../kernel/index.js';
import { cookieAttributes, cookieSuffix, readCookie, writeCookie } from '../../kernel/dev-browser.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'session-sync': Record<never, never>;
  }
}

/** The kernel's cookie and token helpers the cookie writer uses (lazy code takes them from here, see test/bundle/lazy-imports.test.ts). */
export interface CookieKit {
  decodeJwt: typeof decodeJwt;
  readCookie: typeof readCookie;
  writeCookie: typeof writeCookie;
  cookieAttributes: typeof cookieAttributes;
}

/**
 * Writes the cookies server-side frameworks read: `__session` (the current session token) and, for
 * development instances, `__client_uat` (when the client last changed, 0 when signed out). Off when
 * `standardBrowser` is false or there is no document.
 */
export function sessionSyncPlugin() {
  return definePlugin({
    name: 'session-sync',
    setup(ctx) {
      // The writer is fetched alongside load()'s requests (as the compat plugin's futures are); load() waits for it.
      const loading = import('./sync.js');
      loading.catch(() => {}); // reported through the load hook
      let stop = () => {};
      ctx.onLoad(async () => {
        const { startSync } = await loading;
        if (!ctx.kernel.standardBrowser || typeof document === 'undefined') return;
        stop = startSync(ctx, await cookieSuffix(ctx.kernel.publishableKey), { decodeJwt, readCookie, writeCookie, cookieAttributes });
      });
      ctx.onDispose(() => stop());
      return {};
    },
  });
}
