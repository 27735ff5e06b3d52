import type { ClerkGlobalHookError } from './flow-signal.js';
import type { PluginContext, SignUp, SignUpParams } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import { createFlowTarget } from './flow-target.js';
import { pluginMethod, startSso, WEB3_PROVIDERS, type FinalizeNavigate, type FutureSsoParams } from './sign-in-future.js';

type Step = (action: () => Promise<unknown>) => Promise<{ error: ClerkGlobalHookError | null }>;
type Result = Promise<{ error: ClerkGlobalHookError | null }>;

const EMAIL_LINK_POLL_MS = 2000;

/**
 * ClerkJS's `SignUpFuture` (what v6 `useSignUp()` returns as `signUp`) over the kernel's SignUp, as
 * the sign-in one: live properties, one FAPI step per method, `{ error }` instead of a throw.
 */
export function createSignUpFuture(ctx: PluginContext, run: Step) {
  const discarded = new WeakSet<SignUp>();
  const target = createFlowTarget(() => ctx.kernel.client?.signUp);
  const peek = target.peek;
  const current = (): SignUp => {
    const resource = target.take();
    if (!resource) throw new ClerkRuntimeError('The sign-up is not available before clerk.load() finished.', { code: 'not_loaded' });
    return resource;
  };
  const field = <K extends keyof SignUp, F = null>(key: K, fallback: F = null as F) => (peek()?.[key] ?? fallback) as NonNullable<SignUp[K]> | F;
  /** Members the resource-members plugin adds to the kernel's SignUp (`null` without it). */
  const member = (key: 'locale' | 'timezone' | 'web3Wallet') => ((peek() as Record<string, unknown> | undefined)?.[key] as string | null | undefined) ?? null;

  return {
    get id() {
      return peek()?.id || undefined;
    },
    get status() {
      return peek()?.status || 'missing_requirements';
    },
    get requiredFields() {
      return field('requiredFields', []);
    },
    get optionalFields() {
      return field('optionalFields', []);
    },
    get missingFields() {
      return field('missingFields', []);
    },
    get unverifiedFields() {
      return field('unverifiedFields', []);
    },
    get username() {
      return field('username');
    },
    get firstName() {
      return field('firstName');
    },
    get lastName() {
      return field('lastName');
    },
    get emailAddress() {
      return field('emailAddress');
    },
    get phoneNumber() {
      return field('phoneNumber');
    },
    get hasPassword() {
      return !!peek()?.hasPassword;
    },
    get unsafeMetadata() {
      return field('unsafeMetadata', {});
    },
    get createdSessionId() {
      return field('createdSessionId');
    },
    get createdUserId() {
      return field('createdUserId');
    },
    get abandonAt() {
      return field('abandonAt');
    },
    get legalAcceptedAt() {
      return field('legalAcceptedAt');
    },
    get locale() {
      return member('locale');
    },
    get timezone() {
      return member('timezone');
    },
    get web3Wallet() {
      return member('web3Wallet');
    },
    get isTransferable() {
      return peek()?.verifications.externalAccount.status === 'transferable';
    },
    get protectCheck() {
      return peek()?.protectCheck ?? null;
    },
    get canBeDiscarded() {
      const signUp = peek();
      return !!signUp && discarded.has(signUp);
    },

    create: (params: SignUpParams) => run(() => current().create(params)),
    update: (params: SignUpParams) => run(() => current().update(params)),
    /** Creates the sign-up with a password, or adds the password to the one in progress. */
    password: (params: SignUpParams & { password: string }) =>
      run(() => (current().id ? current().update({ strategy: 'password', ...params }) : current().create({ strategy: 'password', ...params }))),
    ticket: (params?: { ticket?: string } & SignUpParams) =>
      run(() => {
        const ticket = params?.ticket ?? (typeof window !== 'undefined' ? new URL(window.location.href).searchParams.get('__clerk_ticket') : null);
        if (!ticket) throw new ClerkRuntimeError('signUp.ticket() needs a ticket (or a __clerk_ticket query parameter).', { code: 'missing_ticket' });
        return current().create({ ...params, strategy: 'ticket', ticket });
      }),
    verifications: {
      sendEmailCode: () => run(() => current().prepareVerification({ strategy: 'email_code' })),
      verifyEmailCode: ({ code }: { code: string }) => run(() => current().attemptVerification({ strategy: 'email_code', code })),
      sendPhoneCode: (params: { channel?: string } = {}) =>
        run(() => current().prepareVerification({ strategy: 'phone_code', channel: params.channel ?? 'sms' })),
      verifyPhoneCode: ({ code }: { code: string }) => run(() => current().attemptVerification({ strategy: 'phone_code', code })),
      sendEmailLink: ({ verificationUrl }: { verificationUrl: string }) =>
        run(() =>
          current().prepareVerification({
            strategy: 'email_link',
            redirectUrl: new URL(verificationUrl, typeof window !== 'undefined' ? window.location.href : undefined).href,
          }),
        ),
      waitForEmailLinkVerification: () =>
        run(async () => {
          const done = () => ['verified', 'expired'].includes(current().verifications.emailAddress.status ?? '');
          while (!done()) {
            await new Promise((resolve) => setTimeout(resolve, EMAIL_LINK_POLL_MS));
            await current().reload();
          }
        }),
      get emailAddress() {
        // The futures exist once loaded (compat.ts), so there is a client and its sign-up.
        return peek()!.verifications.emailAddress;
      },
      get phoneNumber() {
        // The futures exist once loaded (compat.ts), so there is a client and its sign-up.
        return peek()!.verifications.phoneNumber;
      },
      get web3Wallet() {
        // The futures exist once loaded (compat.ts), so there is a client and its sign-up.
        return peek()!.verifications.web3Wallet;
      },
      get externalAccount() {
        // The futures exist once loaded (compat.ts), so there is a client and its sign-up.
        return peek()!.verifications.externalAccount;
      },
      get emailLinkVerification() {
        return null;
      },
    },
    /** As `signIn.sso()`, for the sign-up. */
    sso: (params: FutureSsoParams & { emailAddress?: string; unsafeMetadata?: Record<string, unknown>; legalAccepted?: boolean }) =>
      run(() => startSso(ctx, 'signUp', current(), params)),
    /** Signs up with the wallet of `strategy` (the web3 plugin); `finalize()` activates the session. */
    web3: (params: { strategy: string; unsafeMetadata?: Record<string, unknown>; legalAccepted?: boolean; walletName?: string }) =>
      run(() => {
        const method = Object.values(WEB3_PROVIDERS).find(([strategy]) => strategy === params?.strategy)?.[1];
        if (!method)
          throw new ClerkRuntimeError(`signUp.web3(): strategy ${JSON.stringify(params?.strategy)} is not a wallet strategy.`, { code: 'invalid_params' });
        const { unsafeMetadata, legalAccepted, walletName } = params;
        return pluginMethod(current(), method, 'web3', 'signUp.web3()')({ unsafeMetadata, legalAccepted, walletName });
      }),
    // The protect plugin's member (ClerkJS's future runs the same PATCH …/protect_check).
    submitProtectCheck: (params: { proofToken: string }) => run(() => current().submitProtectCheck(params)),

    async finalize(params: { navigate?: FinalizeNavigate } = {}): Result {
      const signUp = current();
      const sessionId = signUp.createdSessionId;
      if (!sessionId) throw new ClerkRuntimeError('Cannot finalize a sign-up that has not created a session.', { code: 'no_created_session' });
      return run(async () => {
        const client = ctx.kernel.client!;
        if (!client.sessions.some((s) => s.id === sessionId)) await client.reload();
        discarded.add(signUp);
        const { navigate } = params;
        await ctx.kernel.setActive({
          session: sessionId,
          beforeEmit: navigate ? async (session) => void (session && (await navigate({ session, decorateUrl: (url) => url }))) : undefined,
        });
      });
    },
    reset(): Result {
      const client = ctx.kernel.client;
      if (!client) return Promise.reject(new ClerkRuntimeError('Cannot reset the sign-up before clerk.load() finished.', { code: 'not_loaded' }));
      const previous = peek();
      if (previous) discarded.add(previous);
      target.forget();
      client.signUp = new (client.signUp.constructor as typeof SignUp)(ctx.kernel.resources);
      ctx.kernel.emitResources();
      return Promise.resolve({ error: null });
    },
  };
}
