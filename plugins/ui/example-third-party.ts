/**
 * Example of a third-party component plugin (not a package entry; the playground and the tests use it).
 * It depends on `ui`, adds `Greeting` to `ComponentProps` by declaration merging, registers a lazy
 * component, and returns the generated `mountGreeting` / `unmountGreeting` / `openGreeting` /
 * `closeGreeting` members. An app outside this repository imports the same things from
 * 'microclerk/plugins/ui' and 'microclerk'.
 */
import { definePlugin } from '../../kernel/index.js';
import type { HostedProps, UiApi } from './index.js';

export interface GreetingProps extends HostedProps {
  /** Word before the user's name. @defaultValue 'Hello' */
  greeting?: string;
}

declare module './index.js' {
  interface ComponentProps {
    Greeting: GreetingProps;
  }
}

export function greetingPlugin() {
  return definePlugin({
    name: 'greeting',
    dependsOn: ['ui'],
    setup: (ctx) => ctx.get('ui').registerComponent('Greeting', { load: () => import('./example-greeting-view.js') }),
  });
}
