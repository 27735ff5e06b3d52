// @vitest-environment happy-dom
/**
 * Until the country picker's chunk arrives (or when it cannot be fetched), a phone field is a plain `+…` input;
 * when it arrives, the picker takes over what was typed, and the focus.
 */
import '../../kernel/index.js';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { defaultSettings } from '../../emulator/index.js';
import { byLabel, clearCookies, recordingNavigation, startClerk, submit, title, type, waitFor } from '../../test/helpers/ui.js';
import { signUpPlugin } from '../sign-up/index.js';
import { uiPlugin } from './index.js';

// The chunk arrives when the second test lets it.
let arrive: () => void;
const arrived = new Promise<void>((resolve) => (arrive = resolve));
vi.mock('./phone.js', async (importOriginal) => {
  await arrived;
  return importOriginal();
});

const SETTINGS = defaultSettings();
const emulator = useEmulator({
  settings: {
    ...SETTINGS,
    emailAddress: { ...SETTINGS.emailAddress, enabled: false, required: false },
    phoneNumber: { ...SETTINGS.phoneNumber, required: true },
  },
});

let root: HTMLDivElement;
let destroy: (() => void) | undefined;
beforeEach(() => {
  emulator.reset();
  clearCookies();
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  destroy?.();
  root.remove();
});

it('<SignUp/> takes a +number in a plain tel input and sends it as typed', async () => {
  const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signUpPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load();
  clerk.mountSignUp(root);
  const phone = await waitFor(() => byLabel(root, 'Phone number'));
  expect([phone.type, phone.autocomplete, phone.placeholder]).toEqual(['tel', 'tel', 'Enter your phone number']);
  await type(phone, '+447700900999');
  await type(byLabel(root, 'Password'), 'a strong passphrase');
  await new Promise((r) => setTimeout(r, 50));
  expect(root.querySelector('select')).toBeNull();
  expect(phone.isConnected).toBe(true);
  submit(phone);
  await waitFor(() => title(root) === 'Verify your phone');
  expect(clerk.client!.signUp.phoneNumber).toBe('+447700900999');
});

it('when the chunk arrives, the picker takes over the number typed so far and the focus', async () => {
  const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signUpPlugin()]);
  destroy = () => clerk.destroy();
  await clerk.load();
  clerk.mountSignUp(root);
  const phone = await waitFor(() => byLabel(root, 'Phone number'));
  phone.focus();
  await type(phone, '+44 7700 900888');
  arrive();
  const country = await waitFor(() => root.querySelector('select'));
  expect(country.value).toBe('GB');
  const national = byLabel(root, 'Phone number');
  expect(national.value).toBe('7700900888');
  expect(document.activeElement).toBe(national);
  await type(byLabel(root, 'Password'), 'a strong passphrase');
  submit(national);
  await waitFor(() => title(root) === 'Verify your phone');
  expect(clerk.client!.signUp.phoneNumber).toBe('+447700900888');
});
