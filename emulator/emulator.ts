/**
 * `createEmulator`: the composition root. It builds the domain core, puts the request pipeline
 * around the handlers' routes, and exposes both through the public `Emulator` facade.
 */
import type { JsonWebKey } from 'node:crypto';
import { EmulatorCore, type InstanceType, type SeedUser } from './domain/core.js';
import type { OutboxView } from './domain/outbox.js';
import type { EmulatorSettings, EmulatorSettingsInput } from './domain/settings.js';
import type { InstanceSnapshot } from './domain/snapshot.js';
import { handleAdmin } from './handlers/admin.js';
import { handleGoogleIdentity } from './handlers/google-one-tap.js';
import { fapiRoutes } from './handlers/routes.js';
import type { FaultRule } from './http/faults.js';
import { createRequestPipeline, type RequestLogEntry } from './http/pipeline.js';

/** One emulated Clerk instance: answers FAPI requests and exposes the controls tests and the playground use. */
export interface Emulator {
  /** Answers one FAPI request (any origin; routed on the path after `/v1`). Rejects for dropped-connection faults. */
  handle(request: Request): Promise<Response>;
  publishableKey: string;
  frontendApiHost: string;
  instanceType: InstanceType;
  /** Live settings; change them with `updateSettings`. */
  readonly settings: EmulatorSettings;
  updateSettings(partial: EmulatorSettingsInput): void;
  outbox: OutboxView;
  faults: { add(rule: FaultRule): void; clear(): void };
  jwks(): { keys: JsonWebKey[] };
  publicKeyPem: string;
  /** Drops all clients, users, sessions and messages, then re-applies the seed. */
  reset(): void;
  /** Adds a user (identifiers verified) and returns its id. */
  addUser(user: SeedUser): string;
  /**
   * Requires (or, with `false`, no longer requires) a new password of a user: their signed-in sessions
   * are pending with the `reset-password` task until they change it. Throws for an unknown user.
   */
  requirePasswordReset(userId: string, required?: boolean): void;
  /** Emails that joined the waitlist (`POST /v1/waitlist`), oldest first. */
  waitlist(): Array<{ id: string; emailAddress: string; createdAt: number }>;
  /** Log of FAPI requests, with the logical method. */
  requests: RequestLogEntry[];
  clearRequests(): void;
}

export interface EmulatorOptions {
  instanceType?: InstanceType;
  frontendApiHost?: string;
  settings?: EmulatorSettingsInput;
  seed?: { users?: SeedUser[] };
  /** Clock in ms, read at every use so fake timers work. Default `Date.now`. */
  now?: () => number;
  /** Add CORS headers (echoing Origin, with credentials) for the emulator's own and the allowed origins. Default true. */
  cors?: boolean;
  /**
   * Origins of the apps that use this emulator (`http://localhost:5173`), besides its own: they get
   * CORS headers, and redirect URLs (OAuth, `/v1/verify`) may point to them. Nothing else may. Default none.
   */
  allowedOrigins?: readonly string[];
}

/** What `startEmulator({ dataDir })` adds: the state to start from, and a call after anything may have changed. */
export interface PersistenceHooks {
  restore?: InstanceSnapshot;
  /** Called once at creation and after each request or control that may have changed state. */
  changed?: (snapshot: () => InstanceSnapshot) => void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return createPersistentEmulator(options, {});
}

/** `createEmulator` with persistence hooks: what `startEmulator({ dataDir })` uses (not exported from the package). */
export function createPersistentEmulator(options: EmulatorOptions, persistence: PersistenceHooks): Emulator {
  const core = new EmulatorCore({ ...options, restore: persistence.restore });
  const snapshot = () => core.snapshot();
  const changed = () => persistence.changed?.(snapshot);
  const pipeline = createRequestPipeline(core, {
    routes: fapiRoutes,
    // The admin routes drive the same facade tests use, so both reset and seed alike.
    admin: (method, action, request) => handleAdmin(emulator, { core, activeFaults: () => pipeline.faults.list() }, method, action, request),
    googleIdentity: (method, action, request, base) => handleGoogleIdentity(core, method, action, request, base),
    cors: options.cors ?? true,
    allowedOrigins: options.allowedOrigins,
  });

  const emulator: Emulator = {
    handle: (request) => pipeline.handle(request).finally(changed),
    publishableKey: core.publishableKey,
    frontendApiHost: core.frontendApiHost,
    instanceType: core.instanceType,
    get settings() {
      return core.settings;
    },
    updateSettings: (partial) => {
      core.updateSettings(partial);
      changed();
    },
    outbox: core.outbox,
    faults: { add: (rule) => pipeline.faults.add(rule), clear: () => pipeline.faults.clear() },
    jwks: () => core.signer.jwks(),
    publicKeyPem: core.signer.publicKeyPem,
    reset: () => {
      core.reset();
      pipeline.resetRateLimit();
      changed();
    },
    addUser: (user) => {
      const id = core.createSeedUser(user).id;
      changed();
      return id;
    },
    requirePasswordReset: (userId, required = true) => {
      const user = core.store.users.get(userId);
      if (!user) throw new Error(`requirePasswordReset(): no user ${userId}`);
      user.passwordResetRequired = required;
      user.updatedAt = core.now();
      changed();
    },
    waitlist: () => [...core.store.waitlist.values()].map((e) => ({ id: e.id, emailAddress: e.emailAddress, createdAt: e.createdAt })),
    requests: pipeline.requests,
    clearRequests: () => {
      pipeline.requests.length = 0;
    },
  };
  changed();
  return emulator;
}
