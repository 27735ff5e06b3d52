/**
 * The `sign-in` plugin: the `<SignIn/>` component (identifier, password, email/phone code, email link,
 * reset password, second factor, social buttons) and `mountSignIn` / `unmountSignIn` / `openSignIn` /
 * `closeSignIn`. The component itself is loaded on the first mount or open.
 * @packageDocumentation
 */
import type {} from '../oauth/index.js';
import type {} from '../email-link/index.js';
import type {} from '../web3/index.js';
import type {} from '../passkeys/passkeys.js';
import { type ComponentMembers, defineComponentPlugin, type HostedProps } from '../ui/index.js';
import type { signInStrings } from './strings.js';

export interface SignInInitialValues {
  emailAddress?: string;
  phoneNumber?: string;
  username?: string;
}

export interface SignInProps extends HostedProps {
  /** Always go here after signing in (beats `redirect_url` in the page query). */
  forceRedirectUrl?: string | null;
  /** Go here after signing in when no force URL and no `redirect_url` query param is given. */
  fallbackRedirectUrl?: string | null;
  /** Where "Sign up" leads; default: the `signUpUrl` load option, else the instance's sign-up URL. */
  signUpUrl?: string;
  /** Passed on to `<SignUp/>` when the user switches to it in a modal. */
  signUpForceRedirectUrl?: string | null;
  signUpFallbackRedirectUrl?: string | null;
  /** Prefills the identifier. */
  initialValues?: SignInInitialValues;
  /** @deprecated Use `fallbackRedirectUrl` or `forceRedirectUrl`. */
  afterSignInUrl?: string | null;
  /** @deprecated Legacy name of `afterSignInUrl`. */
  afterSignIn?: string | null;
  /** @deprecated Legacy spelling of `signUpUrl`. */
  signUpURL?: string;
  /** @deprecated Use `fallbackRedirectUrl`. */
  redirectUrl?: string | null;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'sign-in': ComponentMembers<'SignIn'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    SignIn: SignInProps;
  }
  interface ComponentStrings {
    SignIn: typeof signInStrings;
  }
}

export function signInPlugin() {
  return defineComponentPlugin({
    name: 'sign-in',
    component: 'SignIn',
    // Completing a return from an OAuth/SSO provider is the oauth plugin's, an email link's landing the
    // email-link plugin's, when the instance has them; wallet buttons the web3 plugin's; passkey sign-in
    // the passkeys plugin's (when the instance enables passkeys).
    optionalDependsOn: ['oauth', 'email-link', 'web3', 'passkeys'],
    // The view finds them itself (smaller than naming each here, in the initial bundle).
    load: (ctx) => import('./view.js').then((view) => ({ ...view, default: (kit) => view.default(kit, ctx) })),
  });
}
