import { describe, expect, it } from 'vitest';
import { createEmulator, generateTotpSecret, totpCode } from '../../emulator/index.js';
import { devBrowser, signInWithPassword, APP_ORIGINS } from './helpers.js';

const ADA = { emailAddress: 'ada@example.com', phoneNumber: '+15551234567', password: 'password123', firstName: 'Ada' };

describe('sign-in', () => {
  it('identifier + password in one request completes', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123', strategy: 'password' });
    expect(json.response.status).toBe('complete');
    expect(json.response.created_session_id).toMatch(/^sess_/);
    expect(json.client.sign_in).toBeNull();
    expect(json.client.last_active_session_id).toBe(json.response.created_session_id);
    expect(json.client.last_authentication_strategy).toBe('password');
  });

  it('identifier first lists the supported first factors', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    const signIn = json.response;
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.identifier).toBe('ada@example.com');
    const strategies = signIn.supported_first_factors.map((f: any) => f.strategy);
    expect(strategies).toEqual(expect.arrayContaining(['password', 'email_code', 'email_link', 'phone_code', 'reset_password_email_code']));
    const emailCode = signIn.supported_first_factors.find((f: any) => f.strategy === 'email_code');
    expect(emailCode).toMatchObject({ safe_identifier: 'ada@example.com', primary: true });
    expect(emailCode.email_address_id).toMatch(/^idn_/);
    // The identifier typed comes back in full; the account's others masked, as FAPI sends them.
    expect(signIn.supported_first_factors.find((f: any) => f.strategy === 'phone_code').safe_identifier).toBe('+1********67');
    expect(signIn.user_data.first_name).toBe('Ada');
    expect(json.client.sign_in.id).toBe(signIn.id);
  });

  it('unknown identifiers give form_identifier_not_found', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const fapi = await devBrowser(emulator);
    const result = await fapi('POST', '/client/sign_ins', { identifier: 'nobody@example.com' });
    expect(result.status).toBe(422);
    expect(result.json.errors[0]).toMatchObject({ code: 'form_identifier_not_found', meta: { param_name: 'identifier' } });
  });

  it('wrong passwords fail with form_password_incorrect and lock the user after maxAttempts', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({
      allowedOrigins: APP_ORIGINS,
      seed: { users: [ADA] },
      settings: { lockout: { maxAttempts: 3, lockSeconds: 600 } },
      now: () => now,
    });
    const fapi = await devBrowser(emulator);
    const created = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    const id = created.json.response.id;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const wrong = await fapi('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'nope' });
      expect(wrong.status).toBe(422);
      expect(wrong.json.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { param_name: 'password' } });
    }
    const locked = await fapi('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'nope' });
    expect(locked.status).toBe(403);
    expect(locked.json.errors[0].code).toBe('user_locked');
    expect(locked.json.errors[0].meta.lockout_expires_in_seconds).toBe(600);
    // Even the right password is refused while locked...
    const stillLocked = await fapi('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'password123' });
    expect(stillLocked.json.errors[0].code).toBe('user_locked');
    // ...and accepted once the lock has passed.
    now += 601_000;
    const ok = await fapi('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'password123' });
    expect(ok.json.response.status).toBe('complete');
  });

  it('email code: prepare sends to the outbox, attempt completes; codes expire after 10 minutes', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] }, now: () => now });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    const factor = json.response.supported_first_factors.find((f: any) => f.strategy === 'email_code');
    const prepared = await fapi('POST', `/client/sign_ins/${json.response.id}/prepare_first_factor`, {
      strategy: 'email_code',
      email_address_id: factor.email_address_id,
    });
    expect(prepared.json.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    expect(prepared.json.response.first_factor_verification.expire_at).toBe(now + 600_000);
    const first = emulator.outbox.latest('ada@example.com')!;
    expect(first.purpose).toBe('sign_in');

    now += 601_000;
    const expired = await fapi('POST', `/client/sign_ins/${json.response.id}/attempt_first_factor`, { strategy: 'email_code', code: first.code! });
    expect(expired.status).toBe(422);
    expect(expired.json.errors[0].code).toBe('verification_expired');

    await fapi('POST', `/client/sign_ins/${json.response.id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: factor.email_address_id });
    const second = emulator.outbox.latest('ada@example.com')!;
    const done = await fapi('POST', `/client/sign_ins/${json.response.id}/attempt_first_factor`, { strategy: 'email_code', code: second.code! });
    expect(done.json.response.status).toBe('complete');
    expect(done.json.response.first_factor_verification.status).toBe('verified');
  });

  it('phone code with a test number', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ phoneNumber: '+15555550100', password: 'password123' }] } });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: '+15555550100', strategy: 'phone_code' });
    expect(json.response.first_factor_verification.strategy).toBe('phone_code');
    expect(emulator.outbox.list()).toHaveLength(0);
    const done = await fapi('POST', `/client/sign_ins/${json.response.id}/attempt_first_factor`, { strategy: 'phone_code', code: '424242' });
    expect(done.json.response.status).toBe('complete');
  });

  it('reset password: code → needs_new_password → reset_password signs out other sessions', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const other = await devBrowser(emulator);
    const otherSession = await signInWithPassword(other, 'ada@example.com', 'password123');

    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    const id = json.response.id;
    await fapi('POST', `/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'reset_password_email_code' });
    const message = emulator.outbox.latest('ada@example.com')!;
    expect(message.purpose).toBe('reset_password');
    const verified = await fapi('POST', `/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: message.code! });
    expect(verified.json.response.status).toBe('needs_new_password');
    const weak = await fapi('POST', `/client/sign_ins/${id}/reset_password`, { password: 'short' });
    expect(weak.json.errors[0].code).toBe('form_password_length_too_short');
    const reset = await fapi('POST', `/client/sign_ins/${id}/reset_password`, { password: 'brand-new-pass', sign_out_of_other_sessions: true });
    expect(reset.json.response.status).toBe('complete');

    const otherClient = (await other('GET', '/client')).json.response;
    expect(otherClient.sessions.find((s: any) => s.id === otherSession)).toBeUndefined();
    const retry = await devBrowser(emulator);
    await expect(signInWithPassword(retry, 'ada@example.com', 'password123')).rejects.toThrow();
    await expect(signInWithPassword(retry, 'ada@example.com', 'brand-new-pass')).resolves.toMatch(/^sess_/);
  });

  it('TOTP second factor with a real RFC 6238 code', async () => {
    let now = Date.UTC(2030, 0, 1, 12);
    const secret = generateTotpSecret();
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ ...ADA, totpSecret: secret }] }, now: () => now });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    expect(json.response.status).toBe('needs_second_factor');
    expect(json.response.supported_second_factors.map((f: any) => f.strategy)).toEqual(['totp']);
    expect(json.client.sessions).toEqual([]);
    const id = json.response.id;
    const stale = totpCode(secret, now - 5 * 30_000);
    const wrong = await fapi('POST', `/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: stale });
    expect(wrong.json.errors[0].code).toBe('form_code_incorrect');
    now += 20_000;
    const previousStep = totpCode(secret, now - 30_000);
    const done = await fapi('POST', `/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'totp', code: previousStep });
    expect(done.json.response.status).toBe('complete');
    const session = done.json.client.sessions[0];
    expect(session.factor_verification_age).toEqual([0, 0]);
  });

  it('backup codes work once', async () => {
    const emulator = createEmulator({
      allowedOrigins: APP_ORIGINS,
      seed: { users: [{ ...ADA, totpSecret: generateTotpSecret(), backupCodes: ['aaaa1111', 'bbbb2222'] }] },
    });
    const first = await devBrowser(emulator);
    const a = await first('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    expect(a.json.response.supported_second_factors.map((f: any) => f.strategy)).toContain('backup_code');
    const ok = await first('POST', `/client/sign_ins/${a.json.response.id}/attempt_second_factor`, { strategy: 'backup_code', code: 'aaaa1111' });
    expect(ok.json.response.status).toBe('complete');

    const second = await devBrowser(emulator);
    const b = await second('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    const reused = await second('POST', `/client/sign_ins/${b.json.response.id}/attempt_second_factor`, { strategy: 'backup_code', code: 'aaaa1111' });
    expect(reused.status).toBe(422);
    expect(reused.json.errors[0].code).toBe('form_code_incorrect');
  });

  it('SMS second factor on a reserved phone number', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const fapi = await devBrowser(emulator);
    await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const me = (await fapi('GET', '/me')).json.response;
    await fapi('PATCH', `/me/phone_numbers/${me.phone_numbers[0].id}`, { reserved_for_second_factor: true });
    await fapi('DELETE', '/client/sessions');

    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    expect(json.response.status).toBe('needs_second_factor');
    const factor = json.response.supported_second_factors[0];
    // Masked (the user typed their email), yet the code goes to the real number.
    expect(factor).toMatchObject({ strategy: 'phone_code', safe_identifier: '+1********67', default: true });
    await fapi('POST', `/client/sign_ins/${json.response.id}/prepare_second_factor`, { strategy: 'phone_code', phone_number_id: factor.phone_number_id });
    const sms = emulator.outbox.latest('+15551234567')!;
    expect(sms).toMatchObject({ channel: 'sms', purpose: 'second_factor' });
    const done = await fapi('POST', `/client/sign_ins/${json.response.id}/attempt_second_factor`, { strategy: 'phone_code', code: sms.code! });
    expect(done.json.response.status).toBe('complete');
  });

  it('email link sign-in completes once the link is opened', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } });
    const fapi = await devBrowser(emulator);
    const { json } = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    await fapi('POST', `/client/sign_ins/${json.response.id}/prepare_first_factor`, { strategy: 'email_link', redirect_url: 'http://localhost:3000/done' });
    const pending = await fapi('GET', `/client/sign_ins/${json.response.id}`);
    expect(pending.json.response.status).toBe('needs_first_factor');
    const opened = await emulator.handle(new Request(emulator.outbox.latest()!.link!));
    const location = new URL(opened.headers.get('location')!);
    expect(location.searchParams.get('__clerk_status')).toBe('verified');
    const reloaded = await fapi('GET', `/client/sign_ins/${json.response.id}`);
    expect(reloaded.json.response.status).toBe('complete');
    expect(location.searchParams.get('__clerk_created_session')).toBe(reloaded.json.response.created_session_id);
    // A link works once.
    const again = await emulator.handle(new Request(emulator.outbox.latest()!.link!));
    expect(again.status).toBe(400);
  });

  it('single-session mode answers session_exists; multi-session allows a second account', async () => {
    const users = [ADA, { emailAddress: 'bob@example.com', password: 'password123' }];
    const single = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users }, settings: { singleSession: true } });
    const s = await devBrowser(single);
    await signInWithPassword(s, 'ada@example.com', 'password123');
    const refused = await s('POST', '/client/sign_ins', { identifier: 'bob@example.com', password: 'password123' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].code).toBe('session_exists');
    const refusedSignUp = await s('POST', '/client/sign_ups', { email_address: 'c@example.com' });
    expect(refusedSignUp.json.errors[0].code).toBe('session_exists');

    const multi = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users } });
    const m = await devBrowser(multi);
    const first = await signInWithPassword(m, 'ada@example.com', 'password123');
    const again = await m('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    expect(again.json.errors[0]).toMatchObject({ code: 'identifier_already_signed_in', meta: { session_id: first } });
    const second = await signInWithPassword(m, 'bob@example.com', 'password123');
    const client = (await m('GET', '/client')).json.response;
    expect(client.sessions.map((x: any) => x.id).sort()).toEqual([first, second].sort());
    expect(client.last_active_session_id).toBe(second);
  });
});
