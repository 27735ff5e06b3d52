/**
 * The `organization-profile` plugin: the `<OrganizationProfile/>` component for the active organization
 * (general settings, members with invitations and membership requests, verified domains, custom pages)
 * and `mountOrganizationProfile` / `unmountOrganizationProfile` / `openOrganizationProfile` /
 * `closeOrganizationProfile`, plus the `<InviteMembers/>` modal (`openInviteMembers` / `closeInviteMembers`):
 * its invitation form alone. What a member sees follows their membership's permissions. The view is
 * loaded on the first mount or open.
 * @packageDocumentation
 */
import { definePlugin } from '../../kernel/index.js';
import type { ComponentMembers, HostedProps } from '../ui/index.js';
// Type-only: the organization methods (getMemberships, setLogo…) merged into the kernel's resources.
import type {} from '../organizations/index.js';
import type { organizationProfileStrings } from './strings.js';

/**
 * A page an app adds: `mount` renders into the element the component gives it (and `unmount` cleans
 * up); without `mount` the entry is a link to `url`.
 */
export interface OrganizationProfilePage {
  label: string;
  /**
   * The page's route inside the component (`billing` → `#/billing`), or the link target. Without it,
   * `{ label: 'general' }` / `'members'` / `'domains'` places that default page at this position (the
   * defaults not placed come first), as with ClerkJS.
   */
  url?: string;
  mount?: (el: HTMLDivElement) => void;
  unmount?: (el: HTMLDivElement) => void;
  /** Accepted for ClerkJS compatibility; the navbar shows labels only. */
  mountIcon?: (el: HTMLDivElement) => void;
  unmountIcon?: (el: HTMLDivElement) => void;
}

export interface OrganizationProfileProps extends HostedProps {
  /** Where to go after leaving or deleting the organization. Default: the instance's `after_leave_organization_url`, else `/`. */
  afterLeaveOrganizationUrl?: string;
  /** Extra pages after "General", "Members" and "Verified domains". */
  customPages?: OrganizationProfilePage[];
  /** The page shown first (`members`, `domains`, a custom page's `url`). */
  __experimental_startPath?: string;
}

/** `clerk.openInviteMembers(props)`: the modal's appearance (it has no routing of its own). */
export interface InviteMembersProps {
  appearance?: HostedProps['appearance'];
}

/** The plugin's public members: OrganizationProfile's mount/open family, and the InviteMembers modal's open/close. */
export type OrganizationProfileMembers = ComponentMembers<'OrganizationProfile'> & {
  openInviteMembers(props?: InviteMembersProps): void;
  closeInviteMembers(): void;
};

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'organization-profile': OrganizationProfileMembers;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    OrganizationProfile: OrganizationProfileProps;
    InviteMembers: InviteMembersProps;
  }
  interface ComponentStrings {
    OrganizationProfile: typeof organizationProfileStrings;
  }
}

/**
 * The `<OrganizationProfile/>` component plugin with the `<InviteMembers/>` modal (needs `ui` and
 * `organizations`); their view loads on the first mount or open.
 */
export function organizationProfilePlugin() {
  return definePlugin({
    name: 'organization-profile',
    dependsOn: ['ui', 'organizations'],
    setup(ctx): OrganizationProfileMembers {
      const ui = ctx.get('ui');
      const invite = ui.registerComponent('InviteMembers', {
        load: () => import('./view.js').then((view) => ({ default: view.createInviteMembers, strings: view.strings, styles: view.styles })),
      });
      return {
        ...ui.registerComponent('OrganizationProfile', { load: () => import('./view.js') }),
        // A modal only, as ClerkJS's.
        openInviteMembers: invite.openInviteMembers,
        closeInviteMembers: invite.closeInviteMembers,
      };
    },
  });
}
