// @vitest-environment happy-dom
/**
 * The web3 plugin against the emulator (msw): wallet sign-up then sign-in through an injected EIP-1193
 * provider that signs with a known key, EIP-6963 discovery, a forged signature refused, no wallet →
 * coded error, and the user's Web3Wallet resources.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClerk, isClerkAPIResponseError, isClerkRuntimeError, Verification } from '../../kernel/index.js';
import { headlessPlugins } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { createTestWallet, type TestWallet } from '../../test/helpers/wallet.js';
import { web3Plugin } from './index.js';

const STRATEGY = 'web3_metamask_signature';
const emulator = useEmulator({
  settings: { web3: [STRATEGY, 'web3_okx_wallet_signature'], emailAddress: { required: false }, phoneNumber: { required: false } },
  seed: { users: [{ emailAddress: 'ada@acme.test', password: 'correct-horse-battery' }] },
});
const instances: Array<{ destroy(): void }> = [];
const win = window as unknown as { ethereum?: unknown };

async function loaded() {
  const navigations: string[] = [];
  const clerk = createClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL, plugins: [...headlessPlugins(), web3Plugin()] });
  instances.push(clerk);
  await clerk.load({ routerPush: (to: string) => void navigations.push(to), routerReplace: (to: string) => void navigations.push(to) });
  return { clerk, navigations };
}

function inject(wallet: TestWallet) {
  win.ethereum = wallet.provider;
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  delete win.ethereum;
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
  emulator.reset();
});

describe('web3 plugin', () => {
  it('signs up an unknown wallet, then signs it in on a new client, navigating after each', async () => {
    const wallet = createTestWallet();
    inject(wallet);
    const first = await loaded();
    await first.clerk.authenticateWithMetamask({ redirectUrl: '/dashboard' });
    expect(first.clerk.user?.web3Wallets.map((w) => w.web3Wallet)).toEqual([wallet.address]);
    expect(first.clerk.user?.primaryWeb3WalletId).toBe(first.clerk.user?.web3Wallets[0]?.id);
    expect(String(first.clerk.user?.web3Wallets[0])).toBe(wallet.address);
    expect(first.navigations.at(-1)).toBe('/dashboard');
    // The wire: a sign-in refused, then the sign-up verified with the wallet's personal_sign.
    const paths = emulator.requests.map((r) => `${r.method} ${r.path.replace(/(sia|sua)_[A-Za-z0-9]+/, ':id')}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /v1/client/sign_ins',
        'POST /v1/client/sign_ups',
        'POST /v1/client/sign_ups/:id/prepare_verification',
        'POST /v1/client/sign_ups/:id/attempt_verification',
      ]),
    );
    const signCall = wallet.provider.calls.find((c) => c.method === 'personal_sign');
    expect(signCall?.params?.[1]).toBe(wallet.address);
    expect(Buffer.from(String(signCall?.params?.[0]).slice(2), 'hex').toString('utf8')).toContain(`Nonce: `);

    instances.splice(0).forEach((c) => c.destroy());
    document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));
    emulator.requests.length = 0;
    const second = await loaded();
    expect(second.clerk.user).toBeNull();
    await second.clerk.authenticateWithWeb3({ strategy: STRATEGY });
    expect(second.clerk.user?.id).toBe(first.clerk.user?.id);
    expect(emulator.requests.some((r) => r.path.endsWith('/attempt_first_factor'))).toBe(true);
    expect(emulator.requests.some((r) => r.path === '/v1/client/sign_ups')).toBe(false);
    expect(second.navigations.at(-1)).toBe('/');
  });

  it('finds the wallet through EIP-6963 by rdns before window.ethereum', async () => {
    const okx = createTestWallet('3'.repeat(64));
    const other = createTestWallet('4'.repeat(64));
    inject(other);
    const announce = () =>
      window.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', {
          detail: { info: { uuid: 'u-okx', name: 'OKX Wallet', rdns: 'com.okex.wallet' }, provider: okx.provider },
        }),
      );
    window.addEventListener('eip6963:requestProvider', announce);
    try {
      const { clerk } = await loaded();
      await clerk.authenticateWithOKXWallet();
      expect(clerk.user?.web3Wallets[0]?.web3Wallet).toBe(okx.address);
      expect(other.provider.calls).toEqual([]);
      expect(clerk.user?.web3Wallets[0]?.verification?.strategy).toBe('web3_okx_wallet_signature');
    } finally {
      window.removeEventListener('eip6963:requestProvider', announce);
    }
  });

  it('no wallet: web3_missing_identifier, nothing sent', async () => {
    const { clerk } = await loaded();
    emulator.requests.length = 0;
    const error = await clerk.authenticateWithMetamask().catch((e: unknown) => e);
    expect(isClerkRuntimeError(error) && error.code).toBe('web3_missing_identifier');
    expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
    const solana = await clerk.authenticateWithWeb3({ strategy: 'web3_solana_signature' }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(solana) && solana.code).toBe('web3_solana_wallet_name_required');
    // Each member asks for its own wallet (the strategy is derived from the member's name; OKX's is
    // checked above, where its announced provider stays known for the rest of the file).
    for (const [method, name] of [
      ['authenticateWithMetamask', 'MetaMask'],
      ['authenticateWithCoinbaseWallet', 'Coinbase Wallet'],
      ['authenticateWithBase', 'Base'],
    ] as const) {
      const e = await clerk[method]().catch((err: unknown) => err);
      expect(isClerkRuntimeError(e) && e.message).toContain(`No ${name} wallet`);
    }
    const unknown = await clerk.authenticateWithWeb3({ strategy: 'web3_nope_signature' as never }).catch((e: unknown) => e);
    expect(isClerkRuntimeError(unknown) && unknown.code).toBe('web3_strategy_unsupported');
    expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('a refused prompt is web3_signature_request_rejected; a forged signature is refused by FAPI', async () => {
    const wallet = createTestWallet();
    const { clerk } = await loaded();
    win.ethereum = {
      request: async (args: { method: string }) => {
        if (args.method === 'eth_requestAccounts') return [wallet.address];
        throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
      },
    };
    const rejected = await clerk.authenticateWithMetamask().catch((e: unknown) => e);
    expect(isClerkRuntimeError(rejected) && rejected.code).toBe('web3_signature_request_rejected');

    const forger = createTestWallet('5'.repeat(64));
    const forged = await clerk
      .client!.signUp.authenticateWithWeb3({ identifier: wallet.address, strategy: STRATEGY, generateSignature: async ({ nonce }) => forger.sign(nonce) })
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(forged) && forged.errors[0]?.code).toBe('form_param_value_invalid');
    expect(clerk.user).toBeNull();
    const missing = await clerk.client!.signIn.authenticateWithWeb3({ identifier: wallet.address } as never).catch((e: unknown) => e);
    expect(isClerkRuntimeError(missing) && missing.code).toBe('missing_option');
  });

  it('user.createWeb3Wallet, Web3Wallet.prepareVerification / attemptVerification / destroy', async () => {
    const wallet = createTestWallet('6'.repeat(64));
    const { clerk } = await loaded();
    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@acme.test', password: 'correct-horse-battery' });
    await clerk.setActive({ session: signIn.createdSessionId });
    const bad = await clerk.user!.createWeb3Wallet({ web3Wallet: 'nope' }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(bad) && bad.errors[0]?.code).toBe('form_param_format_invalid');
    const created = await clerk.user!.createWeb3Wallet({ web3Wallet: wallet.address });
    expect(created.web3Wallet).toBe(wallet.address);
    // ClerkJS's wallet always has a Verification: an empty one while FAPI sends none.
    expect(created.verification).toBeInstanceOf(Verification);
    expect(created.verification.status).toBeNull();
    expect(created.pathRoot).toBe('/me/web3_wallets');
    // Without the resource-members plugin the verification has no snapshot of its own.
    expect(created.__internal_toSnapshot()).toEqual({ object: 'web3_wallet', id: created.id, web3_wallet: wallet.address, verification: null });
    const prepared = await created.prepareVerification({ strategy: STRATEGY });
    expect(prepared).toBe(created);
    const message = created.verification?.message ?? '';
    expect(message).toContain(wallet.address);
    await created.attemptVerification({ signature: wallet.sign(message) });
    expect(created.verification?.status).toBe('verified');
    await clerk.user!.reload();
    expect(clerk.user!.web3Wallets.map((w) => [w.web3Wallet, w.verification?.status])).toEqual([[wallet.address, 'verified']]);
    const { destroy } = clerk.user!.web3Wallets[0]!;
    await destroy();
    await clerk.user!.reload();
    expect(clerk.user!.web3Wallets).toEqual([]);
    // create() adds the wallet's address again: a new, unverified wallet in the same object.
    const removedId = created.id;
    await expect(created.create()).resolves.toBe(created);
    expect(created.id).not.toBe(removedId);
    expect(created.verification.status).not.toBe('verified');
    await clerk.user!.reload();
    expect(clerk.user!.web3Wallets.map((w) => w.id)).toEqual([created.id]);
  });
});
