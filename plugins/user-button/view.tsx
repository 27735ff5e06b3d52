/** The `<UserButton/>` view, loaded on the first mount: avatar trigger and a keyboard-accessible menu. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session, User } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { UserButtonMenuItem, UserButtonProps, UserButtonServices } from './index.js';
import type { PropRule } from '../ui/props.js';

export { userButtonStrings as strings } from './strings.js';
export { userButtonStyles as styles } from './styles.js';

const isHttpUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

interface Person {
  firstName: string | null;
  lastName: string | null;
  imageUrl?: string;
  hasImage?: boolean;
  identifier: string;
}

const fullName = (p: Person) => [p.firstName, p.lastName].filter(Boolean).join(' ');

function personOf(user: User): Person {
  const identifier = user.primaryEmailAddress?.emailAddress ?? user.primaryPhoneNumber?.phoneNumber ?? user.username ?? '';
  return { firstName: user.firstName, lastName: user.lastName, imageUrl: user.imageUrl, hasImage: user.hasImage, identifier };
}

function personOfSession(session: Session): Person {
  const data = session.publicUserData ?? ({} as Session['publicUserData']);
  return { firstName: data.firstName, lastName: data.lastName, imageUrl: data.imageUrl, hasImage: data.hasImage, identifier: data.identifier ?? '' };
}

function initials(p: Person): string {
  const letters = [p.firstName, p.lastName].filter(Boolean).map((s) => s!.trim()[0]);
  return (letters.length ? letters.join('') : p.identifier.slice(0, 1)).toUpperCase();
}

/** Any non-default entry. */
type CustomItem = UserButtonMenuItem;

/** `{ label: 'manageAccount' }` alone (no link, action or page) places a default entry. */
function isBuiltIn(item: UserButtonMenuItem, label?: 'manageAccount' | 'signOut'): boolean {
  const { href, onClick, open } = item as CustomItem;
  return (
    (label ? item.label === label : item.label === 'manageAccount' || item.label === 'signOut') &&
    href === undefined &&
    onClick === undefined &&
    open === undefined
  );
}

/** `<UserButton/>`'s props (it has no routing or path). */
export const userButtonPropRules: Record<string, PropRule> = {
  appearance: 'object',
  afterSignOutUrl: 'url',
  afterMultiSessionSingleSignOutUrl: 'url',
  afterSwitchSessionUrl: 'url',
  signInUrl: 'url',
  userProfileUrl: 'url',
  userProfileMode: ['modal', 'navigation'],
  userProfileProps: 'object',
  showName: 'boolean',
  customMenuItems: 'array',
  defaultOpen: 'boolean',
  afterSignOutAll: 'url',
  afterSignOutOne: 'url',
  afterSwitchSession: 'url',
  signInURL: 'url',
  userProfileURL: 'url',
};

export function createUserButton(kit: UiKit, services: UserButtonServices) {
  // Each built-in action starts with an icon, as in Clerk's menu: a gear, a door with an arrow out, a plus.
  const ManageIcon = kit.stroke(
    'M9.9 5.3 10.4 2.6 13.6 2.6 14.1 5.3 15.3 5.8 17.5 4.2 19.8 6.5 18.2 8.7 18.7 9.9 21.4 10.4 21.4 13.6 18.7 14.1 18.2 15.3 19.8 17.5 17.5 19.8 15.3 18.2 14.1 18.7 13.6 21.4 10.4 21.4 9.9 18.7 8.7 18.2 6.5 19.8 4.2 17.5 5.8 15.3 5.3 14.1 2.6 13.6 2.6 10.4 5.3 9.9 5.8 8.7 4.2 6.5 6.5 4.2 8.7 5.8ZM9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
  );
  const SignOutIcon = kit.stroke('M10 4H5v16h5M15 8l4 4-4 4M19 12H9');
  const AddIcon = kit.stroke('M12 6v12M6 12h12');
  const { useHost, useAppNode } = kit;

  function Avatar({ person }: { person: Person }) {
    const { el } = useHost();
    return (
      <span {...el('avatarBox')} aria-hidden="true">
        {person.hasImage !== false && isHttpUrl(person.imageUrl) ? <img src={person.imageUrl} alt="" {...el('avatarImage')} /> : initials(person)}
      </span>
    );
  }

  function Preview({ person, variant }: { person: Person; variant: string }) {
    const { el } = useHost();
    const name = fullName(person);
    return (
      <span {...el('userPreview', variant)}>
        <Avatar person={person} />
        <span {...el('userPreviewTextContainer')}>
          {name && <span {...el('userPreviewMainIdentifier')}>{name}</span>}
          <span {...el(name ? 'userPreviewSecondaryIdentifier' : 'userPreviewMainIdentifier')}>{person.identifier}</span>
        </span>
      </span>
    );
  }

  /** A custom entry's icon (rendered by the app into a div, as with ClerkJS) and label. */
  function CustomLabel({ item }: { item: CustomItem }) {
    const { el } = useHost();
    const icon = useAppNode<HTMLDivElement>(item.mountIcon, item.unmountIcon, item);
    return (
      <>
        <div ref={icon} {...el('userButtonPopoverActionButtonIcon')} aria-hidden="true" />
        {item.label}
      </>
    );
  }

  return function UserButton(props: UserButtonProps) {
    kit.validateProps('UserButton', props, userButtonPropRules, false);
    const { clerk, el, t, environment, uid } = useHost();
    const [, rerender] = useState(0);
    const [open, setOpen] = useState(!!props.defaultOpen);
    const [busy, setBusy] = useState(false);
    const box = useRef<HTMLDivElement>(null);
    const trigger = useRef<HTMLButtonElement>(null);

    // The user, session and client change under us (sign-out, switch, profile edits): re-render on each.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);

    const items = () => [...(box.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const focusItem = (index: number) => {
      const list = items();
      list[(index + list.length) % list.length]?.focus();
    };

    useEffect(() => {
      if (!open) return;
      const onPointer = (event: Event) => {
        if (!box.current?.contains(event.target as Node)) setOpen(false);
      };
      document.addEventListener('mousedown', onPointer);
      return () => document.removeEventListener('mousedown', onPointer);
    }, [open]);

    const user = clerk.user as User | null | undefined;
    const session = clerk.session as Session | null | undefined;
    if (!user || !session) return null;

    const navigation = services.navigation;
    const multiSession = !environment.isSingleSession();
    const signedIn: Session[] = clerk.client?.signedInSessions ?? [];
    const others = multiSession ? signedIn.filter((s) => s.id !== session.id) : [];
    const me = personOf(user);

    const close = (refocus = true) => {
      setOpen(false);
      if (refocus) trigger.current?.focus();
    };
    const openMenu = (focusLast = false) => {
      setOpen(true);
      // The menu renders on the next frame; focus its first (or last) item then.
      setTimeout(() => focusItem(focusLast ? -1 : 0));
    };

    const afterSignOutUrl = props.afterSignOutUrl ?? props.afterSignOutAll ?? navigation.buildAfterSignOutUrl();
    const afterOneUrl = props.afterMultiSessionSingleSignOutUrl ?? props.afterSignOutOne ?? navigation.buildAfterMultiSessionSingleSignOutUrl();
    const afterSwitchUrl = props.afterSwitchSessionUrl ?? props.afterSwitchSession ?? (environment.displayConfig.afterSwitchSessionUrl || undefined);
    const profileUrl = props.userProfileUrl ?? props.userProfileURL;
    const profileMode = props.userProfileMode ?? (profileUrl ? 'navigation' : 'modal');

    /** Runs a menu action once (double clicks ignored); errors are logged, the menu stays usable. */
    const act =
      (action: () => unknown, refocus = false) =>
      async () => {
        if (busy) return;
        close(refocus);
        setBusy(true);
        try {
          await action();
        } catch (err) {
          console.error('[microclerk] <UserButton/>:', err);
        } finally {
          setBusy(false);
        }
      };

    const openProfile = (startPath?: string) => {
      const modalProps = { appearance: props.appearance, ...props.userProfileProps, __experimental_startPath: startPath };
      if (profileMode === 'modal' && services.openUserProfile(modalProps)) return;
      const url = profileUrl ?? navigation.buildUserProfileUrl();
      return navigation.navigate(startPath ? `${url.split('#')[0]}#/${startPath.replace(/^\/+/, '')}` : url);
    };
    // Focus goes back to the trigger first: the modal returns it there when it closes (the menu item is gone by then).
    const manageAccount = act(() => openProfile(), true);
    const signOutCurrent = act(() =>
      others.length
        ? services.signOut(() => navigation.redirectWithAuth(afterOneUrl), { sessionId: session.id })
        : services.signOut({ redirectUrl: afterSignOutUrl }),
    );
    const signOutAll = act(() => services.signOut({ redirectUrl: afterSignOutUrl }));
    const addAccount = act(() => navigation.redirectWithAuth(props.signInUrl ?? props.signInURL ?? navigation.buildSignInUrl()));
    const switchTo = (target: Session) => act(() => clerk.setActive({ session: target, redirectUrl: afterSwitchUrl }));
    const custom = (item: CustomItem) =>
      act(
        () => (item.onClick ? item.onClick() : item.open !== undefined ? openProfile(item.open) : navigation.navigate(item.href!)),
        !!item.onClick || item.open !== undefined,
      );

    /** Default entries first, then the custom ones — unless the app placed the defaults itself. */
    const entries: Array<UserButtonMenuItem> = [];
    const given = props.customMenuItems ?? [];
    for (const builtIn of ['manageAccount', 'signOut'] as const) if (!given.some((item) => isBuiltIn(item, builtIn))) entries.push({ label: builtIn });
    entries.push(
      ...given.filter(
        (item) =>
          isBuiltIn(item) ||
          typeof (item as CustomItem).onClick === 'function' ||
          typeof (item as CustomItem).open === 'string' ||
          kit.isSafeUrl((item as CustomItem).href),
      ),
    );

    const onMenuKey = (event: KeyboardEvent) => {
      const list = items();
      const at = list.indexOf(document.activeElement as HTMLElement);
      const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
      if (event.key in moves) {
        event.preventDefault();
        focusItem(moves[event.key]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Tab') close(false);
    };

    const onTriggerKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (open && (event.key === 'Enter' || event.key === ' ')) close();
        else openMenu(event.key === 'ArrowUp');
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    };

    // A plain function, not a component: a component declared here would remount (and drop focus) on every render.
    // `children` replace the label (a session preview, a custom entry); `Icon` goes before it (the built-in actions).
    const menuButton = (key: string, name: string, label: string, onClick: () => void, children?: ComponentChildren, Icon?: typeof AddIcon) => (
      <button
        key={key}
        type="button"
        role="menuitem"
        tabIndex={-1}
        {...el('userButtonPopoverActionButton', name)}
        aria-label={children ? label : undefined}
        disabled={busy}
        onClick={onClick}
      >
        {Icon ? (
          <>
            <Icon name="userButtonPopoverActionButtonIcon" variant={name} />
            {label}
          </>
        ) : (
          (children ?? label)
        )}
      </button>
    );

    const menuId = `${uid}-menu`;
    return (
      <div ref={box} {...el('userButtonBox')}>
        <button
          ref={trigger}
          type="button"
          {...el('userButtonTrigger')}
          aria-haspopup="menu"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={open ? menuId : undefined}
          // With the name shown, the name is the button's accessible name (what a voice-control user reads on it);
          // `aria-haspopup` already says it opens a menu.
          aria-label={props.showName && fullName(me) ? undefined : t('userButton.trigger')}
          onClick={() => (open ? close() : openMenu())}
          onKeyDown={onTriggerKey}
        >
          <Avatar person={me} />
          {props.showName && fullName(me) && <span {...el('userButtonOuterIdentifier')}>{fullName(me)}</span>}
        </button>
        {open && (
          <div id={menuId} role="menu" aria-label={fullName(me) || me.identifier} {...el('userButtonPopoverCard')} onKeyDown={onMenuKey}>
            <Preview person={me} variant="personal" />
            {entries.map((item, i) =>
              isBuiltIn(item, 'manageAccount')
                ? menuButton('manage', 'manageAccount', t('userButton.action__manageAccount'), manageAccount, undefined, ManageIcon)
                : isBuiltIn(item, 'signOut')
                  ? menuButton('signOut', 'signOut', t('userButton.action__signOut'), signOutCurrent, undefined, SignOutIcon)
                  : menuButton(
                      `custom-${i}`,
                      'custom',
                      item.label,
                      custom(item as CustomItem),
                      (item as CustomItem).mountIcon && <CustomLabel item={item as CustomItem} />,
                    ),
            )}
            {multiSession && (
              <>
                <div {...el('userButtonPopoverDivider')} role="separator" />
                {others.map((other) => {
                  const person = personOfSession(other);
                  return menuButton(
                    other.id,
                    'switchSession',
                    t('userButton.action__switchTo', { identifier: person.identifier }),
                    switchTo(other),
                    <Preview person={person} variant="secondary" />,
                  );
                })}
                {menuButton('add', 'addAccount', t('userButton.action__addAccount'), addAccount, undefined, AddIcon)}
                {others.length > 0 && menuButton('signOutAll', 'signOutAll', t('userButton.action__signOutAll'), signOutAll, undefined, SignOutIcon)}
              </>
            )}
          </div>
        )}
      </div>
    );
  };
}
