/** The v6 "future" flows, loaded during `load()` rather than with the initial bundle (see compat.ts). */
export { createSignInFuture } from './sign-in-future.js';
export { createSignUpFuture } from './sign-up-future.js';
export { createWaitlistFuture } from './waitlist-future.js';
