/**
 * The email-link plugin: `clerk.handleEmailLinkVerification()` for the page a sign-in, sign-up or
 * email-verification link lands on, and `EmailLinkError` / `isEmailLinkError` for its failures.
 * Sending the link and waiting for it are the resources' `createEmailLinkFlow()`.
 * @packageDocumentation
 */
export { emailLinkPlugin } from './email-link.js';
export type { CustomNavigate, EmailLinkApi, EmailLinkPlugin, EmailLinkPluginOptions, HandleEmailLinkVerificationParams } from './email-link.js';
export { EmailLinkError, EmailLinkErrorCode, EmailLinkErrorCodeStatus, isEmailLinkError } from './errors.js';
export type { EmailLinkErrorCodeValue } from './errors.js';
