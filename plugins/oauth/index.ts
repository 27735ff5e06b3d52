/**
 * The OAuth plugin: `clerk.handleRedirectCallback()` for the page an OAuth / SSO provider returns to,
 * and the popup flow of `signIn/signUp.authenticateWithPopup()`. `authenticateWithRedirect()` itself is
 * a method of the sign-in and sign-up resources.
 * @packageDocumentation
 */
export { oauthPlugin } from './oauth.js';
export type { OAuthApi, OAuthPlugin, OAuthPluginOptions, SignInOrUp } from './oauth.js';
export type { CustomNavigate, HandleOAuthCallbackParams } from './callback.js';
