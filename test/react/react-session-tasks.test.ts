// @vitest-environment happy-dom
/**
 * `@clerk/react`'s `<UserAvatar/>` and `<TaskChooseOrganization/>` on the full preset: the SDK calls
 * `mountUserAvatar` / `mountTaskChooseOrganization` on the instance and our views render into its nodes;
 * a pending session counts as signed out for `<Show>` until its task is done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h } from 'react';
import { ClerkLoaded, Show, TaskChooseOrganization, UserAvatar } from '@clerk/react';
import { defaultSettings } from '../../emulator/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' }] } });

const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];
const routed: string[] = [];
const record = (to: string) => {
  routed.push(to);
  history.pushState(null, '', to);
};

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  clearCookies();
  emulator.updateSettings(defaultSettings());
  emulator.reset();
  routed.length = 0;
  history.replaceState(null, '', '/');
  document.body.innerHTML = '';
});

async function signedInClerk() {
  const clerk = createReactTestClerk(emulator.publishableKey);
  instances.push(clerk);
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  return clerk;
}

function render(clerk: ReactTestClerk, children: React.ReactNode) {
  const view = renderWithClerk(clerk, children, { routerPush: record, routerReplace: record });
  rendered.push(view);
  return view;
}

describe('@clerk/react session tasks and <UserAvatar/> on the full preset', () => {
  it('<UserAvatar/> renders the user’s image in our userAvatarBox, with their name as its title', async () => {
    const clerk = await signedInClerk();
    const view = render(clerk, h(ClerkLoaded, null, h(UserAvatar, { rounded: false })));
    await waitFor(() => expect(view.container.querySelector('.cl-userAvatarBox img.cl-userAvatarImage')).toBeTruthy());
    const box = view.container.querySelector<HTMLElement>('.cl-userAvatarBox')!;
    expect(box.classList.contains('cl-userAvatarBox__square')).toBe(true);
    expect(box.title).toBe('Ada Lovelace');
    expect(box.querySelector('img')!.getAttribute('src')).toBe(clerk.user!.imageUrl);
  });

  it('<TaskChooseOrganization/>: a pending session is signed out for <Show>; creating an organization signs the user in', async () => {
    emulator.updateSettings({ forceOrganizationSelection: true });
    const clerk = await signedInClerk();
    expect(clerk.session?.status).toBe('pending');
    const view = render(
      clerk,
      h(
        ClerkLoaded,
        null,
        h(Show, { when: 'signed-out', children: h('section', { id: 'task' }, h(TaskChooseOrganization, { redirectUrlComplete: '/dashboard' })) }),
        h(Show, { when: 'signed-in', children: h('p', { id: 'in' }, 'Welcome') }),
      ),
    );
    await waitFor(() => expect(view.container.querySelector('#task .cl-headerTitle')?.textContent).toBe('Setup your organization'));
    expect(view.container.querySelector('#in')).toBeNull();
    const name = view.container.querySelector<HTMLInputElement>('#task input[name=name]')!;
    await act(async () => {
      name.value = 'Acme';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await act(async () => {
      name.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await waitFor(() => expect(view.container.querySelector('#in')?.textContent).toBe('Welcome'));
    expect(clerk.session?.status).toBe('active');
    expect(clerk.organization?.name).toBe('Acme');
    // Our own load() ran before the provider's (no routerPush): the navigation is a page load to it.
    expect(location.pathname).toBe('/dashboard');
  });
});
