/**
 * Rendering helpers for the React SDK tests: a full-preset microclerk instance (every plugin,
 * including compat, which `@clerk/react` needs), a react-dom root inside `act`, and a `waitFor`
 * that lets promises and timers run.
 */
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ClerkProvider } from '@clerk/react';
import type { ClerkProp } from '@clerk/shared/types';
import { Clerk } from '../../presets/full.js';
import { PROXY_URL } from '../helpers/emulator.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type ReactTestClerk = Clerk;

/** The full preset, as an app passes it: `new Clerk(publishableKey, { proxyUrl })`. */
export function createReactTestClerk(publishableKey: string, proxyUrl = PROXY_URL): ReactTestClerk {
  return new Clerk(publishableKey, { proxyUrl });
}

export interface Rendered {
  container: HTMLElement;
  root: Root;
  text(): string;
  unmount(): void;
}

/**
 * Renders `children` under `<ClerkProvider Clerk={clerk}>`. The instance is typed by microclerk, not
 * by `@clerk/shared/types` (that conformance is the type test's job), hence the cast.
 */
export function renderWithClerk(clerk: ReactTestClerk, children: ReactNode, props: Record<string, unknown> = {}): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => {
    root.render(createElement(ClerkProvider, { Clerk: clerk as unknown as ClerkProp, publishableKey: clerk.publishableKey, ...props, children }));
  });
  return {
    container,
    root,
    text: () => container.textContent ?? '',
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets React, fetches and timers run until `check` passes (or fails with its last error). */
export async function waitFor(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

/** Deletes every cookie of the page (the dev browser and the production `__client`). */
export function clearCookies(): void {
  for (const cookie of document.cookie.split('; ')) {
    if (cookie) document.cookie = `${cookie.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}
