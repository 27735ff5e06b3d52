/** The appearance types of the `load()` option and per-component `appearance` prop, and the prebuilt dark theme. */

export interface AppearanceVariables {
  colorPrimary?: string;
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
  colorNeutral?: string;
  colorBorder?: string;
  /** Focus rings. */
  colorRing?: string;
  colorModalBackdrop?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  fontFamily?: string;
  fontSize?: string;
  fontWeight?: { normal?: string | number; medium?: string | number; semibold?: string | number; bold?: string | number };
  borderRadius?: string;
  spacingUnit?: string;
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
export type AppearanceElements = Partial<Record<string, ElementAppearance | Record<string, unknown>>>;

export interface Theme {
  variables?: AppearanceVariables;
  elements?: AppearanceElements;
  /** A theme built on another (as `@clerk/themes`' `shadesOfPurple` is on `dark`). */
  baseTheme?: Theme | Theme[];
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
  /** A prebuilt theme such as {@link dark} or one of `@clerk/themes`; ClerkJS's older name for `theme`. */
  baseTheme?: Theme | Theme[];
  theme?: Theme | Theme[];
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
