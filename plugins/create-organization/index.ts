/**
 * The `create-organization` plugin: the `<CreateOrganization/>` component (logo, name, slug derived
 * from the name, then an invite-members step unless `skipInvitationScreen`) and
 * `mountCreateOrganization` / `unmountCreateOrganization` / `openCreateOrganization` /
 * `closeCreateOrganization`. The new organization becomes the active one. The view is loaded on the
 * first mount or open; `<OrganizationSwitcher/>` and `<OrganizationList/>` share its form.
 * @packageDocumentation
 */
import type {} from '../organizations/organizations.js';
import { type ComponentMembers, defineComponentPlugin, type HostedProps } from '../ui/index.js';
import type { Organization } from '../../kernel/index.js';
import type { createOrganizationStrings } from './strings.js';

/**
 * A URL after an organization action: a string, where `:id`, `:slug` and `:name` (any plain field of
 * the organization) are replaced as ClerkJS does (`/orgs/:slug`), or a function of the organization.
 */
export type OrganizationUrl = string | ((organization: Organization) => string);

export interface CreateOrganizationProps extends HostedProps {
  /** Where to go once the organization exists (after the invite step). Default: the instance's `after_create_organization_url`; a modal just closes. */
  afterCreateOrganizationUrl?: OrganizationUrl;
  /** Ends the flow right after creation, without the invite-members step. */
  skipInvitationScreen?: boolean;
  /** Hides the slug field (FAPI derives the slug from the name). */
  hideSlug?: boolean;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'create-organization': ComponentMembers<'CreateOrganization'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    CreateOrganization: CreateOrganizationProps;
  }
  interface ComponentStrings {
    CreateOrganization: typeof createOrganizationStrings;
  }
}

export function createOrganizationPlugin() {
  return defineComponentPlugin({
    name: 'create-organization',
    component: 'CreateOrganization',
    dependsOn: ['organizations'],
    load: () => import('./view.js'),
  });
}
