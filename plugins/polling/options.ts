import * as z from 'zod/mini';
import { isBoolean, optionalOption } from '../../kernel/index.js';

/** The `load()` options the polling plugin reads; {@link PollingLoadOptions} is inferred from it. */
export const pollingLoadOptionsSchema = z.object({
  /** Keep the session token fresh in the background. Default true; false schedules no timers. */
  polling: optionalOption<boolean>(isBoolean, 'a boolean'),
  /** Touch the session when the tab regains focus (ClerkJS's `touchSession`). Default true. */
  touchSession: optionalOption<boolean>(isBoolean, 'a boolean'),
});

/** The `load()` options the polling plugin reads. */
export type PollingLoadOptions = z.input<typeof pollingLoadOptionsSchema>;
