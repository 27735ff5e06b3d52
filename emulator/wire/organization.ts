/** Organizations, memberships and invitations JSON. */
import { initialsAvatar } from '../domain/avatar.js';
import { rolePermissions } from '../domain/organization-roles.js';
import type { InvitationRecord, MembershipRecord, OrganizationRecord } from '../domain/records.js';
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
    role_name: membership.role === 'org:admin' ? 'Admin' : 'Member',
    permissions: rolePermissions(membership.role),
    public_metadata: {},
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}

function roleName(role: string): string {
  return role === 'org:admin' ? 'Admin' : 'Member';
}

/** An invitation as the organization's admins see it. */
export function invitationJson(invitation: InvitationRecord): Json {
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.emailAddress,
    organization_id: invitation.organizationId,
    public_metadata: {},
    role: invitation.role,
    role_name: roleName(invitation.role),
    status: invitation.status,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

/** An invitation as its invitee sees it (`/me/organization_invitations`). */
export function userInvitationJson(view: JsonView, invitation: InvitationRecord): Json {
  const organization = view.core.store.organizations.get(invitation.organizationId);
  return {
    ...invitationJson(invitation),
    organization_id: undefined,
    public_organization_data: organization
      ? {
          id: organization.id,
          name: organization.name,
          slug: organization.slug,
          has_image: organization.imageDataUrl !== null,
          image_url: organization.imageDataUrl ?? initialsAvatar(organization.name, null, organization.name),
        }
      : null,
  };
}
