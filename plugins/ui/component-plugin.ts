/** `defineComponentPlugin`: the whole of a component plugin (its view is loaded on first use). */
import { definePlugin, type ClerkPlugin, type PluginContext } from '../../kernel/index.js';
import type { ComponentMembers, ComponentModule, ComponentName, MountMembers, UiApi } from './index.js';

export interface ComponentPluginOptions<Name extends string, N extends ComponentName, Modal extends boolean> {
  /** The plugin's name, kebab-case, e.g. `sign-in`. */
  name: Name;
  /** The component it registers, e.g. `SignIn`; its props are `ComponentProps[N]`. */
  component: N;
  /**
   * Loads the view module on the first mount or open, e.g. `() => import('./view.js')`. It gets the
   * plugin context (for the APIs of `dependsOn` plugins the view needs) and the ui API.
   */
  load(ctx: PluginContext, ui: UiApi): Promise<ComponentModule<N>>;
  /** Plugins the component needs besides `ui`. */
  dependsOn?: readonly string[];
  /** `false`: the component is never a modal, so only `mount<N>`/`unmount<N>` are generated. Default `true`. */
  modal?: Modal;
}

/** The public members a component plugin adds: the mount/unmount family, plus open/close unless `modal: false`. */
export type ComponentPluginMembers<N extends ComponentName, Modal extends boolean> = false extends Modal ? (true extends Modal ? ComponentMembers<N> : MountMembers<N>) : ComponentMembers<N>;

/**
 * A plugin that depends on `ui`, registers `component` with its lazy `load`er and adds the generated
 * `mount<N>`/`unmount<N>`/`open<N>`/`close<N>` members (typed by `ComponentProps[N]`) to the public object.
 */
export function defineComponentPlugin<const Name extends string, N extends ComponentName, Modal extends boolean = true>(
  options: ComponentPluginOptions<Name, N, Modal>,
): ClerkPlugin<Name, ComponentPluginMembers<N, Modal>> {
  const { name, component, load, dependsOn = [], modal } = options;
  return definePlugin({
    name,
    dependsOn: ['ui', ...dependsOn],
    setup(ctx) {
      const ui = ctx.get<UiApi>('ui');
      const members: Record<string, unknown> = ui.registerComponent(component, { load: () => load(ctx, ui) });
      if (modal === false) {
        delete members[`open${component}`];
        delete members[`close${component}`];
      }
      return members as ComponentPluginMembers<N, Modal>;
    },
  });
}
