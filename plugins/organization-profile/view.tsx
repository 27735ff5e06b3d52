/**
 * The `<OrganizationProfile/>` view, loaded on the first mount or open: the active organization's
 * `general`, `members` and `domains` pages plus the app's custom pages. Pages and actions the member's
 * permissions do not allow are not shown (FAPI refuses them anyway).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Organization, OrganizationMembership, User } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { InviteMembersProps, OrganizationProfilePage, OrganizationProfileProps } from './index.js';
import { createOrganizationParts, permissionsOf } from './parts.js';
import { createDomainsPage } from './sections/domains.js';
import { createGeneralPage } from './sections/general.js';
import { createMembersPage } from './sections/members.js';
import type { PropRule } from '../ui/props.js';

export { organizationProfileStrings as strings } from './strings.js';
export { organizationProfileStyles as styles } from './styles.js';

/** `<OrganizationProfile/>`'s props besides the hosted ones (routing, path, appearance). */
export const organizationProfilePropRules: Record<string, PropRule> = {
  afterLeaveOrganizationUrl: 'url',
  customPages: 'array',
  __experimental_startPath: 'string',
};

export default function createOrganizationProfile(kit: UiKit) {
  const { useHost, CustomPage, profilePages, trimSlashes } = kit;
  const parts = createOrganizationParts(kit);
  const { useSay } = parts;
  const GeneralPage = createGeneralPage(parts);
  const { MembersPage } = createMembersPage(parts);
  const DomainsPage = createDomainsPage(parts);

  return function OrganizationProfile(props: OrganizationProfileProps) {
    kit.validateProps('OrganizationProfile', props, organizationProfilePropRules);
    const { clerk, el, uid, route, navigate, kernel, environment } = useHost();
    const say = useSay();
    const [, rerender] = useState(0);
    // Every FAPI answer carries the client: re-render with the fresh organization and membership.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    const user = clerk.user as User | null | undefined;
    const organization = clerk.organization as Organization | null | undefined;
    const membership = user?.organizationMemberships.find((m: OrganizationMembership) => m.organization.id === organization?.id);
    if (!user || !organization || !membership) return null;
    const can = permissionsOf(membership);
    const domainsEnabled = !!(environment.organizationSettings as { domains?: { enabled?: boolean } }).domains?.enabled;

    const pages = profilePages<{ id: string; label: string; page?: OrganizationProfilePage }, OrganizationProfilePage>(
      [
        { id: 'general', label: say('navbar.general') },
        ...(can('readMemberships') ? [{ id: 'members', label: say('navbar.members') }] : []),
        ...(domainsEnabled && can('readDomains') ? [{ id: 'domains', label: say('domains') }] : []),
      ],
      props.customPages,
      (page) => ({ id: trimSlashes(page.url!), label: page.label, page }),
    );
    const wanted = trimSlashes(route).split('/')[0] || trimSlashes(props.__experimental_startPath ?? '') || pages[0].id;
    const active = pages.find((p) => p.id === wanted && !(p.page && !p.page.mount)) ?? pages[0];
    const go = (page: (typeof pages)[number]) => {
      // A custom entry without `mount` is a link out of the component.
      if (page.page && !page.page.mount) void kernel.navigate(page.page.url!);
      else void navigate(page.id);
    };

    return (
      <div {...el('organizationProfile')}>
        <nav {...el('navbar')} aria-label={say('navbar.title')}>
          {pages.map((page) => (
            <button key={page.id} type="button" {...el('navbarButton', page.id)} aria-current={page === active ? 'page' : undefined} onClick={() => go(page)}>
              {page.label}
            </button>
          ))}
        </nav>
        {/* Keyed by organization: after a switch, no form keeps the previous organization's input. */}
        <div key={organization.id} {...el('pageScrollBox')}>
          <h1 id={`${uid}-title`} {...el('headerTitle')}>
            {active.label}
          </h1>
          {active.page ? (
            <CustomPage key={active.id} page={active.page} />
          ) : active.id === 'members' ? (
            <MembersPage organization={organization} can={can} />
          ) : active.id === 'domains' ? (
            <DomainsPage organization={organization} can={can} />
          ) : (
            <GeneralPage organization={organization} can={can} props={props} />
          )}
        </div>
      </div>
    );
  };
}

/**
 * `<InviteMembers/>`, the modal `clerk.openInviteMembers()` opens: the members page's invitation form for
 * the active organization (emails and a role). Nothing for a member who may not manage memberships.
 */
export function createInviteMembers(kit: UiKit) {
  const { useHost } = kit;
  const parts = createOrganizationParts(kit);
  const { useRemote } = parts;
  const { InviteForm } = createMembersPage(parts);

  return function InviteMembers(props: InviteMembersProps) {
    kit.validateProps('InviteMembers', props, {});
    const { clerk, el, uid } = useHost();
    const [, rerender] = useState(0);
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    const organization = clerk.organization as Organization | null | undefined;
    const membership = (clerk.user as User | null | undefined)?.organizationMemberships.find(
      (m: OrganizationMembership) => m.organization.id === organization?.id,
    );
    const roles = useRemote(() => (organization ? organization.getRoles({ pageSize: 50 }) : Promise.resolve(null)), [organization?.id]);
    if (!organization || !membership || !permissionsOf(membership)('manageMemberships')) return null;
    return (
      <div {...el('inviteMembers')} aria-labelledby={`${uid}-title`}>
        <h1 id={`${uid}-title`} {...el('headerTitle')}>
          {organization.name}
        </h1>
        <InviteForm organization={organization} roles={roles.value?.data ?? []} onInvited={() => {}} />
      </div>
    );
  };
}
