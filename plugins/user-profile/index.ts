/**
 * The `user-profile` plugin: the `<UserProfile/>` component (profile, email addresses, phone numbers,
 * connected accounts, password, two-step verification, active devices, account deletion, custom pages)
 * and `mountUserProfile` / `unmountUserProfile` / `openUserProfile` / `closeUserProfile`. The view is
 * loaded on the first mount or open.
 * @packageDocumentation
 */
import type {} from '../web3/index.js';
import { type ComponentMembers, defineComponentPlugin, type HostedProps } from '../ui/index.js';
// Type-only: the PluginApis entries of the optional dependencies.
import type {} from '../passkeys/passkeys.js';
import type {} from '../reverification/index.js';
import type { userProfileStrings } from './strings.js';

/**
 * A page an app or a third-party plugin adds: `mount` renders into the element the component gives it
 * (and `unmount` cleans up); without `mount` the entry is a link to `url`.
 */
export interface UserProfilePage {
  label: string;
  /**
   * The page's route inside the component (`billing` → `#/billing`), or the link target. Without it,
   * `{ label: 'account' }` / `{ label: 'security' }` places that default page at this position (the
   * defaults not placed come first), as with ClerkJS.
   */
  url?: string;
  mount?: (el: HTMLDivElement) => void;
  unmount?: (el: HTMLDivElement) => void;
  /** Accepted for ClerkJS compatibility; the navbar shows labels only. */
  mountIcon?: (el: HTMLDivElement) => void;
  unmountIcon?: (el: HTMLDivElement) => void;
}

export interface UserProfileProps extends HostedProps {
  /** Extra pages after "Account" and "Security". */
  customPages?: UserProfilePage[];
  /** Where to go after the account is deleted. Default: the `afterSignOutUrl` load option, else `/`. */
  afterSignOutUrl?: string;
  /** The page shown first (`security`, a custom page's `url`); used by `<UserButton/>`'s `open` items, as in ClerkJS. */
  __experimental_startPath?: string;
  /** @deprecated Legacy name of `afterSignOutUrl`. */
  afterSignOutAll?: string;
  /** @deprecated Accepted for compatibility; UserProfile signs out of every session only. */
  afterSignOutOne?: string;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'user-profile': ComponentMembers<'UserProfile'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    UserProfile: UserProfileProps;
  }
  interface ComponentStrings {
    UserProfile: typeof userProfileStrings;
  }
}

export function userProfilePlugin() {
  return defineComponentPlugin({
    name: 'user-profile',
    component: 'UserProfile',
    // The web3 wallets section when the web3 plugin is composed; the Passkeys section needs the passkeys
    // plugin; sensitive actions reverify through the reverification modal.
    optionalDependsOn: ['web3', 'passkeys', 'reverification'],
    load: (ctx) =>
      import('./view.js').then((view) => ({
        ...view,
        default: (kit) => view.default(kit, { web3: !!ctx.find('web3'), passkeys: !!ctx.find('passkeys'), reverification: ctx.find('reverification') }),
      })),
  });
}
