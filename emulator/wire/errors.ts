/** FAPI error bodies: `{ errors: [{ code, message, long_message, meta }], clerk_trace_id }`. */
import type { FapiErrorItem } from '../domain/errors.js';

export function traceId(): string {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

export function errorBody(errors: FapiErrorItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { errors, clerk_trace_id: traceId(), ...extra };
}
