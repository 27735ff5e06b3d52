// @vitest-environment happy-dom
import { oauthPlugin } from '../oauth/index.js';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { isClerkRuntimeError } from '../../kernel/index.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { signInPlugin } from '../sign-in/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { greetingPlugin } from '../../playground/greeting/plugin.js';
import { componentMembers, dark, uiPlugin, type ComponentMembers } from './index.js';
import type { SignUpProps } from '../sign-up/index.js';
import type { GreetingProps } from '../../playground/greeting/plugin.js';
import { byLabel, byText, clearCookies, recordingNavigation, startClerk, submit, title, type, waitFor } from '../../test/helpers/ui.js';

// Counts imports of the Preact host chunk: the factory runs only when something imports it.
const hostImports = vi.hoisted(() => ({ count: 0 }));
vi.mock('./host.js', async (importOriginal) => {
  hostImports.count++;
  return importOriginal();
});

const emulator = useEmulator({
  seed: { users: [{ emailAddress: 'ada+clerk_test@example.com', password: 'correct horse battery', firstName: 'Ada' }] },
});

let root: HTMLDivElement;
const cleanup: Array<() => void> = [];
beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
  clearCookies();
  history.replaceState(null, '', '/');
  document.body.style.overflow = '';
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
  root.remove();
});

function makeClerk() {
  const nav = recordingNavigation();
  const clerk = startClerk(emulator.publishableKey, [nav.plugin, oauthPlugin(), uiPlugin(), signInPlugin(), signUpPlugin(), greetingPlugin()]);
  cleanup.push(() => clerk.destroy());
  return Object.assign(clerk, { navigations: nav.navigations });
}

describe('ui host', () => {
  // Must stay first: the host module is imported once per test file.
  it('loads the Preact host only on the first mount, and a mount before load() renders once loaded', async () => {
    const clerk = makeClerk();
    expect(typeof clerk.mountSignIn).toBe('function');
    clerk.mountGreeting(root, { greeting: 'Hi' });
    await new Promise((r) => setTimeout(r, 50));
    expect(root.textContent).toBe('');
    const loading = clerk.load();
    expect(hostImports.count).toBe(1);
    await loading;
    await waitFor(() => title(root) === 'Hi!');
    clerk.mountSignIn(root);
    await waitFor(() => title(root).startsWith('Sign in to'));
    expect(hostImports.count).toBe(1);
  });

  it('does not import the host when nothing is mounted', async () => {
    vi.resetModules();
    hostImports.count = 0;
    const { uiPlugin: freshUi } = await import('./index.js');
    const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, freshUi()]);
    cleanup.push(() => clerk.destroy());
    await clerk.load();
    expect(hostImports.count).toBe(0);
  });

  it('generates typed mount/unmount/open/close members and rejects unknown components', async () => {
    const clerk = makeClerk();
    expectTypeOf(clerk.mountSignUp).parameter(1).toEqualTypeOf<SignUpProps | undefined>();
    expectTypeOf(clerk.openGreeting).parameter(0).toEqualTypeOf<GreetingProps | undefined>();
    expectTypeOf(componentMembers(clerk, 'SignIn')).toEqualTypeOf<ComponentMembers<'SignIn'>>();
    expectTypeOf<keyof ComponentMembers<'SignIn'>>().toEqualTypeOf<'mountSignIn' | 'unmountSignIn' | 'openSignIn' | 'closeSignIn'>();
    // @ts-expect-error only registered component names are accepted
    expect(() => clerk.mountComponent('Nope', root)).toThrowError(/No component named "Nope"/);
    try {
      clerk.mountComponent('Nope' as 'SignIn', root);
    } catch (err) {
      expect(isClerkRuntimeError(err) && err.code).toBe('ui_unknown_component');
    }
    expect(() => clerk.mountSignIn(null as unknown as HTMLDivElement)).toThrowError(/expected a DOM element/);
    await clerk.load();
    clerk.mountComponent('Greeting', root, { greeting: 'Hey' });
    await waitFor(() => title(root) === 'Hey!');
    clerk.unmountGreeting(root);
    await waitFor(() => root.childElementCount === 0);
  });

  it('an unmount before load() finishes cancels the pending mount', async () => {
    const clerk = makeClerk();
    clerk.mountSignIn(root);
    clerk.unmountSignIn(root);
    await clerk.load();
    await new Promise((r) => setTimeout(r, 50));
    expect(root.childElementCount).toBe(0);
    clerk.mountSignIn(root);
    await waitFor(() => root.querySelector('form'));
    clerk.destroy();
    expect(root.childElementCount).toBe(0);
  });

  it('a mount before a load() that fails says so, and renders after a load() that succeeds', async () => {
    const clerk = makeClerk();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanup.push(() => errors.mockRestore());
    clerk.mountGreeting(root, { greeting: 'Hi' });
    emulator.faults.add({ method: 'GET', path: /^\/v1\/client$/, status: 422, times: 1 });
    await expect(clerk.load()).rejects.toMatchObject({ status: 422 });
    expect(clerk.status).toBe('error');
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/load\(\) failed: mounted components render once a load\(\) succeeds/));
    // The person sees why nothing is there, as text in an alert (no HTML from anywhere).
    const alert = root.querySelector('[role="alert"].cl-loadError');
    expect(alert?.textContent).toBe('<Greeting/> could not be loaded. Check the connection and reload the page.');
    await clerk.load();
    await waitFor(() => title(root) === 'Hi!');
    expect(root.querySelector('.cl-loadError')).toBeNull();
  });

  it('a component whose code cannot be fetched shows an error state, and a later mount tries again', async () => {
    const clerk = makeClerk();
    await clerk.load();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanup.push(() => errors.mockRestore());
    clerk.registerComponent('Broken' as never, { load: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) } as never);
    clerk.mountComponent('Broken' as never, root);
    await waitFor(() => root.querySelector('[role="alert"].cl-loadError') !== null);
    expect(root.textContent).toContain('<Broken/> could not be loaded');
    expect(errors).toHaveBeenCalledWith('[microclerk] could not render <Broken/>:', expect.any(TypeError));
    clerk.unmountComponent(root);
    expect(root.querySelector('.cl-loadError')).toBeNull();
    clerk.mountGreeting(root, { greeting: 'Hi' });
    await waitFor(() => title(root) === 'Hi!');
  });

  it('updates a third-party component when the user signs in', async () => {
    const clerk = makeClerk();
    await clerk.load();
    clerk.mountGreeting(root);
    await waitFor(() => title(root) === 'Hello!');
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada+clerk_test@example.com', password: 'correct horse battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    await waitFor(() => title(root) === 'Hello, Ada!');
  });

  it('opens a modal with focus trap, Escape to close, scroll lock and focus return', async () => {
    const clerk = makeClerk();
    await clerk.load();
    const opener = document.createElement('button');
    opener.textContent = 'Open';
    document.body.appendChild(opener);
    cleanup.push(() => opener.remove());
    opener.focus();
    clerk.openSignIn();
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toContain('Sign in to');
    expect(document.body.style.overflow).toBe('hidden');
    const input = byLabel(dialog, 'Email address');
    expect(document.activeElement).toBe(input);
    // Tab from the last focusable wraps to the first; Shift+Tab from the first wraps to the last.
    const focusables = [...dialog.querySelectorAll<HTMLElement>('a[href],button:not([disabled]),input')];
    focusables.at(-1)!.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(focusables[0]);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(focusables.at(-1));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !document.querySelector('[role="dialog"]'));
    expect(document.body.style.overflow).toBe('');
    expect(document.activeElement).toBe(opener);
  });

  it('closes a modal with closeX and the close button, and switches SignIn → SignUp inside the modal', async () => {
    const clerk = makeClerk();
    await clerk.load();
    clerk.openSignIn({ routing: 'hash' });
    await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    clerk.closeSignIn();
    await waitFor(() => !document.querySelector('[role="dialog"]'));
    clerk.openSignIn();
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    byText(dialog, 'Sign up').click();
    await waitFor(() => title(document) === 'Create your account');
    expect(document.querySelectorAll('[role="dialog"]').length).toBe(1);
    expect(clerk.navigations).toEqual([]);
    byText(document.querySelector('[role="dialog"]')!, '×', 'button').click();
    await waitFor(() => !document.querySelector('[role="dialog"]'));
  });

  it('signs in inside a modal (virtual routing) and closes it', async () => {
    const clerk = makeClerk();
    await clerk.load();
    clerk.openSignIn({ fallbackRedirectUrl: '/dashboard' });
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    await type(byLabel(dialog, 'Email address'), 'ada+clerk_test@example.com');
    submit(dialog.querySelector('form')!);
    await waitFor(() => title(dialog) === 'Enter your password');
    expect(location.hash).toBe('');
    await type(byLabel(dialog, 'Password'), 'correct horse battery');
    submit(dialog.querySelector('form')!);
    await waitFor(() => !document.querySelector('[role="dialog"]'));
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.navigations.at(-1)).toBe('http://localhost:3000/dashboard');
  });

  it('applies appearance: theme, variables (global and per component) and element classes/styles', async () => {
    const clerk = makeClerk();
    await clerk.load({
      appearance: {
        theme: dark,
        variables: { colorPrimary: 'rgb(255, 0, 0)', fontFamily: 'Georgia' },
        elements: { formButtonPrimary: 'my-button', card: { padding: '3px' }, formFieldInput__identifier: 'id-input' },
      },
    });
    clerk.mountSignIn(root, { appearance: { variables: { borderRadius: '0px' }, elements: { formButtonPrimary: 'local-button' } } });
    const box = await waitFor(() => root.querySelector<HTMLElement>('.cl-rootBox'));
    await waitFor(() => root.querySelector('form'));
    expect(box.style.getPropertyValue('--cl-primary')).toBe('rgb(255, 0, 0)');
    expect(box.style.getPropertyValue('--cl-bg')).toBe(dark.variables!.colorBackground);
    expect(box.style.getPropertyValue('--cl-radius')).toBe('0px');
    expect(box.style.getPropertyValue('--cl-font')).toBe('Georgia');
    const button = root.querySelector('.cl-formButtonPrimary')!;
    expect(button.className).toBe('cl-formButtonPrimary my-button local-button');
    expect(root.querySelector<HTMLElement>('.cl-card')!.style.padding).toBe('3px');
    expect(root.querySelector('.cl-formFieldInput__identifier')!.classList.contains('id-input')).toBe(true);
    // Scoped stylesheet, first in <head> so app classes win by source order.
    const style = document.head.querySelector('style[data-microclerk]')!;
    expect(document.head.firstElementChild).toBe(style);
    expect(style.textContent).toContain('.cl-rootBox{all:initial');
    // <SignIn/>'s own rules joined the same sheet when its view loaded.
    expect(style.textContent).toContain('.cl-alternativeMethods{');
    expect(style.textContent).not.toMatch(/(^|})\s*(body|html|button|input|\*)\s*[{,]/);
  });

  it("takes ClerkJS's string base themes ('clerk', 'simple') and colour / font-size scales", async () => {
    const clerk = makeClerk();
    // ClerkJS's appearance type, as an app using @clerk/ui writes it.
    await clerk.load({ appearance: { theme: 'clerk', variables: { fontSize: { md: '15px' }, spacing: '0.9rem' } } });
    clerk.mountSignIn(root, { appearance: { theme: ['simple', dark], variables: { colorPrimary: { '500': 'rgb(1, 2, 3)', '600': 'rgb(0, 0, 0)' } } } });
    const box = await waitFor(() => root.querySelector<HTMLElement>('.cl-rootBox'));
    await waitFor(() => root.querySelector('form'));
    expect(box.style.getPropertyValue('--cl-primary')).toBe('rgb(1, 2, 3)');
    expect(box.style.getPropertyValue('--cl-size')).toBe('15px');
    expect(box.style.getPropertyValue('--cl-space')).toBe('0.9rem');
    // 'simple' marks the root box; dark (after it) still applies.
    expect(box.classList.contains('cl-simple')).toBe(true);
    expect(box.style.getPropertyValue('--cl-bg')).toBe(dark.variables!.colorBackground);
    // The rule that drops shadows and gradients comes last, after every component's rules.
    const css = document.head.querySelector('style[data-microclerk]')!.textContent!;
    expect(css.trimEnd().endsWith(':where(.cl-simple) [class*=cl-]{box-shadow:none;background-image:none}')).toBe(true);
    // 'clerk' alone is the default look: no marker.
    const other = document.createElement('div');
    document.body.appendChild(other);
    cleanup.push(() => other.remove());
    clerk.mountSignUp(other, { appearance: { theme: 'clerk' } });
    const otherBox = await waitFor(() => other.querySelector<HTMLElement>('.cl-rootBox'));
    expect(otherBox.classList.contains('cl-simple')).toBe(false);
  });

  it('places social buttons under the form with layout.socialButtonsPlacement = bottom', async () => {
    const clerk = makeClerk();
    await clerk.load({ appearance: { layout: { socialButtonsPlacement: 'bottom' } } });
    clerk.mountSignIn(root);
    const social = await waitFor(() => root.querySelector<HTMLElement>('.cl-socialButtonsRoot'));
    expect(social.style.order).toBe('1');
    expect(social.firstElementChild!.className).toBe('cl-dividerRow');
  });

  it('puts the CSP nonce on the injected style', async () => {
    document.head.querySelector('style[data-microclerk]')?.remove();
    const clerk = makeClerk();
    await clerk.load({ nonce: 'n0nce' });
    clerk.mountGreeting(root);
    await waitFor(() => root.querySelector('.cl-card'));
    const style = document.head.querySelector<HTMLStyleElement>('style[data-microclerk]')!;
    expect(style.nonce || style.getAttribute('nonce')).toBe('n0nce');
  });

  it('rejects invalid ui load options with a clear error', async () => {
    const clerk = makeClerk();
    await expect(clerk.load({ nonce: 42 as unknown as string })).rejects.toThrowError(/"nonce": expected a string/);
  });

  it('localizes with partial overrides (deep merge) and localizes FAPI errors as text', async () => {
    const clerk = makeClerk();
    await clerk.load({
      localization: {
        signIn: { start: { title: 'Willkommen bei {{applicationName}}' } },
        unstable__errors: { form_identifier_not_found: '<b>Konto</b> nicht gefunden' },
      },
    });
    clerk.mountSignIn(root);
    await waitFor(() => title(root).startsWith('Willkommen bei'));
    expect(title(root)).toBe('Willkommen bei microclerk emulator');
    expect(root.querySelector('.cl-headerSubtitle')!.textContent).toBe('Welcome back! Please sign in to continue');
    const input = byLabel(root, 'Email address');
    await type(input, 'nobody@example.com');
    submit(input);
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__identifier'));
    expect(error.textContent).toBe('<b>Konto</b> nicht gefunden');
    expect(error.querySelector('b')).toBeNull();
  });

  it('applies ClerkJS-shaped localization keys (signIn.emailLink.expired.title)', async () => {
    const clerk = makeClerk();
    // As in @clerk/localizations: a nested object where microclerk once had a string.
    await clerk.load({ localization: { signIn: { emailLink: { failed: { title: 'Lien invalide', subtitle: 'unused' } } }, unknownSection: { x: 'y' } } });
    history.replaceState(null, '', '/sign-in#/verify?__clerk_status=verified');
    clerk.mountSignIn(root);
    const alert = await waitFor(() => root.querySelector('.cl-alert'));
    expect(alert.textContent).toContain('Lien invalide');
  });

  it('falls back to the error long message when no localization exists', async () => {
    const clerk = makeClerk();
    emulator.faults.add({
      path: '/v1/client/sign_ins',
      method: 'POST',
      status: 422,
      body: { errors: [{ code: 'brand_new_code', message: 'short', long_message: 'A <i>long</i> message', meta: { param_name: 'identifier' } }] },
      times: 1,
    });
    await clerk.load();
    clerk.mountSignIn(root);
    const input = await waitFor(() => byLabel(root, 'Email address'));
    await type(input, 'ada+clerk_test@example.com');
    submit(input);
    const error = await waitFor(() => root.querySelector('.cl-formFieldErrorText__identifier'));
    expect(error.textContent).toBe('A <i>long</i> message');
  });
});

describe('routing inside components', () => {
  async function toPasswordStep(clerk: ReturnType<typeof makeClerk>, props?: object) {
    await clerk.load();
    clerk.mountSignIn(root, props);
    const input = await waitFor(() => byLabel(root, 'Email address'));
    await type(input, 'ada+clerk_test@example.com');
    submit(input);
    await waitFor(() => title(root) === 'Enter your password');
  }

  it('hash routing: a deep link to #/factor-one survives a reload', async () => {
    const first = makeClerk();
    await toPasswordStep(first);
    expect(location.hash).toBe('#/factor-one');
    first.destroy();
    // "Reload": a new instance on the same page, same browser (dev-browser cookie → same client).
    const second = makeClerk();
    await second.load();
    second.mountSignIn(root);
    await waitFor(() => title(root) === 'Enter your password');
    expect(root.querySelector('.cl-identityPreviewText')!.textContent).toBe('ada+clerk_test@example.com');
    // Back button: popstate/hashchange moves the component back to the start.
    location.hash = '/';
    await waitFor(() => title(root).startsWith('Sign in to'));
  });

  it('hash routing: a deep link without a sign-in in progress goes to the start', async () => {
    history.replaceState(null, '', '/#/factor-two');
    const clerk = makeClerk();
    await clerk.load();
    clerk.mountSignIn(root);
    await waitFor(() => title(root).startsWith('Sign in to'));
    expect(location.hash).toBe('#/');
  });

  it('path routing: steps are paths under `path`, navigated through the kernel navigator', async () => {
    history.replaceState(null, '', '/sign-in');
    const clerk = makeClerk();
    await toPasswordStep(clerk, { path: '/sign-in' });
    expect(clerk.navigations).toEqual(['http://localhost:3000/sign-in/factor-one']);
    expect(location.pathname).toBe('/sign-in/factor-one');
    clerk.destroy();
    const reloaded = makeClerk();
    await reloaded.load();
    reloaded.mountSignIn(root, { routing: 'path', path: '/sign-in' });
    await waitFor(() => title(root) === 'Enter your password');
  });
});
