import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError, ClerkRuntimeError } from '../errors.js';
import { decodeJwt, TokenCache } from './token.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: object, header: object = { alg: 'RS256' }) => `${b64(header)}.${b64(claims)}.sig`;
const tokenAt = (nowMs: number, lifetimeS = 60, extra = {}) =>
  jwt({ iat: Math.floor(nowMs / 1000), exp: Math.floor(nowMs / 1000) + lifetimeS, sid: 's', ...extra });

describe('decodeJwt', () => {
  it('reads header and claims, including non-ASCII text', () => {
    const decoded = decodeJwt(jwt({ iat: 1, exp: 2, name: 'Zoë' }, { alg: 'RS256', kid: 'k' }));
    expect(decoded.claims.name).toBe('Zoë');
    expect(decoded.header.kid).toBe('k');
  });
  it('reads unpadded parts of every length, with the url-safe - and _', () => {
    for (const name of ['', 'a', 'ab', 'abc', '>>>?', '??>>', 'Zoë>?']) {
      const token = jwt({ iat: 1, exp: 2, name }, { alg: 'RS256', pad: name });
      expect(token.split('.').every((part) => !part.includes('='))).toBe(true);
      expect(decodeJwt(token)).toMatchObject({ claims: { name }, header: { pad: name } });
    }
    expect(jwt({ iat: 1, exp: 2, name: '>>>?' })).toMatch(/[-_]/);
  });
  it.each(['', 'a.b', 'a.b.c.d', `${b64({})}.${b64({ iat: 1 })}.x`, 'x.!!!.y'])('rejects %j', (bad) => {
    expect(() => decodeJwt(bad)).toThrow(/Malformed session token/);
  });
  it.each([
    ['a.b', /three non-empty parts .*got 2 part\(s\)/],
    ['a..c', /three non-empty parts .*got an empty part/],
    ['x.!!!.y', /not base64url-encoded JSON/],
    [`${b64({})}.${b64({ iat: 1 })}.x`, /"exp" or "iat" claim is missing/],
    [`${b64({})}.${b64(null as never)}.x`, /"exp" or "iat" claim is missing/],
  ])('throws a ClerkRuntimeError malformed_token saying what is wrong with %j', (bad, problem) => {
    let error: unknown;
    try {
      decodeJwt(bad);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ClerkRuntimeError);
    expect(error).toMatchObject({ code: 'malformed_token', message: expect.stringMatching(problem) });
  });
});

describe('TokenCache', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('shares one request among concurrent callers', async () => {
    const cache = new TokenCache();
    const fetchToken = vi.fn(async () => tokenAt(Date.now()));
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get('s', fetchToken)));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
  });

  it('serves from cache, refreshes in the background near expiry, never hands out a token with ≤ 5 s left', async () => {
    const cache = new TokenCache();
    const fetchToken = vi.fn(async () => tokenAt(Date.now()));
    const first = await cache.get('s', fetchToken);
    vi.advanceTimersByTime(30_000);
    expect(await cache.get('s', fetchToken)).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(23_000); // 7 s left: served, no refresh yet
    expect(await cache.get('s', fetchToken)).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_500); // 5.5 s left: served, and a refresh starts
    expect(await cache.get('s', fetchToken)).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.runOnlyPendingTimersAsync();
    const refreshed = await cache.get('s', fetchToken);
    expect(refreshed).not.toBe(first);
    vi.advanceTimersByTime(56_000 - 8_500); // well within the refreshed token's life: served from the cache
    expect(await cache.get('s', fetchToken)).toBe(refreshed);
    vi.advanceTimersByTime(8_500); // 4 s left on the refreshed token
    const third = await cache.get('s', fetchToken);
    expect(third).not.toBe(refreshed);
    expect(decodeJwt(third).claims.exp * 1000 - Date.now()).toBeGreaterThan(5_000);
  });

  it('keeps the fresher of two tokens (oiat, then iat)', () => {
    const cache = new TokenCache();
    const newer = jwt({ iat: 200, exp: 2_000_000_000 }, { oiat: 200 });
    const older = jwt({ iat: 100, exp: 2_000_000_000 }, { oiat: 100 });
    cache.seed('s', newer);
    cache.seed('s', older);
    expect(cache.peek('s')).toBe(newer);
  });

  it('keeps the token seeded last when both were issued at the same time', () => {
    const cache = new TokenCache();
    const first = jwt({ iat: 100, exp: 2_000_000_000, n: 1 }, { oiat: 100 });
    const second = jwt({ iat: 100, exp: 2_000_000_000, n: 2 }, { oiat: 100 });
    cache.seed('s', first);
    cache.seed('s', second);
    expect(cache.peek('s')).toBe(second);
  });

  it('retries 5xx and 429 (honouring Retry-After) but not other 4xx', async () => {
    const cache = new TokenCache();
    let calls = 0;
    const flaky = vi.fn(async () => {
      if (++calls === 1) throw new ClerkAPIResponseError('busy', { status: 429, errors: [], retryAfter: 10 });
      return tokenAt(Date.now());
    });
    const pending = cache.get('a', flaky);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(flaky).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pending).resolves.toMatch(/\./);
    expect(flaky).toHaveBeenCalledTimes(2);

    const denied = vi.fn(async () => {
      throw new ClerkAPIResponseError('no', { status: 404, errors: [] });
    });
    await expect(cache.get('b', denied)).rejects.toThrow('no');
    expect(denied).toHaveBeenCalledTimes(1);
  });

  it('does not retry a missing token (200 without jwt): it rejects at once with missing_token', async () => {
    const cache = new TokenCache();
    const empty = vi.fn(async (): Promise<string> => {
      throw new ClerkRuntimeError('no token', { code: 'missing_token' });
    });
    let outcome: unknown = 'pending';
    void cache.get('s', empty).catch((e: unknown) => (outcome = e));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toMatchObject({ code: 'missing_token' });
    expect(empty).toHaveBeenCalledTimes(1);
  });

  it('retries network errors', async () => {
    const cache = new TokenCache();
    let calls = 0;
    const offline = vi.fn(async () => {
      if (++calls === 1) throw new ClerkRuntimeError('offline', { code: 'network_error' });
      return tokenAt(Date.now());
    });
    const pending = cache.get('s', offline);
    await vi.advanceTimersByTimeAsync(3_000);
    await expect(pending).resolves.toMatch(/\./);
    expect(offline).toHaveBeenCalledTimes(2);
  });

  it('clear(sessionId) drops only that session’s tokens', async () => {
    const cache = new TokenCache();
    cache.seed(TokenCache.key('s1'), tokenAt(Date.now()));
    cache.seed(TokenCache.key('s1', 'tpl', 'org_1'), tokenAt(Date.now()));
    cache.seed(TokenCache.key('s2'), tokenAt(Date.now()));
    cache.clear('s1');
    expect(cache.peek('s1')).toBeUndefined();
    expect(cache.peek('s1-tpl-org_1')).toBeUndefined();
    expect(cache.peek('s2')).toBeDefined();
  });
});
