import { afterEach, describe, expect, it } from 'vitest';
import { createClerk, isClerkRuntimeError } from '../index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';

const PASSWORD = 'correct horse battery staple';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] } });
const TOKEN_REQUEST = /^\/v1\/client\/sessions\/[^/]+\/tokens$/;
const instances: Array<{ destroy(): void }> = [];

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  emulator.reset();
});

async function signedIn() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load();
  const attempt = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: attempt.createdSessionId });
  return clerk;
}

describe('Session.getToken', () => {
  it('rejects at once with missing_token when FAPI answers 200 without a jwt, without retrying', async () => {
    const clerk = await signedIn();
    emulator.faults.add({ method: 'POST', path: TOKEN_REQUEST, status: 200, body: { object: 'token' } });
    emulator.clearRequests();
    const retrying = new Promise((resolve) => setTimeout(resolve, 1_000, 'still retrying after 1 s'));
    const outcome = await Promise.race([clerk.session!.getToken({ skipCache: true }).catch((e: unknown) => e), retrying]);
    expect(isClerkRuntimeError(outcome) && outcome.code).toBe('missing_token');
    expect((outcome as Error).message).toMatch(/no token/i);
    expect(emulator.requests.filter((r) => r.method === 'POST' && TOKEN_REQUEST.test(r.path))).toHaveLength(1);
  });
});
