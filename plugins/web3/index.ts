/**
 * The web3 plugin: sign-in and sign-up with an Ethereum wallet (MetaMask, Coinbase Wallet, OKX Wallet,
 * Base) as ClerkJS does them — the address as identifier, FAPI's message signed with `personal_sign`
 * — plus `user.createWeb3Wallet()` and the `Web3Wallet` resource. Wallets are found through EIP-6963
 * announcements, else `window.ethereum`; no wallet SDK is bundled.
 * @packageDocumentation
 */
export { web3Plugin } from './web3.js';
export type { AuthenticateWithWalletParams, ClerkAuthenticateWithWeb3Params, Web3Api } from './web3.js';
export type {
  AuthenticateWithWeb3Params,
  GenerateSignature,
  SignInWeb3Methods,
  SignUpWeb3Params,
  SignUpWeb3Methods,
  UserWeb3Methods,
  Web3StrategyParam,
  Web3Wallet,
  Web3WalletMethods,
} from './methods.js';
export type { Eip1193Provider, Web3Provider, Web3Strategy } from './wallets.js';
