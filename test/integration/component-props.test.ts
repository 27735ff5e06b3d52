// @vitest-environment happy-dom
/**
 * Per-component props validation (plugins/ui/props.ts, shared with the organization components): a prop of
 * the wrong kind is reported as a coded `invalid_component_prop` error naming the prop, and the component
 * does not render; good props render. The errors surface where mount errors do (console.error), as the
 * mount methods return nothing.
 */
import { afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { Clerk } from '../../presets/full.js';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { clearCookies, waitFor } from '../helpers/ui.js';

const PASSWORD = 'correct horse battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] } });
type AnyClerk = Record<string, any>;
let clerk: AnyClerk;
let errors: MockInstance;
const roots: HTMLElement[] = [];

beforeAll(async () => {
  clearCookies();
  clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL }) as unknown as AnyClerk;
  await clerk.load();
  const attempt = await clerk.client.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
  await clerk.setActive({ session: attempt.createdSessionId });
  await clerk.createOrganization({ name: 'Acme' }).then((org: { id: string }) => clerk.setActive({ organization: org.id }));
  return () => clerk.destroy();
});
afterEach(() => {
  roots.splice(0).forEach((root) => root.remove());
  errors?.mockRestore();
});

/** Mounts `component` with `props`; resolves with the coded error it reported, or undefined once it rendered. */
async function mount(component: string, props: Record<string, unknown>): Promise<(Error & { code?: string }) | undefined> {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const root = document.createElement('div');
  document.body.appendChild(root);
  roots.push(root);
  clerk[`mount${component}`](root, props);
  await waitFor(() => errors.mock.calls.length > 0 || root.querySelector('[class*="cl-"]'));
  const error = errors.mock.calls.flat().find((e) => e instanceof Error) as (Error & { code?: string }) | undefined;
  clerk[`unmount${component}`](root);
  return error;
}

const CASES: Array<[component: string, good: Record<string, unknown>, prop: string, bad: unknown, expected: RegExp]> = [
  ['SignIn', { forceRedirectUrl: '/after', initialValues: { emailAddress: 'a@b.c' } }, 'forceRedirectUrl', 'javascript:alert(1)', /a safe URL/],
  ['SignIn', {}, 'initialValues', 'ada@example.com', /an object/],
  ['SignIn', {}, 'fallbackRedirectUrl', 42, /a safe URL/],
  ['SignUp', { unsafeMetadata: { plan: 'pro' } }, 'unsafeMetadata', 'pro', /an object/],
  ['SignUp', {}, 'signInUrl', '//evil.test', /a safe URL/],
  ['UserButton', { showName: true, userProfileMode: 'modal' }, 'userProfileMode', 'popup', /one of 'modal', 'navigation'/],
  ['UserButton', {}, 'showName', 'yes', /true or false/],
  ['UserButton', {}, 'customMenuItems', { label: 'x' }, /an array/],
  ['UserButton', {}, 'afterSignOutUrl', 'data:text/html,x', /a safe URL/],
  ['UserProfile', { customPages: [] }, 'customPages', 'billing', /an array/],
  ['UserProfile', {}, 'appearance', 'dark', /an object/],
  ['Waitlist', { afterJoinWaitlistUrl: '/thanks' }, 'afterJoinWaitlistUrl', 'javascript:alert(1)', /a safe URL/],
  ['Waitlist', {}, 'signInUrl', 7, /a safe URL/],
  ['OrganizationProfile', { afterLeaveOrganizationUrl: '/orgs' }, 'afterLeaveOrganizationUrl', 'vbscript:x', /a safe URL/],
  ['OrganizationProfile', {}, 'customPages', {}, /an array/],
];

describe('component props are validated per component', () => {
  it.each(CASES)('<%s/> with good props renders', async (component, good) => {
    expect(await mount(component, good)).toBeUndefined();
  });

  it.each(CASES)('<%s/>: a bad `%s` is an invalid_component_prop error naming it', async (component, _good, prop, bad, expected) => {
    const error = await mount(component, { [prop]: bad });
    expect(error?.code).toBe('invalid_component_prop');
    expect(error?.message).toContain(`<${component}/>: the \`${prop}\` prop must be`);
    expect(error?.message).toMatch(expected);
  });

  it.each([
    ['itpSupport', 'yes', /true or false/],
    ['signInForceRedirectUrl', 'javascript:alert(1)', /a safe URL/],
    ['signUpFallbackRedirectUrl', 42, /a safe URL/],
    ['appearance', ['dark'], /an object/],
  ])('openGoogleOneTap({ %s: %j }) reports invalid_component_prop naming it', async (prop, bad, expected) => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await clerk.openGoogleOneTap({ [prop]: bad });
    await waitFor(() => errors.mock.calls.length > 0);
    const error = errors.mock.calls.flat().find((e) => e instanceof Error) as Error & { code?: string };
    expect(error.code).toBe('invalid_component_prop');
    expect(error.message).toContain(`<GoogleOneTap/>: the \`${prop}\` prop must be`);
    expect(error.message).toMatch(expected);
  });
});
