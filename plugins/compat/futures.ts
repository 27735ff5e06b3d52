/** The v6 "future" flows and their signals, loaded during `load()` rather than with the initial bundle (see compat.ts). */
import type { PluginContext } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { JoinWaitlistParams, Waitlist } from '../waitlist/index.js';
import { createFlowSignal } from './flow-signal.js';
import { createSignInFuture } from './sign-in-future.js';
import { createSignUpFuture } from './sign-up-future.js';
import type { SignalHub } from './signals.js';
import { createWaitlistFuture } from './waitlist-future.js';

export const SIGN_IN_FIELDS = ['identifier', 'password', 'code'] as const;
export const SIGN_UP_FIELDS = ['firstName', 'lastName', 'emailAddress', 'phoneNumber', 'password', 'username', 'code', 'captcha', 'legalAccepted'] as const;

/** The signals `clerk.__internal_state` hands out, each created on its first read. */
export const signInFlow = (hub: SignalHub, ctx: PluginContext) => createFlowSignal(hub, 'signIn', SIGN_IN_FIELDS, (run) => createSignInFuture(ctx, run));
export const signUpFlow = (hub: SignalHub, ctx: PluginContext) => createFlowSignal(hub, 'signUp', SIGN_UP_FIELDS, (run) => createSignUpFuture(ctx, run));
export const waitlistFlow = (hub: SignalHub, join: (params: JoinWaitlistParams) => Promise<Waitlist>) =>
  createFlowSignal(hub, 'waitlist', ['emailAddress'], (run) => createWaitlistFuture(join, run));

/** `__internal_waitlist`: the waitlist future, which only the waitlist plugin provides. */
export function present<T>(waitlist: T | null): T {
  if (!waitlist) throw new ClerkRuntimeError('clerk.__internal_state.__internal_waitlist needs the waitlist plugin.', { code: 'plugin_missing' });
  return waitlist;
}
