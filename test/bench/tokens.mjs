/**
 * getToken cache and dedup, over real HTTP against the emulator (development instance: in Node the dev
 * browser, not a cookie, identifies the client). A user signs up with the headless API, then 100
 * concurrent getToken() calls are made and the token requests the emulator served are counted.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrumentFetch } from './fetch-log.mjs';

const CONCURRENT_CALLS = 100;
/** Some latency so the 100 calls really overlap one in-flight request. */
const LATENCY_MS = 20;

const isTokenRequest = (r) => r.method === 'POST' && /\/tokens(\/|$)/.test(r.path);

async function concurrentGetToken(clerk, emulator, options) {
  emulator.clearRequests();
  const tokens = await Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => clerk.session.getToken(options)));
  const distinct = new Set(tokens);
  return {
    calls: CONCURRENT_CALLS,
    options,
    tokenRequests: emulator.requests.filter(isTokenRequest).length,
    allRequests: emulator.requests.map((r) => `${r.method} ${r.path}`),
    distinctTokens: distinct.size,
    allNonNull: tokens.every((t) => typeof t === 'string' && t.split('.').length === 3),
  };
}

export async function measureTokenDedup(root) {
  const { startEmulator } = await import(pathToFileURL(join(root, 'dist/emulator/index.js')).href);
  const { createHeadlessClerk } = await import(pathToFileURL(join(root, 'dist/presets/headless.js')).href);
  const running = await startEmulator({ instanceType: 'development', settings: { latencyMs: LATENCY_MS } });
  const fetches = instrumentFetch();
  try {
    const clerk = createHeadlessClerk({ publishableKey: running.publishableKey, proxyUrl: running.proxyUrl });
    await clerk.load();
    const signUp = await clerk.client.signUp.create({ emailAddress: 'bench+clerk_test@example.com', password: 'a-Long-pass-123' });
    await signUp.prepareEmailAddressVerification();
    const verified = await signUp.attemptEmailAddressVerification({ code: '424242' });
    if (!verified.createdSessionId) throw new Error(`sign-up did not create a session (status ${verified.status})`);
    await clerk.setActive({ session: verified.createdSessionId });
    if (!clerk.session) throw new Error('no active session after setActive');

    // A template token is not seeded by sign-in, so the first call must reach FAPI: expect 1 request.
    const template = await concurrentGetToken(clerk, running.emulator, { skipCache: false, template: 'bench' });
    // The session's own token was seeded from last_active_token: expect 0 requests.
    const sessionToken = await concurrentGetToken(clerk, running.emulator, {});
    clerk.destroy();
    return { ok: true, latencyMs: LATENCY_MS, template, sessionToken, blockedOrigins: [...fetches.blocked] };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error) };
  } finally {
    fetches.restore();
    await running.close();
  }
}
