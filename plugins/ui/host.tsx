/**
 * The Preact host, loaded on the first mount/open: builds each component once with the kit, collects
 * the strings and styles its module brings, and renders roots into the app's nodes and into modals.
 * Component plugins never import this file; their view modules get the kit from here.
 */
import { render, type ComponentType } from 'preact';
import { useHost } from './context.js';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  CodeForm,
  CustomPage,
  Field,
  focusField,
  FooterAction,
  Form,
  LinkButton,
  profilePages,
  useAppNode,
  useForm,
} from './form-kit.js';
import type { ComponentModule, ComponentName, HostedProps, UiLoadOptions } from './index.js';
import { createDictionary, type Dict } from './localization.js';
import { createModalStack } from './modal.js';
import { Spinner, stroke, Svg } from './icons.js';
import { Root, TASK_COMPONENTS, type HostEnv } from './root.js';
import { validateProps } from './props.js';
import { isSafeUrl, trimSlashes } from './routing.js';
import { stylesheet } from './styles.js';

export type { HostContextValue } from './context.js';
export type { FormState } from './form-kit.js';
export type { AuthFlow, AuthFlowProps, AuthKind, AuthUiKit } from './auth-kit.js';

export const kit = {
  useHost,
  useForm,
  useAppNode,
  CustomPage,
  profilePages,
  trimSlashes,
  Card,
  Form,
  Field,
  Checkbox,
  Button,
  Alert,
  CodeForm,
  focusField,
  LinkButton,
  FooterAction,
  Svg,
  stroke,
  Spinner,
  TASK_COMPONENTS,
  isSafeUrl,
  validateProps,
};

/** Everything a component module's factory receives. */
export type UiKit = typeof kit;

export function createHost(env: Omit<HostEnv, 'dictionary'>) {
  const components = new Map<string, ComponentType<any>>();
  /** Each built component's registered name, for its `appearance.<component>` entry. */
  const names = new WeakMap<ComponentType<any>, string>();
  const mounted = new Set<HTMLElement>();
  const modals = createModalStack();
  const rootEnv: HostEnv = { ...env, dictionary: createDictionary() };

  const draw = (node: HTMLElement, Component: ComponentType<any>, props: object, modal?: () => void) => {
    stylesheet.inject((env.kernel.loadOptions as UiLoadOptions).nonce);
    render(<Root Component={Component} name={names.get(Component)} props={props as HostedProps} modal={modal} env={rootEnv} />, node);
  };

  return {
    /** The component of a loaded module, built once with the kit; its strings and styles join the host's. */
    component<N extends ComponentName>(name: N, module: ComponentModule<N>): ComponentType<any> {
      let found = components.get(name);
      if (!found) {
        rootEnv.dictionary.add(module.strings as Dict | undefined);
        stylesheet.add(...[module.styles].flat());
        components.set(name, (found = module.default(kit) as ComponentType<any>));
        names.set(found, name);
      }
      return found;
    },
    mount(node: HTMLElement, Component: ComponentType<any>, props: object) {
      mounted.add(node);
      draw(node, Component, props);
    },
    unmount(node: HTMLElement) {
      if (!mounted.delete(node)) return;
      render(null, node);
    },
    open(Component: ComponentType<any>, name: string, props: object) {
      modals.open(name, (container, close) => draw(container, Component, props, close));
    },
    close: modals.close,
    dispose() {
      modals.closeAll();
      for (const node of mounted) render(null, node);
      mounted.clear();
    },
  };
}
