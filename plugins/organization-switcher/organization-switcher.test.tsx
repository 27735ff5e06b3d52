// @vitest-environment happy-dom
// <OrganizationSwitcher/> against the emulator: switching (one touch, the token's `o` claim follows),
// personal account and hidePersonal, create / manage (modal or navigation), invitations, validation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, decodeJwt, type Organization } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { accessibleName, buttonNamed, byText, clearCookies, recordingNavigation, waitFor } from '../../test/helpers/ui.js';
import { createOrganizationPlugin } from '../create-organization/index.js';
import { organizationsPlugin } from '../organizations/organizations.js';
import { uiPlugin } from '../ui/index.js';
import { organizationSwitcherPlugin } from './index.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
      { emailAddress: 'bob@example.com', password: PASSWORD, firstName: 'Bob' },
    ],
  },
});

const cleanups: Array<() => void> = [];

async function signedIn(email = 'ada@example.com', options: { create?: boolean; load?: Record<string, unknown> } = {}) {
  const navigation = recordingNavigation();
  const plugins = [
    navigation.plugin,
    organizationsPlugin(),
    uiPlugin(),
    organizationSwitcherPlugin(),
    ...(options.create !== false ? [createOrganizationPlugin()] : []),
  ];
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: plugins as [typeof navigation.plugin] });
  await clerk.load(options.load as never);
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.body.appendChild(document.createElement('div'));
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk: clerk as typeof clerk & Record<string, any>, node, navigations: navigation.navigations };
}

const trigger = (node: HTMLElement) => node.querySelector<HTMLButtonElement>('.cl-organizationSwitcherTrigger')!;
const popover = (node: HTMLElement) => node.querySelector<HTMLElement>('[role=dialog]');
const byLabelText = buttonNamed;

async function mounted(setup: { clerk: Record<string, any>; node: HTMLElement }, props: Record<string, unknown> = {}) {
  setup.clerk.mountOrganizationSwitcher(setup.node, props);
  await waitFor(() => trigger(setup.node));
}

async function opened(node: HTMLElement) {
  trigger(node).click();
  return waitFor(() => popover(node));
}

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  clearCookies();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('<OrganizationSwitcher/>', () => {
  it('switches with one FAPI request (the touch with active_organization_id); clerk.organization and the token `o` claim follow', async () => {
    const setup = await signedIn();
    const acme: Organization = await setup.clerk.createOrganization({ name: 'Acme Corp', slug: 'acme' });
    await setup.clerk.createOrganization({ name: 'Beta', slug: 'beta' });
    await mounted(setup, { afterSelectOrganizationUrl: '/orgs/:slug' });
    expect(accessibleName(trigger(setup.node))).toBe('Open organization switcher, current account: Personal account Ada Lovelace');
    expect(trigger(setup.node).textContent).toContain('Ada Lovelace');
    const card = await opened(setup.node);
    await waitFor(() => expect(document.activeElement?.closest('[role=dialog]')).toBe(card));
    expect(trigger(setup.node).getAttribute('aria-expanded')).toBe('true');
    // Personal account is the active one: only the two organizations are offered to switch to.
    expect([...card.querySelectorAll('.cl-organizationSwitcherPreviewButton')].map(accessibleName).sort()).toEqual(['Switch to Acme Corp', 'Switch to Beta']);
    // The lists of invitations/suggestions load when the popover opens; wait for them before counting.
    await waitFor(() => emulator.requests.some((r) => r.path === '/v1/me/organization_invitations'));
    await new Promise((r) => setTimeout(r, 20));

    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    emulator.clearRequests();
    byLabelText(card, 'Switch to Acme Corp').click();
    await waitFor(() => expect(setup.clerk.organization?.id).toBe(acme.id));
    await waitFor(() => expect(setup.navigations.at(-1)).toBe('http://localhost:3000/orgs/acme'));
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/client/sessions/${setup.clerk.session!.id}/touch`]);
    const touchBody = String((fetchSpy.mock.calls[0][1] as RequestInit).body);
    expect(new URLSearchParams(touchBody).get('active_organization_id')).toBe(acme.id);
    fetchSpy.mockRestore();
    const claims = decodeJwt((await setup.clerk.session!.getToken())!).claims as { o?: { id: string; slg: string } };
    expect(claims.o).toMatchObject({ id: acme.id, slg: 'acme' });

    // The popover closed, focus went back to the trigger, which now shows the organization.
    await waitFor(() => expect(popover(setup.node)).toBeNull());
    expect(document.activeElement).toBe(trigger(setup.node));
    expect(accessibleName(trigger(setup.node))).toBe('Open organization switcher, current account: Acme Corp');
    expect(trigger(setup.node).querySelector('.cl-organizationAvatarBox')!.textContent).toBe('AC');

    // Back to the personal account, with afterSelectPersonalUrl's `:id` from the user.
    setup.clerk.unmountOrganizationSwitcher(setup.node);
    await mounted(setup, { afterSelectPersonalUrl: '/me/:id', defaultOpen: true });
    const again = await waitFor(() => popover(setup.node));
    expect(again.querySelector('.cl-organizationSwitcherPopoverActive')!.textContent).toContain('Acme Corp');
    byLabelText(again, 'Switch to Personal account').click();
    await waitFor(() => expect(setup.clerk.organization).toBeNull());
    await waitFor(() => expect(setup.navigations.at(-1)).toBe(`http://localhost:3000/me/${setup.clerk.user!.id}`));
    expect(decodeJwt((await setup.clerk.session!.getToken())!).claims.o).toBeUndefined();
  });

  it('hidePersonal: no personal account to switch to; the trigger says no organization is selected', async () => {
    const setup = await signedIn();
    await setup.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await mounted(setup, { hidePersonal: true });
    expect(trigger(setup.node).textContent).toContain('No organization selected');
    const card = await opened(setup.node);
    expect(card.querySelector('.cl-organizationSwitcherPreviewButton__personal')).toBeNull();
    expect(card.querySelector('.cl-organizationSwitcherPopoverActive')).toBeNull();
    byLabelText(card, 'Switch to Acme').click();
    await waitFor(() => expect(setup.clerk.organization?.slug).toBe('acme'));
    trigger(setup.node).click();
    const open = await waitFor(() => popover(setup.node));
    expect(open.textContent).not.toContain('Personal account');
    expect(open.querySelector('.cl-organizationSwitcherPreviewButton')).toBeNull();
  });

  it('Escape closes and returns focus; arrows move between the buttons; a click outside closes', async () => {
    const setup = await signedIn();
    await setup.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await mounted(setup);
    const card = await opened(setup.node);
    await waitFor(() => expect(document.activeElement).toBe(byLabelText(card, 'Switch to Acme')));
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(byText(card, '+Create organization'));
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(popover(setup.node)).toBeNull());
    expect(document.activeElement).toBe(trigger(setup.node));
    await opened(setup.node);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await waitFor(() => expect(popover(setup.node)).toBeNull());
  });

  it('"Create organization" opens <CreateOrganization/> as a modal; with createOrganizationUrl it navigates', async () => {
    const setup = await signedIn();
    await mounted(setup, { skipInvitationScreen: true });
    byText(await opened(setup.node), '+Create organization').click();
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role=dialog][aria-modal=true]'));
    await waitFor(() => expect(dialog.querySelector('.cl-headerTitle')?.textContent).toBe('Create organization'));
    expect(setup.navigations).toEqual([]);

    const other = await signedIn('bob@example.com');
    await mounted(other, { createOrganizationUrl: '/new-org' });
    byText(await opened(other.node), '+Create organization').click();
    await waitFor(() => expect(other.navigations.at(-1)).toBe('http://localhost:3000/new-org'));
  });

  it('"Manage" navigates to organizationProfileUrl (no organization-profile plugin here) with a name saying which organization', async () => {
    const setup = await signedIn('ada@example.com', { create: false });
    const acme = await setup.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await setup.clerk.setActive({ organization: acme });
    await mounted(setup, { organizationProfileUrl: '/org-settings' });
    const card = await opened(setup.node);
    byLabelText(card, 'Manage Acme').click();
    await waitFor(() => expect(setup.navigations.at(-1)).toBe('http://localhost:3000/org-settings'));
    // Without the create-organization plugin, "Create organization" goes to the instance's create URL.
    await opened(setup.node);
    byText(popover(setup.node)!, '+Create organization').click();
    await waitFor(() => expect(setup.navigations.at(-1)).toMatch(/create-organization/));
  });

  it('accepts a pending invitation: busy while it runs, then the organization is offered to switch to', async () => {
    const ada = await signedIn();
    const acme = await ada.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await acme.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' });
    const bob = await signedIn('bob@example.com');
    await mounted(bob);
    const card = await opened(bob.node);
    const join = await waitFor(() => byLabelText(card, 'Join Acme'));
    expect(join.textContent).toBe('Join');
    emulator.faults.add({ path: /organization_invitations\/.*\/accept$/, latencyMs: 150 });
    join.click();
    await waitFor(() => expect(join.getAttribute('aria-busy')).toBe('true'));
    expect(byLabelText(card, 'Join Acme').disabled).toBe(true);
    await waitFor(() => byLabelText(card, 'Switch to Acme'));
    expect(card.querySelector('[aria-label="Join Acme"]')).toBeNull();
    expect(bob.clerk.user!.organizationMemberships.map((m: { role: string }) => m.role)).toEqual(['org:member']);
  });

  it('a failed switch shows the FAPI error inline (localized by code) and keeps the popover usable', async () => {
    const setup = await signedIn('ada@example.com', { load: { localization: { unstable__errors: { not_allowed_access: 'You may not switch now.' } } } });
    await setup.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await mounted(setup);
    const card = await opened(setup.node);
    emulator.faults.add({ path: /\/touch$/, status: 403, body: { errors: [{ code: 'not_allowed_access', message: 'Not allowed' }] }, times: 1 });
    byLabelText(card, 'Switch to Acme').click();
    await waitFor(() => expect(card.querySelector('[role=alert]')?.textContent).toBe('You may not switch now.'));
    expect(setup.clerk.organization).toBeNull();
    expect(byLabelText(card, 'Switch to Acme').disabled).toBe(false);
  });

  it('bad props are a coded error naming the prop', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const setup = await signedIn();
    setup.clerk.mountOrganizationSwitcher(setup.node, { createOrganizationMode: 'popup' });
    await waitFor(() => expect(errors).toHaveBeenCalled());
    const error = errors.mock.calls.flat().find((e) => e instanceof Error) as Error & { code?: string };
    expect(error.code).toBe('invalid_component_prop');
    expect(error.message).toContain('createOrganizationMode');
    expect(error.message).toContain("'modal', 'navigation'");
    errors.mockClear();
    setup.clerk.mountOrganizationSwitcher(setup.node, { afterSelectOrganizationUrl: 'javascript:alert(1)' });
    await waitFor(() => expect(errors).toHaveBeenCalled());
    expect(String(errors.mock.calls.flat().find((e) => e instanceof Error))).toContain('afterSelectOrganizationUrl');
    errors.mockRestore();
  });

  it('localization and appearance apply; renders nothing when organizations are disabled', async () => {
    const setup = await signedIn('ada@example.com', {
      load: {
        localization: { organizationSwitcher: { action__createOrganization: 'New team' } },
        appearance: { elements: { organizationSwitcherTrigger: 'app-switcher' } },
      },
    });
    await mounted(setup);
    expect(trigger(setup.node).classList.contains('app-switcher')).toBe(true);
    expect(byText(await opened(setup.node), '+New team')).toBeTruthy();

    emulator.updateSettings({ organizations: false });
    const off = await signedIn('bob@example.com');
    off.clerk.mountOrganizationSwitcher(off.node);
    await waitFor(() => off.node.querySelector('.cl-rootBox'));
    expect(trigger(off.node)).toBeNull();
  });
});
