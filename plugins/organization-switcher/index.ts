/**
 * The `organization-switcher` plugin: `<OrganizationSwitcher/>` — a trigger showing the active
 * organization (or the personal account) and a popover to switch between the user's organizations,
 * create one, manage the active one, and accept invitations and suggestions — with
 * `mountOrganizationSwitcher` / `unmountOrganizationSwitcher`. The view is loaded on the first mount.
 * @packageDocumentation
 */
import type { User } from '../../kernel/index.js';
import type {} from '../create-organization/index.js';
import type { OrganizationUrl } from '../create-organization/index.js';
import type {} from '../organizations/organizations.js';
import { defineComponentPlugin, type HostedProps, type MountMembers } from '../ui/index.js';
import type { organizationSwitcherStrings } from './strings.js';

export interface OrganizationSwitcherProps extends Omit<HostedProps, 'routing' | 'path'> {
  /** Hides the personal account: only organizations are offered. */
  hidePersonal?: boolean;
  /** Where to go after switching to an organization (`:id`, `:slug` placeholders, or a function of it). */
  afterSelectOrganizationUrl?: OrganizationUrl;
  /** Where to go after switching to the personal account (`:id` of the user, or a function of the user). */
  afterSelectPersonalUrl?: string | ((user: User) => string);
  /** Passed to `<CreateOrganization/>` when it opens as a modal. */
  afterCreateOrganizationUrl?: OrganizationUrl;
  /** Passed to `<OrganizationProfile/>`: where to go after leaving the active organization. */
  afterLeaveOrganizationUrl?: string;
  /** `modal` (default) opens `<CreateOrganization/>` over the page; `navigation` goes to `createOrganizationUrl`. */
  createOrganizationMode?: 'modal' | 'navigation';
  /** The page hosting `<CreateOrganization/>`; given without `createOrganizationMode`, "Create organization" navigates there. */
  createOrganizationUrl?: string;
  /** `modal` (default) opens `<OrganizationProfile/>`; `navigation` goes to `organizationProfileUrl`. */
  organizationProfileMode?: 'modal' | 'navigation';
  /** The page hosting `<OrganizationProfile/>`; given without `organizationProfileMode`, "Manage" navigates there. */
  organizationProfileUrl?: string;
  /** Props for the `<OrganizationProfile/>` modal. */
  organizationProfileProps?: Record<string, unknown>;
  /** Skips the invite step of the `<CreateOrganization/>` modal. */
  skipInvitationScreen?: boolean;
  /** Hides the slug field of the `<CreateOrganization/>` modal. */
  hideSlug?: boolean;
  /** Opens the popover when mounted. */
  defaultOpen?: boolean;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'organization-switcher': MountMembers<'OrganizationSwitcher'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    OrganizationSwitcher: OrganizationSwitcherProps;
  }
  interface ComponentStrings {
    OrganizationSwitcher: typeof organizationSwitcherStrings;
  }
}

export function organizationSwitcherPlugin() {
  return defineComponentPlugin({
    name: 'organization-switcher',
    component: 'OrganizationSwitcher',
    dependsOn: ['organizations'],
    // "Create organization" and "Manage" open these as modals when the instance has them.
    optionalDependsOn: ['create-organization', 'organization-profile' as never],
    // A popover anchored to its trigger: never a modal itself.
    modal: false,
    // The view reads the optional plugins through ctx (ctx.find), so none of that is in the initial bundle.
    load: (ctx) => import('./view.js').then((module) => module.withServices(ctx)),
  });
}
