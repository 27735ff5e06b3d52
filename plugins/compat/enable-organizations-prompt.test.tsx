// @vitest-environment happy-dom
// ClerkJS's development prompt that turns organizations on, against the emulator: opened by
// `__internal_attemptToEnableEnvironmentSetting` when they are off, driven through the DOM.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { memoryNavigation } from '../navigation/index.js';
import { uiPlugin } from '../ui/index.js';
import { createEmulator } from '../../emulator/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { caller, devBrowser } from '../../test/emulator/helpers.js';
import { buttonNamed, clearCookies, submit } from '../../test/helpers/ui.js';
import { compatPlugin } from './index.js';

const emulator = useEmulator({ settings: { organizations: false } });
const cleanups: Array<() => void> = [];

afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  document.body.replaceChildren();
  clearCookies();
  emulator.updateSettings({ organizations: false, forceOrganizationSelection: false });
});

async function loaded(plugins = [memoryNavigation('http://localhost:3000/'), uiPlugin(), compatPlugin()] as const) {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins });
  cleanups.push(() => clerk.destroy());
  await clerk.load();
  return clerk;
}

const dialog = () =>
  vi.waitFor(
    () => {
      const found = document.querySelector<HTMLElement>('[role=dialog] .cl-enableOrganizationsPrompt');
      if (!found) throw new Error('no prompt yet');
      return found;
    },
    { timeout: 10_000 },
  );
const heading = (root: ParentNode) => root.querySelector('.cl-headerTitle')?.textContent;
/** The instance's organization settings, as FAPI answers them now. */
const organizationSettings = async () => (await (await devBrowser(emulator))('GET', '/environment')).json.organization_settings;

describe('EnableOrganizationsPrompt', () => {
  it('opens in development when a component needs organizations; "Enable Organizations" turns them on, then Continue runs onSuccess', async () => {
    const clerk = await loaded();
    expect(clerk.environment?.organizationSettings.enabled).toBe(false);
    const onClose = vi.fn();
    // The attempt path reloads the page on success; the members themselves take the app's callbacks.
    expect(clerk.__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller: 'OrganizationSwitcher', onClose })).toEqual({ isEnabled: false });
    let prompt = await dialog();
    expect(heading(prompt)).toBe('Organizations feature required');
    expect(prompt.textContent).toContain('<OrganizationSwitcher/> needs organizations');
    expect(onClose).not.toHaveBeenCalled();
    // Closed by the app: it went without Continue.
    clerk.__internal_closeEnableOrganizationsPrompt();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
    expect(onClose).toHaveBeenCalledTimes(1);

    const onSuccess = vi.fn();
    clerk.__internal_openEnableOrganizationsPrompt({ caller: 'useOrganization', onSuccess });
    prompt = await dialog();
    expect(prompt.textContent).toContain('useOrganization needs organizations');
    emulator.clearRequests();
    await submit(prompt.querySelector('form')!);
    await vi.waitFor(() => expect(heading(prompt)).toBe('Organizations feature enabled'));
    expect(emulator.requests.filter((r) => r.path === '/v1/dev_tools/enable_environment_setting')).toHaveLength(1);
    expect((await organizationSettings()).enabled).toBe(true);
    expect(onSuccess).not.toHaveBeenCalled();
    await submit(prompt.querySelector('form')!);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('offers membership required where the instance has the setting, and "I\'ll remove it myself" runs onClose', async () => {
    const clerk = await loaded();
    const onClose = vi.fn();
    clerk.__internal_openEnableOrganizationsPrompt({ caller: 'OrganizationList', onClose });
    const prompt = await dialog();
    const required = prompt.querySelector<HTMLInputElement>('input[name=membershipRequired]')!;
    expect(required.checked).toBe(false);
    required.click();
    // The prompt re-renders with the choice before the user can press the button.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await submit(prompt.querySelector('form')!);
    await vi.waitFor(() => expect(heading(prompt)).toBe('Organizations feature enabled'));
    // Membership required: no personal accounts.
    expect(await organizationSettings()).toMatchObject({ enabled: true, force_organization_selection: true });

    // Reopened: the first prompt goes without Continue.
    const onCloseAgain = vi.fn();
    clerk.__internal_openEnableOrganizationsPrompt({ caller: 'OrganizationList', onClose: onCloseAgain });
    await vi.waitFor(() => expect(heading(document.querySelector('[role=dialog]')!)).toBe('Organizations feature required'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onCloseAgain).not.toHaveBeenCalled();
    buttonNamed(document.querySelector('[role=dialog]')!, "I'll remove it myself").click();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
    expect(onCloseAgain).toHaveBeenCalledTimes(1);
  });

  it('×, Escape and the backdrop dismiss it: onClose runs once each time', async () => {
    const clerk = await loaded();
    const gone = () => vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
    const dismissals: Array<[string, (dialog: Element) => void]> = [
      ['×', (d) => d.closest('[role=dialog]')!.querySelector<HTMLButtonElement>('.cl-modalCloseButton')!.click()],
      ['Escape', () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))],
      ['backdrop', (d) => d.closest('[role=dialog]')!.parentElement!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))],
    ];
    for (const [how, dismiss] of dismissals) {
      const onClose = vi.fn();
      const onSuccess = vi.fn();
      clerk.__internal_openEnableOrganizationsPrompt({ caller: 'CreateOrganization', onClose, onSuccess });
      dismiss(await dialog());
      await gone();
      expect({ how, onClose: onClose.mock.calls.length, onSuccess: onSuccess.mock.calls.length }).toEqual({ how, onClose: 1, onSuccess: 0 });
    }
  });

  it('the Frontend API refuses it outside development; a bad caller prop is a coded error', async () => {
    const fapi = await devBrowser(emulator);
    const invalid = await fapi('PATCH', '/dev_tools/enable_environment_setting', { enable_organizations: 'maybe' });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors[0].meta.param_name).toBe('enable_organizations');
    expect((await organizationSettings()).enabled).toBe(false);
    const production = createEmulator({ instanceType: 'production', frontendApiHost: 'clerk.app.test' });
    const live = caller(production, { base: 'https://clerk.app.test', origin: 'https://app.test' });
    await live('GET', '/client');
    const denied = await live('PATCH', '/dev_tools/enable_environment_setting', { enable_organizations: 'true' });
    expect(denied.status).toBe(403);
    expect(denied.json.errors[0].code).toBe('dev_tools_not_available');

    const clerk = await loaded();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    clerk.__internal_openEnableOrganizationsPrompt({ caller: 42 as never });
    await vi.waitFor(() => expect(errors.mock.calls.flat().some((e) => (e as { code?: string })?.code === 'invalid_component_prop')).toBe(true));
    errors.mockRestore();
  });

  it('without the ui plugin nothing opens, and the attempt still answers { isEnabled: false }', async () => {
    const clerk = await loaded([memoryNavigation('http://localhost:3000/'), compatPlugin()] as never);
    expect(clerk.__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller: 'useOrganization' })).toEqual({ isEnabled: false });
    expect(() => clerk.__internal_openEnableOrganizationsPrompt({ caller: 'useOrganization' })).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('[role=dialog]')).toBeNull();
  });
});
