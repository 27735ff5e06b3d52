import * as z from 'zod/mini';
import { isStringOrNull, optionalOption } from '../../kernel/index.js';

/**
 * The `load()` options that decide where sign-out goes (read through the navigation plugin's
 * `buildAfterSignOutUrl()`); {@link SignOutLoadOptions} is inferred from it. Also validated here: a
 * replacement navigation plugin may not validate it.
 */
export const signOutLoadOptionsSchema = z.object({
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl: optionalOption<string | null>(isStringOrNull, 'a URL or path string'),
});

/** The `load()` options the sign-out plugin reads. */
export type SignOutLoadOptions = z.input<typeof signOutLoadOptionsSchema>;
