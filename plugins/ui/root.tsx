/** One render root (a mounted node or a modal): its routing, theme and strings, as the host context. */
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KernelInternals } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';
import { HostContext, type HostContextValue } from './context.js';
import type { HostedProps, Routing, UiLoadOptions } from './index.js';
import type { createDictionary } from './localization.js';
import { createTranslator } from './localization.js';
import { ModalShell } from './modal.js';
import { createStepRouter, isSafeUrl, readQuery, readRoute, trimSlashes } from './routing.js';
import { createTheme } from './theme.js';

/** What the host hands every root. */
export interface HostEnv {
  kernel: KernelInternals;
  navigation: NavigationApi;
  dictionary: ReturnType<typeof createDictionary>;
  open(name: string, props: object): void;
  mount(name: string, node: HTMLElement, props: object): void;
  unmount(node: HTMLElement): void;
  /** Whether a component of that name is registered (its plugin is composed). */
  has(name: string): boolean;
}

/** The session-tasks plugin's components, by task key. */
export const TASK_COMPONENTS: Record<string, string> = {
  'choose-organization': 'TaskChooseOrganization',
  'reset-password': 'TaskResetPassword',
  'setup-mfa': 'TaskSetupMFA',
};

interface RootProps {
  Component: ComponentType<any>;
  /** The component's registered name (`SignIn`), which picks `appearance.signIn`. */
  name?: string;
  props: HostedProps;
  /** Closes the modal; absent when mounted on the app's node. */
  modal?: () => void;
  env: HostEnv;
}

let uidCounter = 0;

export function Root({ Component, name, props, modal, env }: RootProps) {
  const { kernel, navigation } = env;
  const options = kernel.loadOptions as UiLoadOptions;
  const routing: Routing = modal ? 'virtual' : (props.routing ?? (props.path ? 'path' : 'hash'));
  const base = '/' + trimSlashes(props.path ?? '');
  const [route, setRoute] = useState(() => readRoute(routing, base));
  const uid = useMemo(() => `cl${++uidCounter}`, []);

  useEffect(() => {
    if (routing === 'virtual') return;
    const sync = () => setRoute(readRoute(routing, base));
    addEventListener('popstate', sync);
    addEventListener('hashchange', sync);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener('hashchange', sync);
    };
  }, [routing, base]);

  // Recomputed for new props too: the ui plugin passes a fresh props object when appearance/localization change.
  const value = useMemo<HostContextValue>(() => {
    const { el, layout } = createTheme(options.appearance, props.appearance, name);
    const { t, errorText, locale } = createTranslator(env.dictionary.localized(options.localization), {
      applicationName: kernel.environment?.displayConfig.applicationName,
    });
    const steps = createStepRouter(routing, base, kernel, setRoute);
    return {
      clerk: kernel.clerk as HostContextValue['clerk'],
      kernel,
      environment: kernel.environment!,
      navigation,
      t,
      errorText,
      locale,
      el,
      layout,
      routing,
      route,
      navigate: steps.navigate,
      stepUrl: steps.stepUrl,
      query: modal ? new URLSearchParams() : readQuery(),
      uid,
      modal: !!modal,
      close: () => modal?.(),
      switchTo(name, url) {
        if (modal) {
          modal();
          env.open(name, { ...props, routing: undefined, path: undefined });
        } else void kernel.navigate(url);
      },
      async redirectExternal(url) {
        const href = url ? String(url) : '';
        if (!isSafeUrl(href)) throw new ClerkRuntimeError(`Refusing to redirect to "${href}": only http(s) URLs are followed.`, { code: 'unsafe_redirect' });
        // A provider page is always a full page load, never the app's router (its URL may share our origin).
        kernel.resources.pageLoad(new URL(href));
      },
      async finish(sessionId, redirectUrl) {
        // A pending session continues here, in this component's `tasks/<key>` step, as ClerkJS's
        // <SignIn/> does, when the task's component is composed and the app gave no URL of its own for it.
        const session = kernel.client?.sessions.find((s) => s.id === sessionId);
        const key = session?.status === 'pending' ? session.tasks?.[0]?.key : undefined;
        const taskUrls = (kernel.loadOptions as { taskUrls?: Record<string, string> }).taskUrls;
        if (key && env.has(TASK_COMPONENTS[key]) && !taskUrls?.[key]) {
          await kernel.clerk.setActive({ session: sessionId });
          return steps.navigate(`tasks/${key}`);
        }
        await kernel.clerk.setActive({ session: sessionId, redirectUrl });
        modal?.();
      },
      mountComponent: env.mount,
      unmountComponent: env.unmount,
      hasComponent: env.has,
    };
  }, [route, props, routing]);

  const body = <Component {...props} />;
  return (
    <HostContext.Provider value={value}>
      <div {...value.el('rootBox')}>{modal ? <ModalShell onClose={modal}>{body}</ModalShell> : body}</div>
    </HostContext.Provider>
  );
}
