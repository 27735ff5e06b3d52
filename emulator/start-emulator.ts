/** `startEmulator`: an emulator served over real HTTP, under a prefix and at the root. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js';
import { serveOverHttp } from './http/node-server.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Path the emulator is mounted under (default `/__clerk`); `/v1/…` at the root is served too. */
  prefix?: string;
  /** Handles every request that is not for the emulator (e.g. the playground's static files). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
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
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const served = await serveOverHttp((request) => emulator.handle(request), options);
  return {
    url: served.origin,
    proxyUrl: `${served.origin}${served.prefix}`,
    publishableKey: emulator.publishableKey,
    emulator,
    server: served.server,
    close: served.close,
  };
}
