import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { APP_ORIGINS } from './helpers.js';

let running: RunningEmulator | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:5173' },
  body: new URLSearchParams(body).toString(),
});

describe('startEmulator (real HTTP)', () => {
  it('serves a production instance under the prefix with CORS and the __client cookie', async () => {
    running = await startEmulator({
      allowedOrigins: APP_ORIGINS,
      instanceType: 'production',
      seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123' }] },
    });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.proxyUrl).toBe(`${running.url}/__clerk`);
    expect(running.publishableKey.startsWith('pk_live_')).toBe(true);

    const preflight = await fetch(`${running.proxyUrl}/v1/client/sign_ins`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');

    const signIn = await fetch(
      `${running.proxyUrl}/v1/client/sign_ins?__clerk_api_version=2025-11-10`,
      form({ identifier: 'ada@example.com', password: 'password123' }),
    );
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const cookies = signIn.headers.getSetCookie();
    const clientCookie = cookies.find((c) => c.startsWith('__client='))!;
    expect(clientCookie).toMatch(/HttpOnly/);
    const body = await signIn.json();
    expect(body.response.status).toBe('complete');

    const withCookie = await fetch(`${running.proxyUrl}/v1/client`, { headers: { cookie: clientCookie.split(';')[0]! } });
    expect((await withCookie.json()).response.sessions).toHaveLength(1);
    const withoutCookie = await fetch(`${running.url}/v1/client`);
    expect(await withoutCookie.json()).toEqual({ response: null, client: null });

    const jwks = await (await fetch(`${running.proxyUrl}/.well-known/jwks.json`)).json();
    expect(jwks.keys[0].kid).toBe(running.emulator.jwks().keys[0]!.kid);
  });

  it('serves the admin routes and destroys the socket for dropped requests', async () => {
    running = await startEmulator({ allowedOrigins: APP_ORIGINS, prefix: '/fapi' });
    const dev = await (await fetch(`${running.proxyUrl}/v1/dev_browser`, { method: 'POST' })).json();
    expect(dev.id).toMatch(/^dvb_/);

    const added = await fetch(`${running.proxyUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/v1/client', drop: true, times: 1 }),
    });
    expect(added.status).toBe(200);
    await expect(fetch(`${running.proxyUrl}/v1/client?__clerk_db_jwt=${dev.id}`)).rejects.toThrow(TypeError);
    expect((await fetch(`${running.proxyUrl}/v1/client?__clerk_db_jwt=${dev.id}`)).status).toBe(200);

    await fetch(`${running.proxyUrl}/v1/client/sign_ups?__clerk_db_jwt=${dev.id}`, form({ email_address: 'ada@example.com', password: 'password123' }));
    const signUp = (await (await fetch(`${running.proxyUrl}/v1/client?__clerk_db_jwt=${dev.id}`)).json()).response.sign_up;
    await fetch(`${running.proxyUrl}/v1/client/sign_ups/${signUp.id}/prepare_verification?__clerk_db_jwt=${dev.id}`, form({ strategy: 'email_code' }));
    const outbox = await (await fetch(`${running.proxyUrl}/__emulator/outbox`)).json();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: 'ada@example.com', channel: 'email' });

    const settings = await fetch(`${running.proxyUrl}/__emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ singleSession: true }),
    });
    expect((await settings.json()).singleSession).toBe(true);
    expect(running.emulator.settings.singleSession).toBe(true);

    expect((await fetch(`${running.proxyUrl}/__emulator/reset`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${running.proxyUrl}/v1/client?__clerk_db_jwt=${dev.id}`)).status).toBe(401);
  });

  it('hands other paths to the fallback', async () => {
    running = await startEmulator({
      allowedOrigins: APP_ORIGINS,
      fallback: (_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end('<h1>playground</h1>');
      },
    });
    expect(await (await fetch(`${running.url}/index.html`)).text()).toBe('<h1>playground</h1>');
    expect((await fetch(`${running.proxyUrl}/v1/environment`)).status).toBe(401);
  });
});
