/**
 * The `passkeys` plugin: passkey sign-in (`signIn.authenticateWithPasskey({ flow })`), passkey
 * management (`user.createPasskey()`, `user.passkeys`, `passkey.update({ name })` / `delete()`), and
 * session reverification (`session.startVerification({ level })`, the first/second factor
 * `prepare…Verification` / `attempt…Verification`, `verifyWithPasskey()`), with the browser's WebAuthn
 * API. The methods are installed on the kernel's classes and load on first call.
 * @packageDocumentation
 */
export { passkeysPlugin } from './passkeys.js';
export type { PasskeysApi } from './passkeys.js';
export { Passkey } from './methods.js';
export type {
  AuthenticateWithPasskeyParams,
  EnterpriseSSOVerificationFactor,
  PasskeyAssertion,
  PasskeyMethods,
  PasskeyVerification,
  PasskeyVerificationAttempt,
  SessionVerification,
  SessionVerificationFactor,
  SessionVerificationFirstFactor,
  SessionVerificationSecondFactor,
  SessionVerificationLevel,
  SessionVerificationMethods,
  SessionVerificationStatus,
  SessionVerifyAttemptFirstFactorParams,
  SessionVerifyAttemptSecondFactorParams,
  SessionVerifyPrepareFirstFactorParams,
  SessionVerifyPrepareSecondFactorParams,
  SignInPasskeyMethods,
  TrustedDeviceAttempt,
  TrustedDeviceFactor,
  UserPasskeyMethods,
} from './methods.js';
