/**
 * microclerk/emulator — a local, in-memory Clerk Frontend API for development and tests.
 * Not a production server: in memory unless `startEmulator({ dataDir })`, no real email/SMS, no security hardening.
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js';
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './start-emulator.js';
export { SnapshotError } from './domain/snapshot.js';
export { publishableKeyFor, type InstanceType, type SeedUser } from './domain/core.js';
export type { RequestLogEntry } from './http/pipeline.js';
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
} from './domain/settings.js';
export type { OutboxChannel, OutboxMessage, OutboxPurpose, OutboxView } from './domain/outbox.js';
export type { OrganizationRoleSetting } from './domain/organization-roles.js';
export { DroppedConnectionError, isDroppedConnection, type FaultRule } from './http/faults.js';
export { TEST_MODE_CODE, isTestIdentifier } from './domain/identifiers.js';
export { totpCode, generateTotpSecret } from './domain/totp.js';
export { decodeJwtPayload } from './domain/jwt.js';
export { setCookiesOf } from './http/transport.js';
