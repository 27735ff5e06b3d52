import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { createTestWallet } from '../helpers/wallet.js';
import { devBrowser } from './helpers.js';

const STRATEGY = 'web3_metamask_signature';
const toHexText = (text: string) => `0x${Buffer.from(text, 'utf8').toString('hex')}`;

function web3Emulator() {
  return createEmulator({ settings: { web3: [STRATEGY], emailAddress: { required: false }, phoneNumber: { required: false } } });
}

describe('web3 wallets', () => {
  it('the environment lists the enabled web3 strategies', async () => {
    const fapi = await devBrowser(web3Emulator());
    const env = await fapi('GET', '/environment');
    expect(env.json.user_settings.attributes.web3_wallet).toMatchObject({ enabled: true, first_factors: [STRATEGY], used_for_first_factor: true });
    const off = await devBrowser(createEmulator());
    expect((await off('GET', '/environment')).json.user_settings.attributes.web3_wallet.enabled).toBe(false);
  });

  it('signs up with a wallet signature, then signs in with one; a bad signature is refused', async () => {
    const wallet = createTestWallet();
    const emulator = web3Emulator();
    const fapi = await devBrowser(emulator);
    const unknown = await fapi('POST', '/client/sign_ins', { identifier: wallet.address });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0].code).toBe('form_identifier_not_found');

    const created = await fapi('POST', '/client/sign_ups', { web3_wallet: wallet.address });
    expect(created.json.response).toMatchObject({ status: 'missing_requirements', web3_wallet: wallet.address, unverified_fields: ['web3_wallet'] });
    const id = created.json.response.id;
    const prepared = await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: STRATEGY });
    const message: string = prepared.json.response.verifications.web3_wallet.message;
    expect(message).toContain(wallet.address);
    expect(message).toMatch(/Nonce: [0-9a-f]{32}/);

    const forged = createTestWallet('1'.repeat(64)).sign(toHexText(message));
    const refused = await fapi('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: STRATEGY, signature: forged });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'signature' } });

    const again = await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: STRATEGY });
    const nonce2: string = again.json.response.verifications.web3_wallet.message;
    expect(nonce2).not.toBe(message);
    const done = await fapi('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: STRATEGY, signature: wallet.sign(toHexText(nonce2)) });
    expect(done.status).toBe(200);
    expect(done.json.response.status).toBe('complete');
    const userId = done.json.response.created_user_id;
    const user = done.json.client.sessions[0].user;
    expect(user.id).toBe(userId);
    expect(user.web3_wallets).toEqual([
      expect.objectContaining({
        object: 'web3_wallet',
        web3_wallet: wallet.address,
        verification: expect.objectContaining({ status: 'verified', strategy: STRATEGY }),
      }),
    ]);
    expect(user.primary_web3_wallet_id).toBe(user.web3_wallets[0].id);

    // A second browser signs in with the wallet.
    const other = await devBrowser(emulator);
    const signIn = await other('POST', '/client/sign_ins', { identifier: wallet.address });
    const factor = signIn.json.response.supported_first_factors.find((f: { strategy: string }) => f.strategy === STRATEGY);
    expect(factor).toMatchObject({ web3_wallet_id: user.web3_wallets[0].id, safe_identifier: wallet.address });
    const sia = signIn.json.response.id;
    const nonce = await other('POST', `/client/sign_ins/${sia}/prepare_first_factor`, { strategy: STRATEGY, web3_wallet_id: factor.web3_wallet_id });
    const signInMessage: string = nonce.json.response.first_factor_verification.message;
    const bad = await other('POST', `/client/sign_ins/${sia}/attempt_first_factor`, { strategy: STRATEGY, signature: '0x1234' });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].code).toBe('form_param_value_invalid');
    await other('POST', `/client/sign_ins/${sia}/prepare_first_factor`, { strategy: STRATEGY, web3_wallet_id: factor.web3_wallet_id });
    const fresh = (await other('GET', `/client/sign_ins/${sia}`)).json.response.first_factor_verification.message;
    expect(fresh).not.toBe(signInMessage);
    const ok = await other('POST', `/client/sign_ins/${sia}/attempt_first_factor`, { strategy: STRATEGY, signature: wallet.sign(toHexText(fresh)) });
    expect(ok.json.response.status).toBe('complete');
    expect(ok.json.client.sessions[0].user.id).toBe(userId);
  });

  it('a signed-in user adds, verifies and removes a wallet', async () => {
    const wallet = createTestWallet('2'.repeat(64));
    const emulator = createEmulator({ settings: { web3: [STRATEGY] }, seed: { users: [{ emailAddress: 'w@example.com', password: 'password123' }] } });
    const fapi = await devBrowser(emulator);
    await fapi('POST', '/client/sign_ins', { identifier: 'w@example.com', password: 'password123' });
    const invalid = await fapi('POST', '/me/web3_wallets', { web3_wallet: '0x123' });
    expect(invalid.json.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'web3_wallet' } });
    const created = await fapi('POST', '/me/web3_wallets', { web3_wallet: wallet.address });
    const id = created.json.response.id;
    expect(created.json.response).toMatchObject({ object: 'web3_wallet', web3_wallet: wallet.address, verification: null });
    const prepared = await fapi('POST', `/me/web3_wallets/${id}/prepare_verification`, { strategy: STRATEGY });
    const message = prepared.json.response.verification.message;
    const verified = await fapi('POST', `/me/web3_wallets/${id}/attempt_verification`, { signature: wallet.sign(toHexText(message)) });
    expect(verified.json.response.verification.status).toBe('verified');
    expect((await fapi('GET', '/me')).json.response.primary_web3_wallet_id).toBe(id);
    const removed = await fapi('DELETE', `/me/web3_wallets/${id}`);
    expect(removed.json.response).toEqual({ object: 'web3_wallet', id, deleted: true });
    expect((await fapi('GET', '/me')).json.response.web3_wallets).toEqual([]);
  });
});
