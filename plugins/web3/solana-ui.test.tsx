// @vitest-environment happy-dom
/**
 * Solana in `<SignIn/>` / `<SignUp/>` (web3 plugin composed, `web3_solana_signature` enabled): the
 * "Continue with Solana" button opens the `choose-wallet` step, which lists the installed Solana wallets
 * (Wallet Standard) and signs in/up with the chosen one; none installed: a note linking to Solana's list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { headlessPlugins } from '../../presets/headless.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies, recordingNavigation, startClerk, title, waitFor } from '../../test/helpers/ui.js';
import { createTestSolanaWallet, type TestSolanaWallet } from '../../test/helpers/wallet.js';
import { signInPlugin } from '../sign-in/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { uiPlugin } from '../ui/index.js';
import { web3Plugin } from './index.js';

const emulator = useEmulator({ settings: { web3: ['web3_solana_signature'], emailAddress: { required: false }, phoneNumber: { required: false } } });
const instances: Array<{ destroy(): void }> = [];
const wallets: TestSolanaWallet[] = [];

function start() {
  const navigation = recordingNavigation();
  const plugins = [navigation.plugin, ...headlessPlugins().slice(1), uiPlugin(), signInPlugin(), signUpPlugin(), web3Plugin()];
  const clerk = startClerk(emulator.publishableKey, plugins) as ReturnType<typeof startClerk> & Record<string, any>;
  instances.push(clerk);
  const node = document.createElement('div');
  document.body.append(node);
  return { clerk, node, navigation };
}

function installed(name: string, seed?: string) {
  const wallet = createTestSolanaWallet(name, seed);
  wallet.register();
  wallets.push(wallet);
  return wallet;
}

const buttons = (node: Element) => [...node.querySelectorAll<HTMLButtonElement>('.cl-web3WalletButtons button')];

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  wallets.splice(0).forEach((w) => w.unregister());
  document.body.innerHTML = '';
  clearCookies();
  history.replaceState(null, '', '/');
  emulator.reset();
});

describe('Solana wallet buttons', () => {
  it('<SignIn/>: "Continue with Solana" → the installed wallets → signed up with the chosen one', async () => {
    installed('Solflare', 'b'.repeat(64));
    const wallet = installed('Phantom');
    const { clerk, node } = start();
    await clerk.load();
    clerk.mountSignIn(node, { routing: 'hash' });
    const solana = await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__solana'));
    expect(solana.textContent).toBe('Continue with Solana');
    solana.click();
    await waitFor(() => title(node) === 'Sign in with Solana');
    expect(node.textContent).toContain('Select a wallet below to sign in');
    const names = await waitFor(() => (buttons(node).length === 2 ? buttons(node).map((b) => b.textContent) : null));
    expect(names).toEqual(['Solflare', 'Phantom']);
    // The wallets' icons are inline data: images.
    expect(node.querySelector('.cl-web3WalletButtons img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/);
    buttons(node)[1]!.click();
    await waitFor(() => clerk.user?.web3Wallets[0]?.web3Wallet === wallet.address);
    expect(wallet.calls.map((c) => c.feature)).toEqual(['standard:connect', 'solana:signMessage']);
    expect(wallets[0]!.calls).toEqual([]);
  });

  it('<SignUp/>: one wallet is "Continue with <name>"; a refused signature shows the localized error', async () => {
    const wallet = installed('Phantom');
    const { clerk, node } = start();
    await clerk.load();
    clerk.mountSignUp(node, { routing: 'hash' });
    (await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__solana'))).click();
    await waitFor(() => title(node) === 'Sign up with Solana');
    const button = await waitFor(() => buttons(node)[0]);
    expect(button.textContent).toBe('Continue with Phantom');
    wallet.failNextSignWith(new Error('User rejected the request.'));
    button.click();
    const alert = await waitFor(() => node.querySelector('.cl-alert')?.textContent);
    expect(alert).toBe('You have rejected the signature request. Please try again to continue.');
    expect(clerk.user).toBeNull();
    buttons(node)[0]!.click();
    await waitFor(() => clerk.user?.web3Wallets[0]?.web3Wallet === wallet.address);
  });

  it('no Solana wallet: a note with a link to solana.com; Back returns to the start', async () => {
    const { clerk, node } = start();
    await clerk.load();
    clerk.mountSignIn(node, { routing: 'hash' });
    (await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__solana'))).click();
    const alert = await waitFor(() => node.querySelector('.cl-alert'));
    expect(alert.textContent).toBe('No Solana Web3 wallets detected. Please install a Web3 supported wallet extension.');
    const link = alert.querySelector('a');
    expect(link?.textContent).toBe('wallet extension');
    expect(link?.getAttribute('href')).toBe('https://solana.com/solana-wallets');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    // A wallet that registers now shows up.
    installed('Backpack', 'c'.repeat(64));
    await waitFor(() => buttons(node)[0]?.textContent === 'Continue with Backpack');
    [...node.querySelectorAll('button')].find((b) => b.textContent === 'Back')!.click();
    await waitFor(() => node.querySelector('.cl-socialButtonsBlockButton__solana'));
    expect(title(node)).not.toBe('Sign in with Solana');
  });

  it("the app's localization overrides the step's English", async () => {
    installed('Phantom');
    const { clerk, node } = start();
    const localization = { signIn: { web3Solana: { title: 'Mit Solana anmelden' } }, web3SolanaWalletButtons: { continue: 'Weiter mit {{walletName}}' } };
    await clerk.load({ localization } as never);
    clerk.mountSignIn(node, { routing: 'hash' });
    (await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__solana'))).click();
    await waitFor(() => title(node) === 'Mit Solana anmelden');
    expect(node.textContent).toContain('Select a wallet below to sign in');
    expect((await waitFor(() => buttons(node)[0])).textContent).toBe('Weiter mit Phantom');
  });
});
