/** `defineComponentPlugin`: the whole of a component plugin (its view is loaded on first use). */
import { definePlugin, type ClerkPlugin, type PluginContext, type PluginName } from '../../kernel/index.js';
import type { ComponentMembers, ComponentModule, ComponentName, MountMembers, UiApi } from './index.js';

export interface ComponentPluginOptions<
  Name extends string,
  N extends ComponentName,
  Modal extends boolean,
  Deps extends readonly PluginName[],
  Optional extends readonly PluginName[],
> {
  /** The plugin's name, kebab-case, e.g. `sign-in`. */
  name: Name;
  /** The component it registers, e.g. `SignIn`; its props are `ComponentProps[N]`. */
  component: N;
  /**
   * Loads the view module on the first mount or open, e.g. `() => import('./view.js')`. It gets the
   * plugin context (for the APIs of `dependsOn` plugins the view needs) and the ui API.
   */
  load(ctx: PluginContext<'ui' | Deps[number], Optional[number]>, ui: UiApi): Promise<ComponentModule<N>>;
  /** Plugins the component needs besides `ui` (their APIs typed in `ctx.get`). */
  dependsOn?: Deps;
  /** Plugins the component uses when the instance has them (`ctx.find`). */
  optionalDependsOn?: Optional;
  /** `false`: the component is never a modal, so only `mount<N>`/`unmount<N>` are generated. Default `true`. */
  modal?: Modal;
}

/** The public members a component plugin adds: the mount/unmount family, plus open/close unless `modal: false`. */
export type ComponentPluginMembers<N extends ComponentName, Modal extends boolean> = false extends Modal
  ? true extends Modal
    ? ComponentMembers<N>
    : MountMembers<N>
  : ComponentMembers<N>;

/**
 * A plugin that depends on `ui`, registers `component` with its lazy `load`er and adds the generated
 * `mount<N>`/`unmount<N>`/`open<N>`/`close<N>` members (typed by `ComponentProps[N]`) to the public object.
 */
export function defineComponentPlugin<
  const Name extends string,
  N extends ComponentName,
  Modal extends boolean = true,
  const Deps extends readonly PluginName[] = [],
  const Optional extends readonly PluginName[] = [],
>(options: ComponentPluginOptions<Name, N, Modal, Deps, Optional>): ClerkPlugin<Name, ComponentPluginMembers<N, Modal>> {
  const { name, component, load, modal } = options;
  const dependsOn: ReadonlyArray<'ui' | Deps[number]> = ['ui', ...(options.dependsOn ?? [])];
  return definePlugin({
    name,
    dependsOn,
    optionalDependsOn: options.optionalDependsOn,
    setup(ctx) {
      const ui = ctx.get('ui');
      const members: Record<string, unknown> = ui.registerComponent(component, { load: () => load(ctx, ui) });
      if (modal === false) {
        delete members[`open${component}`];
        delete members[`close${component}`];
      }
      return members as ComponentPluginMembers<N, Modal>;
    },
  });
}
