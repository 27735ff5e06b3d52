// The lazy view of the fixture's third-party plugin, as an app outside this repository writes it.
import { h } from 'preact';
import type { UiKit } from 'microclerk/plugins/ui';
import type { GreetingProps } from './usage.js';

export default function greetingView(_kit: UiKit) {
  return (props: GreetingProps) => h('p', { class: 'greeting' }, props.greeting ?? 'Hello');
}
