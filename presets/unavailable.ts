import { ClerkRuntimeError, definePlugin } from '../kernel/index.js';

/**
 * Documented ClerkJS members that the full preset's plugins provide. Type only: they need no
 * placeholder, but they are part of the documented surface the conformance test checks.
 */
type ProvidedDocumentedMember =
  | 'navigate'
  | 'buildSignInUrl'
  | 'buildSignUpUrl'
  | 'buildUserProfileUrl'
  | 'buildHomeUrl'
  | 'buildCreateOrganizationUrl'
  | 'buildOrganizationProfileUrl'
  | 'buildAfterSignInUrl'
  | 'buildAfterSignUpUrl'
  | 'buildAfterSignOutUrl'
  | 'buildWaitlistUrl'
  | 'buildUrlWithAuth'
  | 'redirectWithAuth'
  | 'redirectToSignIn'
  | 'redirectToSignUp'
  | 'redirectToUserProfile'
  | 'redirectToCreateOrganization'
  | 'redirectToOrganizationProfile'
  | 'redirectToAfterSignIn'
  | 'redirectToAfterSignUp'
  | 'redirectToAfterSignOut'
  | 'redirectToHome'
  | 'redirectToWaitlist'
  | 'signOut'
  | 'signOutOne'
  | 'mountComponent'
  | 'unmountComponent'
  | 'mountSignIn'
  | 'unmountSignIn'
  | 'openSignIn'
  | 'closeSignIn'
  | 'mountSignUp'
  | 'unmountSignUp'
  | 'openSignUp'
  | 'closeSignUp'
  | 'mountUserButton'
  | 'unmountUserButton'
  | 'mountUserProfile'
  | 'unmountUserProfile'
  | 'openUserProfile'
  | 'closeUserProfile'
  | 'mountOrganizationSwitcher'
  | 'unmountOrganizationSwitcher'
  | 'mountCreateOrganization'
  | 'unmountCreateOrganization'
  | 'openCreateOrganization'
  | 'closeCreateOrganization'
  | 'mountOrganizationList'
  | 'unmountOrganizationList'
  | 'createOrganization'
  | 'getOrganization'
  | 'authenticateWithRedirect'
  | 'handleRedirectCallback'
  | 'handleEmailLinkVerification';

/** Documented ClerkJS members whose plugin does not exist yet, by that plugin; each throws `not_available_in_preset`. */
const UNAVAILABLE_MEMBERS = {
  'organization-ui': ['mountOrganizationProfile', 'unmountOrganizationProfile', 'openOrganizationProfile', 'closeOrganizationProfile'],
  web3: ['authenticateWithMetamask', 'authenticateWithCoinbaseWallet', 'authenticateWithOKXWallet', 'authenticateWithBase', 'authenticateWithWeb3'],
  waitlist: ['joinWaitlist', 'mountWaitlist', 'unmountWaitlist', 'openWaitlist', 'closeWaitlist'],
  'one-tap': ['openGoogleOneTap', 'closeGoogleOneTap', 'authenticateWithGoogleOneTap', 'handleGoogleOneTapCallback'],
} as const;

export type DocumentedMember = ProvidedDocumentedMember | (typeof UNAVAILABLE_MEMBERS)[keyof typeof UNAVAILABLE_MEMBERS][number];

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
      for (const [plugin, names] of Object.entries(UNAVAILABLE_MEMBERS)) {
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
