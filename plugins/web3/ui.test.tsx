// @vitest-environment happy-dom
/**
 * The wallet buttons of `<SignIn/>` / `<SignUp/>` (web3 plugin composed, web3 enabled on the instance)
 * and the waitlist sign-up mode of both components, in happy-dom against the emulator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { headlessPlugins } from '../../presets/headless.js';
import { useEmulator } from '../../test/helpers/emulator.js';
import { clearCookies, recordingNavigation, startClerk, title, waitFor } from '../../test/helpers/ui.js';
import { createTestWallet } from '../../test/helpers/wallet.js';
import { signInPlugin } from '../sign-in/index.js';
import { signUpPlugin } from '../sign-up/index.js';
import { uiPlugin } from '../ui/index.js';
import { waitlistPlugin } from '../waitlist/index.js';
import { web3Plugin } from './index.js';

const emulator = useEmulator({ settings: { web3: ['web3_metamask_signature'], emailAddress: { required: false }, phoneNumber: { required: false } } });
const instances: Array<{ destroy(): void }> = [];
const win = window as unknown as { ethereum?: unknown };

function start(withWeb3: boolean) {
  const navigation = recordingNavigation();
  const plugins = [
    navigation.plugin,
    ...headlessPlugins().slice(1),
    uiPlugin(),
    signInPlugin(),
    signUpPlugin(),
    waitlistPlugin(),
    ...(withWeb3 ? [web3Plugin()] : []),
  ];
  const clerk = startClerk(emulator.publishableKey, plugins) as ReturnType<typeof startClerk> & Record<string, any>;
  instances.push(clerk);
  const node = document.createElement('div');
  document.body.append(node);
  return { clerk, node, navigation };
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  delete win.ethereum;
  document.body.innerHTML = '';
  clearCookies();
  emulator.reset();
  emulator.updateSettings({ signUpMode: 'public' });
});

describe('wallet buttons', () => {
  it('<SignIn/> shows "Continue with MetaMask" and signs up / in with the wallet', async () => {
    const wallet = createTestWallet();
    win.ethereum = wallet.provider;
    const { clerk, node } = start(true);
    await clerk.load();
    clerk.mountSignIn(node, {});
    const button = await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__metamask'));
    expect(button.textContent).toBe('Continue with MetaMask');
    button.click();
    await waitFor(() => clerk.user?.web3Wallets[0]?.web3Wallet === wallet.address);
  });

  it('<SignUp/> without a wallet shows the localized web3_missing_identifier error', async () => {
    const { clerk, node } = start(true);
    await clerk.load();
    clerk.mountSignUp(node, {});
    const button = await waitFor(() => node.querySelector<HTMLButtonElement>('.cl-socialButtonsBlockButton__metamask'));
    button.click();
    const alert = await waitFor(() => node.querySelector('.cl-web3WalletButtons .cl-alert')?.textContent);
    expect(alert).toBe('A Web3 Wallet extension cannot be found. Please install one to continue.');
    expect(clerk.user).toBeNull();
  });

  it('no wallet buttons without the web3 plugin', async () => {
    const { clerk, node } = start(false);
    await clerk.load();
    clerk.mountSignIn(node, {});
    await waitFor(() => node.querySelector('input[name="identifier"]'));
    expect(node.querySelector('.cl-socialButtonsBlockButton__metamask')).toBeNull();
  });
});

describe('waitlist sign-up mode', () => {
  it("<SignIn/>'s footer joins the waitlist; <SignUp/> hands over to it", async () => {
    emulator.updateSettings({ signUpMode: 'waitlist' });
    const { clerk, node, navigation } = start(false);
    await clerk.load();
    clerk.mountSignIn(node, {});
    const link = await waitFor(() => node.querySelector<HTMLAnchorElement>('.cl-footerActionLink'));
    expect(link.textContent).toBe('Join waitlist');
    expect(link.getAttribute('href')).toMatch(/\/waitlist$/);
    clerk.unmountSignIn(node);
    clerk.mountSignUp(node, {});
    await waitFor(() => navigation.navigations.some((to) => to.endsWith('/waitlist')));
    expect(title(node)).toBe('');
    clerk.openSignUp({});
    await waitFor(() => document.body.textContent?.includes('Join the waitlist'));
  });
});
