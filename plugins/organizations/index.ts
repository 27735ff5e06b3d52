/**
 * The organizations plugin: `clerk.createOrganization()`, `clerk.getOrganization()`, and ClerkJS's
 * organization resources — `Organization` (update, logo, memberships, invitations, membership requests,
 * domains, roles), `OrganizationMembership`, `OrganizationInvitation`, `OrganizationMembershipRequest`,
 * `OrganizationDomain`, `OrganizationSuggestion`, `UserOrganizationInvitation` — with ClerkJS's
 * pagination (`{ initialPage, pageSize }` → `{ data, total_count }`), the user's organization lists and
 * `session.checkAuthorization()`. The methods of the kernel's Organization, OrganizationMembership,
 * User and Session are installed by this plugin, so instances without it ship none of them.
 * @packageDocumentation
 */
export { organizationsPlugin } from './organizations.js';
export type { CreateOrganizationParams, OrganizationsApi } from './organizations.js';
export type {
  OrganizationCreationDefaults,
  OrganizationMembershipMethods,
  OrganizationMethods,
  SessionAuthorizationMethods,
  UserOrganizationMethods,
} from './methods.js';
export type { CheckAuthorizationParams, OrganizationGrant, ReverificationConfig, ReverificationLevel } from './authorization.js';
export { checkAuthorization, organizationFromClaims } from './authorization.js';
export {
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationMembershipRequest,
  OrganizationSuggestion,
  UserOrganizationInvitation,
  pageSearch,
} from './resources.js';
export type {
  ClerkPaginatedResponse,
  ClerkPaginationParams,
  DeletedObject,
  OrganizationDomainOwnershipVerification,
  OrganizationDomainVerification,
  OrganizationEnrollmentMode,
  RoleResource,
} from './resources.js';
