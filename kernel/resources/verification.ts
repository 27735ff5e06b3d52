import { camelize, type JSONObject } from './base.js';

export type VerificationStatus = 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired';

/** The state of one verification (of a factor, an email address, a phone number…). Data only. */
export class Verification {
  status: VerificationStatus | null = null;
  strategy: string | null = null;
  attempts: number | null = null;
  expireAt: Date | null = null;
  verifiedAtClient?: string | null;
  nonce?: string | null;
  message?: string | null;
  channel?: string;
  nextAction?: 'needs_prepare' | 'needs_attempt' | '';
  supportedStrategies?: string[];
  externalVerificationRedirectURL: URL | null = null;
  error?: unknown;

  constructor(json?: JSONObject | null) {
    if (!json) return;
    const { externalVerificationRedirectUrl, ...rest } = camelize(json);
    Object.assign(this, rest);
    this.externalVerificationRedirectURL = externalVerificationRedirectUrl ? new URL(externalVerificationRedirectUrl) : null;
  }
}
