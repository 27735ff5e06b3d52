import * as z from 'zod/mini';

/** The `load()` options that decide where sign-out goes (read through the navigation plugin's `buildAfterSignOutUrl()`). */
export interface SignOutLoadOptions {
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl?: string | null;
}

// Also validated here: a replacement navigation plugin may not validate it.
export const signOutLoadOptionsSchema = z.looseObject({
  afterSignOutUrl: z.optional(z.nullable(z.string({ error: 'expected a URL or path string' }))),
});
