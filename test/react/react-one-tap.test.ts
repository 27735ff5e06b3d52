// @vitest-environment happy-dom
/**
 * `@clerk/react`'s `<GoogleOneTap/>` on the full preset: the SDK calls `openGoogleOneTap(props)` on mount
 * and `closeGoogleOneTap()` on unmount; with the emulator's stand-in Google Identity Services on the
 * page, picking an account in the prompt signs the user up and in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement as h } from 'react';
import { GoogleOneTap } from '@clerk/react';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';
import { clearCookies, createReactTestClerk, renderWithClerk, waitFor, type ReactTestClerk, type Rendered } from './render.js';

const emulator = useEmulator();
const PROMPT = '#microclerk-emulator-gsi-prompt';
const instances: ReactTestClerk[] = [];
const rendered: Rendered[] = [];

afterEach(() => {
  rendered.splice(0).forEach((r) => r.unmount());
  instances.splice(0).forEach((c) => c.destroy());
  delete (window as { google?: unknown }).google;
  clearCookies();
  emulator.reset();
  document.body.innerHTML = '';
});

/** The stand-in GIS script, run as the page would after loading it from `googleOneTapScriptUrl`. */
async function installStandInGis() {
  new Function(await (await fetch(`${PROXY_URL}/__emulator/gsi/client`)).text())();
}

describe('@clerk/react <GoogleOneTap/> on microclerk', () => {
  it('opens the prompt on mount, closes it on unmount, and a picked account ends signed in', async () => {
    await installStandInGis();
    const clerk = createReactTestClerk(emulator.publishableKey);
    instances.push(clerk);
    const first = renderWithClerk(clerk, h(GoogleOneTap, { cancelOnTapOutside: false }));
    await waitFor(() => expect(document.querySelector(PROMPT)).not.toBeNull());
    act(() => first.unmount());
    await waitFor(() => expect(document.querySelector(PROMPT)).toBeNull());

    const view = renderWithClerk(clerk, h(GoogleOneTap, { cancelOnTapOutside: false }));
    rendered.push(view);
    const account = await (async () => {
      let found: HTMLButtonElement | null = null;
      await waitFor(() => expect((found = document.querySelector<HTMLButtonElement>(`${PROMPT} button[data-email="google-user@example.com"]`))).not.toBeNull());
      return found!;
    })();
    await act(async () => account.click());
    await waitFor(() => expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('google-user@example.com'));
    expect(document.querySelector(PROMPT)).toBeNull();
  });
});
