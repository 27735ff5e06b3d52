/**
 * The building blocks every `<UserProfile/>` section uses: the section row, item rows, action buttons, the
 * ⋯ action menu, inline forms (focus kept on error), badges, success notes that clear, strings.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isClerkAPIResponseError, ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { FormState, UiKit } from '../ui/index.js';
import type { ReverificationApi } from '../reverification/index.js';
import { DotsIcon, PlusIcon } from './icons.js';

/** Plugins the view uses when the instance has them. */
export interface ProfileServices {
  /** The passkeys plugin is composed (passkey methods on User and Passkey). */
  passkeys?: boolean;
  /** The reverification modal, for actions FAPI answers with `session_reverification_required`. */
  reverification?: ReverificationApi;
}

/** One entry of a ⋯ menu: `name` is its class (`cl-action__<name>`), `label` what it says. */
export interface MenuEntry {
  name: string;
  label: string;
  danger?: boolean;
  onSelect(): void;
}

export const isHttpUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

/** How long a success note stays (it also goes at the next action). */
const NOTICE_MS = 5000;

let menuCount = 0;

export function createProfileParts(kit: UiKit, services: ProfileServices = {}) {
  const { useHost, Form, Alert, Button } = kit;

  /**
   * Runs a sensitive action (password, email removal, account deletion, passkey creation); when FAPI
   * asks for a recent verification, the reverification modal opens and the action runs once more after it.
   */
  async function withReverification<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const modal = services.reverification;
      if (!modal || !isClerkAPIResponseError(error) || !error.errors.some((e) => e.code === 'session_reverification_required')) throw error;
      await new Promise<void>((resolve, reject) =>
        modal.__internal_openReverification({
          afterVerification: resolve,
          afterVerificationCancelled: () => reject(new ClerkRuntimeError('User cancelled attempted verification', { code: 'reverification_cancelled' })),
        }),
      );
      return action();
    }
  }

  /** Localized text of this component: `userProfile.<key>`. */
  function useSay() {
    const { t } = useHost();
    return (key: string, vars?: Record<string, unknown>) => t(`userProfile.${key}`, vars);
  }

  /** "Remove email: ada@example.com": an action's accessible name with the thing it acts on. */
  function useNamed() {
    const say = useSay();
    return (action: string, item: string) => say('actionFor', { action, item });
  }

  /** A success note that clears itself after a few seconds, or when `clear` runs (the next action). */
  function useNotice() {
    const [text, setText] = useState<string>();
    useEffect(() => {
      if (!text) return;
      const timer = setTimeout(() => setText(undefined), NOTICE_MS);
      return () => clearTimeout(timer);
    }, [text]);
    return { text, show: setText, clear: () => setText(undefined) };
  }

  /** A section as a row: its title on the left (above, on phones), its items and actions on the right. */
  function Section({ name, title, children }: { name: string; title: string; children: ComponentChildren }) {
    const { el, uid } = useHost();
    return (
      <section {...el('profileSection', name)} aria-labelledby={`${uid}-${name}-title`}>
        <h2 id={`${uid}-${name}-title`} {...el('profileSectionTitle', name)}>
          {title}
        </h2>
        <div {...el('profileSectionContent', name)}>{children}</div>
      </section>
    );
  }

  /** A text button (`cl-action__<name>`); `add` puts a + before it, `danger` makes it red. */
  function Action({
    name,
    onClick,
    children,
    danger,
    disabled,
    add,
    label,
  }: {
    name: string;
    onClick(): void;
    children: ComponentChildren;
    danger?: boolean;
    disabled?: boolean;
    add?: boolean;
    /** The accessible name, when the text alone lacks context. */
    label?: string;
  }) {
    const { el } = useHost();
    const style = el('profileSectionPrimaryButton', danger ? 'danger' : name);
    return (
      <button type="button" {...style} class={`${style.class} cl-action__${name}`} disabled={disabled} aria-label={label} onClick={onClick}>
        {add && <PlusIcon />}
        {children}
      </button>
    );
  }

  function Item({ children, actions, name }: { children: ComponentChildren; actions?: ComponentChildren; name?: string }) {
    const { el } = useHost();
    return (
      <div {...el('profileSectionItem', name)}>
        <div {...el('profileSectionItemText')}>{children}</div>
        {actions}
      </div>
    );
  }

  /**
   * A menu button (⋯ by default, or `trigger` text): `aria-haspopup`, arrow keys / Home / End move between
   * entries, Escape closes and returns focus to the button, Tab and outside clicks close.
   */
  function Menu({ item, entries, trigger, name = 'menu' }: { item?: string; entries: MenuEntry[]; trigger?: string; name?: string }) {
    const { el, uid } = useHost();
    const say = useSay();
    const named = useNamed();
    // Every name carries the row it acts on: "More actions: ada@example.com", "Remove email: ada@example.com".
    const label = item === undefined ? trigger! : named(say('moreActions'), item);
    const [id] = useState(() => `${uid}-menu${++menuCount}`);
    const [open, setOpen] = useState(false);
    const box = useRef<HTMLDivElement>(null);
    const button = useRef<HTMLButtonElement>(null);
    const items = () => [...(box.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const focusAt = (index: number) => {
      const list = items();
      list[(index + list.length) % list.length]?.focus();
    };
    const close = (refocus: boolean) => {
      setOpen(false);
      if (refocus) button.current?.focus();
    };
    useLayoutEffect(() => {
      if (!open) return;
      focusAt(0);
      const outside = (event: Event) => !box.current?.contains(event.target as Node) && setOpen(false);
      document.addEventListener('mousedown', outside);
      return () => document.removeEventListener('mousedown', outside);
    }, [open]);
    if (!entries.length) return null;
    const onKey = (event: KeyboardEvent) => {
      const at = items().indexOf(document.activeElement as HTMLElement);
      const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
      if (event.key in moves) {
        event.preventDefault();
        focusAt(moves[event.key]);
      } else if (event.key === 'Escape' && open) {
        // Only this menu closes, not the modal around it; with the menu closed, Escape is the modal's.
        event.preventDefault();
        event.stopPropagation();
        close(true);
      } else if (event.key === 'Tab') close(false);
    };
    return (
      <div ref={box} {...el('menuBox', name)} onKeyDown={onKey}>
        <button
          ref={button}
          type="button"
          {...el(trigger ? 'profileSectionPrimaryButton' : 'menuButton', name)}
          aria-haspopup="menu"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={open ? id : undefined}
          aria-label={trigger ? undefined : label}
          onClick={() => setOpen((was) => !was)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setOpen(true);
            }
          }}
        >
          {trigger ? (
            <>
              <PlusIcon />
              {trigger}
            </>
          ) : (
            <DotsIcon />
          )}
        </button>
        {open && (
          <div id={id} role="menu" aria-label={label} {...el('menuList', name)}>
            {entries.map((entry, i) => {
              const style = el('menuItem', entry.danger ? 'danger' : entry.name);
              return (
                <button
                  key={i}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  {...style}
                  class={`${style.class} cl-action__${entry.name}`}
                  aria-label={item === undefined ? undefined : named(entry.label, item)}
                  onClick={() => {
                    close(true);
                    entry.onSelect();
                  }}
                >
                  {entry.label}
                </button>
              );
            })}
          </div>
        )}
      </div>
    );
  }

  /**
   * An inline form of a section: optional title, fields, error, Cancel and the submit button. After a
   * failed submit focus goes to the first invalid field (else back to the form's button), never to <body>.
   */
  function InlineForm({
    form,
    title,
    onSubmit,
    onCancel,
    submitLabel,
    danger,
    children,
  }: {
    form: FormState;
    title?: string;
    onSubmit(): void;
    onCancel?: () => void;
    submitLabel: string;
    danger?: boolean;
    children?: ComponentChildren;
  }) {
    const { el } = useHost();
    const say = useSay();
    const reset = el('formButtonReset');
    const box = useRef<HTMLDivElement>(null);
    const errors = Object.keys(form.errors).length + (form.formError ? 1 : 0);
    useEffect(() => {
      const node = box.current;
      if (form.busy || !errors || !node) return;
      const invalid = node.querySelector<HTMLElement>('[aria-invalid=true]');
      if (invalid && document.activeElement?.getAttribute('aria-invalid') !== 'true') invalid.focus();
      else if (!invalid && !node.contains(document.activeElement)) node.querySelector<HTMLElement>('button[type=submit]')?.focus();
    }, [form.busy, errors]);
    return (
      <div ref={box} {...el('profileSectionForm', danger ? 'danger' : undefined)}>
        {title && <h3 {...el('profileSectionFormTitle')}>{title}</h3>}
        <Form form={form} onSubmit={onSubmit}>
          {children}
          <Alert>{form.formError}</Alert>
          <div {...el('formButtonRow')}>
            {onCancel && (
              <button type="button" {...reset} class={`${reset.class} cl-action__cancel`} onClick={onCancel}>
                {say('formButtonReset')}
              </button>
            )}
            <Button busy={form.busy} variant={danger ? 'danger' : undefined}>
              {submitLabel}
            </Button>
          </div>
        </Form>
      </div>
    );
  }

  function Badge({ children }: { children: string }) {
    const { el } = useHost();
    return <span {...el('badge')}>{children}</span>;
  }

  function Success({ children }: { children?: string }) {
    const { el } = useHost();
    return children ? (
      <p role="status" {...el('formFieldSuccessText')}>
        {children}
      </p>
    ) : null;
  }

  return { kit, services, withReverification, useSay, useNamed, useNotice, Section, Action, Item, Menu, InlineForm, Badge, Success };
}

export type ProfileParts = ReturnType<typeof createProfileParts>;
