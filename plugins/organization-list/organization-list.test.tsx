// @vitest-environment happy-dom
// <OrganizationList/> against the emulator: choosing an account, hidePersonal, accepting an invitation,
// requesting to join a suggested organization, creating inline (with and without the invite step), validation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { accessibleName, buttonNamed, byLabel, byText, clearCookies, recordingNavigation, submit, title, type, waitFor } from '../../test/helpers/ui.js';
import { organizationsPlugin } from '../organizations/organizations.js';
import { uiPlugin } from '../ui/index.js';
import { organizationListPlugin } from './index.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@acme.test', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
      { emailAddress: 'bob@acme.test', password: PASSWORD, firstName: 'Bob' },
    ],
  },
});
const cleanups: Array<() => void> = [];

async function signedIn(email = 'ada@acme.test') {
  const navigation = recordingNavigation();
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [navigation.plugin, organizationsPlugin(), uiPlugin(), organizationListPlugin()],
  });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.body.appendChild(document.createElement('div'));
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk, node, navigations: navigation.navigations };
}

const button = buttonNamed;
const labels = (root: ParentNode) => [...root.querySelectorAll('.cl-organizationListPreviewItem button')].map(accessibleName);

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  clearCookies();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('<OrganizationList/>', () => {
  it('lists the personal account and the memberships; choosing one makes it active and goes to afterSelectOrganizationUrl', async () => {
    const { clerk, node, navigations } = await signedIn();
    const acme = await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    clerk.mountOrganizationList(node, { afterSelectOrganizationUrl: '/dashboard/:slug', afterSelectPersonalUrl: (user: { id: string }) => `/u/${user.id}` });
    await waitFor(() => expect(title(node)).toBe('Choose an account'));
    expect(node.querySelector('.cl-headerSubtitle')!.textContent).toMatch(/^to continue to /);
    expect(labels(node)).toEqual(['Continue with Personal account Ada Lovelace', 'Continue with Acme Admin']);
    expect(button(node, 'Continue with Personal account').getAttribute('aria-current')).toBe('true');

    emulator.faults.add({ path: /\/touch$/, latencyMs: 100, times: 1 });
    button(node, 'Continue with Acme').click();
    await waitFor(() => expect(button(node, 'Continue with Acme').getAttribute('aria-busy')).toBe('true'));
    expect(button(node, 'Continue with Personal account').disabled).toBe(true);
    await waitFor(() => expect(clerk.organization?.id).toBe(acme.id));
    await waitFor(() => expect(navigations.at(-1)).toBe('http://localhost:3000/dashboard/acme'));
    await waitFor(() => expect(button(node, 'Continue with Acme').getAttribute('aria-current')).toBe('true'));

    button(node, 'Continue with Personal account').click();
    await waitFor(() => expect(clerk.organization).toBeNull());
    await waitFor(() => expect(navigations.at(-1)).toBe(`http://localhost:3000/u/${clerk.user!.id}`));
  });

  it('hidePersonal: "Choose an organization", no personal account', async () => {
    const { clerk, node } = await signedIn();
    await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    clerk.mountOrganizationList(node, { hidePersonal: true });
    await waitFor(() => expect(title(node)).toBe('Choose an organization'));
    expect(labels(node)).toEqual(['Continue with Acme Admin']);
  });

  it('accepts an invitation ("Join Acme"), then lists the organization; requests to join a suggested one', async () => {
    const ada = await signedIn();
    const acme = await ada.clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await acme.inviteMember({ emailAddress: 'bob@acme.test', role: 'org:member' });
    const globex = await ada.clerk.createOrganization({ name: 'Globex', slug: 'globex' });
    const domain = await globex.createDomain('acme.test');
    await domain.prepareAffiliationVerification({ affiliationEmailAddress: 'ada@acme.test' });
    await domain.attemptAffiliationVerification({ code: emulator.outbox.latest('ada@acme.test')!.code! });
    await domain.updateEnrollmentMode({ enrollmentMode: 'automatic_suggestion' });

    const bob = await signedIn('bob@acme.test');
    bob.clerk.mountOrganizationList(bob.node);
    const join = await waitFor(() => button(bob.node, 'Join Acme'));
    const request = await waitFor(() => button(bob.node, 'Request to join Globex'));
    expect(join.textContent).toBe('Join');
    expect(request.textContent).toBe('Request to join');
    join.click();
    await waitFor(() => button(bob.node, 'Continue with Acme'));
    expect(bob.node.querySelector('[aria-label="Join Acme"]')).toBeNull();
    expect(bob.clerk.user!.organizationMemberships.map((m) => m.organization.slug)).toEqual(['acme']);

    button(bob.node, 'Request to join Globex').click();
    await waitFor(() => expect(byText(bob.node, 'Pending approval', 'span')).toBeTruthy());
    const requests = await globex.getMembershipRequests({ status: 'pending' });
    expect(requests.data.map((r) => r.publicUserData.identifier)).toEqual(['bob@acme.test']);
  });

  it('creates an organization inline, through the invite step; "Back" returns to the list', async () => {
    const { clerk, node, navigations } = await signedIn();
    clerk.mountOrganizationList(node, { afterCreateOrganizationUrl: '/orgs/:slug' });
    await waitFor(() => byText(node, '+Create organization'));
    byText(node, '+Create organization').click();
    await waitFor(() => expect(title(node)).toBe('Create organization'));
    byText(node, 'Back').click();
    await waitFor(() => expect(title(node)).toBe('Choose an account'));
    byText(node, '+Create organization').click();
    await waitFor(() => byLabel(node, 'Name'));
    await type(byLabel(node, 'Name'), 'Initech');
    submit(byLabel(node, 'Name'));
    await waitFor(() => expect(title(node)).toBe('Invite new members'));
    expect(clerk.organization?.slug).toBe('initech');
    byText(node, 'Skip').click();
    await waitFor(() => expect(navigations.at(-1)).toBe('http://localhost:3000/orgs/initech'));
    await waitFor(() => expect(title(node)).toBe('Choose an account'));
    expect(labels(node)).toContain('Continue with Initech Admin');
  });

  it('skipInvitationScreen ends right after creation; createOrganizationUrl navigates instead', async () => {
    const { clerk, node, navigations } = await signedIn();
    clerk.mountOrganizationList(node, { skipInvitationScreen: true });
    byText(await waitFor(() => node.querySelector('.cl-card') && node), '+Create organization').click();
    await waitFor(() => byLabel(node, 'Name'));
    await type(byLabel(node, 'Name'), 'Quick');
    submit(byLabel(node, 'Name'));
    await waitFor(() => expect(title(node)).toBe('Choose an account'));
    expect(clerk.organization?.name).toBe('Quick');
    expect(navigations).toEqual([]);

    const other = document.body.appendChild(document.createElement('div'));
    clerk.mountOrganizationList(other, { createOrganizationUrl: '/create' });
    byText(await waitFor(() => other.querySelector('.cl-card') && other), '+Create organization').click();
    await waitFor(() => expect(navigations.at(-1)).toBe('http://localhost:3000/create'));
  });

  it('bad props are a coded error naming the prop', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { clerk, node } = await signedIn();
    clerk.mountOrganizationList(node, { hidePersonal: 1 as never });
    await waitFor(() => expect(errors).toHaveBeenCalled());
    const error = errors.mock.calls.flat().find((e) => e instanceof Error) as Error & { code?: string };
    expect(error).toMatchObject({ code: 'invalid_component_prop' });
    expect(error.message).toContain('`hidePersonal`');
    errors.mockRestore();
  });
});
