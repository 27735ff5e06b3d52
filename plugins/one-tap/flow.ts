/**
 * The One Tap flow, loaded on first use: Google Identity Services (GIS) is loaded and initialized
 * with the instance's client id, its prompt shown, and the credential it returns turned into a
 * sign-in (or, for a Google account without a user, a sign-up) that the oauth plugin's callback
 * routing finishes.
 */
import type { KernelInternals, PluginContext, SignIn, SignUp } from '../../kernel/index.js';
import { ClerkRuntimeError, isClerkAPIResponseError, safeUrl } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';
import type { CustomNavigate, HandleOAuthCallbackParams, SignInOrUp } from '../oauth/index.js';
import type { AuthenticateWithGoogleOneTapParams, GoogleOneTapProps, OneTapLoadOptions } from './one-tap.js';

/** Google's script; the `googleOneTapScriptUrl` load option replaces it (e.g. with the emulator's stand-in). */
export const GOOGLE_IDENTITY_SCRIPT_URL = 'https://accounts.google.com/gsi/client';

/** The part of `google.accounts.id` One Tap uses. */
export interface GoogleAccountsId {
  initialize(config: {
    client_id: string;
    callback: (response: { credential: string }) => void;
    cancel_on_tap_outside?: boolean;
    itp_support?: boolean;
    use_fedcm_for_prompt?: boolean;
    auto_select?: boolean;
  }): void;
  prompt(listener?: (notification: { getMomentType(): 'display' | 'skipped' | 'dismissed' }) => void): void;
  cancel(): void;
}

type GoogleWindow = { google?: { accounts?: { id?: GoogleAccountsId } } };

/** The one-tap plugin's context (its dependencies). */
export type OneTapContext = PluginContext<'oauth' | 'navigation'>;

const invalid = (message: string) => new ClerkRuntimeError(message, { code: 'invalid_arguments' });

/** ClerkJS's `authenticateWithGoogleOneTap`: sign in with the token; `external_account_not_found` → sign up with it. */
export async function authenticateWithGoogleOneTap(ctx: OneTapContext, params: AuthenticateWithGoogleOneTapParams): Promise<SignIn | SignUp> {
  const { kernel } = ctx;
  if (!params || typeof params !== 'object') throw invalid('authenticateWithGoogleOneTap(params): params must be an object { token, legalAccepted? }.');
  const { token, legalAccepted } = params;
  if (typeof token !== 'string' || !token) {
    throw invalid(
      `authenticateWithGoogleOneTap: token must be the non-empty credential string Google returned, got ${token === '' ? 'an empty string' : typeof token}.`,
    );
  }
  if (legalAccepted !== undefined && typeof legalAccepted !== 'boolean') {
    throw invalid(`authenticateWithGoogleOneTap: legalAccepted must be a boolean, got ${typeof legalAccepted}.`);
  }
  const client = () => {
    if (!kernel.client) throw new ClerkRuntimeError('authenticateWithGoogleOneTap() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });
    return kernel.client;
  };
  try {
    return await client().signIn.create({ strategy: 'google_one_tap', token });
  } catch (err) {
    if (!isClerkAPIResponseError(err) || err.errors[0]?.code !== 'external_account_not_found') throw err;
    // The piggy-backed client of the error may have replaced the client object: read it again.
    return client().signUp.create({ strategy: 'google_one_tap', token, legalAccepted });
  }
}

const scripts = new Map<string, Promise<GoogleAccountsId>>();

function scriptUrl(raw: unknown): string {
  const url =
    raw === undefined ? new URL(GOOGLE_IDENTITY_SCRIPT_URL) : typeof raw === 'string' && URL.canParse(raw, location.href) ? new URL(raw, location.href) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ClerkRuntimeError(`The googleOneTapScriptUrl load option must be an http(s) URL, got ${JSON.stringify(raw)}.`, { code: 'invalid_options' });
  }
  return url.href;
}

/** Loads GIS once per URL (a page that already has `google.accounts.id` uses it). */
function loadGoogleIdentity(src: string, nonce: string | undefined): Promise<GoogleAccountsId> {
  const ready = () => (window as GoogleWindow).google?.accounts?.id;
  const present = ready();
  if (present) return Promise.resolve(present);
  let loading = scripts.get(src);
  if (!loading) {
    loading = new Promise<GoogleAccountsId>((resolve, reject) => {
      const script = document.createElement('script');
      const failed = () => {
        scripts.delete(src);
        script.remove();
        reject(new ClerkRuntimeError(`Could not load Google Identity Services from ${src}.`, { code: 'google_one_tap_script_failed' }));
      };
      script.src = src;
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.onload = () => {
        const id = ready();
        if (id) resolve(id);
        else failed();
      };
      script.onerror = failed;
      document.head.append(script);
    });
    scripts.set(src, loading);
  }
  return loading;
}

/** The redirect and step URLs the callback gets, as ClerkJS's `<GoogleOneTap/>` builds them. */
function callbackUrls(kernel: KernelInternals, nav: NavigationApi, props: GoogleOneTapProps): HandleOAuthCallbackParams {
  const here = location.href;
  const after = (kind: 'in' | 'up') => {
    const params = new URLSearchParams();
    const force = props[kind === 'in' ? 'signInForceRedirectUrl' : 'signUpForceRedirectUrl'];
    if (force) params.set(`sign_${kind}_force_redirect_url`, force);
    // By default the user comes back to the page the prompt was shown on.
    params.set(`sign_${kind}_fallback_redirect_url`, props[kind === 'in' ? 'signInFallbackRedirectUrl' : 'signUpFallbackRedirectUrl'] || here);
    return kind === 'in' ? nav.buildAfterSignInUrl({ params }) : nav.buildAfterSignUpUrl({ params });
  };
  const display = kernel.environment!.displayConfig;
  const signInUrl = String(kernel.loadOptions.signInUrl || display.signInUrl).split('#')[0]!;
  const signUpUrl = String(kernel.loadOptions.signUpUrl || display.signUpUrl).split('#')[0]!;
  const afterSignIn = after('in');
  const afterSignUp = after('up');
  // The later steps carry the redirect along, so finishing them still returns here.
  const step = (base: string, path: string, key: string, to: string) => `${base}#/${path}?${new URLSearchParams({ [key]: to })}`;
  return {
    signInUrl,
    signUpUrl,
    signInForceRedirectUrl: afterSignIn,
    signUpForceRedirectUrl: afterSignUp,
    firstFactorUrl: step(signInUrl, 'factor-one', 'sign_in_force_redirect_url', afterSignIn),
    secondFactorUrl: step(signInUrl, 'factor-two', 'sign_in_force_redirect_url', afterSignIn),
    continueSignUpUrl: step(signUpUrl, 'continue', 'sign_up_force_redirect_url', afterSignUp),
  };
}

interface Prompt {
  gis?: GoogleAccountsId;
  off?: () => void;
}

/** The prompt each instance shows; a newer open replaces it. */
const prompts = new WeakMap<KernelInternals, Prompt>();

export function closeGoogleOneTap(ctx: OneTapContext): void {
  closePrompt(ctx.kernel);
}

/** ClerkJS's `handleGoogleOneTapCallback`: the oauth plugin's callback routing, reading the attempt given. */
export function handleGoogleOneTapCallback(
  ctx: OneTapContext,
  signInOrUp: SignInOrUp,
  params: HandleOAuthCallbackParams = {},
  customNavigate?: CustomNavigate,
): Promise<unknown> {
  return ctx.get('oauth').__internal_handleResourceCallback(signInOrUp, params, customNavigate);
}

function closePrompt(kernel: KernelInternals): void {
  const prompt = prompts.get(kernel);
  if (!prompt) return;
  prompts.delete(kernel);
  prompt.off?.();
  prompt.gis?.cancel();
}

const whenLoaded = (ctx: OneTapContext) =>
  ctx.kernel.clerk.loaded
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const off = ctx.events.on('status', (status) => {
          if (status === 'ready' || status === 'degraded') resolve(off());
        });
      });

/**
 * ClerkJS's `<GoogleOneTap/>`: nothing when signed in or without a One Tap client id; otherwise GIS
 * initialized with the props and prompted. Signing in by other means takes the prompt away.
 */
/** `<GoogleOneTap/>`'s props (Google draws the prompt: no routing, path or theming). */
const URL_PROPS = ['signInForceRedirectUrl', 'signUpForceRedirectUrl', 'signInFallbackRedirectUrl', 'signUpFallbackRedirectUrl'];
const BOOLEAN_PROPS = ['cancelOnTapOutside', 'itpSupport', 'fedCmSupport'];

/**
 * One Tap's props, checked as the UI kit checks a hosted component's (the same coded error). Its own
 * check: importing the kit's from this lazy flow would split that module out of the UI host, an extra
 * file on every mount.
 */
function checkProps(props: GoogleOneTapProps): void {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    const expected = BOOLEAN_PROPS.includes(name)
      ? typeof value !== 'boolean' && 'true or false'
      : URL_PROPS.includes(name)
        ? typeof value !== 'function' &&
          value !== '' &&
          !(typeof value === 'string' && safeUrl(value, new URL(location.href), ['http:', 'https:'])) &&
          'a safe URL or path (or a function returning one)'
        : name === 'appearance' && (typeof value !== 'object' || Array.isArray(value)) && 'an object';
    if (expected) {
      throw new ClerkRuntimeError(
        `<GoogleOneTap/>: the \`${name}\` prop must be ${expected}, got ${typeof value === 'function' ? 'a function' : JSON.stringify(value)}.`,
        {
          code: 'invalid_component_prop',
        },
      );
    }
  }
}

export async function openGoogleOneTap(ctx: OneTapContext, props: GoogleOneTapProps = {}): Promise<void> {
  try {
    if (props === null || typeof props !== 'object')
      throw invalid(`openGoogleOneTap(props): props must be an object, got ${props === null ? 'null' : typeof props}.`);
    checkProps(props);
    await showPrompt(ctx, props);
  } catch (err) {
    // openGoogleOneTap() returns nothing, as ClerkJS's: a failure is reported, not thrown.
    console.error('[microclerk] Google One Tap:', err);
  }
}

const disposing = new WeakSet<KernelInternals>();

async function showPrompt(ctx: OneTapContext, props: GoogleOneTapProps): Promise<void> {
  const { kernel } = ctx;
  if (!disposing.has(kernel)) {
    disposing.add(kernel);
    ctx.onDispose(() => closePrompt(kernel));
  }
  closePrompt(kernel);
  const prompt: Prompt = {};
  prompts.set(kernel, prompt);
  const current = () => prompts.get(kernel) === prompt;
  await whenLoaded(ctx);
  const clientId = kernel.environment?.displayConfig.googleOneTapClientId as string | null | undefined;
  if (!current() || !clientId || kernel.clerk.user) return void (current() && prompts.delete(kernel));
  const options = kernel.loadOptions as OneTapLoadOptions & { nonce?: string };
  const gis = await loadGoogleIdentity(scriptUrl(options.googleOneTapScriptUrl), typeof options.nonce === 'string' ? options.nonce : undefined);
  if (!current()) return;
  const nav = ctx.get('navigation');
  gis.initialize({
    client_id: clientId,
    callback: ({ credential }) => {
      closePrompt(kernel);
      authenticateWithGoogleOneTap(ctx, { token: credential })
        .then((attempt) => handleGoogleOneTapCallback(ctx, attempt, callbackUrls(kernel, nav, props)))
        .catch((err) => console.error('[microclerk] Google One Tap sign-in failed:', err));
    },
    cancel_on_tap_outside: props.cancelOnTapOutside ?? true,
    itp_support: props.itpSupport ?? true,
    use_fedcm_for_prompt: props.fedCmSupport ?? true,
    auto_select: false,
  });
  prompt.gis = gis;
  prompt.off = ctx.events.on('resources', ({ user }) => void (user && current() && closePrompt(kernel)));
  // The user dismissed it (closed, tapped outside): the prompt is over, as ClerkJS closes its modal.
  gis.prompt((moment) => void (moment.getMomentType() === 'skipped' && current() && closePrompt(kernel)));
}
