import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { decodePart, devBrowser, signInWithPassword } from './helpers.js';

const users = [
  { emailAddress: 'ada@example.com', password: 'password123' },
  { emailAddress: 'bob@example.com', password: 'password123' },
];

/** Ada (admin) and Bob, each signed in on their own browser, with an organization created by Ada. */
async function setup() {
  const emulator = createEmulator({ seed: { users } });
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
