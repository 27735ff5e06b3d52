// @vitest-environment happy-dom
/**
 * Solana wallet sign-in / sign-up against the emulator (msw): a Wallet Standard wallet that signs with a
 * real ed25519 key, found by its name; sign-up of a new wallet, sign-in of a known one (clerk-level and
 * the SignIn/SignUp methods), a bad signature refused with nothing changed, no wallet → coded error,
 * the legacy `window.solana`, and a Solana wallet added to the user.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClerk, isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/index.js';
import { headlessPlugins } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { createTestSolanaWallet, type TestSolanaWallet } from '../../test/helpers/wallet.js';
import { web3Plugin } from './index.js';

const SOLANA = 'web3_solana_signature';
const emulator = useEmulator({
  settings: { web3: [SOLANA, 'web3_metamask_signature'], emailAddress: { required: false }, phoneNumber: { required: false } },
  seed: { users: [{ emailAddress: 'ada@acme.test', password: 'correct-horse-battery' }] },
});
const instances: Array<{ destroy(): void }> = [];
const wallets: TestSolanaWallet[] = [];
const win = window as unknown as { solana?: unknown };

async function loaded() {
  const navigations: string[] = [];
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [...headlessPlugins(), web3Plugin()] });
  instances.push(clerk);
  await clerk.load({ routerPush: (to: string) => void navigations.push(to), routerReplace: (to: string) => void navigations.push(to) });
  return { clerk, navigations };
}

function installed(name?: string, seed?: string) {
  const wallet = createTestSolanaWallet(name, seed);
  wallet.register();
  wallets.push(wallet);
  return wallet;
}

const clearCookies = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
const posts = () => emulator.requests.filter((r) => r.method === 'POST');

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  wallets.splice(0).forEach((w) => w.unregister());
  delete win.solana;
  clearCookies();
  emulator.reset();
});

describe('Solana wallets', () => {
  it('signs up a new wallet by name, then signs it in on a new client', async () => {
    // Another registered wallet, and one without Solana signing, are not used.
    const other = installed('Other Wallet', '7'.repeat(64));
    const noSigning = createTestSolanaWallet('Phantom', '8'.repeat(64));
    delete (noSigning.wallet.features as Record<string, unknown>)['solana:signMessage'];
    noSigning.register();
    wallets.push(noSigning);
    const wallet = installed('Phantom');

    const first = await loaded();
    await first.clerk.authenticateWithSolana({ walletName: 'Phantom', redirectUrl: '/dashboard' });
    const [added] = first.clerk.user?.web3Wallets ?? [];
    expect(added?.web3Wallet).toBe(wallet.address);
    expect(added?.verification.strategy).toBe(SOLANA);
    expect(added?.verification.status).toBe('verified');
    expect(first.navigations.at(-1)).toBe('/dashboard');
    // The wallet connected, then signed FAPI's message (as UTF-8 text) with the connected account.
    const signed = wallet.calls.find((c) => c.feature === 'solana:signMessage');
    expect(wallet.calls.map((c) => c.feature)).toEqual(['standard:connect', 'solana:signMessage']);
    expect(signed?.address).toBe(wallet.address);
    expect(signed?.message).toContain(`wants you to sign in with your Solana account:\n${wallet.address}`);
    expect(signed?.message).toContain('Nonce: ');
    expect(other.calls).toEqual([]);
    expect(noSigning.calls).toEqual([]);
    const paths = emulator.requests.map((r) => `${r.method} ${r.path.replace(/(sia|sua)_[A-Za-z0-9]+/, ':id')}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /v1/client/sign_ins',
        'POST /v1/client/sign_ups/:id/prepare_verification',
        'POST /v1/client/sign_ups/:id/attempt_verification',
      ]),
    );

    instances.splice(0).forEach((c) => c.destroy());
    clearCookies();
    emulator.requests.length = 0;
    const second = await loaded();
    expect(second.clerk.user).toBeNull();
    await second.clerk.authenticateWithWeb3({ strategy: SOLANA, walletName: 'Phantom' });
    expect(second.clerk.user?.id).toBe(first.clerk.user?.id);
    expect(emulator.requests.some((r) => r.path.endsWith('/attempt_first_factor'))).toBe(true);
    expect(emulator.requests.some((r) => r.path === '/v1/client/sign_ups')).toBe(false);
    expect(second.navigations.at(-1)).toBe('/');
  });

  it('signIn/signUp.authenticateWithSolana: the resources, without navigation', async () => {
    const wallet = installed('Solflare', '9'.repeat(64));
    const { clerk, navigations } = await loaded();
    const signUp = await clerk.client!.signUp.authenticateWithSolana({ walletName: 'Solflare', unsafeMetadata: { from: 'test' } });
    expect(signUp.status).toBe('complete');
    expect(signUp.verifications.web3Wallet.status).toBe('verified');
    expect(signUp.unsafeMetadata).toEqual({ from: 'test' });
    expect(navigations).toEqual([]);
    await clerk.setActive({ session: signUp.createdSessionId });
    expect(clerk.user?.web3Wallets.map((w) => w.web3Wallet)).toEqual([wallet.address]);
    expect(clerk.user?.unsafeMetadata).toEqual({ from: 'test' });
    const userId = clerk.user?.id;
    await clerk.signOut();

    const signIn = await clerk.client!.signIn.authenticateWithSolana({ walletName: 'Solflare' });
    expect(signIn.status).toBe('complete');
    expect(signIn.identifier).toBe(wallet.address);
    expect(signIn.firstFactorVerification.strategy).toBe(SOLANA);
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user?.id).toBe(userId);
    // ClerkJS's sign-in wants the wallet's name with Solana's strategy.
    const nameless = await clerk
      .client!.signIn.authenticateWithWeb3({ identifier: wallet.address, strategy: SOLANA, generateSignature: async ({ nonce }) => wallet.sign(nonce) })
      .catch((e: unknown) => e);
    expect(isClerkRuntimeError(nameless) && nameless.code).toBe('missing_option');
  });

  it('a bad signature is refused by FAPI and changes nothing', async () => {
    const wallet = installed('Phantom');
    const forger = createTestSolanaWallet('Forger', '5'.repeat(64));
    const { clerk } = await loaded();
    // A wallet that answers with another key's signature: the whole flow fails, no user, no session.
    const signMessage = (wallet.wallet.features['solana:signMessage'] as { signMessage: (...a: never[]) => Promise<Array<{ signature: Uint8Array }>> })
      .signMessage;
    (wallet.wallet.features['solana:signMessage'] as { signMessage: unknown }).signMessage = async (input: { message: Uint8Array }) => [
      { signedMessage: input.message, signature: Uint8Array.from(Buffer.from(forger.sign(new TextDecoder().decode(input.message)), 'base64')) },
    ];
    const error = await clerk.authenticateWithSolana({ walletName: 'Phantom' }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(error) && error.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { paramName: 'signature' } });
    expect(clerk.user).toBeNull();
    expect(clerk.client?.sessions).toEqual([]);
    expect(clerk.client?.signUp.status).toBe('missing_requirements');
    expect(clerk.client?.signUp.createdUserId).toBeNull();
    expect(clerk.client?.signUp.verifications.web3Wallet.status).toBe('failed');
    // The wallet's own key still signs up afterwards: the failed attempt left nothing in the way.
    (wallet.wallet.features['solana:signMessage'] as { signMessage: unknown }).signMessage = signMessage;
    await clerk.authenticateWithSolana({ walletName: 'Phantom' });
    expect(clerk.user?.web3Wallets.map((w) => w.web3Wallet)).toEqual([wallet.address]);
  });

  it('no wallet, no name, a refused or failed signature: coded errors', async () => {
    const { clerk } = await loaded();
    emulator.requests.length = 0;
    const missing = await clerk.authenticateWithSolana({ walletName: 'Phantom' }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(missing) && missing.code).toBe('web3_missing_identifier');
    expect(isClerkRuntimeError(missing) && missing.message).toContain('"Phantom"');
    const resource = await clerk.client!.signIn.authenticateWithSolana({ walletName: 'Phantom' }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(resource) && resource.code).toBe('web3_missing_identifier');
    const nameless = await clerk.authenticateWithSolana({} as never).catch((e: unknown) => e);
    expect(isClerkRuntimeError(nameless) && nameless.code).toBe('web3_solana_wallet_name_required');
    expect(posts()).toEqual([]);

    const wallet = installed('Phantom');
    wallet.failNextSignWith(new Error('User rejected the request.'));
    const rejected = await clerk.authenticateWithSolana({ walletName: 'Phantom' }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(rejected) && rejected.code).toBe('web3_signature_request_rejected');
    wallet.failNextSignWith(new Error('device disconnected'));
    const failed = await clerk.authenticateWithSolana({ walletName: 'Phantom' }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(failed) && failed.code).toBe('web3_solana_signature_generation_failed');
    expect(clerk.user).toBeNull();
  });

  it('falls back to an injected window.solana', async () => {
    const wallet = createTestSolanaWallet('Legacy', '6'.repeat(64));
    const seen: string[] = [];
    win.solana = {
      async connect() {
        return { publicKey: { toString: () => wallet.address } };
      },
      async signMessage(message: Uint8Array, display: string) {
        seen.push(display);
        return { signature: Uint8Array.from(Buffer.from(wallet.sign(new TextDecoder().decode(message)), 'base64')) };
      },
    };
    const { clerk } = await loaded();
    await clerk.authenticateWithSolana({ walletName: 'Phantom' });
    expect(clerk.user?.web3Wallets[0]?.web3Wallet).toBe(wallet.address);
    expect(seen).toEqual(['utf8']);
  });

  it('user.createWeb3Wallet with a Solana address, verified with its signature', async () => {
    const wallet = createTestSolanaWallet('S', 'a'.repeat(64));
    const { clerk } = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@acme.test', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    const created = await clerk.user!.createWeb3Wallet({ web3Wallet: wallet.address });
    expect(created.web3Wallet).toBe(wallet.address);
    await created.prepareVerification({ strategy: SOLANA });
    await created.attemptVerification({ signature: wallet.sign(created.verification.message ?? '') });
    expect(created.verification.status).toBe('verified');
    await clerk.user!.reload();
    expect(clerk.user!.web3Wallets.map((w) => [w.web3Wallet, w.verification.strategy])).toEqual([[wallet.address, SOLANA]]);
  });
});
