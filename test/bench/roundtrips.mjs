/**
 * FAPI round trips before `loaded`, over real HTTP on 127.0.0.1 with 100 ms of emulated latency per
 * request. The instance is the headless preset from dist/, in Node (no window: a non-standard browser).
 *
 * Round trips are counted from the client's side: every fetch is timed (start → response headers) and
 * the count is the longest chain of requests where each started after the previous one answered
 * (see fetch-log.mjs). Wall time ÷ latency is printed beside it as a cross-check.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { instrumentFetch, sequentialRoundTrips } from './fetch-log.mjs';

export const LATENCY_MS = 100;

async function measureOne(root, instanceType) {
  const { startEmulator } = await import(pathToFileURL(join(root, 'dist/emulator/index.js')).href);
  const { createHeadlessClerk } = await import(pathToFileURL(join(root, 'dist/presets/headless.js')).href);
  const running = await startEmulator({ instanceType, settings: { latencyMs: LATENCY_MS } });
  const fetches = instrumentFetch();
  try {
    const clerk = createHeadlessClerk({ publishableKey: running.publishableKey, proxyUrl: running.proxyUrl });
    const started = performance.now();
    await clerk.load();
    const wallMs = performance.now() - started;
    const served = running.emulator.requests.map((r) => `${r.method} ${r.path}`);
    const trips = sequentialRoundTrips(fetches.log);
    clerk.destroy();
    return {
      instanceType,
      ok: true,
      blockedOrigins: [...fetches.blocked],
      loaded: clerk.loaded,
      status: clerk.status,
      requests: served.length,
      requestList: served,
      wallMs: Math.round(wallMs),
      roundTrips: trips.count,
      steps: trips.steps,
      wallOverLatency: Math.round((wallMs / LATENCY_MS) * 10) / 10,
      target: instanceType === 'production' ? 1 : 2,
    };
  } catch (error) {
    return { instanceType, ok: false, error: String(error?.message ?? error) };
  } finally {
    fetches.restore();
    await running.close();
  }
}

/**
 * ClerkJS 6.40.0 (its npm ESM build) loaded the same way against the same emulator, production only:
 * in Node it needs `navigator.onLine` and `load({ standardBrowser: false })` (fapi-protocol.md, test-harness
 * notes), and without a standard browser it skips the dev browser, so a development load is not comparable.
 */
async function measureClerkJsProduction(root) {
  const { startEmulator } = await import(pathToFileURL(join(root, 'dist/emulator/index.js')).href);
  const running = await startEmulator({ instanceType: 'production', settings: { latencyMs: LATENCY_MS } });
  const fetches = instrumentFetch();
  const hadNavigator = 'navigator' in globalThis;
  if (!hadNavigator) Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true, writable: true });
  try {
    const { Clerk } = await import(pathToFileURL(join(root, 'compare/node_modules/@clerk/clerk-js/dist/clerk.mjs')).href);
    const clerk = new Clerk(running.publishableKey, { proxyUrl: running.proxyUrl });
    const started = performance.now();
    await clerk.load({ standardBrowser: false, telemetry: false });
    const wallMs = performance.now() - started;
    const trips = sequentialRoundTrips(fetches.log);
    return {
      instanceType: 'production',
      sdk: 'ClerkJS',
      ok: true,
      loaded: clerk.loaded,
      status: clerk.status,
      blockedOrigins: [...fetches.blocked],
      requests: running.emulator.requests.length,
      requestList: running.emulator.requests.map((r) => `${r.method} ${r.path}`),
      wallMs: Math.round(wallMs),
      roundTrips: trips.count,
      steps: trips.steps,
      wallOverLatency: Math.round((wallMs / LATENCY_MS) * 10) / 10,
    };
  } catch (error) {
    return { instanceType: 'production', sdk: 'ClerkJS', ok: false, error: String(error?.message ?? error) };
  } finally {
    if (!hadNavigator) delete globalThis.navigator;
    fetches.restore();
    await running.close();
  }
}

export async function measureRoundTrips(root, { clerkJs = true } = {}) {
  const microclerk = [await measureOne(root, 'production'), await measureOne(root, 'development')];
  return { latencyMs: LATENCY_MS, microclerk, clerkJs: clerkJs ? await measureClerkJsProduction(root) : null, clerkJsFacts: CLERKJS_LOAD_FACTS };
}

/** What fapi-protocol.md says ClerkJS requests during load (documented facts, not measured here). */
export const CLERKJS_LOAD_FACTS = [
  'production: GET /v1/environment and GET /v1/client (fapi-protocol.md §3 "Load / client").',
  'development with a dev-browser host (e.g. *.accounts.dev): "On load, before environment/client", POST /v1/dev_browser unless a token is in the page URL or the __clerk_db_jwt cookie; environment is fetched with PATCH (§8).',
  'fapi-protocol.md does not state whether ClerkJS sends environment and client concurrently.',
];
