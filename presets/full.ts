/**
 * The full preset: the documented `Clerk` class, composed of every plugin, as a drop-in for ClerkJS.
 * @packageDocumentation
 */
import { createClerk, type ClerkConstructorOptions, type ClerkInstance } from '../kernel/index.js';

export * from '../kernel/index.js';

/** The plugins of the full preset, in order. */
export function fullPlugins() {
  return [] as const;
}

type FullClerk = ClerkInstance<ReturnType<typeof fullPlugins>>;

// The class and the interface merge: instances carry every kernel and plugin member.
export interface Clerk extends FullClerk {}

/** `new Clerk(publishableKey, { proxyUrl | domain })`, then `await clerk.load(options)`, as with ClerkJS. */
export class Clerk {
  constructor(publishableKey: string, options: ClerkConstructorOptions = {}) {
    createClerk({ ...options, publishableKey, plugins: fullPlugins() }, this);
  }
}
