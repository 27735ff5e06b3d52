/**
 * The `user-avatar` plugin: `<UserAvatar/>`, the signed-in user's image (or initials when there is no
 * image, or it fails to load), and `mountUserAvatar` / `unmountUserAvatar` as in ClerkJS. Nothing renders
 * while signed out. Elements `userAvatarBox` and `userAvatarImage`, as Clerk's appearance keys. The view
 * is loaded on the first mount.
 * @packageDocumentation
 */
import { defineComponentPlugin, type HostedProps, type MountMembers } from '../ui/index.js';

export interface UserAvatarProps extends HostedProps {
  /** A circle (default) or, with `false`, a rounded square. */
  rounded?: boolean;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'user-avatar': MountMembers<'UserAvatar'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    UserAvatar: UserAvatarProps;
  }
}

export function userAvatarPlugin() {
  return defineComponentPlugin({ name: 'user-avatar', component: 'UserAvatar', modal: false, load: () => import('./view.js') });
}
