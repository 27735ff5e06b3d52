import { describe, expect, it } from 'vitest';
import { createEventBus } from './events.js';
import type { JSONObject, ResourceContext } from './resources/base.js';
import { TokenCache } from './resources/token.js';
import { createState } from './state.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const jwtFor = (sid: string, jti: string) => [b64url({ alg: 'RS256' }), b64url({ sid, jti, iat: nowSeconds(), exp: nowSeconds() + 60 }), 'signature'].join('.');

const sessionJson = (n: number) => ({
  object: 'session',
  id: `sess_${n}`,
  status: 'active',
  last_active_at: 1_700_000_000_000 + n,
  last_active_organization_id: null,
  last_active_token: { object: 'token', jwt: jwtFor(`sess_${n}`, 'first') },
  user: {
    object: 'user',
    id: `user_${n}`,
    first_name: 'Ada',
    email_addresses: [{ object: 'email_address', id: `idn_${n}`, email_address: `ada${n}@example.com`, verification: { status: 'verified' } }],
    public_metadata: { plan: 'free', tags: ['a', 'b'] },
    unsafe_metadata: { 0: 'x' },
  },
});

const clientJson = (): JSONObject => ({
  object: 'client',
  id: 'client_1',
  last_active_session_id: 'sess_1',
  cookie_expires_at: 1_800_000_000_000,
  sign_in: null,
  sign_up: null,
  sessions: [sessionJson(1), sessionJson(2)],
});

/** A loaded state holding `first`; counts what each later applyClient emits. */
function loadedState(first: JSONObject | null = clientJson()) {
  const events = createEventBus();
  const context = { fapi: {}, tokens: new TokenCache(), onSessionToken() {} } as unknown as ResourceContext;
  const store = createState(events, () => context);
  store.applyClient(first);
  // As load() ends: loaded, and the first token published.
  store.state.loaded = true;
  store.emitToken();
  const emitted = { resources: 0, tokens: [] as Array<string | null>, client: 0 };
  events.on('resources', () => emitted.resources++);
  events.on('session:token', ({ jwt }) => emitted.tokens.push(jwt));
  events.on('client', () => emitted.client++);
  return { store, emitted };
}

type Edit = (json: any) => void;

/** Edits that make a client JSON another client: each must emit `resources`. */
const CHANGES: Array<[string, Edit]> = [
  ['a nested field changes', (c) => (c.sessions[1].user.first_name = 'Grace')],
  ['a metadata value changes', (c) => (c.sessions[0].user.public_metadata.tags[1] = 'c')],
  ['a key is added', (c) => (c.sessions[0].user.last_name = 'King')],
  ['a key is removed', (c) => delete c.sessions[0].user.first_name],
  ['a key is removed and another added', (c) => ((c.sessions[0].user.last_name = 'Ada'), delete c.sessions[0].user.first_name)],
  ['a session is added', (c) => c.sessions.push(sessionJson(3))],
  ['a session goes', (c) => c.sessions.pop()],
  ['an array becomes shorter at its end', (c) => c.sessions[0].user.public_metadata.tags.pop()],
  ['a value becomes null', (c) => (c.sessions[0].user.first_name = null)],
  ['a value becomes an object', (c) => (c.sessions[0].user.first_name = { given: 'Ada' })],
  ['an array becomes an object with the same keys', (c) => (c.sessions[0].user.public_metadata.tags = { 0: 'a', 1: 'b' })],
  ['an object becomes an array with the same entries', (c) => (c.sessions[0].user.unsafe_metadata = ['x'])],
  ['a session loses its token', (c) => (c.sessions[0].last_active_token = null)],
  ['the cookie expiry goes', (c) => (c.cookie_expires_at = null)],
  ['the active session changes', (c) => (c.last_active_session_id = 'sess_2')],
  ['a session ends', (c) => (c.sessions[0].status = 'ended')],
];

describe('applyClient: the same client again changes nothing', () => {
  it('an identical client (a new parse of the same JSON) emits nothing and leaves every object as it was', () => {
    const { store, emitted } = loadedState();
    const client = store.state.client!;
    const session = client.sessions[0];
    // Not rewritten unless the client is hydrated again.
    const marker = new Date(0);
    session.lastActiveAt = marker;
    store.applyClient(clientJson());
    expect(store.state.client).toBe(client);
    expect(session.lastActiveAt).toBe(marker);
    expect(emitted).toEqual({ resources: 0, tokens: [], client: 1 });
  });

  it('keys whose value is undefined make no difference', () => {
    const { store, emitted } = loadedState();
    const json = clientJson();
    (json.sessions as any)[0].user.username = undefined;
    store.applyClient(json);
    expect(emitted.resources).toBe(0);
    // And the other way: `undefined` held before, absent now.
    const withUndefined = { ...clientJson(), sign_in_attempt: undefined };
    const second = loadedState(withUndefined);
    second.store.applyClient(clientJson());
    expect(second.emitted.resources).toBe(0);
  });

  it('new tokens only: no resources, the current session’s new token as session:token, the objects updated in place', () => {
    const { store, emitted } = loadedState();
    const session = store.state.session!;
    const renewed = clientJson() as any;
    for (const s of renewed.sessions) s.last_active_token.jwt = jwtFor(s.id, 'second');
    store.applyClient(renewed);
    expect(store.state.session).toBe(session);
    expect(session.lastActiveToken!.getRawString()).toBe(renewed.sessions[0].last_active_token.jwt);
    expect(emitted.resources).toBe(0);
    expect(emitted.tokens).toEqual([renewed.sessions[0].last_active_token.jwt]);
  });

  it('a new cookie expiry only: no resources and no token, but the client shows the new expiry', () => {
    const { store, emitted } = loadedState();
    const renewed = { ...clientJson(), cookie_expires_at: 1_900_000_000_000 };
    store.applyClient(renewed);
    expect(store.state.client!.cookieExpiresAt!.getTime()).toBe(1_900_000_000_000);
    expect(emitted.resources).toBe(0);
    expect(emitted.tokens).toEqual([]);
  });

  it.each(CHANGES)('%s: resources are emitted and show it', (_, edit) => {
    const { store, emitted } = loadedState();
    const next = clientJson();
    edit(next);
    store.applyClient(next);
    expect(emitted.resources).toBe(1);
    expect(store.state.client!.sessions.map((s) => s.id)).toEqual((next.sessions as Array<{ id: string }>).map((s) => s.id));
  });

  it.each(CHANGES)('%s, with new tokens too: still a change', (_, edit) => {
    const { store, emitted } = loadedState();
    const next = clientJson() as any;
    for (const s of next.sessions) s.last_active_token.jwt = jwtFor(s.id, 'second');
    edit(next);
    store.applyClient(next);
    expect(emitted.resources).toBe(1);
  });

  it('a session that gets a token where it had none is a change', () => {
    const first = clientJson() as any;
    first.sessions[1].last_active_token = null;
    const { store, emitted } = loadedState(first);
    store.applyClient(clientJson());
    expect(emitted.resources).toBe(1);
  });

  it('the same JSON confirmed by FAPI after a locally built client is a change; null after null is none', () => {
    const events = createEventBus();
    const context = { fapi: {}, tokens: new TokenCache(), onSessionToken() {} } as unknown as ResourceContext;
    const store = createState(events, () => context);
    store.applyClient(clientJson(), true);
    store.state.loaded = true;
    let resources = 0;
    events.on('resources', () => resources++);
    store.applyClient(clientJson());
    expect(resources).toBe(1);
    expect(store.state.clientUnconfirmed).toBe(false);

    const signedOut = loadedState(null);
    const empty = signedOut.store.state.client;
    signedOut.store.applyClient(null);
    expect(signedOut.emitted.resources).toBe(0);
    expect(signedOut.store.state.client).toBe(empty);
    signedOut.store.applyClient(clientJson());
    expect(signedOut.emitted.resources).toBe(1);
    expect(signedOut.store.state.client!.sessions.map((s) => s.id)).toEqual(['sess_1', 'sess_2']);
  });
});
