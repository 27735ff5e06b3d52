// @vitest-environment happy-dom
/**
 * The passkey parts of `<SignIn/>`: shown only when the passkeys plugin is composed and the instance
 * enables passkeys; "Use passkey instead" signs in through the software authenticator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../emulator/index.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { softwareAuthenticator } from '../../test/helpers/software-authenticator.js';
import { byText, clearCookies, recordingNavigation, startClerk, waitFor } from '../../test/helpers/ui.js';
import { signInPlugin } from '../sign-in/index.js';
import { uiPlugin } from '../ui/index.js';
import { passkeysPlugin } from './index.js';

const EMAIL = 'keys@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD }] } });

let root: HTMLDivElement;
const cleanup: Array<() => void> = [];
beforeEach(() => {
  emulator.updateSettings(defaultSettings());
  emulator.reset();
  clearCookies();
  history.replaceState(null, '', '/');
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  cleanup.splice(0).forEach((fn) => fn());
  root.remove();
});

async function mount(withPasskeys: boolean) {
  const nav = recordingNavigation();
  const clerk = startClerk(emulator.publishableKey, [nav.plugin, uiPlugin(), signInPlugin(), ...(withPasskeys ? [passkeysPlugin()] : [])]);
  cleanup.push(() => clerk.destroy());
  await clerk.load();
  clerk.mountSignIn(root);
  const input = await waitFor(() => root.querySelector<HTMLInputElement>('input[name=identifier]'));
  return { clerk, input };
}

const passkeyButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Use passkey instead');

describe('<SignIn/> with passkeys', () => {
  it('offers nothing without the plugin, or when the instance has passkeys off', async () => {
    emulator.updateSettings({ passkeys: { enabled: true, allowAutofill: false } });
    const { input } = await mount(false);
    expect(input.getAttribute('autocomplete')).not.toContain('webauthn');
    expect(passkeyButton()).toBeUndefined();
    cleanup.splice(0).forEach((fn) => fn());

    emulator.updateSettings({ passkeys: { enabled: false } });
    const again = await mount(true);
    expect(again.input.getAttribute('autocomplete')).not.toContain('webauthn');
    expect(passkeyButton()).toBeUndefined();
  });

  it('signs in with "Use passkey instead" when composed and enabled', async () => {
    emulator.updateSettings({ passkeys: { enabled: true, allowAutofill: false } });
    const authenticator = softwareAuthenticator(location.origin);
    cleanup.push(authenticator.install());
    // Register a passkey for the user on another client first.
    const setup = startClerk(emulator.publishableKey, [passkeysPlugin()]);
    await setup.load();
    const signIn = await setup.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await setup.setActive({ session: signIn.createdSessionId });
    await setup.user!.createPasskey();
    setup.destroy();
    clearCookies();

    const { clerk, input } = await mount(true);
    expect(input.getAttribute('autocomplete')).toMatch(/ webauthn$/);
    byText(root, 'Use passkey instead').click();
    await waitFor(() => clerk.user?.primaryEmailAddress?.emailAddress === EMAIL);
    expect(authenticator.credentials[0].counter).toBe(1);
  });
});
