import { definePlugin, type ClerkPlugin } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import { EmailLinkError } from './errors.js';

/** ClerkJS's `HandleEmailLinkVerificationParams`. */
export interface HandleEmailLinkVerificationParams {
  /** Where to go once the link created a session on this client (signed in / signed up here). */
  redirectUrlComplete?: string;
  /** Where to go when this client still has steps to do (a second factor, missing sign-up fields). */
  redirectUrl?: string;
  /** Called when the link was verified for another client (device or browser); that one completes. */
  onVerifiedOnOtherDevice?: () => void;
}

export type CustomNavigate = (to: string) => Promise<unknown>;

export interface EmailLinkApi {
  /**
   * On the page an email link lands on: reads `__clerk_status` / `__clerk_created_session` from the page
   * URL; activates the created session (then `redirectUrlComplete`), continues (`redirectUrl`), or calls
   * `onVerifiedOnOtherDevice`. Rejects with an {@link EmailLinkError} (`expired`, `failed`,
   * `client_mismatch`) otherwise. Navigates through `customNavigate` when given, else the navigation plugin.
   */
  handleEmailLinkVerification(params?: HandleEmailLinkVerificationParams, customNavigate?: CustomNavigate): Promise<unknown>;
}

export interface EmailLinkPluginOptions {
  /** The landing page's URL; default `location.href`. Tests and native hosts pass their own. */
  page?: () => string | URL | undefined;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'email-link': EmailLinkApi;
  }
}

export type EmailLinkPlugin = ClerkPlugin<'email-link', EmailLinkApi>;

/** The email-link plugin: `clerk.handleEmailLinkVerification()` for the page an email link lands on. Needs navigation. */
export function emailLinkPlugin(options: EmailLinkPluginOptions = {}): EmailLinkPlugin {
  const page = options.page ?? (() => globalThis.location?.href);
  return definePlugin({
    name: 'email-link',
    dependsOn: ['navigation'],
    setup(ctx): EmailLinkApi {
      const nav = ctx.get('navigation');
      return {
        // Loaded on use: only the page a link lands on needs it, so it stays out of the initial bundle.
        handleEmailLinkVerification: (params, customNavigate) =>
          import('./verify.js').then((m) => m.handleEmailLinkVerification(ctx.kernel, nav, page, EmailLinkError, params, customNavigate)),
      };
    },
  });
}
