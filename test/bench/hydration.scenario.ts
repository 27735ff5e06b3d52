/**
 * Hydration cost: `load()` and `setActive()` of microclerk (kernel from the sources) and ClerkJS 6.40
 * (its npm ESM build) on a client with 1, 10 and 50 sessions. Both get byte-identical FAPI answers
 * from memory (captured once from the emulator), so the time measured is each SDK's own work: parsing,
 * mapping the JSON to resources, session selection, emitting. Writes JSON to BENCH_HYDRATION_OUT for
 * test/bench/hydration.mjs. Each run gets tokens with new ids, as every FAPI response has. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index.js';
import { buildPublishableKey, createClerk } from '../../kernel/index.js';

const SESSION_COUNTS = (process.env.BENCH_HYDRATION_SESSIONS ?? '1,10,50').split(',').map(Number);
const RUNS = Number(process.env.BENCH_HYDRATION_RUNS ?? 30);
const WARMUP = 5;
const PASSWORD = 'correct horse battery staple';
const PROXY_URL = 'http://bench.invalid/__clerk';

type Fetch = typeof fetch;
const realFetch = globalThis.fetch;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Signs `count` users in on one client of an in-process emulator; returns the environment and client JSON FAPI sent. */
async function capture(count: number) {
  const users = Array.from({ length: count }, (_, i) => ({ emailAddress: `user${i}@example.com`, password: PASSWORD }));
  const emulator = createEmulator({ seed: { users }, settings: { singleSession: false, tokenLifetimeSeconds: 3600 } });
  const seen: Record<string, unknown> = {};
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await emulator.handle(request);
    const path = new URL(request.url).pathname.replace(/^.*\/v1/, '');
    if (path === '/environment' || path === '/client') seen[path] = await response.clone().json();
    return response;
  }) as Fetch;
  try {
    const clerk = createClerk({ publishableKey: emulator.publishableKey });
    await clerk.load();
    for (const user of users) await clerk.client!.signIn.create({ identifier: user.emailAddress, password: PASSWORD });
    await clerk.client!.reload();
    clerk.destroy();
    const env = seen['/environment'] as { response?: unknown };
    const client = (seen['/client'] as { response: { sessions: Array<{ id: string; last_active_token?: { jwt: string } }> } }).response;
    expect(client.sessions).toHaveLength(count);
    return { env: env.response ?? env, client };
  } finally {
    globalThis.fetch = realFetch;
  }
}

type CapturedClient = { sessions: Array<{ id: string; last_active_token?: { jwt: string } | null }> };

const b64url = {
  decode: (part: string) => Buffer.from(part, 'base64url').toString('utf8'),
  encode: (text: string) => Buffer.from(text, 'utf8').toString('base64url'),
};

/**
 * The captured client with new token ids (jti), as each FAPI response has: no SDK may reuse work done
 * on an earlier run's tokens. Neither SDK checks signatures, so the signature part is kept.
 */
function withFreshTokens(client: CapturedClient, run: number): CapturedClient {
  const copy = structuredClone(client);
  for (const session of copy.sessions) {
    const token = session.last_active_token;
    if (!token?.jwt) continue;
    const [header, payload, signature] = token.jwt.split('.');
    const claims = JSON.parse(b64url.decode(payload));
    token.jwt = [header, b64url.encode(JSON.stringify({ ...claims, jti: `${claims.jti}r${run}` })), signature].join('.');
  }
  return copy;
}

/** Answers every request from memory with FAPI's shapes, built from the captured JSON; `next(run)` switches to that run's tokens. */
function replay(env: unknown, captured: CapturedClient) {
  const envText = JSON.stringify(env);
  let client = captured;
  let clientText = '';
  const json = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  const fetchStub = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = url.pathname.replace(/^.*\/v1/, '');
    if (path === '/environment') return json(envText);
    if (path === '/client') return json(clientText);
    const touch = /^\/client\/sessions\/([^/]+)\/touch$/.exec(path);
    if (touch) return json(JSON.stringify({ response: client.sessions.find((s) => s.id === touch[1]), client }));
    const tokens = /^\/client\/sessions\/([^/]+)\/tokens/.exec(path);
    if (tokens) return json(JSON.stringify({ object: 'token', jwt: client.sessions.find((s) => s.id === tokens[1])?.last_active_token?.jwt }));
    return json(JSON.stringify({ response: null, client }));
  }) as Fetch;
  return {
    fetch: fetchStub,
    next(run: number) {
      client = withFreshTokens(captured, run);
      clientText = JSON.stringify({ response: client, client: null });
    },
  };
}

interface Sdk {
  name: string;
  create(): Promise<{ load(): Promise<void>; setActive(id: string): Promise<void>; sessionId(): string | undefined; destroy(): void }>;
}

const microclerk: Sdk = {
  name: 'microclerk',
  async create() {
    const clerk = createClerk({ publishableKey: buildPublishableKey('clerk.bench.invalid', 'production'), proxyUrl: PROXY_URL });
    return {
      load: () => clerk.load(),
      setActive: (session) => clerk.setActive({ session }),
      sessionId: () => clerk.session?.id,
      destroy: () => clerk.destroy(),
    };
  },
};

const clerkJs: Sdk = {
  name: 'ClerkJS 6.40.0',
  async create() {
    if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true, writable: true });
    const { Clerk } = await import(pathToFileURL(join(process.cwd(), 'compare/node_modules/@clerk/clerk-js/dist/clerk.mjs')).href);
    const clerk = new Clerk(buildPublishableKey('clerk.bench.invalid', 'production'), { proxyUrl: PROXY_URL });
    return {
      load: () => clerk.load({ standardBrowser: false, telemetry: false }),
      setActive: (session) => clerk.setActive({ session }),
      sessionId: () => clerk.session?.id,
      destroy: () => {},
    };
  },
};

/** One load + one setActive on a new instance; throws when the SDK did not end on the target session. */
async function once(sdk: Sdk, target: string) {
  const instance = await sdk.create();
  let started = performance.now();
  await instance.load();
  const loadMs = performance.now() - started;
  if (!instance.sessionId()) throw new Error(`${sdk.name}: no session after load`);
  started = performance.now();
  await instance.setActive(target);
  const setActiveMs = performance.now() - started;
  if (instance.sessionId() !== target) throw new Error(`${sdk.name}: setActive did not switch`);
  instance.destroy();
  return { loadMs, setActiveMs };
}

/** The SDKs take turns run by run (order alternating), so that both see the same load on a shared CPU. */
async function timeSideBySide(sdks: Sdk[], sessionIds: string[], answers: ReturnType<typeof replay>) {
  const samples = sdks.map(() => ({ loads: [] as number[], switches: [] as number[], error: undefined as string | undefined }));
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const target = sessionIds[(run + 1) % sessionIds.length];
    const order = run % 2 ? [...sdks.keys()].reverse() : [...sdks.keys()];
    for (const i of order) {
      if (samples[i].error) continue;
      answers.next(run);
      try {
        const { loadMs, setActiveMs } = await once(sdks[i], target);
        if (run < WARMUP) continue;
        samples[i].loads.push(loadMs);
        samples[i].switches.push(setActiveMs);
      } catch (error) {
        samples[i].error = String((error as Error)?.message ?? error);
      }
    }
  }
  return samples.map((s) => (s.error ? { error: s.error } : { loadMs: median(s.loads), setActiveMs: median(s.switches), runs: RUNS }));
}

it('times load() and setActive() at 1, 10 and 50 sessions, microclerk and ClerkJS on the same answers', async () => {
  const rows = [];
  for (const count of SESSION_COUNTS) {
    const { env, client } = await capture(count);
    const ids = client.sessions.map((s: { id: string }) => s.id);
    const answers = replay(env, client);
    globalThis.fetch = answers.fetch;
    try {
      const [ours, theirs] = await timeSideBySide([microclerk, clerkJs], ids, answers);
      rows.push({ sessions: count, clientBytes: JSON.stringify(client).length, microclerk: ours, clerkJs: theirs });
    } finally {
      globalThis.fetch = realFetch;
    }
  }
  expect(rows).toHaveLength(SESSION_COUNTS.length);
  const out = process.env.BENCH_HYDRATION_OUT;
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
  else console.log(JSON.stringify(rows, null, 2));
}, 300_000);
