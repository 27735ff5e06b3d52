/**
 * Localization machinery: the English dictionary is the shared strings plus every loaded component's
 * strings; the app's `localization` option is deep-merged over it for each render.
 */
import type { ClerkAPIError } from '../../kernel/index.js';
import { sharedStrings } from './strings.js';

/** A (partial) strings tree: leaves are strings, `{{name}}` marks a value. */
export type Dict = { [key: string]: string | Dict };

export const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `override` over `base`, recursively; only string leaves count (never HTML, never functions). */
export function deepMerge<T extends Dict>(base: T, override: unknown): T {
  if (!isObject(override)) return base;
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (typeof value === 'string') out[key] = value;
    else if (isObject(value)) out[key] = deepMerge((isObject(out[key]) ? out[key] : {}) as Dict, value);
  }
  return out as T;
}

/** The English strings of the host and of each component whose view module has loaded. */
export function createDictionary() {
  let english: Dict = sharedStrings as unknown as Dict;
  return {
    /** Adds a component's strings (once, when its view module loads). */
    add(strings: Dict | undefined) {
      if (strings) english = deepMerge(english, strings);
    },
    /** English with the app's `localization` over it. */
    localized: (localization: unknown) => deepMerge(english, localization),
  };
}

export interface Translator {
  /** Localized string for `key` (dot path), `{{name}}` replaced from `vars`; the key itself when missing. */
  t(key: string, vars?: Record<string, unknown>): string;
  /** A FAPI error as localized text: `unstable__errors.<code>__<param>`, `unstable__errors.<code>`, else its long message. */
  errorText(error: ClerkAPIError): string;
  /** The localization's `locale` (e.g. `fr-FR` for `frFR`); undefined means the browser's. */
  locale: string | undefined;
}

/** Date formats of Clerk's localization modifiers (`{{ date | shortDate('fr-FR') }}`). */
const DATE_FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  shortDate: { month: 'short', day: 'numeric', year: 'numeric' },
  longDate: { month: 'long', day: 'numeric', year: 'numeric' },
  numeric: { month: 'numeric', day: 'numeric', year: 'numeric' },
  timeString: { hour: '2-digit', minute: '2-digit' },
};

/** One `name(args)` modifier of a `{{ value | modifier }}` placeholder, applied to `value`. */
function applyModifier(value: unknown, modifier: string, locale: string | undefined): unknown {
  const [, name = '', rawArgs = ''] = /^(\w+)\s*(?:\((.*)\))?$/.exec(modifier.trim()) ?? [];
  const args = [...rawArgs.matchAll(/(["'])(.*?)\1/g)].map((m) => m[2]);
  if (name === 'titleize')
    return String(value ?? '').replace(/(^|[\s_-])(\p{L})/gu, (_, sep: string, c: string) => (sep === '_' ? ' ' : sep) + c.toUpperCase());
  // `{{ termsOfServiceLink || link("Terms") }}`: our strings are text only, so a link is its label.
  if (name === 'link') return args[0] ?? '';
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return value;
  const format = name === 'weekday' ? { weekday: (args[1] ?? 'long') as 'long' } : DATE_FORMATS[name];
  return format ? new Intl.DateTimeFormat(args[0] || locale, format).format(date) : value;
}

/** The text of one placeholder: `name`, `name | modifier(...) | …`, or `name || fallback(...)`. */
function placeholderText(expression: string, vars: Record<string, unknown>, locale: string | undefined): string {
  const [main = '', fallback] = expression.split('||');
  const [name = '', ...modifiers] = main.split('|').map((part) => part.trim());
  let value = vars[name];
  if ((value === undefined || value === null || value === '') && fallback) return String(applyModifier(undefined, fallback, locale) ?? '');
  for (const modifier of modifiers) value = applyModifier(value, modifier, locale);
  return value === undefined || value === null ? '' : String(value);
}

/**
 * A translator over `dict`. `defaults` are values every string may use (Clerk's localizations write
 * `{{applicationName}}` in strings whose English needs no value); a call's `vars` win over them.
 */
export function createTranslator(dict: Dict, defaults: Record<string, unknown> = {}): Translator {
  const lookup = (key: string): unknown => key.split('.').reduce<any>((node, part) => node?.[part], dict);
  const locale = typeof dict.locale === 'string' ? dict.locale : undefined;
  const t = (key: string, vars?: Record<string, unknown>) => {
    const text = lookup(key);
    if (typeof text !== 'string') return key;
    const values = { ...defaults, ...vars };
    return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => placeholderText(expression, values, locale));
  };
  return {
    t,
    locale,
    errorText(error) {
      const param = error.meta?.paramName;
      for (const key of [param && `unstable__errors.${error.code}__${param}`, `unstable__errors.${error.code}`]) {
        if (key && typeof lookup(key) === 'string') return t(key);
      }
      return error.longMessage || error.message || t('unstable__errors.unknown');
    },
  };
}
