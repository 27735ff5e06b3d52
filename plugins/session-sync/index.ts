/**
 * The session-sync plugin: keeps the `__session` and (development) `__client_uat` cookies that
 * server-side frameworks read in step with the browser's session.
 * @packageDocumentation
 */
export { sessionSyncPlugin } from './session-sync.js';
