/**
 * The web3 plugin: sign-in and sign-up with an Ethereum wallet (MetaMask, Coinbase Wallet, OKX Wallet,
 * Base) or a Solana wallet as ClerkJS does them — the address as identifier, FAPI's message signed with
 * `personal_sign` (Solana: `solana:signMessage`, base64) — plus `user.createWeb3Wallet()` and the
 * `Web3Wallet` resource. Ethereum wallets are found through EIP-6963 announcements, else
 * `window.ethereum`; Solana wallets by name through the Wallet Standard, else `window.solana`; no
 * wallet SDK is bundled.
 * @packageDocumentation
 */
export { web3Plugin } from './web3.js';
export type { AuthenticateWithSolanaParams, AuthenticateWithWalletParams, ClerkAuthenticateWithWeb3Params, Web3Api } from './web3.js';
export type {
  AuthenticateWithWeb3Params,
  GenerateSignature,
  SignInSolanaParams,
  SignInWeb3Methods,
  SignUpSolanaParams,
  SignUpWeb3Params,
  SignUpWeb3Methods,
  UserWeb3Methods,
  Web3StrategyParam,
  Web3Wallet,
  Web3WalletMethods,
} from './methods.js';
export type { Eip1193Provider, EthereumWeb3Provider, EthereumWeb3Strategy, Web3Provider, Web3Strategy } from './wallets.js';
export type { SolanaStandardWallet, SolanaWalletAccount } from './solana.js';
