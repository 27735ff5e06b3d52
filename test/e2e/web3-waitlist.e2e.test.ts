// Web3 wallets and the waitlist in Chromium against the playground (full preset from dist/): a
// MetaMask-style injected provider whose personal_sign is computed in Node (the emulator verifies it),
// sign-up then sign-in with the wallet button, the UserProfile web3 section, and joining the waitlist.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestWallet } from '../helpers/wallet.js';
import { ARTIFACTS, usePlaygroundBrowser } from './browser.js';

const ctx = usePlaygroundBrowser({
  web3: ['web3_metamask_signature'],
  emailAddress: { required: false },
  phoneNumber: { required: false },
});
const wallet = createTestWallet('7'.repeat(64));

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/web3-waitlist-${name}.png`, fullPage: true });

/** A page whose `window.ethereum` answers like MetaMask, signing in Node with the test wallet's key. */
async function pageWithWallet() {
  const page = await ctx.newPage();
  const signed: string[] = [];
  await page.exposeFunction('__testWalletSign', (message: string) => {
    signed.push(message);
    return wallet.sign(message);
  });
  await page.addInitScript((address: string) => {
    const w = window as unknown as { ethereum: unknown; __testWalletSign(m: string): Promise<string> };
    w.ethereum = {
      isMetaMask: true,
      async request({ method, params }: { method: string; params?: unknown[] }) {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address];
        if (method === 'personal_sign') return w.__testWalletSign(String(params?.[0]));
        throw Object.assign(new Error(`unsupported ${method}`), { code: 4200 });
      },
    };
  }, wallet.address);
  await page.goto(ctx.playground.url);
  await expect.poll(() => page.textContent('#status')).toBe('ready');
  return { page, signed };
}

const userWallets = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { clerk: { user?: { id: string; web3Wallets: Array<{ web3Wallet: string }> } } }).clerk.user?.web3Wallets.map(
        (w) => w.web3Wallet,
      ) ?? null,
  );
const userId = (page: Page) => page.evaluate(() => (window as unknown as { clerk: { user?: { id: string } } }).clerk.user?.id ?? null);

describe('web3 and waitlist in Chromium', () => {
  it('signs up with the MetaMask button, then signs in with it on a new browser', async () => {
    const { page, signed } = await pageWithWallet();
    const button = page.locator('#auth-box .cl-socialButtonsBlockButton__metamask');
    await expect.poll(() => button.textContent()).toBe('Continue with MetaMask');
    await shot(page, '01-sign-in-wallet-button');
    await button.click();
    await expect.poll(() => userWallets(page)).toEqual([wallet.address]);
    expect(signed).toHaveLength(1);
    expect(Buffer.from(signed[0]!.slice(2), 'hex').toString('utf8')).toContain(wallet.address);
    const id = await userId(page);
    // The UserProfile's web3 wallets section lists it.
    const section = page.locator('#user-profile .cl-profileSection__web3Wallets');
    await expect.poll(() => section.textContent()).toContain(wallet.address);
    await section.scrollIntoViewIfNeeded();
    await shot(page, '02-user-profile-web3-wallets');
    await page.context().close();

    const second = await pageWithWallet();
    expect(await userId(second.page)).toBeNull();
    await second.page.locator('#auth-box .cl-socialButtonsBlockButton__metamask').click();
    await expect.poll(() => userId(second.page)).toBe(id);
    expect(second.signed).toHaveLength(1);
    await second.page.context().close();
  });

  it('joins the waitlist through <Waitlist/>', async () => {
    const page = await ctx.newPage();
    await page.goto(ctx.playground.url);
    await expect.poll(() => page.textContent('#status')).toBe('ready');
    await page.evaluate(() => {
      const node = document.createElement('div');
      node.id = 'waitlist-box';
      document.querySelector('main')?.prepend(node) ?? document.body.prepend(node);
      (window as unknown as { clerk: { mountWaitlist(n: HTMLElement): void } }).clerk.mountWaitlist(node);
    });
    const box = page.locator('#waitlist-box');
    await expect.poll(() => box.locator('.cl-headerTitle').textContent()).toBe('Join the waitlist');
    const email = `e2e-waitlist-${Date.now()}@example.com`;
    await box.locator('input[name=email_address]').fill(email);
    await shot(page, '03-waitlist-form');
    await box.locator('.cl-formButtonPrimary').click();
    await expect.poll(() => box.locator('.cl-headerTitle').textContent()).toBe('Thanks for joining the waitlist!');
    await shot(page, '04-waitlist-joined');
    const entries = (ctx.playground.emulator as unknown as { waitlist(): Array<{ emailAddress: string }> }).waitlist();
    expect(entries.map((e) => e.emailAddress)).toContain(email);
    await page.context().close();
  });
});
