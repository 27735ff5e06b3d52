/** Verification JSON, the part every identifier, sign-in and sign-up embeds. */
import type { VerificationRecord } from '../domain/records.js';
import type { Json } from './view.js';

export function verificationJson(verification: VerificationRecord | null): Json | null {
  if (!verification) return null;
  return {
    object: 'verification',
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expireAt,
    verified_at_client: verification.verifiedAtClient,
    channel: verification.channel ?? undefined,
    // Web3: the text the wallet signs (FAPI's `message`; `nonce` stays for passkeys).
    message: verification.message ?? undefined,
    external_verification_redirect_url: verification.externalRedirectUrl,
    nonce: verification.nonce ?? undefined,
    error: verification.error,
  };
}
