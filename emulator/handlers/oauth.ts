/**
 * The fake OAuth provider's consent page (`/v1/oauth/fake/authorize`) and `/v1/me/external_accounts`.
 * Submitting the page stands in for both the provider and FAPI's OAuth callback: it settles the
 * sign-in, sign-up or external account the flow's `state` belongs to, then redirects to `redirect_url`.
 */
import { formError, notFound, paramMissing, type FapiErrorItem } from '../domain/errors.js';
import { connectionById, ENTERPRISE_SSO, FAKE_IDP_PATH } from '../domain/enterprise-sso.js';
import { assertNotLastIdentification, isEmail } from '../domain/identifiers.js';
import { newId } from '../domain/ids.js';
import {
  defaultProviderEmail,
  FAKE_AUTHORIZE_PATH,
  fakeProfile,
  isOAuthStrategy,
  linkExternalAccount,
  providerOf,
  unlinkExternalAccount,
  userForProfile,
} from '../domain/oauth.js';
import { newVerification, type ExternalAccountRecord, type OAuthFlowRecord, type OAuthProfile, type VerificationRecord } from '../domain/records.js';
import { externalAccountJson } from '../wire/user.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { oauthRedirectUrl, startOAuthFlow } from './oauth-request.js';
import { afterFirstFactor } from './sign-in.js';
import { applyOAuthProfile, completeSignUpIfReady } from './sign-up.js';

const PROVIDER_NAMES: Record<string, string> = { google: 'Google', github: 'GitHub' };

function providerName(strategy: string): string {
  if (strategy === ENTERPRISE_SSO) return 'enterprise';
  const provider = providerOf(strategy);
  return PROVIDER_NAMES[provider] ?? provider.charAt(0).toUpperCase() + provider.slice(1);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // No scripts at all; no form-action limit, because Chrome applies it to the redirect after the POST.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f4f5;margin:0;display:grid;place-items:center;min-height:100vh}' +
  'main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:32px;max-width:380px;width:100%}' +
  'h1{font-size:20px;margin:0 0 8px}p{color:#52525b;font-size:14px}label{display:block;font-size:14px;margin:16px 0}' +
  'input{display:block;width:100%;box-sizing:border-box;padding:8px;margin-top:4px;font-size:15px}' +
  'button{width:100%;padding:10px;margin-top:8px;font-size:15px;border-radius:6px;border:1px solid #d4d4d8;background:#fff;cursor:pointer}' +
  'button[value=allow]{background:#18181b;color:#fff;border-color:#18181b}.error{color:#b91c1c}.note{font-size:12px;color:#71717a}';

function page(title: string, body: string, status: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, { status, headers: PAGE_HEADERS });
}

function messagePage(message: string, status = 400): Response {
  return page('microclerk fake OAuth provider', `<h1>Fake OAuth provider</h1><p class="error">${escapeHtml(message)}</p>`, status);
}

/**
 * The fake enterprise identity provider: it authenticates the email the sign-in started with (the
 * connection was chosen by its domain), so the page shows it without letting it change.
 */
function idpPage(ctx: RequestContext, flow: OAuthFlowRecord): Response {
  const connection = flow.enterpriseConnectionId ? connectionById(ctx.core, flow.enterpriseConnectionId) : undefined;
  if (!connection || !flow.loginHint) return messagePage('This enterprise connection is no longer configured.');
  const protocol = connection.protocol === 'saml' ? 'SAML' : 'OIDC';
  const returnHost = new URL(flow.redirectUrl).host;
  const body =
    `<h1>${escapeHtml(connection.name)} single sign-on</h1>` +
    `<p>${escapeHtml(protocol)} identity provider for <strong>${escapeHtml(connection.domain)}</strong>. ` +
    `Sign in to continue to <strong>${escapeHtml(ctx.core.settings.applicationName)}</strong> (${escapeHtml(returnHost)}).</p>` +
    `<form method="post" action="${escapeHtml(ctx.url.pathname)}">` +
    `<input type="hidden" name="state" value="${escapeHtml(flow.state)}">` +
    `<p>Signed in to ${escapeHtml(connection.name)} as <strong data-email>${escapeHtml(flow.loginHint)}</strong></p>` +
    `<button type="submit" name="action" value="allow">Continue as ${escapeHtml(flow.loginHint)}</button>` +
    `<button type="submit" name="action" value="deny">Cancel</button>` +
    `</form><p class="note">This is the microclerk emulator's fake ${escapeHtml(protocol)} identity provider: no real account is involved.</p>`;
  return page(`${connection.name} single sign-on`, body, 200);
}

function consentPage(ctx: RequestContext, flow: OAuthFlowRecord, email: string, error: string | null, status = 200): Response {
  if (flow.strategy === ENTERPRISE_SSO) return idpPage(ctx, flow);
  const name = providerName(flow.strategy);
  const appName = ctx.core.settings.applicationName;
  const returnHost = new URL(flow.redirectUrl).host;
  const body =
    `<h1>Sign in with ${escapeHtml(name)}</h1>` +
    `<p>to continue to <strong>${escapeHtml(appName)}</strong> (${escapeHtml(returnHost)})</p>` +
    (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '') +
    `<form method="post" action="${escapeHtml(ctx.url.pathname)}">` +
    `<input type="hidden" name="state" value="${escapeHtml(flow.state)}">` +
    `<label>${escapeHtml(name)} account email<input type="email" name="email" value="${escapeHtml(email)}" required autocomplete="email"></label>` +
    `<button type="submit" name="action" value="allow">Continue as ${escapeHtml(email)}</button>` +
    `<button type="submit" name="action" value="deny" formnovalidate>Cancel</button>` +
    `</form><p class="note">This is the microclerk emulator's fake ${escapeHtml(name)}: no real account is involved.</p>`;
  return page(`Sign in with ${name}`, body, status);
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function oauthError(code: string, message: string, longMessage: string, meta: Record<string, unknown> = {}): FapiErrorItem {
  return { code, message, long_message: longMessage, meta };
}

/** The verification a flow settles, if the flow is still the current one for its target. */
function flowVerification(ctx: RequestContext, flow: OAuthFlowRecord): VerificationRecord | null {
  const { store } = ctx.core;
  const target = flow.target;
  let verification: VerificationRecord | null | undefined;
  if (target.kind === 'sign_in') verification = store.signIns.get(target.signInId)?.firstFactorVerification;
  else if (target.kind === 'sign_up') verification = store.signUps.get(target.signUpId)?.externalAccountVerification;
  else verification = store.users.get(target.userId)?.externalAccounts.find((a) => a.id === target.externalAccountId)?.verification;
  return verification && verification.oauthState === flow.state ? verification : null;
}

function touchClientOf(ctx: RequestContext, clientId: string): void {
  const client = ctx.core.store.clients.get(clientId);
  if (client) client.updatedAt = ctx.core.now();
}

/**
 * The provider granted access: sign in, sign up, or attach the account, as the flow's target says.
 * True when that completed the sign-in or sign-up (a session was created).
 */
function settle(ctx: RequestContext, flow: OAuthFlowRecord, verification: VerificationRecord, profile: OAuthProfile): boolean {
  const { core } = ctx;
  const { store } = core;
  const device = { userAgent: ctx.userAgent, ipAddress: ctx.ipAddress };
  const target = flow.target;
  verification.attempts += 1;
  if (target.kind === 'sign_in') {
    const signIn = store.signIns.get(target.signInId)!;
    const client = store.clients.get(signIn.clientId);
    const user = userForProfile(core, profile);
    const owner = store.findUserByExternalAccount(profile.provider, profile.providerUserId);
    const byEmail = store.findUserByEmail(profile.emailAddress);
    if (owner && byEmail && owner.id !== byEmail.id) {
      // The provider account is connected to one user and its email belongs to another: FAPI refuses it.
      verification.status = 'failed';
      verification.error = oauthError(
        'external_account_exists',
        'Account already connected',
        `This ${providerName(flow.strategy)} account is already connected to another user.`,
      );
      signIn.status = 'needs_identifier';
    } else if (!user) {
      // FAPI's shape for an unknown account: the SDK answers with `sign_ups` + `transfer: true`.
      verification.status = 'transferable';
      verification.error = oauthError('external_account_not_found', 'Invalid external account', 'The External Account was not found.');
      signIn.status = 'needs_identifier';
      signIn.oauthProfile = profile;
    } else if (user.lockedUntil !== null && core.now() < user.lockedUntil) {
      verification.status = 'failed';
      verification.error = oauthError('user_locked', 'Account locked', 'Your account is locked.');
    } else {
      linkExternalAccount(core, user, profile);
      signIn.userId = user.id;
      signIn.identifier = profile.emailAddress;
      verification.status = 'verified';
      verification.verifiedAtClient = signIn.clientId;
      const existing = client ? core.activeSessions(client).find((s) => s.userId === user.id) : undefined;
      if (existing) {
        // Already signed in on this browser: FAPI fails the verification and names that session.
        verification.status = 'failed';
        verification.error = oauthError('identifier_already_signed_in', "You're already signed in", "You're already signed in with this account.", {
          session_id: existing.id,
        });
        signIn.status = 'needs_identifier';
      } else {
        afterFirstFactor(core, signIn, user, device);
      }
    }
    signIn.updatedAt = core.now();
    touchClientOf(ctx, signIn.clientId);
    return signIn.status === 'complete';
  }
  if (target.kind === 'sign_up') {
    const signUp = store.signUps.get(target.signUpId)!;
    signUp.oauthProfile = profile;
    if (userForProfile(core, profile)) {
      // The SDK answers with `sign_ins` + `transfer: true`.
      verification.status = 'transferable';
      verification.error = oauthError('external_account_exists', 'Account already exists', 'This account already exists. Please sign in.');
    } else {
      verification.status = 'verified';
      verification.verifiedAtClient = signUp.clientId;
      applyOAuthProfile(core, signUp, profile);
      completeSignUpIfReady(core, signUp, device);
    }
    signUp.updatedAt = core.now();
    touchClientOf(ctx, signUp.clientId);
    return signUp.status === 'complete';
  }
  const user = store.users.get(target.userId)!;
  const account = user.externalAccounts.find((a) => a.id === target.externalAccountId)!;
  const owner = store.findUserByExternalAccount(profile.provider, profile.providerUserId);
  if (owner && owner.id !== user.id) {
    verification.error = oauthError(
      'external_account_exists',
      'Account already connected',
      `This ${providerName(flow.strategy)} account is already connected to another user.`,
    );
    return false;
  }
  const duplicate = user.externalAccounts.find(
    (a) => a !== account && a.profile?.providerUserId === profile.providerUserId && a.profile.provider === profile.provider,
  );
  if (duplicate) unlinkExternalAccount(core, user, duplicate);
  linkExternalAccount(core, user, profile, account);
  for (const session of core.store.userSessions(user.id)) {
    if (core.isSignedIn(session)) touchClientOf(ctx, session.clientId);
  }
  return false;
}

/** FAPI returns a completed flow to `action_complete_redirect_url` (when it is an http(s) URL), any other to `redirect_url`. */
function returnUrl(flow: OAuthFlowRecord, completed: boolean): string {
  if (!completed || !flow.actionCompleteRedirectUrl) return flow.redirectUrl;
  try {
    const url = new URL(flow.actionCompleteRedirectUrl, flow.redirectUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : flow.redirectUrl;
  } catch {
    return flow.redirectUrl;
  }
}

function finish(ctx: RequestContext, flow: OAuthFlowRecord, email: string | undefined, denied: boolean): Response {
  const verification = flowVerification(ctx, flow);
  if (!verification || flow.completed) return messagePage('This sign-in attempt is no longer valid. Start again from the application.');
  let completed = false;
  if (verification.expireAt !== null && ctx.core.now() >= verification.expireAt) {
    verification.status = 'expired';
  } else if (denied) {
    verification.status = 'failed';
    verification.error = oauthError('oauth_access_denied', 'Access denied', `You did not grant access to your ${providerName(flow.strategy)} account.`);
  } else {
    // The identity provider signs in the email the flow started with; a provider page lets the user pick one.
    const address = (flow.strategy === ENTERPRISE_SSO ? flow.loginHint! : (email ?? flow.loginHint ?? defaultProviderEmail(flow.strategy))).trim();
    if (!isEmail(address)) return consentPage(ctx, flow, address, 'Enter a valid email address.', 422);
    completed = settle(ctx, flow, verification, fakeProfile(flow.strategy, address, flow.additionalScopes));
  }
  flow.completed = true;
  ctx.core.store.oauthFlows.delete(flow.state);
  return redirect(returnUrl(flow, completed));
}

function findFlow(ctx: RequestContext, state: string | undefined): OAuthFlowRecord | undefined {
  return state ? ctx.core.store.oauthFlows.get(state) : undefined;
}

/** GET: the consent page; `?auto=1` (optionally `&email=`) or `?deny=1` settle at once, for tests. */
function authorizePage(ctx: RequestContext): Response {
  const flow = findFlow(ctx, ctx.query.get('state') ?? undefined);
  if (!flow) return messagePage('Unknown or already used OAuth state.');
  const email = ctx.query.get('email')?.trim() || undefined;
  if (ctx.query.get('deny') === '1') return finish(ctx, flow, undefined, true);
  if (ctx.query.get('auto') === '1') return finish(ctx, flow, email, false);
  if (!flowVerification(ctx, flow)) return messagePage('This sign-in attempt is no longer valid. Start again from the application.');
  return consentPage(ctx, flow, email ?? flow.loginHint ?? defaultProviderEmail(flow.strategy), null);
}

/** POST from the consent form: `email`, `action=allow|deny`. */
function authorizeSubmit(ctx: RequestContext): Response {
  const flow = findFlow(ctx, ctx.body.text('state') ?? ctx.query.get('state') ?? undefined);
  if (!flow) return messagePage('Unknown or already used OAuth state.');
  return finish(ctx, flow, ctx.body.text('email') ?? '', ctx.body.text('action') === 'deny');
}

// ---- /v1/me/external_accounts ----

/** `additional_scope` may come repeated, comma-split or space-separated. */
function additionalScopes(ctx: RequestContext): string[] {
  return ctx.body
    .all('additional_scope')
    .flatMap((s) => s.split(/[\s,]+/))
    .filter(Boolean);
}

function findAccount(ctx: RequestContext) {
  const { user } = ctx.currentUser();
  const account = user.externalAccounts.find((a) => a.id === ctx.params.id);
  if (!account) throw notFound('external account');
  return { user, account };
}

function createExternalAccount(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const strategy = ctx.body.text('strategy');
  if (!strategy) throw paramMissing('strategy');
  if (!isOAuthStrategy(strategy)) throw formError('strategy_for_user_invalid', 'strategy', `${strategy} is not an OAuth strategy.`);
  const redirectUrl = oauthRedirectUrl(ctx);
  const now = ctx.core.now();
  const account: ExternalAccountRecord = {
    id: newId('eac'),
    identificationId: newId('idn'),
    profile: null,
    strategy,
    label: null,
    publicMetadata: {},
    verification: newVerification(strategy),
    createdAt: now,
    updatedAt: now,
  };
  account.verification = startOAuthFlow(ctx, {
    strategy,
    target: { kind: 'external_account', userId: user.id, externalAccountId: account.id },
    redirectUrl,
    additionalScopes: additionalScopes(ctx),
  });
  user.externalAccounts.push(account);
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(externalAccountJson(account));
}

function reauthorizeExternalAccount(ctx: RequestContext): Response {
  const { user, account } = findAccount(ctx);
  const redirectUrl = oauthRedirectUrl(ctx);
  const granted = account.profile?.approvedScopes.split(' ').filter(Boolean) ?? [];
  account.verification = startOAuthFlow(ctx, {
    strategy: account.strategy,
    target: { kind: 'external_account', userId: user.id, externalAccountId: account.id },
    redirectUrl,
    additionalScopes: [...granted, ...additionalScopes(ctx)],
    loginHint: account.profile?.emailAddress ?? null,
  });
  account.updatedAt = ctx.core.now();
  user.updatedAt = account.updatedAt;
  ctx.touchClient();
  return ctx.envelope(externalAccountJson(account));
}

function deleteExternalAccount(ctx: RequestContext): Response {
  const { user, account } = findAccount(ctx);
  assertNotLastIdentification(user);
  unlinkExternalAccount(ctx.core, user, account);
  ctx.touchClient();
  return ctx.envelope({ object: 'external_account', id: account.id, deleted: true });
}

export const oauthRoutes: Route[] = [
  route('GET', FAKE_AUTHORIZE_PATH, authorizePage, { open: true }),
  route('POST', FAKE_AUTHORIZE_PATH, authorizeSubmit, { open: true }),
  route('GET', FAKE_IDP_PATH, authorizePage, { open: true }),
  route('POST', FAKE_IDP_PATH, authorizeSubmit, { open: true }),
  route('POST', '/me/external_accounts', createExternalAccount),
  route('GET', '/me/external_accounts/:id', (ctx) => ctx.envelope(externalAccountJson(findAccount(ctx).account))),
  route('DELETE', '/me/external_accounts/:id', deleteExternalAccount),
  route('PATCH', '/me/external_accounts/:id/reauthorize', reauthorizeExternalAccount),
];
