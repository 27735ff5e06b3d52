import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { BASE, devBrowser, ORIGIN } from './helpers.js';

const EVIL = 'https://evil.test';
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => new Request(`${BASE}${path}`, { method, headers });

describe('CORS only for allowed origins', () => {
  const emulator = createEmulator({ allowedOrigins: [ORIGIN] });

  it('a foreign Origin gets no CORS headers, on requests and preflights', async () => {
    for (const request of [
      get('/v1/environment', { origin: EVIL }),
      get('/v1/client', { origin: EVIL, 'access-control-request-method': 'POST' }, 'OPTIONS'),
      get('/.well-known/jwks.json', { origin: 'http://localhost:5173' }),
    ]) {
      const response = await emulator.handle(request);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('an allowed app origin and the emulator’s own origin get them', async () => {
    for (const origin of [ORIGIN, BASE]) {
      const response = await emulator.handle(get('/v1/environment', { origin }));
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    }
  });

  it('a loopback emulator also counts the same port on the other loopback names as its own', async () => {
    const local = createEmulator();
    const response = await local.handle(new Request('http://127.0.0.1:4000/__clerk/v1/environment', { headers: { origin: 'http://localhost:4000' } }));
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    const otherPort = await local.handle(new Request('http://127.0.0.1:4000/__clerk/v1/environment', { headers: { origin: 'http://localhost:4001' } }));
    expect(otherPort.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an allowedOrigins entry that is not an origin, naming it', () => {
    expect(() => createEmulator({ allowedOrigins: ['http://localhost:5173/app'] })).toThrow(/"http:\/\/localhost:5173\/app" is not an http\(s\) origin/);
    expect(() => createEmulator({ allowedOrigins: ['localhost:5173'] })).toThrow(/allowedOrigins entry "localhost:5173"/);
  });
});

describe('/__emulator admin routes', () => {
  const emulator = createEmulator({ allowedOrigins: [ORIGIN] });

  it.each([
    ['a foreign Origin', { origin: EVIL }],
    ['an allowed app origin (not the emulator itself)', { origin: ORIGIN }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of localhost)', { 'sec-fetch-site': 'same-site' }],
  ])('refuse %s with a 403 JSON error', async (_, headers) => {
    for (const [path, method] of [
      ['/__clerk/__emulator/outbox', 'GET'],
      ['/__clerk/__emulator/reset', 'POST'],
      // Changing settings, creating users, injecting faults, reading sessions and the request log: all admin.
      ['/__clerk/__emulator/settings', 'POST'],
      ['/__clerk/__emulator/users', 'POST'],
      ['/__clerk/__emulator/faults', 'POST'],
      ['/__clerk/__emulator/sessions', 'GET'],
      ['/__clerk/__emulator/requests', 'GET'],
    ]) {
      const response = await emulator.handle(get(path, headers, method));
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect((await response.json()).errors[0].code).toBe('cross_origin_forbidden');
    }
  });

  it('answer same-origin requests and tools without Origin', async () => {
    for (const headers of [{}, { origin: BASE, 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }] as Array<Record<string, string>>) {
      const response = await emulator.handle(get('/__clerk/__emulator/outbox', headers));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
    }
  });
});

describe('redirect URLs only to allowed origins', () => {
  it('/v1/verify refuses a foreign redirect_url (no open redirect) and follows an allowed one', async () => {
    const emulator = createEmulator({ allowedOrigins: [ORIGIN] });
    for (const target of [`${EVIL}/`, 'javascript:alert(1)', `http://user:pw@${new URL(ORIGIN).host}/`]) {
      const response = await emulator.handle(get(`/v1/verify?token=unknown&redirect_url=${encodeURIComponent(target)}`));
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect((await response.json()).errors[0].code).toBe('invalid_redirect_url');
    }
    const allowed = await emulator.handle(get(`/v1/verify?token=unknown&redirect_url=${encodeURIComponent(`${ORIGIN}/verify`)}`));
    expect(allowed.status).toBe(302);
    expect(allowed.headers.get('location')).toBe(`${ORIGIN}/verify?__clerk_status=failed`);
  });

  it('OAuth refuses a redirect_url or action_complete_redirect_url on a foreign origin', async () => {
    const emulator = createEmulator({ allowedOrigins: [ORIGIN], settings: { social: ['oauth_github'] } });
    const fapi = await devBrowser(emulator);
    const foreign = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_github', redirect_url: `${EVIL}/sso-callback` });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0]).toMatchObject({ code: 'invalid_redirect_url', meta: { param_name: 'redirect_url' } });
    const complete = await fapi('POST', '/client/sign_ups', {
      strategy: 'oauth_github',
      redirect_url: `${ORIGIN}/sso-callback`,
      action_complete_redirect_url: `${EVIL}/`,
    });
    expect(complete.status).toBe(400);
    expect(complete.json.errors[0]).toMatchObject({ code: 'invalid_redirect_url', meta: { param_name: 'action_complete_redirect_url' } });
    const ok = await fapi('POST', '/client/sign_ins', { strategy: 'oauth_github', redirect_url: `${ORIGIN}/sso-callback` });
    expect(ok.status).toBe(200);
  });
});
