/**
 * The `<CreateOrganization/>` view, loaded on the first mount or open: the details step at the
 * component's start route, the invite step at `invite-members` (path, hash or in-memory routing), then
 * `afterCreateOrganizationUrl` with its `:id` / `:slug` placeholders filled in.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Organization } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { CreateOrganizationProps } from './index.js';
import { createOrganizationParts, resolveUrl } from './parts.js';

export { createOrganizationStrings as strings } from './strings.js';
export { organizationPartsStyles as styles } from './styles.js';

const INVITE_STEP = 'invite-members';

export const createOrganizationPropRules = {
  afterCreateOrganizationUrl: 'url',
  skipInvitationScreen: 'boolean',
  hideSlug: 'boolean',
} as const;

export default function createCreateOrganization(kit: UiKit) {
  const { useHost } = kit;
  const parts = createOrganizationParts(kit);

  return function CreateOrganization(props: CreateOrganizationProps) {
    parts.validateProps('CreateOrganization', props, createOrganizationPropRules);
    const { clerk, el, route, navigate, modal, close, environment, kernel } = useHost();
    const [, rerender] = useState(0);
    // Signing out elsewhere, or the organization switch of the details step: render from the fresh state.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    if (!clerk.user) return null;

    const finish = (org: Organization) => {
      const url = resolveUrl(props.afterCreateOrganizationUrl, org) ?? (modal ? undefined : environment.displayConfig.afterCreateOrganizationUrl || undefined);
      close();
      if (url) void kernel.navigate(url);
      else if (!modal) void navigate('');
    };
    return (
      <div {...el('createOrganization')}>
        <parts.CreateOrganizationFlow
          props={props}
          step={route.split('/')[0] === INVITE_STEP ? 'invite' : 'details'}
          goTo={(step) => void navigate(step === 'invite' ? INVITE_STEP : '')}
          onFinish={finish}
        />
      </div>
    );
  };
}
