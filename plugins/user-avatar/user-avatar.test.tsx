// @vitest-environment happy-dom
// <UserAvatar/> against the emulator: the user's image (or initials if it fails), round or square,
// nothing while signed out, and it follows sign-out; the view loads on the first mount.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies, recordingNavigation, startClerk, waitFor } from '../../test/helpers/ui.js';
import { signOutPlugin } from '../sign-out/index.js';
import { uiPlugin } from '../ui/index.js';
import { userAvatarPlugin } from './index.js';

const emulator = useEmulator({
  seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' }] },
});
let root: HTMLDivElement;
let destroy: (() => void) | undefined;

beforeEach(() => {
  emulator.reset();
  clearCookies();
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  destroy?.();
  root.remove();
});

async function start(signIn = true) {
  const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, signOutPlugin(), uiPlugin(), userAvatarPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load();
  if (signIn) {
    const attempt = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await clerk.setActive({ session: attempt.createdSessionId });
  }
  return clerk;
}

describe('<UserAvatar/>', () => {
  it('shows the user’s image, round by default, titled with their name; mountUserAvatar has no open/close', async () => {
    const clerk = await start();
    expect('openUserAvatar' in clerk).toBe(false);
    clerk.mountUserAvatar(root);
    const img = await waitFor(() => root.querySelector<HTMLImageElement>('.cl-rootBox .cl-userAvatarBox > img.cl-userAvatarImage'));
    expect(img.getAttribute('src')).toBe(clerk.user!.imageUrl);
    expect(img.alt).toBe('Ada Lovelace');
    const box = root.querySelector<HTMLElement>('.cl-userAvatarBox')!;
    expect(box.className).not.toContain('cl-userAvatarBox__square');
    expect(box.title).toBe('Ada Lovelace');
  });

  it('falls back to the initials when the image does not load; rounded: false is a square', async () => {
    const clerk = await start();
    clerk.mountUserAvatar(root, { rounded: false, appearance: { elements: { userAvatarBox: 'my-avatar' } } });
    const img = await waitFor(() => root.querySelector('img'));
    img.dispatchEvent(new Event('error'));
    await waitFor(() => expect(root.querySelector('.cl-userAvatarBox')?.textContent).toBe('AL'));
    const box = root.querySelector('.cl-userAvatarBox')!;
    expect(box.classList.contains('cl-userAvatarBox__square')).toBe(true);
    expect(box.classList.contains('my-avatar')).toBe(true);
    expect(root.querySelector('img')).toBeNull();
  });

  it('renders nothing while signed out, and goes when the user signs out', async () => {
    const signedOut = await start(false);
    signedOut.mountUserAvatar(root);
    await waitFor(() => root.querySelector('.cl-rootBox'));
    expect(root.querySelector('.cl-userAvatarBox')).toBeNull();
    destroy!();

    const clerk = await start();
    clerk.mountUserAvatar(root);
    await waitFor(() => root.querySelector('.cl-userAvatarBox'));
    await clerk.signOut();
    await waitFor(() => expect(root.querySelector('.cl-userAvatarBox')).toBeNull());
    clerk.unmountUserAvatar(root);
  });
});
