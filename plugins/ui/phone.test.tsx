// @vitest-environment happy-dom
/**
 * The phone field's country picker (plugins/ui/phone.tsx): its number rules, and the picker in
 * <SignUp/>, <SignIn/> and <UserProfile/> against the emulator (what FAPI receives is E.164).
 */
import '../../kernel/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { defaultSettings } from '../../emulator/index.js';
import { byLabel, byText, clearCookies, recordingNavigation, startClerk, submit, title, type, waitFor } from '../../test/helpers/ui.js';
import { signInPlugin } from '../sign-in/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { userProfilePlugin } from '../user-profile/index.js';
import { uiPlugin } from './index.js';
import { defaultCountry, splitNumber, toE164 } from './phone.js';

describe('phone numbers', () => {
  it('reads the country from a +number: the longest dial code wins, a shared one prefers the chosen country', () => {
    expect(splitNumber('+44 7700 900123', 'US')).toEqual({ iso: 'GB', national: '7700900123' });
    expect(splitNumber('+1 (242) 555-0100', 'US')).toEqual({ iso: 'BS', national: '5550100' });
    expect(splitNumber('+15555550100', 'FR')).toEqual({ iso: 'US', national: '5555550100' });
    expect(splitNumber('+15555550100', 'CA')).toEqual({ iso: 'CA', national: '5555550100' });
    expect(splitNumber('+3725551234', 'US')).toEqual({ iso: 'EE', national: '5551234' });
    // Without a +, the text is the chosen country's national number, as typed.
    expect(splitNumber('07700 900123', 'GB')).toEqual({ iso: 'GB', national: '07700 900123' });
  });

  it('writes E.164: digits only, a trunk 0 dropped except where it belongs to the number', () => {
    expect(toE164('GB', '07700 900123')).toBe('+447700900123');
    expect(toE164('US', '(555) 555-0100')).toBe('+15555550100');
    expect(toE164('IT', '06 1234 5678')).toBe('+390612345678');
    expect(toE164('GB', ' - ')).toBe('');
  });

  it('defaults to the region of navigator.language, else the US', () => {
    expect(defaultCountry('en-GB')).toBe('GB');
    expect(defaultCountry('fr')).toBe('FR');
    expect(defaultCountry('de-AT')).toBe('AT');
    expect(defaultCountry('not a tag')).toBe('US');
    expect(defaultCountry('')).toBe('US');
  });
});

const SETTINGS = { ...defaultSettings(), emailAddress: { ...defaultSettings().emailAddress, enabled: false, required: false } };
const emulator = useEmulator({
  settings: { ...SETTINGS, phoneNumber: { ...SETTINGS.phoneNumber, required: true } },
  seed: { users: [{ emailAddress: 'ada+clerk_test@example.com', password: 'ada password 1' }] },
});

let root: HTMLDivElement;
const cleanup: Array<() => void> = [];
let language: PropertyDescriptor | undefined;
beforeEach(() => {
  emulator.reset();
  clearCookies();
  history.replaceState(null, '', '/');
  root = document.createElement('div');
  document.body.appendChild(root);
  language = Object.getOwnPropertyDescriptor(navigator, 'language');
});
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
  root.remove();
  if (language) Object.defineProperty(navigator, 'language', language);
  else delete (navigator as { language?: string }).language;
});

/** What the closed selector shows (the ISO and dial codes), without the options of the select over it. */
const shownCountry = () =>
  [...root.querySelector('.cl-selectButton__countryCode')!.children]
    .filter((child) => child.tagName !== 'SELECT' && child.textContent)
    .map((child) => child.textContent)
    .join(' ');
const setLanguage = (value: string) => Object.defineProperty(navigator, 'language', { value, configurable: true });

async function mountSignUp() {
  const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signUpPlugin()]);
  cleanup.push(() => clerk.destroy());
  await clerk.load();
  clerk.mountSignUp(root);
  const country = await waitFor(() => root.querySelector<HTMLSelectElement>('select'));
  return { clerk, country };
}

describe('the country picker', () => {
  it('in <SignUp/>: starts on navigator.language’s country and sends the number as E.164', async () => {
    setLanguage('en-GB');
    const { clerk, country } = await mountSignUp();
    const phone = byLabel(root, 'Phone number');
    // An accessible, labelled selector beside the national number, showing the ISO and dial codes.
    expect(country.getAttribute('aria-label')).toBe('Country code');
    expect(country.value).toBe('GB');
    expect(shownCountry()).toBe('GB +44');
    expect(phone.type).toBe('tel');
    expect([...country.options].find((o) => o.value === 'FR')!.textContent).toBe('France +33');
    await type(phone, '07700 900123');
    expect(phone.value).toBe('07700 900123');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(phone);
    await waitFor(() => title(root) === 'Verify your phone');
    expect(clerk.client!.signUp.phoneNumber).toBe('+447700900123');
  });

  it('a number pasted with its + picks its country (US default)', async () => {
    setLanguage('en-US');
    const { clerk, country } = await mountSignUp();
    expect(country.value).toBe('US');
    const phone = byLabel(root, 'Phone number');
    await type(phone, '+44 7700 900456');
    expect(country.value).toBe('GB');
    expect(phone.value).toBe('7700900456');
    // Another country chosen by hand keeps the national number.
    country.value = 'IE';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(shownCountry()).toBe('IE +353');
    expect(phone.value).toBe('7700900456');
    await type(byLabel(root, 'Password'), 'a strong passphrase');
    submit(phone);
    await waitFor(() => title(root) === 'Verify your phone');
    expect(clerk.client!.signUp.phoneNumber).toBe('+3537700900456');
  });

  it('in <SignIn/>: "Use phone" shows it, and a number typed where the email goes arrives with its country', async () => {
    setLanguage('en-US');
    emulator.updateSettings({ emailAddress: { enabled: true, required: true } });
    const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signInPlugin()]);
    cleanup.push(() => clerk.destroy());
    await clerk.load();
    clerk.mountSignIn(root);
    await waitFor(() => byLabel(root, 'Email address'));
    await type(byLabel(root, 'Email address'), '+447700900789');
    const country = await waitFor(() => root.querySelector<HTMLSelectElement>('select'));
    expect(country.value).toBe('GB');
    expect(byLabel(root, 'Phone number').value).toBe('7700900789');
    byText(root, 'Use email').click();
    await waitFor(() => byLabel(root, 'Email address'));
    expect(root.querySelector('select')).toBeNull();
  });

  it('in <UserProfile/>: "Add phone number" reuses the picker and creates the number in E.164', async () => {
    setLanguage('en-GB');
    emulator.updateSettings({ emailAddress: { enabled: true, required: true }, phoneNumber: { required: false } });
    const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), userProfilePlugin()]);
    cleanup.push(() => clerk.destroy());
    await clerk.load();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada+clerk_test@example.com', password: 'ada password 1' });
    await clerk.setActive({ session: signIn.createdSessionId });
    clerk.mountUserProfile(root);
    byText(await waitFor(() => root.querySelector('.cl-profileSection__phoneNumbers')!), 'Add phone number').click();
    const country = await waitFor(() => root.querySelector<HTMLSelectElement>('.cl-profileSection__phoneNumbers select'));
    expect(country.value).toBe('GB');
    await type(byLabel(root, 'Phone number'), '7700 900321');
    submit(byLabel(root, 'Phone number'));
    await waitFor(() => clerk.user!.phoneNumbers.length === 1);
    expect(clerk.user!.phoneNumbers[0]!.phoneNumber).toBe('+447700900321');
  });
});
