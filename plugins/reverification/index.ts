/**
 * The `reverification` plugin: the modal Clerk's React SDK opens from `useReverification()` when an
 * action answers `session_reverification_required` — `clerk.__internal_openReverification({ level,
 * afterVerification, afterVerificationCancelled })` / `__internal_closeReverification()`. The user
 * verifies again (password, code or passkey, then a second factor when the level needs one); the view
 * loads on first open.
 * @packageDocumentation
 */
import { definePlugin } from '../../kernel/index.js';
import type { SessionVerificationLevel } from '../passkeys/index.js';
import type {} from '../ui/index.js';
import type { reverificationStrings } from './strings.js';

export interface UserVerificationProps {
  /** What to verify; default `second_factor` (a first factor for users without two-step verification), as in ClerkJS. */
  level?: SessionVerificationLevel;
  /** Called once the session is verified (the modal then closes). */
  afterVerification?: () => void;
  /** Called when the modal closes without a verification. */
  afterVerificationCancelled?: () => void;
}

declare module '../ui/index.js' {
  interface ComponentProps {
    UserVerification: UserVerificationProps;
  }
  interface ComponentStrings {
    UserVerification: typeof reverificationStrings;
  }
}

export interface ReverificationApi {
  /** Opens the reverification modal (nothing happens without a signed-in user). */
  __internal_openReverification(props?: UserVerificationProps): void;
  __internal_closeReverification(): void;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    reverification: ReverificationApi;
  }
}

export function reverificationPlugin() {
  return definePlugin({
    name: 'reverification',
    // The session's verification methods are the passkeys plugin's.
    dependsOn: ['ui', 'passkeys'],
    setup(ctx): ReverificationApi {
      const ui = ctx.get('ui');
      ui.registerComponent('UserVerification', { load: () => import('./view.js') });
      return {
        __internal_openReverification(props = {}) {
          if (!ctx.kernel.clerk.user) return;
          ui.openComponent('UserVerification', props);
        },
        __internal_closeReverification() {
          ui.closeComponent('UserVerification');
        },
      };
    },
  });
}
