// @vitest-environment happy-dom
/**
 * Clerk's own theming and translation packages, passed unchanged: `@clerk/themes` as `appearance.theme`
 * or `appearance.baseTheme`, per-component `appearance.signIn`, `@clerk/localizations` as `localization`.
 */
import { dark, neobrutalism, shadesOfPurple } from '@clerk/themes';
import { deDE, frFR } from '@clerk/localizations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies, recordingNavigation, startClerk, title, type, waitFor } from '../../test/helpers/ui.js';
import { signInPlugin } from '../sign-in/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { uiPlugin } from './index.js';
import { createTranslator } from './localization.js';

const emulator = useEmulator({ settings: { applicationName: 'Acme' } as never });

let root: HTMLDivElement;
const cleanup: Array<() => void> = [];
beforeEach(() => {
  emulator.reset();
  clearCookies();
  history.replaceState(null, '', '/');
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
  root.remove();
});

function makeClerk() {
  const clerk = startClerk(emulator.publishableKey, [recordingNavigation().plugin, uiPlugin(), signInPlugin(), signUpPlugin()]);
  cleanup.push(() => clerk.destroy());
  return clerk;
}

/** WCAG contrast ratio of two `#rrggbb` / named (`white`, `black`) colours. */
function contrast(a: string, b: string) {
  const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
  const luminance = (color: string) => {
    const hex = (named[color] ?? color).replace('#', '');
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function mountedRootBox(clerk: ReturnType<typeof makeClerk>, options: Parameters<ReturnType<typeof makeClerk>['load']>[0]) {
  await clerk.load(options);
  clerk.mountSignIn(root);
  await waitFor(() => root.querySelector('form'));
  return root.querySelector<HTMLElement>('.cl-rootBox')!;
}

describe('@clerk/themes', () => {
  it.each([
    ['theme', { theme: dark }],
    ['baseTheme', { baseTheme: dark }],
  ])('dark as appearance.%s gives a readable card (Clerk current variable names mapped)', async (_, appearance) => {
    const box = await mountedRootBox(makeClerk(), { appearance: appearance as never });
    const text = box.style.getPropertyValue('--cl-text');
    const background = box.style.getPropertyValue('--cl-bg');
    expect(text).toBe(dark.variables!.colorForeground);
    expect(background).toBe(dark.variables!.colorBackground);
    expect(box.style.getPropertyValue('--cl-on-primary')).toBe(dark.variables!.colorPrimaryForeground);
    expect(box.style.getPropertyValue('--cl-input-bg')).toBe(dark.variables!.colorInput);
    expect(box.style.getPropertyValue('--cl-neutral')).toBe(dark.variables!.colorNeutral);
    expect(contrast(text, background)).toBeGreaterThan(7);
  });

  it('shadesOfPurple applies over its own base theme (dark)', async () => {
    const box = await mountedRootBox(makeClerk(), { appearance: { theme: shadesOfPurple } as never });
    expect(box.style.getPropertyValue('--cl-bg')).toBe('#3f3c77');
    expect(box.style.getPropertyValue('--cl-primary')).toBe('#f8d80d');
    // Not set by shadesOfPurple itself: comes from the dark theme it is built on.
    expect(box.style.getPropertyValue('--cl-text')).toBe(dark.variables!.colorForeground);
  });

  it('neobrutalism: element styles inline, its &:focus / &:active states as rules of the sheet', async () => {
    const clerk = makeClerk();
    await mountedRootBox(clerk, { appearance: { theme: neobrutalism } as never });
    expect(root.querySelector<HTMLElement>('.cl-cardBox')!.style.boxShadow).toBe('7px 7px 0px #000');
    expect(root.querySelector<HTMLElement>('.cl-card')!.style.borderRadius).toBe('0px');
    const button = root.querySelector<HTMLElement>('.cl-formButtonPrimary')!;
    const stateClass = [...button.classList].find((c) => /^cl-x[0-9a-z]+$/.test(c));
    expect(stateClass).toBeDefined();
    const sheet = document.head.querySelector('style[data-microclerk]')!.textContent!;
    expect(sheet).toContain(`.${stateClass}:focus{`);
    // Nested selector objects never leak into the inline style as "[object Object]".
    expect(button.getAttribute('style') ?? '').not.toContain('object');
  });

  it('appearance.signIn applies to <SignIn/> only', async () => {
    const clerk = makeClerk();
    await clerk.load({ appearance: { elements: { headerTitle: 'all-titles' }, signIn: { elements: { headerTitle: 'sign-in-title' } } } });
    const other = document.createElement('div');
    document.body.appendChild(other);
    cleanup.push(() => other.remove());
    clerk.mountSignIn(root);
    clerk.mountSignUp(other);
    await waitFor(() => root.querySelector('.cl-headerTitle') && other.querySelector('.cl-headerTitle'));
    expect(root.querySelector('.cl-headerTitle')!.className).toBe('cl-headerTitle all-titles sign-in-title');
    expect(other.querySelector('.cl-headerTitle')!.className).toBe('cl-headerTitle all-titles');
  });
});

describe('@clerk/localizations', () => {
  it('frFR translates <SignIn/> with {{applicationName}} filled where the English has no placeholder', async () => {
    const clerk = makeClerk();
    await clerk.load({ localization: frFR as never });
    clerk.mountSignIn(root);
    await waitFor(() => title(root) === frFR.signIn!.start!.title);
    expect(root.querySelector('.cl-headerSubtitle')!.textContent).toBe('pour continuer vers Acme');
    expect(root.textContent).toContain(frFR.signIn!.start!.actionText!);
  });

  it('deDE translates <SignUp/>', async () => {
    const clerk = makeClerk();
    await clerk.load({ localization: deDE as never });
    clerk.mountSignUp(root);
    await waitFor(() => title(root) === deDE.signUp!.start!.title);
    expect(root.querySelector('.cl-headerSubtitle')!.textContent).toBe(deDE.signUp!.start!.subtitle!.replace('{{applicationName}}', 'Acme'));
  });

  it('frFR words the live password feedback of <SignUp/>, lists joined in French', async () => {
    emulator.updateSettings({ password: { requireNumbers: true, requireUppercase: true } });
    cleanup.push(() => emulator.updateSettings({ password: { requireNumbers: false, requireUppercase: false } }));
    const clerk = makeClerk();
    await clerk.load({ localization: frFR as never });
    clerk.mountSignUp(root);
    const password = await waitFor(() => root.querySelector<HTMLInputElement>('input[name=password]'));
    const feedback = () => document.getElementById(`${password.id}-error`)?.textContent;
    await type(password, 'court');
    expect(feedback()).toBe('Votre mot de passe doit contenir au moins 8 caractères.');
    await type(password, 'assez long');
    expect(feedback()).toBe('Votre mot de passe doit contenir un chiffre et une lettre majuscule.');
    await type(password, 'Assez long 2');
    expect(feedback()).toBe(frFR.unstable__errors!.zxcvbn!.goodPassword);
  });

  it("fills Clerk's placeholder modifiers: titleize, dates in the dictionary's locale, link fallbacks", () => {
    const { t } = createTranslator({
      locale: 'fr-FR',
      a: 'Continuer avec {{provider|titleize}}',
      b: "Ajouté le {{ date | shortDate('fr-FR') }}",
      c: "le {{ date | weekday('fr-FR','long') }}",
      d: 'J\'accepte les {{ termsOfServiceLink || link("Conditions d\'utilisation") }}',
      e: '{{ missing }}!',
    });
    const date = new Date(Date.UTC(2026, 0, 15, 12));
    expect(t('a', { provider: 'google' })).toBe('Continuer avec Google');
    expect(t('b', { date })).toBe(`Ajouté le ${new Intl.DateTimeFormat('fr-FR', { month: 'short', day: 'numeric', year: 'numeric' }).format(date)}`);
    expect(t('c', { date })).toBe('le jeudi');
    expect(t('d')).toBe("J'accepte les Conditions d'utilisation");
    expect(t('e')).toBe('!');
  });
});
