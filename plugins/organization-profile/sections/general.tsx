/** General page: logo, name and slug (for members who may manage the profile), leave, delete (with the delete permission). */
import { useState } from 'preact/hooks';
import type { Organization } from '../../../kernel/index.js';
import type { OrganizationProfileProps } from '../index.js';
import type { Can, OrganizationParts } from '../parts.js';

export function createGeneralPage({ kit, useSay, Section, Action, Success, Logo }: OrganizationParts) {
  const { useHost, useForm, Form, Field, Button, Alert } = kit;

  function ProfileSection({ organization, can }: { organization: Organization; can: Can }) {
    const { el } = useHost();
    const say = useSay();
    const form = useForm(['name', 'slug']);
    const logo = useForm(['file']);
    const [name, setName] = useState(organization.name);
    const [slug, setSlug] = useState(organization.slug ?? '');
    const [saved, setSaved] = useState(false);
    const manage = can('manageProfile');

    const save = () => {
      setSaved(false);
      if (!name.trim()) return form.setErrors({ name: say('nameRequired') });
      void form.run(async () => {
        await organization.update({ name: name.trim(), ...(slug.trim() && slug.trim() !== organization.slug ? { slug: slug.trim() } : {}) });
        setSaved(true);
      });
    };

    return (
      <Section name="organizationProfile" title={say('profile')}>
        <div {...el('profileSectionItem', 'logo')}>
          <Logo organization={organization} />
          {!manage && (
            <span {...el('profileSectionItemText')}>
              {organization.name}
              {organization.slug ? ` · ${organization.slug}` : ''}
            </span>
          )}
          {manage && (
            <label {...el('profileSectionPrimaryButton', 'upload')}>
              {say('uploadLogo')}
              <input
                type="file"
                accept="image/*"
                name="organization_logo"
                {...el('fileInput')}
                style={{ position: 'absolute', width: '1px', height: '1px', opacity: 0 }}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void logo.run(() => organization.setLogo({ file }));
                }}
              />
            </label>
          )}
          {manage && organization.hasImage && (
            <Action name="removeLogo" danger onClick={() => void logo.run(() => organization.setLogo({ file: null }))}>
              {say('removeLogo')}
            </Action>
          )}
        </div>
        <Alert>{logo.errors.file ?? logo.formError}</Alert>
        {manage && (
          <Form onSubmit={save}>
            <Field name="name" label={say('name')} value={name} onValue={setName} error={form.errors.name} autoComplete="organization" />
            <Field name="slug" label={say('slug')} value={slug} onValue={setSlug} error={form.errors.slug} autoComplete="off" />
            <Alert>{form.formError}</Alert>
            <Success>{saved ? say('saved') : undefined}</Success>
            <Button busy={form.busy}>{say('save')}</Button>
          </Form>
        )}
      </Section>
    );
  }

  /** Leaves the page for the app's after-leave URL once the organization is gone for this user. */
  function useLeaveTo(props: OrganizationProfileProps) {
    const { kernel, clerk, environment, close } = useHost();
    return async () => {
      // The session's active organization was cleared by FAPI; a fresh token drops the `o` claim.
      await clerk.setActive({ organization: null });
      close();
      const display = environment.displayConfig as { afterLeaveOrganizationUrl?: string } | undefined;
      await kernel.navigate(props.afterLeaveOrganizationUrl ?? display?.afterLeaveOrganizationUrl ?? '/');
    };
  }

  function LeaveSection({ organization, props }: { organization: Organization; props: OrganizationProfileProps }) {
    const { clerk } = useHost();
    const say = useSay();
    const form = useForm([]);
    const [confirming, setConfirming] = useState(false);
    const leaveTo = useLeaveTo(props);
    return (
      <Section name="leave" title={say('leave')}>
        <p>{say('leaveWarning')}</p>
        {confirming ? (
          <div>
            <p>{say('leaveConfirm', { name: organization.name })}</p>
            <Alert>{form.formError}</Alert>
            <Action
              name="confirmLeave"
              danger
              disabled={form.busy}
              onClick={() =>
                void form.run(async () => {
                  await clerk.user!.leaveOrganization(organization.id);
                  await leaveTo();
                })
              }
            >
              {say('leave')}
            </Action>
            <Action name="cancel" onClick={() => setConfirming(false)}>
              {say('cancel')}
            </Action>
          </div>
        ) : (
          <Action name="leave" danger onClick={() => setConfirming(true)}>
            {say('leave')}
          </Action>
        )}
      </Section>
    );
  }

  function DeleteSection({ organization, props }: { organization: Organization; props: OrganizationProfileProps }) {
    const say = useSay();
    const form = useForm(['delete_confirmation']);
    const [confirming, setConfirming] = useState(false);
    const [typed, setTyped] = useState('');
    const leaveTo = useLeaveTo(props);
    const submit = () => {
      if (typed.trim() !== organization.name.trim()) return form.setErrors({ delete_confirmation: say('deleteConfirmMismatch', { name: organization.name }) });
      void form.run(async () => {
        await organization.destroy();
        await leaveTo();
      });
    };
    return (
      <Section name="danger" title={say('delete')}>
        <p>{say('deleteWarning')}</p>
        {confirming ? (
          <Form onSubmit={submit}>
            <Field
              name="delete_confirmation"
              label={say('deleteConfirmLabel', { name: organization.name })}
              value={typed}
              onValue={setTyped}
              error={form.errors.delete_confirmation}
              autoComplete="off"
              autoFocus
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} variant="danger">
              {say('delete')}
            </Button>
            <Action name="cancel" onClick={() => setConfirming(false)}>
              {say('cancel')}
            </Action>
          </Form>
        ) : (
          <Action name="deleteOrganization" danger onClick={() => setConfirming(true)}>
            {say('delete')}
          </Action>
        )}
      </Section>
    );
  }

  return function GeneralPage({ organization, can, props }: { organization: Organization; can: Can; props: OrganizationProfileProps }) {
    const { environment } = useHost();
    const settings = environment.organizationSettings as { actions?: { adminDelete?: boolean } };
    const deletable = can('deleteProfile') && organization.adminDeleteEnabled !== false && settings.actions?.adminDelete !== false;
    return (
      <>
        <ProfileSection key={organization.id} organization={organization} can={can} />
        <LeaveSection organization={organization} props={props} />
        {deletable && <DeleteSection organization={organization} props={props} />}
      </>
    );
  };
}
