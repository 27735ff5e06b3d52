// @vitest-environment happy-dom
/**
 * `@clerk/react`'s UI components (`<SignIn/>`, `<SignUp/>`, `<UserButton/>`) on the full preset: the SDK
 * calls `mountSignIn(node, props)` & co. on the instance, and our Preact views render into its nodes.
 * A user signs in through the rendered form, then signs out through the rendered user button.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, createElement as h } from 'react';
import { ClerkLoaded, ClerkProvider, Show, SignIn, SignUp, UserButton } from '@clerk/react';
import { useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' }] } });

const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];
/** What the SDK's `routerPush` / `routerReplace` received (the app's router; applied with history). */
let routed: string[] = [];

function recordRoute(to: string) {
  routed.push(to);
  history.pushState(null, '', to);
}

function setup(children: React.ReactNode, clerk: ReactTestClerk = createReactTestClerk(emulator.publishableKey)) {
  instances.push(clerk);
  const view = renderWithClerk(clerk, children, { routerPush: recordRoute, routerReplace: recordRoute });
  rendered.push(view);
  return { clerk, view };
}

beforeEach(() => {
  routed = [];
  history.replaceState(null, '', '/');
});

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.reset();
  document.body.innerHTML = '';
});

/** Types like a user into one of our (Preact) inputs, then lets both renderers settle. */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function submit(form: HTMLFormElement) {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const title = (root: ParentNode) => root.querySelector('.cl-headerTitle')?.textContent ?? '';
const host = (view: Rendered, component: string) => view.container.querySelector<HTMLElement>(`[data-clerk-component="${component}"]`);

/** The app of the docs: `<SignIn/>` for signed-out visitors, `<UserButton/>` for signed-in ones. */
function App() {
  return h(
    ClerkLoaded,
    null,
    h(Show, { when: 'signed-out', children: h('section', { id: 'signed-out' }, h(SignIn, { routing: 'hash' })) }),
    h(Show, { when: 'signed-in', children: h('section', { id: 'signed-in' }, h(UserButton)) }),
  );
}

describe('@clerk/react components on the full preset', () => {
  it('<SignIn/> renders our sign-in view inside the node the SDK mounted', async () => {
    const { view, clerk } = setup(h(App));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('input[name=identifier]')).toBeTruthy());
    const root = host(view, 'SignIn')!;
    // Our view, not clerk-js's: the stable `cl-` classes and our English strings.
    expect(root.querySelector('.cl-rootBox, .cl-signIn-root, .cl-card')).toBeTruthy();
    expect(title(root)).toMatch(/^Sign in to /);
    expect(root.querySelector('form')).toBeTruthy();
    expect(clerk.loaded).toBe(true);
    // No clerk-js or clerk-ui script was injected to render it.
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('a user signs in through the rendered <SignIn/>, then signs out through the rendered <UserButton/>', async () => {
    const { view, clerk } = setup(h(App));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('input[name=identifier]')).toBeTruthy());
    let root = host(view, 'SignIn')!;

    await type(root.querySelector<HTMLInputElement>('input[name=identifier]')!, EMAIL);
    await submit(root.querySelector('form')!);
    await waitFor(() => expect(title(host(view, 'SignIn')!)).toBe('Enter your password'));
    expect(location.hash).toBe('#/factor-one');

    // A wrong password first: the error shows next to the field, nobody is signed in.
    root = host(view, 'SignIn')!;
    const password = root.querySelector<HTMLInputElement>('input[name=password]')!;
    await type(password, 'not-the-password-1');
    await submit(root.querySelector('form')!);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/Password is incorrect/);
    expect(clerk.isSignedIn).toBe(false);
    expect(view.container.querySelector('#signed-in')).toBeNull();

    await type(password, PASSWORD);
    await submit(root.querySelector('form')!);

    // <Show when="signed-in"> swaps in the user button: the SDK unmounts SignIn, mounts UserButton.
    await waitFor(() => expect(view.container.querySelector('#signed-in .cl-userButtonTrigger')).toBeTruthy());
    expect(view.container.querySelector('#signed-out')).toBeNull();
    expect(host(view, 'SignIn')).toBeNull();
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(EMAIL);
    // The after-sign-in redirect went through the app's router the SDK passed to load().
    expect(routed).toContain('/');

    const button = host(view, 'UserButton')!;
    const trigger = button.querySelector<HTMLButtonElement>('.cl-userButtonTrigger')!;
    expect(trigger.textContent).toBe('AL');
    expect(button.querySelector('[role=menu]')).toBeNull();
    await click(trigger);
    await waitFor(() => expect(button.querySelector('[role=menu]')).toBeTruthy());
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const menu = button.querySelector<HTMLElement>('[role=menu]')!;
    expect(menu.textContent).toContain(EMAIL);
    expect(menu.textContent).toContain('Ada Lovelace');

    routed = [];
    await click(menu.querySelector<HTMLButtonElement>('.cl-userButtonPopoverActionButton__signOut')!);
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('input[name=identifier]')).toBeTruthy());
    expect(view.container.querySelector('#signed-in')).toBeNull();
    expect(host(view, 'UserButton')).toBeNull();
    expect(clerk.isSignedIn).toBe(false);
    expect(clerk.user).toBeNull();
    expect(routed).toEqual(['/']);
    // Signing out of the only session removes the client's sessions at FAPI.
    expect(emulator.requests.some((r) => r.path === '/v1/client/sessions')).toBe(true);
  });

  it('<UserButton/> renders nothing for a signed-out visitor', async () => {
    const { view, clerk } = setup(h(ClerkLoaded, null, h('div', { id: 'probe' }, 'loaded'), h(UserButton)));
    await waitFor(() => expect(view.container.querySelector('#probe')).toBeTruthy());
    await waitFor(() => expect(host(view, 'UserButton')?.querySelector('.cl-rootBox')).toBeTruthy());
    expect(clerk.isSignedIn).toBe(false);
    expect(host(view, 'UserButton')!.querySelector('.cl-userButtonTrigger')).toBeNull();
  });

  it('<SignUp/> renders our sign-up form; an account created from it signs in after the email code', async () => {
    const address = 'grace@example.com';
    const { view, clerk } = setup(h(ClerkLoaded, null, h(SignUp, { routing: 'hash' })));
    await waitFor(() => expect(host(view, 'SignUp')?.querySelector('form')).toBeTruthy());
    const root = host(view, 'SignUp')!;
    expect(title(root)).toBe('Create your account');
    const email = root.querySelector<HTMLInputElement>('input[name=email_address]');
    const password = root.querySelector<HTMLInputElement>('input[name=password]');
    expect(email).toBeTruthy();
    expect(password).toBeTruthy();

    await type(email!, address);
    await type(password!, 'a-very-long-password-1');
    await submit(root.querySelector('form')!);
    await waitFor(() => expect(title(host(view, 'SignUp')!)).toBe('Verify your email'));
    await waitFor(() => expect(emulator.outbox.latest(address)?.code).toMatch(/^\d{6}$/));
    const code = emulator.outbox.latest(address)!.code!;
    expect(clerk.isSignedIn).toBe(false);

    await type(host(view, 'SignUp')!.querySelector<HTMLInputElement>('input[name=code]')!, code);
    await waitFor(() => expect(clerk.isSignedIn).toBe(true));
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe(address);
  });

  it('unmounting <SignIn/> (React removes it) empties and releases the node', async () => {
    const { view } = setup(h(ClerkLoaded, null, h(SignIn, { routing: 'hash' })));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('form')).toBeTruthy());
    const node = host(view, 'SignIn')!;
    rendered.splice(rendered.indexOf(view), 1);
    view.unmount();
    await waitFor(() => expect(node.childElementCount).toBe(0));
  });

  it('new <SignIn/> props reach the instance with their node, and the mounted component re-renders with them', async () => {
    const signIn = (emailAddress: string) =>
      h(
        ClerkLoaded,
        null,
        h(SignIn, { routing: 'hash', initialValues: { emailAddress }, appearance: { elements: { card: `card-for-${emailAddress.split('@')[0]}` } } }),
      );
    const { view, clerk } = setup(signIn('first@example.com'));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector<HTMLInputElement>('input[name=identifier]')?.value).toBe('first@example.com'));
    const updates: Array<{ node?: HTMLElement; props?: Record<string, unknown> }> = [];
    clerk.on('compat:props-updated', (update) => void updates.push(update));

    act(() => {
      view.root.render(
        h(ClerkProvider, {
          Clerk: clerk as never,
          publishableKey: clerk.publishableKey,
          routerPush: recordRoute,
          routerReplace: recordRoute,
          children: signIn('second@example.com'),
        }),
      );
    });
    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0].node).toBe(host(view, 'SignIn'));
    expect(updates[0].props).toMatchObject({ routing: 'hash', initialValues: { emailAddress: 'second@example.com' } });
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('.card-for-second')).toBeTruthy());
    expect(host(view, 'SignIn')?.querySelector('.card-for-first')).toBeNull();
  });
});

describe('provider-level options', () => {
  it('a changed <ClerkProvider appearance> re-renders our mounted components with it', async () => {
    const app = (cardClass: string) =>
      h(ClerkProvider, {
        Clerk: clerk as never,
        publishableKey: clerk.publishableKey,
        routerPush: recordRoute,
        routerReplace: recordRoute,
        appearance: { elements: { card: cardClass } },
        children: h(ClerkLoaded, null, h(SignIn, { routing: 'hash' })),
      });
    const { view, clerk } = setup(h(ClerkLoaded, null, h(SignIn, { routing: 'hash' })));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('form')).toBeTruthy());
    act(() => view.root.render(app('provider-card-a')));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('.provider-card-a')).toBeTruthy());
    act(() => view.root.render(app('provider-card-b')));
    await waitFor(() => expect(host(view, 'SignIn')?.querySelector('.provider-card-b')).toBeTruthy());
    expect(host(view, 'SignIn')?.querySelector('.provider-card-a')).toBeNull();
  });
});
