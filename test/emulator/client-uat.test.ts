import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { caller, devBrowser, signInWithPassword, type FapiResult } from './helpers.js';

const users = [{ emailAddress: 'ada@example.com', password: 'password123' }];

function clientUat(result: FapiResult): string | undefined {
  return result.headers.getSetCookie().find((c) => c.startsWith('__client_uat='));
}

describe('__client_uat (production instances)', () => {
  it('is set when the signed-in state changes: the client update time on sign-in, 0 on sign-out', async () => {
    let now = Date.UTC(2030, 0, 1, 8, 0, 0, 750);
    const emulator = createEmulator({ instanceType: 'production', seed: { users }, now: () => now });
    const fapi = caller(emulator, { base: 'https://clerk.emulator.test' });

    const signedIn = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    expect(signedIn.json.response.status).toBe('complete');
    expect(clientUat(signedIn)).toBe(`__client_uat=${Math.floor(now / 1000)}; Path=/; Max-Age=31536000; SameSite=Strict; Secure`);
    expect(Math.floor(signedIn.json.client.updated_at / 1000)).toBe(Math.floor(now / 1000));

    // Requests that leave the signed-in state alone do not touch the cookie.
    now += 5_000;
    expect(clientUat(await fapi('GET', '/client'))).toBeUndefined();
    const sessionId = signedIn.json.response.created_session_id;
    expect(clientUat(await fapi('POST', `/client/sessions/${sessionId}/touch`, {}))).toBeUndefined();
    expect(clientUat(await fapi('POST', `/client/sessions/${sessionId}/tokens`, {}))).toBeUndefined();

    now += 5_000;
    const signedOut = await fapi('DELETE', '/client/sessions');
    expect(clientUat(signedOut)).toBe('__client_uat=0; Path=/; Max-Age=31536000; SameSite=Strict; Secure');
  });

  it('is set to 0 when the only session ends, and on plain http has no Secure flag', async () => {
    const emulator = createEmulator({ instanceType: 'production', seed: { users } });
    const fapi = caller(emulator, { base: 'http://127.0.0.1:4000/__clerk' });
    const signedIn = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    expect(clientUat(signedIn)).toMatch(/^__client_uat=\d+; Path=\/; Max-Age=31536000; SameSite=Strict$/);
    const ended = await fapi('POST', `/client/sessions/${signedIn.json.response.created_session_id}/end`, {});
    expect(clientUat(ended)).toBe('__client_uat=0; Path=/; Max-Age=31536000; SameSite=Strict');
    // A failed sign-in changes nothing.
    const wrong = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'nope' });
    expect(wrong.status).toBe(422);
    expect(clientUat(wrong)).toBeUndefined();
  });

  it('development instances leave it to ClerkJS', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const signedOut = await fapi('DELETE', '/client/sessions');
    expect(clientUat(signedOut)).toBeUndefined();
  });
});
