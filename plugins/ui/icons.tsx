/**
 * The kit's icons: small stroke icons drawn on a 24-unit grid, and simplified provider marks for the
 * social buttons. All are Preact elements (never markup strings) and hidden from assistive technology:
 * the control that holds an icon carries the accessible name. Presentation attributes sit on the SVG's
 * children because the root box's `all: revert` resets the `<svg>` element itself (sized by `.cl-icon`).
 */
import type { ComponentChildren } from 'preact';
import { useHost } from './context.js';

interface IconProps {
  /** The element key (`cl-<name>`), so `appearance.elements` can style it. */
  name?: string;
  variant?: string;
}

function Svg({ name = 'icon', variant, children }: IconProps & { children: ComponentChildren }) {
  const { el } = useHost();
  const own = el(name, variant);
  return (
    <svg class={`cl-icon ${own.class}`} style={own.style} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A stroke icon from one path (several sub-paths), drawn with the current text colour. */
const stroke = (d: string) =>
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
export const PencilIcon = stroke('M15.5 4.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4ZM13.5 6.5l3 3');
export const AlertIcon = stroke(`${RING}M12 7.5v5M12 16.2v.1`);
export const ArrowLeftIcon = stroke('M19 12H5M11 18l-6-6 6-6');
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

const CIRCLE = 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z';

/** Provider marks, simplified and drawn here; keyed by the strategy without `oauth_`. */
const LOGOS: Record<string, () => ComponentChildren> = {
  google: () => (
    <g fill="none" stroke-width="3.8">
      <path d="M17.3 6.7A7.5 7.5 0 0 0 5.2 8.8" stroke="#EA4335" />
      <path d="M5.2 8.8a7.5 7.5 0 0 0 .3 7" stroke="#FBBC05" />
      <path d="M5.5 15.8a7.5 7.5 0 0 0 12.3 1" stroke="#34A853" />
      <path d="M17.8 16.8A7.5 7.5 0 0 0 19.5 12H12" stroke="#4285F4" />
    </g>
  ),
  github: () => (
    <path
      fill="currentColor"
      fill-rule="evenodd"
      d={`${CIRCLE}M10 21.5v-6.3c-2.1-.6-2.6-2.2-2.4-4L8 8.2l.4-2.6 2 1.4q1.6-.5 3.2 0l2-1.4.4 2.6.4 3c.2 1.8-.3 3.4-2.4 4v6.3Z`}
    />
  ),
  apple: () => (
    <path
      fill="currentColor"
      d="M12 7.5c-1.2-1-3.6-1.4-5.2.3-2 2.1-1.7 6.4.6 9.8 1.2 1.8 2.4 2.4 3.4 1.9q1.2-.6 2.4 0c1 .5 2.2-.1 3.4-1.9 1-1.5 1.6-2.9 1.8-4.1-1.6-.6-2.6-2-2.5-3.8.1-1.3.8-2.3 1.7-2.9-1.6-1.5-3.9-1.4-5.6.7ZM12.2 6.3c0-1.7 1.2-3.1 2.9-3.3.1 1.8-1.2 3.2-2.9 3.3Z"
    />
  ),
  microsoft: () => (
    <>
      <path d="M2 2h9.5v9.5H2Z" fill="#F25022" />
      <path d="M12.5 2H22v9.5h-9.5Z" fill="#7FBA00" />
      <path d="M2 12.5h9.5V22H2Z" fill="#00A4EF" />
      <path d="M12.5 12.5H22V22h-9.5Z" fill="#FFB900" />
    </>
  ),
  facebook: () => (
    <>
      <path d={CIRCLE} fill="#1877F2" />
      <path d="M13.4 22v-7h2.4l.4-2.9h-2.8v-1.8c0-.8.3-1.4 1.5-1.4h1.4V6.3l-2.2-.1c-2.2 0-3.6 1.3-3.6 3.7v2.2H8.1V15h2.4v7Z" fill="#fff" />
    </>
  ),
  discord: () => (
    <>
      <path
        fill="#5865F2"
        d="M5 7.5q2.2-1.7 4.6-2l.5 1q1.9-.3 3.8 0l.5-1q2.4.3 4.6 2c1.4 2.5 2.1 5.4 2 8.4q-2.2 1.8-5 2.4l-.9-1.5 2.1-1.1-.5-.4c-2.7 1.3-6.3 1.3-9 0l-.5.4 2.1 1.1-.9 1.5q-2.8-.6-5-2.4c-.1-3 .6-5.9 2-8.4Z"
      />
      <path fill="#fff" d="M7.7 12.6a1.5 1.7 0 1 0 3 0a1.5 1.7 0 1 0-3 0ZM13.3 12.6a1.5 1.7 0 1 0 3 0a1.5 1.7 0 1 0-3 0Z" />
    </>
  ),
  gitlab: () => (
    <>
      <path d="M12 21 3 14l1.6-9.5L7.3 11h9.4l2.7-6.5L21 14Z" fill="#FCA326" />
      <path d="M12 21 7.3 11h9.4Z" fill="#E24329" />
      <path d="M12 21 3 14l4.3-3ZM12 21l9-7-4.3-3Z" fill="#FC6D26" />
    </>
  ),
  linkedin: () => (
    <>
      <path d="M4 2h16a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z" fill="#0A66C2" />
      <path
        fill="#fff"
        d="M5.7 7.2a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0ZM5.8 9.7h2.8v8.5H5.8ZM10.6 9.7h2.7v1.2c.4-.7 1.4-1.4 2.8-1.4 2.8 0 3.3 1.8 3.3 4.2v4.5h-2.8v-4c0-1 0-2.2-1.4-2.2s-1.7 1.1-1.7 2.2v4h-2.9Z"
      />
    </>
  ),
  x: () => (
    <>
      <path d="M3.5 3h5.2l11.8 18h-5.2Z" fill="currentColor" />
      <path d="M20 3l-6.6 7.5M10.6 13.5 4 21" stroke="currentColor" stroke-width="1.8" />
    </>
  ),
};
LOGOS.twitter = LOGOS.x;
LOGOS.linkedin_oidc = LOGOS.linkedin;

/** A provider's mark (`oauth_google` → Google's); any other provider shows the first letter of its name. */
export function ProviderIcon({ strategy, name }: { strategy: string; name: string }) {
  const { el } = useHost();
  const id = strategy.replace(/^oauth_(custom_)?/, '');
  const logo = LOGOS[id];
  if (!logo) {
    return (
      <span {...el('providerInitialIcon', id)} aria-hidden="true">
        {name.charAt(0).toUpperCase()}
      </span>
    );
  }
  return (
    <Svg name="socialButtonsProviderIcon" variant={id}>
      {logo()}
    </Svg>
  );
}
