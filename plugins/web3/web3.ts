import { definePlugin, SignIn, SignUp, User } from '../../kernel/index.js';
import type { Web3Strategy } from './wallets.js';
// Type-only: the navigation plugin's API (a declared dependency).
import type {} from '../navigation/index.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    web3: Web3Api;
  }
}

export interface AuthenticateWithWalletParams {
  /** Where to go once signed in; default the after-sign-in URL. */
  redirectUrl?: string;
  /** Where a wallet sign-up that still misses fields continues (ClerkJS: `<signUpUrl>#/continue`). */
  signUpContinueUrl?: string;
  /** Where a sign-in that needs a second factor continues; default `<signInUrl>#/factor-two`. */
  secondFactorUrl?: string;
  /** Navigates instead of the navigation plugin (both the continue step and the second factor). */
  customNavigate?: (to: string) => Promise<unknown>;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

export interface ClerkAuthenticateWithWeb3Params extends AuthenticateWithWalletParams {
  /** Solana (`web3_solana_signature`) is accepted by the type, as ClerkJS's, and refused with `web3_strategy_unsupported`. */
  strategy: Web3Strategy | 'web3_solana_signature';
  walletName?: string;
}

export interface Web3Api {
  /**
   * Signs in with the wallet of `strategy` (found through EIP-6963, else `window.ethereum`), or signs
   * up when FAPI does not know its address; then activates the session and navigates. No wallet:
   * a `web3_missing_identifier` error; a refused prompt: `web3_signature_request_rejected`.
   */
  authenticateWithWeb3(params: ClerkAuthenticateWithWeb3Params): Promise<void>;
  authenticateWithMetamask(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithCoinbaseWallet(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithOKXWallet(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithBase(params?: AuthenticateWithWalletParams): Promise<void>;
}

/**
 * The web3 plugin: wallet sign-in and sign-up (`clerk.authenticateWithMetamask()` & co.), the web3
 * methods of SignIn/SignUp/User and the `Web3Wallet` resource. No wallet SDK is bundled; the flow
 * loads on first use.
 */
export function web3Plugin() {
  return definePlugin({
    name: 'web3',
    dependsOn: ['navigation'],
    setup(ctx): Web3Api {
      // The resource methods load alongside load()'s requests (load() waits for them), not with the initial bundle.
      const installing = import('./methods-impl.js').then((impl) => impl.installWeb3Methods(ctx.kernel, { SignIn, SignUp, User }));
      installing.catch(() => {}); // reported through the load hook
      ctx.onLoad(async () => void (await installing));
      const nav = ctx.get('navigation');
      const run = async (params: ClerkAuthenticateWithWeb3Params) => (await import('./flow.js')).authenticateWithWeb3(ctx.kernel, nav, params);
      const members: Record<string, unknown> = { authenticateWithWeb3: run };
      for (const [name, provider] of [
        ['Metamask', 'metamask'],
        ['CoinbaseWallet', 'coinbase_wallet'],
        ['OKXWallet', 'okx_wallet'],
        ['Base', 'base'],
      ])
        members[`authenticateWith${name}`] = (params?: AuthenticateWithWalletParams) =>
          run({ ...params, strategy: `web3_${provider}_signature` as Web3Strategy });
      return members as unknown as Web3Api;
    },
  });
}
