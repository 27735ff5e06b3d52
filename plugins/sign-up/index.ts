/**
 * The `sign-up` plugin: the `<SignUp/>` component (the fields the instance requires or allows,
 * password rules, email/phone code or email-link verification, the continue step, legal consent, social buttons) and
 * `mountSignUp` / `unmountSignUp` / `openSignUp` / `closeSignUp`. The component loads on first use.
 * @packageDocumentation
 */
import type {} from '../email-link/index.js';
import type {} from '../oauth/index.js';
import type {} from '../web3/index.js';
import { type ComponentMembers, defineComponentPlugin, type HostedProps } from '../ui/index.js';
import type { signUpStrings } from './strings.js';

export interface SignUpInitialValues {
  emailAddress?: string;
  phoneNumber?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

export interface SignUpProps extends HostedProps {
  /** Always go here after signing up (beats `redirect_url` in the page query). */
  forceRedirectUrl?: string | null;
  /** Go here after signing up when no force URL and no `redirect_url` query param is given. */
  fallbackRedirectUrl?: string | null;
  /** Where "Sign in" leads; default: the `signInUrl` load option, else the instance's sign-in URL. */
  signInUrl?: string;
  signInForceRedirectUrl?: string | null;
  signInFallbackRedirectUrl?: string | null;
  /** Prefills the form. */
  initialValues?: SignUpInitialValues;
  /** Stored on the new user as `unsafeMetadata`. */
  unsafeMetadata?: Record<string, unknown>;
  /** @deprecated Use `fallbackRedirectUrl` or `forceRedirectUrl`. */
  afterSignUpUrl?: string | null;
  /** @deprecated Legacy name of `afterSignUpUrl`. */
  afterSignUp?: string | null;
  /** @deprecated Legacy spelling of `signInUrl`. */
  signInURL?: string;
  /** @deprecated Use `fallbackRedirectUrl`. */
  redirectUrl?: string | null;
}

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'sign-up': ComponentMembers<'SignUp'>;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    SignUp: SignUpProps;
  }
  interface ComponentStrings {
    SignUp: typeof signUpStrings;
  }
}

export function signUpPlugin() {
  return defineComponentPlugin({
    name: 'sign-up',
    component: 'SignUp',
    // Completing a return from an OAuth/SSO provider, or an email link, is the oauth / email-link plugin's, when the instance has it.
    // Wallet buttons when the web3 plugin is composed and the instance enables web3 strategies.
    optionalDependsOn: ['oauth', 'email-link', 'web3'],
    load: (ctx) =>
      import('./view.js').then((view) => ({
        ...view,
        default: (kit) => view.default(kit, { oauth: ctx.find('oauth'), emailLink: ctx.find('email-link'), web3: ctx.find('web3') }),
      })),
  });
}
