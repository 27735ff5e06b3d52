/**
 * The organization methods of the kernel's data-only resources (Organization, OrganizationMembership,
 * User, Session), installed on their prototypes by the plugin's setup. They live in this plugin, not in
 * the kernel, so that an instance without organizations ships none of this code, and their bodies
 * (methods-impl.ts, with the resource classes) load on first use; the interfaces below merge into the
 * kernel classes so the methods are typed wherever this module's types are visible.
 */
import { defineLazyMethods, defineMethod, Organization, OrganizationMembership, Session, User } from '../../kernel/index.js';
import { checkAuthorization, organizationFromClaims, type CheckAuthorizationParams, type OrganizationGrant } from './authorization.js';
import type {
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationMembershipRequest,
  OrganizationSuggestion,
  UserOrganizationInvitation,
  ClerkPaginatedResponse,
  ClerkPaginationParams,
  DeletedObject,
  OrganizationEnrollmentMode,
  RoleResource,
} from './resources.js';

type Page = ClerkPaginationParams;

export interface OrganizationMethods {
  reload(): Promise<this>;
  update(params: { name?: string; slug?: string; maxAllowedMemberships?: number }): Promise<this>;
  destroy(): Promise<void>;
  /** A Blob/File (multipart `file`) or a data-URL string; `null` removes the logo. */
  setLogo(params: { file: Blob | File | string | null }): Promise<this>;
  getMemberships(params?: Page & { role?: string[]; query?: string }): Promise<ClerkPaginatedResponse<OrganizationMembership>>;
  getInvitations(params?: Page & { status?: Array<OrganizationInvitation['status']> }): Promise<ClerkPaginatedResponse<OrganizationInvitation>>;
  getMembershipRequests(
    params?: Page & { status?: OrganizationMembershipRequest['status'] | 'expired' },
  ): Promise<ClerkPaginatedResponse<OrganizationMembershipRequest>>;
  getDomains(params?: Page & { enrollmentMode?: OrganizationEnrollmentMode }): Promise<ClerkPaginatedResponse<OrganizationDomain>>;
  getDomain(params: { domainId: string }): Promise<OrganizationDomain>;
  createDomain(name: string, options?: { enrollmentMode?: OrganizationEnrollmentMode }): Promise<OrganizationDomain>;
  getRoles(params?: Page): Promise<ClerkPaginatedResponse<RoleResource> & { has_role_set_migration?: boolean }>;
  addMember(params: { userId: string; role: string }): Promise<OrganizationMembership>;
  inviteMember(params: { emailAddress: string; role: string }): Promise<OrganizationInvitation>;
  inviteMembers(params: { emailAddresses: string[]; role: string }): Promise<OrganizationInvitation[]>;
  updateMember(params: { userId: string; role: string }): Promise<OrganizationMembership>;
  removeMember(userId: string): Promise<OrganizationMembership>;
}

export interface OrganizationMembershipMethods {
  update(params: { role: string }): Promise<this>;
  destroy(): Promise<this>;
}

/** What FAPI suggests for the user's next organization (ClerkJS's types for the advisory). */
export interface OrganizationCreationDefaults {
  advisory: { code: 'organization_already_exists'; severity: 'warning'; meta: Record<string, string> } | null;
  form: { name: string; slug: string; logo: string | null; blurHash: string | null };
  /** No FAPI path of its own (`''`). */
  readonly pathRoot: string;
  /** Rejects (`no_endpoint`): call `getOrganizationCreationDefaults()` again. */
  reload(): Promise<this>;
}

export interface UserOrganizationMethods {
  getOrganizationMemberships(params?: Page): Promise<ClerkPaginatedResponse<OrganizationMembership>>;
  getOrganizationInvitations(params?: Page & { status?: UserOrganizationInvitation['status'] }): Promise<ClerkPaginatedResponse<UserOrganizationInvitation>>;
  getOrganizationSuggestions(
    params?: Page & { status?: OrganizationSuggestion['status'] | Array<OrganizationSuggestion['status']> },
  ): Promise<ClerkPaginatedResponse<OrganizationSuggestion>>;
  leaveOrganization(organizationId: string): Promise<DeletedObject>;
  getOrganizationCreationDefaults(): Promise<OrganizationCreationDefaults>;
}

export interface SessionAuthorizationMethods {
  /** ClerkJS's `has()`: `{ role }` / `{ permission }` of the active organization, `{ reverification }`. */
  checkAuthorization(params: CheckAuthorizationParams): boolean;
}

declare module '../../kernel/resources/organization.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Organization extends OrganizationMethods {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OrganizationMembership extends OrganizationMembershipMethods {}
}
declare module '../../kernel/resources/user.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends UserOrganizationMethods {}
}
declare module '../../kernel/resources/session.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Session extends SessionAuthorizationMethods {}
}

const sessionMethods: SessionAuthorizationMethods & ThisType<Session> = {
  checkAuthorization(params) {
    const orgId = this.lastActiveOrganizationId;
    // The token is what the server signed for this organization; the membership covers a token not yet
    // refreshed after a switch (ClerkJS reads the membership only).
    const fromToken = organizationFromClaims(this.lastActiveToken?.jwt?.claims);
    const membership = this.user?.organizationMemberships.find((m) => m.organization.id === orgId);
    const grant: OrganizationGrant | null =
      fromToken?.orgId === orgId
        ? fromToken
        : membership
          ? { orgId: membership.organization.id, orgRole: membership.role, orgPermissions: membership.permissions }
          : null;
    return checkAuthorization(params, { userId: this.user?.id, grant, factorVerificationAge: this.factorVerificationAge });
  },
};

// Every method name, checked complete against the interfaces, so stubs exist before the bodies load.
const ORGANIZATION: Record<keyof OrganizationMethods, 0> = {
  reload: 0,
  update: 0,
  destroy: 0,
  setLogo: 0,
  getMemberships: 0,
  getInvitations: 0,
  getMembershipRequests: 0,
  getDomains: 0,
  getDomain: 0,
  createDomain: 0,
  getRoles: 0,
  addMember: 0,
  inviteMember: 0,
  inviteMembers: 0,
  updateMember: 0,
  removeMember: 0,
};
const MEMBERSHIP: Record<keyof OrganizationMembershipMethods, 0> = { update: 0, destroy: 0 };
const USER: Record<keyof UserOrganizationMethods, 0> = {
  getOrganizationMemberships: 0,
  getOrganizationInvitations: 0,
  getOrganizationSuggestions: 0,
  leaveOrganization: 0,
  getOrganizationCreationDefaults: 0,
};

/** The bodies, with the kernel classes they construct handed over (they import none). */
export const loadBodies = () => import('./methods-impl.js').then((impl) => (Object.assign(impl.classes, { Organization, OrganizationMembership }), impl));

/** Puts the methods on the kernel classes once (every instance shares the classes). */
export function installOrganizationMethods(): void {
  const bodies = (group: 'organizationMethods' | 'membershipMethods' | 'userMethods') => () =>
    loadBodies().then((impl) => impl[group] as unknown as Record<string, (...a: unknown[]) => unknown>);
  defineLazyMethods(Organization.prototype, Object.keys(ORGANIZATION).join(' '), bodies('organizationMethods'));
  defineLazyMethods(OrganizationMembership.prototype, Object.keys(MEMBERSHIP).join(' '), bodies('membershipMethods'));
  defineLazyMethods(User.prototype, Object.keys(USER).join(' '), bodies('userMethods'));
  defineMethod(Session.prototype, 'checkAuthorization', sessionMethods.checkAuthorization);
  // ClerkJS's value when FAPI leaves the field out (an instance that has not adopted the feature).
  Organization.prototype.exclusiveMembership = false;
}
