import { definePlugin } from '../../kernel/index.js';
import { installPasskeyMethods } from './methods.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    passkeys: PasskeysApi;
  }
}

/**
 * The plugin adds no members to the Clerk object (its methods are the resources'); components find it
 * with `ctx.find('passkeys')` to know that passkey methods are there.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PasskeysApi {}

/**
 * The passkeys plugin: `signIn.authenticateWithPasskey()`, `user.createPasskey()`, `user.passkeys`
 * (`Passkey` with `update`/`delete`) and the session's reverification methods
 * (`startVerification`, `prepare/attemptFirstFactorVerification`, `verifyWithPasskey`, second factor).
 * The method bodies and the WebAuthn code load on first call.
 */
export function passkeysPlugin() {
  return definePlugin({
    name: 'passkeys',
    setup(): PasskeysApi {
      installPasskeyMethods();
      return {};
    },
  });
}
