/**
 * The headless preset: the kernel plus navigation, sign-out, polling and session-sync. No Preact, no
 * components — for apps that build their own forms (Clerk's "custom flows"). ClerkJS's less-used resource
 * members (`signUp.upsert`, `validatePassword`, `__internal_toSnapshot`…) are the resource-members plugin:
 * add `resourceMembersPlugin()` to `headlessPlugins()` when you call them.
 * @packageDocumentation
 */
import { navigationPlugin } from '../plugins/navigation/index.js';
import { pollingPlugin } from '../plugins/polling/index.js';
import { sessionSyncPlugin } from '../plugins/session-sync/index.js';
import { signOutPlugin } from '../plugins/sign-out/index.js';
import { createClerk, type ClerkConstructorOptions, type ClerkInstance } from '../kernel/index.js';

export * from '../kernel/index.js';

/** The plugins of the headless preset, in order. */
export function headlessPlugins() {
  return [navigationPlugin(), signOutPlugin(), pollingPlugin(), sessionSyncPlugin()] as const;
}

export type HeadlessClerk = ClerkInstance<ReturnType<typeof headlessPlugins>>;

/** `createHeadlessClerk({ publishableKey, proxyUrl? | domain? })`: a ready-to-load instance. */
export function createHeadlessClerk(options: ClerkConstructorOptions & { publishableKey: string }): HeadlessClerk {
  return createClerk({ ...options, plugins: headlessPlugins() });
}
