// @vitest-environment happy-dom
/**
 * `<UserProfile/>`'s web3 section with Solana enabled: "Connect wallet" → "Solana" lists the installed
 * Solana wallets (ClerkJS's "Add a Solana wallet" screen); the chosen one is added and verified with its
 * ed25519 signature. None installed: ClerkJS's note; Cancel returns to the menu.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClerk } from '../../kernel/index.js';
import { useEmulator, PROXY_URL } from '../../test/helpers/emulator.js';
import { clearCookies } from '../../test/helpers/ui.js';
import { createTestSolanaWallet, type TestSolanaWallet } from '../../test/helpers/wallet.js';
import { memoryNavigation } from '../navigation/index.js';
import { signOutPlugin } from '../sign-out/index.js';
import { uiPlugin } from '../ui/index.js';
import { userProfilePlugin } from '../user-profile/index.js';
import { web3Plugin } from './index.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({
  settings: { web3: ['web3_solana_signature', 'web3_metamask_signature'] },
  seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] },
});
const cleanups: Array<() => void> = [];
const wallets: TestSolanaWallet[] = [];

async function mounted() {
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [memoryNavigation('http://localhost:3000/'), signOutPlugin(), uiPlugin(), userProfilePlugin(), web3Plugin()],
  });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: signIn.createdSessionId });
  const node = document.createElement('div');
  document.body.appendChild(node);
  cleanups.push(() => (clerk.destroy(), node.remove()));
  clerk.mountUserProfile(node, {});
  const section = await vi.waitFor(() => {
    const found = node.querySelector<HTMLElement>('.cl-profileSection__web3Wallets');
    expect(found).toBeTruthy();
    return found!;
  });
  return { clerk, section };
}

async function connect(section: HTMLElement, label: string) {
  const menu = section.querySelector<HTMLElement>('.cl-menuBox__connectWallet')!;
  menu.querySelector<HTMLButtonElement>('[aria-haspopup=menu]')!.click();
  const entries = await vi.waitFor(() => {
    const found = [...menu.querySelectorAll<HTMLButtonElement>('.cl-action__connectWallet')];
    expect(found.map((b) => b.textContent)).toEqual(['Solana', 'MetaMask']);
    return found;
  });
  entries.find((b) => b.textContent === label)!.click();
}

afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  wallets.splice(0).forEach((w) => w.unregister());
  clearCookies();
  emulator.reset();
});

describe('UserProfile: Solana wallets', () => {
  it('"Solana" lists the installed wallets; the chosen one is added and verified', async () => {
    for (const [name, seed] of [
      ['Solflare', 'e'.repeat(64)],
      ['Phantom', 'f'.repeat(64)],
    ]) {
      const wallet = createTestSolanaWallet(name, seed);
      wallet.register();
      wallets.push(wallet);
    }
    const { clerk, section } = await mounted();
    await connect(section, 'Solana');
    await vi.waitFor(() => expect(section.querySelector('.cl-profileSectionFormTitle')?.textContent).toBe('Add a Solana wallet'));
    expect(section.textContent).toContain('Select a Solana wallet to connect to your account.');
    const buttons = [...section.querySelectorAll<HTMLButtonElement>('.cl-socialButtonsBlockButton__solana')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Solflare', 'Phantom']);
    buttons[1]!.click();
    await vi.waitFor(() => expect(clerk.user?.web3Wallets.map((w) => [w.web3Wallet, w.verification.status])).toEqual([[wallets[1]!.address, 'verified']]));
    expect(wallets[0]!.calls).toEqual([]);
    // Back to the menu, the new wallet listed.
    await vi.waitFor(() => expect(section.querySelector('.cl-menuBox__connectWallet')).toBeTruthy());
    expect(section.textContent).toContain(wallets[1]!.address);
  });

  it('none installed: the note, and Cancel back to the menu', async () => {
    const { clerk, section } = await mounted();
    await connect(section, 'Solana');
    const note = await vi.waitFor(() => {
      const found = section.querySelector('.cl-alert');
      expect(found).toBeTruthy();
      return found!;
    });
    expect(note.textContent).toBe('No Solana Web3 wallets detected. Please install a Web3 supported wallet extension.');
    expect(note.querySelector('a')?.getAttribute('href')).toBe('https://solana.com/solana-wallets');
    section.querySelector<HTMLButtonElement>('.cl-action__cancel')!.click();
    await vi.waitFor(() => expect(section.querySelector('.cl-menuBox__connectWallet')).toBeTruthy());
    expect(clerk.user?.web3Wallets).toEqual([]);
  });
});
