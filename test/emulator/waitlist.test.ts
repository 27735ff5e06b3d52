import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { BASE, devBrowser } from './helpers.js';

describe('waitlist', () => {
  it('joins with a bare waitlist object and stores the entry', async () => {
    const now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ now: () => now });
    const fapi = await devBrowser(emulator);
    const joined = await fapi('POST', '/waitlist', { email_address: 'early@example.com' });
    expect(joined.status).toBe(200);
    expect(joined.json).toEqual({ object: 'waitlist', id: expect.stringMatching(/^wle_/), created_at: now, updated_at: now });
    expect(emulator.waitlist()).toEqual([{ id: joined.json.id, emailAddress: 'early@example.com', createdAt: now }]);
    const admin = await (await emulator.handle(new Request(`${BASE}/__emulator/waitlist`))).json();
    expect(admin).toHaveLength(1);
  });

  it('refuses duplicates, invalid and missing emails', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    await fapi('POST', '/waitlist', { email_address: 'early@example.com' });
    const duplicate = await fapi('POST', '/waitlist', { email_address: 'EARLY@example.com' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });
    const invalid = await fapi('POST', '/waitlist', { email_address: 'not-an-email' });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'email_address' } });
    const missing = await fapi('POST', '/waitlist', {});
    expect(missing.json.errors[0].code).toBe('form_param_missing');
    expect(emulator.waitlist()).toHaveLength(1);
    emulator.reset();
    expect(emulator.waitlist()).toEqual([]);
  });

  it('waitlist sign-up mode refuses sign-ups with sign_up_restricted_waitlist', async () => {
    const emulator = createEmulator({ settings: { signUpMode: 'waitlist' } });
    const fapi = await devBrowser(emulator);
    const refused = await fapi('POST', '/client/sign_ups', { email_address: 'new@example.com', password: 'password123' });
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].code).toBe('sign_up_restricted_waitlist');
    expect((await fapi('POST', '/waitlist', { email_address: 'new@example.com' })).status).toBe(200);
  });
});
