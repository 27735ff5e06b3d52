/**
 * Session tasks on the wire: instance settings and a required password reset make sessions `pending`
 * with `tasks: [{ key }]`, as FAPI sends them; doing the task (choosing an organization through touch,
 * changing the password, enabling TOTP) makes the session `active`, and its tokens say so (`sts`).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, totpCode, type EmulatorOptions } from '../../emulator/index.js';
import { BASE, decodePart, devBrowser, signInWithPassword } from './helpers.js';

const ada = { emailAddress: 'ada@example.com', password: 'password123' };

async function signedIn(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ seed: { users: [ada] }, ...options });
  const fapi = await devBrowser(emulator);
  const sessionId = await signInWithPassword(fapi, ada.emailAddress, ada.password);
  const session = async () => (await fapi('GET', '/client')).json.response.sessions.find((s: { id: string }) => s.id === sessionId);
  const tokenClaims = async () => decodePart((await fapi('POST', `/client/sessions/${sessionId}/tokens`, { organization_id: '' })).json.jwt, 1);
  return { emulator, fapi, sessionId, session, tokenClaims };
}

describe('session tasks', () => {
  it('sessions are active with tasks null when the instance requires nothing', async () => {
    const { session, tokenClaims } = await signedIn();
    expect(await session()).toMatchObject({ status: 'active', tasks: null });
    expect((await tokenClaims()).sts).toBe('active');
  });

  it('organizations required: pending with choose-organization until touch selects an organization the user belongs to', async () => {
    const { fapi, sessionId, session, tokenClaims } = await signedIn({ settings: { forceOrganizationSelection: true } });
    const signIn = (await fapi('GET', '/client')).json.response;
    expect(signIn.last_active_session_id).toBe(sessionId);
    expect(await session()).toMatchObject({ status: 'pending', tasks: [{ key: 'choose-organization' }], last_active_organization_id: null });
    // A pending session still gets tokens, marked pending.
    expect((await tokenClaims()).sts).toBe('pending');

    const env = (await fapi('GET', '/environment')).json;
    expect(env.organization_settings.force_organization_selection).toBe(true);

    // The personal workspace does not do.
    const personal = await fapi('POST', `/client/sessions/${sessionId}/touch`, { active_organization_id: '' });
    expect(personal.json.response).toMatchObject({ status: 'pending', tasks: [{ key: 'choose-organization' }] });

    const org = (await fapi('POST', '/organizations', { name: 'Acme' })).json.response;
    expect(org.object).toBe('organization');
    // Creating it is not choosing it.
    expect((await session()).status).toBe('pending');

    const touched = await fapi('POST', `/client/sessions/${sessionId}/touch`, { active_organization_id: org.id, intent: 'select_org' });
    expect(touched.json.response).toMatchObject({ status: 'active', tasks: null, last_active_organization_id: org.id });
    expect(touched.json.client.sessions[0]).toMatchObject({ status: 'active', tasks: null });
    const claims = await tokenClaims();
    expect(claims.sts).toBe('active');
  });

  it('a required password reset: pending with reset-password until the password changes, for every session of the user', async () => {
    const { emulator, fapi, sessionId, session } = await signedIn();
    const userId = (await fapi('GET', '/me')).json.response.id;
    emulator.requirePasswordReset(userId);
    expect(await session()).toMatchObject({ status: 'pending', tasks: [{ key: 'reset-password' }] });
    // A new sign-in too.
    const other = await devBrowser(emulator);
    const created = await other('POST', '/client/sign_ins', { identifier: ada.emailAddress, password: ada.password, strategy: 'password' });
    expect(created.json.response.status).toBe('complete');
    expect(created.json.client.sessions[0]).toMatchObject({ status: 'pending', tasks: [{ key: 'reset-password' }] });

    const weak = await fapi('POST', '/me/change_password', { new_password: 'short' });
    expect(weak.status).toBe(422);
    expect((await session()).status).toBe('pending');
    // The task asks for the new password only, as ClerkJS's TaskResetPassword sends it.
    const changed = await fapi('POST', '/me/change_password', { new_password: 'a-new-password-1', sign_out_of_other_sessions: true });
    expect(changed.status).toBe(200);
    expect(changed.json.client.sessions.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ status: 'active', tasks: null });
    // Done: the current password is needed again.
    expect((await fapi('POST', '/me/change_password', { new_password: 'another-password-2' })).json.errors[0].code).toBe('form_param_missing');
    // The other browser's session was signed out.
    expect((await other('GET', '/client')).json.response.sessions).toEqual([]);
    expect(() => emulator.requirePasswordReset('user_nobody')).toThrow(/no user/);
  });

  it('MFA required: pending with setup-mfa until a second factor is enabled; the environment says mfa.required', async () => {
    const now = Date.UTC(2030, 5, 1);
    const { fapi, sessionId, session, tokenClaims } = await signedIn({ settings: { mfaRequired: true }, now: () => now });
    expect((await fapi('GET', '/environment')).json.user_settings.sign_up.mfa).toEqual({ required: true });
    expect(await session()).toMatchObject({ status: 'pending', tasks: [{ key: 'setup-mfa' }] });
    expect((await tokenClaims()).sts).toBe('pending');
    const totp = (await fapi('POST', '/me/totp')).json.response;
    // Set up but not verified yet: still pending.
    expect((await session()).status).toBe('pending');
    const verified = await fapi('POST', '/me/totp/attempt_verification', { code: totpCode(totp.secret, now) });
    expect(verified.json.client.sessions.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ status: 'active', tasks: null });
    expect((await tokenClaims()).sts).toBe('active');
  });

  it('several tasks come in order (reset-password, setup-mfa, choose-organization) and go as each is done', async () => {
    const now = Date.UTC(2030, 5, 1);
    const emulator = createEmulator({
      seed: { users: [{ ...ada, passwordResetRequired: true }] },
      settings: { mfaRequired: true, forceOrganizationSelection: true },
      now: () => now,
    });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, ada.emailAddress, ada.password);
    const tasks = async () => (await fapi('GET', '/client')).json.response.sessions[0].tasks?.map((t: { key: string }) => t.key) ?? null;
    expect(await tasks()).toEqual(['reset-password', 'setup-mfa', 'choose-organization']);
    await fapi('POST', '/me/change_password', { current_password: ada.password, new_password: 'a-new-password-1' });
    expect(await tasks()).toEqual(['setup-mfa', 'choose-organization']);
    const totp = (await fapi('POST', '/me/totp')).json.response;
    await fapi('POST', '/me/totp/attempt_verification', { code: totpCode(totp.secret, now) });
    expect(await tasks()).toEqual(['choose-organization']);
    const org = (await fapi('POST', '/organizations', { name: 'Acme' })).json.response;
    await fapi('POST', `/client/sessions/${sessionId}/touch`, { active_organization_id: org.id });
    expect(await tasks()).toBeNull();
  });

  it('the settings API and the admin route drive the same switches', async () => {
    const { emulator, fapi, session } = await signedIn();
    const post = (path: string, body: unknown) =>
      emulator.handle(
        new Request(`${BASE}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      );
    const settings = await (await post('settings', { forceOrganizationSelection: true, mfaRequired: true })).json();
    expect(settings).toMatchObject({ forceOrganizationSelection: true, mfaRequired: true });
    expect((await session()).tasks).toEqual([{ key: 'setup-mfa' }, { key: 'choose-organization' }]);
    await post('settings', { forceOrganizationSelection: false, mfaRequired: false });
    expect(await session()).toMatchObject({ status: 'active', tasks: null });

    const userId = (await fapi('GET', '/me')).json.response.id;
    const required = await post(`users/${userId}/password-reset`, { required: true });
    expect(await required.json()).toEqual({ ok: true, passwordResetRequired: true });
    expect((await session()).tasks).toEqual([{ key: 'reset-password' }]);
    const users = await (await emulator.handle(new Request(`${BASE}/__emulator/users`))).json();
    expect(users[0].passwordResetRequired).toBe(true);
    await post(`users/${userId}/password-reset`, { required: false });
    expect((await session()).status).toBe('active');
    expect((await post('users/user_nobody/password-reset', {})).status).toBe(400);
  });
});
