/** The OAuth parameters handlers read from a request, and starting a provider step with them. */
import { createOAuthFlow } from '../domain/oauth.js';
import { fapiError, formError, paramMissing } from '../domain/errors.js';
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
  return allowedRedirect(ctx, url, name);
}

/** `url` when its origin is one the emulator trusts (its own, the allowed app origins); otherwise a 400. */
export function allowedRedirect(ctx: RequestContext, url: URL, name = 'redirect_url'): string {
  if (!ctx.allowsOrigin(url.origin) || url.username || url.password) {
    throw fapiError(
      400,
      'invalid_redirect_url',
      `${name} is not allowed.`,
      `${name} "${url.href}" is not on an allowed origin (the emulator's allowedOrigins).`,
      {
        param_name: name,
      },
    );
  }
  return url.toString();
}

/** Starts a provider step, taking the optional flow parameters ClerkJS sends from the request body. */
export function startOAuthFlow(
  ctx: RequestContext,
  args: {
    strategy: string;
    target: OAuthFlowTarget;
    redirectUrl: string;
    additionalScopes?: string[];
    loginHint?: string | null;
    enterpriseConnectionId?: string | null;
  },
): VerificationRecord {
  const complete = ctx.body.text('action_complete_redirect_url') ?? null;
  // Where a completed flow goes (relative to redirect_url): an allowed origin too, when it is an http(s) URL.
  const completeUrl = complete && URL.canParse(complete, args.redirectUrl) ? new URL(complete, args.redirectUrl) : null;
  if (completeUrl && /^https?:$/.test(completeUrl.protocol)) allowedRedirect(ctx, completeUrl, 'action_complete_redirect_url');
  // The page a popup flow reports back to: its return_url (ClerkJS puts the app's page there), else the requesting page.
  const back = new URL(args.redirectUrl).searchParams.get('return_url');
  const origin = back && URL.canParse(back) ? new URL(back).origin : ctx.view.origin;
  if (ctx.client && origin && ctx.allowsOrigin(origin)) ctx.client.providerStepOrigin = origin;
  return createOAuthFlow(ctx.core, {
    strategy: args.strategy,
    target: args.target,
    redirectUrl: args.redirectUrl,
    actionCompleteRedirectUrl: complete,
    loginHint: args.loginHint ?? ctx.body.text('oidc_login_hint') ?? null,
    additionalScopes: args.additionalScopes ?? [],
    enterpriseConnectionId: args.enterpriseConnectionId ?? null,
    baseUrl: ctx.baseUrl,
  });
}
