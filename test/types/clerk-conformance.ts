/**
 * Type conformance of the full preset with ClerkJS: an instance of `Clerk` from presets/full.ts must be
 * assignable to the public `Clerk` interface of `@clerk/shared/types` (the version @clerk/clerk-js 6.40
 * depends on), minus the members listed below with the reason each is left out. Checked by
 * `npx tsc --noEmit -p tsconfig.json`: a member added with a type ClerkJS's does not accept, a member
 * removed, or a stale exclusion breaks the build. test/types/conformance.test.ts checks the same lists
 * at runtime.
 */
import type {
  Clerk as ClerkJSClerk,
  ClerkOptions,
  ClientResource,
  EmailAddressResource,
  ExternalAccountResource,
  HeadlessBrowserClerk,
  OrganizationResource,
  PhoneNumberResource,
  SessionResource,
  SignInResource,
  SignUpResource,
  UserResource,
} from '@clerk/shared/types';
import type { Clerk, DocumentedMember } from '../../presets/full.js';

type ClerkJSMember = keyof ClerkJSClerk;

/** ClerkJS members microclerk does not have at all, by the feature (plugin) that would provide them. */
export const MISSING = {
  // Billing: no billing plugin (checkout, plan and subscription details, <PricingTable/>, Stripe).
  billing: [
    'billing',
    '__experimental_checkout',
    '__internal_openCheckout',
    '__internal_closeCheckout',
    '__internal_openPlanDetails',
    '__internal_closePlanDetails',
    '__internal_openSubscriptionDetails',
    '__internal_closeSubscriptionDetails',
    'mountPricingTable',
    'unmountPricingTable',
    'buildNewSubscriptionRedirectUrl',
    '__internal_loadStripeJs',
  ],
  // API keys: no api-keys plugin (the `apiKeys` namespace, <APIKeys/>).
  apiKeys: ['apiKeys', 'mountAPIKeys', 'unmountAPIKeys'],
  // Enterprise connections (out of scope): ClerkJS's SSO and directory-sync setup components.
  enterpriseConnections: [
    '__internal_mountConfigureSSO',
    '__internal_unmountConfigureSSO',
    '__internal_mountConfigureDirectorySync',
    '__internal_unmountConfigureDirectorySync',
  ],
  // Clerk as an OAuth provider: no oauth-application plugin (consent and device-verification screens).
  oauthApplication: [
    'oauthApplication',
    'mountOAuthConsent',
    'unmountOAuthConsent',
    '__internal_mountOAuthConsent',
    '__internal_unmountOAuthConsent',
    '__internal_mountOAuthDeviceVerification',
    '__internal_unmountOAuthDeviceVerification',
  ],
} as const satisfies Record<string, readonly ClerkJSMember[]>;

/** ClerkJS members microclerk has, with a type ClerkJS's does not accept (reported; not ours to change). */
// None: `__internal_state` conforms since its `__internal_waitlist` is a waitlist future, never null.
export const DIFFERENTLY_TYPED = {} as const satisfies Record<string, readonly ClerkJSMember[]>;

type Values<T> = { [K in keyof T]: T[K] extends readonly (infer U)[] ? U : never }[keyof T];
export type Missing = Values<typeof MISSING>;
export type DifferentlyTyped = Values<typeof DIFFERENTLY_TYPED>;
export type Excluded = Missing | DifferentlyTyped;

/**
 * The check itself: every other ClerkJS member exists on our instance, with a type ClerkJS's accepts —
 * minus the resource members RESOURCE_MISSING reports (see InScope), which would otherwise count again
 * in every member that carries a resource (`client`, `user`, the listener payload…).
 */
export const check: { [K in keyof Omit<ClerkJSClerk, Excluded>]: InScope<ClerkJSClerk[K]> } = null as unknown as Clerk;

/**
 * An app passes ClerkJS's options to our `load()`: theirs must be assignable to ours, the callbacks in
 * them (`selectInitialSession`) held to what we call them with (see Passed). `load` is on ClerkJS's
 * browser interface (HeadlessBrowserClerk) rather than on `Clerk`.
 */
export const checkLoadOptions: Parameters<Clerk['load']>[0] = null as unknown as Passed<ClerkOptions>;
export const checkLoadResult: ReturnType<HeadlessBrowserClerk['load']> = null as unknown as ReturnType<Clerk['load']>;

/** Fails to compile unless `T` is `never`, naming what it is otherwise. */
type AssertNever<T extends never> = T;

// An exclusion goes stale when the member is added: then it must leave MISSING (and be checked above).
export type StaleMissing = AssertNever<Extract<Missing, keyof Clerk>>;
// …and when a type is fixed: then it must leave DIFFERENTLY_TYPED.
type Conforming<K extends DifferentlyTyped & keyof Clerk> = K extends unknown ? (Clerk[K] extends InScope<ClerkJSClerk[K]> ? K : never) : never;
export type StaleDifferentlyTyped = AssertNever<Conforming<DifferentlyTyped>>;
// Members with a type difference do exist.
export type AbsentDifferentlyTyped = AssertNever<Exclude<DifferentlyTyped, keyof Clerk>>;
// A missing member the seeds document must not be missing: the preset fills those (they throw).
export type DocumentedButMissing = AssertNever<Extract<Missing, DocumentedMember>>;

/** Required (non-optional) members of `T`. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type FunctionKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];
type Checked = Omit<ClerkJSClerk, Excluded>;
export type CheckedMethod = FunctionKeys<Checked> & RequiredKeys<Checked>;
export type CheckedProperty = Exclude<RequiredKeys<Checked>, CheckedMethod>;

/** The checked ClerkJS methods, for the runtime test: each is a function on `new Clerk(…)`. */
export const CHECKED_METHODS = [
  '__internal_getOption',
  'unmountTaskChooseOrganization',
  'unmountTaskResetPassword',
  'unmountTaskSetupMFA',
  'buildTasksUrl',
  'redirectToTasks',
  'unmountUserAvatar',
  'signOut',
  'closeSignIn',
  'openGoogleOneTap',
  'closeGoogleOneTap',
  'closeSignUp',
  'closeUserProfile',
  'closeOrganizationProfile',
  'closeInviteMembers',
  'closeCreateOrganization',
  'closeWaitlist',
  'unmountSignIn',
  'unmountSignUp',
  'unmountUserButton',
  'unmountUserProfile',
  'unmountOrganizationProfile',
  'unmountCreateOrganization',
  'unmountOrganizationSwitcher',
  'unmountOrganizationList',
  'unmountWaitlist',
  'on',
  'off',
  'navigate',
  'buildUrlWithAuth',
  'buildSignInUrl',
  'buildSignUpUrl',
  'buildUserProfileUrl',
  'buildCreateOrganizationUrl',
  'buildOrganizationProfileUrl',
  'buildAfterSignInUrl',
  'buildAfterSignUpUrl',
  'buildAfterSignOutUrl',
  'buildAfterMultiSessionSingleSignOutUrl',
  'buildWaitlistUrl',
  'redirectWithAuth',
  'redirectToSignIn',
  'redirectToSignUp',
  'redirectToUserProfile',
  'redirectToOrganizationProfile',
  'redirectToCreateOrganization',
  'redirectToAfterSignIn',
  'redirectToAfterSignUp',
  'redirectToAfterSignOut',
  'redirectToWaitlist',
  'handleRedirectCallback',
  'handleEmailLinkVerification',
  '__internal_openReverification',
  '__internal_closeReverification',
  'authenticateWithMetamask',
  'authenticateWithCoinbaseWallet',
  'authenticateWithOKXWallet',
  'authenticateWithBase',
  'authenticateWithSolana',
  'authenticateWithWeb3',
  '__internal_attemptToEnableEnvironmentSetting',
  '__experimental_prefetchOrganizationSwitcher',
  'handleUnauthenticated',
  'addListener',
  'setActive',
  'createOrganization',
  'getOrganization',
  'authenticateWithGoogleOneTap',
  'setProtectAssertion',
  '__internal_resumeAfterProtectCheck',
  '__internal_openEnableOrganizationsPrompt',
  '__internal_closeEnableOrganizationsPrompt',
  // compat: ClerkJS's navigation internals.
  '__internal_windowNavigate',
  '__internal_addNavigationListener',
  '__internal_reloadInitialResources',
  // Waitlist: `join()` resolves `{ error: ClerkError | null }`.
  'joinWaitlist',
  // Take ClerkJS's SignInResource / SignUpResource by shape (a foreign object is rejected at run time).
  'handleGoogleOneTapCallback',
  '__internal_handleResourceCallback',
  // Component props: ClerkJS's appearance (string base themes, colour scales), custom menu items and pages.
  'openSignIn',
  'mountSignIn',
  'openSignUp',
  'mountSignUp',
  'mountUserButton',
  'openUserProfile',
  'mountUserProfile',
  'openOrganizationProfile',
  'mountOrganizationProfile',
  'openInviteMembers',
  'openWaitlist',
  'mountWaitlist',
  'mountTaskChooseOrganization',
  'mountTaskResetPassword',
  'mountTaskSetupMFA',
  'mountUserAvatar',
  'mountCreateOrganization',
  'openCreateOrganization',
  'mountOrganizationSwitcher',
  'mountOrganizationList',
] as const satisfies ReadonlyArray<keyof ClerkJSClerk>;

/** The checked ClerkJS properties: each is present (`in`) on an instance, possibly `undefined`. */
export const CHECKED_PROPERTIES = [
  'version',
  'uiVersion',
  'sdkMetadata',
  'loaded',
  'status',
  '__internal_moduleManager',
  'frontendApi',
  'publishableKey',
  'proxyUrl',
  'domain',
  'isSatellite',
  'instanceType',
  'isStandardBrowser',
  'isSignedIn',
  '__internal_setActiveInProgress',
  'telemetry',
  '__internal_hasOAuthTransport',
  '__internal_oauthTransport',
  '__internal_getCachedResources',
  'client',
  'session',
  'user',
  'organization',
  '__internal_lastEmittedResources',
  '__internal_state',
] as const satisfies ReadonlyArray<keyof ClerkJSClerk>;

// The lists are complete, and name only checked members.
export type UnlistedMethods = AssertNever<Exclude<CheckedMethod, (typeof CHECKED_METHODS)[number]>>;
export type UnlistedProperties = AssertNever<Exclude<CheckedProperty, (typeof CHECKED_PROPERTIES)[number]>>;
export type ListedButExcluded = AssertNever<Extract<(typeof CHECKED_METHODS | typeof CHECKED_PROPERTIES)[number], Excluded>>;

/** The documented members the full preset's plugins provide. */
export const PROVIDED_DOCUMENTED = [
  'mountTaskChooseOrganization',
  'unmountTaskChooseOrganization',
  'mountTaskResetPassword',
  'unmountTaskResetPassword',
  'mountTaskSetupMFA',
  'unmountTaskSetupMFA',
  'buildTasksUrl',
  'redirectToTasks',
  'mountUserAvatar',
  'unmountUserAvatar',
  'openGoogleOneTap',
  'closeGoogleOneTap',
  'authenticateWithGoogleOneTap',
  'handleGoogleOneTapCallback',
  'authenticateWithMetamask',
  'authenticateWithCoinbaseWallet',
  'authenticateWithOKXWallet',
  'authenticateWithBase',
  'authenticateWithWeb3',
  'joinWaitlist',
  'mountWaitlist',
  'unmountWaitlist',
  'openWaitlist',
  'closeWaitlist',
  'createOrganization',
  'getOrganization',
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
  'signOut',
  'signOutOne',
  'mountComponent',
  'unmountComponent',
  'mountSignIn',
  'unmountSignIn',
  'openSignIn',
  'closeSignIn',
  'mountSignUp',
  'unmountSignUp',
  'openSignUp',
  'closeSignUp',
  'mountUserButton',
  'unmountUserButton',
  'mountOrganizationSwitcher',
  'unmountOrganizationSwitcher',
  'mountCreateOrganization',
  'unmountCreateOrganization',
  'openCreateOrganization',
  'closeCreateOrganization',
  'mountOrganizationList',
  'unmountOrganizationList',
  'mountUserProfile',
  'unmountUserProfile',
  'openUserProfile',
  'closeUserProfile',
  'mountOrganizationProfile',
  'unmountOrganizationProfile',
  'openOrganizationProfile',
  'closeOrganizationProfile',
  'authenticateWithRedirect',
  'handleRedirectCallback',
  'handleEmailLinkVerification',
  'setProtectAssertion',
] as const satisfies ReadonlyArray<DocumentedMember>;

// Every documented member is listed, and the full preset's plugins provide each one (no placeholder).
export type UnlistedDocumented = AssertNever<Exclude<DocumentedMember, (typeof PROVIDED_DOCUMENTED)[number]>>;
export type DocumentedButAbsent = AssertNever<Exclude<DocumentedMember, keyof Clerk>>;

// ---- Resources: our classes against ClerkJS's resource interfaces, member by member ----

type OurClient = NonNullable<Clerk['client']>;
type OurUser = NonNullable<Clerk['user']>;
/** Ours and ClerkJS's interface, by resource. */
interface Resources {
  client: [OurClient, ClientResource];
  session: [NonNullable<Clerk['session']>, SessionResource];
  user: [OurUser, UserResource];
  signIn: [OurClient['signIn'], SignInResource];
  signUp: [OurClient['signUp'], SignUpResource];
  organization: [NonNullable<Clerk['organization']>, OrganizationResource];
  emailAddress: [OurUser['emailAddresses'][number], EmailAddressResource];
  phoneNumber: [OurUser['phoneNumbers'][number], PhoneNumberResource];
  externalAccount: [OurUser['externalAccounts'][number], ExternalAccountResource];
}
type ResourceName = keyof Resources;
type Ours<R extends ResourceName> = Resources[R][0];
type Theirs<R extends ResourceName> = Resources[R][1];

/**
 * ClerkJS resource members microclerk leaves out, by area. `outOfScope` are the areas this project does
 * not cover (billing, enterprise connections); the other areas are reported gaps.
 */
export const RESOURCE_MISSING = {
  client: {},
  session: {},
  user: {
    outOfScope: ['initializePaymentMethod', 'addPaymentMethod', 'getPaymentMethods', 'enterpriseAccounts'],
  },
  signIn: {
    outOfScope: ['ssoBypassFirstFactors'],
  },
  signUp: {
    outOfScope: ['__experimental_getEnterpriseConnections'],
  },
  organization: {
    // Billing, enterprise connections, directory sync and their settings; domain ownership (TXT) verification,
    // which ClerkJS's types say a domain needs before enterprise SSO can use it.
    outOfScope: [
      'initializePaymentMethod',
      'addPaymentMethod',
      'getPaymentMethods',
      'getEnterpriseConnections',
      'createEnterpriseConnection',
      'updateEnterpriseConnection',
      'deleteEnterpriseConnection',
      'createEnterpriseConnectionTestRun',
      'getEnterpriseConnectionTestRuns',
      'getDirectorySync',
      'createDirectorySync',
      'ssoBypassAllowlist',
      'selfServeSSOEnabled',
      'prepareOwnershipVerification',
      'attemptOwnershipVerification',
    ],
  },
  emailAddress: {
    outOfScope: ['createEnterpriseSSOLinkFlow'],
  },
  phoneNumber: {},
  externalAccount: {},
} as const satisfies { [R in ResourceName]: Record<string, ReadonlyArray<keyof Theirs<R>>> };

/** Every listed missing member, by name. */
type ListedMissingMember = { [R in ResourceName]: ListedMissing<R> }[ResourceName];
/** The JSON of listed missing members in ClerkJS's snapshot types (`enterpriseAccounts`). */
type ListedMissingJSON = 'enterprise_accounts';

/**
 * ClerkJS's type `T` without the listed missing members, wherever they occur: a child resource, a method's
 * result or a snapshot is held to ClerkJS's type minus what RESOURCE_MISSING already reports, so that
 * each gap counts once (where it is listed) rather than again in every type that carries the resource.
 * Parameters are left as ClerkJS types them (ours must accept what ClerkJS's accept), except what we hand
 * to the app's callbacks in them (a listener's resources, setActive's `beforeEmit` session): see Passed.
 */
type InScope<T> = unknown extends T
  ? T
  : T extends (...args: infer A) => infer R
    ? (...args: { [I in keyof A]: Passed<A[I]> }) => InScope<R>
    : T extends Promise<infer U>
      ? Promise<InScope<U>>
      : T extends readonly (infer E)[]
        ? InScope<E>[]
        : T extends Date | URL | string | number | boolean | bigint | symbol | null | undefined
          ? T
          : { [K in keyof T as K extends ListedMissingMember | ListedMissingJSON ? never : K]: InScope<T[K]> };

/** A callback the app passes: what we call it with is ours, so its arguments are held to InScope. */
type Callback<F> = F extends (...args: infer A) => infer R ? (...args: { [I in keyof A]: InScope<A[I]> }) => R : F;
/** An argument ClerkJS's caller passes in, as ClerkJS types it, with the callbacks in it (or it, if one) as Callback. */
type Passed<T> = T extends (...args: never[]) => unknown
  ? Callback<T>
  : T extends Date | URL | Node | readonly unknown[] | string | number | boolean | bigint | symbol | null | undefined
    ? T
    : { [K in keyof T]: Callback<T[K]> };

/**
 * Members we have whose type ClerkJS's (minus the listed missing members) does not accept, by resource.
 * None today: where ClerkJS's own type is off from what FAPI sends, ours follows ClerkJS's type and says
 * so (a membership request's status leaves out `'rejected'`; a sign-in snapshot's web3 factor also has
 * `web_3_wallet_id`). A member listed here would be a cascade from a few roots, named per resource: a
 * member that returns or holds a non-conforming resource fails with it.
 */
export const RESOURCE_DIFFERENTLY_TYPED = {
  client: [],
  session: [],
  user: [],
  signIn: [],
  signUp: [],
  organization: [],
  emailAddress: [],
  phoneNumber: [],
  externalAccount: [],
} as const satisfies { [R in ResourceName]: ReadonlyArray<keyof Theirs<R> & keyof Ours<R>> };

/** The names a resource's RESOURCE_MISSING areas list (never for a resource with none). */
type ListedMissing<R extends ResourceName> = {
  [A in keyof (typeof RESOURCE_MISSING)[R]]: (typeof RESOURCE_MISSING)[R][A] extends readonly (infer K)[] ? K : never;
}[keyof (typeof RESOURCE_MISSING)[R]];
type ListedDifferent<R extends ResourceName> = (typeof RESOURCE_DIFFERENTLY_TYPED)[R][number];
type MissingOf<R extends ResourceName> = Exclude<keyof Theirs<R>, keyof Ours<R>>;
type MistypedOf<R extends ResourceName> = {
  [K in keyof Theirs<R> & keyof Ours<R>]-?: Ours<R>[K] extends InScope<Theirs<R>[K]> ? never : K;
}[keyof Theirs<R> & keyof Ours<R>];
type PerResource<T extends { [R in ResourceName]: unknown }> = T[ResourceName];

// Every missing or mistyped resource member is listed…
export type UnlistedResourceMissing = AssertNever<PerResource<{ [R in ResourceName]: Exclude<MissingOf<R>, ListedMissing<R>> }>>;
export type UnlistedResourceMistyped = AssertNever<PerResource<{ [R in ResourceName]: Exclude<MistypedOf<R>, ListedDifferent<R>> }>>;
// …and a listed one that got added or fixed must leave its list.
export type StaleResourceMissing = AssertNever<PerResource<{ [R in ResourceName]: Extract<ListedMissing<R>, keyof Ours<R>> }>>;
export type StaleResourceMistyped = AssertNever<PerResource<{ [R in ResourceName]: Exclude<ListedDifferent<R>, MistypedOf<R>> }>>;
