/**
 * Kernel lifecycle: handleUnauthenticated's outcomes and setActive without parameters, with ClerkJS as
 * the reference for each expectation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROXY_URL, useEmulator } from '../test/helpers/emulator.js';
import { ClerkAPIResponseError, createClerk, definePlugin } from './index.js';

const PASSWORD = 'correct horse battery staple';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] } });
const GET_CLIENT = /^\/v1\/client$/;
const instances: Array<{ destroy(): void }> = [];

beforeEach(() => emulator.reset());
afterEach(() => instances.splice(0).forEach((c) => c.destroy()));

async function loaded() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load();
  return clerk;
}

async function signedIn() {
  const clerk = await loaded();
  const attempt = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: attempt.createdSessionId });
  return clerk;
}

describe('handleUnauthenticated()', () => {
  // ClerkJS signs the tab out on 403 and 500 and rethrows anything else; we keep the session on 5xx
  // (an outage is not a sign-out) and rethrow.
  it.each([
    [401, 'authentication_invalid'],
    [404, 'resource_not_found'],
    [500, 'internal_clerk_error'],
    [503, 'service_unavailable'],
  ])('rejects with the ClerkAPIResponseError when GET /v1/client answers %i', async (status, code) => {
    const clerk = await signedIn();
    const sessionId = clerk.session!.id;
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status, body: { errors: [{ code, message: code, long_message: code }] }, times: 1 });
    const error = await clerk.handleUnauthenticated().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ClerkAPIResponseError);
    expect(error).toMatchObject({ status, errors: [{ code }] });
    // Nothing was learned about the client: the tab keeps its session.
    expect(clerk.session?.id).toBe(sessionId);
  });

  it('signs the tab out when GET /v1/client answers 403', async () => {
    const status = 403;
    const clerk = await signedIn();
    emulator.faults.add({ method: 'GET', path: GET_CLIENT, status, times: 1 });
    await expect(clerk.handleUnauthenticated()).resolves.toBeUndefined();
    expect(clerk.session).toBeNull();
  });
});

describe('setActive() without params', () => {
  // ClerkJS reads a missing `session` as "keep the current one" (as setActive({}) does here).
  it.each([
    ['setActive()', (clerk: { setActive(p?: unknown): Promise<void> }) => clerk.setActive()],
    ['setActive(undefined)', (clerk: { setActive(p?: unknown): Promise<void> }) => clerk.setActive(undefined)],
  ])('%s keeps the current session, as setActive({}) does', async (_, call) => {
    const clerk = await signedIn();
    const sessionId = clerk.session!.id;
    await clerk.setActive({});
    expect(clerk.session?.id).toBe(sessionId);
    const outcome = await call(clerk as never).then(
      () => 'resolved',
      (err: unknown) => err,
    );
    expect(outcome).toBe('resolved');
    expect(clerk.session?.id).toBe(sessionId);
    expect(clerk.user).toBe(clerk.session!.user);
  });

  it('setActive() when signed out resolves and stays signed out, as setActive({}) does', async () => {
    const clerk = await loaded();
    await clerk.setActive({});
    expect(clerk.session).toBeNull();
    const outcome = await (clerk.setActive as (p?: unknown) => Promise<void>)().then(
      () => 'resolved',
      (err: unknown) => err,
    );
    expect(outcome).toBe('resolved');
    expect(clerk.session).toBeNull();
  });
});

describe('beforeLoad hooks', () => {
  it('run with the load options before any request; a throwing one leaves the instance degraded, not unloaded', async () => {
    emulator.clearRequests();
    const seen: Array<{ option: unknown; requestsSoFar: number }> = [];
    const starter = definePlugin({
      name: 'starter',
      setup(ctx) {
        ctx.beforeLoad((options) => void seen.push({ option: options.standardBrowser, requestsSoFar: emulator.requests.length }));
        return {};
      },
    });
    const broken = definePlugin({
      name: 'broken',
      setup(ctx) {
        ctx.beforeLoad(() => {
          throw new Error('cannot start');
        });
        return {};
      },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [starter, broken] });
    instances.push(clerk);
    await clerk.load({ standardBrowser: false });
    expect(seen).toEqual([{ option: false, requestsSoFar: 0 }]);
    expect(clerk.loaded).toBe(true);
    expect(clerk.status).toBe('degraded');
    expect(errors).toHaveBeenCalledWith('[microclerk] a plugin failed to load:', expect.objectContaining({ message: 'cannot start' }));
    errors.mockRestore();
  });
});
