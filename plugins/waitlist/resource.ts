/** The `Waitlist` resource (`POST /v1/waitlist`'s answer) and the join request; loaded on first use. */
import type { JSONObject, KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError, camelize } from '../../kernel/lazy-kit.js';

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
  async join(params: { emailAddress: string }): Promise<{ error: unknown }> {
    try {
      const entry = await joinWaitlist((this as unknown as { _kernel: KernelInternals })._kernel, params);
      Object.assign(this, { id: entry.id, createdAt: entry.createdAt, updatedAt: entry.updatedAt });
      return { error: null };
    } catch (error) {
      return { error };
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
