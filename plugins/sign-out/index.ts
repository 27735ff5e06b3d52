/**
 * The sign-out plugin: `signOut()` (all sessions, one session, callback or redirect) and the legacy
 * `signOutOne()`, with the sign-out told to the browser's other tabs.
 * @packageDocumentation
 */
export { signOutPlugin } from './sign-out.js';
export type { SignOut, SignOutApi, SignOutCallback, SignOutOptions } from './sign-out.js';
export type { SignOutLoadOptions } from './options.js';
