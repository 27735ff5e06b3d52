/**
 * Apps keep importing Clerk's error guards (`isClerkAPIResponseError`, `isClerkRuntimeError` from
 * `@clerk/shared/error`, which `@clerk/react/errors` re-exports): they must recognize microclerk's errors.
 */
import { isClerkAPIResponseError as clerkIsAPIResponseError, isClerkRuntimeError as clerkIsRuntimeError } from '@clerk/shared/error';
import { describe, expect, it } from 'vitest';
import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';

describe('the errors against @clerk/shared’s guards', () => {
  it('a FAPI error is a ClerkAPIResponseError to them, a runtime error a ClerkRuntimeError, and not the other way round', () => {
    const api = new ClerkAPIResponseError('Incorrect password', { status: 422, errors: [{ code: 'form_password_incorrect', message: 'x' }] });
    const runtime = new ClerkRuntimeError('Network error', { code: 'network_error' });
    expect([clerkIsAPIResponseError(api), clerkIsRuntimeError(api)]).toEqual([true, false]);
    expect([clerkIsAPIResponseError(runtime), clerkIsRuntimeError(runtime)]).toEqual([false, true]);
    expect(clerkIsAPIResponseError(new Error('plain'))).toBe(false);
  });
});
