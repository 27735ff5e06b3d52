/**
 * The full preset: the documented `Clerk` class, composed of every plugin, as a drop-in for ClerkJS.
 * @packageDocumentation
 */
import { compatPlugin } from '../plugins/compat/index.js';
import { createOrganizationPlugin } from '../plugins/create-organization/index.js';
import { emailLinkPlugin } from '../plugins/email-link/index.js';
import { navigationPlugin } from '../plugins/navigation/index.js';
import { oauthPlugin } from '../plugins/oauth/index.js';
import { oneTapPlugin } from '../plugins/one-tap/index.js';
import { organizationProfilePlugin } from '../plugins/organization-profile/index.js';
import { organizationListPlugin } from '../plugins/organization-list/index.js';
import { organizationSwitcherPlugin } from '../plugins/organization-switcher/index.js';
// The factory's module, not the package entry: the entry also exports the resource classes, which
// belong in the lazily loaded chunk with the methods that create them.
import { organizationsPlugin } from '../plugins/organizations/organizations.js';
import { passkeysPlugin } from '../plugins/passkeys/passkeys.js';
import { pollingPlugin } from '../plugins/polling/index.js';
import { protectPlugin } from '../plugins/protect/index.js';
import { resourceMembersPlugin } from '../plugins/resource-members/index.js';
import { reverificationPlugin } from '../plugins/reverification/index.js';
import { sessionSyncPlugin } from '../plugins/session-sync/index.js';
import { sessionTasksPlugin } from '../plugins/session-tasks/index.js';
import { signInPlugin } from '../plugins/sign-in/index.js';
import { signOutPlugin } from '../plugins/sign-out/index.js';
import { signUpPlugin } from '../plugins/sign-up/index.js';
import { uiPlugin } from '../plugins/ui/index.js';
import { userAvatarPlugin } from '../plugins/user-avatar/index.js';
import { userButtonPlugin } from '../plugins/user-button/index.js';
import { userProfilePlugin } from '../plugins/user-profile/index.js';
// The factories' modules, not the entries (which also export the lazily loaded resource classes).
import { waitlistPlugin } from '../plugins/waitlist/waitlist.js';
import { web3Plugin } from '../plugins/web3/web3.js';
import { createClerk, type ClerkConstructorOptions, type ClerkInstance } from '../kernel/index.js';

export * from '../kernel/index.js';
export { EmailLinkError, EmailLinkErrorCode, EmailLinkErrorCodeStatus, isEmailLinkError } from '../plugins/email-link/index.js';
export type { DocumentedMember } from './documented.js';

/** The feature plugins of the full preset, in order. */
export function fullPlugins() {
  return [
    navigationPlugin(),
    oauthPlugin(),
    emailLinkPlugin(),
    oneTapPlugin(),
    signOutPlugin(),
    pollingPlugin(),
    sessionSyncPlugin(),
    protectPlugin(),
    resourceMembersPlugin(),
    organizationsPlugin(),
    web3Plugin(),
    passkeysPlugin(),
    uiPlugin(),
    signInPlugin(),
    signUpPlugin(),
    userButtonPlugin(),
    userProfilePlugin(),
    organizationProfilePlugin(),
    waitlistPlugin(),
    createOrganizationPlugin(),
    organizationSwitcherPlugin(),
    organizationListPlugin(),
    reverificationPlugin(),
    sessionTasksPlugin(),
    userAvatarPlugin(),
    compatPlugin(),
  ] as const;
}

type FullClerk = ClerkInstance<ReturnType<typeof fullPlugins>>;

// The class and the interface merge: instances carry every kernel and plugin member (createClerk puts
// them on `this`), which a class cannot declare from a computed type.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Clerk extends FullClerk {}

/** `new Clerk(publishableKey, { proxyUrl | domain })`, then `await clerk.load(options)`, as with ClerkJS. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class Clerk {
  constructor(publishableKey: string, options: ClerkConstructorOptions = {}) {
    createClerk({ ...options, publishableKey, plugins: fullPlugins() }, this);
  }
}
