import { BaseResource, syncById, type JSONObject } from './base.js';
import { Session, type SessionStatus } from './session.js';
import { SignIn } from './sign-in.js';
import { SignUp } from './sign-up.js';
import type { User } from './user.js';

/** The strategies FAPI reports as a client's last authentication. */
export type LastAuthenticationStrategy =
  | 'email_address'
  | 'username'
  | 'email_code'
  | 'email_link'
  | 'phone_code'
  | 'password'
  | `oauth_${OAuthProviderName}`
  | `web3_${'metamask' | 'coinbase_wallet' | 'okx_wallet' | 'base' | 'solana'}_signature`;

/** What a pending session has beyond other sessions: the session-tasks plugin merges its `currentTask` in. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by interface merging
export interface PendingSessionMembers {}

/** A session known to have status `S`; a signed-in one has its user (ClerkJS's ActiveSessionResource, PendingSessionResource). */
export type SessionWithStatus<S extends SessionStatus> = Session & { status: S; user: User } & (S extends 'pending' ? PendingSessionMembers : unknown);
/** A session that counts as signed in: `active`, or `pending` with tasks left (ClerkJS's SignedInSessionResource). */
export type SignedInSession = SessionWithStatus<'active'> | SessionWithStatus<'pending'>;

/** The OAuth providers FAPI knows, plus custom ones (`custom_…`). */
export type OAuthProviderName =
  | 'facebook'
  | 'google'
  | 'hubspot'
  | 'github'
  | 'tiktok'
  | 'gitlab'
  | 'discord'
  | 'twitter'
  | 'twitch'
  | 'linkedin'
  | 'linkedin_oidc'
  | 'dropbox'
  | 'atlassian'
  | 'bitbucket'
  | 'microsoft'
  | 'notion'
  | 'apple'
  | 'line'
  | 'instagram'
  | 'coinbase'
  | 'spotify'
  | 'xero'
  | 'box'
  | 'slack'
  | 'linear'
  | 'x'
  | 'enstall'
  | 'huggingface'
  | 'vercel'
  | 'agentid'
  | `custom_${string}`;

/** The current device/browser: its sessions and the sign-in and sign-up in progress. */
export class Client extends BaseResource {
  declare sessions: Session[];
  declare signIn: SignIn;
  declare signUp: SignUp;
  declare lastActiveSessionId: string | null;
  /** How this browser last signed in (`email_code`, `oauth_google`…); null when unknown. */
  declare lastAuthenticationStrategy: LastAuthenticationStrategy | null;
  declare cookieExpiresAt: Date | null;
  declare createdAt: Date | null;
  declare updatedAt: Date | null;

  protected static override readonly childKeys = new Set(['sessions', 'sign_in', 'sign_up']);

  protected override hydrate(json: JSONObject): void {
    // In place by id: a Session, User, SignIn or SignUp the app holds stays the live one.
    this.sessions = syncById(this.sessions, json.sessions, (s) => new Session(this._ctx, s));
    this.lastActiveSessionId = (json.last_active_session_id as string) ?? null;
    this.signIn = keepOrReplace(this.signIn, json.sign_in as JSONObject | null, () => new SignIn(this._ctx));
    this.signUp = keepOrReplace(this.signUp, json.sign_up as JSONObject | null, () => new SignUp(this._ctx));
  }

  /** Sessions that count as signed in (`active`, or `pending` with tasks left). */
  get signedInSessions(): SignedInSession[] {
    return this.sessions.filter((s): s is SignedInSession => s.status === 'active' || s.status === 'pending');
  }

  /** ClerkJS's name for the active sessions. */
  get activeSessions(): Array<SessionWithStatus<'active'>> {
    return this.sessions.filter((s): s is SessionWithStatus<'active'> => s.status === 'active');
  }

  isNew(): boolean {
    return !this.id;
  }

  /** Deletes the client: every session ends and the device starts over. */
  destroy(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: '/client' }).then(() => undefined);
  }

  /** Ends every session and keeps the client; resolves with this client, updated (as ClerkJS). */
  removeSessions(): Promise<this> {
    this._ctx.tokens.clear();
    return this._mutate('DELETE', '/client/sessions');
  }

  reload() {
    return this._reload('/client');
  }
}

function keepOrReplace<T extends BaseResource>(current: T | undefined, json: JSONObject | null, empty: () => T): T {
  if (!json) return current && !current.id ? current : empty();
  if (current && (!current.id || current.id === json.id)) return current.fromJSON(json);
  return empty().fromJSON(json);
}
