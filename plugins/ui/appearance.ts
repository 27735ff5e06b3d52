/** The appearance types of the `load()` option and per-component `appearance` prop, and the prebuilt dark theme. */

export interface AppearanceVariables {
  colorPrimary?: string;
  colorTextOnPrimaryBackground?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorBackground?: string;
  colorInputBackground?: string;
  colorInputText?: string;
  colorDanger?: string;
  colorSuccess?: string;
  fontFamily?: string;
  fontSize?: string;
  borderRadius?: string;
  spacingUnit?: string;
}

/**
 * One element's override: a class string (added next to the stable `cl-<element>` class, so utility
 * classes such as Tailwind's apply) or a style object (applied inline through the CSSOM, so it works
 * under a strict CSP and always wins).
 */
export type ElementAppearance = string | Record<string, string | number>;

/** Stable element names (`card`, `headerTitle`, `formFieldInput`, `formButtonPrimary`, …), with `name__variant` forms. */
export type AppearanceElements = Partial<Record<string, ElementAppearance>>;

export interface Theme {
  variables?: AppearanceVariables;
  elements?: AppearanceElements;
}

export interface Appearance extends Theme {
  /** A prebuilt theme such as {@link dark}; ClerkJS's older name for `theme`. */
  baseTheme?: Theme | Theme[];
  theme?: Theme | Theme[];
  layout?: { socialButtonsPlacement?: 'top' | 'bottom'; [key: string]: unknown };
}

/** The dark theme: `clerk.load({ appearance: { theme: dark } })`. */
export const dark: Theme = {
  variables: {
    colorPrimary: '#ffffff',
    colorTextOnPrimaryBackground: '#131316',
    colorText: '#f4f4f5',
    colorTextSecondary: '#a1a1aa',
    colorBackground: '#212126',
    colorInputBackground: '#2a2a30',
    colorInputText: '#f4f4f5',
    colorDanger: '#f87171',
    colorSuccess: '#4ade80',
  },
};
