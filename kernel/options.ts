import * as z from 'zod/v4/core';
import { ClerkRuntimeError } from './errors.js';

export type InstanceType = 'production' | 'development';

/** What a publishable key says: `pk_test_|pk_live_` + base64("<frontend API host>$"). */
export interface PublishableKeyInfo {
  instanceType: InstanceType;
  frontendApi: string;
}

export function parsePublishableKey(key: unknown): PublishableKeyInfo {
  const fail = (why: string): never => {
    throw new ClerkRuntimeError(
      `Invalid publishableKey: ${why}. Expected "pk_test_" or "pk_live_" followed by the base64 of your Frontend API host and "$" (find it in the Clerk dashboard, or in the emulator's output).`,
      { code: 'invalid_publishable_key' },
    );
  };
  if (typeof key !== 'string' || !key) return fail(`got ${key === '' ? 'an empty string' : typeof key}`);
  const parts = key.split('_');
  if (parts.length !== 3 || parts[0] !== 'pk' || (parts[1] !== 'test' && parts[1] !== 'live')) {
    return fail(`"${key.slice(0, 12)}…" does not start with pk_test_ or pk_live_`);
  }
  let decoded: string;
  try {
    decoded = atob(parts[2]);
  } catch {
    return fail('its last part is not base64');
  }
  if (!decoded.endsWith('$') || decoded.indexOf('$') !== decoded.length - 1) return fail('the decoded host must end with a single "$"');
  const frontendApi = decoded.slice(0, -1);
  if (!frontendApi.includes('.')) return fail(`"${frontendApi}" is not a host name`);
  return { instanceType: parts[1] === 'live' ? 'production' : 'development', frontendApi };
}

/** Builds a publishable key for a Frontend API host (the emulator and tests use it). */
export function buildPublishableKey(frontendApi: string, instanceType: InstanceType = 'development'): string {
  return `pk_${instanceType === 'production' ? 'live' : 'test'}_${btoa(`${frontendApi}$`).replace(/=+$/, '')}`;
}

/**
 * The check of one option: any zod schema, zod/mini's or classic zod's (a plugin may pass `z.string()`).
 * The kernel's own are zod core `custom` checks, without zod/mini's method layer (~0.4 KB min+brotli of
 * every bundle). An options schema is a plain object of them, one per key: zod's object schema alone
 * would add ~1.5 KB min+brotli to every bundle for a walk over keys.
 */
export type OptionSchema<T = unknown> = z.$ZodType<T>;
/** The options a plugin (or the kernel) reads: one {@link OptionSchema} per key; unknown keys pass through. */
export type OptionsSchema = Readonly<Record<string, OptionSchema>>;
/** The options an {@link OptionsSchema} accepts: every key optional. */
export type OptionsOf<S> = { [K in keyof S]?: S[K] extends OptionSchema<infer T> ? T : never };

/** An option that passes `test` when it is given (`undefined` means "not set"); `expected` names what was wanted. */
export const optionalOption = <T>(test: (v: unknown) => boolean, expected: string): OptionSchema<T> =>
  // The def `z._custom()` would build, without its params normalizer (and that one's message) in every bundle.
  new z.$ZodCustom({ type: 'custom', check: 'custom', fn: test, abort: true, error: () => `expected ${expected}` }) as OptionSchema<T>;
const custom = optionalOption;
/** `test` for an option that is a string, or null meaning "not set" (as ClerkJS's types allow). */
export const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
export const isBoolean = (v: unknown) => typeof v === 'boolean';
const isFunction = (v: unknown) => typeof v === 'function';
const urlOrUrlFn = (what: string) =>
  custom<string | ((url: URL) => string)>((v) => typeof v === 'string' || isFunction(v), `${what} or a function of the current URL`);

export const constructorOptionsSchema = {
  proxyUrl: urlOrUrlFn('an absolute http(s) URL or a path starting with "/"'),
  domain: urlOrUrlFn('a domain name'),
  requestTimeout: custom<number>((v) => typeof v === 'number' && v > 0 && v <= 2 ** 31 - 1, 'a positive number of milliseconds'),
} satisfies OptionsSchema;

export interface ClerkConstructorOptions {
  /** Proxy for Frontend API requests: absolute http(s) URL, a path on this origin, or a function of the page URL. */
  proxyUrl?: string | ((url: URL) => string);
  /** The satellite or custom domain of this instance, or a function of the page URL. */
  domain?: string | ((url: URL) => string);
  /**
   * Milliseconds each Frontend API request may take, response body included, before it is abandoned
   * with a `request_timeout` ClerkRuntimeError. Default 15 000.
   */
  requestTimeout?: number;
}

/** Load options the kernel itself reads; plugins add their own schemas. Unknown keys pass through. */
export const kernelLoadOptionsSchema = {
  selectInitialSession: custom<(client: never) => unknown>(isFunction, 'a function (client) => session | null'),
  standardBrowser: custom<boolean>(isBoolean, 'a boolean'),
  isSatellite: custom<boolean | ((url: URL) => boolean)>((v) => typeof v === 'boolean' || isFunction(v), 'a boolean or a function of the current URL'),
  sdkMetadata: custom<{ name: string; version: string; environment?: string }>(
    (v) => !!v && typeof (v as { name?: unknown }).name === 'string' && typeof (v as { version?: unknown }).version === 'string',
    '{ name, version }',
  ),
} satisfies OptionsSchema;

/** What zod reports of a failed check, as far as the message needs it. */
interface OptionIssue {
  message?: string;
  expected?: string;
  path?: PropertyKey[];
  inst?: { _zod: { def: { error?: (issue: OptionIssue) => string | { message?: string } | undefined } } };
}

/** The problem `value` has for `check` (null: none). zod runs the check; its error map is skipped (~0.3 KB min+brotli in every bundle), so the message is the check's own `error`, else what it expected. */
function optionProblem(check: OptionSchema, value: unknown): string | null {
  const result = check._zod.run({ value, issues: [] }, {});
  // A plugin's async check cannot run in the synchronous constructor or before load() reads the option.
  if (result instanceof Promise) return 'an asynchronous check cannot validate an option';
  const issue = result.issues[0] as OptionIssue | undefined;
  if (!issue) return null;
  const custom = issue.message ?? issue.inst?._zod.def.error?.(issue);
  const text = (typeof custom === 'object' ? custom?.message : custom) ?? `expected ${issue.expected ?? 'a valid value'}`;
  return issue.path?.length ? `${issue.path.join('.')}: ${text}` : text;
}

/**
 * Validates the keys of `input` that `schema` names and throws one ClerkRuntimeError naming every bad
 * field. `where` is the call that received the input, e.g. "clerk.load()".
 */
export function parseOptions<S extends OptionsSchema>(schema: S, input: unknown, where: string): OptionsOf<S> {
  const options = (input ?? {}) as Record<string, unknown>;
  const problems =
    typeof options === 'object'
      ? Object.keys(schema).flatMap((key) => {
          const problem = options[key] === undefined ? null : optionProblem(schema[key], options[key]);
          return problem ? [`"${key}": ${problem}`] : [];
        })
      : [`"(options)": expected an object`];
  if (problems.length) throw new ClerkRuntimeError(`Invalid options passed to ${where}: ${problems.join('; ')}`, { code: 'invalid_options' });
  return options as OptionsOf<S>;
}

/** Resolves proxyUrl (absolute or path) against the page; the result has no trailing slash. */
export function resolveProxyUrl(value: string | ((url: URL) => string) | undefined, pageUrl: URL | undefined): string | undefined {
  const raw = typeof value === 'function' ? (pageUrl ? value(pageUrl) : undefined) : value;
  if (!raw) return undefined;
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    if (!pageUrl) {
      throw new ClerkRuntimeError(`Invalid proxyUrl "${raw}": a relative proxyUrl needs a page URL (window.location).`, {
        code: 'invalid_options',
      });
    }
    return `${pageUrl.origin}${raw}`.replace(/\/+$/, '');
  }
  if (/^https?:\/\/[^/]/i.test(raw)) return raw.replace(/\/+$/, '');
  throw new ClerkRuntimeError(`Invalid proxyUrl "${raw}": expected an absolute http(s) URL or a path starting with "/".`, { code: 'invalid_options' });
}

export function resolveDomain(value: string | ((url: URL) => string) | undefined, pageUrl: URL | undefined): string {
  const raw = typeof value === 'function' ? (pageUrl ? value(pageUrl) : '') : (value ?? '');
  return raw.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
