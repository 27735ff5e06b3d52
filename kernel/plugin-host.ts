import { ClerkRuntimeError } from './errors.js';
import type { EventBus } from './events.js';
import type { Capabilities, CapabilityName, ClerkPlugin, PluginContext } from './plugin.js';
import type { KernelInternals } from './types.js';

export interface PluginHostDeps {
  internals: KernelInternals;
  events: EventBus;
  /** The object the members go onto (the kernel's are already there). */
  publicObject: object;
  loadOptions(): Record<string, unknown>;
  loadHooks: Array<(options: Record<string, unknown>) => void | Promise<void>>;
  startHooks: Array<(options: Record<string, unknown>) => void>;
  disposeHooks: Array<() => void>;
  /** Filled with what the plugins provide (read lazily: a capability is used after setup). */
  capabilities: Partial<Capabilities>;
}

/**
 * Runs each plugin's `setup` in dependency order with a context limited to what it declared, and
 * puts the members it returns on the public object.
 */
export function installPlugins(plugins: readonly ClerkPlugin[], deps: PluginHostDeps): void {
  const { internals, events, publicObject, loadHooks, startHooks, disposeHooks, capabilities } = deps;
  const apis = new Map<string, object>();
  const owners = new Map<string, string>();

  for (const plugin of plugins) {
    const required = new Set(plugin.dependsOn ?? []);
    const optional = new Set(plugin.optionalDependsOn ?? []);
    const provides = new Set<string>(plugin.provides ?? []);
    const offs: Array<() => void> = [];
    const context: PluginContext<string, string, object, CapabilityName> = {
      kernel: internals,
      events: {
        on(event, handler) {
          const off = events.on(event, handler);
          offs.push(off);
          return off;
        },
        off: events.off,
        emit: events.emit,
      },
      get loadOptions() {
        return deps.loadOptions();
      },
      get(name) {
        if (!required.has(name)) {
          throw new ClerkRuntimeError(`Plugin "${plugin.name}" asked for "${name}" without declaring it in dependsOn.`, {
            code: 'plugin_undeclared_dependency',
          });
        }
        return apis.get(name) as never;
      },
      find(name) {
        if (!optional.has(name)) {
          throw new ClerkRuntimeError(`Plugin "${plugin.name}" looked for "${name}" without declaring it in optionalDependsOn.`, {
            code: 'plugin_undeclared_dependency',
          });
        }
        return apis.get(name) as never;
      },
      provide(capability, implementation) {
        if (!provides.has(capability)) {
          throw new ClerkRuntimeError(`Plugin "${plugin.name}" provides "${capability}" without declaring it in provides.`, {
            code: 'plugin_undeclared_capability',
          });
        }
        (capabilities as Record<string, unknown>)[capability] = implementation;
      },
      onLoad: (fn) => loadHooks.push(fn as (options: Record<string, unknown>) => void | Promise<void>),
      beforeLoad: (fn) => startHooks.push(fn as (options: Record<string, unknown>) => void),
      onDispose: (fn) => disposeHooks.push(fn),
    };
    disposeHooks.push(() => offs.splice(0).forEach((off) => off()));
    const api = plugin.setup(context) ?? {};
    for (const [member, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(api))) {
      if (member in publicObject) {
        const owner = owners.get(member);
        throw new ClerkRuntimeError(`Plugin "${plugin.name}" adds "${member}", which ${owner ? `plugin "${owner}"` : 'the kernel'} already provides.`, {
          code: 'plugin_member_conflict',
        });
      }
      owners.set(member, plugin.name);
      Object.defineProperty(publicObject, member, { ...descriptor, enumerable: true, configurable: true });
    }
    apis.set(plugin.name, api);
  }
}
