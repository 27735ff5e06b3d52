/**
 * The `<OrganizationSwitcher/>` view, loaded on the first mount: a trigger with the active account and
 * a popover (Escape and clicks outside close it, arrows move between its buttons) listing the user's
 * other accounts, "Create organization", "Manage", and pending invitations and suggestions.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Organization, OrganizationMembership } from '../../kernel/index.js';
import { createOrganizationParts, resolveUrl, type PropRule } from '../create-organization/parts.js';
import type { PluginContext } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { OrganizationSwitcherProps } from './index.js';
import { organizationSwitcherStrings as strings } from './strings.js';
import { organizationSwitcherStyles as styles } from './styles.js';

export { strings, styles };

/** What the view gets from the plugins this one may use. */
export interface OrganizationSwitcherServices {
  /** Opens `<CreateOrganization/>` as a modal; false when the instance has no create-organization plugin. */
  openCreateOrganization(props: object): boolean;
  /** Opens `<OrganizationProfile/>` as a modal; false when the instance has no organization-profile plugin. */
  openOrganizationProfile(props: object): boolean;
}

// The organization-profile plugin is optional and typed by its own module; only its opener is used here.
type ProfileOpener = { openOrganizationProfile?: (props: object) => void } | undefined;

/** The module the plugin's `load` hands the ui host, with the optional plugins' openers bound from its context. */
export function withServices(ctx: PluginContext<'ui' | 'organizations', 'create-organization'>) {
  const services: OrganizationSwitcherServices = {
    openCreateOrganization(props) {
      const create = ctx.find('create-organization');
      create?.openCreateOrganization(props);
      return !!create;
    },
    openOrganizationProfile(props) {
      const profile = ctx.find('organization-profile' as never) as ProfileOpener;
      profile?.openOrganizationProfile?.(props);
      return !!profile?.openOrganizationProfile;
    },
  };
  return { strings, styles, default: (kit: UiKit) => createOrganizationSwitcher(kit, services) };
}

const MODES = ['modal', 'navigation'] as const;

export const organizationSwitcherPropRules: Record<string, PropRule> = {
  hidePersonal: 'boolean',
  afterSelectOrganizationUrl: 'url',
  afterSelectPersonalUrl: 'url',
  afterCreateOrganizationUrl: 'url',
  afterLeaveOrganizationUrl: 'url',
  createOrganizationMode: MODES,
  createOrganizationUrl: 'url',
  organizationProfileMode: MODES,
  organizationProfileUrl: 'url',
  organizationProfileProps: 'object',
  skipInvitationScreen: 'boolean',
  hideSlug: 'boolean',
  defaultOpen: 'boolean',
};

function Chevron(attributes: { class: string; style?: unknown }) {
  return (
    <svg {...(attributes as { class: string })} viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
      <path d="M5 6.5 8 3.5l3 3M5 9.5l3 3 3-3" />
    </svg>
  );
}

export function createOrganizationSwitcher(kit: UiKit, services: OrganizationSwitcherServices) {
  const { useHost, Alert } = kit;
  const parts = createOrganizationParts(kit);
  const { Preview, PersonalPreview } = parts;

  return function OrganizationSwitcher(props: OrganizationSwitcherProps) {
    parts.validateProps('OrganizationSwitcher', props, organizationSwitcherPropRules);
    const { clerk, el, t, uid, environment, navigation } = useHost();
    const [, rerender] = useState(0);
    const [open, setOpen] = useState(!!props.defaultOpen);
    const actions = parts.useActions();
    const lists = parts.useInvitations(open);
    const box = useRef<HTMLDivElement>(null);
    const trigger = useRef<HTMLButtonElement>(null);
    const focusOnOpen = useRef(false);

    // Switching (here or elsewhere), accepting an invitation, signing out: re-render from the fresh state.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    // A layout effect: the outside-click listener is in place as soon as the popover shows.
    useLayoutEffect(() => {
      if (!open) return;
      const onPointer = (event: Event) => {
        if (!box.current?.contains(event.target as Node)) setOpen(false);
      };
      document.addEventListener('mousedown', onPointer);
      return () => document.removeEventListener('mousedown', onPointer);
    }, [open]);

    // Opens rightwards from the trigger; near the right edge of the window (phones, headers' right side) it aligns to the trigger's right instead.
    useLayoutEffect(() => {
      const card = box.current?.querySelector<HTMLElement>('[role=dialog]');
      if (!card) return;
      card.style.left = card.style.right = '';
      if (card.getBoundingClientRect().right > document.documentElement.clientWidth - 4) {
        card.style.left = 'auto';
        card.style.right = '0';
      }
      if (focusOnOpen.current) card.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
      focusOnOpen.current = false;
    }, [open]);

    const user = parts.useSteadyUser();
    // Like the user: through setActive's in-between state the trigger keeps the organization it had.
    const lastActive = useRef<Organization | null>(null);
    if (clerk.organization !== undefined) lastActive.current = clerk.organization as Organization | null;
    if (!user || !environment.organizationSettings.enabled) return null;

    const active = lastActive.current;
    const hidePersonal = !!props.hidePersonal || !!environment.organizationSettings.forceOrganizationSelection;
    const memberships: OrganizationMembership[] = user.organizationMemberships ?? [];
    const others = memberships.filter((m) => m.organization.id !== active?.id);
    const currentName = active ? active.name : hidePersonal ? t('organizationSwitcher.notSelected') : t('organizationSwitcher.personalWorkspace');

    const buttons = () => [...(box.current?.querySelectorAll<HTMLButtonElement>('[role=dialog] button:not([disabled])') ?? [])];
    const openPopover = () => {
      setOpen(true);
      actions.clearError();
      // Focus moves in once the popover has rendered (the layout effect below).
      focusOnOpen.current = true;
    };
    const close = (refocus = true) => {
      setOpen(false);
      if (refocus) trigger.current?.focus();
    };

    const select = (org: Organization | null) =>
      actions.run(`switch:${org?.id ?? 'personal'}`, async () => {
        const redirectUrl = org ? resolveUrl(props.afterSelectOrganizationUrl, org) : resolveUrl(props.afterSelectPersonalUrl, user);
        await clerk.setActive({ organization: org, redirectUrl });
        close();
      });

    const manage = () =>
      actions.run('manage', async () => {
        const mode = props.organizationProfileMode ?? (props.organizationProfileUrl ? 'navigation' : 'modal');
        const modalProps = { appearance: props.appearance, afterLeaveOrganizationUrl: props.afterLeaveOrganizationUrl, ...props.organizationProfileProps };
        close(false);
        if (mode === 'modal' && services.openOrganizationProfile(modalProps)) return;
        await navigation.navigate(props.organizationProfileUrl ?? navigation.buildOrganizationProfileUrl());
      });

    const create = () =>
      actions.run('create', async () => {
        const mode = props.createOrganizationMode ?? (props.createOrganizationUrl ? 'navigation' : 'modal');
        const modalProps = {
          appearance: props.appearance,
          afterCreateOrganizationUrl: props.afterCreateOrganizationUrl,
          skipInvitationScreen: props.skipInvitationScreen,
          hideSlug: props.hideSlug,
        };
        close(false);
        if (mode === 'modal' && services.openCreateOrganization(modalProps)) return;
        await navigation.navigate(props.createOrganizationUrl ?? navigation.buildCreateOrganizationUrl());
      });

    const onPopoverKey = (event: KeyboardEvent) => {
      const list = buttons();
      const at = list.indexOf(document.activeElement as HTMLButtonElement);
      const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
      if (event.key in moves) {
        event.preventDefault();
        list[(moves[event.key] + list.length) % list.length]?.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };

    const busyAttrs = (key: string) => ({ disabled: !!actions.busy, 'aria-busy': actions.busy === key ? ('true' as const) : undefined });
    const switchButton = (key: string, onClick: () => void, preview: ComponentChildren) => (
      <li key={key}>
        <button
          type="button"
          {...el('organizationSwitcherPreviewButton', key === 'personal' ? 'personal' : 'organization')}
          {...busyAttrs(`switch:${key}`)}
          onClick={onClick}
        >
          {/* The accessible name is this prefix and the visible preview (WCAG 2.5.3: the name contains the visible text). */}
          <span {...el('visuallyHidden')}>{t('organizationSwitcher.action__switchTo')} </span>
          {preview}
        </button>
      </li>
    );

    const popoverId = `${uid}-popover`;
    const hasInvites = lists.invitations.length > 0 || lists.suggestions.length > 0;
    return (
      <div ref={box} {...el('organizationSwitcherBox')}>
        <button
          ref={trigger}
          type="button"
          {...el('organizationSwitcherTrigger')}
          aria-haspopup="dialog"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={open ? popoverId : undefined}
          onClick={() => (open ? close() : openPopover())}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && !open) {
              event.preventDefault();
              openPopover();
            } else if (event.key === 'Escape' && open) {
              event.preventDefault();
              close();
            }
          }}
        >
          <span {...el('visuallyHidden')}>{t('organizationSwitcher.trigger')} </span>
          {active ? (
            <Preview avatar={active} title={active.name} variant="trigger" />
          ) : hidePersonal ? (
            <span {...el('organizationSwitcherTriggerNotSelected')}>{currentName}</span>
          ) : (
            <PersonalPreview user={user} variant="trigger" />
          )}
          <Chevron {...el('organizationSwitcherTriggerIcon')} />
        </button>
        {open && (
          <div id={popoverId} role="dialog" aria-label={t('organizationSwitcher.popover')} {...el('organizationSwitcherPopoverCard')} onKeyDown={onPopoverKey}>
            {(active || !hidePersonal) && (
              <div {...el('organizationSwitcherPopoverActive')}>
                {active ? (
                  <Preview avatar={active} title={active.name} subtitle={memberships.find((m) => m.organization.id === active.id)?.roleName} variant="active" />
                ) : (
                  <PersonalPreview user={user} variant="active" />
                )}
                {active && (
                  <button
                    type="button"
                    {...el('organizationSwitcherManageButton')}
                    aria-label={t('organizationSwitcher.action__manageOrganizationFor', { organizationName: active.name })}
                    {...busyAttrs('manage')}
                    onClick={() => void manage()}
                  >
                    {t('organizationSwitcher.action__manageOrganization')}
                  </button>
                )}
              </div>
            )}
            <ul {...el('organizationSwitcherPopoverList')}>
              {active && !hidePersonal && switchButton('personal', () => void select(null), <PersonalPreview user={user} variant="secondary" />)}
              {others.map((m) =>
                switchButton(
                  m.organization.id,
                  () => void select(m.organization),
                  <Preview avatar={m.organization} title={m.organization.name} variant="secondary" />,
                ),
              )}
            </ul>
            {user.createOrganizationEnabled !== false && (
              <button
                type="button"
                {...el('organizationSwitcherPopoverActionButton', 'createOrganization')}
                {...busyAttrs('create')}
                onClick={() => void create()}
              >
                <span {...el('organizationSwitcherPopoverActionButtonIcon')} aria-hidden="true">
                  +
                </span>
                {t('organizationSwitcher.action__createOrganization')}
              </button>
            )}
            {hasInvites && (
              <>
                <p {...el('organizationSwitcherPopoverSectionTitle')} id={`${popoverId}-invitations`}>
                  {t('organizationShared.invitations')}
                </p>
                <ul {...el('organizationSwitcherPopoverList', 'invitations')} aria-labelledby={`${popoverId}-invitations`}>
                  <parts.InvitationRows
                    invitations={lists.invitations}
                    suggestions={lists.suggestions}
                    actions={actions}
                    rowName="organizationSwitcherInvitationRow"
                    buttonName="organizationSwitcherInvitationAcceptButton"
                    onAccepted={lists.refresh}
                  />
                </ul>
              </>
            )}
            <Alert>{actions.error}</Alert>
          </div>
        )}
      </div>
    );
  };
}
