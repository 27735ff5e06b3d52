/**
 * Appearance → element props: stable `cl-<name>` classes, the app's classes and styles, CSS variables on
 * the root box. Reads Clerk's appearance objects as they are, `@clerk/themes` included: both generations
 * of variable names, themes built on themes, and `&:hover`-style selectors inside element styles.
 */
import type { Appearance, AppearanceLayout, AppearanceVariables, ComponentAppearanceKey, Theme } from './appearance.js';
import { isObject } from './localization.js';
import { stylesheet } from './styles.js';

type Style = Record<string, string | number>;
export type ElementProps = { class: string; style?: Style };

/** Each variable (both of Clerk's names where it has two) → the custom property the sheet reads. */
const VARIABLES: Partial<Record<keyof AppearanceVariables, string>> = {
  colorPrimary: '--cl-primary',
  colorTextOnPrimaryBackground: '--cl-on-primary',
  colorPrimaryForeground: '--cl-on-primary',
  colorText: '--cl-text',
  colorForeground: '--cl-text',
  colorTextSecondary: '--cl-text2',
  colorMutedForeground: '--cl-text2',
  colorBackground: '--cl-bg',
  colorInputBackground: '--cl-input-bg',
  colorInput: '--cl-input-bg',
  colorInputText: '--cl-input-text',
  colorInputForeground: '--cl-input-text',
  colorNeutral: '--cl-neutral',
  colorBorder: '--cl-border',
  colorRing: '--cl-ring',
  colorModalBackdrop: '--cl-backdrop',
  colorDanger: '--cl-danger',
  colorSuccess: '--cl-success',
  colorWarning: '--cl-warning',
  fontFamily: '--cl-font',
  fontSize: '--cl-size',
  borderRadius: '--cl-radius',
  spacingUnit: '--cl-space',
  spacing: '--cl-space',
};

/** The `'simple'` base theme: the root box's `cl-simple` class, which the sheet reads to drop decoration. */
const SIMPLE: Theme = { elements: { rootBox: 'cl-simple' } };

/** A theme's own base themes first (recursively), then the theme; `'clerk'` (the default look) adds nothing. */
function flatten(theme: unknown): Theme[] {
  if (Array.isArray(theme)) return theme.flatMap(flatten);
  if (theme === 'simple') return [SIMPLE];
  if (!isObject(theme)) return [];
  return [...flatten(theme.baseTheme), ...flatten(theme.theme), theme as Theme];
}

/**
 * Theme layers in order of increasing priority: the `load()` appearance (its themes first), its
 * per-component entry (`appearance.signIn`), then the component's `appearance` prop.
 */
function layers(global: Appearance | undefined, componentKey: ComponentAppearanceKey | undefined, local: Appearance | undefined): Theme[] {
  return [...flatten(global), ...flatten(componentKey ? global?.[componentKey] : undefined), ...flatten(local)];
}

const kebab = (property: string) => (property.startsWith('--') ? property : property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
/** A value that cannot end the declaration or the rule it is written into. */
const safeValue = (v: unknown): v is string | number => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && !/[{};<>]/.test(v));

/** Rules already added for nested selectors, by their generated class. */
const selectorRules = new Set<string>();

/**
 * `&:hover`-style entries of an element style become rules of the shared sheet under a class derived
 * from their text (inline styles cannot express states); returns that class, or '' when there are none.
 */
function selectorClass(style: Record<string, unknown>): string {
  const rules: string[] = [];
  for (const [selector, declarations] of Object.entries(style)) {
    if (!selector.startsWith('&') || !isObject(declarations) || /[{};<>]/.test(selector)) continue;
    const body = Object.entries(declarations)
      .filter(([, v]) => safeValue(v))
      .map(([p, v]) => `${kebab(p)}:${v}`)
      .join(';');
    if (body) rules.push(`${selector}{${body}}`);
  }
  if (!rules.length) return '';
  const text = rules.join('');
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33) ^ text.charCodeAt(i);
  const cls = `cl-x${(hash >>> 0).toString(36)}`;
  if (!selectorRules.has(cls)) {
    selectorRules.add(cls);
    stylesheet.add(rules.map((rule) => `.${cls}${rule.slice(1)}`).join('\n'));
  }
  return cls;
}

/** `appearance.signIn` is the entry of the `SignIn` component. */
const componentKey = (name: string | undefined) => (name ? ((name[0]!.toLowerCase() + name.slice(1)) as ComponentAppearanceKey) : undefined);

/** The element styler and layout of one render root, from the `load()` appearance and the component's own. */
export function createTheme(global: Appearance | undefined, local: Appearance | undefined, component?: string) {
  const themeLayers = layers(global, componentKey(component), local);
  /** Class (`cl-<name>`, `cl-<name>__<variant>`, appearance classes) and style for an element. */
  function el(name: string, variant?: string): ElementProps {
    const keys = variant ? [name, `${name}__${variant}`] : [name];
    let cls = keys.map((k) => `cl-${k}`).join(' ');
    let style: Style | undefined;
    for (const layer of themeLayers) {
      for (const key of keys) {
        const extra = layer.elements?.[key];
        if (typeof extra === 'string') cls += ` ${extra}`;
        else if (isObject(extra)) {
          for (const [property, value] of Object.entries(extra)) if (!property.startsWith('&') && safeValue(value)) style = { ...style, [property]: value };
          const states = selectorClass(extra);
          if (states) cls += ` ${states}`;
        }
      }
    }
    // Variables become CSS custom properties on the root box; every rule of the sheet reads them.
    if (name === 'rootBox') {
      for (const layer of themeLayers) {
        const variables = layer.variables ?? {};
        for (const [variable, cssName] of Object.entries(VARIABLES)) {
          const given = variables[variable as keyof AppearanceVariables];
          // A colour scale's base shade; a font-size scale's `md`.
          const v = isObject(given) ? (given['500'] ?? given.md) : given;
          if (cssName && v && safeValue(v)) style = { ...style, [cssName]: v };
        }
        if (isObject(variables.fontWeight)) {
          for (const [weight, v] of Object.entries(variables.fontWeight)) if (safeValue(v)) style = { ...style, [`--cl-weight-${weight}`]: v };
        }
      }
    }
    return style ? { class: cls, style } : { class: cls };
  }
  const layout: AppearanceLayout = Object.assign({}, ...themeLayers.flatMap((l) => [l.layout, l.options]));
  return { el, layout };
}
