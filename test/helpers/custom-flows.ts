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

/** A loaded custom-flow instance signed in with a password (kept in `instances`, for the test's teardown). */
export async function signedInHeadless(publishableKey: string, proxyUrl: string, instances: HeadlessClerk[], identifier: string, password: string) {
  const clerk = createHeadlessClerk({ publishableKey, proxyUrl });
  instances.push(clerk);
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier, password });
  await clerk.setActive({ session: signIn.createdSessionId });
  return clerk;
}
