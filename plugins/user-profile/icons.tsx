/**
 * `<UserProfile/>`'s icons: our own tiny 16×16 line drawings, rendered as Preact SVG elements (never markup
 * strings). They inherit the text colour and are hidden from assistive technology: the buttons carrying
 * them have their own text or `aria-label`.
 */
import type { ComponentChildren } from 'preact';

function Icon({ children, name }: { children: ComponentChildren; name: string }) {
  // Paint on the inner <g>: the root box's `all: revert` reaches the <svg> element itself (not its children), and
  // would override presentation attributes put there.
  return (
    <svg class={`cl-icon cl-icon__${name}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">
        {children}
      </g>
    </svg>
  );
}

/** ⋯ (the row's action menu). */
export const DotsIcon = () => (
  <Icon name="dots">
    <path d="M3 8h.01M8 8h.01M13 8h.01" stroke-width="2.5" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon name="plus">
    <path d="M8 3.5v9M3.5 8h9" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon name="copy">
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
  </Icon>
);

export const DownloadIcon = () => (
  <Icon name="download">
    <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
  </Icon>
);

/** A desktop screen, or a phone for mobile sessions. */
export const DeviceIcon = ({ mobile }: { mobile?: boolean }) => (
  <Icon name="device">
    {mobile ? (
      <rect x="4.5" y="1.5" width="7" height="13" rx="1.5" />
    ) : (
      <>
        <rect x="1.5" y="2.5" width="13" height="8.5" rx="1" />
        <path d="M5.5 14h5M8 11v3" />
      </>
    )}
  </Icon>
);
