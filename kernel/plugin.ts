import type { OptionsOf, OptionsSchema } from './options.js';
import { ClerkRuntimeError } from './errors.js';
import type { EventBus } from './events.js';
import type { AuthenticateWithPopup } from './resources/external-auth.js';
import type { KernelInternals, KernelLoadOptions, Navigate, PageLoad } from './types.js';

/**
 * Plugin name → the API its `setup` returns: what `ctx.get(name)` gives a plugin that depends on it.
 * Every plugin adds its entry by declaration merging, beside its factory:
 * `declare module 'microclerk' { interface PluginApis { greeter: GreeterApi } }`
 * (inside this repository: `declare module '../../kernel/plugin.js'`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginApis {}

/** The name of a plugin that registered its API in {@link PluginApis}. */
export type PluginName = keyof PluginApis & string;

/**
 * What at most one plugin of an instance may provide. A plugin lists the capabilities it provides in
 * `provides` and installs them with `ctx.provide`; a second plugin providing the same one is an error.
 */
export interface Capabilities {
  /** How this instance navigates (`setActive({ redirectUrl })`, sign-out, components). */
  navigate: Navigate;
  /** How a resource leaves for an OAuth provider (`authenticateWithRedirect`); default: `window.location.assign`. */
  pageLoad: PageLoad;
  /** How `signIn/signUp.authenticateWithPopup` runs (the oauth plugin); without it they throw. */
  authenticateWithPopup: AuthenticateWithPopup;
}

export type CapabilityName = keyof Capabilities & string;

/** The `load()` options a plugin reads: one zod/mini schema per key (see `optionalOption`). */
export type LoadOptionsSchema = OptionsSchema;

/** The `load()` options a schema accepts (none without a schema). */
export type LoadOptionsOf<S> = S extends OptionsSchema ? OptionsOf<S> : object;

/** What a plugin's `setup` receives, typed by what the plugin declared. */
export interface PluginContext<
  Deps extends string = never,
  Optional extends string = never,
  LoadOptions extends object = object,
  Provides extends string = never,
> {
  /** The kernel: FAPI client, state, setActive, navigation, the public object. */
  readonly kernel: KernelInternals;
  /** The event bus; every subscription made here is dropped when the instance is destroyed. */
  readonly events: EventBus;
  /** The `load()` options as given (empty before `load()`), typed by this plugin's schema. */
  readonly loadOptions: Readonly<KernelLoadOptions & LoadOptions>;
  /** The API of a plugin named in `dependsOn`; any other name is a compile error and a coded runtime error. */
  get<N extends Deps>(name: N): N extends PluginName ? PluginApis[N] : never;
  /** The API of a plugin named in `optionalDependsOn`, or `undefined` when the instance was composed without it. */
  find<N extends Optional>(name: N): (N extends PluginName ? PluginApis[N] : never) | undefined;
  /** Installs a capability this plugin lists in `provides`. */
  provide<C extends Provides>(capability: C, implementation: C extends CapabilityName ? Capabilities[C] : never): void;
  /** Runs during `load()`, after environment and client are in, in plugin order; may be async. */
  onLoad(fn: (options: Readonly<KernelLoadOptions & LoadOptions>) => void | Promise<void>): void;
  /**
   * Runs synchronously when `load()` starts, before its requests, with the validated options: the place
   * to start fetching code that those options call for, so that it arrives with load()'s own requests.
   */
  beforeLoad(fn: (options: Readonly<KernelLoadOptions & LoadOptions>) => void): void;
  /** Runs at `destroy()`, in reverse plugin order. */
  onDispose(fn: () => void): void;
}

/**
 * A plugin: a unique kebab-case `name`, the plugins it needs (`dependsOn`) or uses when present
 * (`optionalDependsOn`), the capabilities it provides, an optional zod/mini schema for the `load()`
 * options it reads, and a synchronous `setup` that returns the members it adds to the public object.
 * Effects (fetches, timers, listeners) belong in `ctx.onLoad`, not in `setup`.
 */
export interface ClerkPlugin<Name extends string = string, Api extends object = object, LoadOptions extends object = object> {
  readonly name: Name;
  readonly dependsOn?: readonly string[];
  readonly optionalDependsOn?: readonly string[];
  readonly provides?: readonly CapabilityName[];
  readonly loadOptions?: LoadOptionsSchema;
  // A method, so a plugin whose context is narrower (its own dependencies) still fits here.
  setup(ctx: PluginContext<string, string, object, CapabilityName>): Api;
  /** Type-only: the load options this plugin accepts. */
  readonly __loadOptions?: LoadOptions;
}

/** What {@link definePlugin} takes; every type parameter is inferred from the object. */
export interface PluginDefinition<
  Name extends string,
  Api extends object,
  Deps extends readonly PluginName[],
  Optional extends readonly PluginName[],
  Schema extends LoadOptionsSchema | undefined,
  Provides extends readonly CapabilityName[],
> {
  name: Name;
  dependsOn?: Deps;
  optionalDependsOn?: Optional;
  provides?: Provides;
  loadOptions?: Schema;
  setup(ctx: PluginContext<Deps[number], Optional[number], LoadOptionsOf<Schema>, Provides[number]>): Api;
}

/**
 * Declares a plugin; the returned object is frozen. Nothing needs spelling out: the dependencies'
 * APIs, the load options (from the schema) and the members added (from `setup`'s return) are inferred.
 */
export function definePlugin<
  const Name extends string,
  Api extends object = object,
  const Deps extends readonly PluginName[] = [],
  const Optional extends readonly PluginName[] = [],
  Schema extends LoadOptionsSchema | undefined = undefined,
  const Provides extends readonly CapabilityName[] = [],
>(plugin: PluginDefinition<Name, Api, Deps, Optional, Schema, Provides>): ClerkPlugin<Name, Api, LoadOptionsOf<Schema>> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(plugin.name)) {
    throw new ClerkRuntimeError(`Plugin name "${plugin.name}" must be kebab-case (e.g. "sign-out").`, { code: 'plugin_invalid_name' });
  }
  return Object.freeze({ ...plugin }) as unknown as ClerkPlugin<Name, Api, LoadOptionsOf<Schema>>;
}

/**
 * Orders plugins so each comes after what it depends on (required or optional, when present); ties
 * keep list order. Refuses duplicates, missing dependencies, cycles and a capability provided twice.
 */
export function resolvePluginOrder<P extends ClerkPlugin>(plugins: readonly P[]): P[] {
  const byName = new Map<string, P>();
  const providers = new Map<string, string>();
  for (const plugin of plugins) {
    if (byName.has(plugin.name)) {
      throw new ClerkRuntimeError(`Two plugins are named "${plugin.name}": each plugin name may appear once.`, {
        code: 'plugin_duplicate',
      });
    }
    byName.set(plugin.name, plugin);
    for (const capability of plugin.provides ?? []) {
      const other = providers.get(capability);
      if (other) {
        throw new ClerkRuntimeError(
          `Plugins "${other}" and "${plugin.name}" both provide "${capability}"; an instance can have only one. Remove one of them.`,
          {
            code: 'plugin_capability_conflict',
          },
        );
      }
      providers.set(capability, plugin.name);
    }
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
        throw new ClerkRuntimeError(`Plugin "${plugin.name}" depends on "${dep}", which is not in the plugin list. Add a plugin named "${dep}".`, {
          code: 'plugin_missing_dependency',
        });
      }
      visit(target, [...chain, plugin.name]);
    }
    for (const dep of plugin.optionalDependsOn ?? []) {
      const target = byName.get(dep);
      if (target) visit(target, [...chain, plugin.name]);
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
