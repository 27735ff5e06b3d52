import type { EventBus, Resources, Status } from './events.js';
import type { JSONObject, ResourceContext } from './resources/base.js';
import { Client, type SignedInSession } from './resources/client.js';
import type { Environment } from './resources/environment.js';
import type { Organization } from './resources/organization.js';
import type { Session } from './resources/session.js';
import { Token } from './resources/token.js';
import type { KernelLoadOptions } from './types.js';

/** The parts of a client JSON that change in every response (a token object holds no nested object). */
const RENEWED_IN_EVERY_RESPONSE = /"last_active_token":\{[^{}]*\}|"cookie_expires_at":\d+/g;

export const signedIn = (s: Session): s is SignedInSession => s.status === 'active' || s.status === 'pending';

/**
 * The instance's resource state and the one place that changes it: applying a client from FAPI,
 * choosing the current session, and emitting consistent snapshots (`user === session.user`).
 */
export function createState(events: EventBus, resources: () => ResourceContext) {
  const state = {
    status: 'loading' as Status,
    loaded: false,
    client: undefined as Client | undefined,
    environment: undefined as Environment | undefined,
    session: undefined as SignedInSession | null | undefined,
    organization: undefined as Organization | null | undefined,
    loadOptions: {} as Record<string, unknown>,
    /** While setActive switches sessions, piggy-backed clients update `client` only. */
    switching: false,
    sessionChosen: false,
    /** The client was built locally after FAPI could not be reached (from the session cookie, or empty), not read from FAPI. */
    clientUnconfirmed: false,
    /** Why the client could not be loaded, until a later fetch succeeds. */
    loadError: null as Error | null,
  };
  let lastEmittedToken: string | null | undefined;
  /**
   * The client JSON last applied (kept, never modified) and, once a second client came, its text: the same
   * client again changes nothing and emits nothing. The first client (`load()`) is never serialised.
   */
  let lastClientJson: JSONObject | null = null;
  let lastClientText: string | undefined;
  /** How `json` differs from the client before: 0 not at all, 1 only in what FAPI renews in every response, 2 more. */
  function clientDifference(json: JSONObject | null): number {
    const before = (lastClientText ??= JSON.stringify(lastClientJson));
    const after = (lastClientText = JSON.stringify(json));
    return before === after ? 0 : before.replace(RENEWED_IN_EVERY_RESPONSE, '') === after.replace(RENEWED_IN_EVERY_RESPONSE, '') ? 1 : 2;
  }

  function organizationOf(s: Session | null | undefined): Organization | null | undefined {
    if (!s) return s;
    const orgId = s.lastActiveOrganizationId;
    return s.user?.organizationMemberships.find((m) => m.organization.id === orgId)?.organization ?? null;
  }

  const snapshot = (): Resources => ({
    client: state.client!,
    session: state.session,
    user: state.session === undefined ? undefined : (state.session?.user ?? null),
    organization: state.organization,
  });

  function emitResources() {
    if (state.client) events.emit('resources', snapshot());
  }

  function emitToken() {
    const jwt = state.session?.lastActiveToken?.getRawString() ?? null;
    if (state.session === undefined || jwt === lastEmittedToken) return;
    lastEmittedToken = jwt;
    events.emit('session:token', { sessionId: state.session?.id ?? null, jwt });
  }

  function setSession(next: SignedInSession | null | undefined) {
    state.session = next;
    state.organization = organizationOf(next);
  }

  /**
   * Applies a client JSON (null: no client any more). The objects are updated in place. `follow` (a
   * snapshot from another tab): the session that tab is on, taken when this tab has none left.
   * `fromFapi`: the JSON came from this tab's FAPI response, announced as the `client` event.
   */
  function applyClient(json: JSONObject | null, unconfirmed = false, follow?: string | null, fromFapi = true) {
    const { client: previous, session, organization } = state;
    // Tokens and the cookie's sliding expiry apart: FAPI renews them in every response; a token change is `session:token`'s to report.
    const difference =
      previous && state.clientUnconfirmed === unconfirmed ? (lastClientJson === json ? 0 : clientDifference(json)) : ((lastClientText = undefined), 2);
    const unchanged = difference < 2;
    const identical = difference == 0;
    // Any client FAPI sends (piggy-backed or fetched) supersedes a locally built one.
    state.clientUnconfirmed = unconfirmed;
    lastClientJson = json;
    // Identical only to a client applied before.
    const client = identical
      ? previous!
      : (state.client = json ? (previous ? previous.fromJSON(json) : new Client(resources(), json)) : new Client(resources()));
    if (fromFapi && !unconfirmed) events.emit('client', { json });
    if (state.switching) return;
    const candidates = client.sessions.filter(signedIn);
    /** One of this client's signed-in sessions, by id. */
    const byId = (id?: string | null) => candidates.find((s) => s.id === id);
    const followed = byId(follow) ?? null;
    if (!state.sessionChosen) {
      const select = state.loadOptions.selectInitialSession as KernelLoadOptions['selectInitialSession'];
      // The app's pick is read by id: only one of this client's signed-in sessions can become the session.
      setSession((select ? byId(select(client)?.id) : byId(client.lastActiveSessionId) || candidates[0]) ?? null);
      state.sessionChosen = true;
    } else {
      setSession(session ? (byId(session.id) ?? followed) : session === undefined ? undefined : followed);
    }
    if (!state.loaded) return;
    if (!unchanged || state.session !== session || state.organization !== organization) emitResources();
    emitToken();
  }

  /** A session's default token arrived (getToken): it becomes the current session's token if it is that session's. */
  function publishToken(sessionId: string, jwt: string | null) {
    const current = state.session;
    if (current?.id !== sessionId) return;
    if (jwt && current.lastActiveToken?.getRawString() !== jwt) current.lastActiveToken = new Token(jwt);
    emitToken();
  }

  function setStatus(next: Status) {
    state.status = next;
    events.emit('status', next);
  }

  return { state, snapshot, emitResources, emitToken, setSession, applyClient, publishToken, setStatus };
}

export type KernelState = ReturnType<typeof createState>;
