/** Who may touch an organization: the instance setting, membership, the admin role; and list paging. */
import { fapiError, notFound } from '../domain/errors.js';
import type { RequestContext } from '../http/request-context.js';

export function requireOrganizationsEnabled(ctx: RequestContext): void {
  if (!ctx.core.settings.organizations) {
    throw fapiError(403, 'organizations_not_enabled', 'Organizations are disabled', 'Organizations are not enabled for this instance.');
  }
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
