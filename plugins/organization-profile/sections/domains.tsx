/**
 * Verified domains page: add a domain, prove affiliation with a code sent to an address at it, choose
 * how users at a verified domain join (enrollment mode), remove it. Read-only without `sys_domains:manage`.
 */
import { useState } from 'preact/hooks';
import type { Organization } from '../../../kernel/index.js';
import type { OrganizationDomain, OrganizationEnrollmentMode } from '../../organizations/index.js';
import type { Can, OrganizationParts } from '../parts.js';

const MODES: OrganizationEnrollmentMode[] = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'];

export function createDomainsPage({ kit, useSay, useRemote, Section, Action, Badge, Select }: OrganizationParts) {
  const { useHost, useForm, Form, Field, Button, Alert, CodeForm } = kit;

  /** The two steps of affiliation: an address at the domain, then the code sent to it. */
  function VerifyDomain({ domain, onDone, onCancel }: { domain: OrganizationDomain; onDone(): void; onCancel(): void }) {
    const say = useSay();
    const form = useForm(['affiliation_email_address']);
    const [local, setLocal] = useState('');
    const [sentTo, setSentTo] = useState<OrganizationDomain | null>(null);
    const send = () => {
      const part = local.trim().replace(new RegExp(`@${domain.name.replace(/\./g, '\\.')}$`, 'i'), '');
      if (!part || part.includes('@')) return form.setErrors({ affiliation_email_address: say('affiliationLocalRequired', { domain: domain.name }) });
      void form.run(async () => setSentTo(await domain.prepareAffiliationVerification({ affiliationEmailAddress: `${part}@${domain.name}` })));
    };
    return (
      <div>
        <p>
          <strong>{say('verifyTitle', { domain: domain.name })}</strong> {say('verifyHint', { domain: domain.name })}
        </p>
        {sentTo ? (
          <CodeForm
            label={say('codeSentTo', { email: sentTo.affiliationEmailAddress ?? '' })}
            onCode={async (code) => {
              await sentTo.attemptAffiliationVerification({ code });
              onDone();
            }}
            onResend={() => sentTo.prepareAffiliationVerification({ affiliationEmailAddress: sentTo.affiliationEmailAddress ?? '' })}
          />
        ) : (
          <Form onSubmit={send}>
            <Field
              name="affiliation_email_address"
              label={say('affiliationEmail', { domain: domain.name })}
              value={local}
              onValue={setLocal}
              error={form.errors.affiliation_email_address}
              autoComplete="off"
              autoFocus
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy}>{say('sendCode')}</Button>
          </Form>
        )}
        <Action name="cancel" onClick={onCancel}>
          {say('cancel')}
        </Action>
      </div>
    );
  }

  function DomainRow({ domain, manage, onChanged }: { domain: OrganizationDomain; manage: boolean; onChanged(): void }) {
    const { el } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const [verifying, setVerifying] = useState(false);
    const [removing, setRemoving] = useState(false);
    const verified = domain.verification?.status === 'verified';
    return (
      <div {...el('memberRow', 'domain')} data-domain={domain.name}>
        <span {...el('memberIdentity')}>
          <span>
            {domain.name} <Badge>{say(verified ? 'verified' : 'unverified')}</Badge>
          </span>
        </span>
        {verified && manage && (
          <Select
            name={`enrollment-${domain.id}`}
            label={say('enrollmentMode', { domain: domain.name })}
            hideLabel
            value={domain.enrollmentMode}
            disabled={actions.busy}
            options={MODES.map((mode) => ({ value: mode, label: say(mode) }))}
            onChange={(mode) => void actions.run(() => domain.updateEnrollmentMode({ enrollmentMode: mode as OrganizationEnrollmentMode }).then(onChanged))}
          />
        )}
        {verified && !manage && <Badge>{say(domain.enrollmentMode)}</Badge>}
        {manage && !verified && !verifying && (
          <Action name="verifyDomain" onClick={() => setVerifying(true)}>
            {say('verify')}
          </Action>
        )}
        {manage &&
          (removing ? (
            <>
              <span>{say('confirmDeleteDomain', { domain: domain.name })}</span>
              <Action name="confirmDeleteDomain" danger disabled={actions.busy} onClick={() => void actions.run(() => domain.delete().then(onChanged))}>
                {say('deleteDomain')}
              </Action>
              <Action name="cancel" onClick={() => setRemoving(false)}>
                {say('cancel')}
              </Action>
            </>
          ) : (
            <Action name="deleteDomain" danger onClick={() => setRemoving(true)}>
              {say('deleteDomain')}
            </Action>
          ))}
        <Alert>{actions.formError}</Alert>
        {verifying && (
          <VerifyDomain
            domain={domain}
            onCancel={() => setVerifying(false)}
            onDone={() => {
              setVerifying(false);
              onChanged();
            }}
          />
        )}
      </div>
    );
  }

  function AddDomain({ organization, onAdded }: { organization: Organization; onAdded(): void }) {
    const say = useSay();
    const form = useForm(['name']);
    const [open, setOpen] = useState(false);
    const [name, setName] = useState('');
    const submit = () => {
      const value = name.trim().toLowerCase();
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value)) return form.setErrors({ name: say('domainRequired') });
      void form.run(async () => {
        await organization.createDomain(value);
        setName('');
        setOpen(false);
        onAdded();
      });
    };
    if (!open)
      return (
        <Action name="addDomain" onClick={() => setOpen(true)}>
          {say('addDomain')}
        </Action>
      );
    return (
      <Form onSubmit={submit}>
        <Field
          name="name"
          label={say('domainName')}
          value={name}
          onValue={setName}
          error={form.errors.name}
          autoComplete="off"
          placeholder="example.com"
          autoFocus
        />
        <Alert>{form.formError}</Alert>
        <Button busy={form.busy}>{say('addDomain')}</Button>
        <Action name="cancel" onClick={() => setOpen(false)}>
          {say('cancel')}
        </Action>
      </Form>
    );
  }

  return function DomainsPage({ organization, can }: { organization: Organization; can: Can }) {
    const { el, errorText, t } = useHost();
    const say = useSay();
    const [version, setVersion] = useState(0);
    const changed = () => setVersion((v) => v + 1);
    const list = useRemote(() => organization.getDomains({ pageSize: 50 }), [organization.id, version]);
    const manage = can('manageDomains');
    const failure = (list.error as { errors?: Array<never> } | undefined)?.errors?.[0];
    return (
      <Section name="domains" title={say('domains')}>
        {list.error ? <Alert>{failure ? errorText(failure) : t('unstable__errors.unknown')}</Alert> : null}
        <div {...el('domainsList')} role="list">
          {list.value?.data.map((domain) => (
            <div role="listitem" key={domain.id}>
              <DomainRow domain={domain} manage={manage} onChanged={changed} />
            </div>
          ))}
        </div>
        {list.value && list.value.data.length === 0 && <p {...el('membersEmpty')}>{say('noDomains')}</p>}
        {manage && <AddDomain organization={organization} onAdded={changed} />}
      </Section>
    );
  };
}
