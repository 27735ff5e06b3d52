/** ClerkJS's `EmailLinkErrorCodeStatus`: why an email-link landing page could not complete. */
export const EmailLinkErrorCodeStatus = {
  Expired: 'expired',
  Failed: 'failed',
  ClientMismatch: 'client_mismatch',
} as const;

/** @deprecated ClerkJS's older name of {@link EmailLinkErrorCodeStatus}. */
export const EmailLinkErrorCode = EmailLinkErrorCodeStatus;

export type EmailLinkErrorCodeValue = (typeof EmailLinkErrorCodeStatus)[keyof typeof EmailLinkErrorCodeStatus];

/** Rejects `handleEmailLinkVerification` for an expired, failed or other-client link; `code` as ClerkJS. */
export class EmailLinkError extends Error {
  readonly code: EmailLinkErrorCodeValue;

  constructor(code: EmailLinkErrorCodeValue) {
    super(code);
    // ClerkJS's own `isEmailLinkError` checks the name, so errors from here pass it too.
    this.name = 'EmailLinkError';
    this.code = code;
  }
}

export function isEmailLinkError(err: unknown): err is EmailLinkError {
  return err instanceof Error && err.name === 'EmailLinkError' && typeof (err as { code?: unknown }).code === 'string';
}
