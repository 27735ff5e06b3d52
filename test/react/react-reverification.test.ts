// @vitest-environment happy-dom
/**
 * `useReverification` from `@clerk/react` on a microclerk instance: an action FAPI answers with
 * `session_reverification_required` opens our reverification modal (`__internal_openReverification`),
 * the user enters the password, and the hook retries the action, which then succeeds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h, useState } from 'react';
import { useReverification, useUser } from '@clerk/react';
import { useEmulator } from '../helpers/emulator.js';
import { submit, type } from '../helpers/ui.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const EMAIL = 'reverify@example.com';
const PASSWORD = 'correct-horse-battery';
const NEW_PASSWORD = 'another-horse-battery';
let clockOffset = 0;
const emulator = useEmulator({ now: () => Date.now() + clockOffset, seed: { users: [{ emailAddress: EMAIL, password: PASSWORD }] } });

const cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.splice(0).forEach((fn) => fn());
  document.body.querySelectorAll('[role=dialog]').forEach((node) => node.closest('body > div')?.remove());
  clearCookies();
  clockOffset = 0;
  emulator.updateSettings({ reverification: { maxAgeMinutes: null } });
  // The first test changes the password; every test starts from the seeded user.
  emulator.reset();
});

function ChangePassword() {
  const { user } = useUser();
  const [result, setResult] = useState('idle');
  const change = useReverification(() => user!.updatePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
  return h(
    'div',
    null,
    h(
      'button',
      {
        id: 'change',
        onClick: () =>
          void change().then(
            () => setResult('changed'),
            (e: { code?: string }) => setResult(`error:${e.code}`),
          ),
      },
      'Change',
    ),
    h('span', { id: 'result' }, result),
  );
}

async function signedIn(): Promise<{ clerk: ReactTestClerk; view: Rendered }> {
  const clerk = createReactTestClerk(emulator.publishableKey);
  const view = renderWithClerk(clerk, h(ChangePassword));
  cleanup.push(
    () => view.unmount(),
    () => clerk.destroy(),
  );
  await waitFor(() => expect(clerk.loaded).toBe(true));
  await act(async () => {
    const signIn = await clerk.client!.signIn.create({ identifier: EMAIL, password: PASSWORD });
    await clerk.setActive({ session: signIn.createdSessionId });
  });
  await waitFor(() => expect(view.container.querySelector('#change')).not.toBeNull());
  return { clerk, view };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role=dialog]');
const result = (view: Rendered) => view.container.querySelector('#result')!.textContent;

describe('useReverification with the reverification modal', () => {
  it('opens the modal on session_reverification_required, verifies with the password, retries the action', async () => {
    emulator.updateSettings({ reverification: { maxAgeMinutes: 10, level: 'first_factor' } });
    const { clerk, view } = await signedIn();
    expect(clerk.session!.factorVerificationAge).toEqual([0, -1]);
    clockOffset = 11 * 60_000;

    await act(async () => view.container.querySelector<HTMLButtonElement>('#change')!.click());
    await waitFor(() => expect(dialog()?.querySelector('input[name=password]')).toBeTruthy());
    expect(dialog()!.querySelector('.cl-headerTitle')!.textContent).toBe('Enter your password');
    expect(result(view)).toBe('idle');
    await type(dialog()!.querySelector<HTMLInputElement>('input[name=password]')!, PASSWORD);
    await act(async () => submit(dialog()!.querySelector('form')!));

    await waitFor(() => expect(result(view)).toBe('changed'));
    expect(dialog()).toBeNull();
    // The verification reset the session's first-factor age, and the retried change took effect.
    expect(clerk.session!.factorVerificationAge![0]).toBe(0);
    const verifyCalls = emulator.requests.filter((r) => r.path.endsWith('/verify') || r.path.includes('/verify/'));
    expect(verifyCalls.map((r) => r.path.split('/').slice(-2).join('/'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/verify$/), 'verify/attempt_first_factor']),
    );
    // Two calls: the first answered 403 (the modal opened), the retry succeeded (the hook resolved).
    expect(emulator.requests.filter((r) => r.path.endsWith('/me/change_password'))).toHaveLength(2);
  });

  it('rejects with reverification_cancelled when the modal is closed', async () => {
    emulator.updateSettings({ reverification: { maxAgeMinutes: 10, level: 'first_factor' } });
    const { view } = await signedIn();
    clockOffset = 11 * 60_000;
    await act(async () => view.container.querySelector<HTMLButtonElement>('#change')!.click());
    await waitFor(() => expect(dialog()?.querySelector('input[name=password]')).toBeTruthy());
    await act(async () => dialog()!.querySelector<HTMLButtonElement>('.cl-modalCloseButton')!.click());
    await waitFor(() => expect(result(view)).toBe('error:reverification_cancelled'));
  });
});
