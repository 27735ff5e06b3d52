import type { ClerkGlobalHookError } from './flow-signal.js';
import type { PluginContext, Session, SignIn, SignInFactor, SignUp } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import { createFlowTarget } from './flow-target.js';
import type { OAuthApi } from '../oauth/index.js';

type Step = (action: () => Promise<unknown>) => Promise<{ error: ClerkGlobalHookError | null }>;
type Result = Promise<{ error: ClerkGlobalHookError | null }>;

/** ClerkJS's `SetActiveNavigate`: where to go once the new session is set (before it is emitted). */
export type FinalizeNavigate = (params: { session: Session; decorateUrl: (url: string) => string }) => void | Promise<unknown>;

/** How often `emailLink.waitForVerification()` re-reads the sign-in. */
const EMAIL_LINK_POLL_MS = 2000;

const absoluteUrl = (url: string) => new URL(url, typeof window !== 'undefined' ? window.location.href : undefined).href;

/** A resource method another plugin adds (web3, passkeys), bound; a `plugin_missing` error naming the plugin when it is not composed. */
export function pluginMethod(resource: object, name: string, plugin: string, what: string): (params?: object) => Promise<unknown> {
  const method = (resource as Record<string, unknown>)[name];
  if (typeof method !== 'function')
    throw new ClerkRuntimeError(`${what} needs the ${plugin} plugin (microclerk/plugins/${plugin}).`, { code: 'plugin_missing' });
  return (method as (params?: object) => Promise<unknown>).bind(resource);
}

/** The web3 plugin's resource method of each wallet strategy, by ClerkJS's provider name. */
export const WEB3_PROVIDERS: Record<string, [strategy: string, method: string]> = {
  metamask: ['web3_metamask_signature', 'authenticateWithMetamask'],
  coinbase_wallet: ['web3_coinbase_wallet_signature', 'authenticateWithCoinbaseWallet'],
  okx_wallet: ['web3_okx_wallet_signature', 'authenticateWithOKXWallet'],
  base: ['web3_base_signature', 'authenticateWithBase'],
  solana: ['web3_solana_signature', 'authenticateWithSolana'],
};

/** ClerkJS's future `sso()` params, common to both flows. */
export interface FutureSsoParams {
  strategy: string;
  /** Where the flow ends (the kernel's `redirectUrlComplete`). */
  redirectUrl: string;
  /** The SSO callback page the provider returns to (the kernel's `redirectUrl`). */
  redirectCallbackUrl: string;
  popup?: Window;
  oidcPrompt?: string;
  enterpriseConnectionId?: string;
}

/**
 * The futures' `sso()`: to the provider, or with `popup` in that window (there the oauth plugin activates the
 * session and goes to `redirectUrl` itself). Both go through the oauth plugin, whose checks (the strategy,
 * `allowedRedirectOrigins`) guard every external flow; only the names ClerkJS's futures use are checked here.
 */
export function startSso(ctx: PluginContext, flow: 'signIn' | 'signUp', resource: SignIn | SignUp, params: FutureSsoParams) {
  const what = `${flow}.sso()`;
  // compat declares oauth as an optional dependency; a futures module's context is not typed with it.
  const oauth = (ctx.find as (name: 'oauth') => OAuthApi | undefined)('oauth');
  if (!oauth) throw new ClerkRuntimeError(`${what} needs the oauth plugin (microclerk/plugins/oauth).`, { code: 'plugin_missing' });
  if (!params || typeof params !== 'object') throw new ClerkRuntimeError(`${what}: params must be an object.`, { code: 'invalid_params' });
  const { redirectUrl, redirectCallbackUrl, popup, ...rest } = params;
  for (const [name, url] of [
    ['redirectUrl', redirectUrl],
    ['redirectCallbackUrl', redirectCallbackUrl],
  ])
    if (typeof url !== 'string' || !url) throw new ClerkRuntimeError(`${what}: ${name} is required (a URL string).`, { code: 'invalid_redirect_url' });
  const routes = { ...rest, redirectUrl: redirectCallbackUrl, redirectUrlComplete: redirectUrl };
  return popup ? resource.authenticateWithPopup({ ...routes, popup }) : oauth.authenticateWithRedirect({ ...routes, flow });
}

/**
 * ClerkJS's `SignInFuture` (what v6 `useSignIn()` returns as `signIn`), over the kernel's SignIn:
 * properties read the client's current sign-in, methods run one FAPI step each and resolve
 * `{ error }` instead of throwing. Strategies microclerk has no plugin for resolve a `not_supported` error.
 */
export function createSignInFuture(ctx: PluginContext, run: Step) {
  const discarded = new WeakSet<SignIn>();
  const target = createFlowTarget(() => ctx.kernel.client?.signIn);
  const peek = target.peek;
  const current = (): SignIn => {
    const resource = target.take();
    if (!resource) throw new ClerkRuntimeError('The sign-in is not available before clerk.load() finished.', { code: 'not_loaded' });
    return resource;
  };

  /** ClerkJS's choice: the factor with that id, else the one for the identifier typed, else the first of the strategy. */
  const selectFactor = (strategy: string, ids: { emailAddressId?: string; phoneNumberId?: string } = {}): SignInFactor => {
    const signIn = current();
    const factors = signIn.supportedFirstFactors ?? [];
    const found =
      (ids.emailAddressId && factors.find((f) => f.strategy === strategy && f.emailAddressId === ids.emailAddressId)) ||
      (ids.phoneNumberId && factors.find((f) => f.strategy === strategy && f.phoneNumberId === ids.phoneNumberId)) ||
      factors.find((f) => f.strategy === strategy && f.safeIdentifier === signIn.identifier) ||
      factors.find((f) => f.strategy === strategy);
    if (!found) throw new ClerkRuntimeError(`This sign-in has no "${strategy}" first factor.`, { code: 'factor_not_found' });
    return found;
  };
  const secondFactor = (strategy: string): SignInFactor | undefined => current().supportedSecondFactors?.find((f) => f.strategy === strategy);

  /** Starts a sign-in for `identifier` when one is given; without it, continues the current one (which must exist). */
  const identify = async (identifier: string | undefined, method: string) => {
    if (identifier) await current().create({ identifier });
    else if (!current().id) throw new ClerkRuntimeError(`${method}() needs an identifier when no sign-in is in progress.`, { code: 'missing_identifier' });
  };

  const sendCode =
    (kind: 'email' | 'phone', strategy: string) =>
    async (params: { emailAddress?: string; emailAddressId?: string; phoneNumber?: string; phoneNumberId?: string; channel?: string } = {}) =>
      run(async () => {
        await identify(kind === 'email' ? params.emailAddress : params.phoneNumber, `signIn.${kind}Code.sendCode`);
        const factor = selectFactor(strategy, params);
        await current().prepareFirstFactor(
          kind === 'email'
            ? { strategy, emailAddressId: factor.emailAddressId }
            : { strategy, phoneNumberId: factor.phoneNumberId, ...(strategy === 'phone_code' ? { channel: params.channel ?? 'sms' } : {}) },
        );
      });
  const attemptFirst =
    (strategy: string) =>
    ({ code }: { code: string }) =>
      run(() => current().attemptFirstFactor({ strategy, code }));
  const sendSecond = (strategy: 'phone_code' | 'email_code') => () =>
    run(async () => {
      const factor = secondFactor(strategy);
      if (!factor) throw new ClerkRuntimeError(`This sign-in has no "${strategy}" second factor.`, { code: 'factor_not_found' });
      await current().prepareSecondFactor({ strategy, phoneNumberId: factor.phoneNumberId, emailAddressId: factor.emailAddressId });
    });
  const attemptSecond =
    (strategy: string) =>
    ({ code }: { code: string }) =>
      run(() => current().attemptSecondFactor({ strategy, code }));
  const submitPassword = ({ password, signOutOfOtherSessions = true }: { password: string; signOutOfOtherSessions?: boolean }) =>
    run(() => current().resetPassword({ password, signOutOfOtherSessions }));

  return {
    get id() {
      return peek()?.id || undefined;
    },
    get status() {
      return peek()?.status || 'needs_identifier';
    },
    get identifier() {
      return peek()?.identifier ?? null;
    },
    get createdSessionId() {
      return peek()?.createdSessionId ?? null;
    },
    get userData() {
      return peek()?.userData ?? {};
    },
    get timezone() {
      return (peek() as { timezone?: string } | undefined)?.timezone ?? null;
    },
    get supportedFirstFactors() {
      return peek()?.supportedFirstFactors ?? [];
    },
    get supportedSecondFactors() {
      return peek()?.supportedSecondFactors ?? [];
    },
    get ssoBypassFirstFactors() {
      return (peek() as { ssoBypassFirstFactors?: SignInFactor[] } | undefined)?.ssoBypassFirstFactors ?? [];
    },
    get firstFactorVerification() {
      // The futures exist once loaded (compat.ts), so there is a client and its sign-in.
      return peek()!.firstFactorVerification;
    },
    get secondFactorVerification() {
      return peek()!.secondFactorVerification;
    },
    /** No matching account: the sign-in can become a sign-up (`signUp.create({ transfer: true })`). */
    get isTransferable() {
      return peek()?.firstFactorVerification.status === 'transferable';
    },
    get existingSession() {
      const verification = peek()?.firstFactorVerification;
      const error = verification?.error as { code?: string; meta?: { sessionId?: string } } | undefined;
      return verification?.status === 'failed' && error?.code === 'identifier_already_signed_in' && error.meta?.sessionId
        ? { sessionId: error.meta.sessionId }
        : undefined;
    },
    get protectCheck() {
      return peek()?.protectCheck ?? null;
    },
    /** True once this sign-in was finalized or reset, so a UI may drop it. */
    get canBeDiscarded() {
      const signIn = peek();
      return !!signIn && discarded.has(signIn);
    },

    create: (params: Record<string, unknown>) => run(() => current().create(params)),
    /** Identifier (or email address / phone number, or the one already given) and password in one request. */
    password(params: { identifier?: string; emailAddress?: string; phoneNumber?: string; password: string }): Result {
      const given = [params.identifier, params.emailAddress, params.phoneNumber].filter(Boolean);
      if (given.length > 1)
        return Promise.reject(
          new ClerkRuntimeError('signIn.password(): give only one of identifier, emailAddress or phoneNumber.', { code: 'invalid_params' }),
        );
      return run(() => current().create({ identifier: given[0] ?? peek()?.identifier ?? undefined, password: params.password }));
    },
    emailCode: { sendCode: sendCode('email', 'email_code'), verifyCode: attemptFirst('email_code') },
    phoneCode: { sendCode: sendCode('phone', 'phone_code'), verifyCode: attemptFirst('phone_code') },
    resetPasswordEmailCode: {
      sendCode: () => sendCode('email', 'reset_password_email_code')(),
      verifyCode: attemptFirst('reset_password_email_code'),
      submitPassword,
    },
    resetPasswordPhoneCode: { sendCode: sendCode('phone', 'reset_password_phone_code'), verifyCode: attemptFirst('reset_password_phone_code'), submitPassword },
    emailLink: {
      sendLink: (params: { verificationUrl: string; emailAddress?: string; emailAddressId?: string }) =>
        run(async () => {
          await identify(params.emailAddress, 'signIn.emailLink.sendLink');
          const factor = selectFactor('email_link', params);
          await current().prepareFirstFactor({
            strategy: 'email_link',
            emailAddressId: factor.emailAddressId,
            redirectUrl: absoluteUrl(params.verificationUrl),
          });
        }),
      waitForVerification: () =>
        run(async () => {
          const done = () => ['verified', 'expired', 'failed'].includes(current().firstFactorVerification.status ?? '');
          while (!done()) {
            await new Promise((resolve) => setTimeout(resolve, EMAIL_LINK_POLL_MS));
            await current().reload();
          }
        }),
      /** The outcome the email link's page was opened with (`__clerk_status`, `__clerk_created_session`). */
      get verification() {
        if (typeof window === 'undefined') return null;
        const query = new URL(window.location.href).searchParams;
        const status = query.get('__clerk_status') as 'verified' | 'expired' | 'failed' | 'client_mismatch' | null;
        const createdSessionId = query.get('__clerk_created_session');
        if (!status || !createdSessionId) return null;
        const verifiedFromTheSameClient = status === 'verified' && !!ctx.kernel.client?.sessions.some((s) => s.id === createdSessionId);
        return { status, createdSessionId, verifiedFromTheSameClient };
      },
    },
    mfa: {
      sendPhoneCode: sendSecond('phone_code'),
      verifyPhoneCode: attemptSecond('phone_code'),
      sendEmailCode: sendSecond('email_code'),
      verifyEmailCode: attemptSecond('email_code'),
      verifyTOTP: attemptSecond('totp'),
      verifyBackupCode: attemptSecond('backup_code'),
      /** The passkey as the second factor (the passkeys plugin), where the instance allows it and the user has one. */
      passkey: () =>
        run(() => {
          if (!secondFactor('passkey')) throw new ClerkRuntimeError('This sign-in has no "passkey" second factor.', { code: 'factor_not_found' });
          return pluginMethod(current(), 'authenticateWithPasskey', 'passkeys', 'signIn.mfa.passkey()')();
        }),
    },
    ticket: (params?: { ticket?: string }) =>
      run(() => {
        const ticket = params?.ticket ?? (typeof window !== 'undefined' ? new URL(window.location.href).searchParams.get('__clerk_ticket') : null);
        if (!ticket) throw new ClerkRuntimeError('signIn.ticket() needs a ticket (or a __clerk_ticket query parameter).', { code: 'missing_ticket' });
        return current().create({ strategy: 'ticket', ticket });
      }),
    /** See {@link startSso}. */
    sso: (params: FutureSsoParams & { identifier?: string }) => run(() => startSso(ctx, 'signIn', current(), params)),
    /** Signs in with the wallet of `provider` (the web3 plugin); `finalize()` activates the session. */
    web3: (params: { strategy: string; provider: string; walletName?: string }) =>
      run(() => {
        const [strategy, method] = WEB3_PROVIDERS[params?.provider] ?? [];
        if (!method || (params.strategy !== undefined && params.strategy !== strategy))
          throw new ClerkRuntimeError(
            `signIn.web3(): provider ${JSON.stringify(params?.provider)} with strategy ${JSON.stringify(params?.strategy)} is not a known wallet.`,
            {
              code: 'invalid_params',
            },
          );
        return pluginMethod(current(), method, 'web3', 'signIn.web3()')({ walletName: params.walletName });
      }),
    /** Signs in with a passkey (the passkeys plugin): the identified user's, or with `flow` a discoverable / autofill one. */
    passkey: (params?: { flow?: 'autofill' | 'discoverable' }) =>
      run(() => pluginMethod(current(), 'authenticateWithPasskey', 'passkeys', 'signIn.passkey()')(params)),
    // The protect plugin's member (ClerkJS's future runs the same PATCH …/protect_check).
    submitProtectCheck: (params: { proofToken: string }) => run(() => current().submitProtectCheck(params)),

    /** Activates the session the sign-in created; `navigate` runs before the new session is emitted. */
    async finalize(params: { navigate?: FinalizeNavigate } = {}): Result {
      const signIn = current();
      const sessionId = signIn.createdSessionId;
      if (!sessionId) throw new ClerkRuntimeError('Cannot finalize a sign-in that has not created a session.', { code: 'no_created_session' });
      return run(async () => {
        const client = ctx.kernel.client!;
        if (!client.sessions.some((s) => s.id === sessionId)) await client.reload();
        discarded.add(signIn);
        const { navigate } = params;
        await ctx.kernel.setActive({
          session: sessionId,
          beforeEmit: navigate ? async (session) => void (session && (await navigate({ session, decorateUrl: (url) => url }))) : undefined,
        });
      });
    },
    /** Drops the sign-in in progress locally (no request), as ClerkJS's `client.resetSignIn()`. */
    reset(): Result {
      const client = ctx.kernel.client;
      if (!client) return Promise.reject(new ClerkRuntimeError('Cannot reset the sign-in before clerk.load() finished.', { code: 'not_loaded' }));
      const previous = peek();
      if (previous) discarded.add(previous);
      target.forget();
      // The class of the current one: lazy code gets kernel classes from live objects, not imports (one initial chunk).
      client.signIn = new (client.signIn.constructor as typeof SignIn)(ctx.kernel.resources);
      ctx.kernel.emitResources();
      return Promise.resolve({ error: null });
    },
  };
}
