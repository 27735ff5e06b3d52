/**
 * Localization machinery: the English dictionary is the shared strings plus every loaded component's
 * strings; the app's `localization` option is deep-merged over it for each render.
 */
import type { ClerkAPIError } from '../../kernel/index.js';
import { sharedStrings } from './strings.js';

/** A (partial) strings tree: leaves are strings, `{{name}}` marks a value. */
export type Dict = { [key: string]: string | Dict };

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

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
}

export function createTranslator(dict: Dict): Translator {
  const lookup = (key: string): unknown => key.split('.').reduce<any>((node, part) => node?.[part], dict);
  const t = (key: string, vars?: Record<string, unknown>) => {
    const text = lookup(key);
    return typeof text === 'string' ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars?.[name] ?? '')) : key;
  };
  return {
    t,
    errorText(error) {
      const param = error.meta?.paramName;
      for (const key of [param && `unstable__errors.${error.code}__${param}`, `unstable__errors.${error.code}`]) {
        if (key && typeof lookup(key) === 'string') return t(key);
      }
      return error.longMessage || error.message || t('unstable__errors.unknown');
    },
  };
}
