import * as z from 'zod/mini';

/** The `load()` options the sign-out plugin reads; {@link SignOutLoadOptions} is inferred from it. */
export const signOutLoadOptionsSchema = z.object({
  /** Where to go after a sign-out that has no callback and no `redirectUrl`. Default `/`. */
  afterSignOutUrl: z.optional(z.nullable(z.string({ error: 'expected a URL or path string' }))),
});

/** The `load()` options the sign-out plugin reads. */
export type SignOutLoadOptions = z.input<typeof signOutLoadOptionsSchema>;
