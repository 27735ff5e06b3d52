import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, isDroppedConnection } from '../../emulator/index.js';
import { devBrowser } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('fault injection and rate limits', () => {
  it('injects a status for matching requests, a limited number of times', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/v1/client', method: 'GET', status: 503, times: 1 });
    const failed = await fapi('GET', '/client');
    expect(failed.status).toBe(503);
    expect(failed.json.errors[0].code).toBe('emulated_fault');
    expect((await fapi('GET', '/client')).status).toBe(200);
  });

  it('matches RegExp paths and custom bodies', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: /^\/v1\/client\/sign_ins/, status: 500, body: { custom: true } });
    const result = await fapi('POST', '/client/sign_ins', { identifier: 'x@example.com' });
    expect(result.status).toBe(500);
    expect(result.json).toEqual({ custom: true });
    expect((await fapi('GET', '/client')).status).toBe(200);
    emulator.faults.clear();
    expect((await fapi('POST', '/client/sign_ins', {})).status).toBe(200);
  });

  it('returns malformed bodies', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/environment', malformed: true });
    await expect(fapi('GET', '/environment')).rejects.toThrow(SyntaxError);
  });

  it('drops connections: handle() rejects like a failed fetch', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/v1/client', drop: true, times: 1 });
    const error = await fapi('GET', '/client').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(isDroppedConnection(error)).toBe(true);
    expect((await fapi('GET', '/client')).status).toBe(200);
  });

  it('dropResponse applies the request, then loses the answer', async () => {
    const emulator = createEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery' }] } });
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/v1/client/sign_ins', method: 'POST', dropResponse: true, times: 1 });
    const error = await fapi('POST', '/client/sign_ins', { identifier: 'ada@example.com', password: 'correct-horse-battery', strategy: 'password' }).catch(
      (e: unknown) => e,
    );
    expect(isDroppedConnection(error)).toBe(true);
    // The sign-in happened on the server although its caller never heard of it.
    const { json } = await fapi('GET', '/client');
    expect(json.response.sign_in?.status ?? null).toBe(null);
    expect(json.response.sessions).toHaveLength(1);
    expect(json.response.sessions[0].status).toBe('active');
  });

  it('truncate sends half the body, then fails the stream', async () => {
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/v1/client', truncate: true, times: 1 });
    await expect(fapi('GET', '/client')).rejects.toSatisfy(isDroppedConnection);
  });

  it('html answers 200 with a web page', async () => {
    const emulator = createEmulator();
    emulator.faults.add({ path: '/v1/environment', html: true, times: 1 });
    const res = await emulator.handle(new Request('https://emulator.accounts.dev/v1/environment'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toMatch(/^<!doctype html>/);
  });

  it('adds latency per rule and globally', async () => {
    vi.useFakeTimers();
    const emulator = createEmulator();
    const fapi = await devBrowser(emulator);
    emulator.faults.add({ path: '/v1/client', latencyMs: 5_000 });
    let settled = false;
    const pending = fapi('GET', '/client').then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect((await pending).status).toBe(200);

    emulator.faults.clear();
    emulator.updateSettings({ latencyMs: 1_000 });
    settled = false;
    const slow = fapi('GET', '/environment').then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await slow;
    expect(settled).toBe(true);
  });

  it('answers 429 with Retry-After once the budget is spent', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = createEmulator({ now: () => now });
    const fapi = await devBrowser(emulator);
    emulator.updateSettings({ rateLimit: { maxRequests: 3, windowSeconds: 10 } });
    for (let i = 0; i < 3; i++) expect((await fapi('GET', '/client')).status).toBe(200);
    now += 4_000;
    const limited = await fapi('GET', '/client');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(limited.json.errors[0].code).toBe('too_many_requests');
    now += 6_001;
    expect((await fapi('GET', '/client')).status).toBe(200);
  });
});
