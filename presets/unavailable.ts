import { ClerkRuntimeError, definePlugin } from '../kernel/index.js';

/**
 * Documented ClerkJS members, by the plugin that provides them. Members a composed plugin provides are
 * skipped (e.g. `createOrganization` with the organizations plugin); the rest throw `not_available_in_preset`.
 */
const DOCUMENTED_MEMBERS = {
  navigation: [
    'navigate',
    'buildSignInUrl',
    'buildSignUpUrl',
    'buildUserProfileUrl',
    'buildHomeUrl',
    'buildCreateOrganizationUrl',
    'buildOrganizationProfileUrl',
    'buildAfterSignInUrl',
    'buildAfterSignUpUrl',
    'buildAfterSignOutUrl',
    'buildWaitlistUrl',
    'buildUrlWithAuth',
    'redirectWithAuth',
    'redirectToSignIn',
    'redirectToSignUp',
    'redirectToUserProfile',
    'redirectToCreateOrganization',
    'redirectToOrganizationProfile',
    'redirectToAfterSignIn',
    'redirectToAfterSignUp',
    'redirectToAfterSignOut',
    'redirectToHome',
    'redirectToWaitlist',
  ],
  'sign-out': ['signOut', 'signOutOne'],
  ui: ['mountComponent', 'unmountComponent'],
  'sign-in': ['mountSignIn', 'unmountSignIn', 'openSignIn', 'closeSignIn'],
  'sign-up': ['mountSignUp', 'unmountSignUp', 'openSignUp', 'closeSignUp'],
  'user-button': ['mountUserButton', 'unmountUserButton'],
  'user-profile': ['mountUserProfile', 'unmountUserProfile', 'openUserProfile', 'closeUserProfile'],
  organizations: [
    'createOrganization',
    'getOrganization',
    // The components below need an organization UI plugin that does not exist yet.
    'mountOrganizationProfile',
    'unmountOrganizationProfile',
    'openOrganizationProfile',
    'closeOrganizationProfile',
    'mountOrganizationSwitcher',
    'unmountOrganizationSwitcher',
    'mountCreateOrganization',
    'unmountCreateOrganization',
    'openCreateOrganization',
    'closeCreateOrganization',
    'mountOrganizationList',
    'unmountOrganizationList',
  ],
  oauth: ['authenticateWithRedirect', 'handleRedirectCallback'],
  'email-link': ['handleEmailLinkVerification'],
  web3: ['authenticateWithMetamask', 'authenticateWithCoinbaseWallet', 'authenticateWithOKXWallet', 'authenticateWithBase', 'authenticateWithWeb3'],
  waitlist: ['joinWaitlist', 'mountWaitlist', 'unmountWaitlist', 'openWaitlist', 'closeWaitlist'],
  'one-tap': ['openGoogleOneTap', 'closeGoogleOneTap', 'authenticateWithGoogleOneTap', 'handleGoogleOneTapCallback'],
} as const;

export type DocumentedMember = (typeof DOCUMENTED_MEMBERS)[keyof typeof DOCUMENTED_MEMBERS][number];

/**
 * A documented member whose plugin this preset lacks: it exists, and says so when called. It takes any
 * arguments, so code written against ClerkJS's signatures type-checks.
 */
export type UnavailableMember = (...args: unknown[]) => never;

/**
 * Fills in every documented member that no plugin of the preset provides, so that apps written for
 * ClerkJS find a function that throws a clear error rather than `undefined`. Must be the last plugin.
 */
export function unavailableMembers() {
  return definePlugin({
    name: 'unavailable-members',
    setup(ctx) {
      const members: Record<string, UnavailableMember> = {};
      for (const [plugin, names] of Object.entries(DOCUMENTED_MEMBERS)) {
        for (const name of names) {
          if (name in ctx.kernel.clerk) continue;
          members[name] = () => {
            throw new ClerkRuntimeError(
              `clerk.${name}() is not available in this preset: it is provided by the "${plugin}" plugin, which this build does not include.`,
              { code: 'not_available_in_preset' },
            );
          };
        }
      }
      return members as Partial<Record<DocumentedMember, UnavailableMember>>;
    },
  });
}
