/** Per-request state handed to handlers: parsed body, client identity, response helpers. */
import type { EmulatorCore } from '../domain/core.js';
import { signedOut } from '../domain/errors.js';
import { randomToken } from '../domain/ids.js';
import type { ClientRecord, SessionRecord, UserRecord } from '../domain/records.js';
import { clientJson } from '../wire/client.js';
import type { JsonView } from '../wire/view.js';
import { clientCookie } from './cookies.js';
import type { FormBody } from './form-body.js';
import { requestHeader, withCookies } from './transport.js';

export class RequestContext {
  client: ClientRecord | null;
  params: Record<string, string> = {};
  readonly responseHeaders = new Headers();
  /** `Set-Cookie` values for the response (kept apart: DOM shims drop them from Headers). */
  readonly cookies: string[] = [];
  readonly view: JsonView;

  constructor(
    readonly core: EmulatorCore,
    readonly request: Request,
    readonly url: URL,
    /** Logical method after `_method` tunnelling. */
    readonly method: string,
    /** Path after the `/v1` segment, e.g. `/client/sign_ins`. */
    readonly path: string,
    /** Everything before `/v1`, e.g. `http://127.0.0.1:4000/__clerk`. */
    readonly baseUrl: string,
    readonly body: FormBody,
    client: ClientRecord | null,
    /** True for origins the emulator trusts as redirect targets (its own and the allowed app origins). */
    readonly allowsOrigin: (origin: string) => boolean = () => false,
  ) {
    this.client = client;
    this.view = { core, origin: requestHeader(request, 'origin') };
  }

  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  get userAgent(): string | null {
    return requestHeader(this.request, 'user-agent');
  }

  get ipAddress(): string | null {
    return requestHeader(this.request, 'x-forwarded-for')?.split(',')[0]?.trim() ?? null;
  }

  /** The request's client; production instances create one on demand and set the `__client` cookie. */
  requireClient(): ClientRecord {
    if (this.client) return this.client;
    const client = this.core.store.createClient(this.core.now());
    const cookieValue = randomToken();
    this.core.store.clientCookies.set(cookieValue, client.id);
    this.setClientCookie(cookieValue);
    this.client = client;
    return client;
  }

  setClientCookie(value: string): void {
    this.cookies.push(clientCookie(value, this.url));
  }

  clientJson(): Record<string, unknown> | null {
    return this.client ? clientJson(this.view, this.client) : null;
  }

  /** `{ response, client }` with the full piggybacked client. */
  envelope(response: unknown, status = 200): Response {
    return this.json({ response, client: this.clientJson() }, status);
  }

  json(body: unknown, status = 200): Response {
    const headers = new Headers(this.responseHeaders);
    headers.set('Content-Type', 'application/json');
    return withCookies(new Response(JSON.stringify(body), { status, headers }), this.cookies);
  }

  touchClient(): void {
    if (this.client) this.client.updatedAt = this.core.now();
  }

  /** The session `/me` requests act for: `_clerk_session_id` if signed in on this client, else the last active one. */
  currentSession(): SessionRecord {
    const client = this.client;
    if (!client) throw signedOut();
    const active = this.core.activeSessions(client);
    const requested = this.query.get('_clerk_session_id');
    const session = requested ? active.find((s) => s.id === requested) : (active.find((s) => s.id === client.lastActiveSessionId) ?? active[0]);
    if (!session) throw signedOut();
    return session;
  }

  currentUser(): { session: SessionRecord; user: UserRecord } {
    const session = this.currentSession();
    const user = this.core.store.users.get(session.userId);
    if (!user) throw signedOut();
    return { session, user };
  }
}
