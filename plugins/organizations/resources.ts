/**
 * The organization resources only this plugin creates (invitations, membership requests, domains,
 * suggestions, the user's invitations), with ClerkJS's names, fields and FAPI paths, and ClerkJS's
 * pagination: `{ initialPage, pageSize }` → `limit` / `offset`, answered as `{ data, total_count }`.
 */
import type { JSONObject, ResourceContext } from '../../kernel/index.js';
import { BaseResource, camelize, ClerkRuntimeError } from '../../kernel/lazy-kit.js';

/** ClerkJS's paginated list answer. */
export interface ClerkPaginatedResponse<T> {
  data: T[];
  total_count: number;
}

/** ClerkJS's page parameters; other keys (`role`, `query`, `status`…) pass through as query params. */
export interface ClerkPaginationParams {
  initialPage?: number;
  pageSize?: number;
}

/** What `DELETE` answers: `{ object, id, slug?, deleted: true }`. */
export interface DeletedObject {
  object: string;
  id?: string;
  slug?: string;
  deleted: boolean;
}

/** As ClerkJS: `limit` = pageSize (10), `offset` = (initialPage − 1) × limit, arrays comma-joined, undefined dropped. */
export function pageSearch(params: object = {}): Record<string, string> {
  const { initialPage = 1, pageSize = 10, ...rest } = params as ClerkPaginationParams & Record<string, unknown>;
  for (const [name, value] of [
    ['initialPage', initialPage],
    ['pageSize', pageSize],
  ] as const) {
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new ClerkRuntimeError(`${name} must be a positive integer, got ${JSON.stringify(value)}.`, { code: 'invalid_pagination' });
    }
  }
  const search: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) search[key] = String(value);
  search.limit = String(pageSize);
  search.offset = String((initialPage - 1) * pageSize);
  return search;
}

/** GETs a paginated list and turns each item into a resource. */
export async function fetchPage<T>(
  ctx: ResourceContext,
  path: string,
  params: object | undefined,
  make: (json: JSONObject) => T,
  forceUpdateClient = false,
): Promise<ClerkPaginatedResponse<T>> {
  const payload = await ctx.fapi.request<{ response?: { data?: JSONObject[]; total_count?: number } }>({
    path,
    search: pageSearch(params),
    forceUpdateClient,
  });
  const page = payload?.response ?? {};
  return { data: (page.data ?? []).map(make), total_count: page.total_count ?? 0 };
}

/** POSTs (or another method) and returns the `response` JSON. */
export async function send(
  ctx: ResourceContext,
  method: 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  body?: Record<string, unknown> | FormData | string,
) {
  const payload = await ctx.fapi.request<{ response?: JSONObject } | null>({ method, path, body });
  return (payload?.response ?? payload ?? {}) as JSONObject;
}

export const deletedObject = (json: JSONObject): DeletedObject => camelize(json) as DeletedObject;

const noEndpoint = () => Promise.reject(new ClerkRuntimeError('reload(): this object has no endpoint of its own; list it again.', { code: 'no_endpoint' }));

/**
 * ClerkJS's resource plumbing of the kinds below: none has a FAPI path of its own (ClerkJS's `pathRoot` is
 * ''), so `reload()` rejects (`no_endpoint`) — ClerkJS's request there fails too.
 */
abstract class ListedResource extends BaseResource {
  get pathRoot(): string {
    return '';
  }
  reload(): Promise<this> {
    return noEndpoint();
  }
}

/** A role or permission: data, with the same plumbing (`pathRoot` '', `reload()` rejects). */
const listedData = { pathRoot: '', reload: noEndpoint };
/** FAPI data as a resource with that plumbing: its camelCase fields on the shared prototype. */
export const listedDataFromJSON = <T>(json: JSONObject): T => Object.assign(Object.create(listedData), camelize(json));
export const roleFromJSON = (json: JSONObject): RoleResource => {
  const role = listedDataFromJSON<RoleResource>(json);
  role.permissions = (role.permissions ?? []).map((p) => Object.assign(Object.create(listedData), p));
  return role;
};

interface PublicUserData {
  userId?: string;
  identifier: string;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string;
  hasImage: boolean;
}

interface PublicOrganizationData {
  id: string;
  name: string;
  slug: string | null;
  imageUrl: string;
  hasImage: boolean;
}

/** An invitation as the organization's admins see it. */
export class OrganizationInvitation extends ListedResource {
  declare emailAddress: string;
  declare organizationId: string;
  declare role: string;
  declare roleName: string;
  declare status: 'pending' | 'accepted' | 'revoked' | 'expired';
  declare publicMetadata: Record<string, unknown>;
  declare createdAt: Date;
  declare updatedAt: Date;

  revoke(): Promise<this> {
    return this._mutate('POST', `/organizations/${this.organizationId}/invitations/${this.id}/revoke`);
  }
}

/** A user's request to join, created when they accept a suggestion; admins accept or reject it. */
export class OrganizationMembershipRequest extends ListedResource {
  declare organizationId: string;
  /**
   * ClerkJS's type for it (an invitation's statuses), so that code typed against ClerkJS takes the request.
   * After `reject()` FAPI reports `'rejected'`, which that type (and so this one) leaves out, as in ClerkJS.
   */
  declare status: 'pending' | 'accepted' | 'revoked' | 'expired';
  declare publicUserData: PublicUserData;
  declare createdAt: Date;
  declare updatedAt: Date;

  accept(): Promise<this> {
    return this._mutate('POST', `/organizations/${this.organizationId}/membership_requests/${this.id}/accept`);
  }
  reject(): Promise<this> {
    return this._mutate('POST', `/organizations/${this.organizationId}/membership_requests/${this.id}/reject`);
  }
}

/** How users at a verified domain join (`enterprise_sso`: through the domain's enterprise connection). */
export type OrganizationEnrollmentMode = 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion' | 'enterprise_sso';

/** The verification of a domain by a code sent to an address there (ClerkJS's OrganizationDomainVerification). */
export interface OrganizationDomainVerification {
  status: 'unverified' | 'verified' | 'failed' | 'expired';
  strategy: 'email_code';
  attempts: number;
  /** When the code expires; now when FAPI sends none, as ClerkJS. */
  expiresAt: Date;
}

/** The verification of a domain's ownership by a DNS record (ClerkJS's OrganizationDomainOwnershipVerification). */
export interface OrganizationDomainOwnershipVerification {
  status: 'unverified' | 'verified' | 'expired';
  strategy: 'txt' | 'legacy' | 'manual_override' | 'parent_domain';
  attempts: number | null;
  expiresAt: Date | null;
  verifiedAt: Date | null;
  txtRecordName: string | null;
  txtRecordValue: string | null;
}

const dateOrNow = (epochMs: unknown) => new Date((epochMs as number) || Date.now());
const dateOrNull = (epochMs: unknown) => (epochMs ? new Date(epochMs as number) : null);

/** A domain an organization claims; verified by a code sent to an address at that domain. */
export class OrganizationDomain extends ListedResource {
  declare name: string;
  declare organizationId: string;
  declare enrollmentMode: OrganizationEnrollmentMode;
  declare affiliationEmailAddress: string | null;
  /** The same object as `affiliationVerification`, under the name ClerkJS kept for it. */
  declare verification: OrganizationDomainVerification | null;
  declare affiliationVerification: OrganizationDomainVerification | null;
  declare ownershipVerification: OrganizationDomainOwnershipVerification | null;
  declare totalPendingInvitations: number;
  declare totalPendingSuggestions: number;
  declare createdAt: Date;
  declare updatedAt: Date;

  protected static override readonly childKeys = new Set(['verification', 'affiliation_verification', 'ownership_verification']);

  protected override hydrate(json: JSONObject): void {
    // ClerkJS names the wire's `expire(s)_at` `expiresAt`.
    const v = (json.affiliation_verification ?? json.verification) as JSONObject | null | undefined;
    this.verification = this.affiliationVerification = v
      ? {
          status: v.status as 'unverified',
          strategy: v.strategy as 'email_code',
          attempts: Number(v.attempts ?? 0),
          expiresAt: dateOrNow(v.expires_at ?? v.expire_at),
        }
      : null;
    const o = json.ownership_verification as JSONObject | null | undefined;
    this.ownershipVerification = o
      ? {
          status: o.status as 'unverified',
          strategy: o.strategy as 'txt',
          attempts: (o.attempts as number) ?? null,
          expiresAt: dateOrNull(o.expire_at),
          verifiedAt: dateOrNull(o.verified_at),
          txtRecordName: (o.txt_record_name as string) ?? null,
          txtRecordValue: (o.txt_record_value as string) ?? null,
        }
      : null;
  }

  private get path() {
    return `/organizations/${this.organizationId}/domains/${this.id}`;
  }
  /** Sends a code to `affiliationEmailAddress`, which must be at this domain. */
  prepareAffiliationVerification(params: { affiliationEmailAddress: string }): Promise<this> {
    return this._mutate('POST', `${this.path}/prepare_affiliation_verification`, params);
  }
  attemptAffiliationVerification(params: { code: string }): Promise<this> {
    return this._mutate('POST', `${this.path}/attempt_affiliation_verification`, params);
  }
  updateEnrollmentMode(params: { enrollmentMode: OrganizationEnrollmentMode; deletePending?: boolean }): Promise<this> {
    return this._mutate('POST', `${this.path}/update_enrollment_mode`, params);
  }
  delete(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: this.path }).then(() => undefined);
  }
}

/** An organization the user may ask to join (its verified domain matches one of their addresses). */
export class OrganizationSuggestion extends ListedResource {
  declare publicOrganizationData: PublicOrganizationData;
  declare status: 'pending' | 'accepted';
  declare createdAt: Date;
  declare updatedAt: Date;

  accept(): Promise<this> {
    return this._mutate('POST', `/me/organization_suggestions/${this.id}/accept`);
  }
}

/** An invitation as its invitee sees it (`user.getOrganizationInvitations()`). */
export class UserOrganizationInvitation extends ListedResource {
  declare emailAddress: string;
  declare publicOrganizationData: PublicOrganizationData;
  declare role: string;
  declare roleName: string;
  declare status: 'pending' | 'accepted' | 'revoked' | 'expired';
  declare publicMetadata: Record<string, unknown>;
  declare createdAt: Date;
  declare updatedAt: Date;

  accept(): Promise<this> {
    return this._mutate('POST', `/me/organization_invitations/${this.id}/accept`);
  }
}

/** The plumbing ClerkJS's resources share: no endpoint here (`pathRoot` is '', `reload()` rejects with `no_endpoint`). */
export interface ListedPlumbing {
  readonly pathRoot: string;
  reload(): Promise<never>;
}

/** A role an organization's members may hold, with its permissions. */
export interface RoleResource extends ListedPlumbing {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: Array<
    ListedPlumbing & { id: string; key: string; name: string; description: string; type: 'system' | 'user'; createdAt: Date; updatedAt: Date }
  >;
  createdAt: Date;
  updatedAt: Date;
}
