/** The OAuth parameters handlers read from a request, and starting a provider step with them. */
import { createOAuthFlow } from '../domain/oauth.js';
import { formError, paramMissing } from '../domain/errors.js';
import type { OAuthFlowTarget, VerificationRecord } from '../domain/records.js';
import type { RequestContext } from '../http/request-context.js';

/** An absolute http(s) URL; relative ones resolve against the page origin the request came from. */
export function oauthRedirectUrl(ctx: RequestContext, name = 'redirect_url'): string {
  const raw = ctx.body.text(name);
  if (!raw) throw paramMissing(name);
  let url: URL;
  try {
    url = ctx.view.origin ? new URL(raw, ctx.view.origin) : new URL(raw);
  } catch {
    throw formError('form_param_format_invalid', name, `${name} must be a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw formError('form_param_format_invalid', name, `${name} must be an http or https URL.`);
  }
  return url.toString();
}

/** Starts a provider step, taking the optional flow parameters ClerkJS sends from the request body. */
export function startOAuthFlow(
  ctx: RequestContext,
  args: { strategy: string; target: OAuthFlowTarget; redirectUrl: string; additionalScopes?: string[]; loginHint?: string | null },
): VerificationRecord {
  return createOAuthFlow(ctx.core, {
    strategy: args.strategy,
    target: args.target,
    redirectUrl: args.redirectUrl,
    actionCompleteRedirectUrl: ctx.body.text('action_complete_redirect_url') ?? null,
    loginHint: args.loginHint ?? ctx.body.text('oidc_login_hint') ?? null,
    additionalScopes: args.additionalScopes ?? [],
    baseUrl: ctx.baseUrl,
  });
}
