import { isStringOrNull, optionalOption, type OptionsOf, type OptionsSchema } from '../../kernel/index.js';

/**
 * The `load()` options that decide where sign-out goes (read through the navigation plugin's
 * `buildAfterSignOutUrl()`); {@link SignOutLoadOptions} is inferred from it. Also validated here: a
 * replacement navigation plugin may not validate it.
 */
export const signOutLoadOptionsSchema = {
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl: optionalOption<string | null>(isStringOrNull, 'a URL or path string'),
} satisfies OptionsSchema;

/** The `load()` options the sign-out plugin reads. */
export type SignOutLoadOptions = OptionsOf<typeof signOutLoadOptionsSchema>;
