import {
  ClerkRuntimeError,
  definePlugin,
  optionalOption,
  type Environment,
  type OptionsSchema,
  type Resources,
  type Session,
  type SetActiveParams,
  SignIn,
  SignUp,
} from '../../kernel/index.js';
import { createSignalHub, type FlowErrors, type FlowValue } from './signals.js';
import type { createSignInFuture } from './sign-in-future.js';
import type { createSignUpFuture } from './sign-up-future.js';
import type { createWaitlistFuture } from './waitlist-future.js';
import type { SIGN_IN_FIELDS, SIGN_UP_FIELDS } from './futures.js';
// Type-only: the waitlist and oauth plugins' APIs (optional dependencies; the futures' sso() uses oauth's).
import type {} from '../waitlist/index.js';
import type {} from '../oauth/index.js';
// Type-only: the ui plugin's API and events (an optional dependency; no runtime import).
import type {} from '../ui/index.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    compat: CompatApi;
  }
}

/** ClerkJS options this plugin accepts for compatibility; microclerk collects no telemetry. */
const compatLoadOptionsSchema = {
  /** ClerkJS's telemetry switch; accepted and ignored (nothing is ever sent). */
  telemetry: optionalOption<false | { disabled?: boolean; debug?: boolean }>(
    (v) => v === false || (!!v && typeof v === 'object'),
    'false or { disabled?, debug? }',
  ),
} satisfies OptionsSchema;

declare module '../../kernel/events.js' {
  interface KernelEvents {
    /**
     * `<ClerkProvider>` re-rendered with a new `appearance` or `localization` (its call of
     * `__internal_updateProps`): UI plugins re-render their mounted components with these. With
     * `node`, a `<SignIn/>` & co. re-rendered with new props: the component mounted at `node` takes `props`.
     */
    'compat:props-updated': { appearance?: unknown; options?: Record<string, unknown>; node?: HTMLElement; props?: Record<string, unknown> };
  }
}

export type SignInFuture = ReturnType<typeof createSignInFuture>;
export type SignUpFuture = ReturnType<typeof createSignUpFuture>;
export type WaitlistFuture = ReturnType<typeof createWaitlistFuture>;
export type WaitlistSignalValue = FlowValue<'waitlist', WaitlistFuture | null, 'emailAddress'>;

export type SignInSignalValue = FlowValue<'signIn', SignInFuture, (typeof SIGN_IN_FIELDS)[number]>;
export type SignUpSignalValue = FlowValue<'signUp', SignUpFuture, (typeof SIGN_UP_FIELDS)[number]>;

/** ClerkJS's `clerk.__internal_state`, read by `@clerk/react`'s v6 `useSignIn` / `useSignUp` / `useWaitlist`. */
export interface CompatState {
  signInSignal(): SignInSignalValue;
  signUpSignal(): SignUpSignalValue;
  /** `useWaitlist()`'s value; `waitlist` is null without the waitlist plugin (as ClerkJS's type allows). */
  waitlistSignal(): WaitlistSignalValue;
  __internal_effect(fn: () => void): () => void;
  __internal_computed<T>(getter: (previous?: T) => T): () => T;
  /**
   * The waitlist resource `useWaitlist()`'s proxy reads once the instance is loaded. Before the futures are
   * loaded it throws `not_loaded`, as the signals do; without the waitlist plugin, `plugin_missing`.
   */
  readonly __internal_waitlist: WaitlistFuture;
}

declare module '../../kernel/resources/sign-in.js' {
  interface SignIn {
    /**
     * ClerkJS's future of this sign-in flow: the object `signInSignal().signIn` is (it works on the client's
     * current sign-in). Throws `not_loaded` until a Clerk SDK's `load()` fetched the futures.
     */
    readonly __internal_future: SignInFuture;
  }
}
declare module '../../kernel/resources/sign-up.js' {
  interface SignUp {
    /** ClerkJS's future of this sign-up flow: `signUpSignal().signUp` (see SignIn's). */
    readonly __internal_future: SignUpFuture;
  }
}

export interface CompatApi {
  /** The payload of the last `addListener` emission (the snapshot React's hooks render from). */
  readonly __internal_lastEmittedResources: Resources | undefined;
  /** A `load()` option as given (React's `useLocalization` reads `localization`). */
  __internal_getOption(key: string): unknown;
  /** `<ClerkProvider>` passes a changed `appearance` / `localization`; forwarded as `compat:props-updated`. */
  __internal_updateProps(props: {
    appearance?: unknown;
    options?: Record<string, unknown>;
    node?: HTMLElement;
    props?: Record<string, unknown>;
  }): Promise<void>;
  readonly __internal_environment: Environment | undefined;
  readonly __internal_state: CompatState;
  /**
   * ClerkJS's full-page navigation chokepoint: goes to `to` when its protocol is allowed (the static
   * list plus `allowedRedirectProtocols`, or the static list only); refuses `//host` and other protocols
   * with a warning. Its code is loaded on first use, so the page load starts a moment later.
   */
  __internal_windowNavigate(to: URL | string, opts?: { useStaticAllowlistOnly?: boolean }): void;
  /** Calls `callback` on every `navigate()` (ClerkJS's modals close on it); returns the unsubscribe. */
  __internal_addNavigationListener(callback: () => void): () => void;
  /** Re-reads the environment (updated in place) and the client from FAPI, then emits the resources. */
  __internal_reloadInitialResources(): Promise<void>;
  /** False when loaded with `standardBrowser: false` or outside a browser. */
  readonly isStandardBrowser: boolean;
  /**
   * Called by `useOrganization()` / `useOrganizationList()` and the organization components on mount:
   * whether the environment has organizations on. When they are off in development it opens the
   * "enable organizations" prompt (the page reloads after they were turned on), as ClerkJS does; without
   * the ui plugin nothing opens.
   */
  __internal_attemptToEnableEnvironmentSetting(params: { for: 'organizations'; caller: string; onClose?: () => void }): { isEnabled: boolean };
  /**
   * ClerkJS's development prompt (a modal, with the ui plugin): organizations are off for this development
   * instance; "Enable Organizations" turns them on (FAPI's `PATCH /v1/dev_tools/enable_environment_setting`).
   * Without the ui plugin nothing opens.
   */
  __internal_openEnableOrganizationsPrompt(props: EnableOrganizationsPromptProps): void;
  __internal_closeEnableOrganizationsPrompt(): void;
  /** ClerkJS preloads the OrganizationSwitcher's UI chunk; there is none to preload here. */
  __experimental_prefetchOrganizationSwitcher(): void;
  /** Legacy ClerkJS: whether `load()` finished (`loaded`). */
  isReady(): boolean;
  /** Legacy ClerkJS: `setActive({ session, beforeEmit })`. */
  setSession(session: Session | string | null, beforeEmit?: SetActiveParams['beforeEmit']): Promise<void>;
  /**
   * ClerkJS members whose "absent" value its own types allow, given that value here so an instance
   * satisfies ClerkJS's `Clerk` type: no telemetry, no separate UI bundle, no module manager, no
   * cached initial resources, no OAuth transport.
   */
  readonly telemetry: undefined;
  readonly uiVersion: undefined;
  readonly __internal_moduleManager: undefined;
  readonly __internal_getCachedResources: undefined;
  readonly __internal_hasOAuthTransport: false;
  readonly __internal_oauthTransport: null;
}

/** What needs organizations (ClerkJS's callers of the prompt). */
export type OrganizationsCaller =
  | 'OrganizationSwitcher'
  | 'OrganizationProfile'
  | 'InviteMembers'
  | 'OrganizationList'
  | 'CreateOrganization'
  | 'TaskChooseOrganization'
  | 'useOrganizationList'
  | 'useOrganization';

/** `__internal_openEnableOrganizationsPrompt(props)`: ClerkJS's development prompt to turn organizations on. */
export interface EnableOrganizationsPromptProps {
  caller: OrganizationsCaller;
  /** After organizations were turned on and the user chose Continue (ClerkJS's caller reloads the page). */
  onSuccess?: () => void;
  /**
   * The prompt closed without "Continue": dismissed (its link, ×, Escape, the backdrop), or closed or
   * replaced by the app. Runs once.
   */
  onClose?: () => void;
}

declare module '../ui/index.js' {
  interface ComponentProps {
    EnableOrganizationsPrompt: EnableOrganizationsPromptProps;
  }
  interface ComponentStrings {
    EnableOrganizationsPrompt: (typeof import('./view.js'))['strings'];
  }
}

/** The ClerkJS-internal members `@clerk/react` reads on `<ClerkProvider Clerk={clerk}>`; see index.ts. */
export function compatPlugin() {
  return definePlugin({
    name: 'compat',
    optionalDependsOn: ['ui', 'waitlist', 'oauth'],
    loadOptions: compatLoadOptionsSchema,
    setup(ctx): CompatApi {
      // Forwarding re-render requests is only meaningful with the ui plugin composed.
      const ui = ctx.find('ui');
      const prompt = ui?.registerComponent('EnableOrganizationsPrompt', { load: () => import('./view.js') });
      // Without the ui plugin there is no prompt to open (ClerkJS without its UI cannot open one either).
      const openPrompt = (props: EnableOrganizationsPromptProps) => prompt?.openEnableOrganizationsPrompt(props);
      let lastEmitted: Resources | undefined;
      const hub = createSignalHub();
      // Subscribed at setup, not at load: it must run before any listener the app adds, since those
      // read `__internal_lastEmittedResources` synchronously (as useSyncExternalStore does).
      ctx.events.on('resources', (resources) => {
        lastEmitted = resources;
        hub.changed();
      });

      // The future flows are read by Clerk's SDKs, and only from a loaded instance: when an SDK drives this
      // instance (its load() passes `sdkMetadata`), they are fetched alongside load()'s requests and load()
      // waits for them. An app that calls microclerk itself does not download them.
      let futures: typeof import('./futures.js') | undefined;
      let loadingFutures: Promise<unknown> | undefined;
      ctx.beforeLoad((options) => {
        if (options.sdkMetadata) loadingFutures = import('./futures.js').then((module) => (futures = module));
      });
      ctx.onLoad(async () => void (await loadingFutures));
      const loadedFutures = () => {
        if (!futures)
          throw new ClerkRuntimeError('clerk.__internal_state signals are for Clerk SDKs: they need a finished clerk.load({ sdkMetadata }).', {
            code: 'not_loaded',
          });
        return futures;
      };
      /** Runs one of internals.ts's functions (loaded on first use) with the kernel. */
      const internals = async <K extends keyof typeof import('./internals.js')>(name: K, ...args: unknown[]) =>
        ((await import('./internals.js'))[name] as (kernel: typeof ctx.kernel, ...args: unknown[]) => Promise<void>)(ctx.kernel, ...args);
      let signIn: (() => SignInSignalValue) | undefined;
      let signUp: (() => SignUpSignalValue) | undefined;

      const noWaitlistErrors: FlowErrors<'emailAddress'> = { fields: { emailAddress: null }, raw: null, global: null };
      const waitlistApi = ctx.find('waitlist');
      let waitlist: (() => WaitlistSignalValue) | undefined;
      const waitlistSignal = (): WaitlistSignalValue =>
        (waitlist ??= waitlistApi
          ? loadedFutures().waitlistFlow(hub, waitlistApi.joinWaitlist)
          : hub.computed(() => ({ errors: noWaitlistErrors, fetchStatus: 'idle' as const, waitlist: null })))();
      const state: CompatState = {
        signInSignal: () => (signIn ??= loadedFutures().signInFlow(hub, ctx))(),
        signUpSignal: () => (signUp ??= loadedFutures().signUpFlow(hub, ctx))(),
        waitlistSignal,
        __internal_effect: hub.effect,
        __internal_computed: hub.computed,
        get __internal_waitlist() {
          return loadedFutures().present(waitlistSignal().waitlist);
        },
      };
      // On the kernel's classes (shared by instances): the instance set up last answers, as ClerkJS has one.
      Object.defineProperty(SignIn.prototype, '__internal_future', { get: () => state.signInSignal().signIn, configurable: true });
      Object.defineProperty(SignUp.prototype, '__internal_future', { get: () => state.signUpSignal().signUp, configurable: true });

      return {
        get __internal_lastEmittedResources() {
          return lastEmitted;
        },
        __internal_getOption: (key: string) => ctx.kernel.loadOptions[key],
        async __internal_updateProps(props) {
          ctx.events.emit('compat:props-updated', { appearance: props?.appearance, options: props?.options, node: props?.node, props: props?.props });
          // A wrapper re-rendered a mounted component with new props: the ui plugin, if present, re-renders it.
          if (!ui) return;
          if (props?.node && props.props) ctx.events.emit('ui:props-updated', { node: props.node, props: props.props });
          const localization = (props?.options as { localization?: unknown } | undefined)?.localization;
          if (props?.appearance !== undefined || localization !== undefined)
            ctx.events.emit('ui:options-updated', { appearance: props?.appearance, localization });
        },
        get __internal_environment() {
          return ctx.kernel.environment;
        },
        __internal_state: state,
        __internal_windowNavigate: (to, opts) => void internals('windowNavigate', to, opts),
        __internal_reloadInitialResources: () => internals('reloadInitialResources'),
        __internal_addNavigationListener: (callback) => ctx.events.on('navigation:navigate', () => callback()),
        get isStandardBrowser() {
          return ctx.kernel.standardBrowser;
        },
        __internal_attemptToEnableEnvironmentSetting(params) {
          if (params?.for !== 'organizations') {
            throw new ClerkRuntimeError(`Attempted to enable an unknown or unsupported setting "${params?.for}".`, { code: 'unsupported_environment_setting' });
          }
          const settings = ctx.kernel.environment?.organizationSettings;
          // As ClerkJS: a pending session's choose-organization task counts as enabled.
          const choosing = ctx.kernel.session?.tasks?.some((t) => t.key === 'choose-organization');
          if (settings?.enabled || choosing) return { isEnabled: true };
          if (ctx.kernel.instanceType === 'development')
            openPrompt({ caller: params.caller as OrganizationsCaller, onSuccess: () => location.reload(), onClose: params.onClose });
          return { isEnabled: false };
        },
        __internal_openEnableOrganizationsPrompt: openPrompt,
        __internal_closeEnableOrganizationsPrompt: () => prompt?.closeEnableOrganizationsPrompt(),
        __experimental_prefetchOrganizationSwitcher: () => undefined,
        isReady: () => ctx.kernel.clerk.loaded,
        setSession: (session, beforeEmit) => ctx.kernel.setActive({ session, beforeEmit }),
        telemetry: undefined,
        uiVersion: undefined,
        __internal_moduleManager: undefined,
        __internal_getCachedResources: undefined,
        __internal_hasOAuthTransport: false,
        __internal_oauthTransport: null,
      };
    },
  });
}
