/**
 * microclerk's kernel: `createClerk` with the plugin contract, the FAPI client, resources, state and
 * events. Features (navigation, sign-out, polling, UI…) are plugins under `microclerk/plugins/*`; the
 * kernel imports none of them and declares none of their options or events.
 *
 * One concern per file: `clerk.ts` wires an instance (public members, internals), `state.ts` holds the
 * resources and emits consistent snapshots, `set-active.ts` switches sessions, `lifecycle.ts` runs
 * `load()` and `handleUnauthenticated`, `plugin.ts` is the contract (`definePlugin`, `PluginApis`,
 * capabilities), `plugin-host.ts` runs each plugin's setup with a context limited to what it declared,
 * `fapi.ts` speaks FAPI, `dev-browser.ts` keeps the development cookie, `resources/` are ClerkJS's objects.
 * @packageDocumentation
 */
export { createClerk } from './clerk.js';
export type { ClerkInstance, ClerkKernel, CreateClerkOptions, KernelInternals, KernelLoadOptions, Navigate, PageLoad, SetActiveParams } from './types.js';
export { definePlugin } from './plugin.js';
export type {
  Capabilities,
  CapabilityName,
  ClerkPlugin,
  LoadOptionsOf,
  LoadOptionsSchema,
  PluginApis,
  PluginContext,
  PluginDefinition,
  PluginName,
  PluginsApi,
  PluginsLoadOptions,
} from './plugin.js';
export type { EventBus, EventHandler, EventName, KernelEvents, Resources, Status } from './events.js';
export { ClerkAPIResponseError, ClerkRuntimeError, expectObject, invalidArgument, isClerkAPIResponseError, isClerkRuntimeError } from './errors.js';
export type { ClerkAPIError } from './errors.js';
export { buildPublishableKey, isBoolean, isStringOrNull, optionalOption, parsePublishableKey } from './options.js';
export type { ClerkConstructorOptions, InstanceType, OptionSchema, OptionsOf, OptionsSchema, PublishableKeyInfo } from './options.js';
export type { FapiClient, FapiMethod, FapiRequest } from './fapi.js';
export { BaseResource, camelize } from './resources/base.js';
export type { JSONObject, ResourceContext } from './resources/base.js';
export { Client } from './resources/client.js';
export type { LastAuthenticationStrategy, OAuthProviderName, PendingSessionMembers, SessionWithStatus, SignedInSession } from './resources/client.js';
export { EmailAddress } from './resources/email-address.js';
export { Environment } from './resources/environment.js';
export type { AttributeSettings, DisplayConfig, UserSettings } from './resources/environment.js';
export { Organization, OrganizationMembership } from './resources/organization.js';
export { PhoneNumber } from './resources/phone-number.js';
export { Session } from './resources/session.js';
export type { GetTokenOptions, SessionStatus } from './resources/session.js';
export { SignIn } from './resources/sign-in.js';
export type { FactorParams, SignInCreateParams, SignInFactor, SignInStatus } from './resources/sign-in.js';
export { SignUp } from './resources/sign-up.js';
export type { SignUpField, SignUpIdentificationField, SignUpParams, SignUpStatus, SignUpVerification, SignUpVerifications } from './resources/sign-up.js';
export { Token, TokenCache, decodeJwt } from './resources/token.js';
export type { DecodedJwt, JwtClaims, JwtHeader, SessionJwt } from './resources/token.js';
export { ExternalAccount, User } from './resources/user.js';
export type {
  BackupCodeResource,
  DeletedObject,
  ImageResource,
  SessionWithActivities,
  TOTPResource,
  UpdateUserParams,
  UserWeb3Wallet,
} from './resources/user.js';
export type { AuthenticateWithPopup, AuthenticateWithPopupParams, AuthenticateWithRedirectParams } from './resources/external-auth.js';
export { defineLazyMethods, defineMethod } from './resources/methods.js';
export { Verification } from './resources/verification.js';
export type { VerificationStatus } from './resources/verification.js';
export { originOf, safeUrl } from './safe-url.js';
export { VERSION } from './version.js';
