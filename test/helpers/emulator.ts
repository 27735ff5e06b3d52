/**
 * Runs the FAPI emulator inside a test through msw (no sockets): requests to
 * `${APP_ORIGIN}/__clerk/*` are answered by the emulator's handlers.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createEmulator, isDroppedConnection, type EmulatorOptions } from '../../emulator/index.js';

export const APP_ORIGIN = 'http://localhost:3000';
export const PROXY_URL = `${APP_ORIGIN}/__clerk`;

/** Starts msw for this test file; returns the emulator so tests can read the outbox and inject faults. */
export function useEmulator(options: EmulatorOptions = {}) {
  // The tests' pages are on APP_ORIGIN, where msw also answers for the emulator: its own origin, listed for clarity.
  const emulator = createEmulator({ allowedOrigins: [APP_ORIGIN], ...options });
  const server = setupServer(
    http.all(`${PROXY_URL}/*`, async ({ request }): Promise<Response> => {
      try {
        return await emulator.handle(request);
      } catch (err) {
        // A dropped-connection fault becomes a failed fetch, as a real dropped socket would.
        if (isDroppedConnection(err)) return HttpResponse.error();
        throw err;
      }
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    emulator.faults.clear();
  });
  afterAll(() => server.close());
  return emulator;
}
