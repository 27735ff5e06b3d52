import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { BASE, decodePart, devBrowser, ORIGIN, signInWithPassword, verifyWithJwks } from './helpers.js';

const users = [
  { emailAddress: 'ada@example.com', password: 'password123' },
  { emailAddress: 'bob@example.com', password: 'password123' },
];

describe('sessions and tokens', () => {
  it('issues RS256 tokens that verify against the JWKS, with FAPI claims', async () => {
    const now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ seed: { users }, now: () => now });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const { json, status } = await fapi('POST', `/client/sessions/${sessionId}/tokens`, { organization_id: '' });
    expect(status).toBe(200);
    expect(json.object).toBe('token');
    const jwks = (await emulator.handle(new Request(`${BASE}/v1/jwks`))).json();
    const wellKnown = await (await emulator.handle(new Request(`${BASE}/.well-known/jwks.json`))).json();
    expect(wellKnown).toEqual(await jwks);
    expect(verifyWithJwks(json.jwt, await jwks)).toBe(true);
    expect(verifyWithJwks(json.jwt.slice(0, -4) + 'AAAA', await jwks)).toBe(false);

    const header = decodePart(json.jwt, 0);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: emulator.jwks().keys[0]!.kid });
    expect(typeof header.oiat).toBe('number');
    const claims = decodePart(json.jwt, 1);
    const me = (await fapi('GET', '/me')).json.response;
    expect(claims).toMatchObject({
      sid: sessionId,
      sub: me.id,
      iss: 'https://emulator.accounts.dev',
      azp: ORIGIN,
      v: 2,
      sts: 'active',
      iat: now / 1000,
      exp: now / 1000 + 60,
    });
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat);
    expect(claims.o).toBeUndefined();
  });

  it('token lifetime follows settings and the injected clock', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ seed: { users }, now: () => now, settings: { tokenLifetimeSeconds: 120 } });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    now += 3_600_000;
    const { json } = await fapi('POST', `/client/sessions/${sessionId}/tokens`);
    const claims = decodePart(json.jwt, 1);
    expect(claims.iat).toBe(now / 1000);
    expect(claims.exp - claims.iat).toBe(120);
  });

  it('every active session in the piggybacked client carries a valid last_active_token', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    await signInWithPassword(fapi, 'ada@example.com', 'password123');
    await signInWithPassword(fapi, 'bob@example.com', 'password123');
    const client = (await fapi('GET', '/client')).json.response;
    expect(client.sessions).toHaveLength(2);
    for (const session of client.sessions) {
      expect(session.last_active_token.object).toBe('token');
      expect(verifyWithJwks(session.last_active_token.jwt, emulator.jwks())).toBe(true);
      expect(decodePart(session.last_active_token.jwt, 1).sid).toBe(session.id);
    }
  });

  it('template tokens carry the template name', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const { json } = await fapi('POST', `/client/sessions/${sessionId}/tokens/supabase`);
    expect(decodePart(json.jwt, 1).tpl).toBe('supabase');
  });

  it('sign out all: DELETE /client/sessions ends every session and keeps the client', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    const a = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    await signInWithPassword(fapi, 'bob@example.com', 'password123');
    const clientId = (await fapi('GET', '/client')).json.response.id;
    const { json } = await fapi('DELETE', '/client/sessions');
    expect(json.response.id).toBe(clientId);
    expect(json.response.sessions).toEqual([]);
    expect(json.client.last_active_session_id).toBeNull();
    const token = await fapi('POST', `/client/sessions/${a}/tokens`);
    expect(token.status).toBe(401);
    expect((await fapi('GET', '/me')).status).toBe(401);
  });

  it('remove one session keeps the other signed in and moves last_active_session_id', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    const a = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const b = await signInWithPassword(fapi, 'bob@example.com', 'password123');
    const removed = await fapi('POST', `/client/sessions/${b}/remove`);
    expect(removed.json.response.status).toBe('removed');
    expect(removed.json.client.sessions.map((s: any) => s.id)).toEqual([a]);
    expect(removed.json.client.last_active_session_id).toBe(a);
    const ended = await fapi('POST', `/client/sessions/${a}/end`);
    expect(ended.json.response.status).toBe('ended');
    expect(ended.json.client.last_active_session_id).toBeNull();
  });

  it('touch selects the session and the active organization; tokens gain org claims', async () => {
    const emulator = createEmulator({ seed: { users } });
    const fapi = await devBrowser(emulator);
    const a = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const b = await signInWithPassword(fapi, 'bob@example.com', 'password123');
    const touched = await fapi('POST', `/client/sessions/${a}/touch`, { intent: 'select_session' });
    expect(touched.json.client.last_active_session_id).toBe(a);

    const org = (await fapi('POST', '/organizations', { name: 'Acme Inc' }, { _clerk_session_id: a })).json.response;
    expect(org).toMatchObject({ object: 'organization', name: 'Acme Inc', slug: 'acme-inc', members_count: 1 });
    expect(org.id).toMatch(/^org_/);
    const selected = await fapi('POST', `/client/sessions/${a}/touch`, { active_organization_id: org.id, intent: 'select_org' });
    expect(selected.json.response.last_active_organization_id).toBe(org.id);
    const claims = decodePart(selected.json.response.last_active_token.jwt, 1);
    expect(claims.o).toMatchObject({ id: org.id, slg: 'acme-inc', rol: 'admin' });
    expect(claims.fea).toContain('o:sys_memberships');
    const personal = await fapi('POST', `/client/sessions/${a}/tokens`, { organization_id: '' });
    expect(decodePart(personal.json.jwt, 1).o).toBeUndefined();

    const memberships = await fapi('GET', '/me/organization_memberships', undefined, { _clerk_session_id: a, limit: '10', offset: '0', paginated: 'true' });
    expect(memberships.json.response.total_count).toBe(1);
    expect(memberships.json.response.data[0]).toMatchObject({ role: 'org:admin', organization: { id: org.id } });

    const foreign = await fapi('POST', `/client/sessions/${b}/touch`, { active_organization_id: org.id });
    expect(foreign.status).toBe(404);
  });

  it('every token gets a unique jti, so skipCache in the same second returns a new token', async () => {
    const now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ seed: { users }, now: () => now });
    const fapi = await devBrowser(emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const first = (await fapi('POST', `/client/sessions/${sessionId}/tokens`, { organization_id: '' })).json.jwt;
    const second = (await fapi('POST', `/client/sessions/${sessionId}/tokens`, { organization_id: '' }, { debug: 'skip_cache' })).json.jwt;
    expect(second).not.toBe(first);
    const [a, b] = [decodePart(first, 1), decodePart(second, 1)];
    expect(a.iat).toBe(b.iat);
    expect(a.jti).toMatch(/^[0-9a-f]{20}$/);
    expect(b.jti).not.toBe(a.jti);
    const templated = decodePart((await fapi('POST', `/client/sessions/${sessionId}/tokens/supabase`)).json.jwt, 1);
    expect(templated.jti).toEqual(expect.any(String));
    expect([a.jti, b.jti]).not.toContain(templated.jti);
  });

  it('lists active sessions with activity and revokes one', async () => {
    const emulator = createEmulator({ seed: { users } });
    const laptop = await devBrowser(emulator);
    const phone = await devBrowser(emulator);
    const here = await signInWithPassword(laptop, 'ada@example.com', 'password123');
    const there = await signInWithPassword(phone, 'ada@example.com', 'password123');
    const { json } = await laptop('GET', '/me/sessions/active', undefined, { _clerk_session_id: here });
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((s: any) => s.id).sort()).toEqual([here, there].sort());
    expect(json[0].latest_activity).toMatchObject({ ip_address: expect.any(String), is_mobile: false });
    const revoked = await laptop('POST', `/me/sessions/${there}/revoke`, {}, { _clerk_session_id: here });
    expect(revoked.json.response.status).toBe('revoked');
    expect((await phone('GET', '/client')).json.response.sessions).toEqual([]);
  });
});
