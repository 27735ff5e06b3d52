import * as z from 'zod/mini';

/** The `load()` options the polling plugin reads (`touchSession` is the kernel's). */
export interface PollingLoadOptions {
  /** Keep the session token fresh in the background. Default true; false schedules no timers. */
  polling?: boolean;
}

export const pollingLoadOptionsSchema = z.looseObject({
  polling: z.optional(z.boolean({ error: 'expected a boolean' })),
});
