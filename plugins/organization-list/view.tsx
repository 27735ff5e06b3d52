/**
 * The `<OrganizationList/>` view, loaded on the first mount: the personal account and the user's
 * organizations to continue with, their invitations ("Join") and suggestions ("Request to join"), and
 * "Create organization", which shows the create flow in place (or goes to `createOrganizationUrl`).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Organization } from '../../kernel/index.js';
import { createOrganizationParts, resolveUrl, type PropRule } from '../create-organization/parts.js';
import type { UiKit } from '../ui/index.js';
import type { OrganizationListProps } from './index.js';

export { organizationListStrings as strings } from './strings.js';
export { organizationListStyles as styles } from './styles.js';

export const organizationListPropRules: Record<string, PropRule> = {
  hidePersonal: 'boolean',
  afterSelectOrganizationUrl: 'url',
  afterSelectPersonalUrl: 'url',
  afterCreateOrganizationUrl: 'url',
  createOrganizationUrl: 'url',
  skipInvitationScreen: 'boolean',
  hideSlug: 'boolean',
};

const Arrow = (attributes: { class: string }) => (
  <svg {...attributes} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
    <path d="M3 8h10M9 4l4 4-4 4" />
  </svg>
);

export default function createOrganizationList(kit: UiKit) {
  const { useHost, Card, Alert } = kit;
  const parts = createOrganizationParts(kit);
  const { Preview, PersonalPreview } = parts;

  return function OrganizationList(props: OrganizationListProps) {
    parts.validateProps('OrganizationList', props, organizationListPropRules);
    const { clerk, el, t, environment, kernel } = useHost();
    const [, rerender] = useState(0);
    const [creating, setCreating] = useState<false | 'details' | 'invite'>(false);
    const actions = parts.useActions();
    const lists = parts.useInvitations(true);
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);

    const user = parts.useSteadyUser();
    if (!user || !environment.organizationSettings.enabled) return null;

    if (creating) {
      return (
        <div {...el('organizationList')}>
          <parts.CreateOrganizationFlow
            props={{ skipInvitationScreen: props.skipInvitationScreen, hideSlug: props.hideSlug }}
            step={creating}
            goTo={setCreating}
            onCancel={() => setCreating(false)}
            onFinish={(org) => {
              setCreating(false);
              const url = resolveUrl(props.afterCreateOrganizationUrl, org);
              if (url) void kernel.navigate(url);
            }}
          />
        </div>
      );
    }

    const active = clerk.organization as Organization | null | undefined;
    const hidePersonal = !!props.hidePersonal || !!environment.organizationSettings.forceOrganizationSelection;
    const select = (org: Organization | null) =>
      actions.run(`select:${org?.id ?? 'personal'}`, async () => {
        const redirectUrl = org ? resolveUrl(props.afterSelectOrganizationUrl, org) : resolveUrl(props.afterSelectPersonalUrl, user);
        await clerk.setActive({ organization: org, redirectUrl });
      });
    const row = (key: string, current: boolean, onClick: () => void, preview: ComponentChildren) => (
      <li key={key} {...el('organizationListPreviewItem', key === 'personal' ? 'personal' : 'organization')}>
        <button
          type="button"
          {...el('organizationListPreviewButton')}
          aria-current={current ? 'true' : undefined}
          disabled={!!actions.busy}
          aria-busy={actions.busy === `select:${key}` ? 'true' : undefined}
          onClick={onClick}
        >
          {/* The accessible name is this prefix and the visible preview (WCAG 2.5.3: the name contains the visible text). */}
          <span {...el('visuallyHidden')}>{t('organizationList.action__select')} </span>
          {preview}
          <Arrow {...el('organizationListPreviewButtonIcon')} />
        </button>
      </li>
    );
    const memberships = user.organizationMemberships ?? [];
    const createOrganization = () => {
      if (props.createOrganizationUrl) void actions.run('create', () => kernel.navigate(props.createOrganizationUrl!));
      else setCreating('details');
    };

    return (
      <div {...el('organizationList')}>
        <Card
          title={t(hidePersonal ? 'organizationList.titleWithoutPersonal' : 'organizationList.title')}
          subtitle={t('organizationList.subtitle', { applicationName: environment.displayConfig.applicationName })}
        >
          <ul {...el('organizationListPreviewItems')}>
            {!hidePersonal && row('personal', !active, () => void select(null), <PersonalPreview user={user} />)}
            {memberships.map((m) =>
              row(
                m.organization.id,
                m.organization.id === active?.id,
                () => void select(m.organization),
                <Preview avatar={m.organization} title={m.organization.name} subtitle={m.roleName ?? undefined} />,
              ),
            )}
            <parts.InvitationRows
              invitations={lists.invitations}
              suggestions={lists.suggestions}
              actions={actions}
              rowName="organizationListPreviewItem"
              buttonName="organizationListPreviewItemActionButton"
              onAccepted={lists.refresh}
            />
          </ul>
          {hidePersonal && !memberships.length && !lists.invitations.length && <p {...el('organizationListEmpty')}>{t('organizationList.empty')}</p>}
          <Alert>{actions.error}</Alert>
          {user.createOrganizationEnabled !== false && (
            <button
              type="button"
              {...el('organizationListCreateOrganizationActionButton')}
              disabled={!!actions.busy}
              aria-busy={actions.busy === 'create' ? 'true' : undefined}
              onClick={createOrganization}
            >
              <span {...el('organizationListCreateOrganizationActionButtonIcon')} aria-hidden="true">
                +
              </span>
              {t('organizationList.action__createOrganization')}
            </button>
          )}
        </Card>
      </div>
    );
  };
}
