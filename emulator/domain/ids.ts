/** Random ids, tokens and codes, shaped like the ones Clerk hands out. */
import { randomBytes, randomInt } from 'node:crypto';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Clerk-style id: `<prefix>_` + 27 base62 characters. */
export function newId(prefix: string): string {
  let body = '';
  for (const byte of randomBytes(27)) body += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}_${body}`;
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
