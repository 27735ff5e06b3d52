/** Test helpers that talk to the emulator exactly as ClerkJS does on the wire. */
import { createPublicKey, verify } from 'node:crypto';
import type { Emulator } from '../../emulator/index.js';

export const ORIGIN = 'http://localhost:3000';
export const BASE = 'https://emulator.accounts.dev';
/** The app origins these tests call the emulator from (CORS and redirect URLs are allowed for them only). */
export const APP_ORIGINS = [ORIGIN, 'http://localhost:5173'];

export type Body = Record<string, string | number | boolean | null | string[] | Record<string, unknown> | undefined>;

/** Form-encodes a body as ClerkJS does: null → empty, arrays repeated, objects as JSON text. */
export function formEncode(body: Body): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value === null) params.append(key, '');
    else if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else if (typeof value === 'object') params.append(key, JSON.stringify(value));
    else params.append(key, String(value));
  }
  return params.toString();
}

export interface FapiResult {
  status: number;
  headers: Headers;
  json: any;
}

export interface FapiCaller {
  (method: string, path: string, body?: Body, query?: Record<string, string>): Promise<FapiResult>;
  token?: string;
  cookie?: string;
}

/**
 * A caller bound to one browser: development uses the dev-browser token in the query,
 * production keeps the `__client` cookie like a browser would.
 */
export function caller(emulator: Emulator, options: { token?: string; base?: string; origin?: string } = {}): FapiCaller {
  const call = (async (method, path, body, query = {}) => {
    const url = new URL(`${options.base ?? BASE}/v1${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    url.searchParams.set('__clerk_api_version', '2025-11-10');
    url.searchParams.set('_clerk_js_version', '6.40.0');
    const logical = method.toUpperCase();
    if (logical !== 'GET' && logical !== 'POST') url.searchParams.set('_method', logical);
    if (call.token) url.searchParams.set('__clerk_db_jwt', call.token);
    const headers: Record<string, string> = { origin: options.origin ?? ORIGIN };
    if (call.cookie) headers.cookie = call.cookie;
    let requestBody: string | undefined;
    if (logical !== 'GET') {
      requestBody = formEncode(body ?? {});
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await emulator.handle(new Request(url, { method: logical === 'GET' ? 'GET' : 'POST', headers, body: requestBody }));
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('__client='));
    if (setCookie) call.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  }) as FapiCaller;
  call.token = options.token;
  return call;
}

/** Runs the dev-browser handshake and returns a caller carrying its token. */
export async function devBrowser(emulator: Emulator): Promise<FapiCaller> {
  const response = await emulator.handle(new Request(`${BASE}/v1/dev_browser?__clerk_api_version=2025-11-10`, { method: 'POST' }));
  const json = (await response.json()) as { id: string; token: string };
  return caller(emulator, { token: json.id });
}

export function decodePart(jwt: string, index: 0 | 1): any {
  return JSON.parse(Buffer.from(jwt.split('.')[index]!, 'base64url').toString('utf8'));
}

/** Verifies an RS256 JWT against the emulator's JWKS with node:crypto. */
export function verifyWithJwks(jwt: string, jwks: { keys: any[] }): boolean {
  const header = decodePart(jwt, 0);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk || header.alg !== 'RS256') return false;
  const [h, p, s] = jwt.split('.');
  return verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s!, 'base64url'));
}

/** Signs in with identifier + password in one request and returns the created session id. */
export async function signInWithPassword(fapi: FapiCaller, identifier: string, password: string): Promise<string> {
  const result = await fapi('POST', '/client/sign_ins', { identifier, password, strategy: 'password', locale: 'en-US' });
  if (result.json.response?.status !== 'complete') throw new Error(`sign-in not complete: ${JSON.stringify(result.json)}`);
  return result.json.response.created_session_id;
}
