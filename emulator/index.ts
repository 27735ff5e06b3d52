/**
 * microclerk/emulator — a local, in-memory Clerk Frontend API for development and tests.
 * Not a production server: no persistence, no real email/SMS, no security hardening.
 */
export { createEmulator, type Emulator } from './emulator.js';
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './server.js';
export { publishableKeyFor, type EmulatorOptions, type InstanceType, type RequestLogEntry, type SeedUser } from './core.js';
export {
  defaultSettings,
  type DisplayUrls,
  type EmailAddressSettings,
  type EmailFirstFactor,
  type EmulatorSettings,
  type EmulatorSettingsInput,
  type LockoutSettings,
  type NameSettings,
  type PasswordSettings,
  type PhoneNumberSettings,
  type RateLimitSettings,
  type SecondFactorStrategy,
  type SignUpMode,
  type UsernameSettings,
} from './settings.js';
export type { OutboxChannel, OutboxMessage, OutboxPurpose, OutboxView } from './outbox.js';
export { DroppedConnectionError, isDroppedConnection, type FaultRule } from './faults.js';
export { TEST_MODE_CODE, isTestIdentifier } from './store.js';
export { totpCode, generateTotpSecret } from './totp.js';
export { decodeJwtPayload } from './jwt.js';
export { setCookiesOf } from './transport.js';
