import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { BASE, caller, devBrowser, signInWithPassword, APP_ORIGINS } from './helpers.js';

describe('emulator basics', () => {
  it('derives publishable keys from the frontend API host', () => {
    const dev = createEmulator({ allowedOrigins: APP_ORIGINS });
    expect(dev.frontendApiHost).toBe('emulator.accounts.dev');
    expect(dev.publishableKey.startsWith('pk_test_')).toBe(true);
    expect(Buffer.from(dev.publishableKey.slice(8), 'base64').toString()).toBe('emulator.accounts.dev$');
    expect(dev.publishableKey.endsWith('=')).toBe(false);
    const prod = createEmulator({ allowedOrigins: APP_ORIGINS, instanceType: 'production', frontendApiHost: 'clerk.app.test' });
    expect(prod.publishableKey).toBe(`pk_live_${Buffer.from('clerk.app.test$').toString('base64').replace(/=+$/, '')}`);
  });

  it('requires a dev browser on development instances', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const anonymous = caller(emulator);
    const denied = await anonymous('GET', '/client');
    expect(denied.status).toBe(401);
    expect(denied.json.errors[0].code).toBe('dev_browser_unauthenticated');
    expect(typeof denied.json.clerk_trace_id).toBe('string');

    const created = await emulator.handle(new Request(`${BASE}/v1/dev_browser`, { method: 'POST' }));
    const body = await created.json();
    expect(body.id).toMatch(/^dvb_/);
    expect(body.token).toBe(body.id);

    const fapi = caller(emulator, { token: body.id });
    const client = await fapi('GET', '/client');
    expect(client.status).toBe(200);
    expect(client.json.response.object).toBe('client');
    expect(client.json.response.sessions).toEqual([]);
    expect(client.json.client.id).toBe(client.json.response.id);

    const unknown = caller(emulator, { token: 'dvb_nope' });
    expect((await unknown('GET', '/client')).status).toBe(401);
  });

  it('routes on the path after /v1 whatever the prefix', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    for (const base of ['https://app.test/__clerk', 'https://clerk.x.test', 'http://127.0.0.1:9/deep/proxy']) {
      const withBase = caller(emulator, { token: fapi.token, base });
      expect((await withBase('GET', '/environment')).json.object).toBe('environment');
    }
  });

  it('serves the environment built from settings', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, settings: { singleSession: true, username: { enabled: true }, social: ['oauth_google'] } });
    const fapi = await devBrowser(emulator);
    const { json, status } = await fapi('PATCH', '/environment');
    expect(status).toBe(200);
    expect(json.response).toBeUndefined();
    expect(json.auth_config.single_session_mode).toBe(true);
    expect(json.display_config.application_name).toBe('microclerk emulator');
    expect(json.display_config.sign_in_url).toBe('/sign-in');
    expect(json.display_config.instance_environment_type).toBe('development');
    const attrs = json.user_settings.attributes;
    expect(attrs.email_address).toMatchObject({ enabled: true, required: true, used_for_first_factor: true });
    expect(attrs.email_address.first_factors).toEqual(['email_code', 'email_link']);
    expect(attrs.username.enabled).toBe(true);
    expect(attrs.authenticator_app.second_factors).toEqual(['totp']);
    expect(attrs.password.enabled).toBe(true);
    expect(Object.keys(json.user_settings.social)).toEqual(['oauth_google']);
    expect(json.user_settings.password_settings.min_length).toBe(8);
    expect(json.user_settings.sign_up.mode).toBe('public');
    expect(json.organization_settings.enabled).toBe(true);
    expect(json.commerce_settings).toBeUndefined();

    emulator.updateSettings({ organizations: false, password: { minLength: 12 } });
    const updated = (await fapi('GET', '/environment')).json;
    expect(updated.organization_settings.enabled).toBe(false);
    expect(updated.user_settings.password_settings.min_length).toBe(12);
    expect(emulator.settings.password.enabled).toBe(true);
  });

  it('answers CORS preflights and exposes the headers the SDK reads', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const response = await emulator.handle(
      new Request(`${BASE}/v1/client?__clerk_db_jwt=x`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-headers': 'content-type' },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('identifies production clients by an HttpOnly __client cookie', async () => {
    const emulator = createEmulator({
      allowedOrigins: APP_ORIGINS,
      instanceType: 'production',
      seed: { users: [{ emailAddress: 'a@example.com', password: 'password123' }] },
    });
    const fapi = caller(emulator, { base: 'https://clerk.emulator.test' });
    const empty = await fapi('GET', '/client');
    expect(empty.json).toEqual({ response: null, client: null });

    const signIn = await fapi('POST', '/client/sign_ins', { identifier: 'a@example.com', password: 'password123' });
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('__client='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);

    const client = await fapi('GET', '/client');
    expect(client.json.response.sessions).toHaveLength(1);
    const stranger = caller(emulator, { base: 'https://clerk.emulator.test' });
    expect((await stranger('GET', '/client')).json.response).toBeNull();
  });

  it('DELETE /v1/client ends the sessions and hands out a fresh client', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [{ emailAddress: 'a@example.com', password: 'password123' }] } });
    const fapi = await devBrowser(emulator);
    await signInWithPassword(fapi, 'a@example.com', 'password123');
    const before = (await fapi('GET', '/client')).json.response;
    const deleted = await fapi('DELETE', '/client');
    expect(deleted.status).toBe(200);
    expect(deleted.json.response.id).not.toBe(before.id);
    expect(deleted.json.response.sessions).toEqual([]);
    expect((await fapi('GET', '/client')).json.response.id).toBe(deleted.json.response.id);
  });

  it('logs requests with the logical method', async () => {
    const emulator = createEmulator({ allowedOrigins: APP_ORIGINS });
    const fapi = await devBrowser(emulator);
    emulator.clearRequests();
    await fapi('PATCH', '/environment');
    await fapi('GET', '/client');
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /v1/environment', 'GET /v1/client']);
    expect(emulator.requests[0]!.search).toContain('_method=PATCH');
  });
});
