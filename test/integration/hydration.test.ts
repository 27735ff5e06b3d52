// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { USERS, resetBrowser, signIn } from '../helpers/tabs.js';
import { sessionSyncPlugin } from '../../plugins/session-sync/index.js';
import { cookieSuffix, readCookie } from '../../kernel/dev-browser.js';

const emulator = useEmulator({ seed: { users: USERS } });
const [ada, grace] = USERS.map((u) => u.emailAddress);
const instances: Array<{ destroy(): void }> = [];

async function tab() {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [sessionSyncPlugin()] });
  instances.push(clerk);
  await clerk.load();
  return clerk;
}

beforeEach(() => {
  resetBrowser(emulator);
  emulator.updateSettings({ singleSession: false });
});
afterEach(() => instances.splice(0).forEach((c) => c.destroy()));

describe('client refreshes update the objects the app holds', () => {
  it('a held Session, its User and the client’s SignIn stay the same objects and show the new data', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const session = clerk.session!;
    const user = clerk.user!;
    const touchedBefore = session.lastActiveAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    await user.update({ firstName: 'Augusta' });
    // A sign-in in progress for a second account, then responses carrying the whole client.
    const signInResource = await clerk.client!.signIn.create({ identifier: grace });
    await clerk.client!.reload();
    expect(clerk.client!.sessions.find((s) => s.id === session.id)).toBe(session);
    expect(clerk.session).toBe(session);
    expect(session.user).toBe(user);
    expect(clerk.user).toBe(user);
    expect(user.firstName).toBe('Augusta');
    expect(clerk.client!.signIn).toBe(signInResource);
    expect(signInResource.status).toBe('needs_first_factor');
    await signInResource.attemptFirstFactor({ strategy: 'password', password: USERS[1].password });
    expect(clerk.client!.sessions).toHaveLength(2);
    expect(clerk.client!.sessions).toContain(session);
    expect(session.lastActiveAt.getTime()).toBeGreaterThanOrEqual(touchedBefore);
  });

  it('session.getToken() on a held session publishes that token as session:token and in the __session cookie', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    const held = clerk.session!;
    // A client refresh in between (it used to rebuild every Session, leaving `held` stale).
    await clerk.client!.reload();
    const published: Array<string | null> = [];
    clerk.on('session:token', ({ jwt }) => published.push(jwt));
    await new Promise((r) => setTimeout(r, 1_100));
    const jwt = await held.getToken({ skipCache: true });
    expect(jwt).toBeTruthy();
    expect(published).toEqual([jwt]);
    expect(clerk.session!.lastActiveToken!.getRawString()).toBe(jwt);
    expect(readCookie(`__session_${await cookieSuffix(emulator.publishableKey)}`)).toBe(jwt);
  });

  it('a client response that differs only by its freshly minted tokens emits no resources, only the new token', async () => {
    const clerk = await tab();
    await signIn(clerk, ada);
    await clerk.client!.reload();
    let emissions = 0;
    clerk.addListener(() => emissions++, { skipInitialEmit: true });
    const tokens: Array<string | null> = [];
    clerk.on('session:token', ({ jwt }) => tokens.push(jwt));
    await clerk.client!.reload();
    await clerk.client!.reload();
    expect(emissions).toBe(0);
    expect(tokens).toHaveLength(2);
    expect(tokens.at(-1)).toBe(clerk.session!.lastActiveToken!.getRawString());
    await clerk.user!.update({ lastName: 'King' });
    expect(emissions).toBe(1);
  });
});
