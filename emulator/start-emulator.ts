/** `startEmulator`: an emulator served over real HTTP, under a prefix and at the root. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { InstanceSnapshot } from './domain/snapshot.js';
import { createPersistentEmulator, type Emulator, type EmulatorOptions } from './emulator.js';
import { serveOverHttp } from './http/node-server.js';
import { openSnapshotFile } from './http/snapshot-file.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Path the emulator is mounted under (default `/__clerk`); `/v1/…` at the root is served too. */
  prefix?: string;
  /** Handles every request that is not for the emulator (e.g. the playground's static files). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Keep the state (users, organizations, sessions, settings, outbox, signing key) in `<dataDir>/emulator.json`
   * across restarts, written atomically after each change. A torn or foreign file makes `startEmulator` reject.
   * Without it the emulator is in memory only.
   */
  dataDir?: string;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:54321` */
  url: string;
  /** `url` + prefix: pass as ClerkJS `proxyUrl`. */
  proxyUrl: string;
  publishableKey: string;
  emulator: Emulator;
  server: Server;
  close(): Promise<void>;
  /** The snapshot file when started with `dataDir`. */
  dataFile?: string;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const file = options.dataDir !== undefined ? openSnapshotFile(options.dataDir) : undefined;
  // Writes are coalesced: one per turn of the event loop however many changes it saw.
  let pending: NodeJS.Immediate | undefined;
  let latest: (() => InstanceSnapshot) | undefined;
  const save = () => {
    pending = undefined;
    if (latest) file!.write(latest());
  };
  const emulator = createPersistentEmulator(options, {
    restore: file?.read(),
    changed: file
      ? (snapshot) => {
          latest = snapshot;
          pending ??= setImmediate(save);
        }
      : undefined,
  });
  // The first write happens now, so a data directory that cannot be written fails at start, not later.
  if (pending) {
    clearImmediate(pending);
    save();
  }
  const served = await serveOverHttp((request) => emulator.handle(request), options);
  return {
    url: served.origin,
    proxyUrl: `${served.origin}${served.prefix}`,
    publishableKey: emulator.publishableKey,
    emulator,
    server: served.server,
    dataFile: file?.path,
    close: async () => {
      await served.close();
      if (pending) {
        clearImmediate(pending);
        save();
      }
    },
  };
}
