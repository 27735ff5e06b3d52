import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import { createFapiClient, encodeForm, type FapiClientConfig } from './fapi.js';

const BASE = 'https://fapi.test/__clerk';
const seen: Request[] = [];
let reply: (req: Request) => Response | Promise<Response> = () => HttpResponse.json({ response: {} });
const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    seen.push(request.clone());
    return reply(request);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

/** The error a call rejects with (fails the test if it resolves). */
const rejection = (p: Promise<unknown>): Promise<any> =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );

function client(overrides: Partial<FapiClientConfig> = {}) {
  return createFapiClient({
    baseUrl: BASE,
    getSessionId: () => 'sess_1',
    getDevBrowserToken: () => 'dvb_1',
    setDevBrowserToken: () => {},
    onClient: () => {},
    onUnauthenticated: () => {},
    renewDevBrowser: async () => {},
    ...overrides,
  });
}

describe('encodeForm', () => {
  it('snake-cases top-level keys, drops undefined, repeats arrays, JSON-encodes objects', () => {
    const form = encodeForm({ emailAddress: 'a@b.test', skip: undefined, empty: null, flag: true, n: 3, scopes: ['x', 'y'], unsafeMetadata: { innerKey: 1 } });
    expect(form.toString()).toBe('email_address=a%40b.test&empty=&flag=true&n=3&scopes=x&scopes=y&unsafe_metadata=%7B%22innerKey%22%3A1%7D');
  });
});

describe('FAPI client', () => {
  it('tunnels PATCH through POST with _method and adds ClerkJS query parameters in order', async () => {
    await client().request({ method: 'PATCH', path: '/me', body: { firstName: 'Ada' } });
    const req = seen[0];
    expect(req.method).toBe('POST');
    const url = new URL(req.url);
    expect([...url.searchParams.keys()]).toEqual(['__clerk_api_version', '_clerk_js_version', '_method', '_clerk_session_id', '__clerk_db_jwt']);
    expect(url.searchParams.get('_method')).toBe('PATCH');
    expect(req.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await req.text()).toBe('first_name=Ada');
  });

  it('does not send _clerk_session_id to /client paths', async () => {
    await client().request({ method: 'POST', path: '/client/sign_ins', body: {} });
    expect(new URL(seen[0].url).searchParams.has('_clerk_session_id')).toBe(false);
  });

  it('applies the piggy-backed client on mutations, even on errors, but not on plain GETs', async () => {
    const onClient = vi.fn();
    reply = () => HttpResponse.json({ response: {}, client: { id: 'client_1', sessions: [] } });
    await client({ onClient }).request({ path: '/environment' });
    expect(onClient).not.toHaveBeenCalled();
    await client({ onClient }).request({ path: '/client/sign_ins/x', forceUpdateClient: true });
    expect(onClient).toHaveBeenCalledTimes(1);
    reply = () =>
      HttpResponse.json(
        {
          errors: [{ code: 'form_password_incorrect', message: 'wrong', long_message: 'Password is incorrect.', meta: { param_name: 'password' } }],
          client: { id: 'client_2', sessions: [] },
          clerk_trace_id: 'trace_9',
        },
        { status: 422 },
      );
    const error = await rejection(client({ onClient }).request({ method: 'POST', path: '/client/sign_ins' }));
    expect(onClient).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'client_2' }));
    expect(error).toBeInstanceOf(ClerkAPIResponseError);
    expect(error.status).toBe(422);
    expect(error.message).toBe('Password is incorrect.');
    expect(error.clerkTraceId).toBe('trace_9');
    expect(error.errors).toEqual([
      { code: 'form_password_incorrect', message: 'wrong', longMessage: 'Password is incorrect.', meta: { paramName: 'password' } },
    ]);
  });

  it('reads Retry-After on 429', async () => {
    reply = () => HttpResponse.json({ errors: [{ code: 'too_many_requests', message: 'slow down' }] }, { status: 429, headers: { 'retry-after': '7' } });
    const error = await rejection(client().request({ method: 'POST', path: '/client/sessions/s/tokens' }));
    expect(error.retryAfter).toBe(7);
  });

  it('turns a malformed 2xx body into a typed error', async () => {
    reply = () => new HttpResponse('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const error = await rejection(client().request({ path: '/client' }));
    expect(error).toBeInstanceOf(ClerkRuntimeError);
    expect(error.code).toBe('malformed_response');
    reply = () => HttpResponse.json({ client: { id: 7, sessions: 'no' } });
    const shapeError = await rejection(client().request({ method: 'POST', path: '/client' }));
    expect(shapeError.code).toBe('malformed_response');
    expect(shapeError.message).toMatch(/client/);
  });

  it('retries GETs on network failure with _clerk_retry_attempt, never POSTs', async () => {
    let calls = 0;
    reply = () => (++calls < 3 ? HttpResponse.error() : HttpResponse.json({ response: { ok: true } }));
    const payload = await client().request<{ response: { ok: boolean } }>({ path: '/client' });
    expect(payload.response.ok).toBe(true);
    expect(seen.map((r) => new URL(r.url).searchParams.get('_clerk_retry_attempt'))).toEqual([null, '1', '2']);
    calls = -10;
    seen.length = 0;
    const error = await rejection(client().request({ method: 'POST', path: '/client/sign_ins' }));
    expect(error.code).toBe('network_error');
    // The POST is sent once; what follows is the client re-read (see "lost response" below).
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('renews the dev browser once on dev_browser_unauthenticated and reports other 401s', async () => {
    let token = 'dvb_old';
    let first = true;
    reply = () => {
      if (first) return ((first = false), HttpResponse.json({ errors: [{ code: 'dev_browser_unauthenticated', message: 'x' }] }, { status: 401 }));
      return HttpResponse.json({ response: null });
    };
    const renewDevBrowser = vi.fn(async () => void (token = 'dvb_new'));
    await client({ getDevBrowserToken: () => token, renewDevBrowser }).request({ path: '/client' });
    expect(renewDevBrowser).toHaveBeenCalledTimes(1);
    expect(new URL(seen[1].url).searchParams.get('__clerk_db_jwt')).toBe('dvb_new');

    const onUnauthenticated = vi.fn();
    reply = () => HttpResponse.json({ errors: [{ code: 'authentication_invalid', message: 'x' }] }, { status: 401 });
    await expect(client({ onUnauthenticated }).request({ method: 'POST', path: '/client/sessions/s/touch' })).rejects.toThrow(ClerkAPIResponseError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('transport failures are typed and bounded', () => {
  const code = async (p: Promise<unknown>) => ((await rejection(p)) as ClerkRuntimeError).code;

  it('a body cut off mid-stream is a network_error, not a raw TypeError', async () => {
    reply = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"response":{"obj'));
            controller.error(new TypeError('terminated'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const error = await rejection(client().request({ method: 'POST', path: '/client/sign_ins' }));
    expect(error).toBeInstanceOf(ClerkRuntimeError);
    expect(error.code).toBe('network_error');
  });

  it('a response that never comes is a request_timeout after timeoutMs, and the fetch is aborted', async () => {
    let aborted = false;
    reply = (req) =>
      new Promise<Response>(() => {
        req.signal.addEventListener('abort', () => (aborted = true));
      });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = code(client({ timeoutMs: 2_000 }).request({ path: '/client' }));
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await pending).toBe('request_timeout');
      // Not retried: a GET that timed out has already used its time.
      expect(seen).toHaveLength(1);
      expect(aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the timeout covers a body that stalls after the headers', async () => {
    reply = () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{')) }), { status: 200 });
    expect(await code(client({ timeoutMs: 50 }).request({ path: '/client' }))).toBe('request_timeout');
  });

  it("the caller's signal aborts with request_aborted", async () => {
    reply = () => new Promise<Response>(() => {});
    const controller = new AbortController();
    const pending = code(client().request({ path: '/client', signal: controller.signal }));
    controller.abort();
    expect(await pending).toBe('request_aborted');
  });

  it('after a lost response to a mutation, the client is re-read before the rejection', async () => {
    const clients: unknown[] = [];
    reply = (req) =>
      new URL(req.url).pathname.endsWith('/sign_ins')
        ? HttpResponse.error()
        : HttpResponse.json({ response: { id: 'client_1', sessions: [] }, client: { id: 'client_1', sessions: [{ id: 'sess_9', status: 'active' }] } });
    expect(await code(client({ onClient: (c) => clients.push(c) }).request({ method: 'POST', path: '/client/sign_ins' }))).toBe('network_error');
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /__clerk/v1/client/sign_ins', 'GET /__clerk/v1/client']);
    expect(clients).toEqual([{ id: 'client_1', sessions: [{ id: 'sess_9', status: 'active' }] }]);
  });
});
