// @vitest-environment happy-dom
// <OrganizationProfile/> against the emulator: each page driven through the DOM, as an admin and as a member.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClerk, type Organization } from '../../kernel/index.js';
import { memoryNavigation } from '../navigation/index.js';
import { organizationsPlugin } from '../organizations/index.js';
import { uiPlugin } from '../ui/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies } from '../../test/helpers/ui.js';
import { devBrowser, signInWithPassword } from '../../test/emulator/helpers.js';
import { organizationProfilePlugin } from './index.js';

const PASSWORD = 'password-for-tests-1';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
      { emailAddress: 'bob@example.com', password: PASSWORD, firstName: 'Bob', lastName: 'Builder' },
    ],
  },
});

const cleanups: Array<() => void> = [];

/** A signed-in Clerk (ui + organizations + organization-profile) in this page, with a node to mount on. */
async function signedIn(email: string, loadOptions?: Record<string, unknown>) {
  const navigation = memoryNavigation('http://localhost:3000/');
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [navigation, organizationsPlugin(), uiPlugin(), organizationProfilePlugin()],
  });
  await clerk.load(loadOptions);
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.createElement('div');
  document.body.appendChild(node);
  cleanups.push(() => {
    clerk.destroy();
    node.remove();
  });
  return { clerk, node, history: navigation.history };
}

/** Ada signs in here, creates `name` and makes it active; the profile is mounted. */
async function adminProfile(name = 'Acme Inc', props: Record<string, unknown> = {}, loadOptions?: Record<string, unknown>) {
  const s = await signedIn('ada@example.com', loadOptions);
  const organization = await s.clerk.createOrganization({ name });
  await s.clerk.setActive({ organization: organization.id });
  s.clerk.mountOrganizationProfile(s.node, props);
  // The first mount loads the view module (slow on a busy machine).
  await vi.waitFor(() => expect(s.node.querySelector('.cl-organizationProfile')).toBeTruthy(), { timeout: 10_000 });
  return { ...s, organization: s.clerk.organization as Organization };
}

/** Ada (over raw FAPI, another browser) creates an organization and invites Bob, who accepts here and opens the profile as a member. */
async function memberProfile() {
  const ada = await devBrowser(emulator);
  const a = { _clerk_session_id: await signInWithPassword(ada, 'ada@example.com', PASSWORD) };
  const org = (await ada('POST', '/organizations', { name: 'Acme Inc' }, a)).json.response;
  await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a);
  await ada('POST', `/organizations/${org.id}/domains`, { name: 'acme.test' }, a);
  const s = await signedIn('bob@example.com');
  const invitations = await s.clerk.user!.getOrganizationInvitations();
  await invitations.data[0].accept();
  await s.clerk.setActive({ organization: org.id });
  s.clerk.mountOrganizationProfile(s.node);
  // The first mount loads the view module (slow on a busy machine).
  await vi.waitFor(() => expect(s.node.querySelector('.cl-organizationProfile')).toBeTruthy(), { timeout: 10_000 });
  return { ...s, ada, a, org };
}

const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<E & Element>(selector) as E;
const action = (root: ParentNode, name: string) => $<HTMLButtonElement>(root, `.cl-action__${name}`);
const section = (root: ParentNode, name: string) => $<HTMLElement>(root, `.cl-profileSection__${name}`);
const inputNamed = (root: ParentNode, name: string) => $<HTMLInputElement>(root, `input[name=${name}]`);
const errorOf = (root: ParentNode, name: string) => root.querySelector(`.cl-formFieldErrorText__${name}`)?.textContent;

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
async function submit(form: HTMLFormElement) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
async function goTo(node: HTMLElement, page: string) {
  $<HTMLButtonElement>(node, `.cl-navbarButton__${page}`).click();
  await vi.waitFor(() => expect($(node, `.cl-navbarButton__${page}`).getAttribute('aria-current')).toBe('page'));
}
const memberRows = (node: HTMLElement) => [...node.querySelectorAll<HTMLElement>('.cl-membersList .cl-memberRow')];
const rowOf = (node: HTMLElement, text: string) => memberRows(node).find((r) => r.textContent!.includes(text));

beforeEach(() => emulator.reset());
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  clearCookies();
  document.body.innerHTML = '';
  location.hash = '';
});

describe('<OrganizationProfile/> general page', () => {
  it('renames the organization; an empty name and a taken slug are field errors', async () => {
    const s = await adminProfile();
    const profile = section(s.node, 'organizationProfile');
    expect(inputNamed(profile, 'name').value).toBe('Acme Inc');
    type(inputNamed(profile, 'name'), '  ');
    await submit($(profile, 'form'));
    await vi.waitFor(() => expect(errorOf(profile, 'name')).toBe('Enter the organization name.'));

    await s.clerk.createOrganization({ name: 'Taken', slug: 'taken' });
    type(inputNamed(profile, 'name'), 'Acme Two');
    type(inputNamed(profile, 'slug'), 'taken');
    await submit($(profile, 'form'));
    await vi.waitFor(() => expect(errorOf(profile, 'slug')).toMatch(/taken/));

    type(inputNamed(profile, 'slug'), 'acme-two');
    await submit($(profile, 'form'));
    await vi.waitFor(() => expect(profile.querySelector('.cl-formFieldSuccessText')?.textContent).toBe('Saved.'));
    expect((await s.clerk.getOrganization(s.organization.id)).slug).toBe('acme-two');
    await vi.waitFor(() => expect(s.clerk.organization!.name).toBe('Acme Two'));
  });

  it('uploads and removes the logo', async () => {
    const s = await adminProfile();
    const input = $<HTMLInputElement>(s.node, 'input[name=organization_logo]');
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(s.clerk.organization!.hasImage).toBe(true));
    await vi.waitFor(() => expect($<HTMLImageElement>(s.node, '.cl-organizationAvatar img').src).toMatch(/^data:image\/png;base64,/));
    action(s.node, 'removeLogo').click();
    await vi.waitFor(() => expect(s.clerk.organization!.hasImage).toBe(false));
    expect(s.node.querySelector('.cl-organizationAvatar img')).toBeNull();
  });

  it('deletes after typing the name exactly, then leaves for afterLeaveOrganizationUrl', async () => {
    const s = await adminProfile('Acme Inc', { afterLeaveOrganizationUrl: '/after-leave' });
    action(s.node, 'deleteOrganization').click();
    const danger = section(s.node, 'danger');
    await vi.waitFor(() => expect(inputNamed(danger, 'delete_confirmation')).toBeTruthy());
    type(inputNamed(danger, 'delete_confirmation'), 'Acme');
    await submit($(danger, 'form'));
    await vi.waitFor(() => expect(errorOf(danger, 'delete_confirmation')).toBe('Type "Acme Inc" exactly to confirm.'));
    expect(s.clerk.user!.organizationMemberships).toHaveLength(1);
    type(inputNamed(danger, 'delete_confirmation'), 'Acme Inc');
    await submit($(danger, 'form'));
    await vi.waitFor(() => expect(s.history.location).toBe('http://localhost:3000/after-leave'));
    expect(s.clerk.organization).toBeNull();
    expect(s.clerk.user!.organizationMemberships).toHaveLength(0);
  });

  it('renders an organization name with markup as text, never as HTML', async () => {
    const name = '<img src=x onerror="window.__pwned=1"><b>Evil</b>';
    const s = await adminProfile(name);
    await goTo(s.node, 'general');
    expect(s.node.querySelector('img[src=x], b')).toBeNull();
    expect(inputNamed(s.node, 'name').value).toBe(name);
    action(s.node, 'leave').click();
    await vi.waitFor(() => expect(s.node.textContent).toContain(`Leave ${name}?`));
    expect(s.node.querySelector('img[src=x], b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('<OrganizationProfile/> members page', () => {
  it('invites by email with a role from getRoles; the invitation is listed and can be revoked', async () => {
    const s = await adminProfile();
    await goTo(s.node, 'members');
    const invite = section(s.node, 'invite');
    await vi.waitFor(() => expect([...invite.querySelectorAll('option')].map((o) => o.value)).toEqual(['org:admin', 'org:member']));
    expect($<HTMLSelectElement>(invite, 'select[name=invite_role]').value).toBe('org:member');

    await submit($(invite, 'form'));
    await vi.waitFor(() => expect(errorOf(invite, 'email_address')).toBe('Enter at least one email address.'));
    type(inputNamed(invite, 'email_address'), 'not-an-email');
    await submit($(invite, 'form'));
    await vi.waitFor(() => expect(errorOf(invite, 'email_address')).toMatch(/not valid/));

    type(inputNamed(invite, 'email_address'), 'bob@example.com, carol@example.com');
    choose($<HTMLSelectElement>(invite, 'select[name=invite_role]'), 'org:admin');
    await submit($(invite, 'form'));
    await vi.waitFor(() =>
      expect(invite.querySelector('.cl-formFieldSuccessText')?.textContent).toBe('Invitations sent to bob@example.com, carol@example.com.'),
    );
    expect(emulator.outbox.latest('carol@example.com')?.text).toContain('Acme Inc');

    $<HTMLButtonElement>(s.node, '.cl-membersTab__invitations').click();
    await vi.waitFor(() => expect(s.node.querySelectorAll('.cl-memberRow__invitation')).toHaveLength(2));
    const bobRow = [...s.node.querySelectorAll<HTMLElement>('.cl-memberRow__invitation')].find((r) => r.textContent!.includes('bob@example.com'))!;
    expect(bobRow.textContent).toContain('Admin');
    action(bobRow, 'revokeInvitation').click();
    await vi.waitFor(() => expect(s.node.querySelectorAll('.cl-memberRow__invitation')).toHaveLength(1));
    const pending = await s.organization.getInvitations({ status: ['pending'] });
    expect(pending.data.map((i) => i.emailAddress)).toEqual(['carol@example.com']);
  });

  it('changes a member role, searches, removes a member; the own row has no controls', async () => {
    const s = await adminProfile();
    // Bob joins through an invitation accepted from his own browser.
    await s.organization.inviteMember({ emailAddress: 'bob@example.com', role: 'org:member' });
    const bob = await devBrowser(emulator);
    const b = { _clerk_session_id: await signInWithPassword(bob, 'bob@example.com', PASSWORD) };
    const mine = (await bob('GET', '/me/organization_invitations', undefined, b)).json.response.data;
    await bob('POST', `/me/organization_invitations/${mine[0].id}/accept`, {}, b);

    await goTo(s.node, 'members');
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(2));
    const own = rowOf(s.node, 'Ada Lovelace')!;
    expect(own.querySelector('select')).toBeNull();
    expect(own.querySelector('.cl-action__removeMember')).toBeNull();

    const roleSelect = $<HTMLSelectElement>(rowOf(s.node, 'Bob Builder')!, 'select');
    expect(roleSelect.value).toBe('org:member');
    choose(roleSelect, 'org:admin');
    await vi.waitFor(async () => {
      const members = await s.organization.getMemberships();
      expect(members.data.find((m) => m.publicUserData?.identifier === 'bob@example.com')?.role).toBe('org:admin');
    });

    type(inputNamed(s.node, 'query'), 'bob');
    await vi.waitFor(() => expect(memberRows(s.node).map((r) => r.textContent)).toEqual([expect.stringContaining('bob@example.com')]));
    type(inputNamed(s.node, 'query'), 'zzz');
    await vi.waitFor(() => expect(s.node.querySelector('.cl-membersEmpty')?.textContent).toBe('No members found.'));
    type(inputNamed(s.node, 'query'), '');
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(2));

    action(rowOf(s.node, 'Bob Builder')!, 'removeMember').click();
    await vi.waitFor(() => expect(rowOf(s.node, 'Bob Builder')!.textContent).toContain('Remove Bob Builder from the organization?'));
    action(rowOf(s.node, 'Bob Builder')!, 'confirmRemove').click();
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(1));
    expect((await s.organization.getMemberships()).total_count).toBe(1);
  });

  it('pages through more than ten members', async () => {
    const s = await adminProfile();
    await s.organization.update({ maxAllowedMemberships: 0 });
    for (let i = 0; i < 11; i++) {
      const userId = emulator.addUser({ emailAddress: `user${i}@example.com`, firstName: `User${i}` });
      await s.organization.addMember({ userId, role: 'org:member' });
    }
    await goTo(s.node, 'members');
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(10));
    expect(s.node.querySelector('.cl-paginationText')?.textContent).toBe('Page 1 of 2');
    expect(action(s.node, 'previousPage').disabled).toBe(true);
    action(s.node, 'nextPage').click();
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(2));
    expect(action(s.node, 'nextPage').disabled).toBe(true);
  });
});

describe('<OrganizationProfile/> membership requests and custom roles', () => {
  afterEach(() => emulator.updateSettings({ organizationRoles: [] }));

  it('accepts and rejects membership requests from users at a verified domain', async () => {
    const s = await adminProfile();
    const domain = await s.organization.createDomain('acme.test');
    await domain.prepareAffiliationVerification({ affiliationEmailAddress: 'ada@acme.test' });
    const verified = await domain.attemptAffiliationVerification({ code: emulator.outbox.latest('ada@acme.test')!.code! });
    await verified.updateEnrollmentMode({ enrollmentMode: 'automatic_suggestion' });
    for (const name of ['carol', 'dave']) {
      emulator.addUser({ emailAddress: `${name}@acme.test`, password: PASSWORD, firstName: name[0].toUpperCase() + name.slice(1) });
      const fapi = await devBrowser(emulator);
      const session = { _clerk_session_id: await signInWithPassword(fapi, `${name}@acme.test`, PASSWORD) };
      const suggestions = (await fapi('GET', '/me/organization_suggestions', undefined, session)).json.response.data;
      expect((await fapi('POST', `/me/organization_suggestions/${suggestions[0].id}/accept`, {}, session)).status).toBe(200);
    }
    await goTo(s.node, 'members');
    $<HTMLButtonElement>(s.node, '.cl-membersTab__requests').click();
    await vi.waitFor(() => expect(s.node.querySelectorAll('.cl-memberRow__request')).toHaveLength(2));
    const request = (name: string) => [...s.node.querySelectorAll<HTMLElement>('.cl-memberRow__request')].find((r) => r.textContent!.includes(name))!;
    action(request('carol@acme.test'), 'acceptRequest').click();
    await vi.waitFor(() => expect(s.node.querySelectorAll('.cl-memberRow__request')).toHaveLength(1));
    action(request('dave@acme.test'), 'rejectRequest').click();
    await vi.waitFor(() => expect(s.node.querySelector('.cl-membersEmpty')?.textContent).toBe('No pending requests.'));
    const members = await s.organization.getMemberships();
    expect(members.data.map((m) => m.publicUserData?.identifier).sort()).toEqual(['ada@example.com', 'carol@acme.test']);
  });

  it('offers custom roles; a custom role that may manage members sees the invite form but not the delete action', async () => {
    emulator.updateSettings({
      organizationRoles: [{ key: 'org:recruiter', name: 'Recruiter', permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'] }],
    });
    const ada = await devBrowser(emulator);
    const a = { _clerk_session_id: await signInWithPassword(ada, 'ada@example.com', PASSWORD) };
    const org = (await ada('POST', '/organizations', { name: 'Acme Inc' }, a)).json.response;
    await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:recruiter' }, a);
    const s = await signedIn('bob@example.com');
    await (await s.clerk.user!.getOrganizationInvitations()).data[0].accept();
    await s.clerk.setActive({ organization: org.id });
    s.clerk.mountOrganizationProfile(s.node, { __experimental_startPath: 'members' });
    await vi.waitFor(() => expect(section(s.node, 'invite')).toBeTruthy());
    await vi.waitFor(() =>
      expect([...section(s.node, 'invite').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Admin', 'Member', 'Recruiter']),
    );
    await vi.waitFor(() => expect(rowOf(s.node, 'Bob Builder')?.textContent).toContain('Recruiter'));
    // Only the profile permissions open the name form and the delete action.
    await goTo(s.node, 'general');
    expect(inputNamed(s.node, 'name')).toBeNull();
    expect(section(s.node, 'danger')).toBeNull();
  });
});

describe('<OrganizationProfile/> as a member', () => {
  it('hides admin actions: no profile form, no delete, no invite, no role controls, read-only domains', async () => {
    const s = await memberProfile();
    expect(inputNamed(s.node, 'name')).toBeNull();
    expect(s.node.querySelector('input[name=organization_logo]')).toBeNull();
    expect(section(s.node, 'danger')).toBeNull();
    expect(action(s.node, 'leave')).toBeTruthy();
    expect(s.node.textContent).toContain('Acme Inc');
    expect(s.node.querySelector('.cl-navbarButton__domains')).toBeNull();

    await goTo(s.node, 'members');
    await vi.waitFor(() => expect(memberRows(s.node)).toHaveLength(2));
    expect(section(s.node, 'invite')).toBeNull();
    expect(s.node.querySelector('.cl-membersTab__invitations')).toBeNull();
    expect(s.node.querySelector('.cl-membersList select, .cl-action__removeMember')).toBeNull();
    expect(rowOf(s.node, 'Ada Lovelace')!.textContent).toContain('Admin');
  });

  it('leaves the organization', async () => {
    const s = await memberProfile();
    action(s.node, 'leave').click();
    await vi.waitFor(() => expect(action(s.node, 'confirmLeave')).toBeTruthy());
    action(s.node, 'confirmLeave').click();
    await vi.waitFor(() => expect(s.clerk.user!.organizationMemberships).toHaveLength(0));
    await vi.waitFor(() => expect(s.history.location).toBe('http://localhost:3000/'));
    expect(s.clerk.organization).toBeNull();
    const members = (await s.ada('GET', `/organizations/${s.org.id}/memberships`, undefined, s.a)).json.response;
    expect(members.total_count).toBe(1);
  });
});

describe('<OrganizationProfile/> verified domains', () => {
  it('adds a domain, verifies affiliation with the emailed code, sets the enrollment mode, removes it', async () => {
    const s = await adminProfile();
    await goTo(s.node, 'domains');
    const domains = section(s.node, 'domains');
    expect(domains.textContent).toContain('No domains yet');
    action(domains, 'addDomain').click();
    await vi.waitFor(() => expect(inputNamed(domains, 'name')).toBeTruthy());
    type(inputNamed(domains, 'name'), 'not a domain');
    await submit($(domains, 'form'));
    await vi.waitFor(() => expect(errorOf(domains, 'name')).toBe('Enter a domain, like example.com.'));
    type(inputNamed(domains, 'name'), 'gmail.com');
    await submit($(domains, 'form'));
    await vi.waitFor(() => expect(errorOf(domains, 'name')).toMatch(/public email provider/));
    type(inputNamed(domains, 'name'), 'acme.test');
    await submit($(domains, 'form'));
    await vi.waitFor(() => expect(domains.querySelector('[data-domain="acme.test"]')?.textContent).toContain('Unverified'));

    action(domains, 'verifyDomain').click();
    await vi.waitFor(() => expect(inputNamed(domains, 'affiliation_email_address')).toBeTruthy());
    type(inputNamed(domains, 'affiliation_email_address'), 'ada@other.test');
    await submit($(domains, 'form'));
    await vi.waitFor(() => expect(errorOf(domains, 'affiliation_email_address')).toBe('Enter the part of the address before @acme.test.'));
    type(inputNamed(domains, 'affiliation_email_address'), 'ada');
    await submit($(domains, 'form'));
    await vi.waitFor(() => expect(inputNamed(domains, 'code')).toBeTruthy());
    expect(domains.textContent).toContain('Enter the code sent to ada@acme.test');
    type(inputNamed(domains, 'code'), '000000');
    await vi.waitFor(() => expect(errorOf(domains, 'code')).toBeTruthy());
    type(inputNamed(domains, 'code'), emulator.outbox.latest('ada@acme.test')!.code!);
    await vi.waitFor(() => expect(domains.querySelector('[data-domain="acme.test"]')?.textContent).toContain('Verified'));

    const mode = await vi.waitFor(() => $<HTMLSelectElement>(domains, 'select'));
    expect(mode.value).toBe('manual_invitation');
    choose(mode, 'automatic_suggestion');
    await vi.waitFor(async () => expect((await s.organization.getDomains()).data[0].enrollmentMode).toBe('automatic_suggestion'));

    action(domains, 'deleteDomain').click();
    await vi.waitFor(() => expect(action(domains, 'confirmDeleteDomain')).toBeTruthy());
    action(domains, 'confirmDeleteDomain').click();
    await vi.waitFor(() => expect(domains.textContent).toContain('No domains yet'));
    expect((await s.organization.getDomains()).total_count).toBe(0);
  });
});

describe('<OrganizationProfile/> routing and modal', () => {
  it('opens in a modal and follows hash routing when mounted', async () => {
    const s = await adminProfile();
    await goTo(s.node, 'members');
    expect(location.hash).toBe('#/members');
    s.clerk.unmountOrganizationProfile(s.node);
    await vi.waitFor(() => expect(s.node.querySelector('.cl-organizationProfile')).toBeNull());
    s.clerk.openOrganizationProfile();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog] .cl-organizationProfile')).toBeTruthy());
    s.clerk.closeOrganizationProfile();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());
  });

  it('openInviteMembers opens the invitation form alone in a modal (named by the organization); it invites; a member gets nothing', async () => {
    const s = await signedIn('ada@example.com');
    const organization = await s.clerk.createOrganization({ name: 'Initech' });
    await s.clerk.setActive({ organization: organization.id });
    expect('mountInviteMembers' in s.clerk).toBe(false);
    s.clerk.openInviteMembers();
    const dialog = await vi.waitFor(
      () => {
        const found = document.querySelector('.cl-inviteMembers')?.closest<HTMLElement>('[role=dialog]');
        if (!found) throw new Error('no InviteMembers dialog yet');
        return found;
      },
      { timeout: 10_000 },
    );
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Initech');
    expect(dialog.querySelector('.cl-organizationProfile')).toBeNull();
    const invite = section(dialog, 'invite');
    await vi.waitFor(() => expect($<HTMLSelectElement>(invite, 'select[name=invite_role]').value).toBe('org:member'));
    type(inputNamed(invite, 'email_address'), 'carol@example.com');
    await submit($(invite, 'form'));
    await vi.waitFor(() => expect(invite.querySelector('.cl-formFieldSuccessText')?.textContent).toBe('Invitations sent to carol@example.com.'));
    expect((await organization.getInvitations()).data.map((i) => i.emailAddress)).toEqual(['carol@example.com']);
    s.clerk.closeInviteMembers();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeNull());

    const m = await memberProfile();
    m.clerk.openInviteMembers();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('[role=dialog] .cl-inviteMembers')).toBeNull();
  });

  it('custom pages: a mounted page gets its node; path routing navigates to the page under `path`', async () => {
    const mounted: HTMLElement[] = [];
    const s = await adminProfile('Acme Inc', {
      routing: 'path',
      path: '/organization',
      customPages: [{ label: 'Billing', url: 'billing', mount: (el: HTMLElement) => (mounted.push(el), (el.textContent = 'Billing page')), unmount: () => {} }],
    });
    await goTo(s.node, 'billing');
    expect(s.history.location).toBe('http://localhost:3000/organization/billing');
    await vi.waitFor(() => expect(s.node.querySelector('.cl-customPage')?.textContent).toBe('Billing page'));
    expect(mounted).toHaveLength(1);
    await goTo(s.node, 'members');
    expect(s.history.location).toBe('http://localhost:3000/organization/members');
  });

  it("custom pages without `url` place the default pages (ClerkJS's reorder entries)", async () => {
    const s = await adminProfile('Acme Inc', {
      customPages: [{ label: 'members' }, { label: 'Billing', url: 'billing', mount: () => {}, unmount: () => {} }, { label: 'general' }],
    });
    const buttons = () => [...s.node.querySelectorAll('.cl-navbarButton')].map((b) => b.textContent);
    // The defaults not placed (verified domains) first, then the app's order; the first is the start page.
    await vi.waitFor(() => expect(buttons()).toEqual(['Verified domains', 'Members', 'Billing', 'General']));
  });

  it("ClerkJS's organizationProfile.navbar strings apply", async () => {
    const localized = await adminProfile(
      'Acme Inc',
      {},
      { localization: { organizationProfile: { navbar: { members: 'Mitglieder', title: 'Organisation' } } } },
    );
    const labels = () => [...localized.node.querySelectorAll('.cl-navbarButton')].map((b) => b.textContent);
    await vi.waitFor(() => expect(labels()).toEqual(['General', 'Mitglieder', 'Verified domains']));
    expect(localized.node.querySelector('nav')!.getAttribute('aria-label')).toBe('Organisation');
  });

  it('renders nothing without an active organization', async () => {
    const s = await signedIn('ada@example.com');
    s.clerk.mountOrganizationProfile(s.node);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.node.querySelector('.cl-organizationProfile')).toBeNull();
  });
});
