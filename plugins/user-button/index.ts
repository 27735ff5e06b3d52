/**
 * The `user-button` plugin: the `<UserButton/>` account menu (avatar, name, "Manage account", sign
 * out; in multi-session instances the other signed-in accounts, "Add account" and "Sign out of all
 * accounts") and `mountUserButton` / `unmountUserButton`. The view is loaded on the first mount.
 * @packageDocumentation
 */
import type { NavigationApi } from '../navigation/index.js';
import type { SignOutApi } from '../sign-out/index.js';
import { defineComponentPlugin, type HostedProps, type MountMembers } from '../ui/index.js';
import type {} from '../user-profile/index.js';
import type { userButtonStrings } from './strings.js';

/**
 * An entry the app or a third-party plugin adds to the menu: a link (`href`), an action (`onClick`),
 * or `open`, which opens `<UserProfile/>` at one of its pages (one of the three; given several, `onClick`
 * wins, then `open`). `{ label: 'manageAccount' }` and `{ label: 'signOut' }` alone place the default
 * entries (default order: those two, then the custom ones). ClerkJS's `CustomMenuItem` is one.
 */
export interface UserButtonMenuItem {
  label: string;
  href?: string;
  onClick?: () => void | Promise<unknown>;
  open?: string;
  /** Renders an icon into the element (a div) before the label; `unmountIcon` cleans up. */
  mountIcon?: (el: HTMLDivElement) => void;
  unmountIcon?: (el: HTMLDivElement) => void;
}

export interface UserButtonProps extends Omit<HostedProps, 'routing' | 'path'> {
  /** Where to go after signing out of every account. Default: the `afterSignOutUrl` load option, else `/`. */
  afterSignOutUrl?: string;
  /** Multi-session: where to go after signing out of one account while others stay signed in. */
  afterMultiSessionSingleSignOutUrl?: string;
  /** Multi-session: where to go after switching accounts. Default: the instance's `after_switch_session_url`. */
  afterSwitchSessionUrl?: string;
  /** Where "Add account" leads. Default: the sign-in URL (`signInUrl` load option or the instance's). */
  signInUrl?: string;
  /** The page hosting `<UserProfile/>`; given without `userProfileMode`, "Manage account" navigates there. */
  userProfileUrl?: string;
  /** `modal` (default) opens `<UserProfile/>` over the page; `navigation` goes to `userProfileUrl`. */
  userProfileMode?: 'modal' | 'navigation';
  /** Props for the `<UserProfile/>` modal. */
  userProfileProps?: Record<string, unknown>;
  /** Shows the user's name beside the avatar. */
  showName?: boolean;
  /** Extra menu entries (links, actions), and the placement of the default ones. */
  customMenuItems?: UserButtonMenuItem[];
  /** Opens the menu when mounted. */
  defaultOpen?: boolean;
  /** @deprecated Use `afterSignOutUrl`. */
  afterSignOutAll?: string;
  /** @deprecated Use `afterMultiSessionSingleSignOutUrl`. */
  afterSignOutOne?: string;
  /** @deprecated Use `afterSwitchSessionUrl`. */
  afterSwitchSession?: string;
  /** @deprecated Legacy spelling of `signInUrl`. */
  signInURL?: string;
  /** @deprecated Legacy spelling of `userProfileUrl`. */
  userProfileURL?: string;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'user-button': MountMembers<'UserButton'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    UserButton: UserButtonProps;
  }
  interface ComponentStrings {
    UserButton: typeof userButtonStrings;
  }
}

/** What the lazy view gets from the plugins this one depends on. */
export interface UserButtonServices {
  signOut: SignOutApi['signOut'];
  navigation: NavigationApi;
  /** Opens `<UserProfile/>` as a modal; false when no plugin provides it. */
  openUserProfile(props: Record<string, unknown>): boolean;
}

export function userButtonPlugin() {
  return defineComponentPlugin({
    name: 'user-button',
    component: 'UserButton',
    dependsOn: ['sign-out', 'navigation'],
    // "Manage account" opens <UserProfile/> as a modal when the instance has it.
    optionalDependsOn: ['user-profile'],
    // A menu anchored to its trigger: never a modal, so no openUserButton/closeUserButton.
    modal: false,
    load(ctx) {
      const services: UserButtonServices = {
        signOut: ctx.get('sign-out').signOut,
        navigation: ctx.get('navigation'),
        openUserProfile(props) {
          const userProfile = ctx.find('user-profile');
          userProfile?.openUserProfile(props as never);
          return !!userProfile;
        },
      };
      return import('./view.js').then((module) => ({ ...module, default: (kit) => module.createUserButton(kit, services) }));
    },
  });
}
