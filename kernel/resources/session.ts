import { ClerkRuntimeError, expectObject, invalidArgument } from '../errors.js';
import { BaseResource, type JSONObject } from './base.js';
import { Token, TokenCache } from './token.js';
import { User } from './user.js';

export type SessionStatus = 'active' | 'pending' | 'ended' | 'removed' | 'replaced' | 'revoked' | 'expired' | 'abandoned';

export interface GetTokenOptions {
  /** A JWT template name; its token is fetched from `/tokens/<template>`. */
  template?: string;
  /** The organization the token is for; defaults to the session's active one, `null` or `''` = personal. */
  organizationId?: string | null;
  /** Always ask FAPI for a new token. */
  skipCache?: boolean;
}

export class Session extends BaseResource {
  declare status: SessionStatus;
  declare expireAt: Date;
  declare abandonAt: Date;
  declare lastActiveAt: Date;
  declare lastActiveToken: Token | null;
  declare lastActiveOrganizationId: string | null;
  declare actor: { sub: string; [k: string]: unknown } | null;
  declare user: User | null;
  declare publicUserData: { firstName: string | null; lastName: string | null; imageUrl: string; hasImage: boolean; identifier: string; userId?: string };
  declare factorVerificationAge: [number, number] | null;
  /** What the user must do before a `pending` session becomes active. */
  declare tasks: Array<{ key: 'choose-organization' | 'reset-password' | 'setup-mfa' }> | null;
  declare createdAt: Date;
  declare updatedAt: Date;

  protected static override readonly childKeys = new Set(['user', 'last_active_token']);

  protected override hydrate(json: JSONObject): void {
    const user = json.user as JSONObject | null | undefined;
    const held = this.user;
    this.user = user ? (held && held.id === user.id ? held.fromJSON(user) : new User(this._ctx, user)) : null;
    const jwt = (json.last_active_token as { jwt?: string } | null)?.jwt;
    if (!jwt) this.lastActiveToken = null;
    else if (this.lastActiveToken?.getRawString() !== jwt) {
      // Seeded first: a token that is older than the cached one is not shown as the session's token.
      const token = new Token(jwt);
      if (this.id) this._ctx.tokens.seed(TokenCache.key(this.id, undefined, this.lastActiveOrganizationId), token);
      this.lastActiveToken = token;
    }
  }

  private get path() {
    return `/client/sessions/${this.id}`;
  }

  /**
   * A session token (JWT) for this session. Served from the cache while it has more than 5 s left;
   * concurrent calls share one request. Resolves null when the session has no user.
   */
  async getToken(options: GetTokenOptions = {}): Promise<string | null> {
    // ClerkJS reads `getToken(null)` as no options.
    options ??= {};
    expectObject(options, 'session.getToken()', 'options');
    if (options.template !== undefined && typeof options.template !== 'string') {
      throw invalidArgument('session.getToken()', 'template must be a JWT template name', options.template);
    }
    if (!this.user || (this.status !== 'active' && this.status !== 'pending')) return null;
    const { template, skipCache } = options;
    const organizationId = options.organizationId === undefined ? this.lastActiveOrganizationId : options.organizationId || null;
    const key = TokenCache.key(this.id, template, organizationId);
    const jwt = await this._ctx.tokens.get(
      key,
      async () => {
        const token = await this._ctx.fapi.request<{ jwt?: string } | null>({
          method: 'POST',
          path: `${this.path}/tokens${template ? `/${encodeURIComponent(template)}` : ''}`,
          search: skipCache ? { debug: 'skip_cache' } : undefined,
          body: template ? undefined : { organizationId: organizationId ?? '' },
        });
        if (!token?.jwt) {
          throw new ClerkRuntimeError(`The Frontend API returned no token for session ${this.id}${template ? ` (template "${template}")` : ''}.`, {
            code: 'missing_token',
          });
        }
        return token.jwt;
      },
      skipCache,
    );
    if (!template && organizationId === this.lastActiveOrganizationId && this.lastActiveToken?.getRawString() !== jwt) {
      this.lastActiveToken = new Token(jwt);
      this._ctx.onSessionToken(this.id, jwt);
    }
    return jwt;
  }

  /** Marks the session active now and, with `organizationId`, switches its active organization. */
  touch(params: { organizationId?: string | null; intent?: 'focus' | 'select_session' | 'select_org' } = {}) {
    const organizationId = params.organizationId === undefined ? this.lastActiveOrganizationId : params.organizationId;
    const body: Record<string, unknown> = { activeOrganizationId: organizationId ?? '' };
    if (params.intent) body.intent = params.intent;
    return this._mutate('POST', `${this.path}/touch`, body);
  }

  end() {
    this._ctx.tokens.clear(this.id);
    return this._mutate('POST', `${this.path}/end`);
  }

  remove() {
    this._ctx.tokens.clear(this.id);
    return this._mutate('POST', `${this.path}/remove`);
  }

  /** Forgets this session's cached tokens. */
  clearCache(): void {
    this._ctx.tokens.clear(this.id);
  }
}
