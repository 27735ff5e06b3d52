// Runs in Node (no window): the redirect after sign-out must still go through the navigation plugin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClerk, definePlugin } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { memoryNavigation, type NavigationApi } from '../navigation/index.js';
import { USERS, signIn } from '../../test/helpers/tabs.js';
import { signOutPlugin } from './index.js';

const emulator = useEmulator({ seed: { users: USERS } });
const ada = USERS[0].emailAddress;
const instances: Array<{ destroy(): void }> = [];

async function nodeClerk(loadOptions: Record<string, unknown> = {}) {
  const navigation = memoryNavigation('http://localhost:3000/app');
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigation, signOutPlugin()] });
  instances.push(clerk);
  await clerk.load(loadOptions as never);
  await signIn(clerk, ada);
  return { clerk, history: navigation.history };
}

beforeEach(() => emulator.reset());
afterEach(() => instances.splice(0).forEach((c) => c.destroy()));

describe('signOut() without a window, with memory navigation', () => {
  it('has no window here', () => {
    expect(typeof window).toBe('undefined');
  });

  it('lands on afterSignOutUrl', async () => {
    const { clerk, history } = await nodeClerk({ afterSignOutUrl: '/goodbye' });
    await clerk.signOut();
    expect(clerk.session).toBeNull();
    expect(history.location).toBe('http://localhost:3000/goodbye');
  });

  it('prefers signOut({ redirectUrl }) over afterSignOutUrl', async () => {
    const { clerk, history } = await nodeClerk({ afterSignOutUrl: '/goodbye' });
    await clerk.signOut({ redirectUrl: '/see-you' });
    expect(history.location).toBe('http://localhost:3000/see-you');
  });

  it('goes to / without either', async () => {
    const { clerk, history } = await nodeClerk();
    await clerk.signOut();
    expect(history.entries).toEqual(['http://localhost:3000/app', 'http://localhost:3000/']);
  });

  it('runs the callback instead of navigating', async () => {
    const { clerk, history } = await nodeClerk({ afterSignOutUrl: '/goodbye' });
    let called = false;
    await clerk.signOut(() => {
      called = true;
    });
    expect(called).toBe(true);
    expect(history.entries).toEqual(['http://localhost:3000/app']);
  });
});

describe('a replacement navigation plugin', () => {
  it('decides the default destination through its buildAfterSignOutUrl()', async () => {
    const visited: string[] = [];
    const navigation = definePlugin({
      name: 'navigation',
      setup: (): Pick<NavigationApi, 'navigate' | 'buildAfterSignOutUrl'> => ({
        navigate: async (to) => void visited.push(to!),
        buildAfterSignOutUrl: () => '/from-the-router',
      }),
    });
    const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [navigation, signOutPlugin()] });
    instances.push(clerk);
    await clerk.load({ afterSignOutUrl: '/ignored' } as never);
    await signIn(clerk, ada);
    await clerk.signOut();
    await signIn(clerk, ada);
    await clerk.signOut({ redirectUrl: '/explicit' });
    expect(visited).toEqual(['/from-the-router', '/explicit']);
  });
});

describe('composition', () => {
  it('sign-out needs a navigation plugin', () => {
    expect(() => createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [signOutPlugin()] })).toThrow(
      expect.objectContaining({ code: 'plugin_missing_dependency' }),
    );
  });
});
