/** The sign-out flows and the cross-tab channel, fetched alongside `load()` (see sign-out.ts). */
import type { JSONObject, PluginContext } from '../../kernel/index.js';
import { ClerkRuntimeError, expectObject, invalidArgument } from '../../kernel/errors.js';
import type { NavigationApi } from '../navigation/index.js';
import type { SignOut, SignOutApi, SignOutCallback, SignOutOptions } from './sign-out.js';

/** `signOut()`, `signOutOne()` and `start()`, which the load hook calls to listen to this tab's state and the other tabs. */
export function createSignOut(ctx: Pick<PluginContext, 'kernel' | 'events' | 'onDispose'>, navigation: NavigationApi): SignOutApi & { start(): void } {
  const { kernel, events } = ctx;
  let channel: BroadcastChannel | undefined;
  /** The client of this tab's last FAPI response, sent along with the sign-out. */
  let latestClient: { json: JSONObject | null } | undefined;
  /** This tab's last signed-in session: a shared client may end it before the sign-out message arrives. */
  let seenSessionId: string | null = null;

  /** ClerkJS's message on its `clerk` channel; the client FAPI answered with rides along (ClerkJS reads only `type`). */
  const announce = () => channel?.postMessage(latestClient ? { type: 'signout', client: latestClient.json } : { type: 'signout' });

  const signOut = (async (callbackOrOptions?: SignOutCallback | SignOutOptions, maybeOptions?: SignOutOptions) => {
    const callback = typeof callbackOrOptions === 'function' ? callbackOrOptions : undefined;
    const options = (typeof callbackOrOptions === 'function' ? maybeOptions : callbackOrOptions) ?? {};
    // `signOut('sess_x')` must not end every session: only a callback and/or an options object are understood.
    expectObject(options, 'signOut()', 'options');
    if (options.sessionId !== undefined && typeof options.sessionId !== 'string')
      throw invalidArgument('signOut()', 'sessionId must be a session id', options.sessionId);
    const client = kernel.client;
    if (!client) throw new ClerkRuntimeError('signOut() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });

    const signedIn = client.signedInSessions;
    const target = options.sessionId ? signedIn.find((s) => s.id === options.sessionId) : undefined;
    // Nothing signed in, or a session that is already gone: nothing to end (as ClerkJS).
    if (signedIn.length === 0 || (options.sessionId && !target)) return;

    const currentId = kernel.session?.id ?? null;
    const everything = !target || signedIn.length === 1;
    if (!everything && target!.id !== currentId) {
      // Another tab's or an inactive session: this tab's state stays as it is.
      await target!.remove();
      announce();
      return;
    }

    await kernel.setActive({
      session: null,
      // Runs while the state reads `undefined`; a failure re-derives the state and rejects.
      beforeEmit: () => (everything ? client.removeSessions() : target!.remove()),
    });
    kernel.tokens.clear(everything ? undefined : target!.id);
    seenSessionId = null;
    events.emit('session:signed-out', { sessionId: currentId });
    announce();

    if (callback) await callback();
    else await navigation.navigate(options.redirectUrl || navigation.buildAfterSignOutUrl());
  }) as SignOut;

  /**
   * Another tab signed out: apply the client it sent (a ClerkJS tab sends none: then re-read it, once);
   * if this tab's session ended with it, finish signing out here.
   */
  async function followOtherTab(sharedClient: JSONObject | null | undefined) {
    const previousId = kernel.session?.id ?? seenSessionId;
    if (!previousId) return;
    if (sharedClient !== undefined && kernel.applyClientSnapshot(sharedClient)) {
      // Applied: no request.
    } else if (kernel.session) {
      // The kernel re-reads the client (GET /v1/client) once, however many listeners ask at the same time.
      await kernel.clerk.handleUnauthenticated().catch(() => {});
    }
    if (kernel.session !== null || seenSessionId === null) return;
    seenSessionId = null;
    const othersSignedIn = (kernel.client?.signedInSessions.length ?? 0) > 0;
    kernel.tokens.clear(othersSignedIn ? previousId : undefined);
    events.emit('session:signed-out', { sessionId: previousId });
  }

  return {
    signOut,
    async signOutOne(callback) {
      const current = kernel.session;
      if (kernel.environment?.isSingleSession()) return signOut(callback);
      if (current) return signOut(callback, { sessionId: current.id });
    },
    start() {
      seenSessionId = kernel.session?.id ?? null;
      events.on('client', ({ json }) => (latestClient = { json }));
      events.on('resources', ({ session }) => {
        if (session) seenSessionId = session.id;
      });
      if (!kernel.standardBrowser || typeof BroadcastChannel === 'undefined') return;
      // ClerkJS's cross-tab channel: a tab that signs out tells the others.
      channel = new BroadcastChannel('clerk');
      channel.onmessage = (event: MessageEvent) => {
        const message = event.data as { type?: string; client?: JSONObject | null } | null;
        if (message?.type === 'signout') void followOtherTab(message.client);
      };
      ctx.onDispose(() => channel?.close());
    },
  };
}
