import { defineLazyMethods, definePlugin, SignIn, SignUp, User, type JSONObject, type ResourceContext } from '../../kernel/index.js';
import { Verification } from '../../kernel/resources/verification.js';
import type { Web3Wallet } from './methods.js';
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
  strategy: Web3Strategy;
  /** The Solana wallet's name (Wallet Standard), required with `web3_solana_signature`. */
  walletName?: string;
}

/** ClerkJS's `AuthenticateWithSolanaParams`: the wallet params with the Solana wallet's name. */
export interface AuthenticateWithSolanaParams extends AuthenticateWithWalletParams {
  /** The name the wallet registers under the Wallet Standard (`Phantom`, `Solflare`…). */
  walletName: string;
}

export interface Web3Api {
  /**
   * Signs in with the wallet of `strategy` (found through EIP-6963, else `window.ethereum`; Solana's by
   * `walletName` through the Wallet Standard, else `window.solana`), or signs up when FAPI does not know
   * its address; then activates the session and navigates. No wallet: a `web3_missing_identifier` error;
   * a refused prompt: `web3_signature_request_rejected`; Solana without `walletName`: `web3_solana_wallet_name_required`.
   */
  authenticateWithWeb3(params: ClerkAuthenticateWithWeb3Params): Promise<void>;
  authenticateWithMetamask(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithCoinbaseWallet(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithOKXWallet(params?: AuthenticateWithWalletParams): Promise<void>;
  authenticateWithBase(params?: AuthenticateWithWalletParams): Promise<void>;
  /** `authenticateWithWeb3({ ...params, strategy: 'web3_solana_signature' })`. */
  authenticateWithSolana(params: AuthenticateWithSolanaParams): Promise<void>;
}

/** The prototype of every Web3Wallet (hydrated in `user.web3Wallets` or returned by `createWeb3Wallet`). */
const web3WalletPrototype = {
  pathRoot: '/me/web3_wallets',
  toString(this: Web3Wallet) {
    return this.web3Wallet;
  },
  __internal_toSnapshot(this: Web3Wallet) {
    const { id, web3Wallet, verification } = this;
    return { object: 'web3_wallet', id, web3_wallet: web3Wallet, verification: verification.__internal_toSnapshot?.() ?? null } as const;
  },
};

/** Wallet data (camelCase) → a Web3Wallet: the wallet methods, a Verification, the resource context (non-enumerable). */
function asWeb3Wallet(ctx: ResourceContext, data: object): Web3Wallet {
  const wallet = data as { verification?: unknown };
  if (!(wallet.verification instanceof Verification)) wallet.verification = new Verification(wallet.verification as JSONObject | null);
  if (Object.getPrototypeOf(data) !== web3WalletPrototype) Object.setPrototypeOf(data, web3WalletPrototype);
  return Object.defineProperty(data, '_ctx', { value: ctx, configurable: true }) as Web3Wallet;
}

const WALLET_SIGN_IN =
  'authenticateWithWeb3 authenticateWithMetamask authenticateWithCoinbaseWallet authenticateWithOKXWallet authenticateWithBase authenticateWithSolana';
/** The method names by group (the body module's export): stubs exist at once, the bodies load on the first call. */
const GROUPS = [
  [SignIn.prototype, WALLET_SIGN_IN, 'signIn'],
  [SignUp.prototype, `${WALLET_SIGN_IN} prepareWeb3WalletVerification attemptWeb3WalletVerification`, 'signUp'],
  [User.prototype, 'createWeb3Wallet', 'user'],
  [web3WalletPrototype, 'create prepareVerification attemptVerification destroy reload', 'wallet'],
] as const;

let installed = false;

/** Puts the method stubs on the classes once (every instance shares them) and hydrates `user.web3Wallets` as Web3Wallets. */
function installWeb3Methods(): void {
  if (installed) return;
  installed = true;
  for (const [proto, names, group] of GROUPS) {
    defineLazyMethods(proto, names, () =>
      import('./methods-impl.js').then((bodies) => ((bodies.given.asWeb3Wallet = asWeb3Wallet), bodies[group] as unknown as Record<string, () => unknown>)),
    );
  }
  const userProto = User.prototype as unknown as { hydrate(json: JSONObject, previous: unknown): void; _ctx: ResourceContext; web3Wallets: object[] };
  const hydrate = userProto.hydrate;
  userProto.hydrate = function (json, previous) {
    hydrate.call(this, json, previous);
    this.web3Wallets = (this.web3Wallets ?? []).map((w) => asWeb3Wallet(this._ctx, w));
  };
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
      installWeb3Methods();
      const nav = ctx.get('navigation');
      const run = async (params: ClerkAuthenticateWithWeb3Params) => {
        // The flow calls the resource methods: their bodies are fetched with it, not after it.
        import('./methods-impl.js').catch(() => {});
        return (await import('./flow.js')).authenticateWithWeb3(ctx.kernel, nav, params);
      };
      const members: Record<string, unknown> = { authenticateWithWeb3: run };
      // authenticateWithMetamask … authenticateWithSolana: the strategy from the name (`OKXWallet` → `web3_okx_wallet_signature`).
      for (const name of WALLET_SIGN_IN.split(' ').slice(1))
        members[name] = (params?: AuthenticateWithWalletParams | AuthenticateWithSolanaParams) =>
          run({
            ...params,
            strategy: `web3_${name
              .slice(16)
              .replace(/(?=Wallet)/, '_')
              .toLowerCase()}_signature` as Web3Strategy,
          });
      return members as unknown as Web3Api;
    },
  });
}
