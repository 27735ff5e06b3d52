/**
 * Solana wallets without a wallet SDK, found by name as ClerkJS finds them: the Wallet Standard's
 * handshake (the app dispatches `wallet-standard:app-ready` carrying a `register` function; wallets call
 * it, or dispatch `wallet-standard:register-wallet` with a callback that does), keeping wallets that
 * support a `solana:` chain and `solana:signMessage`; else an injected `window.solana` (Phantom's legacy
 * API). The identifier is the account's base58 address; FAPI's message is signed as UTF-8 bytes and the
 * 64-byte ed25519 signature goes to FAPI base64-encoded.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';

/** A Wallet Standard account (its `address` is the base58 public key for Solana). */
export interface SolanaWalletAccount {
  readonly address: string;
  readonly publicKey?: Uint8Array;
  readonly chains?: readonly string[];
  readonly features?: readonly string[];
}

/** The parts of a Wallet Standard wallet microclerk uses. */
export interface SolanaStandardWallet {
  readonly name: string;
  readonly icon?: string;
  readonly chains?: readonly string[];
  readonly accounts?: readonly SolanaWalletAccount[];
  readonly features: Readonly<Record<string, unknown>>;
}

interface ConnectFeature {
  connect(input?: { silent?: boolean }): Promise<{ accounts: readonly SolanaWalletAccount[] }>;
}
interface SignMessageFeature {
  signMessage(...inputs: Array<{ account: SolanaWalletAccount; message: Uint8Array }>): Promise<ReadonlyArray<{ signature: Uint8Array }>>;
}
/** Phantom's legacy injection (`window.solana`). */
interface InjectedSolana {
  connect(): Promise<{ publicKey?: { toString(): string } } | undefined>;
  signMessage(message: Uint8Array, display?: string): Promise<{ signature: Uint8Array }>;
  publicKey?: { toString(): string } | null;
}

const registered = new Set<SolanaStandardWallet>();
let listening = false;

/** Starts the Wallet Standard handshake once; wallets registered later are seen too. */
function discover(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const api = Object.freeze({
    register(...wallets: SolanaStandardWallet[]) {
      wallets.forEach((w) => registered.add(w));
      return () => wallets.forEach((w) => registered.delete(w));
    },
  });
  window.addEventListener('wallet-standard:register-wallet', (event) => {
    const callback = (event as CustomEvent<unknown>).detail;
    if (typeof callback === 'function') {
      try {
        callback(api);
      } catch {
        // a wallet's own failure must not break discovery
      }
    }
  });
  window.dispatchEvent(new CustomEvent('wallet-standard:app-ready', { detail: api }));
}

const feature = <T>(wallet: SolanaStandardWallet, name: string) => wallet.features?.[name] as T | undefined;

/** The registered wallets that can sign in with Solana (a `solana:` chain and `solana:signMessage`). */
export function solanaWallets(): SolanaStandardWallet[] {
  discover();
  return [...registered].filter((w) => !!w.chains?.some((c) => c.startsWith('solana:')) && !!feature(w, 'solana:signMessage'));
}

const rejected = (err: unknown) => {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  return code === 4001 || (typeof message === 'string' && message.includes('User rejected the request'));
};

function walletError(err: unknown, signing: boolean): never {
  if (rejected(err)) throw new ClerkRuntimeError('The signature request was rejected in the wallet.', { code: 'web3_signature_request_rejected', cause: err });
  if (signing) throw new ClerkRuntimeError('The Solana wallet could not sign the message.', { code: 'web3_solana_signature_generation_failed', cause: err });
  throw err;
}

/** The wallet named `walletName` as connect/sign functions, or undefined when none is installed. */
function findWallet(walletName: string) {
  if (typeof walletName !== 'string' || !walletName) {
    throw new ClerkRuntimeError('Solana sign-in needs `walletName`, the name of the wallet to use.', { code: 'web3_solana_wallet_name_required' });
  }
  const wallet = solanaWallets().find((w) => w.name === walletName);
  if (wallet) {
    return {
      async connect() {
        const { accounts } = await feature<ConnectFeature>(wallet, 'standard:connect')!.connect();
        return accounts?.[0]?.address ?? '';
      },
      async sign(address: string, message: Uint8Array) {
        const account = wallet.accounts?.find((a) => a.address === address);
        if (!account) throw new ClerkRuntimeError(`The wallet ${walletName} has no account ${address}.`, { code: 'web3_solana_signature_generation_failed' });
        const [output] = await feature<SignMessageFeature>(wallet, 'solana:signMessage')!.signMessage({ account, message });
        return output?.signature;
      },
    };
  }
  const injected = typeof window !== 'undefined' ? (window as { solana?: InjectedSolana }).solana : undefined;
  if (injected && typeof injected.connect === 'function' && typeof injected.signMessage === 'function') {
    return {
      async connect() {
        const result = await injected.connect();
        return String(result?.publicKey ?? injected.publicKey ?? '');
      },
      async sign(_address: string, message: Uint8Array) {
        return (await injected.signMessage(message, 'utf8'))?.signature;
      },
    };
  }
  return undefined;
}

function requireWallet(walletName: string) {
  const wallet = findWallet(walletName);
  if (!wallet) {
    throw new ClerkRuntimeError(`No Solana wallet named "${walletName}" was found in this browser: install it to continue.`, {
      code: 'web3_missing_identifier',
    });
  }
  return wallet;
}

/** The base58 address of the wallet's first account (`standard:connect` prompts the user to connect). */
export async function solanaAddress(walletName: string): Promise<string> {
  const address = await requireWallet(walletName)
    .connect()
    .catch((err: unknown) => walletError(err, false));
  if (!address) throw new ClerkRuntimeError('The wallet returned no account to sign in with.', { code: 'web3_missing_identifier' });
  return address;
}

/** A `GenerateSignature` for the wallet named `walletName`: `solana:signMessage` of the message's UTF-8 bytes, base64. */
export const solanaSignatureGenerator =
  (walletName: string) =>
  async ({ identifier, nonce }: { identifier: string; nonce: string }): Promise<string> => {
    const wallet = requireWallet(walletName);
    let signature: Uint8Array | undefined;
    try {
      signature = await wallet.sign(identifier, new TextEncoder().encode(nonce));
    } catch (err) {
      if (err instanceof ClerkRuntimeError) throw err;
      walletError(err, true);
    }
    if (!signature?.length) throw new ClerkRuntimeError('The wallet returned no signature.', { code: 'web3_signature_missing' });
    return btoa(String.fromCharCode(...signature));
  };
