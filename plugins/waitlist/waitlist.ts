import { definePlugin } from '../../kernel/index.js';
import type { ComponentMembers } from '../ui/index.js';
import type { Waitlist } from './resource.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    waitlist: WaitlistApi;
  }
}

export interface WaitlistProps {
  /** Where to go a moment after joining; default the `afterJoinWaitlistUrl` load option (none: stay on the success screen). */
  afterJoinWaitlistUrl?: string;
  /** Where "Sign in" leads; default the `signInUrl` load option, else the instance's sign-in URL. */
  signInUrl?: string;
  routing?: 'path' | 'hash' | 'virtual';
  path?: string;
  appearance?: import('../ui/index.js').Appearance;
}

declare module '../ui/index.js' {
  interface ComponentProps {
    Waitlist: WaitlistProps;
  }
  interface ComponentStrings {
    Waitlist: typeof import('./strings.js').waitlistStrings;
  }
}

export interface JoinWaitlistParams {
  emailAddress: string;
}

export type WaitlistApi = ComponentMembers<'Waitlist'> & {
  /** `POST /v1/waitlist`: adds the address to the instance's waitlist (FAPI refuses a duplicate or malformed address). */
  joinWaitlist(params: JoinWaitlistParams): Promise<Waitlist>;
};

/**
 * The waitlist plugin: `clerk.joinWaitlist({ emailAddress })` and the `<Waitlist/>` component
 * (`mountWaitlist` / `unmountWaitlist` / `openWaitlist` / `closeWaitlist`). Both load on first use.
 */
export function waitlistPlugin() {
  return definePlugin({
    name: 'waitlist',
    dependsOn: ['ui'],
    setup(ctx): WaitlistApi {
      const members = ctx.get('ui').registerComponent('Waitlist', { load: () => import('./view.js') });
      return {
        ...members,
        joinWaitlist: async (params) => (await import('./resource.js')).joinWaitlist(ctx.kernel, params),
      };
    },
  });
}
