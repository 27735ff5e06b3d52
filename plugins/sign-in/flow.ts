/** The sign-in flow's moves, shared by its steps: the next step for a sign-in's status, and OAuth. */
import type { SignIn } from '../../kernel/index.js';
import { ClerkRuntimeError, isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { OAuthApi } from '../oauth/index.js';
import type { AuthFlow, HostContextValue } from '../ui/index.js';
import type { SignInProps } from './index.js';

export type SignInFlow = AuthFlow<SignInProps>;

/** Every step reads the sign-in in progress from the client, so deep links survive a reload. */
export const current = (host: HostContextValue) => host.clerk.client!.signIn as SignIn;

export const POLL_MS = 2000;
export const FIRST_FACTORS = ['password', 'email_code', 'phone_code', 'email_link'];
export const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** The localization key of a strategy (`email_code` → `emailCode`; both reset codes → `resetPassword`). */
export const factorKey = (strategy: string) => camel(strategy.replace(/^reset_password_(email|phone)_code$/, 'reset_password'));

/** Moves to the step the sign-in's status asks for, or activates the session when complete. */
export function proceed(flow: SignInFlow, signIn: SignIn): Promise<void> {
  const { host } = flow;
  switch (signIn.status) {
    case 'complete':
      return host.finish(signIn.createdSessionId, flow.afterAuthUrl('signIn'));
    case 'needs_first_factor':
      return host.navigate('factor-one');
    case 'needs_second_factor':
      return host.navigate('factor-two');
    case 'needs_new_password':
      return host.navigate('reset-password');
    case 'needs_protect_check':
      return host.navigate('protect-check');
    default:
      return host.navigate('');
  }
}

/** An auth page's URL carrying an invitation link's ticket on to the other component. */
export function withTicket(page: string, ticket: string, status: 'sign_in' | 'sign_up'): string {
  const url = new URL(page, location.href);
  url.searchParams.set('__clerk_ticket', ticket);
  url.searchParams.set('__clerk_status', status);
  return url.href;
}

/** Where a provider returns to: this component's `sso-callback` step (on the sign-in page when routing is virtual). */
const ssoCallbackUrl = ({ host, authUrl }: SignInFlow) =>
  host.routing === 'virtual' ? `${new URL(authUrl('signIn'), location.href).href.split('#')[0]}#/sso-callback` : host.stepUrl('sso-callback');

/** An identifier on an enterprise connection's domain: FAPI offers that connection and nothing else (one connection, as ClerkJS redirects). */
export const enterpriseSsoOnly = (signIn: SignIn) =>
  (signIn.status === 'needs_first_factor' || signIn.status === 'needs_identifier') &&
  !!signIn.supportedFirstFactors?.length &&
  signIn.supportedFirstFactors.every((f) => f.strategy === 'enterprise_sso') &&
  new Set(signIn.supportedFirstFactors.map((f) => f.enterpriseConnectionId)).size === 1;

/** The connections an identifier's domain offers, when it offers several (ClerkJS then shows its chooser). */
export function enterpriseChoices(signIn: SignIn): Array<{ id: string; name: string }> {
  const factors = (signIn.supportedFirstFactors ?? []).filter((f) => f.strategy === 'enterprise_sso' && typeof f.enterpriseConnectionId === 'string');
  const choices = factors.map((f) => ({ id: String(f.enterpriseConnectionId), name: String(f.enterpriseConnectionName ?? f.enterpriseConnectionId) }));
  return new Set(choices.map((c) => c.id)).size > 1 ? choices : [];
}

/** Straight to the identity provider (a full page load), continuing the sign-in that holds the identifier; `connectionId` picks one of several. */
export function startEnterpriseSso(flow: SignInFlow, oauth: OAuthApi | undefined, connectionId?: string) {
  if (!oauth) throw new ClerkRuntimeError('Enterprise SSO needs the oauth plugin (oauthPlugin()).', { code: 'not_available_in_preset' });
  return oauth.authenticateWithRedirect({
    strategy: 'enterprise_sso',
    redirectUrl: ssoCallbackUrl(flow),
    redirectUrlComplete: flow.afterAuthUrl('signIn'),
    continueSignIn: true,
    ...(connectionId ? { enterpriseConnectionId: connectionId } : {}),
  });
}

/** A passkey error as text: FAPI's own message, else the localized code (cancelled, not supported…). */
export function passkeyErrorText(host: HostContextValue, error: unknown): string {
  if (isClerkAPIResponseError(error)) return host.errorText(error.errors[0]);
  const code = isClerkRuntimeError(error) ? error.code : undefined;
  const text = code ? host.t(`unstable__errors.${code}`) : '';
  return text && text !== `unstable__errors.${code}` ? text : host.t('unstable__errors.unknown');
}

/** Starts the OAuth redirect: FAPI answers with the provider URL, which must be http(s). */
export async function startOAuth(flow: SignInFlow, strategy: string) {
  const { host } = flow;
  const signIn = await current(host).create({ strategy, redirectUrl: ssoCallbackUrl(flow), actionCompleteRedirectUrl: flow.afterAuthUrl('signIn') });
  await host.redirectExternal(signIn.firstFactorVerification.externalVerificationRedirectURL);
}
