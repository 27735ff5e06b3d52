/** Checks of `authenticateWithRedirect` / `authenticateWithPopup` input, loaded with the flow on first use. */
import type { AuthenticateWithRedirectParams, KernelInternals, SignIn } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';

const OAUTH = /^oauth_(custom_)?[a-z0-9_]+$/;

const fail = (message: string, code: string) => new ClerkRuntimeError(`authenticateWithRedirect(): ${message}`, { code });

/**
 * The parameters as FAPI gets them: `saml` (the older name) becomes `enterprise_sso`; an enterprise
 * SSO sign-in needs the email whose domain picks the connection (`identifier` or `emailAddress`),
 * unless it continues an attempt that has one; both return URLs must be ones the navigation plugin
 * would follow (`allowedRedirectOrigins`, no `javascript:`). Throws a coded error naming the argument.
 */
export function checkExternalParams(
  params: AuthenticateWithRedirectParams,
  flow: 'signIn' | 'signUp',
  nav: NavigationApi,
  current: SignIn | undefined,
): AuthenticateWithRedirectParams {
  if (!params || typeof params !== 'object') throw fail('params must be an object.', 'invalid_params');
  const strategy = params.strategy === 'saml' ? 'enterprise_sso' : params.strategy;
  if (typeof strategy !== 'string' || !(strategy === 'enterprise_sso' || OAUTH.test(strategy))) {
    throw fail(`strategy "${String(params.strategy)}" is not an OAuth strategy (oauth_<provider>) or enterprise_sso.`, 'invalid_strategy');
  }
  for (const name of ['redirectUrl', 'redirectUrlComplete'] as const) {
    const url = params[name];
    if (typeof url !== 'string' || !url) throw fail(`${name} is required (a URL string).`, 'invalid_redirect_url');
    if (!nav.isAllowedRedirect(url)) throw fail(`${name} "${url}" is not an allowed redirect (allowedRedirectOrigins, http(s) only).`, 'invalid_redirect_url');
  }
  const email = params.identifier ?? params.emailAddress;
  if (strategy === 'enterprise_sso') {
    const continuing = flow === 'signIn' ? params.continueSignIn && !!current?.id && !!current.identifier : params.continueSignUp;
    if ((typeof email !== 'string' || !email.trim()) && !continuing) {
      throw fail('enterprise_sso needs the email address whose domain selects the connection: pass `identifier` (or `emailAddress`).', 'missing_identifier');
    }
  }
  return flow === 'signIn' ? { ...params, strategy, identifier: email } : { ...params, strategy, emailAddress: email };
}

/** `clerk.authenticateWithRedirect()`: the sign-in's (or with `flow: 'signUp'`, the sign-up's) redirect, checked first. */
export function authenticateWithRedirect(
  kernel: KernelInternals,
  nav: NavigationApi,
  { flow, ...params }: AuthenticateWithRedirectParams & { flow?: 'signIn' | 'signUp' },
): Promise<void> {
  const client = kernel.client;
  if (!client) throw new ClerkRuntimeError('authenticateWithRedirect() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });
  const checked = checkExternalParams(params, flow ?? 'signIn', nav, client.signIn);
  return (flow === 'signUp' ? client.signUp : client.signIn).authenticateWithRedirect(checked);
}
