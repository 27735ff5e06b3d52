// @vitest-environment happy-dom
// <UserProfile/> under Clerk's own localization packages: its strings use Clerk's keys, so `frFR` translates it.
import { enUS, frFR } from '@clerk/localizations';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { memoryNavigation } from '../navigation/index.js';
import { signOutPlugin } from '../sign-out/index.js';
import { uiPlugin } from '../ui/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { userProfilePlugin } from './index.js';
import { userProfileStrings } from './strings.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' }] } });
const cleanups: Array<() => void> = [];
beforeEach(() => {
  emulator.reset();
  // The component routes by the page's path: each test starts on the account page.
  history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
});

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const lookup = (tree: unknown, key: string) => key.split('.').reduce<any>((node, part) => node?.[part], tree);

async function mountedInFrench() {
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [memoryNavigation('http://localhost:3000/'), signOutPlugin(), uiPlugin(), userProfilePlugin()],
  });
  await clerk.load({ localization: frFR } as never);
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.createElement('div');
  document.body.appendChild(node);
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  clerk.mountUserProfile(node, {});
  await vi.waitFor(() => expect(node.querySelector('.cl-profileSection__emailAddresses')).toBeTruthy());
  return { clerk, node };
}

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.trim();
const fr = (key: string) => {
  const value = lookup(frFR, key);
  // A key frFR lacks would make the assertion vacuous (English on both sides).
  expect(typeof value, key).toBe('string');
  expect(value, key).not.toBe(lookup(enUS, key));
  return value as string;
};

describe('<UserProfile/> strings', () => {
  it("English is Clerk's enUS wherever Clerk has the key; only strings without a Clerk equivalent keep our keys", () => {
    const own: string[] = [];
    for (const [key, english] of flatten(userProfileStrings as unknown as Tree)) {
      const clerk = lookup(enUS, key);
      if (typeof clerk === 'string') expect(english, key).toBe(clerk);
      else own.push(key);
    }
    expect(own.filter((key) => !key.startsWith('unstable__errors.'))).toEqual([
      'userProfile.actionFor',
      'userProfile.moreActions',
      'userProfile.unknownDevice',
      'userProfile.totpQrCode',
      'userProfile.totpKey',
      'userProfile.totpUri',
      'userProfile.smsCode',
      'userProfile.useForSms',
      'userProfile.passkeyCreated',
      'userProfile.passkeyLastUsed',
      'userProfile.passkeyNeverUsed',
      'userProfile.deleteConfirmMismatch',
    ]);
  });

  it('every literal key the view and its sections look up has an English string', () => {
    const dir = resolve('plugins/user-profile');
    const files = ['view.tsx', 'parts.tsx', ...readdirSync(resolve(dir, 'sections')).map((f) => `sections/${f}`)];
    const keys = files.flatMap((file) => {
      const source = readFileSync(resolve(dir, file), 'utf8');
      return [...[...source.matchAll(/\bsay\('([\w.]+)'/g)].map((m) => `userProfile.${m[1]}`), ...[...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!)];
    });
    expect(keys.length).toBeGreaterThan(30);
    const english = { ...userProfileStrings, formFieldLabel__firstName: '', formFieldLabel__lastName: '', formFieldLabel__username: '' };
    const shared = [
      'formFieldLabel__newPassword',
      'formFieldLabel__confirmPassword',
      'formFieldLabel__signOutOfOtherSessions',
      'formFieldError__passwordsDoNotMatch',
    ];
    expect(keys.filter((key) => typeof lookup(english, key) !== 'string' && !shared.includes(key))).toEqual([]);
  });
});

describe('<UserProfile/> with localization: frFR', () => {
  it('shows the navigation, page titles, section titles, badges and main buttons in French', async () => {
    const { node } = await mountedInFrench();
    expect(node.querySelector('nav')!.getAttribute('aria-label')).toBe(fr('userProfile.navbar.title'));
    expect(text(node, '.cl-navbarButton__account')).toBe(fr('userProfile.navbar.account'));
    expect(text(node, '.cl-navbarButton__security')).toBe(fr('userProfile.navbar.security'));
    expect(text(node, '.cl-headerTitle')).toBe(fr('userProfile.start.headerTitle__account'));
    expect(text(node, '.cl-profileSectionTitle__profile')).toBe(fr('userProfile.start.profileSection.title'));
    expect(text(node, '.cl-profileSectionTitle__emailAddresses')).toBe(fr('userProfile.start.emailAddressesSection.title'));
    expect(text(node, '.cl-action__addEmail')).toBe(fr('userProfile.start.emailAddressesSection.primaryButton'));
    expect(text(node, '.cl-profileSection__emailAddresses .cl-badge')).toBe(fr('badge__primary'));
    expect(text(node, '.cl-profileSectionTitle__connectedAccounts')).toBe(fr('userProfile.start.connectedAccountsSection.title'));
    expect(text(node, '.cl-menuBox__connect [aria-haspopup=menu]')).toBe(fr('userProfile.start.connectedAccountsSection.primaryButton'));
    expect(text(node, '.cl-action__updateProfile')).toBe(fr('userProfile.start.profileSection.primaryButton'));
    (node.querySelector('.cl-action__updateProfile') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(node.querySelector('.cl-profileSection__profile form')).toBeTruthy());
    expect(text(node, '.cl-profileSection__profile button[type=submit]')).toBe(fr('userProfile.formButtonPrimary__save'));
    expect(text(node, '.cl-profileSection__profile .cl-action__upload')).toBe(fr('userProfile.profilePage.imageFormSubtitle'));
    expect(text(node, '.cl-profileSectionFormTitle')).toBe(fr('userProfile.profilePage.title'));

    (node.querySelector('.cl-action__addEmail') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(node.querySelector('.cl-profileSection__emailAddresses form')).toBeTruthy());
    const adding = node.querySelector('.cl-profileSection__emailAddresses')!;
    expect(text(adding, 'button[type=submit]')).toBe(fr('userProfile.formButtonPrimary__add'));
    expect(text(adding, '.cl-action__cancel')).toBe(fr('userProfile.formButtonReset'));

    (node.querySelector('.cl-navbarButton__security') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(node.querySelector('.cl-profileSection__password')).toBeTruthy());
    expect(text(node, '.cl-headerTitle')).toBe(fr('userProfile.start.headerTitle__security'));
    expect(text(node, '.cl-profileSectionTitle__password')).toBe(fr('userProfile.start.passwordSection.title'));
    expect(text(node, '.cl-action__editPassword')).toBe(fr('userProfile.start.passwordSection.primaryButton__updatePassword'));
    (node.querySelector('.cl-action__editPassword') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(node.querySelector('.cl-profileSection__password form')).toBeTruthy());
    expect(node.querySelector('.cl-profileSection__password')!.textContent).toContain(fr('formFieldLabel__currentPassword'));
    expect(text(node, '.cl-profileSectionTitle__mfa')).toBe(fr('userProfile.start.mfaSection.title'));
    const addMfa = node.querySelector<HTMLButtonElement>('.cl-menuBox__addMfa [aria-haspopup=menu]')!;
    expect(addMfa.textContent).toBe(fr('userProfile.start.mfaSection.primaryButton'));
    addMfa.click();
    await vi.waitFor(() => expect(text(node, '.cl-action__addTotp')).toBe(fr('userProfile.start.mfaSection.totp.headerTitle')));
    expect(text(node, '.cl-profileSectionTitle__activeDevices')).toBe(fr('userProfile.start.activeDevicesSection.title'));
    await vi.waitFor(() => expect(text(node, '.cl-profileSection__activeDevices .cl-badge')).toBe(fr('badge__thisDevice')));
    // Dates follow the localization's locale, not the browser's.
    const time = node.querySelector('.cl-profileSection__activeDevices time')!;
    const lastActive = new Date(time.getAttribute('datetime')!);
    const format = { dateStyle: 'medium', timeStyle: 'short' } as const;
    expect(frFR.locale).toBe('fr-FR');
    expect(time.textContent).toBe(lastActive.toLocaleString('fr-FR', format));
    expect(time.textContent).not.toBe(lastActive.toLocaleString('en-US', format));
    expect(text(node, '.cl-profileSectionTitle__danger')).toBe(fr('userProfile.start.dangerSection.title'));
    expect(text(node, '.cl-action__deleteAccount')).toBe(fr('userProfile.start.dangerSection.deleteAccountButton'));
  });

  it("deletes the account once frFR's confirmation phrase is typed (the English phrase is refused)", async () => {
    const { clerk, node } = await mountedInFrench();
    (node.querySelector('.cl-navbarButton__security') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(node.querySelector('.cl-action__deleteAccount')).toBeTruthy());
    const danger = node.querySelector('.cl-profileSection__danger')!;
    (node.querySelector('.cl-action__deleteAccount') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(danger.querySelector('input[name=delete_confirmation]')).toBeTruthy());
    expect(danger.textContent).toContain(fr('userProfile.deletePage.messageLine2'));
    expect(danger.textContent).toContain(fr('userProfile.deletePage.actionDescription'));
    const input = danger.querySelector<HTMLInputElement>('input[name=delete_confirmation]')!;
    const typeAndSubmit = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      danger.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    };
    await typeAndSubmit(enUS.userProfile!.deletePage!.confirm!);
    await vi.waitFor(() => expect(danger.querySelector('.cl-formFieldErrorText__delete_confirmation')).toBeTruthy());
    expect(clerk.user).toBeTruthy();
    await typeAndSubmit(fr('userProfile.deletePage.confirm'));
    await vi.waitFor(() => expect(clerk.user).toBeFalsy());
  });
});
