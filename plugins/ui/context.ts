/** What every hosted component reads through `kit.useHost()`: one value per render root. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ClerkAPIError, ClerkKernel, Environment, KernelInternals } from '../../kernel/index.js';
import type { NavigationApi } from '../navigation/index.js';
import type { Appearance } from './appearance.js';
import type { Routing } from './index.js';
import type { ElementProps } from './theme.js';

export interface HostContextValue {
  /** The public Clerk object (kernel and every plugin's members). */
  clerk: ClerkKernel & Record<string, any>;
  kernel: KernelInternals;
  environment: Environment;
  /** The navigation plugin: redirect precedence and validation (`buildAfterSignInUrl`, …) live there. */
  navigation: NavigationApi;
  /** Localized string for `key` (dot path), `{{name}}` replaced from `vars`. */
  t(key: string, vars?: Record<string, unknown>): string;
  /** A FAPI error as localized text: `unstable__errors.<code>`, else its long message. */
  errorText(error: ClerkAPIError): string;
  /** The localization's locale, for dates and numbers; undefined: the browser's. */
  locale: string | undefined;
  /** Class (`cl-<name>`, `cl-<name>__<variant>`, appearance classes) and style for an element. */
  el(name: string, variant?: string): ElementProps;
  layout: NonNullable<Appearance['layout']>;
  routing: Routing;
  /** The current step ('' = start), e.g. 'factor-one'. */
  route: string;
  navigate(step: string): Promise<void>;
  /** Absolute URL of one of this component's steps (email links and OAuth come back there). */
  stepUrl(step: string): string;
  /** Page query (search and hash query); empty in modals. */
  query: URLSearchParams;
  /** Unique per render root, for element ids. */
  uid: string;
  modal: boolean;
  /** Closes the modal (no-op when mounted). */
  close(): void;
  /** To another component: swaps the modal (handing over this component's props), or navigates to `url`. */
  switchTo(name: string, url: string): void;
  /** Leaves for a FAPI-provided URL (OAuth), only over http(s); throws for anything else. */
  redirectExternal(url: URL | string | null | undefined): Promise<void>;
  /** Activates the created session and leaves for `redirectUrl`; a pending session goes to this component's `tasks/<key>` step instead. */
  finish(sessionId: string | null, redirectUrl: string): Promise<void>;
  /** Renders another registered component into `node` (its own root), e.g. a session task inside <SignIn/>. */
  mountComponent(name: string, node: HTMLElement, props: object): void;
  unmountComponent(node: HTMLElement): void;
  /** Whether a component of that name is registered (its plugin is composed). */
  hasComponent(name: string): boolean;
}

export const HostContext = createContext<HostContextValue>(null as unknown as HostContextValue);
export const useHost = () => useContext(HostContext);
