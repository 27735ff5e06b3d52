// @vitest-environment happy-dom
// <CreateOrganization/> against the emulator: slug from the name, logo upload, the invite step (roles,
// inline errors, skip), skipInvitationScreen, afterCreateOrganizationUrl placeholders, modal, validation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { byLabel, byText, clearCookies, recordingNavigation, submit, title, type, waitFor } from '../../test/helpers/ui.js';
import { organizationsPlugin } from '../organizations/organizations.js';
import { uiPlugin } from '../ui/index.js';
import { createOrganizationPlugin } from './index.js';
import { resolveUrl, slugify } from './parts.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada' }] } });
const cleanups: Array<() => void> = [];

async function signedIn() {
  const navigation = recordingNavigation();
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [navigation.plugin, organizationsPlugin(), uiPlugin(), createOrganizationPlugin()],
  });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.body.appendChild(document.createElement('div'));
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk, node, navigations: navigation.navigations };
}

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  clearCookies();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('<CreateOrganization/>', () => {
  it('derives the slug from the name (editable), uploads the logo, makes the organization active, then invites members', async () => {
    const { clerk, node, navigations } = await signedIn();
    clerk.mountCreateOrganization(node, { afterCreateOrganizationUrl: '/orgs/:slug/welcome?id=:id' });
    await waitFor(() => expect(title(node)).toBe('Create organization'));
    const name = byLabel(node, 'Name');
    const slug = byLabel(node, 'Slug');
    await type(name, 'Acme Corp.');
    expect(slug.value).toBe('acme-corp');
    await type(slug, 'acme');
    await type(name, 'Acme Corporation');
    // Once edited by hand, the slug no longer follows the name.
    expect(slug.value).toBe('acme');

    const input = node.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.getAttribute('aria-label')).toBe('Upload logo');
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([1, 2, 3])], 'logo.png', { type: 'image/png' })], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => byText(node, 'Remove logo'));

    emulator.faults.add({ path: '/v1/organizations', method: 'POST', latencyMs: 120 });
    submit(name);
    await waitFor(() => expect(node.querySelector('.cl-formButtonPrimary')!.getAttribute('aria-busy')).toBe('true'));
    await waitFor(() => expect(title(node)).toBe('Invite new members'));
    const org = clerk.organization!;
    expect(org).toMatchObject({ name: 'Acme Corporation', slug: 'acme', hasImage: true });
    expect(node.querySelector('.cl-headerSubtitle')!.textContent).toBe('Invite people to Acme Corporation');
    expect(location.hash).toBe('#/invite-members');

    const role = await waitFor(() => {
      const select = byLabel<HTMLSelectElement>(node, 'Role');
      return select.options.length ? select : undefined;
    });
    expect([...role.options].map((o) => o.value)).toEqual(['org:admin', 'org:member']);
    expect(role.value).toBe('org:member');

    // Nothing typed: an inline error, no request.
    emulator.clearRequests();
    submit(role);
    await waitFor(() => expect(node.querySelector('.cl-formFieldErrorText__email_address')?.textContent).toBe('Enter at least one email address.'));
    expect(emulator.requests).toEqual([]);
    // A bad address: FAPI's error by its field.
    await type(byLabel(node, 'Email addresses'), 'grace@example.com, not-an-email');
    submit(role);
    await waitFor(() => expect(byLabel(node, 'Email addresses').getAttribute('aria-invalid')).toBe('true'));
    await type(byLabel(node, 'Email addresses'), 'grace@example.com  alan@example.com');
    role.value = 'org:admin';
    role.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    submit(role);
    await waitFor(() =>
      expect([navigations.at(-1), node.querySelector('[role=alert]')?.textContent]).toEqual([
        `http://localhost:3000/orgs/acme/welcome?id=${org.id}`,
        undefined,
      ]),
    );
    const invitations = await org.getInvitations({ status: ['pending'] });
    expect(invitations.data.map((i) => [i.emailAddress, i.role]).sort()).toEqual([
      ['alan@example.com', 'org:admin'],
      ['grace@example.com', 'org:admin'],
    ]);
  });

  it('"Skip" ends the flow without inviting; a taken slug is shown by its field (localized)', async () => {
    const { clerk, node, navigations } = await signedIn();
    await clerk.createOrganization({ name: 'Taken', slug: 'taken' });
    clerk.mountCreateOrganization(node, { afterCreateOrganizationUrl: (org: { id: string }) => `/done/${org.id}` });
    await waitFor(() => byLabel(node, 'Name'));
    await type(byLabel(node, 'Name'), 'Taken');
    submit(byLabel(node, 'Name'));
    await waitFor(() => expect(node.querySelector('.cl-formFieldErrorText__slug')?.textContent).toBe('This slug is taken. Please try another.'));
    expect(clerk.user!.organizationMemberships).toHaveLength(1);
    await type(byLabel(node, 'Slug'), 'taken-2');
    submit(byLabel(node, 'Name'));
    await waitFor(() => byText(node, 'Skip'));
    emulator.clearRequests();
    byText(node, 'Skip').click();
    await waitFor(() => expect(navigations.at(-1)).toBe(`http://localhost:3000/done/${clerk.organization!.id}`));
    expect(emulator.requests.filter((r) => r.path.includes('invitations'))).toEqual([]);
  });

  it('skipInvitationScreen: created, active, and straight to the next page (the instance default)', async () => {
    const { clerk, node, navigations } = await signedIn();
    clerk.mountCreateOrganization(node, { skipInvitationScreen: true, hideSlug: true });
    await waitFor(() => byLabel(node, 'Name'));
    expect(node.querySelector('input[name=slug]')).toBeNull();
    await type(byLabel(node, 'Name'), 'Solo Org');
    submit(byLabel(node, 'Name'));
    await waitFor(() => expect(clerk.organization?.name).toBe('Solo Org'));
    // FAPI derived the slug.
    expect(clerk.organization!.slug).toBe('solo-org');
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toBe(new URL(clerk.environment!.displayConfig.afterCreateOrganizationUrl, location.href).href);
    expect(title(node)).toBe('Create organization');
  });

  it('openCreateOrganization: a modal that closes once done', async () => {
    const { clerk, navigations } = await signedIn();
    clerk.openCreateOrganization({ skipInvitationScreen: true });
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role=dialog]'));
    await waitFor(() => byLabel(dialog, 'Name'));
    await type(byLabel(dialog, 'Name'), 'Modal Org');
    submit(byLabel(dialog, 'Name'));
    await waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
    expect(clerk.organization?.name).toBe('Modal Org');
    expect(navigations).toEqual([]);
  });

  it('an empty name is an inline error without a request; bad props are a coded error naming the prop', async () => {
    const { clerk, node } = await signedIn();
    clerk.mountCreateOrganization(node);
    await waitFor(() => byLabel(node, 'Name'));
    emulator.clearRequests();
    submit(byLabel(node, 'Name'));
    await waitFor(() => expect(byLabel(node, 'Name').getAttribute('aria-invalid')).toBe('true'));
    expect(emulator.requests).toEqual([]);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const other = document.body.appendChild(document.createElement('div'));
    clerk.mountCreateOrganization(other, { skipInvitationScreen: 'yes' as never });
    await waitFor(() => expect(errors).toHaveBeenCalled());
    const error = errors.mock.calls.flat().find((e) => e instanceof Error) as Error & { code?: string };
    expect(error).toMatchObject({ code: 'invalid_component_prop' });
    expect(error.message).toBe('<CreateOrganization/>: the `skipInvitationScreen` prop must be true or false, got "yes".');
    errors.mockRestore();
  });
});

describe('helpers', () => {
  it('slugify and :placeholder URLs', () => {
    expect(slugify('  Ünïcode & Co. ')).toBe('unicode-co');
    const org = { id: 'org_1', slug: 'a b', name: 'A' };
    expect(resolveUrl('https://app.test:8443/o/:slug/:id/:missing', org)).toBe('https://app.test:8443/o/a%20b/org_1/:missing');
    expect(resolveUrl((o: typeof org) => `/x/${o.id}`, org)).toBe('/x/org_1');
    expect(resolveUrl(undefined, org)).toBeUndefined();
  });
});
