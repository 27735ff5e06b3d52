/**
 * The `ui` plugin: the Preact host for mountable components. Its setup and the mount functions are
 * tiny; the Preact tree (host, styles, localization, components) is `import()`ed on the first mount or
 * open, so `load()` never waits for it and headless bundles never contain it.
 *
 * A component plugin is one {@link defineComponentPlugin} call plus a {@link ComponentProps} (and
 * {@link ComponentStrings}) augmentation; it gets the `mount<Name>` / `unmount<Name>` / `open<Name>` /
 * `close<Name>` family:
 *
 * @example
 * ```ts
 * declare module 'microclerk/plugins/ui' { interface ComponentProps { Greeting: { name?: string } } }
 * export const greetingPlugin = () =>
 *   defineComponentPlugin({ name: 'greeting', component: 'Greeting', load: () => import('./greeting-view.js') });
 * ```
 * @packageDocumentation
 */
import { definePlugin, optionalOption, type OptionsOf, type OptionsSchema } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/errors.js';
import { expectObject, invalidArgument } from '../../kernel/errors.js';
import type { ComponentType } from 'preact';
// Type-only: navigation's PluginApis entry (ui depends on it).
import type {} from '../navigation/index.js';
import type { Appearance } from './appearance.js';
import type { UiKit } from './host.js';
import type { SharedStrings } from './strings.js';

export type { UiKit, HostContextValue, FormState, AuthFlow, AuthFlowProps, AuthKind } from './host.js';
export type { Appearance, AppearanceElements, AppearanceVariables, BaseThemeName, ColorOrScale, ElementAppearance, Theme } from './appearance.js';
export { dark } from './appearance.js';
export { defineComponentPlugin, type ComponentPluginMembers, type ComponentPluginOptions } from './component-plugin.js';

/**
 * Component name → props. Every component plugin adds its entry by declaration merging
 * (`declare module 'microclerk/plugins/ui' { interface ComponentProps { SignIn: SignInProps } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComponentProps {}

/**
 * Component name → the English strings its view module exports (`strings`), added the same way
 * (`interface ComponentStrings { SignIn: typeof signInStrings }`); {@link LocalizationResource} covers them all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComponentStrings {}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    ui: UiApi;
  }
}

declare module '../../kernel/events.js' {
  interface KernelEvents {
    /** New props for a component mounted on `node` (e.g. a React wrapper re-rendered): it re-renders with them. */
    'ui:props-updated': { node: HTMLElement; props: Record<string, unknown> };
    /** New instance-wide `appearance` / `localization` (e.g. a React provider re-rendered): mounted components re-render. */
    'ui:options-updated': { appearance?: unknown; localization?: unknown };
  }
}

export type ComponentName = keyof ComponentProps & string;

/** How a component routes between its steps: the page path under `path`, the URL hash, or in memory. */
export type Routing = 'path' | 'hash' | 'virtual';

/** Props every hosted component accepts. */
export interface HostedProps {
  /** Default: `path` when `path` is given, else `hash`; modals always use `virtual`. */
  routing?: Routing;
  /** The page path the component is mounted under, e.g. `/sign-in` (path routing). */
  path?: string;
  /** Per-component appearance, merged over the one given to `load()`. */
  appearance?: Appearance;
}

/**
 * A localized string. `{ __params? }` is how ClerkJS's `LocalizationResource` types a string with
 * parameters (a brand on `string` that its `DeepPartial` turns into an object type); at run time it is a string.
 */
export type LocalizedString = string | { __params?: unknown };
/** Keys of ClerkJS's localizations that microclerk does not show are accepted (and unused). */
type DeepPartial<T> = { [K in keyof T]?: Partially<T[K]> } & { [other: string]: unknown };
type Partially<V> = V extends string ? LocalizedString : DeepPartial<V>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The English strings of the host and of every component plugin in the program. */
export type Localization = SharedStrings & UnionToIntersection<ComponentStrings[keyof ComponentStrings]>;

/**
 * Partial overrides of the English strings; deep-merged over them. `unstable__errors.<code>` localizes FAPI
 * errors; `unstable__errors.passwordComplexity.*` and `unstable__errors.zxcvbn.goodPassword` the password feedback.
 */
export type LocalizationResource = DeepPartial<Localization> & { unstable__errors?: Record<string, LocalizedString | Record<string, LocalizedString>> };

/** A tree of strings, as a component's strings module exports it. */
export type StringsTree = { [key: string]: string | StringsTree };

/** What a component's lazy module exports: a factory that receives the host's kit, and what it adds to the host. */
export interface ComponentModule<N extends ComponentName> {
  default: (kit: UiKit) => ComponentType<ComponentProps[N] & HostedProps>;
  /** Its English strings, merged into the host's dictionary (under the app's `localization`) when the module loads. */
  strings?: N extends keyof ComponentStrings ? ComponentStrings[N] : StringsTree;
  /** Its CSS rules (`cl-` classes only), added to the shared stylesheet when the module loads; a list adds each part once (parts several views share). */
  styles?: string | string[];
}

export interface ComponentDefinition<N extends ComponentName> {
  /** Loaded on the first mount or open, e.g. `() => import('./view.js')`. */
  load: () => Promise<ComponentModule<N>>;
}

type MountFn<N extends ComponentName> = (node: HTMLElement, props?: ComponentProps[N]) => void;

/** `mount<N>` and `unmount<N>` for one component. */
export type MountMembers<N extends ComponentName> = { [K in `mount${N}`]: MountFn<N> } & { [K in `unmount${N}`]: (node: HTMLElement) => void };

/** `mount<N>`, `unmount<N>`, `open<N>`, `close<N>` for one component. */
export type ComponentMembers<N extends ComponentName> = MountMembers<N> & { [K in `open${N}`]: (props?: ComponentProps[N]) => void } & {
  [K in `close${N}`]: () => void;
};

/** The public members of the ui plugin (also what `ctx.get('ui')` returns). */
export interface UiApi {
  /** Renders component `name` into `node`; before `load()` finished, it renders once loaded. */
  mountComponent<N extends ComponentName>(name: N, node: HTMLElement, props?: ComponentProps[N]): void;
  unmountComponent(node: HTMLElement): void;
  /** Opens component `name` in a modal (focus trap, Escape closes, scroll lock, focus returns). */
  openComponent<N extends ComponentName>(name: N, props?: ComponentProps[N]): void;
  closeComponent(name: ComponentName): void;
  /** Adds a mountable component; returns its generated `mount<N>`/`unmount<N>`/`open<N>`/`close<N>` members. */
  registerComponent<N extends ComponentName>(name: N, definition: ComponentDefinition<N>): ComponentMembers<N>;
}

/** Generates the `mount<N>`/`unmount<N>`/`open<N>`/`close<N>` members of a component from the ui API. */
export function componentMembers<N extends ComponentName>(
  ui: Pick<UiApi, 'mountComponent' | 'unmountComponent' | 'openComponent' | 'closeComponent'>,
  name: N,
) {
  return {
    [`mount${name}`]: (node: HTMLElement, props?: ComponentProps[N]) => ui.mountComponent(name, node, props),
    [`unmount${name}`]: (node: HTMLElement) => ui.unmountComponent(node),
    [`open${name}`]: (props?: ComponentProps[N]) => ui.openComponent(name, props),
    [`close${name}`]: () => ui.closeComponent(name),
  } as ComponentMembers<N>;
}

const isObject = (v: unknown) => !!v && typeof v === 'object';

/** The `load()` options the ui plugin reads; {@link UiLoadOptions} is inferred from it. */
const uiLoadOptionsSchema = {
  appearance: optionalOption<Appearance>(isObject, 'an object ({ variables, elements, theme })'),
  localization: optionalOption<LocalizationResource>(isObject, 'an object of strings'),
  /** CSP nonce put on the injected `<style>`. */
  nonce: optionalOption<string>((v) => typeof v === 'string', 'a string'),
} satisfies OptionsSchema;

/** The `load()` options the ui plugin reads. */
export type UiLoadOptions = OptionsOf<typeof uiLoadOptionsSchema>;

type Host = ReturnType<typeof import('./host.js').createHost>;

/** Loads the Preact host; a function so tests can observe when the UI chunk is fetched. */
const loadHost = () => import('./host.js');

/**
 * What a mounted node shows when its component cannot render: load() failed, or the component's code
 * could not be fetched. Plain DOM (the Preact host may be what failed to load), text only.
 */
function showLoadError(node: HTMLElement, name: string) {
  const box = document.createElement('div');
  box.className = 'cl-rootBox cl-loadError';
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font:14px system-ui;color:#b42318;border:1px solid;border-radius:8px;padding:12px 16px';
  box.textContent = `<${name}/> could not be loaded. Check the connection and reload the page.`;
  node.querySelector(':scope > .cl-loadError')?.remove();
  node.append(box);
}

export function uiPlugin() {
  return definePlugin({
    name: 'ui',
    // Redirects after sign-in/up follow navigation's precedence and allowed origins.
    dependsOn: ['navigation'],
    loadOptions: uiLoadOptionsSchema,
    setup(ctx): UiApi {
      const navigation = ctx.get('navigation');
      const registry = new Map<string, ComponentDefinition<ComponentName>>();
      /** The latest render request per node or modal name; a newer one (or unmount) supersedes it. */
      const pending = new Map<unknown, symbol>();
      /** What each mounted node shows, so new props or options can re-render it. */
      const mountedNodes = new Map<HTMLElement, { name: ComponentName; props?: object }>();
      ctx.events.on('ui:props-updated', ({ node, props }) => {
        const mounted = mountedNodes.get(node);
        if (mounted) api.mountComponent(mounted.name, node, props as never);
      });
      ctx.events.on('ui:options-updated', (update) => {
        const options = ctx.kernel.loadOptions as Record<string, unknown>;
        for (const key of ['appearance', 'localization'] as const) if (update[key] !== undefined) options[key] = update[key];
        // A fresh props object makes each root recompute its theme and strings from the new options.
        for (const [node, { name, props }] of mountedNodes) api.mountComponent(name, node, { ...props } as never);
      });
      let host: Promise<Host> | undefined;
      /** The host once loaded, so teardown can be synchronous. */
      let started: Host | undefined;
      let disposed = false;

      /** Resolves once a load() succeeds; `onFailed` runs for each failed one meanwhile. */
      const loaded = (onFailed: () => void) =>
        ctx.kernel.clerk.loaded
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const off = ctx.events.on('status', (status) => {
                if (status === 'ready' || status === 'degraded') resolve(off());
                // load() may be called again: say why nothing renders yet, and keep waiting for one that succeeds.
                else if (status === 'error') {
                  console.error('[microclerk] clerk.load() failed: mounted components render once a load() succeeds.');
                  onFailed();
                }
              });
            });

      function startHost(): Promise<Host> {
        return loadHost().then(
          ({ createHost }) =>
            (started = createHost({
              kernel: ctx.kernel,
              navigation,
              open: (name, props) => api.openComponent(name as ComponentName, props as never),
              // A component inside another (a session task inside <SignIn/>): its own root on a node of the outer one.
              mount: (name, node, props) => api.mountComponent(name as ComponentName, node, props as never),
              unmount: (node) => api.unmountComponent(node),
              has: (name) => registry.has(name),
            })),
        );
      }

      function definition(name: string) {
        const found = registry.get(name);
        if (!found) {
          throw new ClerkRuntimeError(`No component named "${name}" is registered. Add the plugin that provides it (e.g. signInPlugin() for "SignIn").`, {
            code: 'ui_unknown_component',
          });
        }
        return found;
      }

      /** Loads host + component (in parallel with load()), then renders unless superseded. */
      function schedule(key: unknown, name: ComponentName, render: (h: Host, component: ComponentType<any>) => void) {
        const token = Symbol(name);
        pending.set(key, token);
        const def = definition(name);
        // A host chunk that could not be fetched (offline, a deploy in between): the next mount tries again.
        host ??= startHost().catch((err: unknown) => {
          host = undefined;
          throw err;
        });
        const failed = () => {
          if (pending.get(key) === token && typeof key !== 'string') showLoadError(key as HTMLElement, name);
        };
        Promise.all([host, def.load(), loaded(failed)])
          .then(([h, module]) => {
            if (pending.get(key) !== token || disposed) return;
            if (typeof key !== 'string') (key as HTMLElement).querySelector(':scope > .cl-loadError')?.remove();
            render(h, h.component(name, module));
          })
          .catch((err) => {
            console.error(`[microclerk] could not render <${name}/>:`, err);
            failed();
          });
      }

      function assertNode(node: unknown, where: string): asserts node is HTMLElement {
        // An element (nodeType 1): a text node or a document cannot hold a component.
        if (!node || (node as Node).nodeType !== 1) {
          throw new ClerkRuntimeError(`${where}: expected a DOM element to render into.`, { code: 'ui_invalid_node' });
        }
      }

      /** The props every hosted component reads: the object itself, `routing` and `path`. */
      function assertHostedProps(props: unknown, where: string) {
        expectObject(props, where, 'props', true);
        const { routing, path } = (props ?? {}) as HostedProps;
        if (routing !== undefined && routing !== 'path' && routing !== 'hash' && routing !== 'virtual') {
          throw invalidArgument(where, 'routing must be "path", "hash" or "virtual"', routing);
        }
        if (path !== undefined && typeof path !== 'string') throw invalidArgument(where, 'path must be a string', path);
      }

      const api: UiApi = {
        mountComponent(name, node, props) {
          assertNode(node, `mountComponent("${name}")`);
          assertHostedProps(props, `mountComponent("${name}")`);
          mountedNodes.set(node, { name, props: props as object | undefined });
          schedule(node, name, (h, component) => h.mount(node, component, (props ?? {}) as object));
        },
        unmountComponent(node) {
          assertNode(node, 'unmountComponent()');
          pending.delete(node);
          mountedNodes.delete(node);
          node.querySelector(':scope > .cl-loadError')?.remove();
          void host?.then((h) => h.unmount(node));
        },
        openComponent(name, props) {
          assertHostedProps(props, `openComponent("${name}")`);
          schedule(`modal:${name}`, name, (h, component) => h.open(component, name, (props ?? {}) as object));
        },
        closeComponent(name) {
          pending.delete(`modal:${name}`);
          void host?.then((h) => h.close(name));
        },
        registerComponent(name, def) {
          if (registry.has(name)) {
            throw new ClerkRuntimeError(`A component named "${name}" is already registered.`, { code: 'ui_duplicate_component' });
          }
          registry.set(name, def as unknown as ComponentDefinition<ComponentName>);
          return componentMembers(api, name);
        },
      };

      ctx.onDispose(() => {
        disposed = true;
        pending.clear();
        if (started) started.dispose();
        else void host?.then((h) => h.dispose());
      });
      return api;
    },
  });
}
