/**
 * The polling plugin: keeps the session token fresh before it expires, touches the session on
 * focus, does nothing in hidden tabs, and lets one tab of the browser refresh for all of them.
 * @packageDocumentation
 */
export { pollingPlugin } from './polling.js';
export type { PollingPluginOptions } from './polling.js';
export type { LockRequester, PollingEnvironment } from './environment.js';
export type { PollingLoadOptions } from './options.js';
