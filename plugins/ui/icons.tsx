/**
 * The kit's icons: small stroke icons drawn on a 24-unit grid (the social buttons' provider marks are in
 * auth-kit.tsx). All are Preact elements (never markup strings) and hidden from assistive technology:
 * the control that holds an icon carries the accessible name. Presentation attributes sit on the SVG's
 * children because the root box's `all: revert` resets the `<svg>` element itself (sized by `.cl-icon`).
 */
import type { ComponentChildren } from 'preact';
import { useHost } from './context.js';

export interface IconProps {
  /** The element key (`cl-<name>`), so `appearance.elements` can style it. */
  name?: string;
  variant?: string;
}

export function Svg({ name = 'icon', variant, children }: IconProps & { children: ComponentChildren }) {
  const { el } = useHost();
  const own = el(name, variant);
  return (
    <svg class={`cl-icon ${own.class}`} style={own.style} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A stroke icon from one path (several sub-paths), drawn with the current text colour. */
export const stroke = (d: string) =>
  function StrokeIcon(props: IconProps) {
    return (
      <Svg {...props}>
        <path d={d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </Svg>
    );
  };

const RING = 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0';

export const EyeIcon = stroke('M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12ZM9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0');
export const EyeOffIcon = stroke(
  'M3 3l18 18M10.6 5.1Q11.3 5 12 5c6.4 0 10 7 10 7a17 17 0 0 1-2.8 3.7M6.6 6.6C3.8 8.4 2 12 2 12s3.6 7 10 7c1.8 0 3.4-.5 4.8-1.3M9.9 9.9a3 3 0 0 0 4.2 4.2',
);
export const AlertIcon = stroke(`${RING}M12 7.5v5M12 16.2v.1`);
export const CheckIcon = stroke('M20 6 9 17l-5-5');

/** A turning arc on a faint ring; `.cl-spinner` animates it (slower under reduced motion). */
export function Spinner({ name = 'spinner' }: IconProps) {
  return (
    <Svg name={name}>
      <path d={RING} fill="none" stroke="currentColor" stroke-width="2.5" opacity=".25" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </Svg>
  );
}

/** The small triangle Clerk's primary buttons end with. */
export function ArrowRightIcon() {
  return (
    <Svg name="buttonArrowIcon">
      <path d="M7 5l10 7-10 7Z" fill="currentColor" />
    </Svg>
  );
}
