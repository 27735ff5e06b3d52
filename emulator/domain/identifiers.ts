/** Recognising and comparing the identifiers users type: emails, phone numbers, test-mode ones. */
import { fapiError } from './errors.js';
import type { UserRecord } from './records.js';

/** Digits with a leading `+`, so `+1 (201) 555-0123` and `+12015550123` compare equal. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+${digits}`;
}

export function looksLikePhone(text: string): boolean {
  return /^\+?[\d\s().-]{7,}$/.test(text.trim());
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** Clerk test mode: `+clerk_test` emails and 555-01xx phone numbers accept the code 424242. */
export const TEST_MODE_CODE = '424242';

export function isTestIdentifier(identifier: string): boolean {
  if (identifier.includes('@')) return identifier.toLowerCase().includes('+clerk_test');
  const digits = identifier.replace(/\D/g, '');
  return /555(01\d\d)$/.test(digits);
}

/**
 * An identifier as FAPI's sign-in factors show it when the user did not type it: enough to recognise
 * (`a***@example.com`, `+1********89`), too little to learn another identifier of the account. The exact
 * pattern is our reading of FAPI (first character / country digit and the last two digits kept).
 */
export function maskIdentifier(identifier: string): string {
  const at = identifier.lastIndexOf('@');
  if (at > 0) return `${identifier[0]}***${identifier.slice(at)}`;
  if (/^\+\d{5,}$/.test(identifier)) return `${identifier.slice(0, 2)}${'*'.repeat(identifier.length - 4)}${identifier.slice(-2)}`;
  return identifier;
}

/**
 * FAPI's refusal to delete the user's only identification (email, phone, wallet, connected account,
 * username): the account would be left with no way to sign in. Code and messages from Clerk's error
 * index ("LastIdentificationDeletionFailed"); the 400 status is our guess.
 */
export function assertNotLastIdentification(user: Pick<UserRecord, 'username' | 'emailAddresses' | 'phoneNumbers' | 'web3Wallets' | 'externalAccounts'>): void {
  const count = user.emailAddresses.length + user.phoneNumbers.length + user.web3Wallets.length + user.externalAccounts.length + (user.username ? 1 : 0);
  if (count <= 1) throw fapiError(400, 'identification_deletion_failed', 'Deletion failed', 'You cannot delete your last identification.');
}
