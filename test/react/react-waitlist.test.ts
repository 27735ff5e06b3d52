// @vitest-environment happy-dom
/**
 * `@clerk/react`'s `<Waitlist/>` and `useWaitlist()` on the full preset: the SDK calls
 * `mountWaitlist(node, props)` and our view renders into its node; a visitor joins through the form.
 * `useWaitlist()` reads the compat plugin's waitlist signal and joins through it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h, useEffect } from 'react';
import { ClerkLoaded, useWaitlist, Waitlist } from '@clerk/react';
import { useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const emulator = useEmulator();
const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  delete (globalThis as { Clerk?: unknown }).Clerk;
  clearCookies();
  emulator.reset();
  document.body.innerHTML = '';
});

function setup(children: React.ReactNode) {
  const clerk = createReactTestClerk(emulator.publishableKey);
  instances.push(clerk);
  const view = renderWithClerk(clerk, children);
  rendered.push(view);
  return { clerk, view };
}

describe('@clerk/react waitlist', () => {
  it('<Waitlist/> renders ours and joins', async () => {
    const { view } = setup(h(ClerkLoaded, null, h(Waitlist)));
    await waitFor(() => expect(view.container.querySelector('input[name="email_address"]')).toBeTruthy());
    const input = view.container.querySelector<HTMLInputElement>('input[name="email_address"]')!;
    expect(view.container.querySelector('.cl-headerTitle')?.textContent).toBe('Join the waitlist');
    await act(async () => {
      input.value = 'react@example.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await act(async () => {
      input.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await waitFor(() => expect(view.container.querySelector('.cl-headerTitle')?.textContent).toBe('Thanks for joining the waitlist!'));
    expect(emulator.waitlist().map((e) => e.emailAddress)).toEqual(['react@example.com']);
  });

  it('useWaitlist() joins through the compat signal and reports field errors', async () => {
    const seen: Array<{ id: string; error: string | null }> = [];
    function Joiner() {
      const { waitlist, errors } = useWaitlist();
      useEffect(() => {
        void (async () => {
          await waitlist.join({ emailAddress: 'bad' });
        })();
      }, []);
      seen.push({ id: waitlist.id, error: errors.fields.emailAddress?.code ?? null });
      return h('p', { id: 'joined' }, waitlist.id || 'none');
    }
    const { view } = setup(h(ClerkLoaded, null, h(Joiner)));
    await waitFor(() => expect(seen.some((s) => s.error === 'form_param_format_invalid')).toBe(true));
    expect(view.container.querySelector('#joined')?.textContent).toBe('none');
  });
});
