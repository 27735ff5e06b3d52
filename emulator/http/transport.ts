/**
 * Side channels for headers that browser-like Fetch implementations hide. Under happy-dom (or any
 * DOM shim that replaces the globals) `Set-Cookie`, `Cookie` and `Origin` are forbidden header names
 * and are silently dropped from Request/Response objects, so the HTTP server passes them beside.
 */
const rawRequestHeaders = new WeakMap<Request, Map<string, string>>();
const responseCookies = new WeakMap<Response, string[]>();

export function attachRawRequestHeaders(request: Request, headers: Map<string, string>): void {
  rawRequestHeaders.set(request, headers);
}

/** A request header, falling back to what the HTTP server received when the Request dropped it. */
export function requestHeader(request: Request, name: string): string | null {
  return request.headers.get(name) ?? rawRequestHeaders.get(request)?.get(name.toLowerCase()) ?? null;
}

/** Records `Set-Cookie` values on a response (and adds them to its headers where allowed). */
export function withCookies(response: Response, cookies: string[]): Response {
  if (cookies.length === 0) return response;
  for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
  responseCookies.set(response, [...cookies]);
  return response;
}

/** The `Set-Cookie` values of a response produced by the emulator. */
export function setCookiesOf(response: Response): string[] {
  const recorded = responseCookies.get(response);
  if (recorded) return [...recorded];
  return typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
}

/** Adds one `Set-Cookie` to a response the emulator built, keeping the side channel in step. */
export function appendCookie(response: Response, cookie: string): Response {
  const cookies = [...setCookiesOf(response), cookie];
  response.headers.append('Set-Cookie', cookie);
  responseCookies.set(response, cookies);
  return response;
}
