/**
 * The waitlist plugin: `clerk.joinWaitlist({ emailAddress })` (returns the `Waitlist` entry) and the
 * `<Waitlist/>` component — an email form, its success state, `afterJoinWaitlistUrl`, a sign-in link.
 * With the instance's sign-up mode `waitlist`, `<SignUp/>` and `<SignIn/>`'s "Sign up" lead here.
 * @packageDocumentation
 */
export { waitlistPlugin } from './waitlist.js';
export type { JoinWaitlistParams, WaitlistApi, WaitlistProps } from './waitlist.js';
export type { ClerkError, Waitlist } from './resource.js';
