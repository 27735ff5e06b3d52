/** Organizations: create, read, update, delete, memberships, invitations, and the user's lists. */
import { fapiError, formError, notFound, paramMissing } from '../domain/errors.js';
import { isEmail } from '../domain/identifiers.js';
import { newId, randomToken } from '../domain/ids.js';
import type { InvitationRecord, MembershipRecord, OrganizationRecord } from '../domain/records.js';
import { invitationJson, membershipJson, organizationJson, roleName, rolesJson, userInvitationJson } from '../wire/organization.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import {
  adminOrganization,
  instanceRoleKeys,
  isInstanceRole,
  listParam,
  memberOrganization,
  paginate,
  requireAdmin,
  requireOrganizationsEnabled,
  requireSeat,
} from './organization-access.js';
import { offerDomainEnrollments, organizationDomainRoutes } from './organization-domains.js';

const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .trim()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'organization'
  );
}

/** Slug rules: lowercase letters, digits, `-`, `_`; unique across the instance. */
function checkSlug(ctx: RequestContext, slug: string, ownId?: string): void {
  if (!SLUG.test(slug)) throw formError('form_param_format_invalid', 'slug', 'Slugs may contain lowercase letters, numbers, dashes and underscores.');
  if ([...ctx.core.store.organizations.values()].some((o) => o.slug === slug && o.id !== ownId)) {
    throw formError('form_identifier_exists', 'slug', 'This slug is already taken.');
  }
}

function newMembership(organizationId: string, userId: string, role: string, now: number): MembershipRecord {
  return { id: newId('orgmem'), organizationId, userId, role, createdAt: now, updatedAt: now };
}

function createOrganization(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const name = ctx.body.text('name');
  if (!name) throw paramMissing('name');
  const slug = ctx.body.text('slug') ?? slugify(name);
  checkSlug(ctx, slug);
  const now = ctx.core.now();
  const organization: OrganizationRecord = {
    id: newId('org'),
    name,
    slug,
    imageDataUrl: null,
    publicMetadata: {},
    maxAllowedMemberships: ctx.core.settings.maxAllowedMemberships,
    createdAt: now,
    updatedAt: now,
  };
  ctx.core.store.organizations.set(organization.id, organization);
  // The creator is the organization's first admin.
  const membership = newMembership(organization.id, user.id, 'org:admin', now);
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
    checkSlug(ctx, slug, organization.id);
    organization.slug = slug;
  }
  const max = ctx.body.text('max_allowed_memberships');
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) throw formError('form_param_format_invalid', 'max_allowed_memberships', 'max_allowed_memberships must be a whole number.');
    organization.maxAllowedMemberships = Number(max);
  }
  organization.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

function deleteOrganization(ctx: RequestContext): Response {
  const { organization, membership } = memberOrganization(ctx);
  requireAdmin(membership.role);
  const { store } = ctx.core;
  store.deleteOrganization(organization.id);
  for (const session of store.sessions.values()) {
    if (session.lastActiveOrganizationId === organization.id) session.lastActiveOrganizationId = null;
  }
  ctx.touchClient();
  return ctx.envelope({ object: 'organization', id: organization.id, deleted: true });
}

function listMemberships(ctx: RequestContext): Response {
  const { organization } = memberOrganization(ctx);
  const { store } = ctx.core;
  // ClerkJS's `query` matches names and identifiers; `role` filters by role keys.
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  const roles = listParam(ctx, 'role');
  const members = store
    .organizationMembers(organization.id)
    .filter((m) => roles.length === 0 || roles.includes(m.role))
    .filter((m) => {
      if (!query) return true;
      const user = store.users.get(m.userId);
      const haystack = [user?.firstName, user?.lastName, user?.username, ...(user?.emailAddresses.map((e) => e.emailAddress) ?? [])];
      return haystack.some((s) => s?.toLowerCase().includes(query));
    })
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((m) => membershipJson(ctx.view, m));
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
  if (!isInstanceRole(ctx, role)) throw formError('form_param_value_invalid', 'role', `role must be one of ${instanceRoleKeys(ctx).join(', ')}.`);
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

function listInvitations(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const statuses = listParam(ctx, 'status');
  const invitations = ctx.core.store
    .organizationInvitations(organization.id)
    .filter((i) => statuses.length === 0 || statuses.includes(i.status))
    .map((i) => invitationJson(ctx.view, i));
  return ctx.envelope(paginate(ctx, invitations));
}

/** Refuses an invitation FAPI would not create (bad address, already a member, already invited). */
function checkInvite(ctx: RequestContext, organization: OrganizationRecord, email: string): void {
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
}

/**
 * The invitation link: the invitation's redirect URL, else the app's sign-up (new address) or sign-in
 * (existing user) page, with `__clerk_ticket` and `__clerk_status` as Clerk appends them.
 */
function invitationLink(ctx: RequestContext, invitation: InvitationRecord, redirectUrl: string | undefined): string {
  const { store, settings } = ctx.core;
  const status = store.findUserByEmail(invitation.emailAddress) ? 'sign_in' : 'sign_up';
  const page = redirectUrl ?? (status === 'sign_in' ? settings.displayUrls.sign_in_url : settings.displayUrls.sign_up_url);
  const url = new URL(page, ctx.view.origin ?? ctx.baseUrl);
  url.searchParams.set('__clerk_ticket', invitation.ticket);
  url.searchParams.set('__clerk_status', status);
  return url.toString();
}

function redirectUrlParam(ctx: RequestContext): string | undefined {
  const redirectUrl = ctx.body.text('redirect_url');
  if (redirectUrl === undefined) return undefined;
  if (!URL.canParse(redirectUrl) || !/^https?:$/.test(new URL(redirectUrl).protocol)) {
    throw formError('form_param_format_invalid', 'redirect_url', 'redirect_url must be an http(s) URL.');
  }
  return redirectUrl;
}

function invite(ctx: RequestContext, organization: OrganizationRecord, email: string, role: string, redirectUrl?: string): InvitationRecord {
  const { store } = ctx.core;
  checkInvite(ctx, organization, email);
  requireSeat(ctx, organization, true);
  const now = ctx.core.now();
  const invitation: InvitationRecord = {
    id: newId('orginv'),
    organizationId: organization.id,
    emailAddress: email,
    role,
    status: 'pending',
    ticket: randomToken(),
    expiresAt: now + ctx.core.settings.invitationLifetimeSeconds * 1000,
    createdAt: now,
    updatedAt: now,
  };
  store.invitations.set(invitation.id, invitation);
  const link = invitationLink(ctx, invitation, redirectUrl);
  ctx.core.outbox.deliver({
    to: email,
    channel: 'email',
    purpose: 'organization_invitation',
    link,
    text: `You have been invited to join ${organization.name} as ${roleName(role, ctx.core.settings.organizationRoles)}. Accept: ${link}`,
    createdAt: now,
  });
  return invitation;
}

function createInvitation(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const email = ctx.body.text('email_address');
  if (!email) throw paramMissing('email_address');
  const invitation = invite(ctx, organization, email, roleParam(ctx), redirectUrlParam(ctx));
  ctx.touchClient();
  return ctx.envelope(invitationJson(ctx.view, invitation));
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
  const redirectUrl = redirectUrlParam(ctx);
  // All or nothing: the whole batch must fit before any invitation is created.
  requireSeat(ctx, organization, true, emails.length);
  // All or nothing: one refused address invites nobody, so the form can be corrected and sent again.
  for (const email of emails) checkInvite(ctx, organization, email);
  const invitations = emails.map((email) => invite(ctx, organization, email, role, redirectUrl));
  ctx.touchClient();
  return ctx.envelope(invitations.map((i) => invitationJson(ctx.view, i)));
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
  return ctx.envelope(invitationJson(ctx.view, invitation));
}

/** Pending invitations to any of the current user's verified email addresses. */
function myInvitationsOf(ctx: RequestContext) {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  offerDomainEnrollments(ctx, user);
  const emails = new Set(user.emailAddresses.filter((e) => e.verification?.status === 'verified').map((e) => e.emailAddress.toLowerCase()));
  const invitations = [...ctx.core.store.invitations.values()]
    .filter((i) => emails.has(i.emailAddress.toLowerCase()))
    .sort((a, b) => b.createdAt - a.createdAt);
  return { user, invitations };
}

function myInvitations(ctx: RequestContext): Response {
  const statuses = listParam(ctx, 'status');
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
  const organization = invitation && ctx.core.store.organizations.get(invitation.organizationId);
  if (!invitation || !organization || invitation.status === 'revoked') throw notFound('invitation');
  // Clerk's error index has no "invitation expired" code for this endpoint: an expired invitation is one no longer pending.
  if (invitation.status !== 'pending') {
    throw fapiError(400, 'organization_invitation_not_pending', 'Invitation not pending', `This invitation is ${invitation.status}.`);
  }
  const now = ctx.core.now();
  if (!ctx.core.store.organizationMembers(invitation.organizationId).some((m) => m.userId === user.id)) {
    // The invitation holds a seat already; the member takes it.
    requireSeat(ctx, organization, false);
    const membership = newMembership(invitation.organizationId, user.id, invitation.role, now);
    ctx.core.store.memberships.set(membership.id, membership);
  }
  invitation.status = 'accepted';
  invitation.updatedAt = now;
  user.updatedAt = now;
  ctx.touchClient();
  return ctx.envelope(userInvitationJson(ctx.view, invitation));
}

function addMember(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const userId = ctx.body.text('user_id');
  if (!userId) throw paramMissing('user_id');
  const role = roleParam(ctx);
  const { store } = ctx.core;
  if (!store.users.has(userId)) throw formError('form_param_value_invalid', 'user_id', `There is no user with id ${userId}.`);
  if (store.organizationMembers(organization.id).some((m) => m.userId === userId)) {
    throw fapiError(400, 'already_a_member_in_organization', 'already a member', 'This user is already a member of the organization.');
  }
  requireSeat(ctx, organization, true);
  const membership = newMembership(organization.id, userId, role, ctx.core.now());
  store.memberships.set(membership.id, membership);
  ctx.touchClient();
  return ctx.envelope(membershipJson(ctx.view, membership));
}

function listRoles(ctx: RequestContext): Response {
  const { organization } = memberOrganization(ctx);
  return ctx.envelope({ ...paginate(ctx, rolesJson(ctx.core.settings.organizationRoles, organization.createdAt)), has_role_set_migration: false });
}

/** The uploaded logo as a data URL (multipart `file`, or an octet-stream / data-URL body). */
async function uploadedLogo(ctx: RequestContext): Promise<string> {
  const file = ctx.body.files.get('file');
  if (file) {
    if (file.type && !file.type.startsWith('image/')) throw formError('form_param_format_invalid', 'file', 'The logo must be an image.');
    return `data:${file.type || 'application/octet-stream'};base64,${Buffer.from(await file.arrayBuffer()).toString('base64')}`;
  }
  const raw = ctx.body.raw;
  if (raw) return raw.startsWith('data:') ? raw : `data:application/octet-stream;base64,${Buffer.from(raw).toString('base64')}`;
  throw paramMissing('file');
}

async function setLogo(ctx: RequestContext): Promise<Response> {
  const { organization } = adminOrganization(ctx);
  organization.imageDataUrl = await uploadedLogo(ctx);
  organization.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

function deleteLogo(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  organization.imageDataUrl = null;
  organization.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(organizationJson(ctx.view, organization));
}

/** Suggested name and slug for the user's first organization, from their email's domain. */
function creationDefaults(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress ?? '';
  const label = email.split('@')[1]?.split('.')[0] ?? '';
  const name = label ? label[0].toUpperCase() + label.slice(1) : `${user.firstName ?? 'My'} organization`;
  const slug = slugify(name);
  const taken = [...ctx.core.store.organizations.values()].find((o) => o.slug === slug);
  return ctx.envelope({
    object: 'organization_creation_defaults',
    advisory: taken
      ? { code: 'organization_already_exists', severity: 'warning', meta: { organization_name: taken.name, organization_domain: email.split('@')[1] } }
      : null,
    form: { name, slug, logo: null, blur_hash: null },
  });
}

export const organizationRoutes: Route[] = [
  route('POST', '/organizations', createOrganization),
  route('GET', '/organizations/:id', (ctx) => ctx.envelope(organizationJson(ctx.view, memberOrganization(ctx).organization))),
  route('PATCH', '/organizations/:id', updateOrganization),
  route('DELETE', '/organizations/:id', deleteOrganization),
  route('PUT', '/organizations/:id/logo', setLogo),
  route('DELETE', '/organizations/:id/logo', deleteLogo),
  route('GET', '/organizations/:id/roles', listRoles),
  route('GET', '/organizations/:id/memberships', listMemberships),
  route('POST', '/organizations/:id/memberships', addMember),
  route('PATCH', '/organizations/:id/memberships/:userId', updateMembership),
  route('DELETE', '/organizations/:id/memberships/:userId', deleteMembership),
  route('GET', '/organizations/:id/invitations', listInvitations),
  route('POST', '/organizations/:id/invitations', createInvitation),
  route('POST', '/organizations/:id/invitations/bulk', createInvitationsBulk),
  route('POST', '/organizations/:id/invitations/:invitationId/revoke', revokeInvitation),
  route('GET', '/me/organization_memberships', myMemberships),
  route('DELETE', '/me/organization_memberships/:id', leaveOrganization),
  route('GET', '/me/organization_invitations', myInvitations),
  route('POST', '/me/organization_invitations/:id/accept', acceptInvitation),
  route('GET', '/me/organization_creation_defaults', creationDefaults),
  ...organizationDomainRoutes,
];
