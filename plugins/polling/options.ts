import { isBoolean, optionalOption, type OptionsOf, type OptionsSchema } from '../../kernel/index.js';

/** The `load()` options the polling plugin reads; {@link PollingLoadOptions} is inferred from it. */
export const pollingLoadOptionsSchema = {
  /** Keep the session token fresh in the background. Default true; false schedules no timers. */
  polling: optionalOption<boolean>(isBoolean, 'a boolean'),
  /** Touch the session when the tab regains focus (ClerkJS's `touchSession`). Default true. */
  touchSession: optionalOption<boolean>(isBoolean, 'a boolean'),
} satisfies OptionsSchema;

/** The `load()` options the polling plugin reads. */
export type PollingLoadOptions = OptionsOf<typeof pollingLoadOptionsSchema>;
