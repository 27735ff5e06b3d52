import * as z from 'zod/mini';

/** The `load()` options the sign-out plugin reads. */
export interface SignOutLoadOptions {
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl?: string;
}

export const signOutLoadOptionsSchema = z.looseObject({
  afterSignOutUrl: z.optional(z.string({ error: 'expected a URL or path string' })),
});
