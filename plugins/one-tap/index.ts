/**
 * The one-tap plugin: Google One Tap for ClerkJS apps. `clerk.openGoogleOneTap(props)` shows Google's
 * prompt (Google Identity Services, loaded on first use from the `googleOneTapScriptUrl` load option);
 * the credential signs in or up through `authenticateWithGoogleOneTap` and `handleGoogleOneTapCallback`.
 * @packageDocumentation
 */
export { oneTapPlugin } from './one-tap.js';
export type { AuthenticateWithGoogleOneTapParams, GoogleOneTapProps, OneTapApi, OneTapLoadOptions, OneTapPlugin } from './one-tap.js';
