/**
 * A test wallet: a known secp256k1 key that signs like MetaMask's `personal_sign` (EIP-191), and an
 * EIP-1193 provider around it (`eth_requestAccounts`, `personal_sign`) for tests to inject; and a test
 * Solana wallet: a known ed25519 key behind a Wallet Standard wallet (`standard:connect`, `solana:signMessage`).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { ed25519 } from '@noble/curves/ed25519.js';

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export interface TestWallet {
  address: string;
  /** Signs `message` (UTF-8 text, or `0x`-hex bytes as `personal_sign` receives them): 0x r || s || v. */
  sign(message: string): string;
  /** An EIP-1193 provider; `calls` records every request. */
  provider: { request(args: { method: string; params?: unknown[] }): Promise<unknown>; calls: Array<{ method: string; params?: unknown[] }> };
}

export function createTestWallet(secretKeyHex = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'): TestWallet {
  const secretKey = Uint8Array.from(Buffer.from(secretKeyHex, 'hex'));
  const publicKey = secp256k1.getPublicKey(secretKey, false);
  const address = `0x${toHex(keccak_256(publicKey.slice(1)).slice(-20))}`;
  const sign = (message: string) => {
    const body = /^0x([0-9a-fA-F]{2})*$/.test(message) ? Uint8Array.from(Buffer.from(message.slice(2), 'hex')) : new TextEncoder().encode(message);
    const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${body.length}`);
    const hash = keccak_256(Uint8Array.from([...prefix, ...body]));
    const recovered = secp256k1.sign(hash, secretKey, { prehash: false, format: 'recovered' });
    // noble puts the recovery id first; Ethereum appends v = 27 + recovery.
    return `0x${toHex(recovered.slice(1))}${(27 + recovered[0]).toString(16)}`;
  };
  const calls: TestWallet['provider']['calls'] = [];
  const provider = {
    calls,
    async request(args: { method: string; params?: unknown[] }) {
      calls.push(args);
      if (args.method === 'eth_requestAccounts' || args.method === 'eth_accounts') return [address];
      if (args.method === 'personal_sign') return sign(String(args.params?.[0]));
      throw Object.assign(new Error(`unsupported method ${args.method}`), { code: 4200 });
    },
  };
  return { address, sign, provider };
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Bytes → base58 (Bitcoin alphabet), as Solana writes public keys. */
export function base58Encode(bytes: Uint8Array): string {
  let value = BigInt(`0x${toHex(bytes) || '0'}`);
  let out = '';
  for (; value > 0n; value /= 58n) out = BASE58[Number(value % 58n)] + out;
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out = `1${out}`;
  return out;
}

/** The Wallet Standard account a Solana wallet exposes. */
export interface TestSolanaAccount {
  address: string;
  publicKey: Uint8Array;
  chains: readonly string[];
  features: readonly string[];
}

export interface TestSolanaWallet {
  /** The base58 public key. */
  address: string;
  /** Signs the UTF-8 bytes of `message` with ed25519: the base64 signature ClerkJS sends. */
  sign(message: string): string;
  /** A Wallet Standard wallet (`standard:connect`, `solana:signMessage`); `calls` records every feature call. */
  wallet: {
    version: '1.0.0';
    name: string;
    icon: string;
    chains: readonly string[];
    accounts: TestSolanaAccount[];
    features: Record<string, unknown>;
  };
  calls: Array<{ feature: string; message?: string; address?: string }>;
  /** Makes the next signMessage call throw `error` (a wallet's rejection). */
  failNextSignWith(error: Error): void;
  /** Announces the wallet as Wallet Standard wallets do (`wallet-standard:register-wallet`, and again on `app-ready`). */
  register(): void;
  /** Unregisters the wallet and stops answering `app-ready`. */
  unregister(): void;
}

/** A test Solana wallet: a known ed25519 key behind a Wallet Standard wallet named `name`, for tests to register. */
export function createTestSolanaWallet(
  name = 'Test Solana Wallet',
  seedHex = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
): TestSolanaWallet {
  const secretKey = Uint8Array.from(Buffer.from(seedHex, 'hex'));
  const publicKey = ed25519.getPublicKey(secretKey);
  const address = base58Encode(publicKey);
  const sign = (message: string) => Buffer.from(ed25519.sign(new TextEncoder().encode(message), secretKey)).toString('base64');
  const account: TestSolanaAccount = { address, publicKey, chains: ['solana:mainnet'], features: ['solana:signMessage'] };
  const calls: TestSolanaWallet['calls'] = [];
  let failure: Error | null = null;
  const wallet: TestSolanaWallet['wallet'] = {
    version: '1.0.0',
    name,
    icon: 'data:image/svg+xml;base64,PHN2Zy8+',
    chains: ['solana:mainnet', 'solana:devnet'],
    accounts: [],
    features: {
      'standard:connect': {
        version: '1.0.0',
        async connect() {
          calls.push({ feature: 'standard:connect' });
          wallet.accounts = [account];
          return { accounts: wallet.accounts };
        },
      },
      'solana:signMessage': {
        version: '1.0.0',
        async signMessage(...inputs: Array<{ account: TestSolanaAccount; message: Uint8Array }>) {
          return inputs.map(({ account: signer, message }) => {
            const text = new TextDecoder().decode(message);
            calls.push({ feature: 'solana:signMessage', message: text, address: signer.address });
            if (failure) {
              const error = failure;
              failure = null;
              throw error;
            }
            if (signer.address !== address) throw new Error('unknown account');
            return { signedMessage: message, signature: ed25519.sign(message, secretKey) };
          });
        },
      },
    },
  };
  let unregisterFromApp: (() => void) | undefined;
  const callback = (api: { register(...wallets: unknown[]): () => void }) => {
    unregisterFromApp = api.register(wallet);
  };
  const onAppReady = (event: Event) => callback((event as CustomEvent).detail);
  return {
    address,
    sign,
    wallet,
    calls,
    failNextSignWith(error) {
      failure = error;
    },
    register() {
      window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: callback }));
      window.addEventListener('wallet-standard:app-ready', onAppReady);
    },
    unregister() {
      window.removeEventListener('wallet-standard:app-ready', onAppReady);
      unregisterFromApp?.();
    },
  };
}
