/** CORS for browser apps on another origin: echo the Origin with credentials, so cookies flow. */
import { requestHeader, setCookiesOf, withCookies } from './transport.js';

const EXPOSED_HEADERS = 'Retry-After, X-Country, Clerk-Db-Jwt, Authorization, X-Clerk-Trace-Id';

export function withCors(response: Response, request: Request, preflight = false): Response {
  const headers = new Headers(response.headers);
  const origin = requestHeader(request, 'origin');
  headers.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) headers.set('Access-Control-Allow-Credentials', 'true');
  headers.append('Vary', 'Origin');
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (preflight) {
    headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    headers.set('Access-Control-Allow-Headers', request.headers.get('access-control-request-headers') ?? 'Content-Type, Authorization, X-Mobile');
    headers.set('Access-Control-Max-Age', '600');
  }
  // A new Response loses the cookie side channel, so carry the cookies over explicitly.
  return withCookies(new Response(response.body, { status: response.status, statusText: response.statusText, headers }), setCookiesOf(response));
}
