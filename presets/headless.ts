/**
 * The headless preset: the kernel plus every non-UI plugin. No Preact, no components — for apps
 * that build their own forms (Clerk's "custom flows").
 * @packageDocumentation
 */
import { navigationPlugin } from '../plugins/navigation/index.js';
import { pollingPlugin } from '../plugins/polling/index.js';
import { resourceMembersPlugin } from '../plugins/resource-members/index.js';
import { sessionSyncPlugin } from '../plugins/session-sync/index.js';
import { signOutPlugin } from '../plugins/sign-out/index.js';
import { createClerk, type ClerkConstructorOptions, type ClerkInstance } from '../kernel/index.js';

export * from '../kernel/index.js';

/** The plugins of the headless preset, in order. */
export function headlessPlugins() {
  return [navigationPlugin(), signOutPlugin(), pollingPlugin(), sessionSyncPlugin(), resourceMembersPlugin()] as const;
}

export type HeadlessClerk = ClerkInstance<ReturnType<typeof headlessPlugins>>;

/** `createHeadlessClerk({ publishableKey, proxyUrl? | domain? })`: a ready-to-load instance. */
export function createHeadlessClerk(options: ClerkConstructorOptions & { publishableKey: string }): HeadlessClerk {
  return createClerk({ ...options, plugins: headlessPlugins() });
}
