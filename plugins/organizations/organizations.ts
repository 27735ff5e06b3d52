import { definePlugin, type Organization } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/errors.js';
import { installOrganizationMethods, loadBodies } from './methods.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    organizations: OrganizationsApi;
  }
}

export interface CreateOrganizationParams {
  name: string;
  /** Lowercase letters, digits, `-` and `_`; FAPI derives one from the name when omitted. */
  slug?: string;
}

export interface OrganizationsApi {
  /** `POST /v1/organizations`; the creator becomes its admin (the piggy-backed client carries the membership). */
  createOrganization(params: CreateOrganizationParams): Promise<Organization>;
  /** `GET /v1/organizations/:id`, for an organization the user belongs to. */
  getOrganization(organizationId: string): Promise<Organization>;
}

/**
 * The organizations plugin: `createOrganization`, `getOrganization`, and the organization methods of
 * the kernel's resources (`organization.getMemberships()`, `user.getOrganizationMemberships()`,
 * `session.checkAuthorization()`…). Switching organizations is the kernel's `setActive({ organization })`.
 */
export function organizationsPlugin() {
  return definePlugin({
    name: 'organizations',
    setup(ctx): OrganizationsApi {
      installOrganizationMethods();
      const needsClient = (method: string) => {
        if (!ctx.kernel.client) throw new ClerkRuntimeError(`clerk.${method}() needs a loaded client: await clerk.load() first.`, { code: 'not_loaded' });
      };
      // The bodies load with the resource methods, on first use.
      const impl = loadBodies;
      return {
        async createOrganization(params) {
          needsClient('createOrganization');
          return (await impl()).createOrganization(ctx.kernel.resources, params);
        },
        async getOrganization(organizationId) {
          needsClient('getOrganization');
          return (await impl()).getOrganization(ctx.kernel.resources, organizationId);
        },
      };
    },
  });
}
