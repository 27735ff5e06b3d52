/**
 * The implementations of the organization methods methods.ts declares, loaded on the first call of any
 * of them (they all talk to FAPI, so they are async anyway): an instance pays for this code only when
 * the app uses organizations.
 */
import type { BaseResource, JSONObject, Organization, OrganizationMembership, ResourceContext, User } from '../../kernel/index.js';

/**
 * The kernel classes these bodies construct, handed over by the loaders (methods.ts, organizations.ts):
 * lazy code imports no kernel class, so the kernel stays in the initial chunk with the plugins.
 */
export const classes = {} as { Organization: typeof Organization; OrganizationMembership: typeof OrganizationMembership };
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { CreateOrganizationParams } from './organizations.js';
import type { OrganizationMembershipMethods, OrganizationMethods, UserOrganizationMethods, OrganizationCreationDefaults } from './methods.js';
import {
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationMembershipRequest,
  OrganizationSuggestion,
  UserOrganizationInvitation,
  deletedObject,
  fetchPage,
  send,
  listedDataFromJSON,
  roleFromJSON,
  type RoleResource,
} from './resources.js';

/** The resource's kernel context (FAPI client); `_ctx` is protected, these methods are its class's own. */
const ctxOf = (resource: BaseResource) => (resource as unknown as { _ctx: ResourceContext })._ctx;

function required(method: string, name: string, value: unknown, check = typeof value === 'string' && value.trim() !== '') {
  if (!check) throw new ClerkRuntimeError(`${method}: ${name} must be a non-empty string, got ${JSON.stringify(value)}.`, { code: 'invalid_arguments' });
}

export const organizationMethods: OrganizationMethods & ThisType<Organization> = {
  async reload() {
    const payload = await ctxOf(this).fapi.request<{ response?: JSONObject }>({ path: `/organizations/${this.id}`, forceUpdateClient: true });
    return this.fromJSON(payload?.response ?? null);
  },
  async update(params) {
    return this.fromJSON(await send(ctxOf(this), 'PATCH', `/organizations/${this.id}`, params));
  },
  async destroy() {
    await send(ctxOf(this), 'DELETE', `/organizations/${this.id}`);
  },
  async setLogo({ file }) {
    let body: FormData | string | undefined;
    if (typeof file === 'string') body = file;
    else if (file) (body = new FormData()).append('file', file);
    return this.fromJSON(await send(ctxOf(this), file === null ? 'DELETE' : 'PUT', `/organizations/${this.id}/logo`, body));
  },
  getMemberships(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, `/organizations/${this.id}/memberships`, { ...params, paginated: true }, (j) => new classes.OrganizationMembership(ctx, j));
  },
  getInvitations(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, `/organizations/${this.id}/invitations`, params, (j) => new OrganizationInvitation(ctx, j), true);
  },
  getMembershipRequests(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, `/organizations/${this.id}/membership_requests`, params, (j) => new OrganizationMembershipRequest(ctx, j));
  },
  getDomains(params = {}) {
    const ctx = ctxOf(this);
    const { enrollmentMode, ...rest } = params;
    return fetchPage(ctx, `/organizations/${this.id}/domains`, { ...rest, enrollment_mode: enrollmentMode }, (j) => new OrganizationDomain(ctx, j), true);
  },
  async getDomain({ domainId }) {
    required('organization.getDomain()', 'domainId', domainId);
    const payload = await ctxOf(this).fapi.request<{ response: JSONObject }>({ path: `/organizations/${this.id}/domains/${domainId}` });
    return new OrganizationDomain(ctxOf(this), payload?.response);
  },
  async createDomain(name, options = {}) {
    required('organization.createDomain()', 'name', name);
    return new OrganizationDomain(
      ctxOf(this),
      await send(ctxOf(this), 'POST', `/organizations/${this.id}/domains`, { name, enrollmentMode: options.enrollmentMode }),
    );
  },
  async getRoles(params) {
    const page = await fetchPage<RoleResource>(ctxOf(this), `/organizations/${this.id}/roles`, params, roleFromJSON, true);
    return page;
  },
  async addMember({ userId, role }) {
    required('organization.addMember()', 'userId', userId);
    return new classes.OrganizationMembership(ctxOf(this), await send(ctxOf(this), 'POST', `/organizations/${this.id}/memberships`, { userId, role }));
  },
  async inviteMember({ emailAddress, role }) {
    required('organization.inviteMember()', 'emailAddress', emailAddress);
    return new OrganizationInvitation(ctxOf(this), await send(ctxOf(this), 'POST', `/organizations/${this.id}/invitations`, { emailAddress, role }));
  },
  async inviteMembers({ emailAddresses, role }) {
    required('organization.inviteMembers()', 'emailAddresses', emailAddresses, Array.isArray(emailAddresses) && emailAddresses.length > 0);
    const ctx = ctxOf(this);
    const list = (await send(ctx, 'POST', `/organizations/${this.id}/invitations/bulk`, { emailAddress: emailAddresses, role })) as unknown as JSONObject[];
    return (Array.isArray(list) ? list : []).map((j) => new OrganizationInvitation(ctx, j));
  },
  async updateMember({ userId, role }) {
    required('organization.updateMember()', 'userId', userId);
    return new classes.OrganizationMembership(ctxOf(this), await send(ctxOf(this), 'PATCH', `/organizations/${this.id}/memberships/${userId}`, { role }));
  },
  async removeMember(userId) {
    required('organization.removeMember()', 'userId', userId);
    return new classes.OrganizationMembership(ctxOf(this), await send(ctxOf(this), 'DELETE', `/organizations/${this.id}/memberships/${userId}`));
  },
};

/** A membership's paths name the organization and the member's user id, as ClerkJS builds them. */
const membershipPath = (m: OrganizationMembership) => `/organizations/${m.organization.id}/memberships/${m.publicUserData?.userId}`;

export const membershipMethods: OrganizationMembershipMethods & ThisType<OrganizationMembership> = {
  async update({ role }) {
    return this.fromJSON(await send(ctxOf(this), 'PATCH', membershipPath(this), { role }));
  },
  async destroy() {
    return this.fromJSON(await send(ctxOf(this), 'DELETE', membershipPath(this)));
  },
};

export const userMethods: UserOrganizationMethods & ThisType<User> = {
  getOrganizationMemberships(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, '/me/organization_memberships', { ...params, paginated: true }, (j) => new classes.OrganizationMembership(ctx, j));
  },
  getOrganizationInvitations(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, '/me/organization_invitations', params, (j) => new UserOrganizationInvitation(ctx, j));
  },
  getOrganizationSuggestions(params) {
    const ctx = ctxOf(this);
    return fetchPage(ctx, '/me/organization_suggestions', params, (j) => new OrganizationSuggestion(ctx, j));
  },
  async leaveOrganization(organizationId) {
    required('user.leaveOrganization()', 'organizationId', organizationId);
    return deletedObject(await send(ctxOf(this), 'DELETE', `/me/organization_memberships/${organizationId}`));
  },
  async getOrganizationCreationDefaults() {
    const payload = await ctxOf(this).fapi.request<{ response?: JSONObject }>({ path: '/me/organization_creation_defaults' });
    return listedDataFromJSON<OrganizationCreationDefaults>(payload?.response ?? {});
  },
};

/** `clerk.createOrganization()`: the creator becomes admin; the piggy-backed client carries the membership. */
export async function createOrganization(ctx: ResourceContext, params: CreateOrganizationParams): Promise<Organization> {
  const { name, slug } = (params ?? {}) as Partial<CreateOrganizationParams>;
  if (typeof name !== 'string' || !name.trim()) {
    throw new ClerkRuntimeError(`createOrganization(): name must be a non-empty string, got ${JSON.stringify(name)}.`, { code: 'invalid_organization_name' });
  }
  if (slug !== undefined && (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(slug))) {
    throw new ClerkRuntimeError(
      `createOrganization(): slug must be lowercase letters, digits, "-" or "_" (starting with a letter or digit), got ${JSON.stringify(slug)}.`,
      { code: 'invalid_organization_slug' },
    );
  }
  return new classes.Organization(ctx, await send(ctx, 'POST', '/organizations', { name, slug }));
}

export async function getOrganization(ctx: ResourceContext, organizationId: string): Promise<Organization> {
  required('getOrganization()', 'organizationId', organizationId);
  const payload = await ctx.fapi.request<{ response: JSONObject }>({ path: `/organizations/${encodeURIComponent(organizationId)}` });
  return new classes.Organization(ctx, payload.response);
}
