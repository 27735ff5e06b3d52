/**
 * Solana wallets on the emulator's FAPI (`web3_solana_signature`): base58 addresses kept as given
 * (case-sensitive), the ed25519 signature of the message's UTF-8 bytes checked base64-decoded against
 * the address's public key, on sign-up, sign-in and the user's wallets; strategies only for their chain.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { base58Decode, isSolanaAddress, verifySolanaSignature } from '../../emulator/domain/web3.js';
import { base58Encode, createTestSolanaWallet, createTestWallet } from '../helpers/wallet.js';
import { devBrowser } from './helpers.js';

const SOLANA = 'web3_solana_signature';
const METAMASK = 'web3_metamask_signature';

function solanaEmulator(web3: Array<typeof SOLANA | typeof METAMASK> = [SOLANA]) {
  return createEmulator({
    settings: { web3, emailAddress: { required: false }, phoneNumber: { required: false } },
    seed: { users: [{ emailAddress: 's@example.com', password: 'password123' }] },
  });
}

describe('Solana wallets', () => {
  it('base58 addresses and ed25519 signatures', () => {
    const wallet = createTestSolanaWallet();
    // RFC 8032's first test key, in base58.
    expect(Buffer.from(base58Decode(wallet.address)!).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(base58Encode(Uint8Array.from([0, 0, 1]))).toBe('112');
    expect(Array.from(base58Decode('112')!)).toEqual([0, 0, 1]);
    expect(isSolanaAddress(wallet.address)).toBe(true);
    expect(isSolanaAddress(wallet.address.toLowerCase())).toBe(false);
    expect(isSolanaAddress('0OIl'.repeat(10))).toBe(false);
    const message = 'Sign in\nNonce: 1234';
    expect(verifySolanaSignature(message, wallet.sign(message), wallet.address)).toBe(true);
    expect(verifySolanaSignature(`${message}5`, wallet.sign(message), wallet.address)).toBe(false);
    expect(verifySolanaSignature(message, createTestSolanaWallet('x', '1'.repeat(64)).sign(message), wallet.address)).toBe(false);
    expect(verifySolanaSignature(message, 'not base64', wallet.address)).toBe(false);
    // The hex of the signature is not what Solana wallets send.
    expect(verifySolanaSignature(message, Buffer.from(wallet.sign(message), 'base64').toString('hex'), wallet.address)).toBe(false);
  });

  it('the environment lists web3_solana_signature', async () => {
    const fapi = await devBrowser(solanaEmulator());
    const env = await fapi('GET', '/environment');
    expect(env.json.user_settings.attributes.web3_wallet).toMatchObject({ enabled: true, first_factors: [SOLANA], verifications: [SOLANA] });
  });

  it('signs up with a Solana wallet (bad signature refused, nothing created), then signs in with it', async () => {
    const wallet = createTestSolanaWallet();
    const emulator = solanaEmulator([SOLANA, METAMASK]);
    const fapi = await devBrowser(emulator);
    expect((await fapi('POST', '/client/sign_ins', { identifier: wallet.address })).json.errors[0].code).toBe('form_identifier_not_found');

    const created = await fapi('POST', '/client/sign_ups', { web3_wallet: wallet.address });
    expect(created.json.response).toMatchObject({ status: 'missing_requirements', web3_wallet: wallet.address, unverified_fields: ['web3_wallet'] });
    const id = created.json.response.id;
    // An Ethereum strategy cannot prove a Solana address.
    const wrongChain = await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: METAMASK });
    expect(wrongChain.json.errors[0].code).toBe('strategy_for_user_invalid');
    const prepared = await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: SOLANA });
    const message: string = prepared.json.response.verifications.web3_wallet.message;
    expect(message).toContain('wants you to sign in with your Solana account:');
    expect(message).toContain(wallet.address);

    const forged = createTestSolanaWallet('Other', '2'.repeat(64)).sign(message);
    const refused = await fapi('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: SOLANA, signature: forged });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'signature' } });
    expect((await fapi('GET', '/client')).json.response.sessions).toEqual([]);
    const probe = await devBrowser(emulator);
    expect((await probe('POST', '/client/sign_ins', { identifier: wallet.address })).json.errors[0].code).toBe('form_identifier_not_found');
    const after = (await fapi('GET', `/client/sign_ups/${id}`)).json.response;
    expect(after).toMatchObject({ status: 'missing_requirements', created_user_id: null, unverified_fields: ['web3_wallet'] });

    const again = await fapi('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: SOLANA });
    const fresh: string = again.json.response.verifications.web3_wallet.message;
    const done = await fapi('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: SOLANA, signature: wallet.sign(fresh) });
    expect(done.json.response.status).toBe('complete');
    const user = done.json.client.sessions[0].user;
    expect(user.web3_wallets).toEqual([
      expect.objectContaining({ web3_wallet: wallet.address, verification: expect.objectContaining({ status: 'verified', strategy: SOLANA }) }),
    ]);

    const other = await devBrowser(emulator);
    const signIn = await other('POST', '/client/sign_ins', { identifier: wallet.address });
    // Only the Solana strategy is offered for a Solana wallet.
    expect(signIn.json.response.supported_first_factors.map((f: { strategy: string }) => f.strategy)).toEqual([SOLANA]);
    const sia = signIn.json.response.id;
    const nonce = await other('POST', `/client/sign_ins/${sia}/prepare_first_factor`, { strategy: SOLANA, web3_wallet_id: user.web3_wallets[0].id });
    const signInMessage: string = nonce.json.response.first_factor_verification.message;
    const bad = await other('POST', `/client/sign_ins/${sia}/attempt_first_factor`, { strategy: SOLANA, signature: wallet.sign(message) });
    expect(bad.json.errors[0].code).toBe('form_param_value_invalid');
    expect((await other('GET', '/client')).json.response.sessions).toEqual([]);
    await other('POST', `/client/sign_ins/${sia}/prepare_first_factor`, { strategy: SOLANA });
    const latest: string = (await other('GET', `/client/sign_ins/${sia}`)).json.response.first_factor_verification.message;
    expect(latest).not.toBe(signInMessage);
    const ok = await other('POST', `/client/sign_ins/${sia}/attempt_first_factor`, { strategy: SOLANA, signature: wallet.sign(latest) });
    expect(ok.json.response.status).toBe('complete');
    expect(ok.json.client.sessions[0].user.id).toBe(user.id);
  });

  it('a signed-in user adds and verifies a Solana wallet beside an Ethereum one', async () => {
    const solana = createTestSolanaWallet('S', '3'.repeat(64));
    const eth = createTestWallet('4'.repeat(64));
    const fapi = await devBrowser(solanaEmulator([SOLANA, METAMASK]));
    await fapi('POST', '/client/sign_ins', { identifier: 's@example.com', password: 'password123' });
    const lower = await fapi('POST', '/me/web3_wallets', { web3_wallet: solana.address.toLowerCase() });
    expect(lower.json.errors[0].code).toBe('form_param_format_invalid');
    const created = await fapi('POST', '/me/web3_wallets', { web3_wallet: solana.address });
    expect(created.json.response.web3_wallet).toBe(solana.address);
    const id = created.json.response.id;
    expect((await fapi('POST', `/me/web3_wallets/${id}/prepare_verification`, { strategy: METAMASK })).json.errors[0].code).toBe('strategy_for_user_invalid');
    const message = (await fapi('POST', `/me/web3_wallets/${id}/prepare_verification`, { strategy: SOLANA })).json.response.verification.message;
    const wrong = await fapi('POST', `/me/web3_wallets/${id}/attempt_verification`, { signature: eth.sign(message) });
    expect(wrong.json.errors[0].code).toBe('form_param_value_invalid');
    const message2 = (await fapi('POST', `/me/web3_wallets/${id}/prepare_verification`, { strategy: SOLANA })).json.response.verification.message;
    const verified = await fapi('POST', `/me/web3_wallets/${id}/attempt_verification`, { signature: solana.sign(message2) });
    expect(verified.json.response.verification).toMatchObject({ status: 'verified', strategy: SOLANA });
    const ethWallet = await fapi('POST', '/me/web3_wallets', { web3_wallet: eth.address });
    expect(ethWallet.json.response.web3_wallet).toBe(eth.address);
    expect((await fapi('POST', `/me/web3_wallets/${ethWallet.json.response.id}/prepare_verification`, { strategy: SOLANA })).json.errors[0].code).toBe(
      'strategy_for_user_invalid',
    );
  });
});
