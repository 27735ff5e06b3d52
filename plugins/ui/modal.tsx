/** Modals: the dialog shell (focus moves in, Tab stays in, Escape and the backdrop close) and the open-modal stack (scroll lock, focus return). */
import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useHost } from './context.js';

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** What Tab can reach: not taken out of the order (`tabindex=-1`) and not invisible (a 0-opacity file input behind its button). */
const tabbable = (el: HTMLElement) =>
  el.tabIndex >= 0 && (typeof el.checkVisibility !== 'function' || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));

export function ModalShell({ onClose, children }: { onClose: () => void; children: ComponentChildren }) {
  const { el, t, uid } = useHost();
  const dialog = useRef<HTMLDivElement>(null);
  // Layout effect: focus moves into the dialog in the same task it appears (no focus flash, no race with typing).
  useLayoutEffect(() => {
    const node = dialog.current!;
    const candidates = (selector: string) => [...node.querySelectorAll<HTMLElement>(selector)].filter(tabbable);
    (candidates('input:not([type=hidden]):not([disabled]),select:not([disabled]),textarea:not([disabled])')[0] ?? candidates(FOCUSABLE)[0])?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab') {
        const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(tabbable);
        const first = items[0];
        const last = items[items.length - 1];
        const active = document.activeElement;
        const outside = !node.contains(active);
        if (event.shiftKey && (active === first || outside)) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && (active === last || outside)) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div {...el('modalBackdrop')} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`} {...el('modalContent')}>
        {children}
        <button type="button" {...el('modalCloseButton')} aria-label={t('modalCloseButton')} onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}

/**
 * The open modals, one per component name: each in its own container on <body>; the page does not
 * scroll while any is open, and focus returns to what had it before the first of a name opened.
 */
export function createModalStack() {
  const modals = new Map<string, { container: HTMLElement; opener: Element | null }>();
  let savedOverflow = '';

  function close(name: string) {
    const entry = modals.get(name);
    if (!entry) return;
    modals.delete(name);
    render(null, entry.container);
    entry.container.remove();
    if (!modals.size) document.body.style.overflow = savedOverflow;
    if (entry.opener instanceof HTMLElement && entry.opener.isConnected) entry.opener.focus();
  }

  return {
    /** Opens (or reopens) modal `name`; `draw` renders into its container and gets the function that closes it. */
    open(name: string, draw: (container: HTMLElement, close: () => void) => void) {
      const previous = modals.get(name);
      if (previous) close(name);
      if (!modals.size) savedOverflow = document.body.style.overflow;
      const container = document.createElement('div');
      document.body.appendChild(container);
      modals.set(name, { container, opener: previous?.opener ?? document.activeElement });
      document.body.style.overflow = 'hidden';
      draw(container, () => close(name));
    },
    close,
    closeAll() {
      for (const name of [...modals.keys()]) close(name);
    },
  };
}
