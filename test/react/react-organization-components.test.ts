// @vitest-environment happy-dom
/**
 * `@clerk/react`'s organization components (`<OrganizationSwitcher/>`, `<CreateOrganization/>`,
 * `<OrganizationList/>`) on the full preset: the SDK calls `mountOrganizationSwitcher(node, props)` & co.
 * on our instance and our Preact views render into its nodes; an organization created through the
 * rendered `<CreateOrganization/>` shows up in the switcher and the list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h } from 'react';
import { ClerkLoaded, CreateOrganization, OrganizationList, OrganizationSwitcher } from '@clerk/react';
import { useEmulator } from '../helpers/emulator.js';
import { accessibleName, buttonNamed } from '../helpers/ui.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' }] } });

let clerk: ReactTestClerk | undefined;
let view: Rendered | undefined;

afterEach(() => {
  view?.unmount();
  clerk?.destroy();
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.reset();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

const host = (component: string) => view!.container.querySelector<HTMLElement>(`[data-clerk-component="${component}"]`);

async function settle(fn: () => void) {
  await act(async () => {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('@clerk/react organization components on the full preset', () => {
  it('renders our <OrganizationSwitcher/>, <CreateOrganization/> and <OrganizationList/>; creating through one updates the others', async () => {
    clerk = createReactTestClerk(emulator.publishableKey);
    view = renderWithClerk(
      clerk,
      h(
        ClerkLoaded,
        null,
        h('header', null, h(OrganizationSwitcher, { hidePersonal: false })),
        h('main', null, h(CreateOrganization, { routing: 'hash', skipInvitationScreen: true }), h(OrganizationList, { hidePersonal: false })),
      ),
    );
    await waitFor(() => expect(clerk!.loaded).toBe(true));
    await act(async () => {
      const signIn = await clerk!.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
      await clerk!.setActive({ session: signIn.createdSessionId });
    });

    await waitFor(() => expect(host('OrganizationSwitcher')?.querySelector('.cl-organizationSwitcherTrigger')).toBeTruthy());
    await waitFor(() => expect(host('CreateOrganization')?.querySelector('.cl-headerTitle')?.textContent).toBe('Create organization'));
    await waitFor(() => expect(host('OrganizationList')?.querySelector('.cl-headerTitle')?.textContent).toBe('Choose an account'));
    // Ours, not clerk-js's: no script was injected to render them.
    expect(document.querySelectorAll('script').length).toBe(0);
    const trigger = host('OrganizationSwitcher')!.querySelector<HTMLButtonElement>('.cl-organizationSwitcherTrigger')!;
    expect(accessibleName(trigger)).toBe('Open organization switcher, current account: Personal account Ada Lovelace');

    const create = host('CreateOrganization')!;
    const name = create.querySelector<HTMLInputElement>('input[name=name]')!;
    await settle(() => {
      name.value = 'Acme';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(create.querySelector<HTMLInputElement>('input[name=slug]')!.value).toBe('acme');
    await settle(() => create.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await waitFor(() => expect(clerk!.organization?.slug).toBe('acme'));

    await waitFor(() => expect(accessibleName(trigger)).toBe('Open organization switcher, current account: Acme'));
    await waitFor(() => expect(buttonNamed(host('OrganizationList')!, 'Continue with Acme')).toBeTruthy());
    await settle(() => trigger.click());
    await waitFor(() => expect(buttonNamed(host('OrganizationSwitcher')!, 'Switch to Personal account')).toBeTruthy());
  });
});
