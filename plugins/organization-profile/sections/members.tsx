/**
 * Members page: the member list (search, pages, role changes, removal) and, for members who may manage
 * memberships, the invite form and the tabs of pending invitations (revoke) and membership requests
 * (accept, reject).
 */
import { useState } from 'preact/hooks';
import type { Organization, OrganizationMembership } from '../../../kernel/index.js';
import type { OrganizationInvitation, OrganizationMembershipRequest, RoleResource } from '../../organizations/index.js';
import type { Can, OrganizationParts } from '../parts.js';

const PAGE_SIZE = 10;

type Person = { firstName?: string | null; lastName?: string | null; identifier?: string } | null | undefined;
const fullName = (p: Person) => [p?.firstName, p?.lastName].filter(Boolean).join(' ');

export function createMembersPage({ kit, useSay, useRemote, Section, Action, Badge, Success, Select }: OrganizationParts) {
  const { useHost, useForm, Form, Field, Button, Alert } = kit;

  function Pagination({ page, total, onPage }: { page: number; total: number; onPage(page: number): void }) {
    const { el } = useHost();
    const say = useSay();
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (pages === 1) return null;
    return (
      <div {...el('paginationRow')}>
        <Action name="previousPage" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {say('previous')}
        </Action>
        <span {...el('paginationText')}>{say('page', { page, pages })}</span>
        <Action name="nextPage" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {say('next')}
        </Action>
      </div>
    );
  }

  function MemberRow({
    membership,
    self,
    can,
    roles,
    onChanged,
  }: {
    membership: OrganizationMembership;
    self: boolean;
    can: Can;
    roles: RoleResource[];
    onChanged(): void;
  }) {
    const { el } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const [removing, setRemoving] = useState(false);
    const person = membership.publicUserData;
    const name = fullName(person) || person?.identifier || '';
    const manage = can('manageMemberships') && !self;
    const roleLabel = membership.roleName ?? roles.find((r) => r.key === membership.role)?.name ?? membership.role;
    return (
      <div {...el('memberRow')} data-user-id={person?.userId}>
        <span {...el('memberIdentity')}>
          <span {...el('memberName')}>
            {name} {self && <Badge>{say('you')}</Badge>}
          </span>
          {name !== person?.identifier && <span {...el('memberIdentifier')}>{person?.identifier}</span>}
        </span>
        {manage && roles.length > 0 ? (
          <Select
            name={`role-${membership.id}`}
            label={say('roleOf', { name })}
            hideLabel
            value={membership.role}
            disabled={actions.busy}
            options={roles.map((r) => ({ value: r.key, label: r.name }))}
            onChange={(role) => void actions.run(() => membership.update({ role }).then(onChanged))}
          />
        ) : (
          <Badge>{roleLabel}</Badge>
        )}
        {manage &&
          (removing ? (
            <>
              <span>{say('confirmRemove', { name })}</span>
              <Action name="confirmRemove" danger disabled={actions.busy} onClick={() => void actions.run(() => membership.destroy().then(onChanged))}>
                {say('remove')}
              </Action>
              <Action name="cancel" onClick={() => setRemoving(false)}>
                {say('cancel')}
              </Action>
            </>
          ) : (
            <Action name="removeMember" danger onClick={() => setRemoving(true)}>
              {say('remove')}
            </Action>
          ))}
        <Alert>{actions.formError}</Alert>
      </div>
    );
  }

  function MemberList({
    organization,
    can,
    roles,
    version,
    onChanged,
  }: {
    organization: Organization;
    can: Can;
    roles: RoleResource[];
    version: number;
    onChanged(): void;
  }) {
    const { clerk, el } = useHost();
    const say = useSay();
    const [query, setQuery] = useState('');
    const [page, setPage] = useState(1);
    const list = useRemote(
      () => organization.getMemberships({ initialPage: page, pageSize: PAGE_SIZE, query: query.trim() || undefined }),
      [organization.id, page, query, version],
    );
    const { errorText, t } = useHost();
    return (
      <>
        <Field
          name="query"
          label={say('search')}
          type="search"
          value={query}
          onValue={(value) => {
            setQuery(value);
            setPage(1);
          }}
          autoComplete="off"
        />
        {list.error ? <Alert>{describe(list.error, errorText, t)}</Alert> : null}
        <div {...el('membersList')} role="list">
          {list.value?.data.map((m) => (
            <div role="listitem" key={m.id}>
              <MemberRow membership={m} self={m.publicUserData?.userId === clerk.user?.id} can={can} roles={roles} onChanged={onChanged} />
            </div>
          ))}
        </div>
        {list.value && list.value.data.length === 0 && <p {...el('membersEmpty')}>{say('noResults')}</p>}
        {list.value && <Pagination page={page} total={list.value.total_count} onPage={setPage} />}
      </>
    );
  }

  function InviteForm({ organization, roles, onInvited }: { organization: Organization; roles: RoleResource[]; onInvited(): void }) {
    const say = useSay();
    const form = useForm(['email_address', 'role']);
    const [emails, setEmails] = useState('');
    const [role, setRole] = useState('');
    const [sent, setSent] = useState('');
    const chosen = role || roles.find((r) => r.key === 'org:member')?.key || roles[0]?.key || '';
    const submit = () => {
      setSent('');
      const list = emails
        .split(/[\s,;]+/)
        .map((e) => e.trim())
        .filter(Boolean);
      if (!list.length) return form.setErrors({ email_address: say('inviteRequired') });
      void form.run(async () => {
        await organization.inviteMembers({ emailAddresses: list, role: chosen });
        setEmails('');
        setSent(say('invited', { emails: list.join(', ') }));
        onInvited();
      });
    };
    return (
      <Section name="invite" title={say('inviteTitle')}>
        <Form onSubmit={submit}>
          <Field
            name="email_address"
            label={say('inviteEmails')}
            value={emails}
            onValue={setEmails}
            error={form.errors.email_address}
            type="text"
            inputMode="email"
            autoComplete="off"
            hint={<span>{say('inviteHint')}</span>}
          />
          <Select name="invite_role" label={say('role')} value={chosen} options={roles.map((r) => ({ value: r.key, label: r.name }))} onChange={setRole} />
          {form.errors.role && <Alert>{form.errors.role}</Alert>}
          <Alert>{form.formError}</Alert>
          <Success>{sent || undefined}</Success>
          <Button busy={form.busy}>{say('invite')}</Button>
        </Form>
      </Section>
    );
  }

  function InvitationList({ organization, version, onChanged }: { organization: Organization; version: number; onChanged(): void }) {
    const { el, errorText, t } = useHost();
    const say = useSay();
    const [page, setPage] = useState(1);
    const actions = useForm([]);
    const list = useRemote(
      () => organization.getInvitations({ initialPage: page, pageSize: PAGE_SIZE, status: ['pending'] }),
      [organization.id, page, version],
    );
    const revoke = (invitation: OrganizationInvitation) => void actions.run(() => invitation.revoke().then(onChanged));
    return (
      <>
        {list.error ? <Alert>{describe(list.error, errorText, t)}</Alert> : null}
        <Alert>{actions.formError}</Alert>
        <div {...el('invitationsList')} role="list">
          {list.value?.data.map((invitation) => (
            <div role="listitem" key={invitation.id} {...el('memberRow', 'invitation')}>
              <span {...el('memberIdentity')}>{invitation.emailAddress}</span>
              <Badge>{invitation.roleName ?? invitation.role}</Badge>
              <Action name="revokeInvitation" danger disabled={actions.busy} onClick={() => revoke(invitation)}>
                {say('revoke')}
              </Action>
            </div>
          ))}
        </div>
        {list.value && list.value.data.length === 0 && <p {...el('membersEmpty')}>{say('noInvitations')}</p>}
        {list.value && <Pagination page={page} total={list.value.total_count} onPage={setPage} />}
      </>
    );
  }

  function RequestList({ organization, version, onChanged }: { organization: Organization; version: number; onChanged(): void }) {
    const { el, errorText, t } = useHost();
    const say = useSay();
    const [page, setPage] = useState(1);
    const actions = useForm([]);
    const list = useRemote(
      () => organization.getMembershipRequests({ initialPage: page, pageSize: PAGE_SIZE, status: 'pending' }),
      [organization.id, page, version],
    );
    const decide = (request: OrganizationMembershipRequest, accept: boolean) =>
      void actions.run(() => (accept ? request.accept() : request.reject()).then(onChanged));
    return (
      <>
        {list.error ? <Alert>{describe(list.error, errorText, t)}</Alert> : null}
        <Alert>{actions.formError}</Alert>
        <div {...el('requestsList')} role="list">
          {list.value?.data.map((request) => (
            <div role="listitem" key={request.id} {...el('memberRow', 'request')}>
              <span {...el('memberIdentity')}>
                <span {...el('memberName')}>{fullName(request.publicUserData) || request.publicUserData?.identifier}</span>
                <span {...el('memberIdentifier')}>{request.publicUserData?.identifier}</span>
              </span>
              <Action name="acceptRequest" disabled={actions.busy} onClick={() => decide(request, true)}>
                {say('accept')}
              </Action>
              <Action name="rejectRequest" danger disabled={actions.busy} onClick={() => decide(request, false)}>
                {say('reject')}
              </Action>
            </div>
          ))}
        </div>
        {list.value && list.value.data.length === 0 && <p {...el('membersEmpty')}>{say('noRequests')}</p>}
        {list.value && <Pagination page={page} total={list.value.total_count} onPage={setPage} />}
      </>
    );
  }

  type Tab = 'members' | 'invitations' | 'requests';

  function MembersPage({ organization, can }: { organization: Organization; can: Can }) {
    const { el, uid } = useHost();
    const say = useSay();
    const [tab, setTab] = useState<Tab>('members');
    // Bumped after every change, so each list re-reads what FAPI now holds.
    const [version, setVersion] = useState(0);
    const changed = () => setVersion((v) => v + 1);
    const roles = useRemote(() => organization.getRoles({ pageSize: 50 }), [organization.id]);
    const roleList = roles.value?.data ?? [];
    const manage = can('manageMemberships');
    const tabs: Tab[] = manage ? ['members', 'invitations', 'requests'] : ['members'];
    const current = tabs.includes(tab) ? tab : 'members';
    return (
      <>
        {manage && <InviteForm organization={organization} roles={roleList} onInvited={changed} />}
        <Section name="members" title={say('navbar.members')}>
          {tabs.length > 1 && (
            <div {...el('membersTabs')} role="tablist" aria-label={say('tabs')}>
              {tabs.map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  id={`${uid}-tab-${t}`}
                  aria-selected={t === current ? 'true' : 'false'}
                  aria-controls={`${uid}-panel`}
                  {...el('membersTab', t)}
                  onClick={() => setTab(t)}
                >
                  {say(`${t}Tab`)}
                </button>
              ))}
            </div>
          )}
          <div id={`${uid}-panel`} role={tabs.length > 1 ? 'tabpanel' : undefined} aria-labelledby={tabs.length > 1 ? `${uid}-tab-${current}` : undefined}>
            {current === 'members' && <MemberList organization={organization} can={can} roles={roleList} version={version} onChanged={changed} />}
            {current === 'invitations' && <InvitationList organization={organization} version={version} onChanged={changed} />}
            {current === 'requests' && <RequestList organization={organization} version={version} onChanged={changed} />}
          </div>
        </Section>
      </>
    );
  }

  return { MembersPage, InviteForm };
}

/** A failed list read as text: FAPI's localized error, else the generic one. */
function describe(error: unknown, errorText: (e: never) => string, t: (key: string) => string): string {
  const errors = (error as { errors?: unknown[] })?.errors;
  return Array.isArray(errors) && errors[0] ? errorText(errors[0] as never) : t('unstable__errors.unknown');
}
