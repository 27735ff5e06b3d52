/** The `Waitlist` resource (`POST /v1/waitlist`'s answer) and the join request; loaded on first use. */
import type { JSONObject, KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError, camelize, isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/lazy-kit.js';

/** An entry on the instance's waitlist (ClerkJS's WaitlistResource data). */
export class Waitlist {
  readonly pathRoot = '/waitlist';
  id = '';
  createdAt: Date | null = null;
  updatedAt: Date | null = null;

  constructor(kernel: KernelInternals, json?: JSONObject | null) {
    Object.defineProperty(this, '_kernel', { value: kernel });
    this.fromJSON(json ?? null);
  }

  private fromJSON(json: JSONObject | null): this {
    if (json) Object.assign(this, { id: camelize(json).id ?? '', ...pickDates(camelize(json)) });
    return this;
  }

  /** ClerkJS's `waitlist.join()`: joins and takes the new entry's data; resolves `{ error }` instead of throwing. */
  async join(params: { emailAddress: string }): Promise<{ error: ClerkError | null }> {
    try {
      const entry = await joinWaitlist((this as unknown as { _kernel: KernelInternals })._kernel, params);
      Object.assign(this, { id: entry.id, createdAt: entry.createdAt, updatedAt: entry.updatedAt });
      return { error: null };
    } catch (error) {
      return { error: toClerkError(error) };
    }
  }

  /** FAPI has no read of a waitlist entry: resolves to this entry unchanged. */
  async reload(): Promise<this> {
    return this;
  }
}

const pickDates = (data: JSONObject) => ({ createdAt: (data.createdAt as Date) ?? null, updatedAt: (data.updatedAt as Date) ?? null });

export async function joinWaitlist(kernel: KernelInternals, params: { emailAddress: string }): Promise<Waitlist> {
  const emailAddress = params?.emailAddress;
  if (typeof emailAddress !== 'string' || !emailAddress.trim()) {
    throw new ClerkRuntimeError('joinWaitlist({ emailAddress }) needs the email address to add, as a non-empty string.', { code: 'invalid_params' });
  }
  // FAPI answers the entry bare (`{ object: 'waitlist', id, … }`); a `{ response }` envelope is read too.
  const payload = await kernel.fapi.request<JSONObject & { response?: JSONObject }>({
    method: 'POST',
    path: '/waitlist',
    body: { emailAddress: emailAddress.trim() },
  });
  return new Waitlist(kernel, payload?.response ?? payload);
}

/** ClerkJS's `ClerkError` (the `error` its `waitlist.join()` and future methods resolve): a coded error. */
export interface ClerkError extends Error {
  readonly clerkError: true;
  /** `api_response_error` for a FAPI error (the details are in its `errors`), else the runtime error's code. */
  readonly code: string;
  /** Never set by microclerk. */
  readonly longMessage: string | undefined;
  readonly docsUrl: string | undefined;
  readonly cause: Error | undefined;
}

/**
 * A caught error as ClerkJS hands it over: microclerk's own errors get ClerkJS's `ClerkError` fields, in
 * place (`api_response_error` for a FAPI error); anything else (a bug, a browser API's error) becomes a
 * `ClerkRuntimeError` (`unexpected_error`) with it as the `cause`. (compat's signals add the kind guards,
 * in their own chunk: a module shared with this one would be one more file to fetch.)
 */
export function toClerkError(error: unknown): ClerkError {
  const e = (
    isClerkAPIResponseError(error) || isClerkRuntimeError(error)
      ? error
      : new ClerkRuntimeError(error instanceof Error ? error.message : String(error), { code: 'unexpected_error', cause: error })
  ) as Error & { code?: string; longMessage?: string; docsUrl?: string };
  return Object.assign(e, {
    clerkError: true as const,
    code: e.code ?? 'api_response_error',
    longMessage: e.longMessage,
    docsUrl: e.docsUrl,
    cause: e.cause as Error | undefined,
  });
}
