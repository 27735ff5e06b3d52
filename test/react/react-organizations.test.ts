// @vitest-environment happy-dom
/**
 * Clerk's React SDK organization hooks on a microclerk instance: `useOrganization()` and
 * `useOrganizationList()` call `clerk.__internal_attemptToEnableEnvironmentSetting` on mount (queued
 * and replayed when the SDK hydrates our instance), so the app must still load and sign in; then the
 * active organization, the user's memberships and `has({ role })` render from our resources.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h } from 'react';
import { ClerkLoaded, Show, useAuth, useOrganization, useOrganizationList } from '@clerk/react';
import { useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: EMAIL, password: PASSWORD, firstName: 'Ada' }] } });

let clerk: ReactTestClerk | undefined;
let view: Rendered | undefined;
let auth: ReturnType<typeof useAuth>;
let list: ReturnType<typeof useOrganizationList<{ userMemberships: true }>>;

afterEach(() => {
  view?.unmount();
  clerk?.destroy();
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.reset();
});

function OrganizationProbe() {
  auth = useAuth();
  const { isLoaded, organization, membership } = useOrganization();
  list = useOrganizationList({ userMemberships: true });
  const memberships = list.userMemberships?.data?.map((m) => `${m.organization.name}:${m.role}`).join(',') ?? '-';
  return h(
    'dl',
    null,
    h('dd', { id: 'org-loaded' }, String(isLoaded)),
    h('dd', { id: 'org-name' }, organization?.name ?? 'personal'),
    h('dd', { id: 'org-role' }, membership?.role ?? '-'),
    h('dd', { id: 'memberships' }, memberships),
    h('dd', { id: 'is-admin' }, String(auth.has?.({ role: 'org:admin' }) ?? '-')),
  );
}

function App() {
  return h(
    ClerkLoaded,
    null,
    h(Show, { when: 'signed-out', children: h('p', { id: 'signed-out' }, 'Please sign in') }),
    h(Show, { when: 'signed-in', children: h('p', { id: 'signed-in' }, 'Welcome back') }),
    h(OrganizationProbe),
  );
}

const $ = (id: string) => view!.container.querySelector(`#${id}`)?.textContent ?? null;

describe('@clerk/react organization hooks on microclerk', () => {
  it('loads and signs in; shows the active organization after setActive; lists memberships; has({ role }) for the creator', async () => {
    clerk = createReactTestClerk(emulator.publishableKey);
    const enableCalls: unknown[] = [];
    const original = clerk.__internal_attemptToEnableEnvironmentSetting.bind(clerk);
    Object.assign(clerk, {
      __internal_attemptToEnableEnvironmentSetting: (params: Parameters<typeof original>[0]) => {
        const result = original(params);
        enableCalls.push({ params, result });
        return result;
      },
    });
    view = renderWithClerk(clerk, h(App));
    await waitFor(() => expect($('signed-out')).toBe('Please sign in'));
    // The hooks' calls, queued before hydration, were replayed on our instance.
    expect(enableCalls).toContainEqual({ params: { for: 'organizations', caller: 'useOrganization' }, result: { isEnabled: true } });
    expect(enableCalls).toContainEqual({ params: { for: 'organizations', caller: 'useOrganizationList' }, result: { isEnabled: true } });

    await act(async () => {
      const signIn = await clerk!.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
      await clerk!.setActive({ session: signIn.createdSessionId });
    });
    await waitFor(() => expect($('signed-in')).toBe('Welcome back'));
    expect($('org-name')).toBe('personal');
    expect($('is-admin')).toBe('false');

    await act(async () => {
      const org = await clerk!.createOrganization({ name: 'Acme Inc', slug: 'acme' });
      await clerk!.setActive({ organization: org.id });
    });
    await waitFor(() => expect($('org-name')).toBe('Acme Inc'));
    expect($('org-role')).toBe('org:admin');
    expect($('is-admin')).toBe('true');
    expect(auth.orgSlug).toBe('acme');
    expect(auth.has!({ permission: 'org:sys_memberships:manage' })).toBe(true);
    // The list was fetched (empty) when the user signed in; as with ClerkJS, it refreshes on revalidate.
    expect(emulator.requests.some((r) => r.path.endsWith('/me/organization_memberships') && new URLSearchParams(r.search).get('paginated') === 'true')).toBe(
      true,
    );
    await act(async () => {
      await list.userMemberships.revalidate?.();
    });
    await waitFor(() => expect($('memberships')).toBe('Acme Inc:org:admin'));
    expect(list.userMemberships.count).toBe(1);
  });

  it('organizations off: the hooks get { isEnabled: false } and the app still loads signed out', async () => {
    emulator.updateSettings({ organizations: false });
    try {
      clerk = createReactTestClerk(emulator.publishableKey);
      view = renderWithClerk(clerk, h(App));
      await waitFor(() => expect($('signed-out')).toBe('Please sign in'));
      expect(clerk.__internal_attemptToEnableEnvironmentSetting({ for: 'organizations', caller: 'useOrganization' })).toEqual({ isEnabled: false });
      expect(() => clerk!.__internal_attemptToEnableEnvironmentSetting({ for: 'billing' as never, caller: 'useOrganization' })).toThrow(
        expect.objectContaining({ code: 'unsupported_environment_setting' }),
      );
      expect(clerk.__experimental_prefetchOrganizationSwitcher()).toBeUndefined();
    } finally {
      emulator.updateSettings({ organizations: true });
    }
  });
});
