/**
 * Runs a Clerk Protect challenge for `<SignIn/>` / `<SignUp/>`' `#/protect-check` step (loaded on use).
 * The challenge SDK is third-party code the server names (`protectCheck.sdkUrl`), so it is loaded only from
 * the Frontend API's own origin (the proxy or Clerk's FAPI host), over https unless the FAPI itself is
 * plain http (a local proxy or emulator); any other URL is refused with `protect_check_invalid_sdk_url`.
 * ClerkJS's contract: an ES module whose default export `(container, { token, uiHints, signal })` resolves
 * with the proof token. Chained checks run until the gate clears. With the step itself and its English
 * strings, so the SignIn/SignUp mounts do not carry them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { ClerkAPIError, SignIn, SignUp } from '../../kernel/index.js';
import type { AuthKind } from './auth-kit.js';
import type { UiKit } from './host.js';

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

/**
 * The step's English strings (ClerkJS's keys where it has them). They load with the step, so they are not
 * in the host's dictionary: the app's `localization` wins, else these.
 */
const ENGLISH: Record<string, string> = {
  'signIn.protectCheck.title': 'Verification required',
  'signIn.protectCheck.subtitle': 'Clerk Protect needs to verify this sign-in.',
  'signUp.protectCheck.title': 'Verification required',
  'signUp.protectCheck.subtitle': 'Clerk Protect needs to verify this sign-up.',
  'protectCheck.retryButton': 'Start over',
  'unstable__errors.protect_check_invalid_sdk_url': 'The verification could not start: its script is not from a trusted origin.',
  'unstable__errors.protect_check_script_load_failed': 'The verification could not load. Check your connection and try again.',
  'unstable__errors.protect_check_execution_failed': 'The verification did not complete. Please try again.',
};

/** The `localization` keys of the step (in the `Localization` type). */
export interface ProtectCheckStrings {
  signIn: { protectCheck: { title: string; subtitle: string } };
  signUp: { protectCheck: { title: string; subtitle: string } };
  protectCheck: { retryButton: string };
  unstable__errors: { protect_check_invalid_sdk_url: string; protect_check_script_load_failed: string; protect_check_execution_failed: string };
}

export interface ProtectCheckProps {
  kind: AuthKind;
  /** The flow's next step once the gate has cleared. */
  onDone(attempt: never): Promise<void>;
}

/**
 * The `protect-check` step (ClerkJS's route name): a Clerk Protect challenge gates the attempt. The
 * challenge runs here only when its SDK is served from the Frontend API's own origin; otherwise, or when
 * it fails, the step says why instead of waiting, and offers to start over.
 */
export function createProtectCheckStep(kit: UiKit) {
  const { useHost, Alert, Card, LinkButton } = kit;
  return function ProtectCheckStep({ kind, onDone }: ProtectCheckProps) {
    const host = useHost();
    const t = (key: string) => {
      const text = host.t(key);
      return text === key ? (ENGLISH[key] ?? key) : text;
    };
    const attempt = host.clerk.client?.[kind] as Gated | undefined;
    const token = attempt?.protectCheck?.token;
    const [error, setError] = useState<ClerkAPIError>();
    const node = useRef<HTMLDivElement>(null);
    useEffect(() => {
      const container = node.current;
      // A deep link without a gated attempt: back to the start.
      if (!attempt || !token || !container) return void host.navigate('');
      const controller = new AbortController();
      setError(undefined);
      runProtectCheck(attempt, host.kernel.fapi.baseUrl, container, controller.signal)
        .then((done) => void (controller.signal.aborted || onDone(done as never)))
        .catch((e: { code?: string; message?: string; errors?: ClerkAPIError[] }) => {
          if (!controller.signal.aborted) setError(e.errors?.[0] ?? { code: e.code ?? 'unknown', message: e.message ?? '' });
        });
      return () => controller.abort();
    }, [token]);
    const errorKey = `unstable__errors.${error?.code}`;
    return (
      <Card title={t(`${kind}.protectCheck.title`)} subtitle={t(`${kind}.protectCheck.subtitle`)}>
        <div ref={node} {...host.el('protectCheckContainer')} />
        {error ? <Alert>{host.t(errorKey) !== errorKey || !ENGLISH[errorKey] ? host.errorText(error) : ENGLISH[errorKey]}</Alert> : null}
        <LinkButton onClick={() => void host.navigate('')}>{t('protectCheck.retryButton')}</LinkButton>
      </Card>
    );
  };
}
