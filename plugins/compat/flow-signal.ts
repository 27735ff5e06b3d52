/** A flow's signal and its errors (ClerkJS's shape): lazily loaded with the futures (see futures.ts), as only a loaded instance reads them. */
import { ClerkRuntimeError, isClerkAPIResponseError, isClerkRuntimeError, type ClerkAPIError, type ClerkAPIResponseError } from '../../kernel/lazy-kit.js';
import type { SignalHub } from './signals.js';
import type { ClerkError } from '../waitlist/resource.js';

export interface FlowErrors<F extends string> {
  fields: Record<F, ClerkAPIError | null>;
  raw: unknown[] | null;
  /** ClerkJS's `ClerkGlobalHookError`s: the errors no field of the form takes. */
  global: ClerkGlobalHookError[] | null;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** ClerkJS's type guards on an error (`error.isClerkAPIResponseError()`), also callable with an argument. */
interface ErrorGuard<T> {
  (error: unknown): error is T;
  (this: unknown): this is T;
}

/** An entry of `errors.global` in ClerkJS's signals (and their steps' `error`): a ClerkError that says which kind it is. */
export interface ClerkGlobalHookError extends ClerkError {
  readonly isClerkAPIResponseError: ErrorGuard<ClerkAPIResponseError>;
  readonly isClerkRuntimeError: ErrorGuard<ClerkRuntimeError>;
}

const guard = <T>(test: (error: unknown) => boolean) =>
  function (this: unknown, ...args: unknown[]) {
    return test(args.length ? args[0] : this);
  } as ErrorGuard<T>;

/**
 * A caught error as ClerkJS's signals hand it over: microclerk's own errors get ClerkJS's `ClerkError`
 * fields and the two guards, in place; anything else becomes a `ClerkRuntimeError` (`unexpected_error`)
 * with it as the `cause`. (waitlist/resource.ts does the same without the guards: one module shared by
 * both chunks would be one more file to fetch.)
 */
export function toClerkError(error: unknown): ClerkGlobalHookError {
  const e = (
    isClerkAPIResponseError(error) || isClerkRuntimeError(error)
      ? error
      : new ClerkRuntimeError(error instanceof Error ? error.message : String(error), { code: 'unexpected_error', cause: error })
  ) as Error & { code?: string; longMessage?: string; docsUrl?: string };
  return Object.assign(e, {
    clerkError: true as const,
    code: e.code ?? 'api_response_error',
    longMessage: e.longMessage,
    docsUrl: e.docsUrl,
    cause: e.cause as Error | undefined,
    isClerkAPIResponseError: guard<ClerkAPIResponseError>(isClerkAPIResponseError),
    isClerkRuntimeError: guard<ClerkRuntimeError>(isClerkRuntimeError),
  });
}

/**
 * ClerkJS's `errors` of a signal: FAPI errors with a `meta.paramName` this form knows go to `fields`
 * (camelCased); an error without any field goes to `global`; every FAPI error is in `raw`.
 */
export function toFlowErrors<F extends string>(error: unknown, fieldNames: readonly F[]): FlowErrors<F> {
  const fields = Object.fromEntries(fieldNames.map((f) => [f, null])) as Record<F, ClerkAPIError | null>;
  const result: FlowErrors<F> = { fields, raw: null, global: null };
  if (!error) return result;
  const hasParam = (e: ClerkAPIError) => e.meta?.paramName !== undefined;
  if (!isClerkAPIResponseError(error) || !error.errors.some(hasParam)) {
    result.raw = [error];
    result.global = [toClerkError(error)];
    return result;
  }
  result.raw = [...error.errors];
  for (const e of error.errors) {
    const name = hasParam(e) ? camel(e.meta!.paramName!) : undefined;
    if (name && name in fields) fields[name as F] = e;
  }
  return result;
}

/** What a flow's signal returns: `{ errors, fetchStatus }` plus the resource under its key. */
export type FlowValue<K extends string, R, F extends string> = { errors: FlowErrors<F>; fetchStatus: 'idle' | 'fetching' } & { [P in K]: R };

/** Runs one step of a flow; resolves `{ error }` (null on success) instead of throwing. */
export type FlowStep = (step: () => Promise<unknown>) => Promise<{ error: ClerkGlobalHookError | null }>;

/**
 * One flow's signal (sign-in or sign-up). `build` receives `run`, which wraps each step as ClerkJS's
 * future methods do: `fetching` while it runs, its error in `errors`, `{ error }` instead of a throw.
 */
export function createFlowSignal<K extends string, R, F extends string>(hub: SignalHub, key: K, fieldNames: readonly F[], build: (run: FlowStep) => R) {
  let lastError: ClerkGlobalHookError | null = null;
  let fetchStatus: 'idle' | 'fetching' = 'idle';
  const run: FlowStep = async (step) => {
    fetchStatus = 'fetching';
    hub.changed();
    let error: ClerkGlobalHookError | null = null;
    try {
      await step();
    } catch (err) {
      error = toClerkError(err);
    }
    lastError = error;
    fetchStatus = 'idle';
    hub.changed();
    return { error };
  };
  const resource = build(run);
  return hub.computed(() => ({ errors: toFlowErrors(lastError, fieldNames), fetchStatus, [key]: resource }) as FlowValue<K, R, F>);
}
