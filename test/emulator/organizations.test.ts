import { describe, expect, it } from 'vitest';
import { createEmulator, totpCode } from '../../emulator/index.js';
import { decodePart, devBrowser, signInWithPassword } from './helpers.js';

const users = [
  { emailAddress: 'ada@example.com', password: 'password123' },
  { emailAddress: 'bob@example.com', password: 'password123' },
  { emailAddress: 'carol@example.com', password: 'password123' },
  // A second factor: a ticket sign-in stops at needs_second_factor.
  { emailAddress: 'tess@example.com', password: 'password123', totpSecret: 'JBSWY3DPEHPK3PXP' },
];

/** Ada (admin) and Bob, each signed in on their own browser, with an organization created by Ada. */
async function setup(options: Omit<Parameters<typeof createEmulator>[0] & object, 'seed'> = {}) {
  const emulator = createEmulator({ ...options, seed: { users } });
  const ada = await devBrowser(emulator);
  const bob = await devBrowser(emulator);
  const adaSession = await signInWithPassword(ada, 'ada@example.com', 'password123');
  const bobSession = await signInWithPassword(bob, 'bob@example.com', 'password123');
  const a = { _clerk_session_id: adaSession };
  const b = { _clerk_session_id: bobSession };
  const org = (await ada('POST', '/organizations', { name: 'Acme Inc' }, a)).json.response;
  return { emulator, ada, bob, a, b, adaSession, bobSession, org };
}

describe('organizations', () => {
  it('invites, lists, revokes; the invitee sees and accepts their invitation', async () => {
    const { ada, bob, a, b, org } = await setup();
    const invited = await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a);
    expect(invited.status).toBe(200);
    expect(invited.json.response).toMatchObject({
      object: 'organization_invitation',
      email_address: 'bob@example.com',
      role: 'org:member',
      status: 'pending',
      organization_id: org.id,
    });
    expect(invited.json.response.id).toMatch(/^orginv_/);
    const duplicate = await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a);
    expect(duplicate.status).toBe(400);
    const badRole = await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'x@example.com', role: 'org:owner' }, a);
    expect(badRole.json.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'role' } });

    const bulk = await ada('POST', `/organizations/${org.id}/invitations/bulk`, { email_address: ['c@example.com', 'd@example.com'], role: 'org:admin' }, a);
    expect(bulk.json.response.map((i: any) => i.email_address)).toEqual(['c@example.com', 'd@example.com']);
    const revoked = await ada('POST', `/organizations/${org.id}/invitations/${bulk.json.response[0].id}/revoke`, {}, a);
    expect(revoked.json.response.status).toBe('revoked');

    const pending = await ada('GET', `/organizations/${org.id}/invitations`, undefined, { ...a, status: 'pending' });
    expect(pending.json.response.total_count).toBe(2);
    expect((await ada('GET', `/organizations/${org.id}`, undefined, a)).json.response.pending_invitations_count).toBe(2);

    // Bob is not an admin (not even a member yet): he cannot list the org's invitations.
    expect((await bob('GET', `/organizations/${org.id}/invitations`, undefined, b)).status).toBe(404);
    const mine = await bob('GET', '/me/organization_invitations', undefined, b);
    expect(mine.json.response.data).toHaveLength(1);
    expect(mine.json.response.data[0]).toMatchObject({ status: 'pending', public_organization_data: { id: org.id, name: 'Acme Inc' } });
    const accepted = await bob('POST', `/me/organization_invitations/${mine.json.response.data[0].id}/accept`, {}, b);
    expect(accepted.json.response.status).toBe('accepted');
    expect(accepted.json.client.sessions[0].user.organization_memberships[0]).toMatchObject({ role: 'org:member', organization: { id: org.id } });
    const member = await bob('GET', `/organizations/${org.id}/invitations`, undefined, b);
    expect(member.status).toBe(403);
    expect(member.json.errors[0].code).toBe('not_allowed_access');
  });

  it('admins change roles and remove members; the last admin stays', async () => {
    const { ada, bob, a, b, adaSession, bobSession, org } = await setup();
    const bobId = (await bob('GET', '/me', undefined, b)).json.response.id;
    const adaId = (await ada('GET', '/me', undefined, a)).json.response.id;
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).json.response;
    await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b);

    const lastAdmin = await ada('PATCH', `/organizations/${org.id}/memberships/${adaId}`, { role: 'org:member' }, a);
    expect(lastAdmin.status).toBe(400);
    expect(lastAdmin.json.errors[0].code).toBe('organization_minimum_permissions_needed');
    const leaveRefused = await ada('DELETE', `/me/organization_memberships/${org.id}`, undefined, a);
    expect(leaveRefused.json.errors[0].code).toBe('organization_minimum_permissions_needed');
    const notAdmin = await bob('PATCH', `/organizations/${org.id}/memberships/${adaId}`, { role: 'org:member' }, b);
    expect(notAdmin.status).toBe(403);

    const promoted = await ada('PATCH', `/organizations/${org.id}/memberships/${bobId}`, { role: 'org:admin' }, a);
    expect(promoted.json.response).toMatchObject({ role: 'org:admin', public_user_data: { user_id: bobId } });
    await bob('POST', `/client/sessions/${bobSession}/touch`, { active_organization_id: org.id });
    const token = (await bob('POST', `/client/sessions/${bobSession}/tokens`, {})).json.jwt;
    expect(decodePart(token, 1).o).toMatchObject({ id: org.id, rol: 'admin' });

    const removed = await bob('DELETE', `/organizations/${org.id}/memberships/${adaId}`, undefined, b);
    expect(removed.json.response.public_user_data.user_id).toBe(adaId);
    expect((await ada('GET', `/organizations/${org.id}`, undefined, a)).status).toBe(404);
    const adaClient = (await ada('GET', '/client')).json.response;
    expect(adaClient.sessions.find((s: any) => s.id === adaSession).user.organization_memberships).toEqual([]);
  });

  it('updates name and slug (unique), leaves, and deletes', async () => {
    const { ada, bob, a, b, org } = await setup();
    const other = (await bob('POST', '/organizations', { name: 'Other Org' }, b)).json.response;
    const renamed = await ada('PATCH', `/organizations/${org.id}`, { name: 'Acme Two', slug: 'acme-two' }, a);
    expect(renamed.json.response).toMatchObject({ name: 'Acme Two', slug: 'acme-two' });
    const taken = await ada('PATCH', `/organizations/${org.id}`, { slug: other.slug }, a);
    expect(taken.json.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'slug' } });
    const invalid = await ada('PATCH', `/organizations/${org.id}`, { slug: 'Not A Slug' }, a);
    expect(invalid.json.errors[0].code).toBe('form_param_format_invalid');

    // The sole member may leave.
    const left = await bob('DELETE', `/me/organization_memberships/${other.id}`, undefined, b);
    expect(left.json.response).toMatchObject({ deleted: true, organization: { id: other.id } });

    const deleted = await ada('DELETE', `/organizations/${org.id}`, undefined, a);
    expect(deleted.json.response).toEqual({ object: 'organization', id: org.id, deleted: true });
    expect((await ada('GET', `/organizations/${org.id}`, undefined, a)).status).toBe(404);
  });
});

describe('organization rules', () => {
  it('the creator is admin and the token of the active organization carries o { id, slg, rol, per }', async () => {
    const { ada, bob, a, b, adaSession, bobSession, org } = await setup();
    expect(org.slug).toBe('acme-inc');
    const adaMembership = (await ada('GET', '/me/organization_memberships', undefined, { ...a, paginated: 'true' })).json.response;
    expect(adaMembership).toMatchObject({ total_count: 1, data: [{ role: 'org:admin', organization: { id: org.id } }] });
    expect(adaMembership.data[0].permissions).toContain('org:sys_memberships:manage');

    const touched = await ada('POST', `/client/sessions/${adaSession}/touch`, { active_organization_id: org.id, intent: 'select_org' });
    const session = touched.json.response;
    expect(session.last_active_organization_id).toBe(org.id);
    const claims = decodePart(session.last_active_token.jwt, 1);
    expect(claims.o).toMatchObject({ id: org.id, slg: 'acme-inc', rol: 'admin', per: 'manage,delete,read' });
    // One bitmask per o: feature over `per`: the admin manages and reads memberships.
    expect(claims.fea).toBe('o:sys_profile,o:sys_memberships,o:sys_domains');
    expect(claims.o.fpm.split(',').map(Number)[1]).toBe(0b101);

    // A member's token says member; a non-member cannot ask for the organization's token.
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).json.response;
    await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b);
    const bobToken = await bob('POST', `/client/sessions/${bobSession}/tokens`, { organization_id: org.id });
    expect(decodePart(bobToken.json.jwt, 1).o).toMatchObject({ id: org.id, rol: 'member', fpm: '0,4,0' });
    const personal = await ada('POST', `/client/sessions/${adaSession}/tokens`, { organization_id: '' });
    expect(decodePart(personal.json.jwt, 1).o).toBeUndefined();
  });

  it('slugs: derived from the name, lowercase letters/digits/-/_ only, unique', async () => {
    const { ada, a } = await setup();
    const bad = await ada('POST', '/organizations', { name: 'Bad', slug: 'Has Spaces' }, a);
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'slug' } });
    const taken = await ada('POST', '/organizations', { name: 'Acme Inc' }, a);
    expect(taken.json.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'slug' } });
    const custom = await ada('POST', '/organizations', { name: 'Acme Inc', slug: 'acme_2' }, a);
    expect(custom.json.response.slug).toBe('acme_2');
    expect((await ada('POST', '/organizations', {}, a)).json.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'name' } });
  });

  it('organizations off in the environment: organization_settings.enabled is false and every endpoint refuses', async () => {
    const { emulator, ada, a, org } = await setup();
    expect((await ada('GET', '/environment')).json.organization_settings.enabled).toBe(true);
    emulator.updateSettings({ organizations: false });
    const env = (await ada('GET', '/environment')).json;
    expect(env.organization_settings.enabled).toBe(false);
    expect(env.organization_settings.domains.enabled).toBe(false);
    for (const [method, path] of [
      ['POST', '/organizations'],
      ['GET', `/organizations/${org.id}`],
      ['GET', '/me/organization_memberships'],
      ['GET', '/me/organization_suggestions'],
    ] as const) {
      const refused = await ada(method, path, method === 'POST' ? { name: 'X' } : undefined, a);
      expect([path, refused.status, refused.json.errors[0].code]).toEqual([path, 403, 'organizations_not_enabled']);
    }
  });

  it('invitations are delivered to the outbox; admins add members by user id; roles list their permissions', async () => {
    const { emulator, ada, bob, a, b, org } = await setup();
    await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'carol@example.com', role: 'org:admin' }, a);
    const mail = emulator.outbox.latest('carol@example.com');
    expect(mail).toMatchObject({ channel: 'email', purpose: 'organization_invitation' });
    expect(mail!.text).toContain('Acme Inc');

    const bobId = (await bob('GET', '/me', undefined, b)).json.response.id;
    const added = await ada('POST', `/organizations/${org.id}/memberships`, { user_id: bobId, role: 'org:member' }, a);
    expect(added.json.response).toMatchObject({ role: 'org:member', public_user_data: { user_id: bobId } });
    expect((await ada('POST', `/organizations/${org.id}/memberships`, { user_id: bobId, role: 'org:member' }, a)).json.errors[0].code).toBe(
      'already_a_member_in_organization',
    );
    expect((await ada('POST', `/organizations/${org.id}/memberships`, { user_id: 'user_nobody', role: 'org:member' }, a)).json.errors[0].meta.param_name).toBe(
      'user_id',
    );
    // Bob, a member, cannot add anyone.
    expect((await bob('POST', `/organizations/${org.id}/memberships`, { user_id: bobId, role: 'org:admin' }, b)).status).toBe(403);

    const roles = (await bob('GET', `/organizations/${org.id}/roles`, undefined, { ...b, limit: '10', offset: '0' })).json.response;
    expect(roles.total_count).toBe(2);
    expect(roles.data.map((r: any) => r.key)).toEqual(['org:admin', 'org:member']);
    expect(roles.data[1].permissions.map((p: any) => p.key)).toEqual(['org:sys_memberships:read']);
    const page2 = (await bob('GET', `/organizations/${org.id}/roles`, undefined, { ...b, limit: '1', offset: '1' })).json.response;
    expect(page2).toMatchObject({ total_count: 2, data: [{ key: 'org:member' }] });
  });

  it('logo: PUT multipart stores the image and answers its URL; DELETE removes it; members cannot', async () => {
    const { emulator, ada, bob, a, b, org, adaSession, bobSession } = await setup();
    const upload = async (token: string | undefined, sessionId: string, body: FormData) => {
      const url = new URL(`https://emulator.accounts.dev/v1/organizations/${org.id}/logo?_method=PUT&__clerk_db_jwt=${token}&_clerk_session_id=${sessionId}`);
      const response = await emulator.handle(new Request(url, { method: 'POST', headers: { origin: 'http://localhost:3000' }, body }));
      return { status: response.status, json: await response.json() };
    };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'logo.png');
    const stored = await upload(ada.token, adaSession, form);
    expect(stored.status).toBe(200);
    expect(stored.json.response).toMatchObject({ id: org.id, has_image: true, image_url: 'data:image/png;base64,iVBORw==' });
    expect((await ada('GET', `/organizations/${org.id}`, undefined, a)).json.response.image_url).toBe('data:image/png;base64,iVBORw==');

    const text = new FormData();
    text.append('file', new Blob(['hello'], { type: 'text/plain' }), 'x.txt');
    expect((await upload(ada.token, adaSession, text)).json.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'file' } });
    expect((await upload(bob.token, bobSession, form)).status).toBe(404);

    const removed = await ada('DELETE', `/organizations/${org.id}/logo`, undefined, a);
    expect(removed.json.response.has_image).toBe(false);
    expect(removed.json.response.image_url).not.toContain('image/png');
    void b;
  });

  it('creation defaults suggest a name and slug from the email domain, with an advisory when taken', async () => {
    const { ada, a } = await setup();
    const defaults = (await ada('GET', '/me/organization_creation_defaults', undefined, a)).json.response;
    expect(defaults).toMatchObject({ advisory: null, form: { name: 'Example', slug: 'example' } });
    await ada('POST', '/organizations', { name: 'Example' }, a);
    const again = (await ada('GET', '/me/organization_creation_defaults', undefined, a)).json.response;
    expect(again.advisory).toMatchObject({ code: 'organization_already_exists', severity: 'warning' });
  });
});

describe('organization domains', () => {
  /** Ada admin of Acme; Bob and Dan have verified addresses at acme.test. */
  async function domainSetup() {
    const emulator = createEmulator({
      seed: {
        users: [
          { emailAddress: 'ada@acme.test', password: 'password123' },
          { emailAddress: 'bob@acme.test', password: 'password123' },
          { emailAddress: 'dan@acme.test', password: 'password123' },
        ],
      },
    });
    const browsers = await Promise.all([0, 1, 2].map(() => devBrowser(emulator)));
    const [ada, bob, dan] = browsers;
    const sessions = [
      await signInWithPassword(ada, 'ada@acme.test', 'password123'),
      await signInWithPassword(bob, 'bob@acme.test', 'password123'),
      await signInWithPassword(dan, 'dan@acme.test', 'password123'),
    ];
    const [a, b, d] = sessions.map((s) => ({ _clerk_session_id: s }));
    const org = (await ada('POST', '/organizations', { name: 'Acme' }, a)).json.response;
    return { emulator, ada, bob, dan, a, b, d, org };
  }

  it('create: valid, not a public provider, unique; affiliation code goes to the outbox and verifies the domain', async () => {
    const { emulator, ada, bob, a, b, org } = await domainSetup();
    expect((await ada('POST', `/organizations/${org.id}/domains`, { name: 'not a domain' }, a)).json.errors[0].code).toBe('form_param_format_invalid');
    expect((await ada('POST', `/organizations/${org.id}/domains`, { name: 'gmail.com' }, a)).json.errors[0].code).toBe('organization_domain_common');
    const created = await ada('POST', `/organizations/${org.id}/domains`, { name: 'acme.test' }, a);
    const domain = created.json.response;
    expect(domain).toMatchObject({
      object: 'organization_domain',
      name: 'acme.test',
      organization_id: org.id,
      enrollment_mode: 'manual_invitation',
      verification: null,
    });
    expect((await ada('POST', `/organizations/${org.id}/domains`, { name: 'acme.test' }, a)).json.errors[0].code).toBe('organization_domain_exists');
    // Only admins see or change domains.
    expect((await bob('GET', `/organizations/${org.id}/domains`, undefined, b)).status).toBe(404);

    const base = `/organizations/${org.id}/domains/${domain.id}`;
    const mismatch = await ada('POST', `${base}/prepare_affiliation_verification`, { affiliation_email_address: 'ada@other.test' }, a);
    expect(mismatch.json.errors[0].meta.param_name).toBe('affiliation_email_address');
    expect((await ada('POST', `${base}/update_enrollment_mode`, { enrollment_mode: 'automatic_suggestion' }, a)).json.errors[0].code).toBe(
      'organization_domain_not_verified',
    );
    const prepared = await ada('POST', `${base}/prepare_affiliation_verification`, { affiliation_email_address: 'ada@acme.test' }, a);
    expect(prepared.json.response).toMatchObject({
      affiliation_email_address: 'ada@acme.test',
      verification: { status: 'unverified', strategy: 'email_code' },
    });
    const code = emulator.outbox.latest('ada@acme.test')!.code!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await ada('POST', `${base}/attempt_affiliation_verification`, { code: code === '000000' ? '111111' : '000000' }, a);
    expect(wrong.json.errors[0].code).toBe('form_code_incorrect');
    const verified = await ada('POST', `${base}/attempt_affiliation_verification`, { code }, a);
    expect(verified.json.response.verification.status).toBe('verified');
    const listed = (await ada('GET', `/organizations/${org.id}/domains`, undefined, { ...a, verified: 'true' })).json.response;
    expect(listed).toMatchObject({ total_count: 1, data: [{ id: domain.id }] });

    const gone = await ada('DELETE', base, undefined, a);
    expect(gone.json.response).toEqual({ object: 'organization_domain', id: domain.id, deleted: true });
    expect((await ada('GET', base, undefined, a)).status).toBe(404);
  });

  /** A verified acme.test domain in the given enrollment mode. */
  async function verifiedDomain(s: Awaited<ReturnType<typeof domainSetup>>, mode: string) {
    const domain = (await s.ada('POST', `/organizations/${s.org.id}/domains`, { name: 'acme.test' }, s.a)).json.response;
    const base = `/organizations/${s.org.id}/domains/${domain.id}`;
    await s.ada('POST', `${base}/prepare_affiliation_verification`, { affiliation_email_address: 'ada@acme.test' }, s.a);
    await s.ada('POST', `${base}/attempt_affiliation_verification`, { code: s.emulator.outbox.latest('ada@acme.test')!.code! }, s.a);
    const updated = await s.ada('POST', `${base}/update_enrollment_mode`, { enrollment_mode: mode }, s.a);
    expect(updated.json.response.enrollment_mode).toBe(mode);
    return base;
  }

  it('automatic_suggestion: users at the domain get a suggestion; accepting asks to join; admins accept or reject', async () => {
    const s = await domainSetup();
    const { ada, bob, dan, a, b, d, org } = s;
    await verifiedDomain(s, 'automatic_suggestion');
    const suggestions = (await bob('GET', '/me/organization_suggestions', undefined, b)).json.response;
    expect(suggestions).toMatchObject({
      total_count: 1,
      data: [{ object: 'organization_suggestion', status: 'pending', public_organization_data: { id: org.id } }],
    });
    // Ada is a member: nothing to suggest.
    expect((await ada('GET', '/me/organization_suggestions', undefined, a)).json.response.total_count).toBe(0);

    const accepted = await bob('POST', `/me/organization_suggestions/${suggestions.data[0].id}/accept`, {}, b);
    expect(accepted.json.response.status).toBe('accepted');
    expect((await bob('POST', `/me/organization_suggestions/${suggestions.data[0].id}/accept`, {}, b)).status).toBe(400);
    const danSuggestion = (await dan('GET', '/me/organization_suggestions', undefined, d)).json.response.data[0];
    await dan('POST', `/me/organization_suggestions/${danSuggestion.id}/accept`, {}, d);

    const requests = (await ada('GET', `/organizations/${org.id}/membership_requests`, undefined, { ...a, status: 'pending' })).json.response;
    expect(requests.total_count).toBe(2);
    const bobRequest = requests.data.find((r: any) => r.public_user_data.identifier === 'bob@acme.test');
    const danRequest = requests.data.find((r: any) => r.public_user_data.identifier === 'dan@acme.test');
    expect((await bob('GET', `/organizations/${org.id}/membership_requests`, undefined, b)).status).toBe(404);

    const ok = await ada('POST', `/organizations/${org.id}/membership_requests/${bobRequest.id}/accept`, {}, a);
    expect(ok.json.response.status).toBe('accepted');
    const no = await ada('POST', `/organizations/${org.id}/membership_requests/${danRequest.id}/reject`, {}, a);
    expect(no.json.response.status).toBe('rejected');
    expect((await ada('POST', `/organizations/${org.id}/membership_requests/${danRequest.id}/accept`, {}, a)).json.errors[0].code).toBe(
      'membership_request_not_pending',
    );

    const bobOrgs = (await bob('GET', '/me/organization_memberships', undefined, b)).json.response;
    expect(bobOrgs.data.map((m: any) => [m.organization.id, m.role])).toEqual([[org.id, 'org:member']]);
    expect((await dan('GET', '/me/organization_memberships', undefined, d)).json.response.total_count).toBe(0);
  });

  it('automatic_invitation: users at the domain find a pending invitation and can accept it', async () => {
    const s = await domainSetup();
    const { bob, b, org } = s;
    await verifiedDomain(s, 'automatic_invitation');
    const invitations = (await bob('GET', '/me/organization_invitations', undefined, b)).json.response;
    expect(invitations).toMatchObject({ total_count: 1, data: [{ role: 'org:member', status: 'pending', public_organization_data: { id: org.id } }] });
    const accepted = await bob('POST', `/me/organization_invitations/${invitations.data[0].id}/accept`, {}, b);
    expect(accepted.json.response.status).toBe('accepted');
    expect((await bob('GET', '/me/organization_invitations', undefined, b)).json.response.total_count).toBe(0);
  });

  it('max_allowed_memberships: members plus pending invitations are capped on invite, bulk invite, add and accept', async () => {
    const { emulator, ada, bob, a, b, org } = await setup({ settings: { maxAllowedMemberships: 2 } });
    expect(org.max_allowed_memberships).toBe(2);
    expect((await ada('GET', '/environment')).json.organization_settings.max_allowed_memberships).toBe(2);
    const bulk = await ada('POST', `/organizations/${org.id}/invitations/bulk`, { email_address: ['bob@example.com', 'c@example.com'], role: 'org:member' }, a);
    expect(bulk.status).toBe(403);
    expect(bulk.json.errors[0].code).toBe('organization_membership_quota_exceeded');
    // Nothing of the refused batch was created.
    expect((await ada('GET', `/organizations/${org.id}/invitations`, undefined, a)).json.response.total_count).toBe(0);
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).json.response;
    const over = await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'c@example.com', role: 'org:member' }, a);
    expect(over.json.errors[0].code).toBe('organization_membership_quota_exceeded');
    // Bob's pending invitation holds the seat he takes when accepting.
    expect((await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b)).status).toBe(200);
    const carol = await devBrowser(emulator);
    const carolSession = await signInWithPassword(carol, 'carol@example.com', 'password123');
    const carolId = (await carol('GET', '/me', undefined, { _clerk_session_id: carolSession })).json.response.id;
    const add = await ada('POST', `/organizations/${org.id}/memberships`, { user_id: carolId, role: 'org:member' }, a);
    expect(add.json.errors[0].code).toBe('organization_membership_quota_exceeded');
    // Raising the limit on the organization lifts the cap.
    await ada('PATCH', `/organizations/${org.id}`, { max_allowed_memberships: 3 }, a);
    expect((await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'c@example.com', role: 'org:member' }, a)).status).toBe(200);
  });

  it('custom roles from settings: listed by getRoles, assignable, and encoded in the token o claim', async () => {
    const organizationRoles = [
      { key: 'org:billing', name: 'Billing manager', permissions: ['org:sys_memberships:read', 'org:invoices:read', 'org:invoices:pay'] },
    ];
    const { ada, bob, a, b, bobSession, org } = await setup({ settings: { organizationRoles } });
    const roles = (await ada('GET', `/organizations/${org.id}/roles`, undefined, a)).json.response;
    expect(roles.data.map((r: any) => r.key)).toEqual(['org:admin', 'org:member', 'org:billing']);
    const billing = roles.data[2];
    expect(billing).toMatchObject({ name: 'Billing manager' });
    expect(billing.permissions.map((p: any) => [p.key, p.type])).toEqual([
      ['org:sys_memberships:read', 'system'],
      ['org:invoices:read', 'user'],
      ['org:invoices:pay', 'user'],
    ]);
    const unknown = await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:owner' }, a);
    expect(unknown.json.errors[0].long_message).toContain('org:billing');
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:billing' }, a)).json.response;
    expect(invitation.role_name).toBe('Billing manager');
    const accepted = await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b);
    const membership = accepted.json.client.sessions[0].user.organization_memberships[0];
    expect(membership).toMatchObject({ role: 'org:billing', role_name: 'Billing manager', permissions: organizationRoles[0].permissions });
    await bob('POST', `/client/sessions/${bobSession}/touch`, { active_organization_id: org.id });
    const claims = decodePart((await bob('POST', `/client/sessions/${bobSession}/tokens`, {})).json.jwt, 1);
    const features = claims.fea.split(',');
    const verbs = claims.o.per.split(',');
    const masks = claims.o.fpm.split(',').map(Number);
    expect(features).toEqual(['o:sys_profile', 'o:sys_memberships', 'o:sys_domains', 'o:invoices']);
    const granted = features.flatMap((f: string, i: number) =>
      verbs.filter((_: string, bit: number) => masks[i] & (1 << bit)).map((v: string) => `org:${f.slice(2)}:${v}`),
    );
    expect(granted.sort()).toEqual([...organizationRoles[0].permissions].sort());
    expect(claims.o.rol).toBe('billing');
  });

  it('invitations expire after invitationLifetimeSeconds: listed as expired, cannot be accepted', async () => {
    let now = Date.now();
    const { ada, bob, a, b, org } = await setup({ settings: { invitationLifetimeSeconds: 60 }, now: () => now });
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).json.response;
    expect(invitation.expires_at).toBe(invitation.created_at + 60_000);
    now += 61_000;
    expect((await bob('GET', '/me/organization_invitations', undefined, b)).json.response.data).toEqual([]);
    const accept = await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b);
    expect(accept.status).toBe(400);
    expect(accept.json.errors[0].code).toBe('organization_invitation_not_pending');
    const listed = (await ada('GET', `/organizations/${org.id}/invitations`, undefined, { ...a, status: 'expired' })).json.response;
    expect(listed.data.map((i: any) => [i.id, i.status])).toEqual([[invitation.id, 'expired']]);
    // An expired invitation no longer blocks a new one to the same address.
    expect((await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).status).toBe(200);
  });

  it('member list: query matches names and email addresses; role filters', async () => {
    const { ada, bob, a, b, org } = await setup();
    const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'bob@example.com', role: 'org:member' }, a)).json.response;
    await bob('POST', `/me/organization_invitations/${invitation.id}/accept`, {}, b);
    const list = async (query: Record<string, string>) =>
      (await ada('GET', `/organizations/${org.id}/memberships`, undefined, { ...a, ...query })).json.response.data.map(
        (m: any) => m.public_user_data.identifier,
      );
    expect(await list({})).toEqual(['ada@example.com', 'bob@example.com']);
    expect(await list({ query: 'BOB' })).toEqual(['bob@example.com']);
    expect(await list({ role: 'org:admin' })).toEqual(['ada@example.com']);
    expect(await list({ query: 'nobody' })).toEqual([]);
  });

  describe('invitation tickets', () => {
    /** The link in the invitation email, and its `__clerk_ticket` / `__clerk_status` query. */
    function invitationLink(emulator: ReturnType<typeof createEmulator>, email: string) {
      const { text, link: href } = emulator.outbox.latest(email)!;
      expect(text).toContain(href);
      const link = new URL(href!);
      return { link, ticket: link.searchParams.get('__clerk_ticket')!, status: link.searchParams.get('__clerk_status') };
    }

    it('a ticket sign-up verifies the invited address, then the new user joins with the role', async () => {
      const { emulator, ada, a, org } = await setup();
      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'dora@example.com', role: 'org:admin' }, a);
      const { link, ticket, status } = invitationLink(emulator, 'dora@example.com');
      expect(link.pathname).toBe('/sign-up');
      expect(status).toBe('sign_up');
      expect(ticket).toMatch(/^\S{16,}$/);

      const dora = await devBrowser(emulator);
      const created = await dora('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
      expect(created.status).toBe(200);
      expect(created.json.response).toMatchObject({
        status: 'missing_requirements',
        email_address: 'dora@example.com',
        missing_fields: ['password'],
        unverified_fields: [],
      });
      const completed = await dora('PATCH', `/client/sign_ups/${created.json.response.id}`, { password: 'password123' });
      expect(completed.json.response.status).toBe('complete');
      const session = completed.json.client.sessions.find((s: any) => s.id === completed.json.response.created_session_id);
      expect(session.user.organization_memberships).toMatchObject([{ role: 'org:admin', organization: { id: org.id } }]);
      const invitations = (await ada('GET', `/organizations/${org.id}/invitations`, undefined, a)).json.response.data;
      expect(invitations.map((i: any) => [i.email_address, i.status])).toEqual([['dora@example.com', 'accepted']]);

      // Used: the same ticket is refused now.
      const again = await (await devBrowser(emulator))('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
      expect(again.status).toBe(400);
      expect(again.json.errors[0]).toMatchObject({ code: 'organization_invitation_already_accepted', meta: { param_name: 'ticket' } });
    });

    it('a ticket sign-in of an existing user completes and accepts the invitation', async () => {
      const { emulator, ada, a, org } = await setup();
      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'carol@example.com', role: 'org:member' }, a);
      const { link, ticket, status } = invitationLink(emulator, 'carol@example.com');
      expect([link.pathname, status]).toEqual(['/sign-in', 'sign_in']);
      const carol = await devBrowser(emulator);
      const signIn = await carol('POST', '/client/sign_ins', { strategy: 'ticket', ticket });
      expect(signIn.json.response).toMatchObject({ status: 'complete', identifier: 'carol@example.com' });
      const session = signIn.json.client.sessions.find((s: any) => s.id === signIn.json.response.created_session_id);
      expect(session.user.organization_memberships).toMatchObject([{ role: 'org:member', organization: { id: org.id } }]);
      expect((await carol('POST', '/client/sign_ins', { strategy: 'ticket', ticket })).json.errors[0].code).toBe('organization_invitation_already_accepted');
    });

    it('a ticket sign-in that needs a second factor accepts the invitation only once the second factor completes', async () => {
      const { emulator, ada, a, org } = await setup();
      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'tess@example.com', role: 'org:member' }, a);
      const { ticket } = invitationLink(emulator, 'tess@example.com');
      const tess = await devBrowser(emulator);
      const started = await tess('POST', '/client/sign_ins', { strategy: 'ticket', ticket });
      expect(started.json.response).toMatchObject({ status: 'needs_second_factor', identifier: 'tess@example.com' });
      const statusOf = async () =>
        (await ada('GET', `/organizations/${org.id}/invitations`, undefined, { ...a, status: 'pending,accepted' })).json.response.data;
      expect((await statusOf()).map((i: any) => [i.email_address, i.status])).toEqual([['tess@example.com', 'pending']]);
      expect(
        (await ada('GET', `/organizations/${org.id}/memberships`, undefined, a)).json.response.data.map((m: any) => m.public_user_data.identifier),
      ).toEqual(['ada@example.com']);
      const wrong = await tess('POST', `/client/sign_ins/${started.json.response.id}/attempt_second_factor`, { strategy: 'totp', code: '000000' });
      expect(wrong.status).toBe(422);
      expect((await statusOf())[0].status).toBe('pending');
      const done = await tess('POST', `/client/sign_ins/${started.json.response.id}/attempt_second_factor`, {
        strategy: 'totp',
        code: totpCode('JBSWY3DPEHPK3PXP', Date.now()),
      });
      expect(done.json.response.status).toBe('complete');
      const session = done.json.client.sessions.find((s: any) => s.id === done.json.response.created_session_id);
      expect(session.user.organization_memberships).toMatchObject([{ role: 'org:member', organization: { id: org.id } }]);
      expect((await statusOf()).map((i: any) => i.status)).toEqual(['accepted']);
    });

    it('a ticket sign-in left at the second factor leaves the invitation usable; a revoke in between joins nothing', async () => {
      const { emulator, ada, a, org } = await setup();
      const invitation = (await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'tess@example.com', role: 'org:member' }, a)).json
        .response;
      const { ticket } = invitationLink(emulator, 'tess@example.com');
      const first = await devBrowser(emulator);
      expect((await first('POST', '/client/sign_ins', { strategy: 'ticket', ticket })).json.response.status).toBe('needs_second_factor');
      // Abandoned on one device: the ticket still works on another.
      const second = await devBrowser(emulator);
      const again = await second('POST', '/client/sign_ins', { strategy: 'ticket', ticket });
      expect(again.json.response.status).toBe('needs_second_factor');
      await ada('POST', `/organizations/${org.id}/invitations/${invitation.id}/revoke`, {}, a);
      const done = await second('POST', `/client/sign_ins/${again.json.response.id}/attempt_second_factor`, {
        strategy: 'totp',
        code: totpCode('JBSWY3DPEHPK3PXP', Date.now()),
      });
      expect(done.json.response.status).toBe('complete');
      const session = done.json.client.sessions.find((s: any) => s.id === done.json.response.created_session_id);
      expect(session.user.organization_memberships).toEqual([]);
    });

    it('restricted sign-up mode still admits an invited address through its ticket', async () => {
      const { emulator, ada, a, org } = await setup({ settings: { signUpMode: 'restricted' } });
      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'gus@example.com', role: 'org:member' }, a);
      const gus = await devBrowser(emulator);
      expect((await gus('POST', '/client/sign_ups', { email_address: 'gus@example.com', password: 'password123' })).json.errors[0].code).toBe(
        'not_allowed_access',
      );
      const { ticket } = invitationLink(emulator, 'gus@example.com');
      const signUp = await gus('POST', '/client/sign_ups', { strategy: 'ticket', ticket, password: 'password123' });
      expect(signUp.json.response.status).toBe('complete');
    });

    it('revoked, unknown and expired tickets are refused; a redirect_url becomes the link', async () => {
      let now = Date.now();
      const { emulator, ada, a, org } = await setup({ settings: { invitationLifetimeSeconds: 60 }, now: () => now });
      const invitation = (
        await ada(
          'POST',
          `/organizations/${org.id}/invitations`,
          { email_address: 'eve@example.com', role: 'org:member', redirect_url: 'https://app.example/join' },
          a,
        )
      ).json.response;
      const { link, ticket } = invitationLink(emulator, 'eve@example.com');
      expect(`${link.origin}${link.pathname}`).toBe('https://app.example/join');
      await ada('POST', `/organizations/${org.id}/invitations/${invitation.id}/revoke`, {}, a);
      const eve = await devBrowser(emulator);
      const revoked = await eve('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
      expect([revoked.status, revoked.json.errors[0].code]).toEqual([400, 'organization_invitation_revoked_code']);
      expect((await eve('POST', '/client/sign_ins', { strategy: 'ticket', ticket })).json.errors[0].code).toBe('organization_invitation_revoked_code');
      expect((await eve('POST', '/client/sign_ups', { strategy: 'ticket', ticket: 'not-a-ticket' })).json.errors[0].code).toBe('ticket_invalid_code');
      expect((await eve('POST', '/client/sign_ins', { strategy: 'ticket', ticket: 'not-a-ticket' })).json.errors[0].code).toBe('ticket_invalid_code');
      expect((await eve('POST', '/client/sign_ins', { strategy: 'ticket' })).json.errors[0]).toMatchObject({
        code: 'form_param_missing',
        meta: { param_name: 'ticket' },
      });

      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'fay@example.com', role: 'org:member' }, a);
      const late = invitationLink(emulator, 'fay@example.com').ticket;
      now += 61_000;
      const expired = await eve('POST', '/client/sign_ups', { strategy: 'ticket', ticket: late });
      expect([expired.status, expired.json.errors[0].code]).toEqual([400, 'ticket_expired_code']);
      expect((await eve('POST', '/client/sign_ins', { strategy: 'ticket', ticket: late })).json.errors[0].code).toBe('ticket_expired_code');

      // An invitation to an organization deleted since.
      await ada('POST', `/organizations/${org.id}/invitations`, { email_address: 'gil@example.com', role: 'org:member' }, a);
      const orphan = invitationLink(emulator, 'gil@example.com').ticket;
      await ada('DELETE', `/organizations/${org.id}`, undefined, a);
      const deleted = await eve('POST', '/client/sign_ups', { strategy: 'ticket', ticket: orphan });
      expect([deleted.status, deleted.json.errors[0].code]).toEqual([400, 'organization_invitation_to_deleted_organization']);
    });
  });
});
