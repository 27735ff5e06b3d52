// @vitest-environment happy-dom
// The README's "Custom flows" examples, read from README.md and run as written against the emulator:
// an example that drifts from the API (or stops working) fails here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { totpCode } from '../../emulator/index.js';
import { createHeadlessClerk, type HeadlessClerk } from '../helpers/custom-flows.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const emulator = useEmulator({
  seed: {
    users: [
      { emailAddress: 'ada@example.com', password: 'correct-horse-battery', phoneNumber: '+14155552671' },
      { emailAddress: 'grace@example.com', password: 'grace-password-123' },
      { emailAddress: 'totp@example.com', password: 'totp-password-123', totpSecret: TOTP_SECRET },
    ],
  },
});

/** `<!-- custom-flow: name -->` then a fenced block: the README's examples by name. */
function readmeFlows(): Map<string, string> {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
  const flows = new Map<string, string>();
  for (const match of readme.matchAll(/<!-- custom-flow: ([a-z-]+) -->\n```ts\n([\s\S]*?)\n```/g)) flows.set(match[1], match[2]);
  return flows;
}
const FLOWS = readmeFlows();

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

/** Runs the example with `clerk` and `askUser` in scope; `expose` names its constants to hand back. */
function run(name: string, clerk: HeadlessClerk, askUser: (label: string) => Promise<string> | string, expose: string[] = []): Promise<Record<string, any>> {
  const code = FLOWS.get(name);
  if (!code) throw new Error(`README.md has no custom-flow "${name}"`);
  return new AsyncFunction('clerk', 'askUser', `${code}\nreturn { ${expose.join(', ')} };`)(clerk, async (label: string) => askUser(label)) as Promise<
    Record<string, any>
  >;
}

const instances: HeadlessClerk[] = [];
async function loadedClerk() {
  const clerk = createHeadlessClerk({ publishableKey: emulator.publishableKey, proxyUrl: PROXY_URL });
  instances.push(clerk);
  await clerk.load();
  return clerk;
}
const noQuestions = (label: string): string => {
  throw new Error(`unexpected question: ${label}`);
};
const latestCode = (to: string) => () => emulator.outbox.latest(to)!.code!;
const newBrowser = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`));

beforeEach(() => emulator.reset());
afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  newBrowser();
  vi.restoreAllMocks();
});

describe('README custom flows', () => {
  it('the test covers every example the README has', () => {
    expect([...FLOWS.keys()].sort()).toEqual(
      [
        'mfa-setup',
        'mfa-sign-in',
        'multi-session',
        'protect',
        'sign-in-email-code',
        'sign-in-email-link',
        'sign-in-password',
        'sign-in-phone-code',
        'sign-up',
        'tokens',
      ].sort(),
    );
  });

  it('sign-in-password', async () => {
    const clerk = await loadedClerk();
    await run('sign-in-password', clerk, noQuestions);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('sign-in-email-code', async () => {
    const clerk = await loadedClerk();
    const asked: string[] = [];
    await run('sign-in-email-code', clerk, (label) => (asked.push(label), latestCode('ada@example.com')()));
    expect(asked).toEqual(['The code we emailed you']);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('sign-in-phone-code', async () => {
    const clerk = await loadedClerk();
    await run('sign-in-phone-code', clerk, latestCode('+14155552671'));
    expect(clerk.user?.primaryPhoneNumber?.phoneNumber).toBe('+14155552671');
  });

  it('sign-in-email-link', async () => {
    const clerk = await loadedClerk();
    // The user opens the link from their inbox while the example waits.
    const opened = (async () => {
      await vi.waitFor(() => expect(emulator.outbox.latest('ada@example.com')?.link).toBeTruthy(), { timeout: 3000 });
      const response = await fetch(emulator.outbox.latest('ada@example.com')!.link!, { redirect: 'manual' });
      expect(response.headers.get('location')).toMatch(/^http:\/\/localhost:3000\/verify\?/);
    })();
    await run('sign-in-email-link', clerk, noQuestions);
    await opened;
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('sign-up', async () => {
    const clerk = await loadedClerk();
    await run('sign-up', clerk, latestCode('new.user@example.com'));
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('new.user@example.com');
    expect(clerk.user?.primaryEmailAddress?.verification.status).toBe('verified');
  });

  it('protect', async () => {
    emulator.updateSettings({ protectCheck: { signIn: true, chain: 2 } });
    try {
      const clerk = await loadedClerk();
      emulator.clearRequests();
      const asked: string[] = [];
      // The app's backend hands out an assertion; the "challenge" answers with the emulator's proof of its token.
      await run('protect', clerk, (label) => {
        asked.push(label);
        return label === 'assertion' ? 'pa_from_backend' : `proof_${label.slice('challenge '.length)}`;
      });
      expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
      expect(asked).toEqual(['assertion', expect.stringContaining('pct_'), expect.stringContaining('pct_')]);
      expect(emulator.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v1/client/sign_ins')).map((r) => r.protectAssertion)).toEqual(
        Array(3).fill('pa_from_backend'),
      );
    } finally {
      emulator.updateSettings({ protectCheck: { signIn: false, chain: 1 } });
    }
  });

  it('mfa-sign-in', async () => {
    const clerk = await loadedClerk();
    await run('mfa-sign-in', clerk, () => totpCode(TOTP_SECRET, Date.now()));
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('totp@example.com');
  });

  it('mfa-setup', async () => {
    const clerk = await loadedClerk();
    await run('sign-in-password', clerk, noQuestions);
    expect(clerk.user?.twoFactorEnabled).toBe(false);
    let secret = '';
    const { codes } = await run(
      'mfa-setup',
      clerk,
      (label) => {
        const uri = /Scan (otpauth:\S+)/.exec(label)?.[1];
        if (!uri) return totpCode(secret, Date.now());
        secret = new URL(uri).searchParams.get('secret')!;
        return '';
      },
      ['codes'],
    );
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect(codes.length).toBeGreaterThan(0);
    expect(clerk.user?.twoFactorEnabled).toBe(true);
    expect(clerk.user?.totpEnabled).toBe(true);
  });

  it('multi-session', async () => {
    const clerk = await loadedClerk();
    await run('sign-in-password', clerk, noQuestions);
    const adaSession = clerk.session!.id;
    const { accounts, second } = await run('multi-session', clerk, noQuestions, ['accounts', 'second']);
    expect([...accounts].sort()).toEqual(['ada@example.com', 'grace@example.com']);
    expect(second.createdSessionId).not.toBe(adaSession);
    expect(clerk.session!.id).toBe(adaSession);
    expect(clerk.client!.signedInSessions).toHaveLength(2);
  });

  it('tokens', async () => {
    const clerk = await loadedClerk();
    await run('sign-in-password', clerk, noQuestions);
    const sent: Array<string | null> = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (String(input) !== '/api/profile') return realFetch(input, init);
      sent.push(new Headers(init?.headers).get('authorization'));
      return new Response('{}', { status: 200 });
    });
    const before = emulator.requests.filter((r) => r.path.includes('/tokens')).length;
    const { token, fresh, response } = await run('tokens', clerk, noQuestions, ['token', 'fresh', 'response']);
    expect(sent).toEqual([`Bearer ${token}`]);
    expect(response.status).toBe(200);
    expect(token.split('.')).toHaveLength(3);
    expect(fresh.split('.')).toHaveLength(3);
    // skipCache went to FAPI.
    expect(emulator.requests.filter((r) => r.path.includes('/tokens')).length).toBeGreaterThan(before);
  });
});
