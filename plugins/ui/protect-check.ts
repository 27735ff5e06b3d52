/**
 * Runs a Clerk Protect challenge for `<SignIn/>` / `<SignUp/>`' `#/protect-check` step (loaded on use).
 * The challenge SDK is third-party code the server names (`protectCheck.sdkUrl`), so it is loaded only from
 * the Frontend API's own origin (the proxy or Clerk's FAPI host), over https unless the FAPI itself is
 * plain http (a local proxy or emulator); any other URL is refused with `protect_check_invalid_sdk_url`.
 * ClerkJS's contract: an ES module whose default export `(container, { token, uiHints, signal })` resolves
 * with the proof token. Chained checks run until the gate clears.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { SignIn, SignUp } from '../../kernel/index.js';

type Gated = (SignIn | SignUp) & { protectCheck?: { token: string; sdkUrl: string; uiHints?: Record<string, string> } | null };
type ChallengeModule = { default?: (container: HTMLElement, init: { token: string; uiHints?: Record<string, string>; signal: AbortSignal }) => unknown };

const fail = (code: string, message: string) => new ClerkRuntimeError(`Clerk Protect: ${message}`, { code });

/** The SDK URL when it may be loaded: same origin as the Frontend API, https (or http like the FAPI), no userinfo. */
export function allowedSdkUrl(sdkUrl: string, fapiBaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(sdkUrl);
  } catch {
    throw fail('protect_check_invalid_sdk_url', `the challenge SDK URL "${sdkUrl}" is not a URL.`);
  }
  const fapi = new URL(fapiBaseUrl);
  if (url.origin !== fapi.origin || url.username || url.password || (url.protocol !== 'https:' && url.protocol !== fapi.protocol)) {
    throw fail(
      'protect_check_invalid_sdk_url',
      `refusing to load the challenge SDK from "${url.origin}": only the Frontend API's origin (${fapi.origin}) is trusted.`,
    );
  }
  return url;
}

/**
 * Loads the SDK, runs each challenge in `container` and submits its proof until the attempt is no longer
 * gated; resolves with the attempt. `load` imports the module (tests hand in their own).
 */
export async function runProtectCheck(
  resource: Gated,
  fapiBaseUrl: string,
  container: HTMLElement,
  signal: AbortSignal,
  load: (url: string) => Promise<ChallengeModule> = (url) => import(/* @vite-ignore */ /* webpackIgnore: true */ url),
): Promise<Gated> {
  const kind = 'identifier' in resource ? 'sign_ins' : 'sign_ups';
  let answered: string | undefined;
  // Until the gate clears; a token answered already means FAPI sent no news (never loop on it).
  while (resource.protectCheck && resource.protectCheck.token !== answered && !signal.aborted) {
    const { sdkUrl, token, uiHints } = resource.protectCheck;
    const url = allowedSdkUrl(sdkUrl, fapiBaseUrl);
    let module: ChallengeModule;
    try {
      module = await load(url.href);
    } catch {
      throw fail('protect_check_script_load_failed', `the challenge SDK did not load from ${url.href} (network, Content Security Policy or not a module).`);
    }
    if (typeof module.default !== 'function') throw fail('protect_check_invalid_script', 'the challenge SDK has no default export to run.');
    let proofToken: unknown;
    try {
      proofToken = await module.default(container, { token, uiHints, signal });
    } catch (error) {
      if (signal.aborted) break;
      throw fail('protect_check_execution_failed', `the challenge failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof proofToken !== 'string' || !proofToken) throw fail('protect_check_execution_failed', 'the challenge gave no proof token.');
    container.replaceChildren();
    // FAPI directly (not the protect plugin's member), so the step works whichever plugins are composed.
    await resource._mutate('PATCH', `/client/${kind}/${resource.id}/protect_check`, { proofToken });
    answered = token;
  }
  return resource;
}
