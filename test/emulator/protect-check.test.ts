import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { APP_ORIGINS, BASE, devBrowser } from './helpers.js';

const ADA = { emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' };
const proofOf = (check: { token: string }) => `proof_${check.token}`;

function protectedEmulator(protectCheck: { signIn?: boolean; signUp?: boolean; chain?: number }) {
  return createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] }, settings: { protectCheck } });
}

describe('Clerk Protect checks', () => {
  it('are off by default: sign-ins and sign-ups carry protect_check null', async () => {
    const fapi = await devBrowser(createEmulator({ allowedOrigins: APP_ORIGINS, seed: { users: [ADA] } }));
    const signIn = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' });
    expect([signIn.json.response.status, signIn.json.response.protect_check]).toEqual(['needs_first_factor', null]);
    const signUp = await fapi('POST', '/client/sign_ups', { email_address: 'new@example.com', password: 'password123' });
    expect(signUp.json.response.protect_check).toBeNull();
  });

  it('gate a sign-in create; the proof of the token replays it to complete', async () => {
    const emulator = protectedEmulator({ signIn: true });
    const fapi = await devBrowser(emulator);
    const gated = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' });
    const signIn = gated.json.response;
    expect(signIn.status).toBe('needs_protect_check');
    expect(signIn.created_session_id).toBeNull();
    expect(signIn.protect_check).toMatchObject({ status: 'pending', sdk_url: `${BASE}/__emulator/protect/sdk.js` });
    expect(signIn.protect_check.token).toMatch(/^pct_/);
    expect(signIn.protect_check.expires_at).toBeGreaterThan(Date.now());
    // Nothing else moves while the gate is up.
    const blocked = await fapi('POST', `/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: 'password123' });
    expect([blocked.status, blocked.json.errors[0].code]).toEqual([403, 'protect_check_required']);
    const done = await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: proofOf(signIn.protect_check) });
    expect(done.status).toBe(200);
    expect(done.json.response.status).toBe('complete');
    expect(done.json.response.protect_check).toBeNull();
    expect(done.json.client.sessions.map((s: any) => s.id)).toEqual([done.json.response.created_session_id]);
  });

  it('a wrong proof answers 422 protect_check_invalid and leaves the challenge as it was', async () => {
    const fapi = await devBrowser(protectedEmulator({ signIn: true }));
    const signIn = (await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'password123' })).json.response;
    const wrong = await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: 'proof_forged' });
    expect([wrong.status, wrong.json.errors[0].code, wrong.json.errors[0].meta.param_name]).toEqual([422, 'protect_check_invalid', 'proof_token']);
    const again = (await fapi('GET', `/client/sign_ins/${signIn.id}`)).json.response;
    expect([again.status, again.protect_check.token]).toEqual(['needs_protect_check', signIn.protect_check.token]);
    const missing = await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, {});
    expect(missing.json.errors[0].code).toBe('form_param_missing');
  });

  it('chain: each good proof issues the next challenge until the last clears the gate', async () => {
    const fapi = await devBrowser(protectedEmulator({ signIn: true, chain: 2 }));
    const signIn = (await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com' })).json.response;
    const second = (await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: proofOf(signIn.protect_check) })).json.response;
    expect(second.status).toBe('needs_protect_check');
    expect(second.protect_check.token).not.toBe(signIn.protect_check.token);
    // The first token's proof no longer answers.
    const stale = await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: proofOf(signIn.protect_check) });
    expect(stale.json.errors[0].code).toBe('protect_check_invalid');
    const cleared = (await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: proofOf(second.protect_check) })).json.response;
    // An identifier-only create goes on to its first factor.
    expect([cleared.status, cleared.protect_check]).toEqual(['needs_first_factor', null]);
    const resolved = await fapi('PATCH', `/client/sign_ins/${signIn.id}/protect_check`, { proof_token: 'anything' });
    expect([resolved.status, resolved.json.errors[0].code]).toEqual([400, 'protect_check_already_resolved']);
  });

  it('gate a sign-up (protect_check in missing_fields) until the proof; then it completes', async () => {
    const emulator = protectedEmulator({ signUp: true });
    emulator.updateSettings({ emailAddress: { verifyAtSignUp: false } });
    const fapi = await devBrowser(emulator);
    const signUp = (await fapi('POST', '/client/sign_ups', { email_address: 'new@example.com', password: 'password123' })).json.response;
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.missing_fields).toEqual(['protect_check']);
    expect(signUp.protect_check.status).toBe('pending');
    const blocked = await fapi('POST', `/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    expect(blocked.json.errors[0].code).toBe('protect_check_required');
    const wrong = await fapi('PATCH', `/client/sign_ups/${signUp.id}/protect_check`, { proof_token: 'nope' });
    expect(wrong.json.errors[0].code).toBe('protect_check_invalid');
    const done = (await fapi('PATCH', `/client/sign_ups/${signUp.id}/protect_check`, { proof_token: proofOf(signUp.protect_check) })).json.response;
    expect([done.status, done.protect_check, done.created_user_id?.slice(0, 5)]).toEqual(['complete', null, 'user_']);
  });

  it('log the assertion a request carried', async () => {
    const emulator = protectedEmulator({});
    const fapi = await devBrowser(emulator);
    await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', __clerk_protect_assertion: 'pa_123' });
    const entry = emulator.requests.find((r) => r.method === 'POST' && r.path === '/v1/client/sign_ins');
    expect(entry?.protectAssertion).toBe('pa_123');
  });

  it('serve the fake challenge SDK, whose default export resolves with the proof', async () => {
    const emulator = protectedEmulator({});
    const response = await emulator.handle(new Request(`${BASE}/__emulator/protect/sdk.js`, { headers: { origin: APP_ORIGINS[0] } }));
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGINS[0]);
    // Run it against a stand-in container: pressing the button resolves with the token's proof.
    const source = await response.text();
    const made: any[] = [];
    const fakeDocument = {
      createElement: () => {
        const el: any = {
          listeners: {} as Record<string, () => void>,
          setAttribute() {},
          remove() {},
          addEventListener: (t: string, f: () => void) => (el.listeners[t] = f),
        };
        made.push(el);
        return el;
      },
    };
    const previous = (globalThis as any).document;
    (globalThis as any).document = fakeDocument;
    try {
      const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
      const container = { appendChild: (el: any) => made.includes(el) };
      const proof = mod.default(container, { token: 'pct_abc' });
      expect(made[0].textContent).toBe('I am not a robot');
      made[0].listeners.click();
      await expect(proof).resolves.toBe('proof_pct_abc');
    } finally {
      (globalThis as any).document = previous;
    }
  });
});
