import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { BASE, devBrowser, ORIGIN } from './helpers.js';

const EVIL = 'https://evil.test';
const CLIENT_ID = 'microclerk-emulator.apps.googleusercontent.com';
const gsi = (path: string, init: RequestInit = {}) => new Request(`${BASE}/__emulator/gsi${path}`, init);
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('emulator: stand-in Google Identity Services for One Tap', () => {
  const emulator = createEmulator({
    allowedOrigins: [ORIGIN],
    seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct horse battery staple' }] },
  });
  const token = (body: unknown, headers: Record<string, string> = {}) =>
    emulator.handle(gsi('/token', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }));

  it('advertises the One Tap client id in display_config only while Google is a social connection', async () => {
    const fapi = await devBrowser(emulator);
    expect((await fapi('GET', '/environment')).json.display_config.google_one_tap_client_id).toBe(CLIENT_ID);
    emulator.updateSettings({ social: ['oauth_github'] });
    expect((await fapi('GET', '/environment')).json.display_config.google_one_tap_client_id).toBeNull();
    emulator.updateSettings({ social: ['oauth_google'], googleOneTapClientId: null });
    expect((await fapi('GET', '/environment')).json.display_config.google_one_tap_client_id).toBeNull();
    emulator.updateSettings({ social: ['oauth_google', 'oauth_github'], googleOneTapClientId: CLIENT_ID });
  });

  it('issues an ES256 ID token from accounts.google.com for the client id, and refuses other client ids', async () => {
    const res = await token({ client_id: CLIENT_ID, email: 'new.person@example.com' });
    expect(res.status).toBe(200);
    const { credential } = (await res.json()) as { credential: string };
    const header = JSON.parse(Buffer.from(credential.split('.')[0]!, 'base64url').toString());
    expect(header.alg).toBe('ES256');
    expect(claimsOf(credential)).toMatchObject({
      iss: 'https://accounts.google.com',
      aud: CLIENT_ID,
      azp: CLIENT_ID,
      email: 'new.person@example.com',
      email_verified: true,
      name: 'New Person',
    });
    expect((await token({ client_id: 'someone-else', email: 'a@example.com' })).status).toBe(400);
    expect((await token({ client_id: CLIENT_ID, email: 'not an email' })).status).toBe(400);
  });

  it('lists the default fake account and Google accounts users connected, for the own and allowed origins only', async () => {
    const list = await emulator.handle(gsi(`/accounts?client_id=${CLIENT_ID}`, { headers: { origin: ORIGIN } }));
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = (await list.json()) as { accounts: Array<{ email: string }> };
    expect(body.accounts.map((a) => a.email)).toContain('google-user@example.com');

    for (const headers of [{ origin: EVIL }]) {
      expect((await emulator.handle(gsi(`/accounts?client_id=${CLIENT_ID}`, { headers }))).status).toBe(403);
      expect((await token({ client_id: CLIENT_ID, email: 'ada@example.com' }, headers)).status).toBe(403);
    }
  });

  it('serves the script to any page, without account data in it', async () => {
    const script = await emulator.handle(gsi('/client', { headers: { origin: EVIL } }));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const text = await script.text();
    expect(text).toContain('window.google.accounts.id');
    expect(text).not.toMatch(/@example\.com/);
    expect(text).not.toContain('innerHTML');
  });
});
