import type * as z from 'zod/mini';
import { ClerkRuntimeError } from './errors.js';
import type { EventBus } from './events.js';
import type { KernelInternals } from './clerk.js';

/** What a plugin's `setup` receives. */
export interface PluginContext {
  /** The kernel: FAPI client, state, setActive, navigation hook, the public object. */
  readonly kernel: KernelInternals;
  /** The event bus; every subscription made here is dropped when the instance is destroyed. */
  readonly events: EventBus;
  /** The public API of a plugin named in `dependsOn` (throws for any other name). */
  get<T = Record<string, unknown>>(name: string): T;
  /** Runs during `load()`, after environment and client are in, in plugin order; may be async. */
  onLoad(fn: (options: Record<string, unknown>) => void | Promise<void>): void;
  /** Runs at `destroy()`, in reverse plugin order. */
  onDispose(fn: () => void): void;
}

/**
 * A plugin: a unique kebab-case `name`, the plugins it needs, an optional zod/mini schema for the
 * `load()` options it reads, and a synchronous `setup` that returns the members it adds to the public
 * object. Effects (fetches, timers, listeners) belong in `ctx.onLoad`, not in `setup`.
 */
export interface ClerkPlugin<Name extends string = string, Api extends object = object, LoadOptions extends object = object> {
  readonly name: Name;
  readonly dependsOn?: readonly string[];
  readonly loadOptions?: z.ZodMiniType<unknown>;
  setup(ctx: PluginContext): Api;
  /** Type-only: the load options this plugin accepts. */
  readonly __loadOptions?: LoadOptions;
}

/** Declares a plugin; the returned object is frozen. `LoadOptions` types the `load()` keys it reads. */
export function definePlugin<const Name extends string, Api extends object = object, LoadOptions extends object = object>(plugin: {
  name: Name;
  dependsOn?: readonly string[];
  loadOptions?: z.ZodMiniType<unknown>;
  setup(ctx: PluginContext): Api;
}): ClerkPlugin<Name, Api, LoadOptions> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(plugin.name)) {
    throw new ClerkRuntimeError(`Plugin name "${plugin.name}" must be kebab-case (e.g. "sign-out").`, { code: 'plugin_invalid_name' });
  }
  return Object.freeze({ ...plugin });
}

/** Orders plugins so each comes after what it depends on; ties keep list order. */
export function resolvePluginOrder<P extends ClerkPlugin>(plugins: readonly P[]): P[] {
  const byName = new Map<string, P>();
  for (const plugin of plugins) {
    if (byName.has(plugin.name)) {
      throw new ClerkRuntimeError(`Two plugins are named "${plugin.name}": each plugin name may appear once.`, {
        code: 'plugin_duplicate',
      });
    }
    byName.set(plugin.name, plugin);
  }
  const ordered: P[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: P, chain: string[]) => {
    if (state.get(plugin.name) === 'done') return;
    if (state.get(plugin.name) === 'visiting') {
      throw new ClerkRuntimeError(`Plugin dependency cycle: ${[...chain, plugin.name].join(' → ')}.`, {
        code: 'plugin_dependency_cycle',
      });
    }
    state.set(plugin.name, 'visiting');
    for (const dep of plugin.dependsOn ?? []) {
      const target = byName.get(dep);
      if (!target) {
        throw new ClerkRuntimeError(
          `Plugin "${plugin.name}" depends on "${dep}", which is not in the plugin list. Add a plugin named "${dep}".`,
          { code: 'plugin_missing_dependency' },
        );
      }
      visit(target, [...chain, plugin.name]);
    }
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The members a list of plugins adds to the public object. */
export type PluginsApi<P extends readonly ClerkPlugin[]> = UnionToIntersection<
  P[number] extends infer Each ? (Each extends ClerkPlugin<string, infer Api, object> ? Api : never) : never
>;

/** The `load()` options a list of plugins reads. */
export type PluginsLoadOptions<P extends readonly ClerkPlugin[]> = UnionToIntersection<
  P[number] extends infer Each ? (Each extends ClerkPlugin<string, object, infer O> ? O : never) : never
>;
