/** One entry of a FAPI error body, camel-cased as ClerkJS exposes it. */
export interface ClerkAPIError {
  code: string;
  message: string;
  longMessage?: string;
  meta?: {
    paramName?: string;
    sessionId?: string;
    emailAddresses?: string[];
    identifiers?: string[];
    [key: string]: unknown;
  };
}

const API_ERROR = Symbol.for('microclerk.apiResponseError');
const RUNTIME_ERROR = Symbol.for('microclerk.runtimeError');

/**
 * Thrown for any FAPI response with a non-2xx status: the same shape ClerkJS users already catch
 * (`err.errors[0].code`, `err.status`).
 */
export class ClerkAPIResponseError extends Error {
  /** What @clerk/shared's `isClerkAPIResponseError` (used by `useReverification`) recognizes the class by. */
  static readonly kind = 'ClerkAPIResponseError';
  readonly clerkError = true;
  readonly [API_ERROR] = true;
  readonly status: number;
  readonly errors: ClerkAPIError[];
  readonly clerkTraceId?: string;
  /** Seconds to wait, from a 429's `Retry-After`. */
  readonly retryAfter?: number;

  constructor(message: string, init: { status: number; errors: ClerkAPIError[]; clerkTraceId?: string; retryAfter?: number }) {
    super(message);
    this.name = 'ClerkAPIResponseError';
    this.status = init.status;
    this.errors = init.errors;
    this.clerkTraceId = init.clerkTraceId;
    this.retryAfter = init.retryAfter;
  }
}

/** A problem found by the SDK itself (bad input, misuse, malformed response), with a stable `code`. */
export class ClerkRuntimeError extends Error {
  /** What @clerk/shared's `isClerkRuntimeError` (apps import it from Clerk's SDKs) recognizes the class by. */
  static readonly kind = 'ClerkRuntimeError';
  readonly clerkRuntimeError = true;
  readonly [RUNTIME_ERROR] = true;
  readonly code: string;

  constructor(message: string, init: { code: string; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ClerkRuntimeError';
    this.code = init.code;
  }
}

export function isClerkAPIResponseError(err: unknown): err is ClerkAPIResponseError {
  return !!err && typeof err === 'object' && API_ERROR in err;
}

export function isClerkRuntimeError(err: unknown): err is ClerkRuntimeError {
  return !!err && typeof err === 'object' && RUNTIME_ERROR in err;
}

/** How a bad argument is named in an error message: its type, or the string itself. */
const described = (got: unknown) => (got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got === 'string' ? JSON.stringify(got) : typeof got);

/** The coded error of a public method given a bad argument: `user.update(): params must be an object, got null.` */
export function invalidArgument(where: string, expected: string, got: unknown): ClerkRuntimeError {
  return new ClerkRuntimeError(`${where}: ${expected}, got ${described(got)}.`, { code: 'invalid_arguments' });
}

/** Throws {@link invalidArgument} unless `value` is an object (or, when `optional`, undefined). */
export function expectObject(value: unknown, where: string, name: string, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidArgument(where, `${name} must be an object`, value);
}
