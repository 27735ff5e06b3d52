import type { ClerkAPIError } from '../errors.js';
import { camelize, type JSONObject } from './base.js';

export type VerificationStatus = 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired';

/** The state of one verification (of a factor, an email address, a phone number…). Data only. */
export class Verification {
  declare id?: string;
  status: VerificationStatus | null = null;
  strategy: string | null = null;
  attempts: number | null = null;
  expireAt: Date | null = null;
  /** The client (browser) that completed it; null until then. */
  verifiedAtClient: string | null = null;
  nonce: string | null = null;
  message: string | null = null;
  declare channel?: 'sms' | 'whatsapp';
  declare nextAction?: 'needs_prepare' | 'needs_attempt' | '';
  declare supportedStrategies?: string[];
  externalVerificationRedirectURL: URL | null = null;
  /** Why the last attempt failed (e.g. `form_code_incorrect`); null when none did. */
  error: ClerkAPIError | null = null;

  constructor(json?: JSONObject | null) {
    if (!json) return;
    const { externalVerificationRedirectUrl, ...rest } = camelize(json);
    Object.assign(this, rest);
    if (externalVerificationRedirectUrl) this.externalVerificationRedirectURL = new URL(externalVerificationRedirectUrl);
  }
}
