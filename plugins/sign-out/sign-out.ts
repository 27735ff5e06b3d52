import { ClerkRuntimeError, definePlugin, type JSONObject, type PluginContext } from '../../kernel/index.js';
import type {} from '../navigation/index.js';
import { signOutLoadOptionsSchema } from './options.js';
import { expectObject, invalidArgument } from '../../kernel/errors.js';

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

/**
 * ClerkJS's cross-tab channel: a tab that signs out tells the others. The message also carries the
 * client FAPI answered with (ClerkJS reads only `type`), so the others apply it instead of re-reading it.
 */
const CHANNEL = 'clerk';

interface SignOutMessage {
  type: 'signout';
  client?: JSONObject | null;
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
      const navigation = ctx.get('navigation');
      let channel: BroadcastChannel | undefined;
      /** The client of this tab's last FAPI response, sent along with the sign-out. */
      let latestClient: { json: JSONObject | null } | undefined;
      /** This tab's last signed-in session: a shared client may end it before the sign-out message arrives. */
      const seen = { sessionId: null as string | null };

      ctx.onLoad(() => {
        seen.sessionId = ctx.kernel.session?.id ?? null;
        ctx.events.on('client', ({ json }) => (latestClient = { json }));
        ctx.events.on('resources', ({ session }) => {
          if (session) seen.sessionId = session.id;
        });
        if (!ctx.kernel.standardBrowser || typeof BroadcastChannel === 'undefined') return;
        channel = new BroadcastChannel(CHANNEL);
        channel.onmessage = (event: MessageEvent) => {
          const message = event.data as Partial<SignOutMessage> | null;
          if (message?.type === 'signout') void followOtherTab(ctx, seen, message.client);
        };
      });
      const announce = () => {
        const message: SignOutMessage = { type: 'signout' };
        if (latestClient) message.client = latestClient.json;
        channel?.postMessage(message);
      };
      ctx.onDispose(() => {
        channel?.close();
        channel = undefined;
      });

      const signOut = (async (callbackOrOptions?: SignOutCallback | SignOutOptions, maybeOptions?: SignOutOptions) => {
        const callback = typeof callbackOrOptions === 'function' ? callbackOrOptions : undefined;
        const options = (typeof callbackOrOptions === 'function' ? maybeOptions : callbackOrOptions) ?? {};
        // `signOut('sess_x')` must not end every session: only a callback and/or an options object are understood.
        expectObject(options, 'signOut()', 'options');
        if (options.sessionId !== undefined && typeof options.sessionId !== 'string')
          throw invalidArgument('signOut()', 'sessionId must be a session id', options.sessionId);
        const client = ctx.kernel.client;
        if (!client) throw new ClerkRuntimeError('signOut() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });

        const signedIn = client.signedInSessions;
        const target = options.sessionId ? signedIn.find((s) => s.id === options.sessionId) : undefined;
        // Nothing signed in, or a session that is already gone: nothing to end (as ClerkJS).
        if (signedIn.length === 0 || (options.sessionId && !target)) return;

        const currentId = ctx.kernel.session?.id ?? null;
        const everything = !target || signedIn.length === 1;
        if (!everything && target!.id !== currentId) {
          // Another tab's or an inactive session: this tab's state stays as it is.
          await target!.remove();
          announce();
          return;
        }

        await ctx.kernel.setActive({
          session: null,
          // Runs while the state reads `undefined`; a failure re-derives the state and rejects.
          beforeEmit: () => (everything ? client.removeSessions() : target!.remove()),
        });
        ctx.kernel.tokens.clear(everything ? undefined : target!.id);
        seen.sessionId = null;
        ctx.events.emit('session:signed-out', { sessionId: currentId });
        announce();

        if (callback) await callback();
        else await navigation.navigate(options.redirectUrl || navigation.buildAfterSignOutUrl());
      }) as SignOut;

      return {
        signOut,
        signOutOne(callback?: SignOutCallback) {
          const current = ctx.kernel.session;
          if (ctx.kernel.environment?.isSingleSession()) return signOut(callback);
          if (!current) return Promise.resolve();
          return signOut(callback, { sessionId: current.id });
        },
      };
    },
  });
}

/**
 * Another tab signed out: apply the client it sent (a ClerkJS tab sends none: then re-read it, once);
 * if this tab's session ended with it, finish signing out here.
 */
async function followOtherTab(ctx: Pick<PluginContext, 'kernel' | 'events'>, seen: { sessionId: string | null }, client: JSONObject | null | undefined) {
  const previousId = ctx.kernel.session?.id ?? seen.sessionId;
  if (!previousId) return;
  if (client !== undefined && ctx.kernel.applyClientSnapshot(client)) {
    // Applied: no request.
  } else if (ctx.kernel.session) {
    // The kernel re-reads the client (GET /v1/client) once, however many listeners ask at the same time.
    await ctx.kernel.clerk.handleUnauthenticated().catch(() => {});
  }
  if (ctx.kernel.session !== null || seen.sessionId === null) return;
  seen.sessionId = null;
  const othersSignedIn = (ctx.kernel.client?.signedInSessions.length ?? 0) > 0;
  ctx.kernel.tokens.clear(othersSignedIn ? previousId : undefined);
  ctx.events.emit('session:signed-out', { sessionId: previousId });
}
