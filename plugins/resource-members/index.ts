/**
 * The resource-members plugin: the ClerkJS resource members custom flows call that the kernel leaves
 * out — `client.create/clearCache/resetSignIn/resetSignUp/isEligibleForTouch/buildTouchUrl`,
 * `session.reload/agent`, `user.isPrimaryIdentification/verifiedExternalAccounts/unverifiedExternalAccounts/
 * getEnterpriseConnections/__experimental_…BiometricCredential(s)` (trusted devices), `signIn/signUp.validatePassword`,
 * `signUp.upsert`, `emailAddress/phoneNumber.create`,
 * `externalAccount.reload/providerSlug/providerTitle/accountIdentifier` — plus `clerk.updateClient()` and
 * the `routerDebug` load option; and on every resource ClerkJS's plumbing: `pathRoot`, `__internal_toSnapshot()`
 * (FAPI's JSON, which rebuilds the resource), the verifications' and tokens' members. Bodies that talk to
 * FAPI load on first call.
 * @packageDocumentation
 */
import { Client, ClerkRuntimeError, definePlugin } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import { current, environments, installResourceMembers } from './members.js';

export type {
  AgentActClaim,
  AttemptBiometricCredentialParams,
  BiometricCredential,
  BiometricCredentialPlatform,
  BiometricCredentialPublicKeyJwk,
  ClientMembers,
  ComplexityErrors,
  DataResourceMembers,
  EmailAddressMembers,
  EnterpriseConnection,
  ExternalAccountMembers,
  IdentificationMembers,
  IdentificationLinkMembers,
  PasswordMembers,
  PasswordValidation,
  PrepareBiometricCredentialParams,
  ResourceInternals,
  SessionMembers,
  SignInMembers,
  SignUpMembers,
  TokenMembers,
  TrustedDeviceAlgorithm,
  TrustedDeviceChallenge,
  UserMembers,
  ValidatePasswordCallbacks,
  VerificationMembers,
} from './members.js';
export type * from './snapshots.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'resource-members': ResourceMembersApi;
  }
}

export interface ResourceMembersApi {
  /**
   * Makes `client` this instance's client (ClerkJS's `updateClient`): its data replaces the current
   * client's (the objects the app holds stay live) and listeners hear the change.
   */
  updateClient(client: Client): void;
}

declare module '../../kernel/types.js' {
  interface KernelLoadOptions {
    /** Logs every navigation to the console (`Clerk is navigating to: …`), as ClerkJS does (read by the resource-members plugin). */
    routerDebug?: boolean;
  }
}

export function resourceMembersPlugin() {
  return definePlugin({
    name: 'resource-members',
    setup(ctx): ResourceMembersApi {
      installResourceMembers();
      const { kernel } = ctx;
      environments.set(kernel.resources, () => kernel.environment);
      current.client = () => kernel.client;
      ctx.events.on('navigation:navigate', ({ url }) => {
        if (ctx.loadOptions.routerDebug) console.log(`Clerk is navigating to: ${url}`);
      });
      return {
        updateClient(client) {
          if (!(client instanceof Client)) throw new ClerkRuntimeError('updateClient(): client must be a Client resource.', { code: 'invalid_arguments' });
          if (client === kernel.client) return kernel.emitResources();
          void import('./bodies.js').then((m) => kernel.applyClient(m.clientJson(client)));
        },
      };
    },
  });
}
