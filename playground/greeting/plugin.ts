/**
 * Example of a third-party component plugin, written as an app outside microclerk would write it (the
 * playground and the ui tests use it). It adds `Greeting` to `ComponentProps` by declaration merging and
 * lets `defineComponentPlugin` register the lazy view and generate `mountGreeting` / `unmountGreeting` /
 * `openGreeting` / `closeGreeting`. Outside this repository the imports are 'microclerk/plugins/ui'.
 */
import { defineComponentPlugin, type HostedProps } from '../../plugins/ui/index.js';

export interface GreetingProps extends HostedProps {
  /** Word before the user's name. @defaultValue 'Hello' */
  greeting?: string;
}

declare module '../../plugins/ui/index.js' {
  interface ComponentProps {
    Greeting: GreetingProps;
  }
}

export function greetingPlugin() {
  return defineComponentPlugin({ name: 'greeting', component: 'Greeting', load: () => import('./view.js') });
}
