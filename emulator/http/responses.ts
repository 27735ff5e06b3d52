/** JSON responses the pipeline builds itself (errors, faults), outside any handler. */
import type { FapiError } from '../domain/errors.js';
import { errorBody } from '../wire/errors.js';

export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** FAPI error responses carry the client under `meta.client` when the request had one. */
export function errorResponse(error: FapiError, client: Record<string, unknown> | null): Response {
  const extra = client ? { meta: { client } } : {};
  return jsonResponse(errorBody(error.errors, extra), error.status, error.headers);
}
