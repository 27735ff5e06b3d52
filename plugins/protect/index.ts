/**
 * The protect plugin: Clerk Protect (bot protection) as ClerkJS 6.40 has it, for custom flows. The
 * Protect assertion (`protectAssertion` load option, `clerk.setProtectAssertion()`) rides on every
 * sign-in and sign-up request as the form field `__clerk_protect_assertion`; `signIn.protectCheck` /
 * `signUp.protectCheck` carry a pending mid-flow challenge (`protect_check`, null when none) and
 * `submitProtectCheck({ proofToken })` answers it (`PATCH …/protect_check`). A gated sign-in has status
 * `needs_protect_check`; a gated sign-up lists `protect_check` in `missingFields`. The full preset
 * composes it; a headless app adds `protectPlugin()` to its plugin list.
 * @packageDocumentation
 */
import { defineLazyMethods, definePlugin, invalidArgument, SignIn, SignUp, type FapiRequest, type JSONObject } from '../../kernel/index.js';

/**
 * Returns the assertion for the next sign-in or sign-up request, or undefined for none. Called per
 * request; a throw or a rejection counts as undefined (an assertion never prevents a sign-in).
 */
export type ProtectAssertionResolver = () => string | undefined | Promise<string | undefined>;
/** A Protect assertion your backend minted: the token itself, or a function re-read for each request. */
export type ProtectAssertion = string | ProtectAssertionResolver;

/** ClerkJS's `ProtectCheckResource`: a pending challenge to run with the SDK at `sdkUrl`. */
export interface ProtectCheck {
  status: 'pending';
  /** Opaque challenge token: pass it to the challenge SDK unchanged. */
  token: string;
  /** The challenge SDK (an ES module whose default export runs the challenge and resolves with the proof token). */
  sdkUrl: string;
  /** Epoch milliseconds after which the challenge can no longer be completed. */
  expiresAt?: number;
  /** Presentation hints for the SDK, as FAPI sent them. */
  uiHints?: Record<string, string>;
}

/** The members this plugin adds to SignIn and SignUp. */
export interface ProtectCheckMembers {
  /** The pending Protect challenge (`protect_check`), or null. */
  protectCheck: ProtectCheck | null;
  /** Answers the pending challenge with the SDK's proof token; the resource may carry the next (chained) challenge. */
  submitProtectCheck(params: { proofToken: string }): Promise<this>;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../kernel/resources/sign-in.js' {
  interface SignIn extends ProtectCheckMembers {}
}
declare module '../../kernel/resources/sign-up.js' {
  interface SignUp extends ProtectCheckMembers {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */

declare module '../../kernel/types.js' {
  interface KernelLoadOptions {
    /** A Clerk Protect assertion sent with sign-in and sign-up requests (read by the protect plugin); `setProtectAssertion()` replaces it. */
    protectAssertion?: ProtectAssertion;
  }
}

export interface ProtectApi {
  /**
   * Sets the assertion sent with later sign-in and sign-up requests, replacing the `protectAssertion`
   * load option; `undefined` clears it (the option too). A function is called for each request.
   */
  setProtectAssertion(assertion?: ProtectAssertion): void;
}

type Hydrating = { hydrate(this: Hydrating & { protectCheck: ProtectCheck | null }, json: JSONObject): void };
for (const proto of [SignIn.prototype, SignUp.prototype] as unknown as Hydrating[]) {
  const hydrate = proto.hydrate;
  // ClerkJS's shape: `expires_at` stays epoch ms and `ui_hints` as sent (the kernel would make a Date and camelCase keys); none is null.
  proto.hydrate = function (json) {
    hydrate.call(this, json);
    const check = json.protect_check as JSONObject | null | undefined;
    this.protectCheck = check ? { ...this.protectCheck!, expiresAt: check.expires_at as number, uiHints: check.ui_hints as Record<string, string> } : null;
  };
  defineLazyMethods(proto, 'submitProtectCheck', () => import('./bodies.js'));
}

export function protectPlugin() {
  return definePlugin({
    name: 'protect',
    setup(ctx): ProtectApi {
      // Set by setProtectAssertion (`[value]`, which replaces the load option even when undefined).
      let set: [ProtectAssertion | undefined] | undefined;
      const { fapi } = ctx.kernel;
      const send = fapi.request;
      // Every request of the instance passes here; with an assertion configured, bodies.ts adds it to sign-in/sign-up mutations.
      fapi.request = async <T>(req: FapiRequest, isRetry?: boolean): Promise<T> => {
        const current = set ? set[0] : ctx.loadOptions.protectAssertion;
        return send<T>(current === undefined ? req : await (await import('./bodies.js')).withAssertion(req, current), isRetry);
      };
      return {
        setProtectAssertion(next) {
          if (next !== undefined && typeof next != 'string' && typeof next != 'function')
            throw invalidArgument('setProtectAssertion()', 'expected a string or a function', next);
          set = [next];
        },
      };
    },
  });
}
