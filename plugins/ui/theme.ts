/** Appearance → element props: stable `cl-<name>` classes, the app's classes and styles, CSS variables on the root box. */
import type { Appearance, AppearanceVariables, ElementAppearance, Theme } from './appearance.js';

type Style = Record<string, string | number>;
export type ElementProps = { class: string; style?: Style };

const VARIABLES: Record<keyof AppearanceVariables, string> = {
  colorPrimary: '--cl-primary',
  colorTextOnPrimaryBackground: '--cl-on-primary',
  colorText: '--cl-text',
  colorTextSecondary: '--cl-text2',
  colorBackground: '--cl-bg',
  colorInputBackground: '--cl-input-bg',
  colorInputText: '--cl-input-text',
  colorDanger: '--cl-danger',
  colorSuccess: '--cl-success',
  fontFamily: '--cl-font',
  fontSize: '--cl-size',
  borderRadius: '--cl-radius',
  spacingUnit: '--cl-space',
};

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Theme layers in order of increasing priority: global theme, global, component theme, component. */
function layers(global: Appearance | undefined, local: Appearance | undefined): Theme[] {
  const themes = (a?: Appearance) => [a?.baseTheme, a?.theme].flat().filter(isObject) as Theme[];
  return [...themes(global), global ?? {}, ...themes(local), local ?? {}];
}

/** The element styler and layout of one render root, from the `load()` appearance and the component's own. */
export function createTheme(global: Appearance | undefined, local: Appearance | undefined) {
  const themeLayers = layers(global, local);
  /** Class (`cl-<name>`, `cl-<name>__<variant>`, appearance classes) and style for an element. */
  function el(name: string, variant?: string): ElementProps {
    const keys = variant ? [name, `${name}__${variant}`] : [name];
    let cls = keys.map((k) => `cl-${k}`).join(' ');
    let style: Style | undefined;
    for (const layer of themeLayers) {
      for (const key of keys) {
        const extra = layer.elements?.[key] as ElementAppearance | undefined;
        if (typeof extra === 'string') cls += ` ${extra}`;
        else if (isObject(extra)) style = { ...style, ...extra };
      }
    }
    // Variables become CSS custom properties on the root box; every rule of the sheet reads them.
    if (name === 'rootBox') {
      for (const layer of themeLayers) {
        for (const [variable, cssName] of Object.entries(VARIABLES)) {
          const v = layer.variables?.[variable as keyof AppearanceVariables];
          if (v) style = { ...style, [cssName]: v };
        }
      }
    }
    return style ? { class: cls, style } : { class: cls };
  }
  const layout: NonNullable<Appearance['layout']> = Object.assign({}, ...themeLayers.map((l) => (l as Appearance).layout));
  return { el, layout };
}
