/** The appearance types of the `load()` option and per-component `appearance` prop, and the prebuilt dark theme. */

/** A colour, or a scale of shades as in Clerk's themes (`{ 500: '#6c47ff', 600: … }`), of which the `500` shade is used. */
export type ColorOrScale = string | ({ '500': string } & Partial<Record<string, string>>);

export interface AppearanceVariables {
  colorPrimary?: ColorOrScale;
  /** Text on primary buttons. Clerk's current name: `colorPrimaryForeground`. */
  colorTextOnPrimaryBackground?: string;
  colorPrimaryForeground?: string;
  /** Body text. Clerk's current name: `colorForeground`. */
  colorText?: string;
  colorForeground?: string;
  /** Secondary text. Clerk's current name: `colorMutedForeground`. */
  colorTextSecondary?: string;
  colorMutedForeground?: string;
  colorBackground?: string;
  /** Input fields. Clerk's current names: `colorInput`, `colorInputForeground`. */
  colorInputBackground?: string;
  colorInput?: string;
  colorInputText?: string;
  colorInputForeground?: string;
  /** The colour borders and dividers are mixed from. */
  colorNeutral?: ColorOrScale;
  colorBorder?: string;
  /** Focus rings. */
  colorRing?: string;
  colorModalBackdrop?: string;
  colorDanger?: ColorOrScale;
  colorSuccess?: ColorOrScale;
  colorWarning?: ColorOrScale;
  fontFamily?: string;
  /** A size, or a scale (`{ sm, md, lg, … }`) of which `md` is used. */
  fontSize?: string | { xs?: string; sm?: string; md?: string; lg?: string; xl?: string };
  fontWeight?: { normal?: string | number; medium?: string | number; semibold?: string | number; bold?: string | number };
  borderRadius?: string;
  /** The base spacing. Clerk's current name: `spacing`. */
  spacingUnit?: string;
  spacing?: string;
  /** Other variables of Clerk's themes (e.g. `colorShimmer`) are accepted and have no effect here. */
  [other: string]: unknown;
}

/**
 * One element's override: a class string (added next to the stable `cl-<element>` class, so utility
 * classes such as Tailwind's apply) or a style object (applied inline through the CSSOM, so it works
 * under a strict CSP and always wins).
 */
export type ElementAppearance = string | Record<string, string | number>;

/**
 * Stable element names (`card`, `headerTitle`, `formFieldInput`, `formButtonPrimary`, …), with
 * `name__variant` forms. A style object may nest `&:hover`-style selectors, as Clerk's themes do.
 */
export type AppearanceElements = Partial<Record<string, ElementAppearance | object>>;

/**
 * Clerk's named base themes, as in ClerkJS: `'clerk'` is the default look; `'simple'` keeps the layout but
 * drops the decoration (shadows, gradients), for apps that style the elements themselves.
 */
export type BaseThemeName = 'clerk' | 'simple';

export interface Theme {
  variables?: AppearanceVariables;
  elements?: AppearanceElements;
  /** A theme built on another (as `@clerk/themes`' `shadesOfPurple` is on `dark`), or a named base theme. */
  baseTheme?: Theme | BaseThemeName | Array<Theme | BaseThemeName>;
  layout?: AppearanceLayout;
  /** Clerk's current name for `layout` (read too; it wins over `layout` within a theme). */
  options?: AppearanceLayout;
  [other: string]: unknown;
}

export interface AppearanceLayout {
  socialButtonsPlacement?: 'top' | 'bottom';
  /** `auto` (default): block buttons for up to two providers, icon buttons beyond. */
  socialButtonsVariant?: 'auto' | 'iconButton' | 'blockButton';
  /** Shown above the title of flow cards (http(s) only); default: the instance's logo. */
  logoImageUrl?: string;
  /** `<SignUp/>` also shows the fields the instance enables without requiring them (default: only required ones). */
  showOptionalFields?: boolean;
  [key: string]: unknown;
}

/** Per-component appearance inside the `load()` one: `appearance.signIn`, `appearance.userProfile`, … */
export type ComponentAppearanceKey =
  | 'signIn'
  | 'signUp'
  | 'userButton'
  | 'userProfile'
  | 'organizationSwitcher'
  | 'organizationProfile'
  | 'createOrganization'
  | 'organizationList'
  | 'waitlist'
  | 'googleOneTap';

export interface Appearance extends Theme {
  /** A prebuilt theme such as {@link dark} or one of `@clerk/themes`, or `'clerk'` / `'simple'`; ClerkJS's older name for `theme`. */
  baseTheme?: Theme | BaseThemeName | Array<Theme | BaseThemeName>;
  theme?: Theme | BaseThemeName | Array<Theme | BaseThemeName>;
  layout?: AppearanceLayout;
  signIn?: Appearance;
  signUp?: Appearance;
  userButton?: Appearance;
  userProfile?: Appearance;
  organizationSwitcher?: Appearance;
  organizationProfile?: Appearance;
  createOrganization?: Appearance;
  organizationList?: Appearance;
  waitlist?: Appearance;
  googleOneTap?: Appearance;
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
