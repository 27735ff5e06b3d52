/** Recognising and comparing the identifiers users type: emails, phone numbers, test-mode ones. */

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
