/** `/v1/client/sessions/{id}` (touch, tokens, end, remove) and `/v1/me/sessions` (active devices, revoke). */
import { fapiError, notFound, signedOut } from '../domain/errors.js';
import type { SessionRecord } from '../domain/records.js';
import { sessionJson, sessionWithActivitiesJson } from '../wire/session.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';

/** A session of this client; `signedIn` additionally requires it to be active. */
function loadSession(ctx: RequestContext, options: { signedIn: boolean }): SessionRecord {
  const client = ctx.client;
  const session = ctx.core.store.sessions.get(ctx.params.id ?? '');
  if (!client || !session || session.clientId !== client.id) throw notFound('session');
  if (options.signedIn && !ctx.core.isSignedIn(session)) throw signedOut();
  return session;
}

/** Resolves `organization_id`-style input: absent → keep default, empty → personal workspace. */
function organizationParam(ctx: RequestContext, session: SessionRecord, name: string): string | null | undefined {
  const raw = ctx.body.string(name);
  if (raw === undefined) return undefined;
  if (raw === '' || raw === 'null') return null;
  const membership = ctx.core.store.userMemberships(session.userId).find((m) => m.organizationId === raw);
  if (!membership) {
    throw fapiError(404, 'organization_not_found_or_unauthorized', 'Organization not found', 'The organization was not found or you are not a member.', {
      param_name: name,
    });
  }
  return raw;
}

function touch(ctx: RequestContext): Response {
  const session = loadSession(ctx, { signedIn: true });
  const organizationId = organizationParam(ctx, session, 'active_organization_id');
  const now = ctx.core.now();
  if (organizationId !== undefined) session.lastActiveOrganizationId = organizationId;
  session.lastActiveAt = now;
  session.updatedAt = now;
  if (ctx.userAgent) session.userAgent = ctx.userAgent;
  ctx.client!.lastActiveSessionId = session.id;
  ctx.touchClient();
  return ctx.envelope(sessionJson(ctx.view, session));
}

function token(ctx: RequestContext): Response {
  const session = loadSession(ctx, { signedIn: true });
  const template = ctx.params.template;
  const organizationId = template ? undefined : organizationParam(ctx, session, 'organization_id');
  const jwt = ctx.core.mintSessionToken(session, { organizationId, template, origin: ctx.view.origin });
  return ctx.json({ object: 'token', jwt });
}

function finish(ctx: RequestContext, status: 'ended' | 'removed'): Response {
  const session = loadSession(ctx, { signedIn: false });
  if (ctx.core.isSignedIn(session)) ctx.core.endSession(session, status);
  return ctx.envelope(sessionJson(ctx.view, session));
}

function activeSessions(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const sessions = ctx.core.store
    .userSessions(user.id)
    .filter((s) => ctx.core.isSignedIn(s))
    .sort((a, b) => b.lastActiveAt - a.lastActiveAt);
  return ctx.json(sessions.map((s) => sessionWithActivitiesJson(ctx.view, s)));
}

function revoke(ctx: RequestContext): Response {
  const { user } = ctx.currentUser();
  const session = ctx.core.store.sessions.get(ctx.params.id ?? '');
  if (!session || session.userId !== user.id) throw notFound('session');
  if (ctx.core.isSignedIn(session)) ctx.core.endSession(session, 'revoked');
  return ctx.envelope(sessionWithActivitiesJson(ctx.view, session));
}

export const sessionRoutes: Route[] = [
  route('POST', '/client/sessions/:id/touch', touch),
  route('POST', '/client/sessions/:id/tokens', token),
  route('POST', '/client/sessions/:id/tokens/:template', token),
  route('POST', '/client/sessions/:id/end', (ctx) => finish(ctx, 'ended')),
  route('POST', '/client/sessions/:id/remove', (ctx) => finish(ctx, 'removed')),
  route('GET', '/client/sessions/:id', (ctx) => ctx.envelope(sessionJson(ctx.view, loadSession(ctx, { signedIn: false })))),
  route('GET', '/me/sessions/active', activeSessions),
  route('GET', '/me/sessions', activeSessions),
  route('POST', '/me/sessions/:id/revoke', revoke),
];
