import { ClerkAPIResponseError, ClerkRuntimeError, TokenCache, definePlugin, type JSONObject, type Session, type Status } from '../../kernel/index.js';
import { browserEnvironment, type PollingEnvironment } from './environment.js';
import { pollingLoadOptionsSchema } from './options.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    polling: Record<never, never>;
  }
}

export interface PollingPluginOptions {
  /** Replaces parts of the page the poller reads (visibility, focus, Web Locks, BroadcastChannel). */
  environment?: Partial<PollingEnvironment>;
}

/**
 * A fresh token is fetched this long before the current one expires, as late as is safe: the token
 * cache's floor (it never hands out a token with 5 s or less left), plus 1 s for `iat` being whole
 * seconds, plus 1 s for the request. Clock skew is not in it: the expiry is measured on this clock
 * from the token's lifetime (see TokenCache.seed). ClerkJS refreshes 17 s ahead.
 */
export const REFRESH_LEAD_MS = 7_000;
/** Another tab holds the refresh lock: look again after this, unless its token arrives first. */
const LOCK_BUSY_RETRY_MS = 5_000;
/** A refresh failed for another reason than 401: try again after this. */
const ERROR_RETRY_MS = 10_000;
/** After another tab signed out: no refresh for this long, so none races the sign-out. */
const SIGN_OUT_SETTLE_MS = 2_000;
/** Without Web Locks, tabs spread their refreshes over this window (earlier, never later) so the first one's broadcast wins. */
const NO_LOCKS_JITTER_MS = 1_000;
/** In single-session mode, focus touches the session at most this often. */
const TOUCH_THROTTLE_MS = 5_000;

const LOCK_NAME = 'clerk.lock.refreshSessionToken';
const TOKEN_CHANNEL = 'clerk:session_token';
const CLERK_CHANNEL = 'clerk';

/** What tabs share over `clerk:session_token` (ClerkJS's message shape). */
interface TokenMessage {
  sessionId: string;
  organizationId: string | null;
  template: string | null;
  tokenId: string;
  tokenRaw: string;
}

/**
 * On ClerkJS's `clerk` channel (ClerkJS reads only `signout` there): `client` carries the client JSON a
 * tab got from FAPI and the session that tab is on, so the others apply it without a request.
 */
type ClerkMessage = { type: 'signout' } | { type: 'client'; client: JSONObject | null; sessionId: string | null; jwt: string | null; stamp: string };

/** localStorage key: the stamp and session of the last client shared, so a tab that missed it catches up when it becomes visible. */
const STAMP_KEY = 'microclerk:client-stamp';

const defaultTokenId = (session: Session) => TokenCache.key(session.id, undefined, session.lastActiveOrganizationId);

/** The stamp and session of the last shared client, or undefined (no storage, nothing shared yet). */
function stampStore(value?: { stamp: string; sessionId: string | null }): { stamp: string; sessionId: string | null } | undefined {
  try {
    if (value) localStorage.setItem(STAMP_KEY, JSON.stringify(value));
    else return JSON.parse(localStorage.getItem(STAMP_KEY)!) ?? undefined;
  } catch {
    // No storage (Node, private mode, quota): tabs still share over BroadcastChannel; only the catch-up is lost.
  }
}

/**
 * Keeps the current session's token fresh: one timer per token, due `exp − 17 s`; hidden tabs hold
 * no timer and make no requests; tabs of one browser elect one refresher (Web Locks) and share its
 * token over BroadcastChannel; focus touches the session and refreshes a token close to expiry.
 */
export function pollingPlugin(options: PollingPluginOptions = {}) {
  return definePlugin({
    name: 'polling',
    loadOptions: pollingLoadOptionsSchema,
    setup(ctx) {
      const { kernel } = ctx;
      let env: PollingEnvironment;
      let polling = false;
      let disposed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let tokenChannel: BroadcastChannel | undefined;
      let clerkChannel: BroadcastChannel | undefined;
      /** The status the kernel had before a failed refresh made it `degraded`. */
      let statusBeforeFailure: Status | undefined;
      let lastTouchAt = Number.NEGATIVE_INFINITY;
      /** The token last received from another tab: not sent back. */
      let receivedToken: string | undefined;
      /** While another tab's client is applied: the token it brings is not sent back either. */
      let applying = false;
      /** A client JSON this tab got from FAPI, not yet shared (it is shared once the state has settled). */
      let unshared: { json: JSONObject | null } | undefined;
      /** The stamp of the last client this tab shared or applied. */
      let seenStamp: string | undefined;
      let stampCounter = 0;
      const cleanups: Array<() => void> = [];

      const signedIn = (s: Session | null | undefined): s is Session => !!s && (s.status === 'active' || s.status === 'pending');

      /** Milliseconds until the current token is due for refresh (≤ 0: now), or null when there is nothing to keep fresh. */
      function msUntilRefresh(): number | null {
        const session = kernel.session;
        if (!signedIn(session) || !session.user) return null;
        const exp = session.lastActiveToken?.jwt?.claims.exp;
        if (exp === undefined) return 0;
        // The cache measures the expiry on this clock (see TokenCache.seed); `exp` only when the cache has no token.
        const expiresAt = kernel.tokens.expiresAt(defaultTokenId(session)) ?? exp * 1000;
        return expiresAt - Date.now() - REFRESH_LEAD_MS;
      }

      /** One timer at most, and none in hidden tabs. */
      function schedule(delayMs?: number): void {
        clearTimeout(timer);
        timer = undefined;
        if (!polling || disposed || !env.isVisible()) return;
        const due = delayMs ?? msUntilRefresh();
        if (due === null) return;
        const jitter = env.locks || delayMs !== undefined ? 0 : Math.random() * NO_LOCKS_JITTER_MS;
        timer = setTimeout(
          () => {
            timer = undefined;
            void refresh();
          },
          Math.max(0, due - jitter),
        );
      }

      /** Refreshes under the cross-tab lock; a tab that does not get it waits for the holder's broadcast. */
      async function refresh(): Promise<void> {
        if (disposed || !env.isVisible()) return;
        if (!env.locks) return refreshIfDue();
        const refreshed = await env.locks
          .request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
            if (!lock) return false;
            await refreshIfDue();
            return true;
          })
          .catch(() => false);
        if (!refreshed && !disposed) schedule(LOCK_BUSY_RETRY_MS);
      }

      async function refreshIfDue(): Promise<void> {
        const session = kernel.session;
        const due = msUntilRefresh();
        // A fresher token may have arrived from another tab while this one waited.
        if (!signedIn(session) || due === null || due > 0) return schedule();
        try {
          await fetchToken(session);
          if (statusBeforeFailure && kernel.clerk.status === 'degraded') kernel.setStatus(statusBeforeFailure);
          statusBeforeFailure = undefined;
          schedule();
        } catch (err) {
          if (disposed) return;
          if (err instanceof ClerkAPIResponseError && err.status === 401) {
            // The session is gone or the client changed: the kernel re-reads the client and signs this tab out if so.
            await kernel.clerk.handleUnauthenticated().catch(() => {});
            return schedule();
          }
          if (kernel.clerk.status !== 'degraded') {
            statusBeforeFailure = kernel.clerk.status;
            kernel.setStatus('degraded');
          }
          schedule(ERROR_RETRY_MS);
        }
      }

      /**
       * `POST …/tokens` for the session's default token, bypassing the cache (its own refresh starts only
       * 15 s before expiry), then `getToken()` serves it from the cache and publishes it as the session's
       * token (`session:token`, which reschedules and shares it).
       */
      async function fetchToken(session: Session): Promise<void> {
        const organizationId = session.lastActiveOrganizationId;
        await kernel.tokens.get(
          defaultTokenId(session),
          async () => {
            const token = await kernel.fapi.request<{ jwt?: string } | null>({
              method: 'POST',
              path: `/client/sessions/${session.id}/tokens`,
              body: { organizationId: organizationId ?? '' },
            });
            if (!token?.jwt) throw new ClerkRuntimeError(`The Frontend API returned no token for session ${session.id}.`, { code: 'missing_token' });
            return token.jwt;
          },
          true,
        );
        const current = kernel.session;
        if (current?.id === session.id) await current.getToken();
      }

      async function onActivity(change: 'focus' | 'visible' | 'hidden'): Promise<void> {
        if (change === 'hidden') return schedule();
        if (change === 'visible') await catchUp();
        if (change === 'focus') await touchOnFocus();
        if (disposed) return;
        const due = msUntilRefresh();
        if (polling && due !== null && due <= 0) await refresh();
        else schedule();
      }

      async function touchOnFocus(): Promise<void> {
        const session = kernel.session;
        if (!signedIn(session) || ctx.loadOptions.touchSession === false || !env.isVisible()) return;
        const now = Date.now();
        if (kernel.environment?.isSingleSession() && now - lastTouchAt < TOUCH_THROTTLE_MS) return;
        lastTouchAt = now;
        // The response carries the client with a fresh token; a 401 is handled by the kernel.
        await session.touch({ intent: 'focus' }).catch(() => {});
      }

      function shareToken(sessionId: string | null, jwt: string | null): void {
        const session = kernel.session;
        if (!tokenChannel || !jwt || !session || session.id !== sessionId || applying || jwt === receivedToken) return;
        const message: TokenMessage = {
          sessionId,
          organizationId: session.lastActiveOrganizationId ?? null,
          template: null,
          tokenId: defaultTokenId(session),
          tokenRaw: jwt,
        };
        tokenChannel.postMessage(message);
      }

      function receiveToken(data: unknown): void {
        const message = data as Partial<TokenMessage> | null;
        if (typeof message?.tokenId !== 'string' || typeof message.tokenRaw !== 'string' || typeof message.sessionId !== 'string') return;
        try {
          kernel.tokens.seed(message.tokenId, message.tokenRaw);
        } catch {
          return; // not a JWT: ignore it
        }
        const session = kernel.session;
        if (!signedIn(session) || message.template || session.id !== message.sessionId || message.tokenId !== defaultTokenId(session)) return;
        // Only when the cache now serves it (it was fresher and still usable), so getToken makes no request.
        if (kernel.tokens.peek(message.tokenId) !== message.tokenRaw) return;
        receivedToken = message.tokenRaw;
        void session.getToken().catch(() => {});
      }

      /** Once this tab's state has settled after a FAPI response, the others get the client (and this tab's session). */
      function shareClient(session: Session | null | undefined): void {
        if (session === undefined || !unshared || !clerkChannel) return;
        const stamp = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.${stampCounter++}`;
        const jwt = session?.lastActiveToken?.getRawString() ?? null;
        const message: ClerkMessage = { type: 'client', client: unshared.json, sessionId: session?.id ?? null, jwt, stamp };
        unshared = undefined;
        seenStamp = stamp;
        clerkChannel.postMessage(message);
        stampStore({ stamp, sessionId: message.sessionId });
      }

      /** Another tab's client: applied without a request; a tab without a session of its own follows that tab's. */
      function applyShared(message: Extract<ClerkMessage, { type: 'client' }>): void {
        const updatedAt = Number(message.client?.updated_at);
        // A late message from before this tab's own, newer client is not applied over it.
        if (updatedAt && (kernel.client?.updatedAt?.getTime() ?? 0) > updatedAt) return;
        if (!applySnapshot(message.client, message.sessionId)) return;
        seenStamp = message.stamp;
        // The sending tab's own token (its session's response may carry a newer one than the client): every tab on that session shows it.
        if (message.sessionId && typeof message.jwt === 'string') {
          const session = kernel.client?.sessions.find((s) => s.id === message.sessionId);
          const tokenId = session && defaultTokenId(session);
          if (tokenId)
            receiveToken({ sessionId: message.sessionId, organizationId: session.lastActiveOrganizationId, template: null, tokenId, tokenRaw: message.jwt });
        }
      }

      function applySnapshot(json: JSONObject | null, sessionId: string | null): boolean {
        applying = true;
        try {
          return kernel.applyClientSnapshot(json, sessionId);
        } finally {
          applying = false;
        }
      }

      /** Back to visible after missing a shared client (frozen, or the message was lost): one GET /v1/client. */
      async function catchUp(): Promise<void> {
        const last = stampStore();
        if (!last || last.stamp === seenStamp || !kernel.client) return;
        seenStamp = last.stamp;
        try {
          const payload = await kernel.fapi.request<{ response?: JSONObject | null } | null>({ path: '/client' });
          if (disposed) return;
          const json = payload?.response ?? null;
          applySnapshot(json, last.sessionId);
        } catch {
          seenStamp = undefined; // try again on the next visibility change
        }
      }

      function receiveClerkMessage(data: unknown): void {
        const message = data as Partial<ClerkMessage> | null;
        if (message?.type === 'signout') schedule(Math.max(SIGN_OUT_SETTLE_MS, msUntilRefresh() ?? 0));
        else if (message?.type === 'client' && typeof message.stamp === 'string' && message.client !== undefined)
          applyShared(message as Extract<ClerkMessage, { type: 'client' }>);
      }

      ctx.onLoad((loadOptions) => {
        if (!kernel.standardBrowser) return;
        env = { ...browserEnvironment(), ...options.environment };
        polling = loadOptions.polling !== false;
        seenStamp = stampStore()?.stamp;
        if (env.BroadcastChannel) {
          tokenChannel = new env.BroadcastChannel(TOKEN_CHANNEL);
          tokenChannel.onmessage = (event: MessageEvent) => receiveToken(event.data);
          clerkChannel = new env.BroadcastChannel(CLERK_CHANNEL);
          clerkChannel.onmessage = (event: MessageEvent) => receiveClerkMessage(event.data);
        }
        cleanups.push(env.onActivity((change) => void onActivity(change)));
        ctx.events.on('client', ({ json }) => (unshared = { json }));
        ctx.events.on('resources', ({ session }) => {
          shareClient(session);
          schedule();
        });
        ctx.events.on('session:token', ({ sessionId, jwt }) => {
          shareClient(kernel.session);
          shareToken(sessionId, jwt);
          schedule();
        });
      });

      ctx.onDispose(() => {
        disposed = true;
        clearTimeout(timer);
        timer = undefined;
        cleanups.splice(0).forEach((cleanup) => cleanup());
        tokenChannel?.close();
        clerkChannel?.close();
        tokenChannel = clerkChannel = undefined;
      });

      return {};
    },
  });
}
