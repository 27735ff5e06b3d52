// The dashboard's page and admin routes over real HTTP: same origin only, data as JSON, changes applied.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { devBrowser, signInWithPassword } from './helpers.js';

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const adminJson = async (path: string, init?: RequestInit) => (await fetch(`${running!.url}/__emulator/${path}`, init)).json() as Promise<any>;

describe('emulator dashboard', () => {
  it('serves the page with a strict CSP and its script (bundled from source when not built)', async () => {
    running = await startEmulator();
    for (const base of [running.url, running.proxyUrl]) {
      const page = await fetch(`${base}/__emulator/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<script type="module" src="dashboard.js"></script>');
    }
    const noSlash = await fetch(`${running.url}/__emulator`, { redirect: 'manual' });
    expect(noSlash.status).toBe(308);
    expect(noSlash.headers.get('location')).toBe('/__emulator/');
    const script = await fetch(`${running.url}/__emulator/dashboard.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    expect(source).toContain('Instance settings');
    // Data is rendered by Preact as text: the dashboard's own code never hands it HTML.
    expect(readFileSync(new URL('../../emulator/dashboard/app.tsx', import.meta.url), 'utf8')).not.toMatch(
      /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML/,
    );
  });

  it('refuses the page and its data to another site', async () => {
    running = await startEmulator();
    for (const path of ['', 'users', 'sessions', 'organizations']) {
      const crossSite = await fetch(`${running.url}/__emulator/${path}`, { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(crossSite.status).toBe(403);
      const otherOrigin = await fetch(`${running.url}/__emulator/${path}`, { headers: { origin: 'https://evil.example' } });
      expect(otherOrigin.status).toBe(403);
    }
  });

  it('lists and searches users, sessions and organizations; deletes a user and revokes a session', async () => {
    running = await startEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' }] } });
    const graceId = running.emulator.addUser({ emailAddress: 'grace@example.com', password: 'password123', username: 'grace' });
    const fapi = await devBrowser(running.emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    await fapi('POST', '/organizations', { name: 'Acme' });

    expect((await adminJson('users')).map((u: any) => u.emailAddresses[0]).sort()).toEqual(['ada@example.com', 'grace@example.com']);
    expect(await adminJson('users?query=GRACE')).toMatchObject([{ username: 'grace' }]);
    expect(await adminJson('users?query=ada')).toMatchObject([{ firstName: 'Ada', activeSessions: 1 }]);
    // An id is matched whole: a short query never finds a user through letters of its random id.
    expect(await adminJson(`users?query=${graceId}`)).toMatchObject([{ username: 'grace' }]);
    expect(await adminJson(`users?query=${graceId.slice(5, 9)}`)).toEqual([]);
    expect(await adminJson('sessions')).toMatchObject([{ id: sessionId, user: 'ada@example.com', status: 'active', signedIn: true }]);
    expect(await adminJson('organizations')).toMatchObject([{ name: 'Acme', slug: 'acme', members: [{ user: 'ada@example.com', role: 'org:admin' }] }]);

    expect(await adminJson(`sessions/${sessionId}/revoke`, { method: 'POST' })).toEqual({ ok: true, status: 'revoked' });
    expect((await fapi('GET', '/client')).json.response.sessions).toEqual([]);

    const ada = (await adminJson('users?query=ada'))[0];
    expect(await adminJson(`users/${ada.id}`, { method: 'DELETE' })).toEqual({ ok: true });
    expect((await adminJson('users')).map((u: any) => u.emailAddresses[0])).toEqual(['grace@example.com']);
    expect((await adminJson('organizations'))[0].members).toEqual([]);
    expect((await fetch(`${running.url}/__emulator/users/${ada.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('applies a session lifetime set through the settings route to new sessions', async () => {
    running = await startEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123' }] } });
    expect((await adminJson('settings')).sessionLifetimeSeconds).toBe(7 * 24 * 60 * 60);
    await adminJson('settings', { method: 'POST', body: JSON.stringify({ sessionLifetimeSeconds: 120 }) });
    const before = Date.now();
    await signInWithPassword(await devBrowser(running.emulator), 'ada@example.com', 'password123');
    const [session] = await adminJson('sessions');
    expect(session.expireAt - before).toBeGreaterThanOrEqual(120_000);
    expect(session.expireAt - before).toBeLessThan(125_000);
  });

  it('signs this browser in as a user: a session on the client its dev-browser cookie names', async () => {
    running = await startEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123' }] } });
    const [ada] = await adminJson('users');
    const noClient = await fetch(`${running.url}/__emulator/users/${ada.id}/sign-in-as`, { method: 'POST' });
    expect(noClient.status).toBe(409);
    const fapi = await devBrowser(running.emulator);
    expect((await fapi('GET', '/client')).json.response.sessions).toEqual([]);
    const signedIn = await adminJson(`users/${ada.id}/sign-in-as`, { method: 'POST', headers: { cookie: `__clerk_db_jwt=${fapi.token}` } });
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sessions.map((s: any) => [s.id, s.user.id, s.status])).toEqual([[signedIn.sessionId, ada.id, 'active']]);
    expect(client.last_active_session_id).toBe(signedIn.sessionId);
  });

  it('lists active fault rules', async () => {
    running = await startEmulator();
    await adminJson('faults', { method: 'POST', body: JSON.stringify({ path: '*', status: 500 }) });
    expect(await adminJson('faults')).toEqual([{ path: '*', status: 500, remaining: null }]);
    await adminJson('faults', { method: 'DELETE' });
    expect(await adminJson('faults')).toEqual([]);
  });
});
