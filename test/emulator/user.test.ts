import { describe, expect, it } from 'vitest';
import { createEmulator, totpCode } from '../../emulator/index.js';
import { BASE, devBrowser, signInWithPassword } from './helpers.js';

async function signedIn(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123' }] }, ...options });
  const fapi = await devBrowser(emulator);
  const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
  return { emulator, fapi, sessionId, q: { _clerk_session_id: sessionId } };
}

describe('/v1/me', () => {
  it('updates names and merges unsafe metadata', async () => {
    const { fapi, q } = await signedIn();
    const updated = await fapi('PATCH', '/me', { first_name: 'Ada', last_name: 'Lovelace' }, q);
    expect(updated.json.response).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });
    expect(updated.json.client.sessions[0].user.first_name).toBe('Ada');
    await fapi('PATCH', '/me/metadata', { unsafe_metadata: { theme: 'dark', nested: { a: 1, b: 2 } } }, q);
    const merged = await fapi('PATCH', '/me/metadata', { unsafe_metadata: { nested: { b: null, c: 3 }, theme: null } }, q);
    expect(merged.json.response.unsafe_metadata).toEqual({ nested: { a: 1, c: 3 } });
  });

  it('adds, verifies, makes primary and deletes an email address', async () => {
    const { emulator, fapi, q } = await signedIn();
    const created = await fapi('POST', '/me/email_addresses/', { email_address: 'second@example.com' }, q);
    const id = created.json.response.id;
    expect(created.json.response.verification).toBeNull();
    await fapi('POST', `/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' }, q);
    const message = emulator.outbox.latest('second@example.com')!;
    expect(message.purpose).toBe('verification');
    const verified = await fapi('POST', `/me/email_addresses/${id}/attempt_verification`, { code: message.code! }, q);
    expect(verified.json.response.verification.status).toBe('verified');
    const primary = await fapi('PATCH', '/me', { primary_email_address_id: id }, q);
    expect(primary.json.response.primary_email_address_id).toBe(id);
    const taken = await fapi('POST', '/me/email_addresses/', { email_address: 'second@example.com' }, q);
    expect(taken.json.errors[0].code).toBe('form_identifier_exists');
    const deleted = await fapi('DELETE', `/me/email_addresses/${id}`, undefined, q);
    expect(deleted.json.response).toEqual({ object: 'email_address', id, deleted: true });
  });

  it('refuses to delete the last identification (FAPI identification_deletion_failed)', async () => {
    const { fapi, q } = await signedIn();
    const me = (await fapi('GET', '/me', undefined, q)).json.response;
    const only = me.email_addresses[0].id;
    const refused = await fapi('DELETE', `/me/email_addresses/${only}`, undefined, q);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]).toMatchObject({ code: 'identification_deletion_failed', long_message: 'You cannot delete your last identification.' });
    expect((await fapi('GET', '/me', undefined, q)).json.response.email_addresses).toHaveLength(1);
    // With a second identification (a username) the email may go.
    await fapi('PATCH', '/me', { username: 'ada_l' }, q);
    const deleted = await fapi('DELETE', `/me/email_addresses/${only}`, undefined, q);
    expect(deleted.json.response).toMatchObject({ id: only, deleted: true });
  });

  it('changes the password after checking the current one', async () => {
    const { emulator, fapi, q } = await signedIn();
    const wrong = await fapi('POST', '/me/change_password', { current_password: 'nope', new_password: 'another-pass' }, q);
    expect(wrong.json.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { param_name: 'current_password' } });
    const ok = await fapi('POST', '/me/change_password', { current_password: 'password123', new_password: 'another-pass' }, q);
    expect(ok.status).toBe(200);
    const other = await devBrowser(emulator);
    await expect(signInWithPassword(other, 'ada@example.com', 'another-pass')).resolves.toMatch(/^sess_/);
  });

  it('sets up TOTP: secret + uri, verification with a computed code, backup codes', async () => {
    const now = Date.UTC(2030, 5, 1);
    const { fapi, q } = await signedIn({ now: () => now });
    const created = await fapi('POST', '/me/totp', {}, q);
    const totp = created.json.response;
    expect(totp).toMatchObject({ object: 'totp', verified: false });
    expect(totp.secret).toMatch(/^[A-Z2-7]+$/);
    expect(totp.uri).toContain(`secret=${totp.secret}`);
    const bad = await fapi('POST', '/me/totp/attempt_verification', { code: '000000' === totpCode(totp.secret, now) ? '111111' : '000000' }, q);
    expect(bad.json.errors[0].code).toBe('form_code_incorrect');
    const verified = await fapi('POST', '/me/totp/attempt_verification', { code: totpCode(totp.secret, now) }, q);
    expect(verified.json.response.verified).toBe(true);
    expect(verified.json.response.backup_codes).toHaveLength(10);
    expect(verified.json.client.sessions[0].user).toMatchObject({ totp_enabled: true, two_factor_enabled: true, backup_code_enabled: true });
    const regenerated = await fapi('POST', '/me/backup_codes/', {}, q);
    expect(regenerated.json.response.object).toBe('backup_code');
    expect(regenerated.json.response.codes).toHaveLength(10);
    const removed = await fapi('DELETE', '/me/totp', undefined, q);
    expect(removed.json.response.deleted).toBe(true);
    expect(removed.json.client.sessions[0].user.two_factor_enabled).toBe(false);
  });

  it('stores a multipart profile image as a data URL and removes it', async () => {
    const { emulator, fapi, sessionId } = await signedIn();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'me.png');
    const response = await emulator.handle(
      new Request(`${BASE}/v1/me/profile_image?_clerk_session_id=${sessionId}&__clerk_db_jwt=${fapi.token}`, { method: 'POST', body: form }),
    );
    const json = await response.json();
    expect(json.response.object).toBe('image');
    expect(json.response.public_url).toBe('data:image/png;base64,iVBORw==');
    expect(json.client.sessions[0].user.has_image).toBe(true);
    const removed = await fapi('DELETE', '/me/profile_image', undefined, { _clerk_session_id: sessionId });
    expect(removed.json.client.sessions[0].user.has_image).toBe(false);
  });

  it('deleting the user signs them out everywhere', async () => {
    const { fapi, q } = await signedIn();
    const deleted = await fapi('DELETE', '/me', undefined, q);
    expect(deleted.json.response).toMatchObject({ object: 'user', deleted: true });
    expect(deleted.json.client.sessions).toEqual([]);
    const again = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    expect(again.json.errors[0].code).toBe('form_identifier_not_found');
  });

  it('answers 401 signed_out without a session', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    const result = await fapi('GET', '/me');
    expect(result.status).toBe(401);
    expect(result.json.errors[0].code).toBe('signed_out');
  });
});
