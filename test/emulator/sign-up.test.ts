import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { devBrowser, APP_ORIGINS } from './helpers.js';

describe('sign-up', () => {
  it('email + password + email code → complete with a user and an active session', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const created = await fapi('POST', '/client/sign_ups', {
      email_address: 'new@example.com',
      password: 'correct-horse',
      first_name: 'Ada',
      unsafe_metadata: { plan: 'free' },
      locale: 'en-US',
    });
    expect(created.status).toBe(200);
    const signUp = created.json.response;
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.unverified_fields).toEqual(['email_address']);
    expect(signUp.missing_fields).toEqual([]);
    expect(signUp.required_fields).toEqual(expect.arrayContaining(['email_address', 'password']));
    expect(signUp.verifications.email_address.next_action).toBe('needs_prepare');
    expect(signUp.verifications.email_address.supported_strategies).toContain('email_code');
    expect(signUp.has_password).toBe(true);
    expect(created.json.client.sign_up.id).toBe(signUp.id);

    const prepared = await fapi('POST', `/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    expect(prepared.json.response.verifications.email_address.next_action).toBe('needs_attempt');
    const message = emulator.outbox.latest('new@example.com');
    expect(message).toMatchObject({ channel: 'email', purpose: 'sign_up' });
    expect(message!.code).toMatch(/^\d{6}$/);

    const wrong = await fapi('POST', `/client/sign_ups/${signUp.id}/attempt_verification`, {
      strategy: 'email_code',
      code: message!.code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } });

    const done = await fapi('POST', `/client/sign_ups/${signUp.id}/attempt_verification`, { strategy: 'email_code', code: message!.code });
    expect(done.json.response.status).toBe('complete');
    expect(done.json.response.created_user_id).toMatch(/^user_/);
    const sessionId = done.json.response.created_session_id;
    const session = done.json.client.sessions.find((s: any) => s.id === sessionId);
    expect(session.status).toBe('active');
    expect(session.user.email_addresses[0].email_address).toBe('new@example.com');
    expect(session.user.unsafe_metadata).toEqual({ plan: 'free' });
    expect(session.user.first_name).toBe('Ada');
    expect(session.last_active_token.jwt.split('.')).toHaveLength(3);
    expect(done.json.client.last_active_session_id).toBe(sessionId);
    expect(done.json.client.sign_up).toBeNull();
  });

  it('test-mode emails accept 424242 and send nothing', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ups', { email_address: 'jane+clerk_test@example.com', password: 'password123' });
    await fapi('POST', `/client/sign_ups/${json.response.id}/prepare_verification`, { strategy: 'email_code' });
    expect(emulator.outbox.list()).toHaveLength(0);
    const done = await fapi('POST', `/client/sign_ups/${json.response.id}/attempt_verification`, { strategy: 'email_code', code: '424242' });
    expect(done.json.response.status).toBe('complete');
  });

  it('test-mode phone numbers accept 424242', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { emailAddress: { required: false }, phoneNumber: { required: true } } });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ups', { phone_number: '+1 (201) 555-0123', password: 'password123' });
    expect(json.response.unverified_fields).toEqual(['phone_number']);
    await fapi('POST', `/client/sign_ups/${json.response.id}/prepare_verification`, { strategy: 'phone_code' });
    expect(emulator.outbox.list()).toHaveLength(0);
    const done = await fapi('POST', `/client/sign_ups/${json.response.id}/attempt_verification`, { strategy: 'phone_code', code: '424242' });
    expect(done.json.response.status).toBe('complete');
  });

  it('progressive sign-up: missing fields are filled by PATCH', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { names: { required: true } } });
    const fapi = await devBrowser(emulator);
    const created = await fapi('POST', '/client/sign_ups', { email_address: 'p+clerk_test@example.com' });
    expect(created.json.response.missing_fields).toEqual(expect.arrayContaining(['password', 'first_name', 'last_name']));
    const id = created.json.response.id;
    const updated = await fapi('PATCH', `/client/sign_ups/${id}`, { password: 'password123', first_name: 'P', last_name: 'Q' });
    expect(updated.json.response.missing_fields).toEqual([]);
    expect(updated.json.response.status).toBe('missing_requirements');
    await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const done = await fapi('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' });
    expect(done.json.response.status).toBe('complete');
  });

  it('rejects weak passwords and taken identifiers with form errors', async () => {
    const emulator = createEmulator({
      allowedOrigins: APP_ORIGINS,
      settings: { password: { requireNumbers: true } },
      seed: { users: [{ emailAddress: 'taken@example.com', password: 'password123' }] },
    });
    const fapi = await devBrowser(emulator);
    const short = await fapi('POST', '/client/sign_ups', { email_address: 'x@example.com', password: 'short' });
    expect(short.status).toBe(422);
    expect(short.json.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { param_name: 'password' } });
    const noNumber = await fapi('POST', '/client/sign_ups', { email_address: 'x@example.com', password: 'longenough' });
    expect(noNumber.json.errors[0].code).toBe('form_password_validation_failed');
    const taken = await fapi('POST', '/client/sign_ups', { email_address: 'TAKEN@example.com', password: 'password123' });
    expect(taken.status).toBe(422);
    expect(taken.json.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });
    const badEmail = await fapi('POST', '/client/sign_ups', { email_address: 'not-an-email' });
    expect(badEmail.json.errors[0].code).toBe('form_param_format_invalid');
  });

  it('email link: opening the link verifies and completes the sign-up', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ups', { email_address: 'link@example.com', password: 'password123' });
    await fapi('POST', `/client/sign_ups/${json.response.id}/prepare_verification`, {
      strategy: 'email_link',
      redirect_url: 'http://localhost:3000/verify',
    });
    const link = emulator.outbox.latest('link@example.com')!.link!;
    expect(link).toMatch(/^https:\/\/emulator\.accounts\.dev\/v1\/verify\?token=/);
    const opened = await emulator.handle(new Request(link));
    expect(opened.status).toBe(302);
    const location = new URL(opened.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://localhost:3000/verify');
    expect(location.searchParams.get('__clerk_status')).toBe('verified');
    const reloaded = await fapi('GET', `/client/sign_ups/${json.response.id}`);
    expect(reloaded.json.response.status).toBe('complete');
    expect(reloaded.json.client.sessions).toHaveLength(1);
  });

  it('honours sign-up modes', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { signUpMode: 'waitlist' } });
    const fapi = await devBrowser(emulator);
    const result = await fapi('POST', '/client/sign_ups', { email_address: 'w@example.com' });
    expect(result.status).toBe(403);
    expect(result.json.errors[0].code).toBe('sign_up_restricted_waitlist');
  });
});
