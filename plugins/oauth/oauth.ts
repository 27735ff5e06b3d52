import { definePlugin, type AuthenticateWithRedirectParams, type ClerkPlugin, type PageLoad, type SignIn, type SignUp } from '../../kernel/index.js';
import type { CustomNavigate, handleRedirectCallback, HandleOAuthCallbackParams, ResumeAfterProtectCheckParams } from './callback.js';
import type { createPopupFlow } from './popup.js';

type DropFirstTwo<T extends unknown[]> = T extends [unknown, unknown, ...infer Rest] ? Rest : never;

/**
 * A sign-in or sign-up a caller hands back: one microclerk returned (`client.signIn`, the attempt
 * `authenticateWithGoogleOneTap()` resolves). Typed by shape so that code typed with ClerkJS's
 * `SignInResource` / `SignUpResource` compiles; any other object is rejected (`invalid_resource`).
 */
export type SignInOrUp = SignIn | SignUp | { readonly id?: string; readonly status: string | null };

export interface OAuthApi {
  /**
   * On the page the provider returns to (`redirectUrl`): finishes the sign-in or sign-up (transfers
   * between them, activates the session) and navigates to the next step, through `customNavigate`
   * when given, else the navigation plugin.
   */
  handleRedirectCallback(params?: HandleOAuthCallbackParams, customNavigate?: CustomNavigate): Promise<unknown>;
  /**
   * `handleRedirectCallback` for a sign-in or sign-up the caller holds (ClerkJS's internal member of
   * that name), e.g. the one a Google One Tap token created; the client's other attempt is read as is.
   */
  __internal_handleResourceCallback(signInOrUp: SignInOrUp, params: HandleOAuthCallbackParams, customNavigate?: CustomNavigate): Promise<unknown>;
  /**
   * `handleRedirectCallback` again once a Clerk Protect challenge that interrupted it was cleared
   * (ClerkJS's internal member of that name): the gates are not routed to again, and
   * `continuation: 'transfer_to_sign_up'` picks up the transfer the callback was making.
   */
  __internal_resumeAfterProtectCheck(params?: ResumeAfterProtectCheckParams, customNavigate?: CustomNavigate): Promise<unknown>;
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
      const callback = (...args: DropFirstTwo<Parameters<typeof handleRedirectCallback>>) =>
        import('./callback.js').then((m) => m.handleRedirectCallback(kernel, nav, ...args));
      ctx.onDispose(() => void popup?.then((flow) => flow.dispose()));
      return {
        handleRedirectCallback: (params, customNavigate) => callback(params, customNavigate),
        __internal_handleResourceCallback: (attempt, params, customNavigate) => callback(params, customNavigate, attempt),
        __internal_resumeAfterProtectCheck: (params, customNavigate) => callback(params, customNavigate, undefined, true),
        // Checked and started by the lazily loaded module, so its messages stay out of the initial bundle.
        authenticateWithRedirect: async (params) => (await import('./external-params.js')).authenticateWithRedirect(kernel, nav, params),
      };
    },
  });
}
