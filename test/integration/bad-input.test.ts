// @vitest-environment happy-dom
/**
 * Bad input at the public boundary: every call below is a mistake a ClerkJS user can make. Each gets a
 * coded `ClerkRuntimeError` naming the argument (never a raw TypeError, never a silent acceptance), sends
 * no request, and leaves the signed-in state as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isClerkRuntimeError } from '../../kernel/index.js';
import { Clerk } from '../../presets/full.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { clearCookies } from '../helpers/ui.js';

const PASSWORD = 'correct horse battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] } });

// Loose on purpose: these calls are what the types forbid.
type AnyClerk = Record<string, any>;

async function signedIn(): Promise<AnyClerk> {
  const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL }) as unknown as AnyClerk;
  await clerk.load();
  const attempt = await clerk.client.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: attempt.createdSessionId });
  return clerk;
}

beforeEach(() => {
  emulator.reset();
  clearCookies();
});

const CASES: Array<[string, (clerk: AnyClerk) => unknown, RegExp, string?]> = [
  ['setActive({ session: 42 })', (c) => c.setActive({ session: 42 }), /setActive\(\): session must be a session id, a Session or null, got number/],
  ['addListener(null)', (c) => c.addListener(null), /addListener\(\): listener must be a function, got null/],
  ['on(null, fn)', (c) => c.on(null, () => {}), /on\(\): event must be an event name, got null/],
  ['on("status", "x")', (c) => c.on('status', 'x'), /on\("status"\): handler must be a function, got "x"/],
  ['session.getToken({ template: 42 })', (c) => c.session.getToken({ template: 42 }), /template must be a JWT template name, got number/],
  ['user.update(null)', (c) => c.user.update(null), /user\.update\(\): params must be an object, got null/],
  ['user.update(5)', (c) => c.user.update(5), /user\.update\(\): params must be an object, got number/],
  ['user.createEmailAddress(null)', (c) => c.user.createEmailAddress(null), /user\.createEmailAddress\(\): params must be an object/],
  ['user.createPhoneNumber("x")', (c) => c.user.createPhoneNumber('x'), /user\.createPhoneNumber\(\): params must be an object, got "x"/],
  ['user.setProfileImage(null)', (c) => c.user.setProfileImage(null), /user\.setProfileImage\(\): params must be an object/],
  ['signIn.create(null)', (c) => c.client.signIn.create(null), /signIn\.create\(\): params must be an object, got null/],
  ['signUp.create([])', (c) => c.client.signUp.create([]), /signUp\.create\(\): params must be an object, got an array/],
  ['signIn.prepareFirstFactor(7)', (c) => c.client.signIn.prepareFirstFactor(7), /params must be an object, got number/],
  ['navigate(42)', (c) => c.navigate(42), /navigate\(\): to must be a URL string, got number/],
  ['signOut("sess_x")', (c) => c.signOut('sess_x'), /signOut\(\): options must be an object, got "sess_x"/],
  ['signOut({ sessionId: 1 })', (c) => c.signOut({ sessionId: 1 }), /signOut\(\): sessionId must be a session id, got number/],
  ['buildSignInUrl(42)', (c) => c.buildSignInUrl(42), /buildSignInUrl\(\): options must be an object, got number/],
  ['mountSignIn(text node)', (c) => c.mountSignIn(document.createTextNode('x')), /expected a DOM element/, 'ui_invalid_node'],
  [
    'mountSignIn(div, { routing: "nope" })',
    (c) => c.mountSignIn(document.createElement('div'), { routing: 'nope' }),
    /routing must be "path", "hash" or "virtual", got "nope"/,
  ],
  ['mountSignIn(div, { path: 3 })', (c) => c.mountSignIn(document.createElement('div'), { path: 3 }), /path must be a string, got number/],
  ['openSignIn("x")', (c) => c.openSignIn('x'), /props must be an object, got "x"/],
];

describe('bad input at the public boundary', () => {
  it.each(CASES)('%s → coded error naming the argument, no request, state intact', async (_, call, message, code = 'invalid_arguments') => {
    const clerk = await signedIn();
    const sessionId = clerk.session.id;
    const requestsBefore = emulator.requests.length;
    const outcome = await (async () => call(clerk))().then(
      () => 'accepted',
      (err: unknown) => err,
    );
    expect(isClerkRuntimeError(outcome), `not a ClerkRuntimeError: ${String(outcome)}`).toBe(true);
    expect(outcome).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(emulator.requests.length).toBe(requestsBefore);
    expect(clerk.session?.id).toBe(sessionId);
    expect(clerk.client.signedInSessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    clerk.destroy();
  });

  it('addListener(null) leaves no broken listener behind: the next emission reaches the good one only', async () => {
    const clerk = await signedIn();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect(() => clerk.addListener(null)).toThrow(/listener must be a function/);
      let calls = 0;
      clerk.addListener(() => calls++, { skipInitialEmit: true });
      await clerk.user.update({ firstName: 'Ada' });
      expect(calls).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      console.error = original;
      clerk.destroy();
    }
  });

  it('getToken(null) reads as no options, as in ClerkJS', async () => {
    const clerk = await signedIn();
    await expect(clerk.session.getToken(null)).resolves.toMatch(/^ey/);
    clerk.destroy();
  });

  it('a template name is one path segment: "../../../me" is encoded, never a path to another endpoint', async () => {
    const clerk = await signedIn();
    emulator.clearRequests();
    await clerk.session.getToken({ template: '../../../me' }).catch(() => undefined);
    const paths = emulator.requests.map((r) => r.path);
    expect(paths.some((p) => p.endsWith('/v1/client/me') || p === '/v1/me')).toBe(false);
    expect(paths.some((p) => p.includes('/tokens/') && p.includes('%2F'))).toBe(true);
    clerk.destroy();
  });

  it('user.update({ unsafeMetadata }) replaces the stored metadata in one request, as ClerkJS does', async () => {
    const clerk = await signedIn();
    await clerk.user.update({ unsafeMetadata: { plan: 'pro', seats: 3 } });
    emulator.clearRequests();
    await clerk.user.update({ unsafeMetadata: { plan: 'team' } });
    expect(clerk.user.unsafeMetadata).toEqual({ plan: 'team' });
    expect(emulator.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual(['/v1/me']);
    clerk.destroy();
  });
});
