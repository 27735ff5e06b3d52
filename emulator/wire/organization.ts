/** Organizations, memberships and invitations JSON. */
import { initialsAvatar } from '../domain/avatar.js';
import { findRole, instanceRoles, rolePermissions, type OrganizationRoleSetting } from '../domain/organization-roles.js';
import type { DomainRecord, InvitationRecord, MembershipRecord, MembershipRequestRecord, OrganizationRecord, SuggestionRecord } from '../domain/records.js';
import { publicUserDataJson } from './public-user.js';
import type { Json, JsonView } from './view.js';

export function organizationJson(view: JsonView, organization: OrganizationRecord): Json {
  const members = view.core.store.organizationMembers(organization.id);
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: organization.imageDataUrl ?? initialsAvatar(organization.name, null, organization.name),
    has_image: organization.imageDataUrl !== null,
    public_metadata: organization.publicMetadata,
    members_count: members.length,
    pending_invitations_count: view.core.store.organizationInvitations(organization.id).filter((i) => i.status === 'pending').length,
    max_allowed_memberships: organization.maxAllowedMemberships,
    admin_delete_enabled: true,
    // The emulator has no exclusive-membership setting: never enforced.
    exclusive_membership: false,
    created_at: organization.createdAt,
    updated_at: organization.updatedAt,
  };
}

export function membershipJson(view: JsonView, membership: MembershipRecord): Json {
  const organization = view.core.store.organizations.get(membership.organizationId);
  const user = view.core.store.users.get(membership.userId);
  return {
    object: 'organization_membership',
    id: membership.id,
    organization: organization ? organizationJson(view, organization) : null,
    role: membership.role,
    role_name: roleName(membership.role, view.core.settings.organizationRoles),
    permissions: rolePermissions(view.core.settings.organizationRoles, membership.role),
    public_metadata: {},
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}

/** The role's display name (a custom role's from settings; an unknown key as itself). */
export function roleName(role: string, custom: readonly OrganizationRoleSetting[] = []): string {
  return findRole(custom, role)?.name ?? role;
}

/** An invitation as the organization's admins see it. */
export function invitationJson(view: JsonView, invitation: InvitationRecord): Json {
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.emailAddress,
    organization_id: invitation.organizationId,
    public_metadata: {},
    role: invitation.role,
    role_name: roleName(invitation.role, view.core.settings.organizationRoles),
    expires_at: invitation.expiresAt,
    status: invitation.status,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

/** What a non-member may see of an organization (invitations, suggestions). */
function publicOrganizationJson(view: JsonView, organizationId: string): Json | null {
  const organization = view.core.store.organizations.get(organizationId);
  if (!organization) return null;
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    has_image: organization.imageDataUrl !== null,
    image_url: organization.imageDataUrl ?? initialsAvatar(organization.name, null, organization.name),
  };
}

/** An invitation as its invitee sees it (`/me/organization_invitations`). */
export function userInvitationJson(view: JsonView, invitation: InvitationRecord): Json {
  return { ...invitationJson(view, invitation), organization_id: undefined, public_organization_data: publicOrganizationJson(view, invitation.organizationId) };
}

export function suggestionJson(view: JsonView, suggestion: SuggestionRecord): Json {
  return {
    object: 'organization_suggestion',
    id: suggestion.id,
    status: suggestion.status,
    public_organization_data: publicOrganizationJson(view, suggestion.organizationId),
    created_at: suggestion.createdAt,
    updated_at: suggestion.updatedAt,
  };
}

export function membershipRequestJson(view: JsonView, request: MembershipRequestRecord): Json {
  const user = view.core.store.users.get(request.userId);
  return {
    object: 'organization_membership_request',
    id: request.id,
    organization_id: request.organizationId,
    status: request.status,
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: request.createdAt,
    updated_at: request.updatedAt,
  };
}

export function domainJson(view: JsonView, domain: DomainRecord): Json {
  const { store } = view.core;
  const v = domain.verification;
  return {
    object: 'organization_domain',
    id: domain.id,
    name: domain.name,
    organization_id: domain.organizationId,
    enrollment_mode: domain.enrollmentMode,
    affiliation_email_address: domain.affiliationEmailAddress,
    verification: v ? { status: v.status === 'verified' ? 'verified' : 'unverified', strategy: v.strategy, attempts: v.attempts, expire_at: v.expireAt } : null,
    total_pending_invitations: store
      .organizationInvitations(domain.organizationId)
      .filter((i) => i.status === 'pending' && i.emailAddress.endsWith(`@${domain.name}`)).length,
    total_pending_suggestions: [...store.suggestions.values()].filter((s) => s.organizationId === domain.organizationId && s.status === 'pending').length,
    created_at: domain.createdAt,
    updated_at: domain.updatedAt,
  };
}

/** The instance's organization roles with their permissions (`GET …/roles`): system permissions are `system`, custom ones `user`. */
export function rolesJson(custom: readonly OrganizationRoleSetting[], createdAt: number): Json[] {
  return instanceRoles(custom).map(({ key, name, description, permissions }) => ({
    object: 'role',
    id: `role_${key.slice(4)}`,
    key,
    name,
    description: description ?? '',
    permissions: permissions.map((permission) => ({
      object: 'permission',
      id: `perm_${permission.slice(4).replace(/:/g, '_')}`,
      key: permission,
      name: permission.slice(4),
      description: '',
      type: permission.startsWith('org:sys_') ? 'system' : 'user',
      created_at: createdAt,
      updated_at: createdAt,
    })),
    created_at: createdAt,
    updated_at: createdAt,
  }));
}
