// @vitest-environment happy-dom
/**
 * The hostile-redirect table (test/helpers/hostile-urls.ts) through `<SignIn/>`: a page's `?redirect_url=`
 * after a real sign-in in the component, with the real navigation plugin and an app router. The other entry
 * points (navigate, setActive, signOut, the builders, redirectWithAuth, redirectTo*, the kernel's fallback)
 * are in plugins/navigation/hostile-urls.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { navigationPlugin } from '../../plugins/navigation/index.js';
import { signInPlugin } from '../../plugins/sign-in/index.js';
import { signOutPlugin } from '../../plugins/sign-out/index.js';
import { uiPlugin } from '../../plugins/ui/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { HOSTILE } from '../helpers/hostile-urls.js';
import { byLabel, clearCookies, startClerk, submit, title, type, waitFor } from '../helpers/ui.js';

const APP = 'http://localhost:3000';
const USER = { emailAddress: 'ada+clerk_test@example.com', password: 'correct horse battery' };
const emulator = useEmulator({ seed: { users: [USER] } });
const routerPush = vi.fn();
let clerk: ReturnType<typeof newClerk>;
let assign: MockInstance;
let root: HTMLDivElement;
const followed: string[] = [];

const resolved = (to: string) => {
  try {
    return new URL(to, APP).href;
  } catch {
    return undefined;
  }
};

function newClerk() {
  return startClerk(emulator.publishableKey, [navigationPlugin(), signOutPlugin(), uiPlugin(), signInPlugin()]);
}

beforeAll(async () => {
  clearCookies();
  clerk = newClerk();
  await clerk.load({ routerPush });
});
afterAll(() => {
  clerk.destroy();
  console.log(`hostile redirects through <SignIn/> ?redirect_url=: ${HOSTILE.length} URLs, ${followed.length} followed`);
});
beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
});

/** Signs in through the mounted component on a page whose query carries `redirectUrl`; returns where the app router was sent. */
async function signInThroughComponent(redirectUrl: string): Promise<string[]> {
  window.history.replaceState(null, '', `/sign-in?redirect_url=${encodeURIComponent(redirectUrl)}`);
  routerPush.mockClear();
  root = document.createElement('div');
  document.body.appendChild(root);
  clerk.mountSignIn(root, { routing: 'virtual' });
  try {
    const identifier = await waitFor(() => byLabel(root, 'Email address'));
    await type(identifier, USER.emailAddress);
    submit(identifier);
    await waitFor(() => title(root) === 'Enter your password');
    await type(byLabel(root, 'Password'), USER.password);
    submit(byLabel(root, 'Password'));
    await waitFor(() => clerk.isSignedIn && routerPush.mock.calls.length > 0);
    return (routerPush.mock.calls as Array<[string]>).map(([to]) => to);
  } finally {
    clerk.unmountSignIn(root);
    root.remove();
    await clerk.signOut(() => {});
  }
}

describe('<SignIn/> with a hostile ?redirect_url=', () => {
  it('a safe redirect_url is followed (the check below can fail)', async () => {
    expect(await signInThroughComponent('/dashboard?tab=1')).toEqual(['/dashboard?tab=1']);
  });

  it.each(HOSTILE)('redirect_url=%j: after signing in, the app stays on its origin', async (hostile) => {
    const pushed = await signInThroughComponent(hostile);
    expect(assign).not.toHaveBeenCalled();
    for (const to of pushed) {
      const url = new URL(to, APP);
      const escaped = url.origin !== APP || url.pathname.startsWith('//') || url.href === resolved(hostile);
      if (escaped) followed.push(hostile);
      expect(escaped, `routerPush(${JSON.stringify(to)})`).toBe(false);
    }
  });
});
