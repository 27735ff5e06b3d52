/**
 * The errors domain rules and handlers throw. They carry FAPI's own codes and HTTP status because
 * reproducing those is the emulator's contract; the wire layer turns them into response bodies.
 */

export interface FapiErrorItem {
  code: string;
  message: string;
  long_message: string;
  meta: Record<string, unknown>;
}

/** Thrown by domain rules and handlers; the pipeline turns it into an error response. */
export class FapiError extends Error {
  readonly status: number;
  readonly errors: FapiErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: FapiErrorItem[], headers: Record<string, string> = {}) {
    super(errors[0]?.long_message ?? `FAPI error ${status}`);
    this.name = 'FapiError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

export function fapiError(status: number, code: string, message: string, longMessage: string = message, meta: Record<string, unknown> = {}): FapiError {
  return new FapiError(status, [{ code, message, long_message: longMessage, meta }]);
}

/** A 422 error about one form field. */
export function formError(code: string, paramName: string, message: string, longMessage: string = message): FapiError {
  return fapiError(422, code, message, longMessage, { param_name: paramName });
}

export function paramMissing(paramName: string): FapiError {
  return formError('form_param_missing', paramName, `${paramName} must be included.`, `${paramName} must be included.`);
}

export function paramInvalid(paramName: string, detail = 'is invalid.'): FapiError {
  return formError('form_param_value_invalid', paramName, `${paramName} ${detail}`, `${paramName} ${detail}`);
}

export function notFound(what = 'resource'): FapiError {
  return fapiError(404, 'resource_not_found', 'not found', `The ${what} was not found.`);
}

export function signedOut(): FapiError {
  return fapiError(401, 'signed_out', 'Signed out', 'You are signed out.');
}

export function sessionExists(): FapiError {
  return fapiError(
    400,
    'session_exists',
    "You're already signed in",
    "You're currently in single session mode. You can only be signed into one account at a time.",
  );
}

export function codeIncorrect(): FapiError {
  return formError('form_code_incorrect', 'code', 'Incorrect code', 'Incorrect code');
}

export function verificationExpired(): FapiError {
  return fapiError(422, 'verification_expired', 'expired', 'This verification has expired. Please request a new code.', {
    param_name: 'code',
  });
}

/** A verification of another field than `code` (a signed challenge, a registration) that ran out of time. */
export function verificationExpiredFor(paramName: string, longMessage: string): FapiError {
  return fapiError(422, 'verification_expired', 'expired', longMessage, { param_name: paramName });
}

export function verificationFailed(): FapiError {
  return fapiError(422, 'verification_failed', 'failed', 'Too many failed attempts. Please request a new code.', {
    param_name: 'code',
  });
}
