/**
 * Web3 wallet proofs: the message a wallet signs (a nonce FAPI issues per verification) and the check
 * of its signature. Ethereum wallets sign with `personal_sign` — EIP-191 prefix, keccak256, secp256k1
 * public-key recovery, and the address derived from the recovered key. Solana wallets sign the message's
 * UTF-8 bytes with ed25519 (`solana:signMessage`); the address is the base58 public key and the
 * signature arrives base64-encoded, as ClerkJS sends it. Emulator only: the SDK never verifies signatures.
 */
import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';

export const SOLANA_STRATEGY = 'web3_solana_signature';
export const WEB3_STRATEGIES = [
  'web3_metamask_signature',
  'web3_coinbase_wallet_signature',
  'web3_okx_wallet_signature',
  'web3_base_signature',
  SOLANA_STRATEGY,
] as const;
export type Web3Strategy = (typeof WEB3_STRATEGIES)[number];

export function isWeb3Strategy(strategy: string | undefined | null): strategy is Web3Strategy {
  return !!strategy && (WEB3_STRATEGIES as readonly string[]).includes(strategy);
}

/** An Ethereum address: `0x` and 40 hex digits (any case; checksums are not enforced, as FAPI lower-cases). */
export function isEthereumAddress(value: string): boolean {
  return /^0x[0-9a-fA-F]{40}$/.test(value);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet) text → bytes; `null` for a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  for (; value > 0n; value >>= 8n) bytes.unshift(Number(value & 0xffn));
  // Each leading '1' is a leading zero byte.
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.unshift(0);
  return Uint8Array.from(bytes);
}

/** A Solana address: the base58 text of a 32-byte ed25519 public key (case-sensitive). */
export function isSolanaAddress(value: string): boolean {
  return /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(value) && base58Decode(value)?.length === 32;
}

/** An address of either chain. */
export function isWeb3Address(value: string): boolean {
  return isEthereumAddress(value) || isSolanaAddress(value);
}

/** How FAPI stores an address: Ethereum's lower-cased, Solana's as given (base58 is case-sensitive). */
export function normalizeWeb3Address(value: string): string {
  const trimmed = value.trim();
  return isEthereumAddress(trimmed) ? trimmed.toLowerCase() : trimmed;
}

/** Whether `strategy` can prove `address`: Solana's strategy for Solana addresses, the others for Ethereum's. */
export function strategyFitsAddress(strategy: string, address: string): boolean {
  return strategy === SOLANA_STRATEGY ? isSolanaAddress(address) : isEthereumAddress(address);
}

/** How long a signing nonce stays valid. */
export const WEB3_NONCE_LIFETIME_MS = 10 * 60 * 1000;

/**
 * The text the wallet shows and signs: an EIP-4361 (Sign-In with Ethereum) shaped message naming the
 * application, the address and a fresh nonce.
 */
export function web3Message(args: { applicationName: string; address: string; uri: string; now: number }): string {
  const solana = isSolanaAddress(args.address);
  const nonce = randomBytes(16).toString('hex');
  let host = 'localhost';
  try {
    host = new URL(args.uri).host || host;
  } catch {
    // keep the default host for a relative or missing origin
  }
  return [
    `${host} wants you to sign in with your ${solana ? 'Solana' : 'Ethereum'} account:`,
    args.address,
    '',
    `Sign in to ${args.applicationName}.`,
    '',
    `URI: ${args.uri}`,
    'Version: 1',
    `Chain ID: ${solana ? 'mainnet' : '1'}`,
    `Nonce: ${nonce}`,
    `Issued At: ${new Date(args.now).toISOString()}`,
  ].join('\n');
}

const hexToBytes = (hex: string): Uint8Array | null => {
  const body = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (body.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(body)) return null;
  const out = new Uint8Array(body.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(body.slice(i * 2, i * 2 + 2), 16);
  return out;
};

/** EIP-191 version 0x45: keccak256("\x19Ethereum Signed Message:\n" + length + message). */
export function personalMessageHash(message: string): Uint8Array {
  const body = new TextEncoder().encode(message);
  const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${body.length}`);
  const data = new Uint8Array(prefix.length + body.length);
  data.set(prefix);
  data.set(body, prefix.length);
  return keccak_256(data);
}

/** The address of an uncompressed secp256k1 public key: the last 20 bytes of keccak256(x || y). */
export function addressOfPublicKey(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  const hash = keccak_256(uncompressed.slice(1));
  return `0x${Buffer.from(hash.slice(-20)).toString('hex')}`;
}

/**
 * Whether `signature` (65 bytes r || s || v as hex, v = 27/28 or 0/1) is `address`'s `personal_sign`
 * of `message`. Any malformed input is simply "not a valid signature".
 */
export function verifyPersonalSignature(message: string, signature: string, address: string): boolean {
  const bytes = hexToBytes(signature);
  if (!bytes || bytes.length !== 65) return false;
  const v = bytes[64];
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) return false;
  const recovered = new Uint8Array(65);
  recovered[0] = recovery;
  recovered.set(bytes.slice(0, 64), 1);
  try {
    const publicKey = secp256k1.recoverPublicKey(recovered, personalMessageHash(message), { prehash: false });
    return addressOfPublicKey(publicKey) === address.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Whether `signature` (the base64 of a 64-byte ed25519 signature) is the Solana wallet `address`'s
 * signature of the UTF-8 bytes of `message`. Any malformed input is simply "not a valid signature".
 */
export function verifySolanaSignature(message: string, signature: string, address: string): boolean {
  const publicKey = isSolanaAddress(address) ? base58Decode(address) : null;
  if (!publicKey || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  const bytes = Uint8Array.from(Buffer.from(signature, 'base64'));
  try {
    return ed25519.verify(bytes, new TextEncoder().encode(message), publicKey);
  } catch {
    return false;
  }
}

/** The signature check of `strategy`'s chain. */
export function verifyWeb3Signature(strategy: string, message: string, signature: string, address: string): boolean {
  return strategy === SOLANA_STRATEGY ? verifySolanaSignature(message, signature, address) : verifyPersonalSignature(message, signature, address);
}
