import { decodeJwt, definePlugin, type PluginContext } from '../../kernel/index.js';
import { cookieAttributes, cookieSuffix, readCookie, writeCookie } from '../../kernel/dev-browser.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'session-sync': Record<never, never>;
  }
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const SESSION_COOKIE = '__session';
const CLIENT_UAT_COOKIE = '__client_uat';
/** `<sessionId>:<orgId>` of the last `__session` write: a tab on that session may update it without focus. */
const ACTIVE_CONTEXT_COOKIE = 'clerk_active_context';

/** Session id, organization and issue time of a token, as ClerkJS compares them. */
function tokenFacts(jwt: string | undefined): { sid?: string; orgId: string | null; issuedAt: number } | undefined {
  if (!jwt) return undefined;
  try {
    const { header, claims } = decodeJwt(jwt);
    const org = (claims.o as { id?: string } | undefined)?.id ?? (claims.org_id as string | undefined) ?? null;
    return { sid: claims.sid, orgId: org, issuedAt: typeof header.oiat === 'number' ? header.oiat : claims.iat };
  } catch {
    return undefined;
  }
}

/**
 * Writes the cookies server-side frameworks read: `__session` (the current session token) and, for
 * development instances, `__client_uat` (when the client last changed, 0 when signed out). Off when
 * `standardBrowser` is false or there is no document.
 */
export function sessionSyncPlugin() {
  return definePlugin({
    name: 'session-sync',
    setup(ctx) {
      let stop = () => {};
      ctx.onLoad(async () => {
        if (!ctx.kernel.standardBrowser || typeof document === 'undefined') return;
        stop = startSync(ctx, await cookieSuffix(ctx.kernel.publishableKey));
      });
      ctx.onDispose(() => stop());
      return {};
    },
  });
}

function startSync(ctx: PluginContext, suffix: string): () => void {
  const { kernel } = ctx;
  const names = (base: string) => (suffix ? [base, `${base}_${suffix}`] : [base]);
  /** The session this tab's last token belonged to (a null token says only that it is gone). */
  let tabSessionId: string | null = kernel.session?.id ?? null;
  let lastClientUat: string | undefined;

  /** A focused tab owns the cookie; an unfocused one only while it is on the same session as the last writer. */
  const mayWrite = (sessionId: string | null) => document.hasFocus() || (!!sessionId && (readCookie(ACTIVE_CONTEXT_COOKIE) ?? '').split(':')[0] === sessionId);

  function writeSessionToken(sessionId: string | null, jwt: string | null): void {
    if (!jwt) {
      // Signed out only because FAPI could not be reached: the server must keep seeing the cookie it set.
      if (mayWrite(tabSessionId) && !kernel.clientUnconfirmed) {
        for (const name of names(SESSION_COOKIE)) writeCookie(name, null, '');
        writeCookie(ACTIVE_CONTEXT_COOKIE, null, '');
      }
      tabSessionId = sessionId;
      return;
    }
    tabSessionId = sessionId;
    if (!mayWrite(sessionId)) return;
    const next = tokenFacts(jwt);
    const current = tokenFacts(readCookie(names(SESSION_COOKIE).at(-1)!) ?? readCookie(SESSION_COOKIE));
    // Never put back an older token of the same session and organization (another tab may have a newer one).
    if (next && current && current.sid === next.sid && current.orgId === next.orgId && current.issuedAt > next.issuedAt) return;
    for (const name of names(SESSION_COOKIE)) writeCookie(name, jwt, `max-age=${ONE_YEAR_SECONDS}; ${cookieAttributes('Lax')}`);
    writeCookie(ACTIVE_CONTEXT_COOKIE, `${sessionId ?? next?.sid ?? ''}:${next?.orgId ?? ''}`, cookieAttributes('Lax'));
  }

  function writeClientUat(): void {
    // A client built locally during an outage says nothing about when the real one changed.
    if (kernel.instanceType !== 'development' || !kernel.client || kernel.clientUnconfirmed) return;
    const client = kernel.client;
    const value = client.signedInSessions.length > 0 ? String(Math.floor((client.updatedAt?.getTime() ?? Date.now()) / 1000)) : '0';
    if (value === lastClientUat) return;
    lastClientUat = value;
    for (const name of names(CLIENT_UAT_COOKIE)) writeCookie(name, value, `max-age=${ONE_YEAR_SECONDS}; ${cookieAttributes('Strict')}`);
  }

  /** A tab that gets focus puts its own session's token back in the cookie. */
  const onFocus = () => {
    const jwt = kernel.session?.lastActiveToken?.getRawString();
    if (jwt) writeSessionToken(kernel.session!.id, jwt);
  };

  ctx.events.on('session:token', ({ sessionId, jwt }) => {
    writeSessionToken(sessionId, jwt);
    writeClientUat();
  });
  ctx.events.on('resources', writeClientUat);
  window.addEventListener('focus', onFocus);
  return () => window.removeEventListener('focus', onFocus);
}
