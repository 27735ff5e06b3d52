/** Environment, client, dev browser, JWKS and email-link verification. */
import { fapiError, paramInvalid, paramMissing } from '../domain/errors.js';
import { randomToken } from '../domain/ids.js';
import type { ClientRecord, VerificationRecord } from '../domain/records.js';
import { environmentJson } from '../wire/environment.js';
import { CLIENT_COOKIE, readCookie } from '../http/cookies.js';
import type { RequestContext } from '../http/request-context.js';
import { withCookies } from '../http/transport.js';
import { route, type Route } from '../http/router.js';
import { allowedRedirect } from './oauth-request.js';
import { afterFirstFactor } from './sign-in.js';
import { completeSignUpIfReady } from './sign-up.js';

function createDevBrowser(ctx: RequestContext): Response {
  const client = ctx.core.store.createClient(ctx.core.now());
  const token = `dvb_${randomToken(27)}`;
  ctx.core.store.devBrowsers.set(token, client.id);
  ctx.responseHeaders.set('Clerk-Db-Jwt', token);
  return ctx.json({ id: token, token });
}

function getClient(ctx: RequestContext): Response {
  if (!ctx.client) return ctx.json({ response: null, client: null });
  const json = ctx.clientJson();
  return ctx.json({ response: json, client: json });
}

function putClient(ctx: RequestContext): Response {
  ctx.requireClient();
  const json = ctx.clientJson();
  return ctx.json({ response: json, client: json });
}

/** Points every dev browser and cookie of `from` at a fresh client. */
function replaceClient(ctx: RequestContext, from: ClientRecord): ClientRecord {
  const { store } = ctx.core;
  const fresh = store.createClient(ctx.core.now());
  for (const map of [store.devBrowsers, store.clientCookies]) {
    for (const [key, clientId] of map) if (clientId === from.id) map.set(key, fresh.id);
  }
  store.clients.delete(from.id);
  return fresh;
}

function endAllSessions(ctx: RequestContext, client: ClientRecord): void {
  for (const session of ctx.core.activeSessions(client)) ctx.core.endSession(session, 'ended');
  client.lastActiveSessionId = null;
  client.updatedAt = ctx.core.now();
}

function deleteClient(ctx: RequestContext): Response {
  if (!ctx.client) return ctx.json({ response: null, client: null });
  endAllSessions(ctx, ctx.client);
  ctx.client = replaceClient(ctx, ctx.client);
  const json = ctx.clientJson();
  return ctx.json({ response: json, client: json });
}

function signOutAll(ctx: RequestContext): Response {
  if (!ctx.client) return ctx.json({ response: null, client: null });
  endAllSessions(ctx, ctx.client);
  const json = ctx.clientJson();
  return ctx.json({ response: json, client: json });
}

/**
 * `GET /client/touch?redirect_url=`: a page navigation (not fetch) that renews the client cookie, then
 * sends the browser back; only to an allowed origin.
 */
function touchClientCookie(ctx: RequestContext): Response {
  const target = ctx.query.get('redirect_url');
  if (!target || !URL.canParse(target)) throw paramMissing('redirect_url');
  const location = allowedRedirect(ctx, new URL(target));
  const renewed = ctx.client ? readCookie(ctx.request, CLIENT_COOKIE) : undefined;
  ctx.requireClient();
  // Production: the same `__client` value again, with a fresh expiry (a new client sets its own cookie).
  if (renewed) ctx.setClientCookie(renewed);
  ctx.touchClient();
  return withCookies(new Response(null, { status: 307, headers: { Location: location, 'Cache-Control': 'no-store' } }), ctx.cookies);
}

type LinkOutcome = 'verified' | 'expired' | 'failed' | 'client_mismatch';

function redirectOrPage(ctx: RequestContext, target: string | null, status: LinkOutcome, extra: Record<string, string> = {}): Response {
  // A relative or invalid redirect URL gets the page; an absolute one only to an allowed origin (never an open redirect).
  if (target && URL.canParse(target)) {
    const url = new URL(allowedRedirect(ctx, new URL(target)));
    url.searchParams.set('__clerk_status', status);
    for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
    return new Response(null, { status: 302, headers: { Location: url.toString() } });
  }
  const message = status === 'verified' ? 'Verified. You can return to the original tab.' : `Verification ${status}.`;
  return new Response(`<!doctype html><title>microclerk emulator</title><p>${message}</p>`, {
    status: status === 'verified' ? 200 : 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/** The link from an email-link message: verifies, then redirects with `__clerk_status`. */
function verifyLink(ctx: RequestContext): Response {
  const { core } = ctx;
  const token = ctx.query.get('token') ?? '';
  const target = core.store.links.get(token);
  if (!target) return redirectOrPage(ctx, ctx.query.get('redirect_url'), 'failed');
  const device = { userAgent: ctx.userAgent, ipAddress: ctx.ipAddress };
  // `clientId`: the client that asked for the link; with require_same_client, only it may open it.
  const check = (verification: VerificationRecord, clientId?: string | null): LinkOutcome => {
    if (verification.expireAt !== null && core.now() >= verification.expireAt) {
      verification.status = 'expired';
      return 'expired';
    }
    if (clientId !== undefined && core.settings.emailLinkRequireSameClient && ctx.client?.id !== clientId) return 'client_mismatch';
    verification.status = 'verified';
    return 'verified';
  };
  const outcomeOf = (verification: VerificationRecord | null, clientId?: string | null) =>
    verification && verification.linkToken === token ? check(verification, clientId) : 'failed';
  // A mismatched client leaves the link usable from the right one.
  const spend = (outcome: LinkOutcome) => outcome !== 'client_mismatch' && core.store.links.delete(token);
  if (target.kind === 'sign_in') {
    const signIn = core.store.signIns.get(target.signInId);
    const verification = signIn?.firstFactorVerification ?? null;
    const outcome = outcomeOf(verification, signIn?.clientId ?? null);
    spend(outcome);
    const user = signIn?.userId ? core.store.users.get(signIn.userId) : undefined;
    if (outcome === 'verified' && signIn && user && signIn.status === 'needs_first_factor') {
      verification!.verifiedAtClient = signIn.clientId;
      afterFirstFactor(core, signIn, user, device);
    }
    const extra: Record<string, string> = signIn?.createdSessionId ? { __clerk_created_session: signIn.createdSessionId } : {};
    return redirectOrPage(ctx, verification?.redirectUrl ?? null, outcome, extra);
  }
  if (target.kind === 'sign_up') {
    const signUp = core.store.signUps.get(target.signUpId);
    const verification = signUp?.emailVerification ?? null;
    const outcome = outcomeOf(verification, signUp?.clientId ?? null);
    spend(outcome);
    if (outcome === 'verified' && signUp) {
      verification!.verifiedAtClient = signUp.clientId;
      completeSignUpIfReady(core, signUp, device);
    }
    const extra: Record<string, string> = signUp?.createdSessionId ? { __clerk_created_session: signUp.createdSessionId } : {};
    return redirectOrPage(ctx, verification?.redirectUrl ?? null, outcome, extra);
  }
  const user = core.store.users.get(target.userId);
  const email = user?.emailAddresses.find((e) => e.id === target.emailAddressId);
  const verification = email?.verification ?? null;
  const outcome = outcomeOf(verification);
  spend(outcome);
  return redirectOrPage(ctx, verification?.redirectUrl ?? null, outcome);
}

/**
 * `PATCH /v1/dev_tools/enable_environment_setting` (ClerkJS's "enable organizations" prompt, development
 * instances only): `enable_organizations=true` turns organizations on; `organization_allow_personal_accounts`
 * says whether a user may stay without one (false: membership required). Answers the environment.
 */
function enableEnvironmentSetting(ctx: RequestContext): Response {
  if (ctx.core.instanceType !== 'development') {
    throw fapiError(403, 'dev_tools_not_available', 'Not available', 'Development tools can only change the settings of a development instance.');
  }
  if (ctx.body.string('enable_organizations') !== 'true') throw paramInvalid('enable_organizations', 'must be true.');
  const personal = ctx.body.string('organization_allow_personal_accounts');
  if (personal !== undefined && personal !== 'true' && personal !== 'false')
    throw paramInvalid('organization_allow_personal_accounts', 'must be true or false.');
  ctx.core.updateSettings({ organizations: true, ...(personal === undefined ? {} : { forceOrganizationSelection: personal === 'false' }) });
  return ctx.json(environmentJson(ctx.core, `${ctx.baseUrl}/v1`));
}

export const clientRoutes: Route[] = [
  route('POST', '/dev_browser', createDevBrowser, { open: true }),
  route('GET', '/jwks', (ctx) => ctx.json(ctx.core.signer.jwks()), { open: true }),
  route('GET', '/verify', verifyLink, { open: true }),
  // The Account Portal pages (`/popup-callback`) are this emulator's own, at the address the request came to.
  route('GET', '/environment', (ctx) => ctx.json(environmentJson(ctx.core, `${ctx.baseUrl}/v1`))),
  route('PATCH', '/environment', (ctx) => ctx.json(environmentJson(ctx.core, `${ctx.baseUrl}/v1`))),
  route('PATCH', '/dev_tools/enable_environment_setting', enableEnvironmentSetting),
  route('GET', '/client', getClient),
  route('POST', '/client', putClient),
  route('PUT', '/client', putClient),
  route('DELETE', '/client', deleteClient),
  route('DELETE', '/client/sessions', signOutAll),
  route('GET', '/client/touch', touchClientCookie),
];
