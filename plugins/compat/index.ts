/**
 * The `compat` plugin: the ClerkJS-internal members that Clerk's React SDK (`@clerk/react` 6.x, via
 * `@clerk/shared/react`) reads or calls on an instance passed as `<ClerkProvider Clerk={clerk}>`.
 *
 * What the React SDK does with the instance (studied in @clerk/react 6.18.0, @clerk/shared 4.x):
 *
 * - Passing: the `Clerk` prop (an instance or a constructor). With it, IsomorphicClerk loads no
 *   clerk-js or clerk-ui script, sets `globalThis.Clerk = clerk` and, unless `clerk.loaded`, calls
 *   `clerk.load({ ...providerProps, sdkMetadata: { name: '@clerk/react', version, environment },
 *   clerkUIVariant, ui: { ClerkUI: undefined } })` — props it does not know (routerPush,
 *   afterSignOutUrl, appearance, localization, …) pass through to the plugins' load options.
 *   Until `load()` resolves it answers from its own state; then it replays queued calls
 *   (`addListener`, `on('status', fn, { notify: true })`, mount…, open…, build…Url, redirectTo… …).
 * - Kernel (real): `load`, `loaded`, `status`, `on`/`off('status')`, `addListener(fn, { skipInitialEmit })`
 *   (kernel change: the option), `client` (`signedInSessions`, `sessions`, `signIn`, `signUp`),
 *   `session` (`getToken`, `lastActiveToken.jwt.claims`, `status`, `actor`, `factorVerificationAge`),
 *   `user` (`organizationMemberships`), `organization`, `isSignedIn`, `setActive`, `handleUnauthenticated`,
 *   `sdkMetadata`, `instanceType`, `frontendApi`, `version`.
 * - This plugin (real):
 *   - `__internal_lastEmittedResources`: the snapshot `useAuth`, `useUser`, `useSession`,
 *     `useOrganization`, `<Show>` and the legacy `useSignIn`/`useSignUp` (via useClientBase) render from.
 *     Without it they stay "not loaded" forever.
 *   - `__internal_state`: `signInSignal()`, `signUpSignal()`, `waitlistSignal()`, `__internal_effect`,
 *     `__internal_computed` — what the v6 `useSignIn()` / `useSignUp()` / `useWaitlist()` read. The
 *     signals carry ClerkJS's `SignInFuture` / `SignUpFuture` (create, password, email/phone codes,
 *     reset password, MFA codes/TOTP/backup codes, ticket, email link, `sso` (redirect or popup: the
 *     oauth plugin), `web3` (the web3 plugin), `passkey` (the passkeys plugin), finalize, reset) over the
 *     kernel's resources; without the plugin a step needs, it resolves a `plugin_missing` error. `client.signIn.__internal_future` / `client.signUp.__internal_future` (the SDK's
 *     fallback when a signal is empty) are the same future objects. `__internal_waitlist` is the
 *     waitlist future (`plugin_missing` without the waitlist plugin).
 *   - `__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller })` (called on mount by
 *     `useOrganization`/`useOrganizationList`: `{ isEnabled }` from `organization_settings.enabled`; the SDK
 *     replays it un-chained after hydrating, so without it the app stays signed out) and
 *     `__experimental_prefetchOrganizationSwitcher` (nothing to prefetch).
 *   - `__internal_getOption(key)` (the `localization` hook), `__internal_environment`
 *     (useOrganizationCreationDefaults, useReverification), `isStandardBrowser`,
 *     `__internal_updateProps` (emits `compat:props-updated` for UI plugins to re-render with; for a
 *     component's new props it carries `{ node, props }` — no UI plugin listens yet).
 * - Other plugins: `signOut` (sign-out), navigation `build…Url`, `redirectTo…` / `navigate` (navigation),
 *   `mount…`, `unmount…`, `open…`, `close…` (ui and the component plugins).
 * - Present with the "absent" value ClerkJS's types allow (so the instance satisfies ClerkJS's `Clerk`
 *   type; see test/types/clerk-conformance.ts): `telemetry` (undefined: every use is
 *   `telemetry?.record(...)`; microclerk sends no telemetry), `uiVersion`, `__internal_moduleManager`,
 *   `__internal_getCachedResources` (undefined), `__internal_hasOAuthTransport` (false),
 *   `__internal_oauthTransport` (null).
 * - Missing (the SDK tolerates their absence; what it affects):
 *   - `__internal_queryClient`, `__internal_setEnvironment`: optional-chained or feature-detected by the SDK.
 *   - waitlist without the `waitlist` plugin: `waitlistSignal().waitlist` is null (`useWaitlist()` has nothing to join with).
 *   - the sign-in future's `mfa.passkey` (a passkey as a sign-in's second factor) resolves `{ error }` with
 *     code `not_supported`; `submitProtectCheck` and `protectCheck` need the protect plugin (the full preset has it).
 *   - `billing`, `apiKeys`, `oauthApplication`, `__experimental_checkout`: the billing / API-key /
 *     checkout hooks do not work. The organization hooks need the `organizations` plugin.
 * @packageDocumentation
 */
export { compatPlugin } from './compat.js';
export type { CompatApi, CompatState, SignInFuture, SignInSignalValue, SignUpFuture, SignUpSignalValue } from './compat.js';
export type { FinalizeNavigate } from './sign-in-future.js';
export type { FlowErrors, FlowValue } from './signals.js';
export type { ClerkGlobalHookError } from './flow-signal.js';
