/** Organizations: create, read, update, delete, memberships, invitations, and the user's lists. */
import { fapiError, formError, notFound, paramMissing } from '../domain/errors.js';
import { isEmail } from '../domain/identifiers.js';
import { newId } from '../domain/ids.js';
import type { InvitationRecord, MembershipRecord, OrganizationRecord } from '../domain/records.js';
import { invitationJson, membershipJson, organizationJson, userInvitationJson } from '../wire/organization.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';

const ROLES = ['org:admin', 'org:member'];

function requireOrganizationsEnabled(ctx: RequestContext): void {
  if (!ctx.core.settings.organizations) {
    throw fapiError(403, 'organizations_not_enabled', 'Organizations are disabled', 'Organizations are not enabled for this instance.');
  }
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .trim()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'organization'
  );
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
  if (slug && slug !== organization.slug) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(slug)) {
      throw formError('form_param_format_invalid', 'slug', 'Slugs may contain lowercase letters, numbers, dashes and underscores.');
    }
    if ([...ctx.core.store.organizations.values()].some((o) => o.slug === slug && o.id !== organization.id)) {
      throw formError('form_identifier_exists', 'slug', 'This slug is already taken.');
    }
    organization.slug = slug;
  }
  organization.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

function deleteOrganization(ctx: RequestContext): Response {
  const { organization, membership } = memberOrganization(ctx);
  requireAdmin(membership.role);
  const { store } = ctx.core;
  for (const m of store.organizationMembers(organization.id)) store.memberships.delete(m.id);
  for (const i of store.organizationInvitations(organization.id)) store.invitations.delete(i.id);
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

/** Refuses changes that would leave an organization with members but no admin. */
function assertAdminRemains(ctx: RequestContext, organizationId: string, changed: MembershipRecord, nextRole: string | null): void {
  if (changed.role !== 'org:admin' || nextRole === 'org:admin') return;
  const members = ctx.core.store.organizationMembers(organizationId);
  const otherAdmins = members.filter((m) => m.id !== changed.id && m.role === 'org:admin');
  const othersRemain = nextRole !== null || members.length > 1;
  if (otherAdmins.length === 0 && othersRemain) {
    throw fapiError(
      400,
      'organization_minimum_permissions_needed',
      'minimum organization permissions needed',
      'There has to be at least one organization member with the minimum required permissions.',
    );
  }
}

/** Drops a membership and clears it as the active organization of the member's sessions. */
function removeMembership(ctx: RequestContext, membership: MembershipRecord): void {
  ctx.core.store.memberships.delete(membership.id);
  for (const session of ctx.core.store.userSessions(membership.userId)) {
    if (session.lastActiveOrganizationId === membership.organizationId) session.lastActiveOrganizationId = null;
  }
}

function leaveOrganization(ctx: RequestContext): Response {
  const { membership, organization } = memberOrganization(ctx);
  assertAdminRemains(ctx, organization.id, membership, null);
  removeMembership(ctx, membership);
  ctx.touchClient();
  return ctx.envelope({ ...membershipJson(ctx.view, membership), deleted: true });
}

/** An admin's view of another member, addressed by user id as ClerkJS does. */
function targetMembership(ctx: RequestContext) {
  const found = memberOrganization(ctx);
  requireAdmin(found.membership.role);
  const target = ctx.core.store.organizationMembers(found.organization.id).find((m) => m.userId === ctx.params.userId);
  if (!target) throw notFound('organization membership');
  return { ...found, target };
}

function roleParam(ctx: RequestContext): string {
  const role = ctx.body.text('role');
  if (!role) throw paramMissing('role');
  if (!ROLES.includes(role)) throw formError('form_param_value_invalid', 'role', `role must be one of ${ROLES.join(', ')}.`);
  return role;
}

function updateMembership(ctx: RequestContext): Response {
  const { organization, target } = targetMembership(ctx);
  const role = roleParam(ctx);
  assertAdminRemains(ctx, organization.id, target, role);
  target.role = role;
  target.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(membershipJson(ctx.view, target));
}

function deleteMembership(ctx: RequestContext): Response {
  const { organization, target } = targetMembership(ctx);
  assertAdminRemains(ctx, organization.id, target, null);
  removeMembership(ctx, target);
  ctx.touchClient();
  return ctx.envelope(membershipJson(ctx.view, target));
}

// ---- invitations ----

function adminOrganization(ctx: RequestContext) {
  const found = memberOrganization(ctx);
  requireAdmin(found.membership.role);
  return found;
}

function listInvitations(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const statuses = ctx.query
    .getAll('status')
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  const invitations = ctx.core.store
    .organizationInvitations(organization.id)
    .filter((i) => statuses.length === 0 || statuses.includes(i.status))
    .map(invitationJson);
  return ctx.envelope(paginate(ctx, invitations));
}

function invite(ctx: RequestContext, organization: OrganizationRecord, email: string, role: string): InvitationRecord {
  const { store } = ctx.core;
  if (!isEmail(email)) throw formError('form_param_format_invalid', 'email_address', 'email_address must be a valid email address.');
  const invitee = store.findUserByEmail(email);
  if (invitee && store.organizationMembers(organization.id).some((m) => m.userId === invitee.id)) {
    throw fapiError(400, 'already_a_member_in_organization', 'already a member', `${email} is already a member of the organization.`, {
      email_addresses: [email],
    });
  }
  const pending = store.organizationInvitations(organization.id).find((i) => i.status === 'pending' && i.emailAddress.toLowerCase() === email.toLowerCase());
  if (pending) {
    throw fapiError(400, 'duplicate_record', 'duplicate invitation', `There is already a pending invitation for ${email}.`, { email_addresses: [email] });
  }
  const now = ctx.core.now();
  const invitation: InvitationRecord = {
    id: newId('orginv'),
    organizationId: organization.id,
    emailAddress: email,
    role,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  };
  store.invitations.set(invitation.id, invitation);
  return invitation;
}

function createInvitation(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const email = ctx.body.text('email_address');
  if (!email) throw paramMissing('email_address');
  const invitation = invite(ctx, organization, email, roleParam(ctx));
  ctx.touchClient();
  return ctx.envelope(invitationJson(invitation));
}

function createInvitationsBulk(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const emails = ctx.body
    .all('email_address')
    .flatMap((e) => e.split(','))
    .map((e) => e.trim())
    .filter(Boolean);
  if (emails.length === 0) throw paramMissing('email_address');
  const role = roleParam(ctx);
  const invitations = emails.map((email) => invite(ctx, organization, email, role));
  ctx.touchClient();
  return ctx.envelope(invitations.map(invitationJson));
}

function revokeInvitation(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const invitation = ctx.core.store.invitations.get(ctx.params.invitationId ?? '');
  if (!invitation || invitation.organizationId !== organization.id) throw notFound('invitation');
  if (invitation.status !== 'pending') {
    throw fapiError(400, 'organization_invitation_not_pending', 'Invitation not pending', `This invitation is ${invitation.status}.`);
  }
  invitation.status = 'revoked';
  invitation.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(invitationJson(invitation));
}

/** Pending invitations to any of the current user's verified email addresses. */
function myInvitationsOf(ctx: RequestContext) {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const emails = new Set(user.emailAddresses.filter((e) => e.verification?.status === 'verified').map((e) => e.emailAddress.toLowerCase()));
  const invitations = [...ctx.core.store.invitations.values()]
    .filter((i) => emails.has(i.emailAddress.toLowerCase()))
    .sort((a, b) => b.createdAt - a.createdAt);
  return { user, invitations };
}

function myInvitations(ctx: RequestContext): Response {
  const statuses = ctx.query
    .getAll('status')
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  const { invitations } = myInvitationsOf(ctx);
  const listed = invitations.filter((i) => (statuses.length ? statuses.includes(i.status) : i.status === 'pending'));
  return ctx.envelope(
    paginate(
      ctx,
      listed.map((i) => userInvitationJson(ctx.view, i)),
    ),
  );
}

function acceptInvitation(ctx: RequestContext): Response {
  const { user, invitations } = myInvitationsOf(ctx);
  const invitation = invitations.find((i) => i.id === ctx.params.id);
  if (!invitation || invitation.status !== 'pending' || !ctx.core.store.organizations.has(invitation.organizationId)) throw notFound('invitation');
  const now = ctx.core.now();
  if (!ctx.core.store.organizationMembers(invitation.organizationId).some((m) => m.userId === user.id)) {
    const membership = {
      id: newId('orgmem'),
      organizationId: invitation.organizationId,
      userId: user.id,
      role: invitation.role,
      createdAt: now,
      updatedAt: now,
    };
    ctx.core.store.memberships.set(membership.id, membership);
  }
  invitation.status = 'accepted';
  invitation.updatedAt = now;
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(userInvitationJson(ctx.view, invitation));
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
  route('PATCH', '/organizations/:id/memberships/:userId', updateMembership),
  route('DELETE', '/organizations/:id/memberships/:userId', deleteMembership),
  route('GET', '/organizations/:id/invitations', listInvitations),
  route('POST', '/organizations/:id/invitations', createInvitation),
  route('POST', '/organizations/:id/invitations/bulk', createInvitationsBulk),
  route('POST', '/organizations/:id/invitations/:invitationId/revoke', revokeInvitation),
  route('GET', '/organizations/:id/membership_requests', emptyList),
  route('GET', '/organizations/:id/domains', emptyList),
  route('GET', '/me/organization_memberships', myMemberships),
  route('DELETE', '/me/organization_memberships/:id', leaveOrganization),
  route('GET', '/me/organization_invitations', myInvitations),
  route('POST', '/me/organization_invitations/:id/accept', acceptInvitation),
  route('GET', '/me/organization_suggestions', emptyList),
];
