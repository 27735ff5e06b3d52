/** Per-request state handed to handlers: parsed body, client identity, response helpers. */
import type { EmulatorCore } from './core.js';
import { signedOut } from './errors.js';
import { clientJson, type JsonView } from './json.js';
import { randomToken, type ClientRecord, type SessionRecord, type UserRecord } from './store.js';
import { requestHeader, withCookies } from './transport.js';

/** Form fields as ClerkJS sends them: snake_case keys, `key=` meaning null, nested objects as JSON text. */
export class FormBody {
  constructor(
    private readonly params: URLSearchParams,
    readonly files: Map<string, Blob> = new Map(),
    /** Raw text of a non-form body (e.g. an octet-stream image). */
    readonly raw: string | null = null,
  ) {}

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** The value, `undefined` when absent; an empty value (sent for `null`) is `''`. */
  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** Non-empty trimmed value or undefined. */
  text(name: string): string | undefined {
    const value = this.params.get(name)?.trim();
    return value ? value : undefined;
  }

  all(name: string): string[] {
    return this.params.getAll(name);
  }

  bool(name: string): boolean | undefined {
    const value = this.params.get(name);
    if (value === null) return undefined;
    return value === 'true' || value === '1';
  }

  json(name: string): unknown {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
}

export const CLIENT_COOKIE = '__client';

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
    const secure = this.url.protocol === 'https:' ? '; Secure' : '';
    this.cookies.push(`${CLIENT_COOKIE}=${value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`);
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
    const session = requested
      ? active.find((s) => s.id === requested)
      : active.find((s) => s.id === client.lastActiveSessionId) ?? active[0];
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
