/** Who may touch an organization: the instance setting, membership, the admin role; and list paging. */
import { fapiError, notFound } from '../domain/errors.js';
import { findRole, instanceRoles } from '../domain/organization-roles.js';
import type { RequestContext } from '../http/request-context.js';

export function requireOrganizationsEnabled(ctx: RequestContext): void {
  if (!ctx.core.settings.organizations) {
    throw fapiError(403, 'organizations_not_enabled', 'Organizations are disabled', 'Organizations are not enabled for this instance.');
  }
  ctx.core.store.expireInvitations(ctx.core.now());
}

/**
 * Refuses one more member (or pending invitation) past the organization's `max_allowed_memberships`
 * (`0` = unlimited); `counting` says whether pending invitations take a seat (they do when inviting).
 */
export function requireSeat(ctx: RequestContext, organization: { id: string; maxAllowedMemberships: number }, countInvitations: boolean, extra = 1): void {
  const max = organization.maxAllowedMemberships;
  if (!max) return;
  const { store } = ctx.core;
  const members = store.organizationMembers(organization.id).length;
  const invited = countInvitations ? store.organizationInvitations(organization.id).filter((i) => i.status === 'pending').length : 0;
  if (members + invited + extra > max) {
    throw fapiError(
      403,
      'organization_membership_quota_exceeded',
      'Membership quota exceeded',
      `This organization has reached its limit of ${max} memberships (pending invitations included).`,
    );
  }
}

/** Whether `role` is one of the instance's organization roles (system or custom). */
export function isInstanceRole(ctx: RequestContext, role: string): boolean {
  return !!findRole(ctx.core.settings.organizationRoles, role);
}

export function instanceRoleKeys(ctx: RequestContext): string[] {
  return instanceRoles(ctx.core.settings.organizationRoles).map((r) => r.key);
}

/** `limit` / `offset` as ClerkJS sends them, answered as `{ data, total_count }`. */
export function paginate<T>(ctx: RequestContext, items: T[]): { data: T[]; total_count: number } {
  const limit = Number(ctx.query.get('limit') ?? '10') || 10;
  const offset = Number(ctx.query.get('offset') ?? '0') || 0;
  return { data: items.slice(offset, offset + limit), total_count: items.length };
}

/** A query parameter that may be repeated or comma-separated (`status=pending,accepted`). */
export function listParam(ctx: RequestContext, name: string): string[] {
  return ctx.query
    .getAll(name)
    .flatMap((s) => s.split(','))
    .filter(Boolean);
}

/** An organization the current user belongs to, with their membership. */
export function memberOrganization(ctx: RequestContext) {
  requireOrganizationsEnabled(ctx);
  const { user, session } = ctx.currentUser();
  const organization = ctx.core.store.organizations.get(ctx.params.id ?? '');
  const membership = organization ? ctx.core.store.userMemberships(user.id).find((m) => m.organizationId === organization.id) : undefined;
  if (!organization || !membership) throw notFound('organization');
  return { user, session, organization, membership };
}

export function requireAdmin(role: string): void {
  if (role !== 'org:admin') throw fapiError(403, 'not_allowed_access', 'Not allowed', 'You need to be an admin of this organization.');
}

export function adminOrganization(ctx: RequestContext) {
  const found = memberOrganization(ctx);
  requireAdmin(found.membership.role);
  return found;
}
