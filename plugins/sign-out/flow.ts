/** The bodies of `signOut()`, `signOutOne()` and the follow-up of another tab's sign-out, loaded alongside `load()` (see sign-out.ts). */
import type { JSONObject, PluginContext } from '../../kernel/index.js';
import { ClerkRuntimeError, expectObject, invalidArgument } from '../../kernel/errors.js';
import type { NavigationApi } from '../navigation/index.js';
import type { SignOutCallback, SignOutOptions } from './sign-out.js';

/** What the plugin keeps between calls: its navigation, the cross-tab channel, this tab's last client and session. */
export interface SignOutState {
  navigation: NavigationApi;
  channel?: BroadcastChannel;
  /** The client of this tab's last FAPI response, sent along with the sign-out. */
  latestClient?: { json: JSONObject | null };
  /** This tab's last signed-in session: a shared client may end it before the sign-out message arrives. */
  sessionId: string | null;
}

type Ctx = Pick<PluginContext, 'kernel' | 'events'>;

/** ClerkJS's message on the `clerk` channel; the client FAPI answered with rides along (ClerkJS reads only `type`). */
const announce = (state: SignOutState) =>
  state.channel?.postMessage(state.latestClient ? { type: 'signout', client: state.latestClient.json } : { type: 'signout' });

export async function signOut(ctx: Ctx, state: SignOutState, callbackOrOptions?: SignOutCallback | SignOutOptions, maybeOptions?: SignOutOptions) {
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
    announce(state);
    return;
  }

  await ctx.kernel.setActive({
    session: null,
    // Runs while the state reads `undefined`; a failure re-derives the state and rejects.
    beforeEmit: () => (everything ? client.removeSessions() : target!.remove()),
  });
  ctx.kernel.tokens.clear(everything ? undefined : target!.id);
  state.sessionId = null;
  ctx.events.emit('session:signed-out', { sessionId: currentId });
  announce(state);

  if (callback) await callback();
  else await state.navigation.navigate(options.redirectUrl || state.navigation.buildAfterSignOutUrl());
}

export async function signOutOne(ctx: Ctx, state: SignOutState, callback?: SignOutCallback) {
  const current = ctx.kernel.session;
  if (ctx.kernel.environment?.isSingleSession()) return signOut(ctx, state, callback);
  if (current) return signOut(ctx, state, callback, { sessionId: current.id });
}

/**
 * Another tab signed out: apply the client it sent (a ClerkJS tab sends none: then re-read it, once);
 * if this tab's session ended with it, finish signing out here.
 */
export async function followOtherTab(ctx: Ctx, state: SignOutState, client: JSONObject | null | undefined) {
  const previousId = ctx.kernel.session?.id ?? state.sessionId;
  if (!previousId) return;
  if (client !== undefined && ctx.kernel.applyClientSnapshot(client)) {
    // Applied: no request.
  } else if (ctx.kernel.session) {
    // The kernel re-reads the client (GET /v1/client) once, however many listeners ask at the same time.
    await ctx.kernel.clerk.handleUnauthenticated().catch(() => {});
  }
  if (ctx.kernel.session !== null || state.sessionId === null) return;
  state.sessionId = null;
  const othersSignedIn = (ctx.kernel.client?.signedInSessions.length ?? 0) > 0;
  ctx.kernel.tokens.clear(othersSignedIn ? previousId : undefined);
  ctx.events.emit('session:signed-out', { sessionId: previousId });
}
