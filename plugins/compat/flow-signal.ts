/** A flow's signal and its errors (ClerkJS's shape): lazily loaded with the futures (see futures.ts), as only a loaded instance reads them. */
import { isClerkAPIResponseError, type ClerkAPIError } from '../../kernel/lazy-kit.js';
import type { SignalHub } from './signals.js';
import { toClerkError, type ClerkGlobalHookError } from '../waitlist/resource.js';

export interface FlowErrors<F extends string> {
  fields: Record<F, ClerkAPIError | null>;
  raw: unknown[] | null;
  /** ClerkJS's `ClerkGlobalHookError`s: the errors no field of the form takes. */
  global: ClerkGlobalHookError[] | null;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

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
