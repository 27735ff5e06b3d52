/**
 * The `organization-list` plugin: `<OrganizationList/>` — the user's organizations (and personal
 * account) to choose from, their pending invitations and suggestions, and creating an organization
 * (inline, or on `createOrganizationUrl`) — with `mountOrganizationList` / `unmountOrganizationList`.
 * The view is loaded on the first mount.
 * @packageDocumentation
 */
import type { User } from '../../kernel/index.js';
import type { OrganizationUrl } from '../create-organization/index.js';
import type {} from '../organizations/organizations.js';
import { defineComponentPlugin, type HostedProps, type MountMembers } from '../ui/index.js';
import type { organizationListStrings } from './strings.js';

export interface OrganizationListProps extends HostedProps {
  /** Hides the personal account: only organizations are offered. */
  hidePersonal?: boolean;
  /** Where to go after choosing an organization (`:id`, `:slug` placeholders, or a function of it). */
  afterSelectOrganizationUrl?: OrganizationUrl;
  /** Where to go after choosing the personal account (`:id` of the user, or a function of the user). */
  afterSelectPersonalUrl?: string | ((user: User) => string);
  /** Where to go after creating an organization from the list. */
  afterCreateOrganizationUrl?: OrganizationUrl;
  /** A page hosting `<CreateOrganization/>`: "Create organization" navigates there instead of showing the flow inline (default). */
  createOrganizationUrl?: string;
  /** Ends the create flow right after creation, without the invite-members step. */
  skipInvitationScreen?: boolean;
  /** Hides the slug field of the create flow. */
  hideSlug?: boolean;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'organization-list': MountMembers<'OrganizationList'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    OrganizationList: OrganizationListProps;
  }
  interface ComponentStrings {
    OrganizationList: typeof organizationListStrings;
  }
}

export function organizationListPlugin() {
  return defineComponentPlugin({
    name: 'organization-list',
    component: 'OrganizationList',
    dependsOn: ['organizations'],
    // A page-level chooser (ClerkJS has no openOrganizationList).
    modal: false,
    load: () => import('./view.js'),
  });
}
