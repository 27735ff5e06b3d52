import { definePlugin, type JSONObject } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import { signOutLoadOptionsSchema } from './options.js';
import type { SignOutState } from './flow.js';

/** Runs after a successful sign-out instead of the redirect. */
export type SignOutCallback = () => void | Promise<unknown>;

export interface SignOutOptions {
  /** Sign out only this session; when it is the last signed-in one, everything is signed out. */
  sessionId?: string;
  /** Where to go afterwards (default: the `afterSignOutUrl` load option, else `/`). */
  redirectUrl?: string;
}

/**
 * `signOut()` ends every session of this client; `signOut({ sessionId })` ends one. Afterwards the
 * callback runs, or the app navigates to `redirectUrl` || `afterSignOutUrl` || `/`.
 */
export interface SignOut {
  (options?: SignOutOptions): Promise<void>;
  (callback?: SignOutCallback, options?: SignOutOptions): Promise<void>;
}

export interface SignOutApi {
  signOut: SignOut;
  /** Legacy: signs out the current session only (everything in single-session mode). */
  signOutOne(callback?: SignOutCallback): Promise<void>;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'sign-out': SignOutApi;
  }
}

declare module '../../kernel/events.js' {
  interface KernelEvents {
    /** This tab signed out (all sessions, or its own one). */
    'session:signed-out': { sessionId: string | null };
  }
}

export function signOutPlugin() {
  return definePlugin({
    name: 'sign-out',
    // The redirect after sign-out goes through the app's navigation (router, memory history), as every redirect does.
    dependsOn: ['navigation'],
    loadOptions: signOutLoadOptionsSchema,
    setup(ctx): SignOutApi {
      const state: SignOutState = { navigation: ctx.get('navigation'), sessionId: null };
      // The bodies are fetched alongside load()'s requests, as the compat plugin's futures are, and load()
      // waits for them: once loaded, signOut() runs at once (the state reads `undefined` synchronously, as ClerkJS's).
      let flow: typeof import('./flow.js') | undefined;
      const loading = import('./flow.js').then((module) => (flow = module));
      loading.catch(() => {}); // reported through the load hook
      const withFlow = <T>(run: (module: typeof import('./flow.js')) => Promise<T>) => (flow ? run(flow) : loading.then(run));

      ctx.onLoad(() => {
        state.sessionId = ctx.kernel.session?.id ?? null;
        ctx.events.on('client', ({ json }) => (state.latestClient = { json }));
        ctx.events.on('resources', ({ session }) => {
          if (session) state.sessionId = session.id;
        });
        if (ctx.kernel.standardBrowser && typeof BroadcastChannel !== 'undefined') {
          // ClerkJS's cross-tab channel: a tab that signs out tells the others.
          state.channel = new BroadcastChannel('clerk');
          state.channel.onmessage = (event: MessageEvent) => {
            const message = event.data as { type?: string; client?: JSONObject | null } | null;
            if (message?.type === 'signout') void withFlow((module) => module.followOtherTab(ctx, state, message.client));
          };
        }
        return loading.then(() => {});
      });
      ctx.onDispose(() => {
        state.channel?.close();
        state.channel = undefined;
      });

      return {
        signOut: ((...args: [SignOutCallback | SignOutOptions | undefined, SignOutOptions | undefined]) =>
          withFlow((module) => module.signOut(ctx, state, ...args))) as SignOut,
        signOutOne: (callback?: SignOutCallback) => withFlow((module) => module.signOutOne(ctx, state, callback)),
      };
    },
  });
}
