/**
 * The `organization-profile` plugin: the `<OrganizationProfile/>` component for the active organization
 * (general settings, members with invitations and membership requests, verified domains, custom pages)
 * and `mountOrganizationProfile` / `unmountOrganizationProfile` / `openOrganizationProfile` /
 * `closeOrganizationProfile`. What a member sees follows their membership's permissions. The view is
 * loaded on the first mount or open.
 * @packageDocumentation
 */
import { type ComponentMembers, defineComponentPlugin, type HostedProps } from '../ui/index.js';
// Type-only: the organization methods (getMemberships, setLogo…) merged into the kernel's resources.
import type {} from '../organizations/index.js';
import type { organizationProfileStrings } from './strings.js';

/**
 * A page an app adds: `mount` renders into the element the component gives it (and `unmount` cleans
 * up); without `mount` the entry is a link to `url`.
 */
export interface OrganizationProfilePage {
  label: string;
  /** The page's route inside the component (`billing` → `#/billing`), or the link target. */
  url: string;
  mount?: (el: HTMLDivElement) => void;
  unmount?: (el: HTMLDivElement) => void;
}

export interface OrganizationProfileProps extends HostedProps {
  /** Where to go after leaving or deleting the organization. Default: the instance's `after_leave_organization_url`, else `/`. */
  afterLeaveOrganizationUrl?: string;
  /** Extra pages after "General", "Members" and "Verified domains". */
  customPages?: OrganizationProfilePage[];
  /** The page shown first (`members`, `domains`, a custom page's `url`). */
  __experimental_startPath?: string;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'organization-profile': ComponentMembers<'OrganizationProfile'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    OrganizationProfile: OrganizationProfileProps;
  }
  interface ComponentStrings {
    OrganizationProfile: typeof organizationProfileStrings;
  }
}

/** The `<OrganizationProfile/>` component plugin (needs `ui` and `organizations`); its view loads on the first mount or open. */
export function organizationProfilePlugin() {
  return defineComponentPlugin({
    name: 'organization-profile',
    component: 'OrganizationProfile',
    dependsOn: ['organizations'],
    load: () => import('./view.js'),
  });
}
