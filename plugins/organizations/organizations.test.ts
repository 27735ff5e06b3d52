// @vitest-environment happy-dom
/**
 * The organizations plugin on a headless instance against the emulator: createOrganization,
 * setActive({ organization }) and the token's `o` claim, the resources' methods with ClerkJS's
 * pagination on the wire, domains, suggestions and membership requests, checkAuthorization.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClerk, decodeJwt, isClerkAPIResponseError, isClerkRuntimeError, Organization } from '../../kernel/index.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { headlessPlugins } from '../../presets/headless.js';
import { checkAuthorization, organizationFromClaims, organizationsPlugin, pageSearch, OrganizationDomain, OrganizationInvitation } from './index.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@acme.test', password: PASSWORD, firstName: 'Ada' },
      { emailAddress: 'bob@acme.test', password: PASSWORD, firstName: 'Bob' },
    ],
  },
});
const instances: Array<{ destroy(): void }> = [];

async function signedIn(email: string) {
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [...headlessPlugins(), organizationsPlugin()] });
  instances.push(clerk);
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  return clerk;
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
  emulator.reset();
});

const lastRequest = (pathEnd: string) => emulator.requests.filter((r) => r.path.endsWith(pathEnd)).at(-1);

describe('organizations plugin', () => {
  it('createOrganization → setActive({ organization }) by slug touches with select_org; clerk.organization and the token follow', async () => {
    const clerk = await signedIn('ada@acme.test');
    const org = await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    expect(org).toBeInstanceOf(Organization);
    expect(org).toMatchObject({ name: 'Acme', slug: 'acme', membersCount: 1, exclusiveMembership: false });
    // FAPI's value when it sends one; ClerkJS's false when it leaves the field out.
    const ctx = (org as unknown as { _ctx: never })._ctx;
    expect(new Organization(ctx, { object: 'organization', id: 'org_x', exclusive_membership: true }).exclusiveMembership).toBe(true);
    expect(new Organization(ctx, { object: 'organization', id: 'org_y' }).exclusiveMembership).toBe(false);
    // The piggy-backed client already carries the new admin membership.
    expect(clerk.user!.organizationMemberships.map((m) => [m.organization.id, m.role])).toEqual([[org.id, 'org:admin']]);
    expect(clerk.organization).toBeNull();

    emulator.clearRequests();
    await clerk.setActive({ organization: 'acme' });
    const touch = lastRequest('/touch');
    expect(touch?.method).toBe('POST');
    expect(clerk.organization?.id).toBe(org.id);
    expect(clerk.session!.lastActiveOrganizationId).toBe(org.id);
    const claims = decodeJwt((await clerk.session!.getToken())!).claims;
    expect(claims.o).toMatchObject({ id: org.id, slg: 'acme', rol: 'admin' });
    expect(clerk.session!.checkAuthorization({ role: 'org:admin' })).toBe(true);
    expect(clerk.session!.checkAuthorization({ role: 'member' })).toBe(false);
    expect(clerk.session!.checkAuthorization({ permission: 'org:sys_memberships:manage' })).toBe(true);

    await clerk.setActive({ organization: null });
    expect(clerk.organization).toBeNull();
    expect(decodeJwt((await clerk.session!.getToken())!).claims.o).toBeUndefined();
    expect(clerk.session!.checkAuthorization({ role: 'org:admin' })).toBe(false);
    await expect(clerk.setActive({ organization: 'no-such-slug' })).rejects.toMatchObject({ code: 'organization_not_found' });
  });

  it('bad input is a coded ClerkRuntimeError before any request; FAPI errors are ClerkAPIResponseErrors', async () => {
    const clerk = await signedIn('ada@acme.test');
    emulator.clearRequests();
    await expect(clerk.createOrganization({ name: '  ' })).rejects.toMatchObject({ code: 'invalid_organization_name' });
    await expect(clerk.createOrganization({ name: 'X', slug: 'Not Valid' })).rejects.toMatchObject({ code: 'invalid_organization_slug' });
    await expect(clerk.getOrganization('')).rejects.toSatisfy((e) => isClerkRuntimeError(e) && e.code === 'invalid_arguments');
    expect(emulator.requests.filter((r) => r.path.includes('/organizations'))).toEqual([]);
    await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await expect(clerk.createOrganization({ name: 'Acme 2', slug: 'acme' })).rejects.toSatisfy(
      (e) => isClerkAPIResponseError(e) && e.errors[0].code === 'form_identifier_exists',
    );
    await expect(clerk.getOrganization('org_missing')).rejects.toSatisfy((e) => isClerkAPIResponseError(e) && e.status === 404);
    expect(() => pageSearch({ initialPage: 0 })).toThrow(expect.objectContaining({ code: 'invalid_pagination' }));
  });

  it('invites, lists with limit/offset from initialPage/pageSize, updates and removes members', async () => {
    const ada = await signedIn('ada@acme.test');
    const org = await ada.createOrganization({ name: 'Acme', slug: 'acme' });
    const invitation = await org.inviteMember({ emailAddress: 'bob@acme.test', role: 'org:member' });
    expect(invitation).toBeInstanceOf(OrganizationInvitation);
    const bulk = await org.inviteMembers({ emailAddresses: ['c@acme.test', 'd@acme.test'], role: 'org:admin' });
    expect(bulk.map((i) => i.emailAddress)).toEqual(['c@acme.test', 'd@acme.test']);
    await bulk[0].revoke();
    expect(bulk[0].status).toBe('revoked');

    const page = await org.getInvitations({ initialPage: 2, pageSize: 1, status: ['pending'] });
    const sent = new URLSearchParams(lastRequest(`/organizations/${org.id}/invitations`)!.search);
    expect([sent.get('limit'), sent.get('offset'), sent.get('status')]).toEqual(['1', '1', 'pending']);
    expect(page.total_count).toBe(2);
    expect(page.data).toHaveLength(1);

    const bob = await signedIn('bob@acme.test');
    const mine = await bob.user!.getOrganizationInvitations();
    expect(mine.data.map((i) => i.publicOrganizationData.name)).toEqual(['Acme']);
    await mine.data[0].accept();
    expect(bob.user!.organizationMemberships.map((m) => m.role)).toEqual(['org:member']);

    const members = await org.getMemberships({ pageSize: 5 });
    const query = new URLSearchParams(lastRequest(`/organizations/${org.id}/memberships`)!.search);
    expect([query.get('limit'), query.get('offset'), query.get('paginated')]).toEqual(['5', '0', 'true']);
    expect(members.total_count).toBe(2);
    const bobMembership = members.data.find((m) => m.role === 'org:member')!;
    // While Bob is a plain member, Ada is the last admin: she can neither leave nor be demoted.
    await expect(ada.user!.leaveOrganization(org.id)).rejects.toSatisfy(
      (e) => isClerkAPIResponseError(e) && e.errors[0].code === 'organization_minimum_permissions_needed',
    );
    await expect(org.updateMember({ userId: ada.user!.id, role: 'org:member' })).rejects.toSatisfy(
      (e) => isClerkAPIResponseError(e) && e.errors[0].code === 'organization_minimum_permissions_needed',
    );
    await bobMembership.update({ role: 'org:admin' });
    expect(bobMembership.role).toBe('org:admin');
    const roles = await org.getRoles();
    expect(roles.data.map((r) => r.key)).toEqual(['org:admin', 'org:member']);
    // ClerkJS's resource plumbing on the listed kinds: no endpoint of their own ('' path), reload rejects.
    const requestsBefore = emulator.requests.length;
    for (const listed of [roles.data[0], roles.data[0].permissions[0], invitation, mine.data[0]].filter(Boolean)) {
      expect(listed.pathRoot).toBe('');
      await expect(listed.reload()).rejects.toSatisfy((e) => isClerkRuntimeError(e) && e.code === 'no_endpoint');
    }
    expect(emulator.requests.length).toBe(requestsBefore);
    expect(Object.keys(roles.data[0])).not.toContain('pathRoot');
    expect(invitation.roleName).toBeTruthy();
    const removed = await org.removeMember(bobMembership.publicUserData!.userId!);
    expect(removed.role).toBe('org:admin');
    expect((await org.getMemberships()).total_count).toBe(1);
  });

  it('update, logo, reload, destroy; user lists and creation defaults', async () => {
    const clerk = await signedIn('ada@acme.test');
    const org = await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
    await org.update({ name: 'Acme Corp' });
    expect(org.name).toBe('Acme Corp');
    await org.setLogo({ file: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) });
    expect(org).toMatchObject({ hasImage: true, imageUrl: 'data:image/png;base64,AQID' });
    await org.setLogo({ file: null });
    expect(org.hasImage).toBe(false);
    const fresh = await clerk.getOrganization(org.id);
    expect(fresh.name).toBe('Acme Corp');
    await fresh.reload();
    expect(fresh.id).toBe(org.id);

    // Bound, as ClerkJS's are (the React SDK passes them around bare), and not part of the data.
    const { getOrganizationMemberships } = clerk.user!;
    const memberships = await getOrganizationMemberships({ initialPage: 1, pageSize: 20 });
    expect(Object.keys(clerk.user!)).not.toContain('getOrganizationMemberships');
    expect(memberships).toMatchObject({ total_count: 1 });
    expect(memberships.data[0].organization.name).toBe('Acme Corp');
    const defaults = await clerk.user!.getOrganizationCreationDefaults();
    expect(defaults.form).toMatchObject({ name: 'Acme', slug: 'acme' });
    // ClerkJS's resource plumbing, off the data.
    expect(defaults.pathRoot).toBe('');
    await expect(defaults.reload()).rejects.toMatchObject({ code: 'no_endpoint' });
    expect(Object.keys(defaults)).not.toContain('pathRoot');

    await org.destroy();
    expect(clerk.user!.organizationMemberships).toEqual([]);
  });

  it('domains: create, verify with the emailed code, suggestion for a colleague, membership request accepted', async () => {
    const ada = await signedIn('ada@acme.test');
    const org = await ada.createOrganization({ name: 'Acme', slug: 'acme' });
    const domain = await org.createDomain('acme.test');
    expect(domain).toBeInstanceOf(OrganizationDomain);
    await domain.prepareAffiliationVerification({ affiliationEmailAddress: 'ada@acme.test' });
    expect(domain.verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    // ClerkJS's two names for the affiliation verification are one object; no DNS ownership check here.
    expect(domain.affiliationVerification).toBe(domain.verification);
    expect(domain.verification?.expiresAt).toBeInstanceOf(Date);
    expect(domain.ownershipVerification).toBeNull();
    expect(domain.verification!.expiresAt).toBeInstanceOf(Date);
    await domain.attemptAffiliationVerification({ code: emulator.outbox.latest('ada@acme.test')!.code! });
    expect(domain.verification!.status).toBe('verified');
    await domain.updateEnrollmentMode({ enrollmentMode: 'automatic_suggestion' });
    expect(domain.enrollmentMode).toBe('automatic_suggestion');
    const listed = await org.getDomains({ enrollmentMode: 'automatic_suggestion' });
    expect(new URLSearchParams(lastRequest(`/organizations/${org.id}/domains`)!.search).get('enrollment_mode')).toBe('automatic_suggestion');
    expect(listed.data.map((d) => d.id)).toEqual([domain.id]);
    expect((await org.getDomain({ domainId: domain.id })).name).toBe('acme.test');

    const bob = await signedIn('bob@acme.test');
    const suggestions = await bob.user!.getOrganizationSuggestions({ status: 'pending' });
    expect(suggestions.data.map((s) => s.publicOrganizationData.slug)).toEqual(['acme']);
    await suggestions.data[0].accept();
    expect(suggestions.data[0].status).toBe('accepted');

    const requests = await org.getMembershipRequests({ status: 'pending' });
    expect(requests.data.map((r) => r.publicUserData.identifier)).toEqual(['bob@acme.test']);
    await requests.data[0].accept();
    expect(requests.data[0].status).toBe('accepted');
    expect((await org.getMemberships()).total_count).toBe(2);
    await domain.delete();
    expect((await org.getDomains()).total_count).toBe(0);
  });
});

describe('checkAuthorization (ClerkJS has() semantics)', () => {
  const grant = { orgId: 'org_1', orgRole: 'org:member', orgPermissions: ['org:sys_memberships:read'] };
  it('roles and permissions are org:-prefixed; no organization or no user is false', () => {
    const facts = { userId: 'user_1', grant, factorVerificationAge: null };
    expect(checkAuthorization({ role: 'org:member' }, facts)).toBe(true);
    expect(checkAuthorization({ role: 'member' }, facts)).toBe(true);
    expect(checkAuthorization({ role: 'org:admin' }, facts)).toBe(false);
    expect(checkAuthorization({ permission: 'sys_memberships:read' }, facts)).toBe(true);
    expect(checkAuthorization({ permission: 'org:sys_memberships:manage' }, facts)).toBe(false);
    expect(checkAuthorization({ role: 'org:member' }, { ...facts, grant: null })).toBe(false);
    expect(checkAuthorization({ role: 'org:member' }, { ...facts, userId: undefined })).toBe(false);
    expect(() => checkAuthorization(null as never, facts)).toThrow(expect.objectContaining({ code: 'invalid_arguments' }));
  });

  it('reverification combines with the organization check', () => {
    const facts = { userId: 'user_1', grant, factorVerificationAge: [5, -1] as [number, number] };
    expect(checkAuthorization({ reverification: 'strict' }, facts)).toBe(true);
    expect(checkAuthorization({ reverification: 'strict' }, { ...facts, factorVerificationAge: [30, -1] })).toBe(false);
    expect(checkAuthorization({ role: 'org:admin', reverification: 'lax' }, facts)).toBe(false);
    expect(checkAuthorization({ role: 'org:member', reverification: { level: 'first_factor', afterMinutes: 1 } }, facts)).toBe(false);
    expect(() => checkAuthorization({ reverification: 'sometimes' as never }, facts)).toThrow(expect.objectContaining({ code: 'invalid_reverification' }));
  });

  it('reads v2 o/fea/fpm claims and v1 org_* claims', () => {
    const v2 = organizationFromClaims({
      __raw: '',
      iat: 0,
      exp: 1,
      fea: 'o:sys_profile,o:sys_memberships',
      o: { id: 'org_1', rol: 'admin', per: 'manage,read', fpm: '1,3' },
    });
    expect(v2).toEqual({
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgPermissions: ['org:sys_profile:manage', 'org:sys_memberships:manage', 'org:sys_memberships:read'],
    });
    const v1 = organizationFromClaims({ __raw: '', iat: 0, exp: 1, org_id: 'org_2', org_role: 'org:member', org_permissions: ['org:x:read'] });
    expect(v1).toEqual({ orgId: 'org_2', orgRole: 'org:member', orgPermissions: ['org:x:read'] });
    expect(organizationFromClaims({ __raw: '', iat: 0, exp: 1 })).toBeNull();
  });
});

describe('OrganizationDomain', () => {
  it('reads FAPI’s affiliation and ownership verifications into ClerkJS’s shapes', () => {
    const ctx = {} as ConstructorParameters<typeof OrganizationDomain>[0];
    const domain = new OrganizationDomain(ctx, {
      object: 'organization_domain',
      id: 'dmn_1',
      affiliation_verification: { status: 'verified', strategy: 'email_code', attempts: 1, expires_at: 1_700_000_000_000 },
      ownership_verification: { status: 'unverified', strategy: 'txt', attempts: null, expire_at: 1_700_000_100_000, txt_record_name: '_clerk.acme.test' },
    });
    expect(domain.affiliationVerification).toEqual({ status: 'verified', strategy: 'email_code', attempts: 1, expiresAt: new Date(1_700_000_000_000) });
    expect(domain.verification).toBe(domain.affiliationVerification);
    expect(domain.ownershipVerification).toEqual({
      status: 'unverified',
      strategy: 'txt',
      attempts: null,
      expiresAt: new Date(1_700_000_100_000),
      verifiedAt: null,
      txtRecordName: '_clerk.acme.test',
      txtRecordValue: null,
    });
    domain.fromJSON({ object: 'organization_domain', id: 'dmn_1', verification: null });
    expect([domain.verification, domain.affiliationVerification, domain.ownershipVerification]).toEqual([null, null, null]);
  });
});
