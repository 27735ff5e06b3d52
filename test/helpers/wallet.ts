/**
 * A test wallet: a known secp256k1 key that signs like MetaMask's `personal_sign` (EIP-191), and an
 * EIP-1193 provider around it (`eth_requestAccounts`, `personal_sign`) for tests to inject.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';

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
