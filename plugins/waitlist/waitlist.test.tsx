// @vitest-environment happy-dom
/**
 * The waitlist plugin against the emulator (msw): joinWaitlist (entry, duplicate, bad email), the
 * `<Waitlist/>` component (form, success state, afterJoinWaitlistUrl, sign-in link), the compat
 * plugin's waitlist signal, and the sign-up mode `waitlist` in `<SignUp/>` / `<SignIn/>`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClerk, isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/index.js';
import { Clerk } from '../../presets/full.js';
import { headlessPlugins } from '../../presets/headless.js';
import { PROXY_URL, useEmulator } from '../../test/helpers/emulator.js';
import { compatPlugin } from '../compat/index.js';
import { uiPlugin } from '../ui/index.js';
import { waitlistPlugin } from './index.js';
import { clearCookies, recordingNavigation, submit, title, type, waitFor } from '../../test/helpers/ui.js';

const emulator = useEmulator();
const instances: Array<{ destroy(): void }> = [];
const nodes: HTMLElement[] = [];

function newClerk(navigation = recordingNavigation()) {
  const clerk = createClerk({
    publishableKey: emulator.publishableKey,
    proxyUrl: PROXY_URL,
    plugins: [navigation.plugin, ...headlessPlugins().slice(1), uiPlugin(), waitlistPlugin(), compatPlugin()],
  });
  instances.push(clerk);
  return clerk;
}

function node() {
  const div = document.createElement('div');
  document.body.append(div);
  nodes.push(div);
  return div;
}

afterEach(() => {
  instances.splice(0).forEach((c) => c.destroy());
  nodes.splice(0).forEach((n) => n.remove());
  clearCookies();
  emulator.reset();
});

describe('joinWaitlist', () => {
  it('joins, refuses a duplicate and a malformed address with FAPI codes, and a missing one locally', async () => {
    const clerk = newClerk();
    await clerk.load();
    const entry = await clerk.joinWaitlist({ emailAddress: 'early@example.com' });
    expect(entry.id).toMatch(/^wle_/);
    expect(entry.createdAt).toBeInstanceOf(Date);
    expect(emulator.waitlist().map((e) => e.emailAddress)).toEqual(['early@example.com']);
    const duplicate = await clerk.joinWaitlist({ emailAddress: 'EARLY@example.com' }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(duplicate) && duplicate.errors[0]?.code).toBe('form_identifier_exists');
    const malformed = await clerk.joinWaitlist({ emailAddress: 'not-an-email' }).catch((e: unknown) => e);
    expect(isClerkAPIResponseError(malformed) && malformed.errors[0]?.meta?.paramName).toBe('email_address');
    const missing = await clerk.joinWaitlist({} as never).catch((e: unknown) => e);
    expect(isClerkRuntimeError(missing) && missing.code).toBe('invalid_params');
    expect(emulator.waitlist()).toHaveLength(1);
    // Never sent with a session id (FAPI answers it outside the session).
    const joins = emulator.requests.filter((r) => r.path === '/v1/waitlist');
    expect(joins.length).toBeGreaterThan(0);
    expect(joins.every((r) => !r.search.includes('_clerk_session_id'))).toBe(true);
  });

  it('the full preset provides it (no placeholder)', async () => {
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
    instances.push(clerk);
    await clerk.load();
    await expect(clerk.joinWaitlist({ emailAddress: 'full@example.com' })).resolves.toMatchObject({ id: expect.stringMatching(/^wle_/) });
  });

  it("a joinWaitlist() entry's join() resolves ClerkJS's ClerkError: coded, for FAPI and local errors alike", async () => {
    const clerk = newClerk();
    await clerk.load();
    const entry = await clerk.joinWaitlist({ emailAddress: 'entry@example.com' });
    const duplicate = await entry.join({ emailAddress: 'ENTRY@example.com' });
    expect(duplicate.error).toMatchObject({ clerkError: true, code: 'api_response_error' });
    expect(isClerkAPIResponseError(duplicate.error)).toBe(true);
    const local = await entry.join({} as never);
    expect(local.error).toMatchObject({ clerkError: true, code: 'invalid_params' });
    expect(isClerkRuntimeError(local.error)).toBe(true);
    expect(await entry.join({ emailAddress: 'another@example.com' })).toEqual({ error: null });
  });

  it("compat's waitlist signal: join() resolves { error }, errors.fields.emailAddress is filled", async () => {
    const clerk = newClerk();
    // The signals are Clerk SDKs' (load() fetches their flows when it gets sdkMetadata, as the SDKs pass it).
    await clerk.load({ sdkMetadata: { name: '@clerk/react', version: '6.18.0' } });
    const state = clerk.__internal_state;
    expect(state.waitlistSignal().waitlist?.id).toBe('');
    const bad = await state.waitlistSignal().waitlist!.join({ emailAddress: 'nope' });
    expect(isClerkAPIResponseError(bad.error)).toBe(true);
    expect(state.waitlistSignal().errors.fields.emailAddress?.code).toBe('form_param_format_invalid');
    // ClerkJS's ClerkError fields: a FAPI error is `api_response_error`, and says which kind it is.
    expect(bad.error).toMatchObject({ clerkError: true, code: 'api_response_error', longMessage: undefined, docsUrl: undefined });
    expect(bad.error!.isClerkAPIResponseError()).toBe(true);
    expect(bad.error!.isClerkRuntimeError()).toBe(false);
    expect(await state.waitlistSignal().waitlist!.join({ emailAddress: 'signal@example.com' })).toEqual({ error: null });
    expect(state.waitlistSignal().waitlist?.id).toMatch(/^wle_/);
    expect(state.waitlistSignal().errors.fields.emailAddress).toBeNull();
    expect(state.__internal_waitlist).toBe(state.waitlistSignal().waitlist);
  });
});

describe('<Waitlist/>', () => {
  it('joins from the form, shows the success state, then goes to afterJoinWaitlistUrl', async () => {
    const navigation = recordingNavigation();
    const clerk = newClerk(navigation);
    await clerk.load();
    const root = node();
    clerk.mountWaitlist(root, { afterJoinWaitlistUrl: '/thanks' });
    const input = (await waitFor(() => root.querySelector('input[name="email_address"]'))) as HTMLInputElement;
    expect(root.querySelector('.cl-headerTitle')?.textContent).toBe('Join the waitlist');
    expect(root.querySelector('.cl-footerActionLink')?.getAttribute('href')).toBe('/sign-in');
    await type(input, 'taken@example.com');
    submit(input);
    await waitFor(() => title(root) === 'Thanks for joining the waitlist!');
    expect(emulator.waitlist().map((e) => e.emailAddress)).toEqual(['taken@example.com']);
    expect(root.textContent).toContain('You will be redirected soon...');
    await waitFor(() => navigation.navigations.some((to) => to.endsWith('/thanks')), 4000);
  });

  it('shows the duplicate error under the field', async () => {
    const clerk = newClerk();
    await clerk.load();
    await clerk.joinWaitlist({ emailAddress: 'dup@example.com' });
    const root = node();
    clerk.mountWaitlist(root);
    const input = (await waitFor(() => root.querySelector('input[name="email_address"]'))) as HTMLInputElement;
    await type(input, 'dup@example.com');
    submit(input);
    const error = (await waitFor(() => root.querySelector('.cl-formFieldErrorText'))) as HTMLElement;
    expect(error.textContent).toMatch(/taken/i); // form_identifier_exists, localized by its code
    expect(root.querySelector('.cl-headerTitle')?.textContent).toBe('Join the waitlist');
  });
});
