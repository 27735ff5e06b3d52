/**
 * Finding the user's Ethereum wallet without any wallet SDK: EIP-6963 announcements
 * (`eip6963:announceProvider`, matched by the wallet's reverse-DNS id), falling back to the legacy
 * injected `window.ethereum` (EIP-1193). Signing is EIP-1193 `personal_sign` of FAPI's message,
 * hex-encoded as MetaMask expects. Solana wallets are found by name in solana.ts; `connectWallet` picks.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import { solanaAddress, solanaSignatureGenerator } from './solana.js';

export type EthereumWeb3Strategy = 'web3_metamask_signature' | 'web3_coinbase_wallet_signature' | 'web3_okx_wallet_signature' | 'web3_base_signature';
/** ClerkJS's `Web3Strategy`: an Ethereum wallet's, or Solana's (whose wallet is named by `walletName`). */
export type Web3Strategy = EthereumWeb3Strategy | 'web3_solana_signature';
export type EthereumWeb3Provider = 'metamask' | 'coinbase_wallet' | 'okx_wallet' | 'base';
/** ClerkJS's `Web3Provider`: the strategy's middle part. */
export type Web3Provider = EthereumWeb3Provider | 'solana';

/** The Ethereum wallets microclerk signs in with: strategy, display name, and the EIP-6963 rdns prefixes that identify them. */
export const WEB3_WALLETS: ReadonlyArray<{ provider: EthereumWeb3Provider; strategy: EthereumWeb3Strategy; name: string; rdns: readonly string[] }> = [
  { provider: 'metamask', strategy: 'web3_metamask_signature', name: 'MetaMask', rdns: ['io.metamask'] },
  { provider: 'coinbase_wallet', strategy: 'web3_coinbase_wallet_signature', name: 'Coinbase Wallet', rdns: ['com.coinbase.wallet'] },
  { provider: 'okx_wallet', strategy: 'web3_okx_wallet_signature', name: 'OKX Wallet', rdns: ['com.okex.wallet'] },
  { provider: 'base', strategy: 'web3_base_signature', name: 'Base', rdns: ['app.base', 'org.base', 'base'] },
];

export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

interface Eip6963Detail {
  info: { uuid: string; name: string; rdns: string; icon?: string };
  provider: Eip1193Provider;
}

const announced = new Map<string, Eip6963Detail>();
let listening = false;

/** Collects announced wallets; wallets answer `eip6963:requestProvider` synchronously, so one request suffices. */
function discover(): void {
  if (typeof window === 'undefined') return;
  if (!listening) {
    listening = true;
    window.addEventListener('eip6963:announceProvider', (event) => {
      const detail = (event as CustomEvent<Eip6963Detail>).detail;
      if (detail?.info?.uuid && typeof detail.provider?.request === 'function') announced.set(detail.info.uuid, detail);
    });
  }
  window.dispatchEvent(new Event('eip6963:requestProvider'));
}

export function walletFor(strategy: string | undefined) {
  const wallet = WEB3_WALLETS.find((w) => w.strategy === strategy);
  if (!wallet)
    throw new ClerkRuntimeError(
      `Unsupported web3 strategy "${strategy}": expected web3_solana_signature or one of ${WEB3_WALLETS.map((w) => w.strategy).join(', ')}.`,
      {
        code: 'web3_strategy_unsupported',
      },
    );
  return wallet;
}

/** The EIP-1193 provider of the wallet behind `strategy`, or `undefined` when none is installed. */
export function findProvider(strategy: string): Eip1193Provider | undefined {
  const wallet = walletFor(strategy);
  discover();
  const matches = (rdns: string) => wallet.rdns.some((id) => rdns === id || rdns.startsWith(`${id}.`));
  const match = [...announced.values()].find((d) => matches(d.info.rdns))?.provider;
  if (match) return match;
  const injected = typeof window !== 'undefined' ? (window as { ethereum?: Eip1193Provider }).ethereum : undefined;
  return injected && typeof injected.request === 'function' ? injected : undefined;
}

function requireProvider(strategy: string): Eip1193Provider {
  const provider = findProvider(strategy);
  if (!provider) {
    throw new ClerkRuntimeError(
      `No ${walletFor(strategy).name} wallet was found in this browser: install the extension (or another EIP-1193 wallet) to continue.`,
      {
        code: 'web3_missing_identifier',
      },
    );
  }
  return provider;
}

/** EIP-1193 4001: the user closed or refused the wallet's prompt. */
function walletError(err: unknown): never {
  if ((err as { code?: unknown })?.code === 4001) {
    throw new ClerkRuntimeError('The signature request was rejected in the wallet.', { code: 'web3_signature_request_rejected', cause: err });
  }
  throw err;
}

/** The wallet's first account (`eth_requestAccounts` prompts the user to connect). */
export async function walletAddress(strategy: string): Promise<string> {
  const accounts = await requireProvider(strategy).request({ method: 'eth_requestAccounts' }).catch(walletError);
  const address = Array.isArray(accounts) && typeof accounts[0] === 'string' ? accounts[0] : '';
  if (!address) throw new ClerkRuntimeError('The wallet returned no account to sign in with.', { code: 'web3_missing_identifier' });
  return address;
}

const utf8Hex = (text: string) => [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A `GenerateSignature` for `strategy`'s wallet: `personal_sign` of the message, from `identifier`. */
export const signatureGenerator =
  (strategy: string) =>
  async ({ identifier, nonce }: { identifier: string; nonce: string }): Promise<string> => {
    const signature = await requireProvider(strategy)
      .request({ method: 'personal_sign', params: [`0x${utf8Hex(nonce)}`, identifier] })
      .catch(walletError);
    if (typeof signature !== 'string' || !signature) throw new ClerkRuntimeError('The wallet returned no signature.', { code: 'web3_signature_missing' });
    return signature;
  };

/**
 * The wallet of `strategy` connected: its address (the identifier) and a `GenerateSignature` for it.
 * Solana's wallet is the one named `walletName`; an unknown strategy is refused before any prompt.
 */
export async function connectWallet(
  strategy: string | undefined,
  walletName?: string,
): Promise<{ identifier: string; generateSignature: (params: { identifier: string; nonce: string }) => Promise<string>; strategy: Web3Strategy }> {
  if (strategy === 'web3_solana_signature') {
    return { identifier: await solanaAddress(walletName as string), generateSignature: solanaSignatureGenerator(walletName as string), strategy };
  }
  const ethereum = walletFor(strategy).strategy;
  return { identifier: await walletAddress(ethereum), generateSignature: signatureGenerator(ethereum), strategy: ethereum };
}
