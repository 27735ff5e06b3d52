/** `settings.rateLimit`: a sliding window over all FAPI requests, answered with 429 and `Retry-After`. */
import { FapiError, fapiError } from '../domain/errors.js';
import type { RateLimitSettings } from '../domain/settings.js';

export class RateLimiter {
  /** Request times inside the current window. */
  private hits: number[] = [];

  /** Counts the request; returns a 429 error when the window's budget is spent. */
  check(limit: RateLimitSettings | null, clock: () => number): FapiError | null {
    if (!limit) return null;
    const now = clock();
    const windowMs = limit.windowSeconds * 1000;
    this.hits = this.hits.filter((t) => t > now - windowMs);
    if (this.hits.length >= limit.maxRequests) {
      const retryAfter = Math.max(1, Math.ceil((this.hits[0] + windowMs - now) / 1000));
      const error = fapiError(429, 'too_many_requests', 'Too many requests', 'Too many requests. Please try again in a bit.');
      return new FapiError(429, error.errors, { 'Retry-After': String(retryAfter) });
    }
    this.hits.push(now);
    return null;
  }

  reset(): void {
    this.hits = [];
  }
}
