import { BaseResource, type JSONObject } from './base.js';

export class Organization extends BaseResource {
  declare name: string;
  declare slug: string | null;
  declare imageUrl: string;
  declare hasImage: boolean;
  declare membersCount: number;
  declare pendingInvitationsCount: number;
  declare maxAllowedMemberships: number;
  declare adminDeleteEnabled: boolean;
  /** Members must have this organization active (FAPI's setting); false when FAPI leaves it out (the organizations plugin). */
  declare exclusiveMembership: boolean;
  declare publicMetadata: Record<string, unknown>;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export class OrganizationMembership extends BaseResource {
  declare organization: Organization;
  declare role: string;
  declare roleName: string;
  declare permissions: string[];
  declare publicMetadata: Record<string, unknown>;
  declare publicUserData?: { userId?: string; identifier: string; firstName: string | null; lastName: string | null; imageUrl: string; hasImage: boolean };
  declare createdAt: Date;
  declare updatedAt: Date;

  protected static override readonly childKeys = new Set(['organization']);

  protected override hydrate(json: JSONObject): void {
    const org = json.organization as JSONObject;
    this.organization = this.organization && this.organization.id === org?.id ? this.organization.fromJSON(org) : new Organization(this._ctx, org);
  }
}
