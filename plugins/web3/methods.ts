/**
 * The types of the web3 methods of the kernel's data-only resources (SignIn, SignUp, User) and of the
 * `Web3Wallet` resource. The methods themselves are in methods-impl.ts, which the plugin loads alongside
 * `load()`'s requests and installs on the kernel's classes, so the initial bundle carries none of them.
 */
import type { SignIn, SignUp, UserWeb3Wallet } from '../../kernel/index.js';
// Types only: the snapshot's shape (the verification's snapshot comes from the resource-members plugin).
import type { Web3WalletSnapshot } from '../resource-members/snapshots.js';
import type { Web3Provider, Web3Strategy } from './wallets.js';

/** What `signIn/signUp.authenticateWithWeb3` calls to have the wallet sign FAPI's message. */
export type GenerateSignature = (params: { identifier: string; nonce: string; provider: Web3Provider; walletName?: string }) => Promise<string>;

/** The strategies ClerkJS's params take (its `Web3Strategy`): the Ethereum wallets' and Solana's. */
export type Web3StrategyParam = Web3Strategy;

export interface AuthenticateWithWeb3Params {
  identifier: string;
  generateSignature: GenerateSignature;
  strategy?: Web3StrategyParam;
  walletName?: string;
}

export interface SignUpWeb3Params {
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

/** ClerkJS's `SignInAuthenticateWithSolanaParams`: the Solana wallet to use, by its Wallet Standard name. */
export interface SignInSolanaParams {
  walletName: string;
}

/** ClerkJS's `SignUpAuthenticateWithSolanaParams`. */
export interface SignUpSolanaParams extends SignUpWeb3Params {
  walletName: string;
}

export interface SignInWeb3Methods {
  /** `create({ identifier })`, `prepare_first_factor` (FAPI's message), the wallet's signature, `attempt_first_factor`. */
  authenticateWithWeb3(params: AuthenticateWithWeb3Params): Promise<SignIn>;
  authenticateWithMetamask(): Promise<SignIn>;
  authenticateWithCoinbaseWallet(): Promise<SignIn>;
  authenticateWithOKXWallet(): Promise<SignIn>;
  authenticateWithBase(): Promise<SignIn>;
  /**
   * Signs in with the Solana wallet named `walletName` (Wallet Standard, else `window.solana`): its base58
   * address as identifier, FAPI's message signed with `solana:signMessage` (sent base64). No such wallet:
   * `web3_missing_identifier`.
   */
  authenticateWithSolana(params: SignInSolanaParams): Promise<SignIn>;
}

export interface SignUpWeb3Methods {
  /** `create({ web3Wallet })`, `prepare_verification` (FAPI's message), the wallet's signature, `attempt_verification`. */
  authenticateWithWeb3(params: AuthenticateWithWeb3Params & SignUpWeb3Params): Promise<SignUp>;
  authenticateWithMetamask(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithCoinbaseWallet(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithOKXWallet(params?: SignUpWeb3Params): Promise<SignUp>;
  authenticateWithBase(params?: SignUpWeb3Params): Promise<SignUp>;
  /** Signs up with the Solana wallet named `walletName`, as `signIn.authenticateWithSolana` signs in. */
  authenticateWithSolana(params: SignUpSolanaParams): Promise<SignUp>;
  prepareWeb3WalletVerification(params?: { strategy?: Web3StrategyParam }): Promise<SignUp>;
  attemptWeb3WalletVerification(params: { signature: string; strategy?: Web3StrategyParam }): Promise<SignUp>;
}

export interface UserWeb3Methods {
  /** `POST /me/web3_wallets`: an unverified wallet; verify it with `prepareVerification` / `attemptVerification`. */
  createWeb3Wallet(params: { web3Wallet: string }): Promise<Web3Wallet>;
}

export interface Web3WalletMethods {
  /** `POST /me/web3_wallets` with this wallet's address: an unverified wallet, as `user.createWeb3Wallet()`. */
  create(): Promise<Web3Wallet>;
  /** The FAPI path of wallets, as ClerkJS names it. */
  readonly pathRoot: string;
  /** FAPI's JSON of the wallet; its verification's is null without the resource-members plugin. */
  __internal_toSnapshot(): Web3WalletSnapshot;
  prepareVerification(params: { strategy: Web3StrategyParam }): Promise<Web3Wallet>;
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
