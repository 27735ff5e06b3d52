import * as z from 'zod/mini';

/** The `load()` options the sign-out plugin reads. */
export interface SignOutLoadOptions {
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl?: string | null;
}

export const signOutLoadOptionsSchema = z.looseObject({
  afterSignOutUrl: z.optional(z.nullable(z.string({ error: 'expected a URL or path string' }))),
});
