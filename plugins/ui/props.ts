/**
 * Props validation shared by every hosted component (through the kit; Google One Tap has its own): a
 * prop of the wrong kind is a coded `invalid_component_prop` error naming it. Only lazily loaded view
 * and flow modules import this file, so it costs nothing before the first mount.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import { isSafeUrl } from './routing.js';

/** What a prop may be: a boolean, a string, a URL (string or function), an object, an array, a function, or one of some strings. */
export type PropRule = 'boolean' | 'string' | 'url' | 'object' | 'array' | 'function' | readonly string[];

/** The props every hosted component accepts. */
export const hostedPropRules: Record<string, PropRule> = { routing: ['path', 'hash', 'virtual'], path: 'string', appearance: 'object' };

const DESCRIPTIONS: Record<string, string> = {
  boolean: 'true or false',
  string: 'a string',
  url: 'a safe URL or path (or a function returning one)',
  object: 'an object',
  array: 'an array',
  function: 'a function',
};

const describeRule = (rule: PropRule) => (typeof rule !== 'string' ? `one of ${rule.map((v) => `'${v}'`).join(', ')}` : DESCRIPTIONS[rule]);

const shown = (value: unknown) => {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function allows(rule: PropRule, value: unknown): boolean {
  if (typeof rule !== 'string') return rule.includes(value as string);
  if (rule === 'url') return typeof value === 'function' || value === '' || isSafeUrl(value);
  if (rule === 'object') return !!value && typeof value === 'object' && !Array.isArray(value);
  if (rule === 'array') return Array.isArray(value);
  return typeof value === rule;
}

/**
 * Throws a coded error naming the first prop whose value `rules` (with the hosted props' rules unless
 * `hosted` is false) does not allow. `undefined` and `null` mean "not given" (ClerkJS's types allow null for URLs).
 */
export function validateProps(component: string, props: object | null | undefined, rules: Record<string, PropRule>, hosted = true): void {
  const all = hosted ? { ...hostedPropRules, ...rules } : rules;
  for (const [name, rule] of Object.entries(all)) {
    const value = (props as Record<string, unknown> | null | undefined)?.[name];
    if (value === undefined || value === null || allows(rule, value)) continue;
    throw new ClerkRuntimeError(`<${component}/>: the \`${name}\` prop must be ${describeRule(rule)}, got ${shown(value)}.`, {
      code: 'invalid_component_prop',
    });
  }
}
