import { definePlugin } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import { signOutLoadOptionsSchema } from './options.js';

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
      // The flows are fetched alongside load()'s requests, as the compat plugin's futures are, and load()
      // waits for them: once loaded, signOut() runs at once (the state reads `undefined` synchronously, as ClerkJS's).
      const navigation = ctx.get('navigation');
      let flow: ReturnType<typeof import('./flow.js').createSignOut> | undefined;
      const loading = import('./flow.js').then((module) => (flow = module.createSignOut(ctx, navigation)));
      loading.catch(() => {}); // reported through the load hook
      ctx.onLoad(async () => (await loading).start());
      return {
        signOut: ((...args: Parameters<SignOut>) => (flow ? flow.signOut(...args) : loading.then((f) => f.signOut(...args)))) as SignOut,
        signOutOne: (callback) => (flow ? flow.signOutOne(callback) : loading.then((f) => f.signOutOne(callback))),
      };
    },
  });
}
