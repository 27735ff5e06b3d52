import { definePlugin, type AuthenticateWithRedirectParams, type ClerkPlugin, type PageLoad } from '../../kernel/index.js';
import type { CustomNavigate, HandleOAuthCallbackParams } from './callback.js';
import type { createPopupFlow } from './popup.js';

export interface OAuthApi {
  /**
   * On the page the provider returns to (`redirectUrl`): finishes the sign-in or sign-up (transfers
   * between them, activates the session) and navigates to the next step, through `customNavigate`
   * when given, else the navigation plugin.
   */
  handleRedirectCallback(params?: HandleOAuthCallbackParams, customNavigate?: CustomNavigate): Promise<unknown>;
  /** `client.signIn.authenticateWithRedirect(params)`, or the sign-up's with `flow: 'signUp'`. */
  authenticateWithRedirect(params: AuthenticateWithRedirectParams & { flow?: 'signIn' | 'signUp' }): Promise<void>;
}

export interface OAuthPluginOptions {
  /** How to leave for the provider; default `window.location.assign`. Tests and native hosts pass their own. */
  pageLoad?: PageLoad;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    oauth: OAuthApi;
  }
}

export type OAuthPlugin = ClerkPlugin<'oauth', OAuthApi>;

/**
 * The OAuth plugin: `handleRedirectCallback`, the popup flow of `signIn/signUp.authenticateWithPopup`,
 * and (optionally) the page load `authenticateWithRedirect` uses. Needs the navigation plugin.
 */
export function oauthPlugin(options: OAuthPluginOptions = {}): OAuthPlugin {
  const { pageLoad } = options;
  return definePlugin({
    name: 'oauth',
    dependsOn: ['navigation'],
    provides: pageLoad ? ['authenticateWithPopup', 'pageLoad'] : ['authenticateWithPopup'],
    setup(ctx): OAuthApi {
      const { kernel } = ctx;
      const nav = ctx.get('navigation');
      // The flows are loaded on first use, so the initial bundle of an app carries only these stubs.
      let popup: Promise<ReturnType<typeof createPopupFlow>> | undefined;
      ctx.provide('authenticateWithPopup', async (...args) => {
        popup ??= import('./popup.js').then((m) => m.createPopupFlow(kernel, nav));
        return (await popup).run(...args);
      });
      if (pageLoad) ctx.provide('pageLoad', pageLoad);
      ctx.onDispose(() => void popup?.then((flow) => flow.dispose()));
      return {
        handleRedirectCallback: async (params, customNavigate) => (await import('./callback.js')).handleRedirectCallback(kernel, nav, params, customNavigate),
        // Checked and started by the lazily loaded module, so its messages stay out of the initial bundle.
        authenticateWithRedirect: async (params) => (await import('./external-params.js')).authenticateWithRedirect(kernel, nav, params),
      };
    },
  });
}
