import type { ClerkAPIError } from '../errors.js';
import { camelize, type JSONObject } from './base.js';

export type VerificationStatus = 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired';

/** The state of one verification (of a factor, an email address, a phone number…). Data only. */
export class Verification {
  declare id?: string;
  declare status: VerificationStatus | null;
  declare strategy: string | null;
  declare attempts: number | null;
  declare expireAt: Date | null;
  /** The client (browser) that completed it; null until then. */
  declare verifiedAtClient: string | null;
  declare nonce: string | null;
  declare message: string | null;
  declare channel?: 'sms' | 'whatsapp';
  declare nextAction?: 'needs_prepare' | 'needs_attempt' | '';
  declare supportedStrategies?: string[];
  declare externalVerificationRedirectURL: URL | null;
  /** Why the last attempt failed (e.g. `form_code_incorrect`); null when none did. */
  declare error: ClerkAPIError | null;

  constructor(json?: JSONObject | null) {
    const { externalVerificationRedirectUrl, ...rest } = camelize(json ?? {});
    // What FAPI leaves out is null, as in ClerkJS (one loop: fewer bytes than a field initializer each).
    for (const key of NULLABLE) (this as Record<string, unknown>)[key] = null;
    Object.assign(this, rest);
    this.externalVerificationRedirectURL = externalVerificationRedirectUrl ? new URL(externalVerificationRedirectUrl) : null;
  }
}

const NULLABLE = ['status', 'strategy', 'attempts', 'expireAt', 'verifiedAtClient', 'nonce', 'message', 'error'];
