// @vitest-environment happy-dom
// <UserButton/> against the emulator: menu, keyboard, manage account, sign out, multi-session switching.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { memoryNavigation } from '../navigation/index.js';
import { signOutPlugin } from '../sign-out/index.js';
import { uiPlugin } from '../ui/index.js';
import { userProfilePlugin } from '../user-profile/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { userButtonPlugin } from './index.js';

const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' },
      { emailAddress: 'grace@example.com', password: 'grace-password-123', firstName: 'Grace', lastName: 'Hopper' },
    ],
  },
});

type Setup = Awaited<ReturnType<typeof signedIn>>;
const cleanups: Array<() => void> = [];

async function signedIn(options: { profile?: boolean; users?: Array<[string, string]> } = {}) {
  const navigation = memoryNavigation('http://localhost:3000/');
  const plugins = [navigation, signOutPlugin(), uiPlugin(), userButtonPlugin(), ...(options.profile ? [userProfilePlugin()] : [])] as const;
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins });
  await clerk.load();
  for (const [identifier, password] of options.users ?? [['ada@example.com', 'correct-horse-battery']]) {
    const signIn = await clerk.client!.signIn.create({ identifier, password });
    await clerk.setActive({ session: signIn.createdSessionId });
  }
  const node = document.createElement('div');
  document.body.appendChild(node);
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk, node, history: navigation.history };
}

const trigger = (node: HTMLElement) => node.querySelector<HTMLButtonElement>('.cl-userButtonTrigger')!;
const menu = (node: HTMLElement) => node.querySelector<HTMLElement>('[role=menu]');
const menuItem = (node: HTMLElement, name: string) => node.querySelector<HTMLButtonElement>(`.cl-userButtonPopoverActionButton__${name}`)!;
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

async function mounted(setup: Setup, props: Record<string, unknown> = {}) {
  (setup.clerk as any).mountUserButton(setup.node, props);
  await vi.waitFor(() => expect(trigger(setup.node)).toBeTruthy());
}

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
  document.body.innerHTML = '';
});

describe('<UserButton/>', () => {
  it('shows initials (no http image yet) and, with showName, the name', async () => {
    const setup = await signedIn();
    await mounted(setup, { showName: true });
    expect(setup.node.querySelector('.cl-avatarBox')!.textContent).toBe('AL');
    expect(setup.node.querySelector('.cl-avatarImage')).toBeNull();
    expect(setup.node.querySelector('.cl-userButtonOuterIdentifier')!.textContent).toBe('Ada Lovelace');
  });

  it('renders nothing when signed out', async () => {
    const navigation = memoryNavigation('http://localhost:3000/');
    const clerk = createClerk({
      publishableKey: emulator.publishableKey,
      proxyUrl: PROXY_URL,
      plugins: [navigation, signOutPlugin(), uiPlugin(), userButtonPlugin()],
    });
    await clerk.load();
    const node = document.createElement('div');
    document.body.appendChild(node);
    cleanups.push(() => clerk.destroy());
    clerk.mountUserButton(node);
    await new Promise((r) => setTimeout(r, 50));
    expect(node.querySelector('.cl-rootBox')).toBeTruthy();
    expect(trigger(node)).toBeNull();
  });

  it('opens with Enter, moves with arrows, closes with Escape and returns focus', async () => {
    const setup = await signedIn();
    await mounted(setup);
    const button = trigger(setup.node);
    button.focus();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    key(button, 'Enter');
    await vi.waitFor(() => expect(document.activeElement).toBe(menuItem(setup.node, 'manageAccount')));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu(setup.node)!.textContent).toContain('Ada Lovelace');
    expect(menu(setup.node)!.textContent).toContain('ada@example.com');
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(menuItem(setup.node, 'signOut'));
    key(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(menuItem(setup.node, 'manageAccount'));
    key(document.activeElement!, 'ArrowUp');
    // Wraps around to the last item ("Add account" in this multi-session instance).
    expect(document.activeElement).toBe(menuItem(setup.node, 'addAccount'));
    key(document.activeElement!, 'Escape');
    await vi.waitFor(() => expect(menu(setup.node)).toBeNull());
    expect(document.activeElement).toBe(button);
    key(button, ' ');
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    key(button, ' ');
    await vi.waitFor(() => expect(menu(setup.node)).toBeNull());
  });

  it('closes on a click outside', async () => {
    const setup = await signedIn();
    await mounted(setup);
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await vi.waitFor(() => expect(menu(setup.node)).toBeNull());
  });

  it('Sign out ends the session and goes to afterSignOutUrl', async () => {
    const setup = await signedIn();
    await mounted(setup, { afterSignOutUrl: '/goodbye' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'signOut').click();
    await vi.waitFor(() => expect(setup.clerk.session).toBeNull());
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/goodbye'));
    await vi.waitFor(() => expect(trigger(setup.node)).toBeNull());
  });

  it('legacy afterSignOutAll is honoured', async () => {
    const setup = await signedIn();
    await mounted(setup, { afterSignOutAll: '/legacy-bye' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'signOut').click();
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/legacy-bye'));
  });

  it('Manage account opens <UserProfile/> as a modal when the plugin is present', async () => {
    const setup = await signedIn({ profile: true });
    await mounted(setup);
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'manageAccount').click();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog] .cl-userProfile')).toBeTruthy());
    expect(setup.history.location).toBe('http://localhost:3000/');
  });

  it('Manage account navigates to the instance profile URL without the user-profile plugin', async () => {
    const setup = await signedIn();
    await mounted(setup);
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'manageAccount').click();
    // The emulator's display_config.user_profile_url.
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/user'));
  });

  it('Manage account navigates to userProfileUrl in navigation mode', async () => {
    const other = await signedIn({ profile: true });
    await mounted(other, { userProfileUrl: '/account', userProfileMode: 'navigation' });
    trigger(other.node).click();
    await vi.waitFor(() => expect(menu(other.node)).toBeTruthy());
    menuItem(other.node, 'manageAccount').click();
    await vi.waitFor(() => expect(other.history.location).toBe('http://localhost:3000/account'));
    expect(document.querySelector('[role=dialog]')).toBeNull();
  });

  it('custom menu items: actions run, links navigate, javascript: links are dropped', async () => {
    const setup = await signedIn();
    const onClick = vi.fn();
    await mounted(setup, {
      customMenuItems: [
        { label: 'Help', onClick },
        { label: 'Billing', href: '/billing' },
        { label: 'Evil', href: 'javascript:alert(1)' },
      ],
    });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    const custom = [...setup.node.querySelectorAll<HTMLButtonElement>('.cl-userButtonPopoverActionButton__custom')];
    expect(custom.map((b) => b.textContent)).toEqual(['Help', 'Billing']);
    custom[0].click();
    await vi.waitFor(() => expect(onClick).toHaveBeenCalledTimes(1));
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    setup.node.querySelectorAll<HTMLButtonElement>('.cl-userButtonPopoverActionButton__custom')[1].click();
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/billing'));
  });

  it('default order is Manage account, Sign out, then custom items; apps may reorder and add icons', async () => {
    const setup = await signedIn();
    await mounted(setup, { customMenuItems: [{ label: 'Docs', href: '/docs' }] });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    const names = (node: HTMLElement) =>
      [...node.querySelectorAll('[role=menuitem]')].map((b) => [...b.classList].find((c) => c.startsWith('cl-userButtonPopoverActionButton__')));
    expect(names(setup.node).slice(0, 3)).toEqual([
      'cl-userButtonPopoverActionButton__manageAccount',
      'cl-userButtonPopoverActionButton__signOut',
      'cl-userButtonPopoverActionButton__custom',
    ]);
    // Each built-in action starts with its icon (hidden from assistive technology, styleable by element key);
    // the button's name stays its label.
    for (const [name, label] of [
      ['manageAccount', 'Manage account'],
      ['signOut', 'Sign out'],
    ]) {
      const item = menuItem(setup.node, name);
      const icon = item.querySelector(`svg.cl-userButtonPopoverActionButtonIcon__${name}`);
      expect(icon?.getAttribute('aria-hidden')).toBe('true');
      expect(icon?.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
      expect(item.textContent).toBe(label);
    }
    expect(menuItem(setup.node, 'custom').querySelector('svg')).toBeNull();

    (setup.clerk as any).unmountUserButton(setup.node);
    const other = { ...setup, node: document.body.appendChild(document.createElement('div')) };
    const mountIcon = vi.fn((el: HTMLDivElement) => (el.textContent = '*'));
    const unmountIcon = vi.fn();
    await mounted(other, { customMenuItems: [{ label: 'signOut' }, { label: 'Docs', href: '/docs', mountIcon, unmountIcon }, { label: 'manageAccount' }] });
    trigger(other.node).click();
    await vi.waitFor(() => expect(menu(other.node)).toBeTruthy());
    expect(names(other.node).slice(0, 3)).toEqual([
      'cl-userButtonPopoverActionButton__signOut',
      'cl-userButtonPopoverActionButton__custom',
      'cl-userButtonPopoverActionButton__manageAccount',
    ]);
    await vi.waitFor(() => expect(mountIcon).toHaveBeenCalledTimes(1));
    expect(menuItem(other.node, 'custom').textContent).toBe('*Docs');
    // ClerkJS hands the icon a div element.
    expect(mountIcon.mock.calls[0][0].tagName).toBe('DIV');
    key(menuItem(other.node, 'custom'), 'Escape');
    await vi.waitFor(() => expect(unmountIcon).toHaveBeenCalledWith(mountIcon.mock.calls[0][0]));
  });

  it('an `open` item opens <UserProfile/> at that page', async () => {
    const setup = await signedIn({ profile: true });
    await mounted(setup, { customMenuItems: [{ label: 'Security settings', open: 'security' }] });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'custom').click();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog] .cl-profileSection__password')).toBeTruthy());
    expect(document.querySelector('[role=dialog] .cl-profileSection__profile')).toBeNull();
  });

  it('localization and appearance overrides apply', async () => {
    const navigation = memoryNavigation('http://localhost:3000/');
    const clerk = createClerk({
      publishableKey: emulator.publishableKey,
      proxyUrl: PROXY_URL,
      plugins: [navigation, signOutPlugin(), uiPlugin(), userButtonPlugin()],
    });
    cleanups.push(() => clerk.destroy());
    await clerk.load({ localization: { userButton: { action__signOut: 'Log out' } }, appearance: { elements: { userButtonTrigger: 'app-trigger' } } });
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    const node = document.body.appendChild(document.createElement('div'));
    clerk.mountUserButton(node, { appearance: { elements: { userButtonPopoverActionButton__signOut: { color: 'red' } } } });
    await vi.waitFor(() => expect(trigger(node)).toBeTruthy());
    expect(trigger(node).classList.contains('app-trigger')).toBe(true);
    trigger(node).click();
    await vi.waitFor(() => expect(menu(node)).toBeTruthy());
    expect(menuItem(node, 'signOut').textContent).toBe('Log out');
    expect(menuItem(node, 'signOut').style.color).toBe('red');
    expect(menuItem(node, 'manageAccount').textContent).toBe('Manage account');
  });

  it('updates live when the user changes', async () => {
    const setup = await signedIn();
    await mounted(setup, { showName: true });
    await setup.clerk.user!.update({ firstName: 'Augusta' });
    await vi.waitFor(() => expect(setup.node.querySelector('.cl-userButtonOuterIdentifier')!.textContent).toBe('Augusta Lovelace'));
  });
});

describe('<UserButton/> with several accounts', () => {
  const both: Array<[string, string]> = [
    ['ada@example.com', 'correct-horse-battery'],
    ['grace@example.com', 'grace-password-123'],
  ];

  it('lists the other account and switches to it', async () => {
    const setup = await signedIn({ users: both });
    expect(setup.clerk.user!.firstName).toBe('Grace');
    await mounted(setup, { afterSwitchSessionUrl: '/switched' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    const switchButtons = setup.node.querySelectorAll<HTMLButtonElement>('.cl-userButtonPopoverActionButton__switchSession');
    expect(switchButtons).toHaveLength(1);
    expect(switchButtons[0].textContent).toContain('ada@example.com');
    switchButtons[0].click();
    await vi.waitFor(() => expect(setup.clerk.user?.firstName).toBe('Ada'));
    expect(setup.history.location).toBe('http://localhost:3000/switched');
    await vi.waitFor(() => expect(setup.node.querySelector('.cl-avatarBox')!.textContent).toBe('AL'));
  });

  it('Sign out signs out only the current account and goes to afterMultiSessionSingleSignOutUrl', async () => {
    const setup = await signedIn({ users: both });
    await mounted(setup, { afterMultiSessionSingleSignOutUrl: '/one-gone' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'signOut').click();
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/one-gone'));
    expect(setup.clerk.client!.signedInSessions.map((s) => s.publicUserData.identifier)).toEqual(['ada@example.com']);
  });

  it('Sign out of all accounts ends every session', async () => {
    const setup = await signedIn({ users: both });
    await mounted(setup, { afterSignOutUrl: '/all-gone' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'signOutAll').click();
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/all-gone'));
    expect(setup.clerk.client!.signedInSessions).toHaveLength(0);
    expect(setup.clerk.session).toBeNull();
  });

  it('Add account goes to the sign-in URL', async () => {
    const setup = await signedIn();
    await mounted(setup, { signInUrl: '/login' });
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    menuItem(setup.node, 'addAccount').click();
    await vi.waitFor(() => expect(setup.history.location).toBe('http://localhost:3000/login'));
  });

  it('single-session instances show no account switching', async () => {
    emulator.updateSettings({ singleSession: true });
    const setup = await signedIn();
    await mounted(setup);
    trigger(setup.node).click();
    await vi.waitFor(() => expect(menu(setup.node)).toBeTruthy());
    expect(setup.node.querySelector('.cl-userButtonPopoverActionButton__addAccount')).toBeNull();
    expect(setup.node.querySelector('.cl-userButtonPopoverActionButton__signOutAll')).toBeNull();
  });
});
