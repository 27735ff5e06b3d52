// @vitest-environment happy-dom
// <UserProfile/> against the emulator: every section driven through the DOM, happy and unhappy paths.
import jsQR from 'jsqr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { totpCode } from '../../emulator/index.js';
import { createClerk } from '../../kernel/index.js';
import { memoryNavigation } from '../navigation/index.js';
import { recordingPageLoads } from '../../test/helpers/ui.js';
import { signOutPlugin } from '../sign-out/index.js';
import { uiPlugin } from '../ui/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { userProfilePlugin } from './index.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
      { emailAddress: 'grace@example.com', password: 'grace-password-123', username: 'taken_name' },
      { emailAddress: 'nopass@example.com', firstName: 'Nora' },
    ],
  },
});

const cleanups: Array<() => void> = [];
const newBrowser = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));

async function signedIn() {
  const navigation = memoryNavigation('http://localhost:3000/');
  const loads = recordingPageLoads();
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [navigation, loads.plugin, signOutPlugin(), uiPlugin(), userProfilePlugin()],
  });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.createElement('div');
  document.body.appendChild(node);
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk, node, history: navigation.history, pageLoads: loads.pageLoads };
}

type Setup = Awaited<ReturnType<typeof signedIn>>;

async function mounted(props: Record<string, unknown> = {}, setup?: Setup) {
  const s = setup ?? (await signedIn());
  s.clerk.mountUserProfile(s.node, props);
  await vi.waitFor(() => expect(s.node.querySelector('.cl-userProfile')).toBeTruthy());
  return s;
}

const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<E & Element>(selector) as E;
const action = (root: ParentNode, name: string) => $<HTMLButtonElement>(root, `.cl-action__${name}`);
const section = (root: ParentNode, name: string) => $<HTMLElement>(root, `.cl-profileSection__${name}`);

/** Types into an input as a user would (one input event with the whole value). */
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
/** Submits once Preact re-rendered with the typed values (its renders are batched, as in a browser between keystrokes). */
async function submit(form: HTMLFormElement) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}
/** Opens the ⋯ (or "+ Add …") menu inside `scope` and picks the entry `name`. */
async function choose(scope: Element, name: string) {
  const trigger = $<HTMLButtonElement>(scope, '[aria-haspopup=menu]');
  if (trigger.getAttribute('aria-expanded') !== 'true') trigger.click();
  await vi.waitFor(() => expect(action(scope, name)).toBeTruthy());
  action(scope, name).click();
}
/** The row of `section` whose text contains `text`. */
const rowWith = (scope: ParentNode, text: string) =>
  [...scope.querySelectorAll<HTMLElement>('.cl-profileSectionItem')].find((row) => row.textContent!.includes(text))!;
/** Opens the section's inline form through its row action. */
async function edit(scope: HTMLElement, name: string) {
  action(scope, name).click();
  await vi.waitFor(() => expect($(scope, 'form')).toBeTruthy());
}
const inputNamed = (root: ParentNode, name: string) => $<HTMLInputElement>(root, `input[name=${name}]`);
const errorOf = (root: ParentNode, name: string) => root.querySelector(`.cl-formFieldErrorText__${name}`)?.textContent;

/**
 * Rasterizes an SVG path made of axis-aligned rectangles (absolute M, relative h/v, z) at `scale` px per
 * unit, black on white, and reads it with jsQR.
 */
function decodeSvgPath(d: string, side: number, scale = 4) {
  const width = side * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const subpath of d.match(/M[^M]*/g) ?? []) {
    const tokens = subpath.match(/[MhvHVz]|-?\d+(\.\d+)?/g)!;
    let x = 0;
    let y = 0;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const command = tokens[i];
      if (command === 'M') [x, y] = [Number(tokens[++i]), Number(tokens[++i])];
      else if (command === 'h') x += Number(tokens[++i]);
      else if (command === 'v') y += Number(tokens[++i]);
      else if (command !== 'z') throw new Error(`unexpected path command ${command}`);
      xs.push(x);
      ys.push(y);
    }
    for (let py = Math.min(...ys) * scale; py < Math.max(...ys) * scale; py++)
      for (let px = Math.min(...xs) * scale; px < Math.max(...xs) * scale; px++) rgba.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return jsQR(rgba, width, width, { inversionAttempts: 'dontInvert' })?.data;
}

async function goToSecurity(s: Setup) {
  $<HTMLButtonElement>(s.node, '.cl-navbarButton__security').click();
  await vi.waitFor(() => expect(section(s.node, 'password')).toBeTruthy());
}

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  newBrowser();
  document.body.innerHTML = '';
  location.hash = '';
});

describe('<UserProfile/> account page', () => {
  it('changes the name', async () => {
    const s = await mounted();
    const profile = section(s.node, 'profile');
    expect(profile.textContent).toContain('Ada Lovelace');
    await edit(profile, 'updateProfile');
    expect(inputNamed(profile, 'first_name').value).toBe('Ada');
    type(inputNamed(profile, 'first_name'), 'Augusta');
    await submit($(profile, 'form'));
    await vi.waitFor(() => expect(s.clerk.user!.firstName).toBe('Augusta'));
    await vi.waitFor(() => expect(profile.textContent).toContain('Your profile has been updated.'));
    // The form closed; the row shows the new name, and the note goes at the next action.
    expect($(profile, 'form')).toBeNull();
    expect(profile.textContent).toContain('Augusta Lovelace');
    await edit(profile, 'updateProfile');
    expect(profile.textContent).not.toContain('Your profile has been updated.');
  });

  it('sets the username in its own row; a taken one shows the error next to the field', async () => {
    emulator.updateSettings({ username: { enabled: true } });
    const s = await mounted();
    // The profile form keeps to image and names, as Clerk's.
    await edit(section(s.node, 'profile'), 'updateProfile');
    expect(section(s.node, 'profile').querySelector('input[name=username]')).toBeNull();
    const row = section(s.node, 'username');
    expect(row.textContent).toContain('Username');
    await edit(row, 'setUsername');
    expect(row.textContent).toContain('Set username');
    type(inputNamed(row, 'username'), 'ada_l');
    await submit($(row, 'form'));
    await vi.waitFor(() => expect(s.clerk.user!.username).toBe('ada_l'));
    await vi.waitFor(() => expect($(row, 'form')).toBeNull());
    expect(row.textContent).toContain('ada_l');
    expect(row.textContent).toContain('Your username has been updated.');
    await edit(row, 'updateUsername');
    expect(inputNamed(row, 'username').value).toBe('ada_l');
    // Grace (seeded) owns "taken_name".
    type(inputNamed(row, 'username'), 'taken_name');
    await submit($(row, 'form'));
    await vi.waitFor(() => expect(errorOf(row, 'username')).toMatch(/taken/i));
    expect(s.clerk.user!.username).toBe('ada_l');
    // Focus is kept on the field with the error, not dropped to <body>.
    await vi.waitFor(() => expect(document.activeElement).toBe(inputNamed(row, 'username')));
  });

  it('shows no username row when the instance has usernames off', async () => {
    emulator.updateSettings({ username: { enabled: false } });
    const s = await mounted();
    expect(section(s.node, 'profile')).toBeTruthy();
    expect(s.node.querySelector('.cl-profileSection__username')).toBeNull();
  });

  it('uploads and removes the profile image', async () => {
    const s = await mounted();
    expect(s.clerk.user!.hasImage).toBe(false);
    await edit(section(s.node, 'profile'), 'updateProfile');
    const input = $<HTMLInputElement>(s.node, 'input[type=file]');
    // Out of sight and out of the tab order: the "Upload" button opens it.
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    const opened = vi.spyOn(input, 'click').mockImplementation(() => {});
    action(s.node, 'upload').click();
    expect(opened).toHaveBeenCalledTimes(1);
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' })], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(s.clerk.user!.hasImage).toBe(true));
    // The emulator serves the image as a data: URL, which is never put in <img src>.
    expect(s.node.querySelector('.cl-avatarImage')).toBeNull();
    await vi.waitFor(() => expect(action(s.node, 'removeImage')).toBeTruthy());
    action(s.node, 'removeImage').click();
    await vi.waitFor(() => expect(s.clerk.user!.hasImage).toBe(false));
    await vi.waitFor(() => expect(action(s.node, 'removeImage')).toBeNull());
  });

  it('adds and verifies a second email (wrong code first), makes it primary, removes the old one', async () => {
    const s = await mounted();
    const emails = section(s.node, 'emailAddresses');
    action(emails, 'addEmail').click();
    await vi.waitFor(() => expect(inputNamed(emails, 'email_address')).toBeTruthy());
    type(inputNamed(emails, 'email_address'), 'not-an-email');
    await submit($(emails, 'form'));
    await vi.waitFor(() => expect(errorOf(emails, 'email_address')).toBeTruthy());

    type(inputNamed(emails, 'email_address'), 'ada.second@example.com');
    await submit($(emails, 'form'));
    await vi.waitFor(() => expect(inputNamed(emails, 'code')).toBeTruthy());
    expect(emails.textContent).toContain('ada.second@example.com');
    expect(emails.textContent).toContain('Unverified');

    type(inputNamed(emails, 'code'), '000000');
    await vi.waitFor(() => expect(errorOf(emails, 'code')).toMatch(/incorrect/i));

    const code = emulator.outbox.latest('ada.second@example.com')!.code!;
    type(inputNamed(emails, 'code'), code);
    await vi.waitFor(() => expect(inputNamed(emails, 'code')).toBeNull());
    const second = () => s.clerk.user!.emailAddresses.find((e) => e.emailAddress === 'ada.second@example.com')!;
    expect(second().verification.status).toBe('verified');
    expect(emails.textContent).not.toContain('Unverified');

    // Only the verified, non-primary address offers "Set as primary".
    $<HTMLButtonElement>(rowWith(emails, 'ada@example.com'), '[aria-haspopup=menu]').click();
    await vi.waitFor(() => expect(rowWith(emails, 'ada@example.com').querySelector('[role=menu]')).toBeTruthy());
    expect(action(rowWith(emails, 'ada@example.com'), 'setPrimary')).toBeNull();
    await choose(rowWith(emails, 'ada.second@example.com'), 'setPrimary');
    await vi.waitFor(() => expect(s.clerk.user!.primaryEmailAddressId).toBe(second().id));

    await choose(rowWith(emails, 'ada@example.com'), 'remove');
    await vi.waitFor(() => expect(emails.textContent).toContain('ada@example.com will be removed from this account.'));
    await submit($(emails, '.cl-profileSectionForm__danger form'));
    await vi.waitFor(() => expect(s.clerk.user!.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada.second@example.com']));
    await vi.waitFor(() => expect(emails.textContent).not.toContain('ada@example.com'));
  });

  it('verifies a new email by link when the instance allows links only', async () => {
    emulator.updateSettings({ emailAddress: { firstFactors: ['email_link'] } });
    try {
      const s = await mounted();
      const emails = section(s.node, 'emailAddresses');
      action(emails, 'addEmail').click();
      await vi.waitFor(() => expect(inputNamed(emails, 'email_address')).toBeTruthy());
      type(inputNamed(emails, 'email_address'), 'ada.linked@example.com');
      await submit($(emails, 'form'));
      await vi.waitFor(() => expect(emails.querySelector('[role=status]')?.textContent).toMatch(/verification link/));
      expect(inputNamed(emails, 'code')).toBeNull();
      const link = emulator.outbox.latest('ada.linked@example.com')?.link;
      expect(link).toMatch(/^http/);
      await fetch(link!, { redirect: 'manual' });
      await vi.waitFor(
        () => expect(s.clerk.user!.emailAddresses.find((e) => e.emailAddress === 'ada.linked@example.com')?.verification.status).toBe('verified'),
        { timeout: 6000 },
      );
      await vi.waitFor(() => expect(emails.querySelector('[role=status]')).toBeNull());
    } finally {
      emulator.updateSettings({ emailAddress: { firstFactors: ['email_code', 'email_link'] } });
    }
  });

  it('adds a test phone number, verifies it with 424242 and uses it for SMS codes', async () => {
    const s = await mounted();
    const phones = section(s.node, 'phoneNumbers');
    action(phones, 'addPhone').click();
    await vi.waitFor(() => expect(inputNamed(phones, 'phone_number')).toBeTruthy());
    type(inputNamed(phones, 'phone_number'), '+15555550100');
    await submit($(phones, 'form'));
    await vi.waitFor(() => expect(inputNamed(phones, 'code')).toBeTruthy());
    type(inputNamed(phones, 'code'), '424242');
    await vi.waitFor(() => expect(s.clerk.user!.phoneNumbers[0]?.verification.status).toBe('verified'));

    await goToSecurity(s);
    const mfa = section(s.node, 'mfa');
    await choose($(mfa, '.cl-menuBox__addMfa'), 'enableSms');
    await vi.waitFor(() => expect(s.clerk.user!.phoneNumbers[0].reservedForSecondFactor).toBe(true));
    await vi.waitFor(() => expect($(mfa, '.cl-profileSectionItem__smsCode').textContent).toContain('+15555550100'));
  });

  it('connect: follows the provider URL, and refuses a non-http one', async () => {
    const s = await mounted();
    const accounts = section(s.node, 'connectedAccounts');
    const connectMenu = $(accounts, '.cl-menuBox__connect');
    const connectTo = async (provider: string) => {
      $<HTMLButtonElement>(connectMenu, '[aria-haspopup=menu]').click();
      await vi.waitFor(() => expect(connectMenu.querySelectorAll('.cl-action__connect')).toHaveLength(2));
      [...connectMenu.querySelectorAll<HTMLButtonElement>('.cl-action__connect')].find((b) => b.textContent === provider)!.click();
    };
    expect($(connectMenu, '[aria-haspopup=menu]').textContent).toBe('Connect account');
    $<HTMLButtonElement>(connectMenu, '[aria-haspopup=menu]').click();
    await vi.waitFor(() => expect([...connectMenu.querySelectorAll('.cl-action__connect')].map((b) => b.textContent)).toEqual(['Google', 'GitHub']));
    $<HTMLButtonElement>(connectMenu, '[aria-haspopup=menu]').click();
    await vi.waitFor(() => expect(connectMenu.querySelector('[role=menu]')).toBeNull());
    // Injected answers let the test choose the provider URL (including a hostile one).
    const externalAccount = (url: string) => ({
      response: {
        object: 'external_account',
        id: 'eac_1',
        provider: 'google',
        verification: { status: 'unverified', strategy: 'oauth_google', external_verification_redirect_url: url },
      },
    });
    emulator.faults.add({
      path: '/v1/me/external_accounts',
      method: 'POST',
      status: 200,
      body: externalAccount('https://accounts.google.com/o/oauth2/auth?state=1'),
      times: 1,
    });
    await connectTo('Google');
    // The provider is a full page load, never the app's router.
    await vi.waitFor(() => expect(s.pageLoads.at(-1)).toBe('https://accounts.google.com/o/oauth2/auth?state=1'));
    expect(s.history.entries).toHaveLength(1);
    expect(emulator.requests.some((r) => r.method === 'POST' && r.path.endsWith('/me/external_accounts'))).toBe(true);

    emulator.faults.add({ path: '/v1/me/external_accounts', method: 'POST', status: 200, body: externalAccount('javascript:alert(1)'), times: 1 });
    await connectTo('Google');
    await vi.waitFor(() => expect(accounts.querySelector('[role=alert]')).toBeTruthy());
    expect(s.pageLoads).toEqual(['https://accounts.google.com/o/oauth2/auth?state=1']);
  });
});

describe('<UserProfile/> connected accounts against the emulator’s fake OAuth provider', () => {
  it('connects Google through the provider page, lists the account, then disconnects it', async () => {
    const s = await mounted();
    const accounts = section(s.node, 'connectedAccounts');
    await choose($(accounts, '.cl-menuBox__connect'), 'connect');
    await vi.waitFor(() => expect(String(s.pageLoads.at(-1))).toMatch(/\/v1\/oauth\/fake\/authorize\?/));
    // The user approves on the provider's page, which sends the browser back to the profile.
    const approved = await fetch(`${s.pageLoads.at(-1)}&auto=1`, { redirect: 'manual' });
    expect(approved.status).toBe(302);
    await s.clerk.user!.reload();
    await vi.waitFor(() => expect(section(s.node, 'connectedAccounts').querySelector('.cl-profileSectionItem__connectedAccount')).toBeTruthy());
    expect(s.clerk.user!.externalAccounts.map((a) => a.provider)).toEqual(['google']);
    expect(section(s.node, 'connectedAccounts').textContent).toContain('Google');

    await choose($(section(s.node, 'connectedAccounts'), '.cl-profileSectionItem__connectedAccount'), 'disconnect');
    await vi.waitFor(() => expect(s.clerk.user!.externalAccounts).toHaveLength(0));
    await vi.waitFor(() => expect(section(s.node, 'connectedAccounts').querySelector('.cl-profileSectionItem__connectedAccount')).toBeNull());
  });
});

describe('<UserProfile/> security page', () => {
  it('changes the password: wrong current password and mismatch show errors next to the fields', async () => {
    const s = await mounted();
    await goToSecurity(s);
    const password = section(s.node, 'password');
    expect(action(password, 'editPassword').textContent).toBe('Update password');
    await edit(password, 'editPassword');
    const form = $<HTMLFormElement>(password, 'form');
    type(inputNamed(password, 'current_password'), 'wrong-password');
    // A new password that breaks the instance's rules (8 characters): live feedback, and nothing is sent.
    type(inputNamed(password, 'new_password'), 'short');
    await vi.waitFor(() => expect($(password, '.cl-formFieldInfoText__new_password').textContent).toBe('Your password must contain 8 or more characters.'));
    emulator.clearRequests();
    await submit(form);
    await vi.waitFor(() => expect(errorOf(password, 'new_password')).toBe('Your password must contain 8 or more characters.'));
    await vi.waitFor(() => expect(document.activeElement).toBe(inputNamed(password, 'new_password')));
    expect(emulator.requests.filter((r) => r.path.includes('password'))).toEqual([]);
    type(inputNamed(password, 'new_password'), 'brand-new-password-1');
    await vi.waitFor(() =>
      expect($(password, '.cl-formFieldSuccessText__new_password').textContent).toBe('Your password meets all the necessary requirements.'),
    );
    type(inputNamed(password, 'confirm_password'), 'brand-new-password-2');
    await submit(form);
    await vi.waitFor(() => expect(errorOf(password, 'confirm_password')).toMatch(/match/i));

    type(inputNamed(password, 'confirm_password'), 'brand-new-password-1');
    await submit(form);
    await vi.waitFor(() => expect(errorOf(password, 'current_password')).toMatch(/incorrect/i));
    expect(inputNamed(password, 'current_password').getAttribute('aria-invalid')).toBe('true');
    // The submit button was disabled while busy; focus went to the field in error, not to <body>.
    await vi.waitFor(() => expect(document.activeElement).toBe(inputNamed(password, 'current_password')));

    type(inputNamed(password, 'current_password'), PASSWORD);
    await submit(form);
    await vi.waitFor(() => expect(password.textContent).toContain('Your password has been updated.'));
    expect(errorOf(password, 'current_password')).toBeUndefined();
    expect($(password, 'form')).toBeNull();

    // The new password works for signing in from another browser; the old one no longer does.
    newBrowser();
    const other = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
    cleanups.push(() => other.destroy());
    await other.load();
    const old = await other.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD }).catch((e) => e);
    expect(old.errors?.[0]?.code).toBe('form_password_incorrect');
    const fresh = await other.client!.signIn.create({ identifier: 'ada@example.com', password: 'brand-new-password-1' });
    expect(fresh.status).toBe('complete');
  });

  it('a user without a password sets one (no current-password field)', async () => {
    const navigation = memoryNavigation('http://localhost:3000/');
    const clerk = createClerk({
      publishableKey: emulator.publishableKey,
      proxyUrl: PROXY_URL,
      plugins: [navigation, signOutPlugin(), uiPlugin(), userProfilePlugin()],
    });
    cleanups.push(() => clerk.destroy());
    await clerk.load();
    const signIn = await clerk.client!.signIn.create({ identifier: 'nopass@example.com' });
    const factor = signIn.supportedFirstFactors!.find((f) => f.strategy === 'email_code')!;
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
    await signIn.attemptFirstFactor({ strategy: 'email_code', code: emulator.outbox.latest('nopass@example.com')!.code! });
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user!.passwordEnabled).toBe(false);
    const node = document.body.appendChild(document.createElement('div'));
    clerk.mountUserProfile(node, { routing: 'virtual' });
    await vi.waitFor(() => expect(node.querySelector('.cl-userProfile')).toBeTruthy());
    $<HTMLButtonElement>(node, '.cl-navbarButton__security').click();
    await vi.waitFor(() => expect(section(node, 'password')).toBeTruthy());
    const password = section(node, 'password');
    expect(action(password, 'editPassword').textContent).toBe('Set password');
    await edit(password, 'editPassword');
    expect(inputNamed(password, 'current_password')).toBeNull();
    type(inputNamed(password, 'new_password'), 'short');
    type(inputNamed(password, 'confirm_password'), 'short');
    await submit($(password, 'form'));
    await vi.waitFor(() => expect(errorOf(password, 'new_password')).toBeTruthy());
    type(inputNamed(password, 'new_password'), 'a-long-enough-password');
    type(inputNamed(password, 'confirm_password'), 'a-long-enough-password');
    await submit($(password, 'form'));
    await vi.waitFor(() => expect(clerk.user!.passwordEnabled).toBe(true));
    await vi.waitFor(() => expect(action(password, 'editPassword').textContent).toBe('Update password'));
    expect(password.textContent).toContain('Your password has been set.');
  });

  it('"sign out of other devices" revokes the other sessions; unchecked, it keeps them', async () => {
    const elsewhere = await signedIn();
    newBrowser();
    const s = await mounted();
    expect(elsewhere.clerk.session!.id).not.toBe(s.clerk.session!.id);
    await goToSecurity(s);
    const password = section(s.node, 'password');
    await edit(password, 'editPassword');
    const checkbox = inputNamed(password, 'sign_out_of_other_sessions');
    expect(checkbox.checked).toBe(true);
    checkbox.click();
    type(inputNamed(password, 'current_password'), PASSWORD);
    type(inputNamed(password, 'new_password'), 'brand-new-password-1');
    type(inputNamed(password, 'confirm_password'), 'brand-new-password-1');
    await submit($(password, 'form'));
    await vi.waitFor(() => expect(password.textContent).toContain('updated'));
    expect((await s.clerk.user!.getSessions()).length).toBe(2);

    await edit(password, 'editPassword');
    inputNamed(password, 'sign_out_of_other_sessions').click();
    expect(inputNamed(password, 'sign_out_of_other_sessions').checked).toBe(true);
    type(inputNamed(password, 'current_password'), 'brand-new-password-1');
    type(inputNamed(password, 'new_password'), 'another-password-22');
    type(inputNamed(password, 'confirm_password'), 'another-password-22');
    await submit($(password, 'form'));
    await vi.waitFor(async () => expect((await s.clerk.user!.getSessions()).length).toBe(1));
  });

  it('sets up TOTP (wrong code first), shows backup codes, regenerates them, removes TOTP', async () => {
    const s = await mounted();
    await goToSecurity(s);
    const mfa = section(s.node, 'mfa');
    await choose($(mfa, '.cl-menuBox__addMfa'), 'addTotp');
    await vi.waitFor(() => expect($(mfa, '.cl-totpSecret')).toBeTruthy());
    const secret = $(mfa, '.cl-totpSecret').textContent!;
    const uri = $(mfa, '.cl-totpUri').textContent!;
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    // The same link as a QR code an authenticator app can scan.
    const qr = $<SVGSVGElement>(mfa, 'svg.cl-totpQrCode');
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe('QR code for your authenticator app');
    expect(qr.getAttribute('shape-rendering')).toBe('crispEdges');
    const side = Number(qr.getAttribute('viewBox')!.split(' ')[3]);
    expect((side - 8 - 17) % 4).toBe(0); // a whole version plus the 4-module quiet zone each side
    const paths = qr.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    expect(decodeSvgPath(paths[0].getAttribute('d')!, side)).toBe(uri);
    expect(decodeSvgPath('M4 4h1v1h-1z', side)).toBeUndefined();
    expect(s.clerk.user!.totpEnabled).toBe(false);

    type(inputNamed(mfa, 'code'), '000000');
    await vi.waitFor(() => expect(errorOf(mfa, 'code')).toMatch(/incorrect/i));
    type(inputNamed(mfa, 'code'), totpCode(secret, Date.now()));
    await vi.waitFor(() => expect(s.clerk.user!.totpEnabled).toBe(true));
    await vi.waitFor(() => expect(mfa.querySelectorAll('.cl-backupCodes li')).toHaveLength(10));
    const firstCodes = [...mfa.querySelectorAll('.cl-backupCodes li')].map((li) => li.textContent);

    await choose($(mfa, '.cl-profileSectionItem__backupCodes'), 'regenerateCodes');
    await vi.waitFor(() => expect([...mfa.querySelectorAll('.cl-backupCodes li')].map((li) => li.textContent)).not.toEqual(firstCodes));
    expect(mfa.querySelectorAll('.cl-backupCodes li')).toHaveLength(10);

    await choose($(mfa, '.cl-profileSectionItem__totp'), 'disableTotp');
    await vi.waitFor(() => expect(s.clerk.user!.totpEnabled).toBe(false));
    await vi.waitFor(() => expect($(mfa, '.cl-profileSectionItem__totp')).toBeNull());
    await choose($(mfa, '.cl-menuBox__addMfa'), 'addTotp');
    await vi.waitFor(() => expect($(mfa, '.cl-totpSecret')).toBeTruthy());
  });

  it('lists active devices and signs out another one', async () => {
    const elsewhere = await signedIn();
    newBrowser();
    const s = await mounted();
    await goToSecurity(s);
    const devices = section(s.node, 'activeDevices');
    await vi.waitFor(() => expect(devices.querySelectorAll('.cl-profileSectionItem__device')).toHaveLength(2));
    expect(devices.textContent).toContain('This device');
    expect(devices.textContent).toContain('Localhost');
    // Only the other device has a menu; the current one says "This device".
    const menus = devices.querySelectorAll<HTMLButtonElement>('[aria-haspopup=menu]');
    expect(menus).toHaveLength(1);
    // Each row shows when it was last active.
    expect(devices.querySelectorAll('.cl-profileSectionItem__device time[datetime]')).toHaveLength(2);
    await choose(menus[0].closest('.cl-profileSectionItem')!, 'revoke');
    await vi.waitFor(() => expect(devices.querySelectorAll('.cl-profileSectionItem__device')).toHaveLength(1));
    // The other browser finds out on its next request.
    await elsewhere.clerk.client!.reload().catch(() => {});
    expect(elsewhere.clerk.client!.signedInSessions).toHaveLength(0);
    expect(s.clerk.session?.status).toBe('active');
  });

  it('deletes the account only after the phrase is typed', async () => {
    const s = await mounted({ afterSignOutUrl: '/farewell' });
    await goToSecurity(s);
    const danger = section(s.node, 'danger');
    action(danger, 'deleteAccount').click();
    await vi.waitFor(() => expect(inputNamed(danger, 'delete_confirmation')).toBeTruthy());
    type(inputNamed(danger, 'delete_confirmation'), 'delete');
    await submit($(danger, 'form'));
    await vi.waitFor(() => expect(errorOf(danger, 'delete_confirmation')).toBeTruthy());
    expect(s.clerk.user).toBeTruthy();

    type(inputNamed(danger, 'delete_confirmation'), 'Delete account');
    await submit($(danger, 'form'));
    await vi.waitFor(() => expect(s.history.location).toBe('http://localhost:3000/farewell'));
    expect(s.clerk.user).toBeNull();
    await vi.waitFor(() => expect(s.node.querySelector('.cl-userProfile')).toBeNull());
    const again = await s.clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD }).catch((e) => e);
    expect(again.errors?.[0]?.code).toBe('form_identifier_not_found');
  });
});

describe('<UserProfile/> rows, menus and names', () => {
  const key = (target: Element, name: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

  it('the ⋯ menu: aria-haspopup, arrow keys, Escape back to the button; names say what they act on', async () => {
    const s = await mounted();
    const emails = section(s.node, 'emailAddresses');
    // Verified primary + an unverified second address: the second row's menu has Verify and Remove.
    await s.clerk.user!.createEmailAddress({ email: 'ada.other@example.com' });
    await vi.waitFor(() => expect(rowWith(emails, 'ada.other@example.com')).toBeTruthy());
    const row = rowWith(emails, 'ada.other@example.com');
    expect(row.textContent).toContain('Unverified');
    const trigger = $<HTMLButtonElement>(row, '[aria-haspopup=menu]');
    expect(trigger.getAttribute('aria-label')).toBe('More actions: ada.other@example.com');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    key(trigger, 'ArrowDown');
    await vi.waitFor(() => expect(trigger.getAttribute('aria-expanded')).toBe('true'));
    const menu = $(row, '[role=menu]');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
    const items = [...menu.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
    expect(items.map((i) => i.textContent)).toEqual(['Verify', 'Remove email']);
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Verify: ada.other@example.com', 'Remove email: ada.other@example.com']);
    await vi.waitFor(() => expect(document.activeElement).toBe(items[0]));
    key(items[0], 'ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    key(items[1], 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    key(items[0], 'End');
    expect(document.activeElement).toBe(items[1]);
    key(items[1], 'Escape');
    await vi.waitFor(() => expect(row.querySelector('[role=menu]')).toBeNull());
    expect(document.activeElement).toBe(trigger);
    // Two rows, two distinct names for their menus.
    expect([...emails.querySelectorAll('[aria-haspopup=menu]')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'More actions: ada@example.com',
      'More actions: ada.other@example.com',
    ]);
  });

  it('removing the last identification shows FAPI’s error and keeps the address', async () => {
    const s = await mounted();
    const emails = section(s.node, 'emailAddresses');
    await choose(rowWith(emails, 'ada@example.com'), 'remove');
    await vi.waitFor(() => expect($(emails, '.cl-profileSectionForm__danger')).toBeTruthy());
    // Destructive styling: the confirmation's submit button is the danger variant.
    expect($(emails, '.cl-profileSectionForm__danger button[type=submit]').className).toContain('cl-formButtonPrimary__danger');
    await submit($(emails, '.cl-profileSectionForm__danger form'));
    await vi.waitFor(() => expect($(emails, '[role=alert]')?.textContent).toBe('You cannot delete your last identification.'));
    expect(s.clerk.user!.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada@example.com']);
    expect(emulator.requests.some((r) => r.method === 'DELETE' && r.path.includes('/me/email_addresses/'))).toBe(true);
  });

  it('active devices: the other device’s menu is named after it', async () => {
    const elsewhere = await signedIn();
    void elsewhere;
    newBrowser();
    const s = await mounted();
    await goToSecurity(s);
    const devices = section(s.node, 'activeDevices');
    await vi.waitFor(() => expect(devices.querySelectorAll('[aria-haspopup=menu]')).toHaveLength(1));
    const trigger = $(devices, '[aria-haspopup=menu]');
    expect(trigger.getAttribute('aria-label')).toMatch(/^More actions: \S/);
    trigger.click();
    await vi.waitFor(() => expect(action(devices, 'revoke')).toBeTruthy());
    expect(action(devices, 'revoke').getAttribute('aria-label')).toBe(
      `Sign out of device: ${trigger.getAttribute('aria-label')!.slice('More actions: '.length)}`,
    );
  });

  it('backup codes: "Copy all" writes them to the clipboard, "Download .txt" saves them through a Blob URL', async () => {
    const s = await mounted();
    await goToSecurity(s);
    const mfa = section(s.node, 'mfa');
    await choose($(mfa, '.cl-menuBox__addMfa'), 'addTotp');
    await vi.waitFor(() => expect($(mfa, '.cl-totpSecret')).toBeTruthy());
    type(inputNamed(mfa, 'code'), totpCode($(mfa, '.cl-totpSecret').textContent!, Date.now()));
    await vi.waitFor(() => expect(mfa.querySelectorAll('.cl-backupCodes li')).toHaveLength(10));
    const codes = [...mfa.querySelectorAll('.cl-backupCodes li')].map((li) => li.textContent);

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    action(mfa, 'copyCodes').click();
    expect(writeText).toHaveBeenCalledWith(codes.join('\n'));
    await vi.waitFor(() => expect(action(mfa, 'copyCodes').textContent).toBe('Copied!'));

    let blob: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:http://localhost:3000/codes'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      action(mfa, 'downloadCodes').click();
      expect(create).toHaveBeenCalledTimes(1);
      expect(clicked).toHaveLength(1);
      expect(clicked[0].href).toBe('blob:http://localhost:3000/codes');
      expect(clicked[0].download).toMatch(/_backup_codes\.txt$/);
      expect(blob!.type).toBe('text/plain');
      expect(await blob!.text()).toBe(codes.join('\n'));
      await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:http://localhost:3000/codes'));
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });

  it('"Saved." notes clear by themselves after a few seconds', async () => {
    const s = await mounted();
    const profile = section(s.node, 'profile');
    await edit(profile, 'updateProfile');
    type(inputNamed(profile, 'first_name'), 'Augusta');
    await submit($(profile, 'form'));
    await vi.waitFor(() => expect($(profile, '[role=status]')?.textContent).toBe('Your profile has been updated.'));
    await vi.waitFor(() => expect($(profile, '[role=status]')).toBeNull(), { timeout: 8000 });
  }, 15000);
});

describe('<UserProfile/> routing, modal and custom pages', () => {
  it('hash routing: #/security opens the security page; the navbar writes the hash', async () => {
    location.hash = '#/security';
    const s = await mounted();
    expect(section(s.node, 'password')).toBeTruthy();
    expect(section(s.node, 'profile')).toBeNull();
    $<HTMLButtonElement>(s.node, '.cl-navbarButton__account').click();
    await vi.waitFor(() => expect(section(s.node, 'profile')).toBeTruthy());
    expect(location.hash).toBe('#/account');
    expect($(s.node, '.cl-navbarButton__account').getAttribute('aria-current')).toBe('page');
  });

  it('custom pages mount into their element and unmount when left; link entries navigate', async () => {
    const mount = vi.fn((el: HTMLDivElement) => (el.textContent = 'Billing content'));
    const unmount = vi.fn();
    const s = await mounted({
      customPages: [
        { label: 'Billing', url: 'billing', mount, unmount },
        { label: 'Docs', url: '/docs' },
      ],
    });
    $<HTMLButtonElement>(s.node, '.cl-navbarButton__billing').click();
    await vi.waitFor(() => expect(mount).toHaveBeenCalledTimes(1));
    expect(location.hash).toBe('#/billing');
    expect($(s.node, '.cl-customPage').textContent).toBe('Billing content');
    $<HTMLButtonElement>(s.node, '.cl-navbarButton__security').click();
    await vi.waitFor(() => expect(unmount).toHaveBeenCalledTimes(1));
    expect(unmount.mock.calls[0][0]).toBe(mount.mock.calls[0][0]);
    $<HTMLButtonElement>(s.node, '.cl-navbarButton__docs').click();
    await vi.waitFor(() => expect(s.history.location).toBe('http://localhost:3000/docs'));
  });

  it("custom pages without `url` place the default pages, as ClerkJS's reorder entries do", async () => {
    const mount = vi.fn((el: HTMLDivElement) => (el.textContent = 'Billing content'));
    const s = await mounted({
      customPages: [
        { label: 'Billing', url: 'billing', mount, unmount: () => {} },
        { label: 'account' },
        // Neither a default page nor a page with a url: dropped, as ClerkJS drops it.
        { label: 'Orphan' },
      ],
    });
    const labels = () => [...s.node.querySelectorAll('.cl-navbarButton')].map((b) => b.className.split(' ')[1]);
    // The defaults not placed (security) first, then the app's order.
    expect(labels()).toEqual(['cl-navbarButton__security', 'cl-navbarButton__billing', 'cl-navbarButton__account']);
    // The first entry is the start page.
    expect(section(s.node, 'password')).toBeTruthy();
  });

  it('openUserProfile shows a modal with in-memory routing; closeUserProfile removes it', async () => {
    const s = await signedIn();
    s.clerk.openUserProfile();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog] .cl-userProfile')).toBeTruthy());
    const dialog = $(document, '[role=dialog]');
    $<HTMLButtonElement>(dialog, '.cl-navbarButton__security').click();
    await vi.waitFor(() => expect(section(dialog, 'password')).toBeTruthy());
    expect(location.hash).toBe('');
    s.clerk.closeUserProfile();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
  });

  it('renders nothing when signed out', async () => {
    const s = await mounted();
    await s.clerk.signOut();
    await vi.waitFor(() => expect(s.node.querySelector('.cl-userProfile')).toBeNull());
  });
});
