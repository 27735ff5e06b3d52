/**
 * The instance custom-flow tests use: the headless preset plus the resource-members plugin (ClerkJS's
 * less-used resource members, which the headless preset leaves out so that apps that do not call them do
 * not download them), and the protect plugin (Clerk Protect's assertion and challenges).
 */
import { createClerk, type ClerkConstructorOptions, type ClerkInstance } from '../../kernel/index.js';
import { protectPlugin } from '../../plugins/protect/index.js';
import { resourceMembersPlugin } from '../../plugins/resource-members/index.js';
import { headlessPlugins } from '../../presets/headless.js';

const customFlowPlugins = () => [...headlessPlugins(), resourceMembersPlugin(), protectPlugin()] as const;

export type HeadlessClerk = ClerkInstance<ReturnType<typeof customFlowPlugins>>;

export function createHeadlessClerk(options: ClerkConstructorOptions & { publishableKey: string }): HeadlessClerk {
  return createClerk({ ...options, plugins: customFlowPlugins() });
}
