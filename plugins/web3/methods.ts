/**
 * The web3 methods of the kernel's data-only resources (SignIn, SignUp, User) and the `Web3Wallet`
 * resource, installed by the plugin's setup as stubs whose bodies (methods-impl.ts) load on first call,
 * so an instance without web3 ships none of this and the full preset's initial bundle stays put.
 */
import { SignIn, SignUp, User, Verification, type JSONObject, type UserWeb3Wallet } from '../../kernel/index.js';
import type { Web3Strategy } from './wallets.js';

/** What `signIn/signUp.authenticateWithWeb3` calls to have the wallet sign FAPI's message. */
export type GenerateSignature = (params: { identifier: string; nonce: string; provider?: string; walletName?: string }) => Promise<string>;

export interface AuthenticateWithWeb3Params {
  identifier: string;
  generateSignature: GenerateSignature;
  strategy?: Web3Strategy;
  walletName?: string;
}

export interface SignUpWeb3Params {
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

export interface SignInWeb3Methods {
  /** `create({ identifier })`, `prepare_first_factor` (FAPI's message), the wallet's signature, `attempt_first_factor`. */
  authenticateWithWeb3(params: AuthenticateWithWeb3Params): Promise<SignIn>;
  authenticateWithMetamask(): Promise<SignIn>;
  authenticateWithCoinbaseWallet(): Promise<SignIn>;
  authenticateWithOKXWallet(): Promise<SignIn>;
  authenticateWithBase(): Promise<SignIn>;
}

export interface SignUpWeb3Methods {
  /** `create({ web3Wallet })`, `prepare_verification` (FAPI's message), the wallet's signature, `attempt_verification`. */
  authenticateWithWeb3(params: AuthenticateWithWeb3Params & SignUpWeb3Params): Promise<SignUp>;
  authenticateWithMetamask(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithCoinbaseWallet(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithOKXWallet(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithBase(params?: SignUpWeb3Params): Promise<SignUp>;
  prepareWeb3WalletVerification(params?: { strategy?: Web3Strategy }): Promise<SignUp>;
  attemptWeb3WalletVerification(params: { signature: string; strategy?: Web3Strategy }): Promise<SignUp>;
}

export interface UserWeb3Methods {
  /** `POST /me/web3_wallets`: an unverified wallet; verify it with `prepareVerification` / `attemptVerification`. */
  createWeb3Wallet(params: { web3Wallet: string }): Promise<Web3Wallet>;
}

export interface Web3WalletMethods {
  prepareVerification(params: { strategy: Web3Strategy }): Promise<Web3Wallet>;
  attemptVerification(params: { signature: string }): Promise<Web3Wallet>;
  destroy(): Promise<void>;
  reload(): Promise<Web3Wallet>;
}

/**
 * A wallet address of the user (`/me/web3_wallets/:id`): the data FAPI sends (`id`, `web3Wallet`,
 * `verification` — whose `message` the wallet signs) with these methods; `toString()` is the address.
 */
export type Web3Wallet = UserWeb3Wallet;

declare module '../../kernel/resources/sign-in.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SignIn extends SignInWeb3Methods {}
}
declare module '../../kernel/resources/sign-up.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SignUp extends SignUpWeb3Methods {}
}
declare module '../../kernel/resources/user.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends UserWeb3Methods {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserWeb3Wallet extends Web3WalletMethods {}
}

const WALLETS = 'authenticateWithMetamask authenticateWithCoinbaseWallet authenticateWithOKXWallet authenticateWithBase authenticateWithWeb3';

/** The prototype of every Web3Wallet (hydrated in `user.web3Wallets` or returned by `createWeb3Wallet`). */
export const web3WalletPrototype = {
  toString(this: UserWeb3Wallet) {
    return this.web3Wallet;
  },
};

const GROUPS = [
  [SignIn.prototype, 'signIn', WALLETS],
  [SignUp.prototype, 'signUp', `${WALLETS} prepareWeb3WalletVerification attemptWeb3WalletVerification`],
  [User.prototype, 'user', 'createWeb3Wallet'],
  [web3WalletPrototype, 'wallet', 'prepareVerification attemptVerification destroy reload'],
] as const;

/** Wallet data → a Web3Wallet: its methods, a Verification, and the resource context (non-enumerable). */
function asWeb3Wallet(ctx: unknown, data: JSONObject, json: JSONObject): UserWeb3Wallet {
  data.verification = json.verification ? new Verification(json.verification as JSONObject) : null;
  return Object.defineProperty(Object.setPrototypeOf(data, web3WalletPrototype), '_ctx', { value: ctx, configurable: true });
}

/** Puts the stubs on the classes once (every instance shares them) and hydrates `user.web3Wallets`. */
export function installWeb3Methods(): void {
  const userProto = User.prototype as unknown as { hydrate(json: JSONObject): void; _ctx: never; web3Wallets: unknown[] };
  if (Object.prototype.hasOwnProperty.call(userProto, 'createWeb3Wallet')) return;
  for (const [proto, group, names] of GROUPS) {
    for (const name of names.split(' ')) {
      // Bound on first access (ClerkJS's resource methods are arrow fields that apps pass around bare).
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: object) {
          const bound = async (...args: unknown[]) =>
            ((await import('./methods-impl.js'))[group] as Record<string, (...a: unknown[]) => unknown>)[name].apply(this, args);
          Object.defineProperty(this, name, { value: bound, configurable: true, writable: true });
          return bound;
        },
      });
    }
  }
  const hydrate = userProto.hydrate;
  userProto.hydrate = function (json) {
    hydrate.call(this, json);
    const raw = (json.web3_wallets as JSONObject[]) ?? [];
    this.web3Wallets = (this.web3Wallets ?? []).map((w, i) => asWeb3Wallet(this._ctx, w as JSONObject, raw[i]));
  };
}
