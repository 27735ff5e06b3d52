// Solana wallets in Chromium against the playground (full preset from dist/): a Wallet Standard wallet
// registered by an init script, whose ed25519 signature is computed in Node with the test key (the
// emulator verifies it); sign-up through <SignIn/>'s Solana button and its choose-wallet step, then
// sign-in with it on a new browser.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestSolanaWallet } from '../helpers/wallet.js';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({
  web3: ['web3_solana_signature'],
  emailAddress: { required: false },
  phoneNumber: { required: false },
});
const wallet = createTestSolanaWallet('Phantom', 'd'.repeat(64));

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/web3-solana-${name}.png`, fullPage: true });

/** A page with a Solana wallet named "Phantom" that announces itself as Wallet Standard wallets do. */
async function pageWithWallet() {
  const page = await ctx.newPage();
  const signed: string[] = [];
  await page.exposeFunction('__testSolanaSign', (message: string) => {
    signed.push(message);
    return wallet.sign(message);
  });
  await page.addInitScript(
    ({ address, name }: { address: string; name: string }) => {
      type Input = { account: { address: string }; message: Uint8Array };
      const w = window as unknown as { __testSolanaSign(m: string): Promise<string> };
      const account = { address, publicKey: new Uint8Array(32), chains: ['solana:mainnet'], features: ['solana:signMessage'] };
      const standardWallet = {
        version: '1.0.0',
        name,
        icon: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
        chains: ['solana:mainnet'],
        accounts: [] as (typeof account)[],
        features: {
          'standard:connect': {
            version: '1.0.0',
            async connect() {
              standardWallet.accounts = [account];
              return { accounts: standardWallet.accounts };
            },
          },
          'solana:signMessage': {
            version: '1.0.0',
            signMessage: (...inputs: Input[]) =>
              Promise.all(
                inputs.map(async ({ message }) => {
                  const base64 = await w.__testSolanaSign(new TextDecoder().decode(message));
                  return { signedMessage: message, signature: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) };
                }),
              ),
          },
        },
      };
      const callback = (api: { register(wallet: unknown): unknown }) => api.register(standardWallet);
      window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: callback }));
      window.addEventListener('wallet-standard:app-ready', (event) => callback((event as CustomEvent).detail));
    },
    { address: wallet.address, name: wallet.wallet.name },
  );
  await page.goto(ctx.playground.url);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return { page, signed };
}

const userWallets = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { clerk: { user?: { web3Wallets: Array<{ web3Wallet: string }> } } }).clerk.user?.web3Wallets.map((w) => w.web3Wallet) ?? null,
  );
const userId = (page: Page) => page.evaluate(() => (window as unknown as { clerk: { user?: { id: string } } }).clerk.user?.id ?? null);

describe('Solana wallets in Chromium', () => {
  it('signs up through the choose-wallet step, then signs in with the wallet on a new browser', async () => {
    const { page, signed } = await pageWithWallet();
    const button = page.locator('#auth-box .cl-socialButtonsBlockButton__solana');
    await expect.poll(() => button.textContent()).toBe('Continue with Solana');
    await button.click();
    await expect.poll(() => page.locator('#auth-box .cl-headerTitle').textContent()).toBe('Sign in with Solana');
    const phantom = page.locator('#auth-box .cl-web3WalletButtons button');
    await expect.poll(() => phantom.textContent()).toBe('Continue with Phantom');
    await shot(page, '01-choose-wallet');
    await phantom.click();
    await expect.poll(() => userWallets(page)).toEqual([wallet.address]);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toContain(`wants you to sign in with your Solana account:\n${wallet.address}`);
    const id = await userId(page);
    await page.context().close();

    const second = await pageWithWallet();
    expect(await userId(second.page)).toBeNull();
    await second.page.evaluate(() =>
      (window as unknown as { clerk: { authenticateWithSolana(p: object): Promise<void> } }).clerk.authenticateWithSolana({ walletName: 'Phantom' }),
    );
    await expect.poll(() => userId(second.page)).toBe(id);
    expect(second.signed).toHaveLength(1);
    await second.page.context().close();
  });
});
