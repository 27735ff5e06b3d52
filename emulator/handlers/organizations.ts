/** Organizations: create, read, update, delete, memberships, and the user's membership list. */
import type { RequestContext } from '../context.js';
import { fapiError, formError, notFound, paramMissing } from '../errors.js';
import { membershipJson, organizationJson } from '../json.js';
import { route, type Route } from '../router.js';
import { newId, type OrganizationRecord } from '../store.js';

function requireOrganizationsEnabled(ctx: RequestContext): void {
  if (!ctx.core.settings.organizations) {
    throw fapiError(403, 'organizations_not_enabled', 'Organizations are disabled', 'Organizations are not enabled for this instance.');
  }
}

function slugify(name: string): string {
  return name.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'organization';
}

function paginate<T>(ctx: RequestContext, items: T[]): { data: T[]; total_count: number } {
  const limit = Number(ctx.query.get('limit') ?? '10') || 10;
  const offset = Number(ctx.query.get('offset') ?? '0') || 0;
  return { data: items.slice(offset, offset + limit), total_count: items.length };
}

/** An organization the current user belongs to, with their membership. */
function memberOrganization(ctx: RequestContext) {
  requireOrganizationsEnabled(ctx);
  const { user, session } = ctx.currentUser();
  const organization = ctx.core.store.organizations.get(ctx.params.id ?? '');
  const membership = organization ? ctx.core.store.userMemberships(user.id).find((m) => m.organizationId === organization.id) : undefined;
  if (!organization || !membership) throw notFound('organization');
  return { user, session, organization, membership };
}

function requireAdmin(role: string): void {
  if (role !== 'org:admin') throw fapiError(403, 'not_allowed_access', 'Not allowed', 'You need to be an admin of this organization.');
}

function createOrganization(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const name = ctx.body.text('name');
  if (!name) throw paramMissing('name');
  const slug = ctx.body.text('slug') ?? slugify(name);
  if ([...ctx.core.store.organizations.values()].some((o) => o.slug === slug)) {
    throw formError('form_identifier_exists', 'slug', 'This slug is already taken.');
  }
  const now = ctx.core.now();
  const organization: OrganizationRecord = {
    id: newId('org'),
    name,
    slug,
    imageDataUrl: null,
    publicMetadata: {},
    maxAllowedMemberships: 5,
    createdAt: now,
    updatedAt: now,
  };
  ctx.core.store.organizations.set(organization.id, organization);
  const membership = { id: newId('orgmem'), organizationId: organization.id, userId: user.id, role: 'org:admin', createdAt: now, updatedAt: now };
  ctx.core.store.memberships.set(membership.id, membership);
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

function updateOrganization(ctx: RequestContext): Response {
  const { organization, membership } = memberOrganization(ctx);
  requireAdmin(membership.role);
  const name = ctx.body.text('name');
  if (name) organization.name = name;
  const slug = ctx.body.text('slug');
  if (slug) organization.slug = slug;
  organization.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

function deleteOrganization(ctx: RequestContext): Response {
  const { organization, membership } = memberOrganization(ctx);
  requireAdmin(membership.role);
  const { store } = ctx.core;
  for (const m of store.organizationMembers(organization.id)) store.memberships.delete(m.id);
  store.organizations.delete(organization.id);
  for (const session of store.sessions.values()) {
    if (session.lastActiveOrganizationId === organization.id) session.lastActiveOrganizationId = null;
  }
  ctx.touchClient();
  return ctx.envelope({ object: 'organization', id: organization.id, deleted: true });
}

function listMemberships(ctx: RequestContext): Response {
  const { organization } = memberOrganization(ctx);
  const members = ctx.core.store.organizationMembers(organization.id).map((m) => membershipJson(ctx.view, m));
  return ctx.envelope(paginate(ctx, members));
}

function myMemberships(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const memberships = ctx.core.store.userMemberships(user.id).map((m) => membershipJson(ctx.view, m));
  return ctx.envelope(paginate(ctx, memberships));
}

function leaveOrganization(ctx: RequestContext): Response {
  const { user, membership, organization } = memberOrganization(ctx);
  ctx.core.store.memberships.delete(membership.id);
  for (const session of ctx.core.store.userSessions(user.id)) {
    if (session.lastActiveOrganizationId === organization.id) session.lastActiveOrganizationId = null;
  }
  ctx.touchClient();
  return ctx.envelope({ ...membershipJson(ctx.view, membership), deleted: true });
}

function emptyList(ctx: RequestContext): Response {
  return ctx.envelope({ data: [], total_count: 0 });
}

export const organizationRoutes: Route[] = [
  route('POST', '/organizations', createOrganization),
  route('GET', '/organizations/:id', (ctx) => ctx.envelope(organizationJson(ctx.view, memberOrganization(ctx).organization))),
  route('PATCH', '/organizations/:id', updateOrganization),
  route('DELETE', '/organizations/:id', deleteOrganization),
  route('GET', '/organizations/:id/memberships', listMemberships),
  route('GET', '/organizations/:id/invitations', emptyList),
  route('GET', '/organizations/:id/membership_requests', emptyList),
  route('GET', '/organizations/:id/domains', emptyList),
  route('GET', '/me/organization_memberships', myMemberships),
  route('DELETE', '/me/organization_memberships/:id', leaveOrganization),
  route('GET', '/me/organization_invitations', emptyList),
  route('GET', '/me/organization_suggestions', emptyList),
];
