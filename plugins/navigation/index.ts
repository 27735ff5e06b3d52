/**
 * The navigation plugin: every redirect of microclerk (after sign-in, sign-up, sign-out, `setActive`,
 * the components' routes) goes through it. Replace it by passing `routerPush`/`routerReplace` to
 * `load()`, or with any plugin named `navigation` that implements {@link NavigationApi}.
 * @packageDocumentation
 */
export { navigationPlugin, memoryNavigation } from './navigation.js';
export type { MemoryHistory, NavigateOptions, NavigationApi, NavigationPlugin, RedirectOptions } from './navigation.js';
export type { NavigationLoadOptions, RouterFn, RouterMetadata } from './options.js';
