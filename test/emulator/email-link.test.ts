import { describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../../emulator/index.js';
import { APP_ORIGINS, devBrowser, type FapiCaller } from './helpers.js';

const LANDING = 'http://localhost:3000/sign-up#/verify';

/** A sign-up for `email` whose email link was sent; returns its id and the link from the outbox. */
async function signUpWithLink(fapi: FapiCaller, emulator: ReturnType<typeof createEmulator>, email = 'link@example.com') {
  const { json } = await fapi('POST', '/client/sign_ups', { email_address: email, password: 'password123' });
  const prepared = await fapi('POST', `/client/sign_ups/${json.response.id}/prepare_verification`, { strategy: 'email_link', redirect_url: LANDING });
  expect(prepared.status).toBe(200);
  const message = emulator.outbox.latest(email)!;
  return { id: json.response.id as string, message, prepared: prepared.json.response };
}

const open = async (emulator: ReturnType<typeof createEmulator>, link: string, devBrowserToken?: string) => {
  const url = new URL(link);
  if (devBrowserToken) url.searchParams.set('__clerk_db_jwt', devBrowserToken);
  const response = await emulator.handle(new Request(url, { redirect: 'manual' }));
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
};

function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ allowedOrigins: APP_ORIGINS, ...options });
  return { emulator, fapi: devBrowser(emulator) };
}

describe('sign-up email link', () => {
  it('sends the link to the outbox and lands on redirect_url with __clerk_status=verified and the created session', async () => {
    const { emulator, fapi: ready } = setup();
    const fapi = await ready;
    const { id, message, prepared } = await signUpWithLink(fapi, emulator);
    expect(message).toMatchObject({ channel: 'email', purpose: 'sign_up' });
    expect(prepared.verifications.email_address).toMatchObject({ status: 'unverified', strategy: 'email_link', next_action: 'needs_attempt' });
    const landing = await open(emulator, message.link!);
    // The hash route survives: the status goes into the query before it.
    expect(landing.pathname + landing.hash).toBe('/sign-up#/verify');
    expect(landing.searchParams.get('__clerk_status')).toBe('verified');
    const reloaded = await fapi('GET', `/client/sign_ups/${id}`);
    expect(reloaded.json.response.verifications.email_address.status).toBe('verified');
    expect(landing.searchParams.get('__clerk_created_session')).toBe(reloaded.json.response.created_session_id);
    expect(reloaded.json.client.sessions.map((s: { id: string }) => s.id)).toEqual([landing.searchParams.get('__clerk_created_session')]);
  });

  it('a link opened after its verification expired lands with __clerk_status=expired and leaves the sign-up unverified', async () => {
    let now = Date.now();
    const { emulator, fapi: ready } = setup({ now: () => now });
    const fapi = await ready;
    const { id, message } = await signUpWithLink(fapi, emulator);
    now += 11 * 60 * 1000;
    const landing = await open(emulator, message.link!);
    expect(landing.searchParams.get('__clerk_status')).toBe('expired');
    expect(landing.searchParams.has('__clerk_created_session')).toBe(false);
    const reloaded = await fapi('GET', `/client/sign_ups/${id}`);
    expect(reloaded.json.response.status).toBe('missing_requirements');
    expect(reloaded.json.response.verifications.email_address.status).toBe('expired');
  });

  it('an unknown or spent token lands with __clerk_status=failed', async () => {
    const { emulator, fapi: ready } = setup();
    const fapi = await ready;
    const { message } = await signUpWithLink(fapi, emulator);
    expect((await open(emulator, message.link!)).searchParams.get('__clerk_status')).toBe('verified');
    // Spent: no target is left, so the page answers instead of a redirect.
    const again = await emulator.handle(new Request(message.link!, { redirect: 'manual' }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Verification failed');
  });

  it('with require_same_client, another client gets client_mismatch and the link still works from the right client', async () => {
    const { emulator, fapi: ready } = setup({ settings: { emailLinkRequireSameClient: true } });
    const fapi = await ready;
    const env = await fapi('GET', '/environment');
    expect(env.json.user_settings.attack_protection.email_link.require_same_client).toBe(true);
    const { id, message } = await signUpWithLink(fapi, emulator);
    const other = await devBrowser(emulator);
    const mismatch = await open(emulator, message.link!, other.token);
    expect(mismatch.searchParams.get('__clerk_status')).toBe('client_mismatch');
    expect((await fapi('GET', `/client/sign_ups/${id}`)).json.response.status).toBe('missing_requirements');
    // No client at all is another device too.
    expect((await open(emulator, message.link!)).searchParams.get('__clerk_status')).toBe('client_mismatch');
    const same = await open(emulator, message.link!, fapi.token);
    expect(same.searchParams.get('__clerk_status')).toBe('verified');
    expect((await fapi('GET', `/client/sign_ups/${id}`)).json.response.status).toBe('complete');
  });

  it('without require_same_client a link opened on another device verifies the sign-up of the client that asked', async () => {
    const { emulator, fapi: ready } = setup();
    const fapi = await ready;
    const env = await fapi('GET', '/environment');
    expect(env.json.user_settings.attack_protection.email_link.require_same_client).toBe(false);
    const { id, message } = await signUpWithLink(fapi, emulator);
    const other = await devBrowser(emulator);
    expect((await open(emulator, message.link!, other.token)).searchParams.get('__clerk_status')).toBe('verified');
    expect((await other('GET', '/client')).json.response.sessions).toEqual([]);
    expect((await fapi('GET', `/client/sign_ups/${id}`)).json.response.status).toBe('complete');
  });
});
