/** `handleEmailLinkVerification`: what the email-link plugin loads when a landing page calls it. */
import type { KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';
import type { CustomNavigate, HandleEmailLinkVerificationParams } from './email-link.js';
// Type only: the class comes from the plugin's entry, so errors.ts stays in the initial bundle alone (no shared chunk).
import type { EmailLinkError } from './errors.js';

/** Expected `typeof` of each argument field (`null`/`undefined` always pass). */
const EXPECTED: Record<string, string> = {
  redirectUrlComplete: 'string',
  redirectUrl: 'string',
  onVerifiedOnOtherDevice: 'function',
  customNavigate: 'function',
};

function checkParams(params: unknown = {}, customNavigate?: unknown): HandleEmailLinkVerificationParams {
  const fields = { ...(params as object), customNavigate } as Record<string, unknown>;
  const bad =
    params === null || typeof params !== 'object' ? 'params' : Object.keys(EXPECTED).find((k) => fields[k] != null && typeof fields[k] !== EXPECTED[k]);
  if (bad)
    throw new ClerkRuntimeError(`handleEmailLinkVerification(): ${bad} must be a${bad === 'params' ? 'n object' : ` ${EXPECTED[bad]}`}.`, {
      code: 'invalid_params',
    });
  return params as HandleEmailLinkVerificationParams;
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
  Failure: typeof EmailLinkError,
  rawParams?: HandleEmailLinkVerificationParams,
  customNavigate?: CustomNavigate,
): Promise<unknown> {
  const params = checkParams(rawParams, customNavigate);
  const client = kernel.client;
  // As ClerkJS: nothing to do before the client is loaded.
  if (!client) return;
  const query = landingQuery(page());
  const status = query.get('__clerk_status');
  if (status === 'expired' || status === 'client_mismatch') throw new Failure(status);
  if (status !== 'verified') throw new Failure('failed');

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
