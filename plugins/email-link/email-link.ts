import { ClerkRuntimeError, definePlugin, type ClerkPlugin, type KernelInternals } from '../../kernel/index.js';
import type { NavigationApi } from '../navigation/index.js';
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

const invalid = (what: string) => new ClerkRuntimeError(`handleEmailLinkVerification(): ${what}.`, { code: 'invalid_params' });

function checkParams(params: unknown, customNavigate: unknown): HandleEmailLinkVerificationParams {
  if (params === undefined) params = {};
  if (typeof params !== 'object' || params === null) throw invalid('params must be an object { redirectUrlComplete?, redirectUrl?, onVerifiedOnOtherDevice? }');
  const p = params as Record<string, unknown>;
  for (const key of ['redirectUrlComplete', 'redirectUrl']) {
    if (p[key] != null && typeof p[key] !== 'string') throw invalid(`${key} must be a string, got ${typeof p[key]}`);
  }
  if (p.onVerifiedOnOtherDevice != null && typeof p.onVerifiedOnOtherDevice !== 'function') throw invalid('onVerifiedOnOtherDevice must be a function');
  if (customNavigate != null && typeof customNavigate !== 'function') throw invalid('customNavigate must be a function');
  return p as HandleEmailLinkVerificationParams;
}

/** Query of the landing URL: its search, plus the hash route's query (hash-routed components). */
function landingQuery(page: string | URL | undefined): URLSearchParams {
  const url = new URL(page ?? 'about:blank');
  const query = new URLSearchParams(url.hash.split('?')[1]);
  url.searchParams.forEach((value, key) => query.set(key, value));
  return query;
}

export async function handleEmailLinkVerification(
  kernel: KernelInternals,
  nav: NavigationApi,
  page: () => string | URL | undefined,
  rawParams?: HandleEmailLinkVerificationParams,
  customNavigate?: CustomNavigate,
): Promise<unknown> {
  const params = checkParams(rawParams, customNavigate);
  const client = kernel.client;
  // As ClerkJS: nothing to do before the client is loaded.
  if (!client) return;
  const query = landingQuery(page());
  const status = query.get('__clerk_status');
  if (status === 'expired' || status === 'client_mismatch') throw new EmailLinkError(status);
  if (status !== 'verified') throw new EmailLinkError('failed');

  const go = (to: string | undefined) => {
    if (!to) return;
    if (!customNavigate) return nav.navigate(to);
    // A custom navigator gets only redirects the navigation plugin would follow.
    return customNavigate(nav.isAllowedRedirect(to) ? to : '/');
  };
  const sessionId = query.get('__clerk_created_session');
  if (sessionId && client.sessions.some((s) => s.id === sessionId)) {
    return kernel.setActive({ session: sessionId, beforeEmit: () => go(params.redirectUrlComplete) });
  }
  if (client.signIn.status === 'needs_second_factor' || client.signUp.status === 'missing_requirements') return go(params.redirectUrl);
  params.onVerifiedOnOtherDevice?.();
  return null;
}

/** The email-link plugin: `clerk.handleEmailLinkVerification()` for the page an email link lands on. Needs navigation. */
export function emailLinkPlugin(options: EmailLinkPluginOptions = {}): EmailLinkPlugin {
  const page = options.page ?? (() => globalThis.location?.href);
  return definePlugin({
    name: 'email-link',
    dependsOn: ['navigation'],
    setup(ctx): EmailLinkApi {
      const nav = ctx.get('navigation');
      return {
        handleEmailLinkVerification: (params, customNavigate) => handleEmailLinkVerification(ctx.kernel, nav, page, params, customNavigate),
      };
    },
  });
}
