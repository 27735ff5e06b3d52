/**
 * The organization parts `<CreateOrganization/>`, `<OrganizationSwitcher/>` and `<OrganizationList/>`
 * share: props validation, `:slug`-style URL placeholders, avatars and previews, one-at-a-time actions
 * with inline errors, the user's invitations and suggestions, and the create-organization flow (details,
 * then invite members). Only the lazily loaded view modules import this file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Organization, User } from '../../kernel/index.js';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { OrganizationSuggestion, RoleResource, UserOrganizationInvitation } from '../organizations/resources.js';
import type { UiKit } from '../ui/index.js';
import type { CreateOrganizationProps } from './index.js';

export type { PropRule } from '../ui/props.js';

const MAX_LOGO_BYTES = 10 * 1024 * 1024;
const SLUG = /^[a-z0-9_-]+$/;

/** A slug from a name, as the user would write it: `Acme Corp.` → `acme-corp`. */
export const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** A URL with `:field` placeholders filled from `source` (`/orgs/:slug`), or a function of it, as ClerkJS resolves them. */
export function resolveUrl<T extends object>(url: string | ((value: T) => string) | undefined, source: T): string | undefined {
  if (typeof url === 'function') return url(source);
  return url?.replace(/:([A-Za-z_]\w*)/g, (match, key: string) => {
    const value = (source as Record<string, unknown>)[key];
    return typeof value === 'string' || typeof value === 'number' ? encodeURIComponent(String(value)) : match;
  });
}

/** Initials of a name (`Acme Corp` → `AC`), or of an identifier. */
export const initials = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();

/** Images we show: http(s), or an inline image (what the emulator and FAPI previews give for uploaded logos). Never script. */
const isImageUrl = (url: unknown): url is string => typeof url === 'string' && /^(https?:\/\/|data:image\/(png|jpe?g|gif|webp);)/i.test(url);

interface Avatar {
  name: string;
  imageUrl?: string | null;
  hasImage?: boolean;
}

/** An organization as previews show it (a membership's, an invitation's or a suggestion's). */
export const organizationAvatar = (o: { name: string; imageUrl?: string; hasImage?: boolean }): Avatar => ({
  name: o.name,
  imageUrl: o.imageUrl,
  hasImage: o.hasImage,
});

export const userDisplayName = (user: User) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.primaryEmailAddress?.emailAddress || user.username || '';

export function createOrganizationParts(kit: UiKit) {
  const { useHost, useForm, Field, Alert, Button, Form, Card, validateProps } = kit;

  function AvatarBox({ avatar, kind }: { avatar: Avatar; kind: 'organization' | 'user' }) {
    const { el } = useHost();
    return (
      <span {...el(`${kind}AvatarBox`)} aria-hidden="true">
        {avatar.hasImage !== false && isImageUrl(avatar.imageUrl) ? <img src={avatar.imageUrl} alt="" {...el(`${kind}AvatarImage`)} /> : initials(avatar.name)}
      </span>
    );
  }

  /** Avatar, name and a second line; `kind` picks ClerkJS's element keys (`organizationPreview…` / `userPreview…`). */
  function Preview({
    avatar,
    title,
    subtitle,
    kind = 'organization',
    variant,
  }: {
    avatar: Avatar;
    title: string;
    subtitle?: string;
    kind?: 'organization' | 'user';
    variant?: string;
  }) {
    const { el } = useHost();
    return (
      <span {...el(`${kind}Preview`, variant)}>
        <AvatarBox avatar={avatar} kind={kind} />
        <span {...el(`${kind}PreviewTextContainer`)}>
          <span {...el(`${kind}PreviewMainIdentifier`)}>{title}</span>
          {subtitle && <span {...el(`${kind}PreviewSecondaryIdentifier`)}>{subtitle}</span>}
        </span>
      </span>
    );
  }

  /** The signed-in user's personal account as a preview. */
  function PersonalPreview({ user, variant }: { user: User; variant?: string }) {
    const { t } = useHost();
    const name = userDisplayName(user);
    return (
      <Preview
        kind="user"
        variant={variant}
        avatar={{ name: name || '?', imageUrl: user.imageUrl, hasImage: user.hasImage }}
        title={t('organizationShared.personalAccount')}
        subtitle={name || undefined}
      />
    );
  }

  /** Runs one action at a time: `busy` names it (its button shows busy, the others are disabled); a failure shows inline. */
  function useActions() {
    const { errorText, t } = useHost();
    const [busy, setBusy] = useState<string>();
    const [error, setError] = useState<string>();
    const running = useRef(false);
    const run = async (key: string, action: () => Promise<unknown> | unknown) => {
      if (running.current) return;
      running.current = true;
      setBusy(key);
      setError(undefined);
      try {
        await action();
      } catch (err) {
        if (isClerkAPIResponseError(err) && err.errors[0]) setError(errorText(err.errors[0]));
        else if (isClerkRuntimeError(err)) setError(err.message);
        else {
          console.error('[microclerk]', err);
          setError(t('unstable__errors.unknown'));
        }
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    };
    return { busy, error, run, clearError: () => setError(undefined) };
  }
  type Actions = ReturnType<typeof useActions>;

  /**
   * The signed-in user, kept through a switch: while `setActive({ redirectUrl })` runs, listeners read
   * `undefined` (ClerkJS's documented in-between state), and the component should not blink out.
   */
  function useSteadyUser(): User | null | undefined {
    const { clerk } = useHost();
    const last = useRef<User | null>();
    const user = clerk.user as User | null | undefined;
    if (user !== undefined) last.current = user;
    return user === undefined ? last.current : user;
  }

  /** The user's pending invitations and their suggestions (pending or already requested), fetched while `active`. */
  function useInvitations(active: boolean) {
    const { environment } = useHost();
    const user = useSteadyUser();
    const [invitations, setInvitations] = useState<UserOrganizationInvitation[]>([]);
    const [suggestions, setSuggestions] = useState<OrganizationSuggestion[]>([]);
    const domains = (environment.organizationSettings as { domains?: { enabled?: boolean } }).domains?.enabled === true;
    const refresh = async () => {
      if (!user) return;
      const [mine, suggested] = await Promise.all([
        user.getOrganizationInvitations({ status: 'pending' }),
        domains ? user.getOrganizationSuggestions({ status: ['pending', 'accepted'] }) : Promise.resolve({ data: [] as OrganizationSuggestion[] }),
      ]);
      setInvitations(mine.data);
      setSuggestions(suggested.data);
    };
    useEffect(() => {
      if (active) refresh().catch((err) => console.error('[microclerk] could not list organization invitations:', err));
    }, [active, user?.id]);
    return { invitations, suggestions, refresh };
  }

  /**
   * Pending invitations ("Join") and suggestions ("Request to join", then "Pending approval"), each with
   * an accessible name that says which organization. `buttonName` is the element key of the buttons.
   */
  function InvitationRows({
    invitations,
    suggestions,
    actions,
    rowName,
    buttonName,
    onAccepted,
  }: {
    invitations: UserOrganizationInvitation[];
    suggestions: OrganizationSuggestion[];
    actions: Actions;
    rowName: string;
    buttonName: string;
    onAccepted(): Promise<unknown> | unknown;
  }) {
    const { el, t } = useHost();
    const rows: ComponentChildren[] = [];
    for (const invitation of invitations) {
      const org = invitation.publicOrganizationData;
      const key = `invitation:${invitation.id}`;
      rows.push(
        <li key={key} {...el(rowName, 'invitation')}>
          <Preview avatar={organizationAvatar(org)} title={org.name} />
          <button
            type="button"
            {...el(buttonName, 'invitation')}
            aria-label={t('organizationShared.invitationAcceptFor', { organizationName: org.name })}
            disabled={!!actions.busy}
            aria-busy={actions.busy === key ? 'true' : undefined}
            onClick={() =>
              void actions.run(key, async () => {
                await invitation.accept();
                await onAccepted();
              })
            }
          >
            {t('organizationShared.invitationAccept')}
          </button>
        </li>,
      );
    }
    for (const suggestion of suggestions) {
      const org = suggestion.publicOrganizationData;
      const key = `suggestion:${suggestion.id}`;
      rows.push(
        <li key={key} {...el(rowName, 'suggestion')}>
          <Preview avatar={organizationAvatar(org)} title={org.name} />
          {suggestion.status === 'accepted' ? (
            <span {...el('organizationSuggestionAcceptedLabel')}>{t('organizationShared.suggestionAccepted')}</span>
          ) : (
            <button
              type="button"
              {...el(buttonName, 'suggestion')}
              aria-label={t('organizationShared.suggestionAcceptFor', { organizationName: org.name })}
              disabled={!!actions.busy}
              aria-busy={actions.busy === key ? 'true' : undefined}
              onClick={() =>
                void actions.run(key, async () => {
                  await suggestion.accept();
                  await onAccepted();
                })
              }
            >
              {t('organizationShared.suggestionAccept')}
            </button>
          )}
        </li>,
      );
    }
    return rows.length ? <>{rows}</> : null;
  }

  /** Name, slug (follows the name until edited) and logo; creates the organization, uploads the logo, makes it active. */
  function DetailsStep({ props, onCreated, onCancel }: { props: CreateOrganizationProps; onCreated(org: Organization): void; onCancel?: () => void }) {
    const { clerk, el, t, uid, environment } = useHost();
    const form = useForm(['name', 'slug']);
    const [name, setName] = useState('');
    const [slug, setSlug] = useState('');
    const [slugEdited, setSlugEdited] = useState(false);
    const [logo, setLogo] = useState<File>();
    const [logoError, setLogoError] = useState<string>();
    const [preview, setPreview] = useState<string>();
    const fileInput = useRef<HTMLInputElement>(null);
    // Kept across retries: when the logo upload or the switch fails, submitting again must not create a second organization.
    const created = useRef<Organization>();
    const slugSettings = (environment.organizationSettings as { slug?: { disabled?: boolean } }).slug;
    const showSlug = !props.hideSlug && !slugSettings?.disabled;

    useEffect(() => {
      if (!logo || typeof URL.createObjectURL !== 'function') return setPreview(undefined);
      const url = URL.createObjectURL(logo);
      setPreview(url);
      return () => URL.revokeObjectURL(url);
    }, [logo]);

    const chooseLogo = (file: File | undefined) => {
      if (!file) return;
      if (!file.type.startsWith('image/') || file.size > MAX_LOGO_BYTES) return setLogoError(t('createOrganization.logo.hint'));
      setLogoError(undefined);
      setLogo(file);
    };

    const submit = () => {
      const trimmed = name.trim();
      const problems: Record<string, string> = {};
      if (!trimmed) problems.name = t('unstable__errors.form_param_missing');
      if (showSlug && !SLUG.test(slug)) problems.slug = t(slug ? 'unstable__errors.form_param_format_invalid' : 'unstable__errors.form_param_missing');
      if (Object.keys(problems).length) return form.setErrors(problems);
      void form.run(async () => {
        let org = created.current;
        if (!org) {
          org = await (clerk.createOrganization as (p: { name: string; slug?: string }) => Promise<Organization>)({
            name: trimmed,
            slug: showSlug ? slug : undefined,
          });
          created.current = org;
        }
        if (logo && !org.hasImage) await org.setLogo({ file: logo });
        await clerk.setActive({ organization: org });
        onCreated(org);
      });
    };

    const logoId = `${uid}-logo`;
    return (
      <Card title={t('createOrganization.title')}>
        <Form onSubmit={submit}>
          <div {...el('organizationLogoSection')} role="group" aria-labelledby={`${logoId}-title`}>
            <span {...el('organizationAvatarBox', 'upload')} aria-hidden="true">
              {preview ? <img src={preview} alt="" {...el('organizationAvatarImage')} /> : initials(name) || '+'}
            </span>
            <div {...el('organizationLogoActions')}>
              <span id={`${logoId}-title`} {...el('formFieldLabel', 'logo')}>
                {t('createOrganization.logo.title')}
              </span>
              <div {...el('organizationLogoButtons')}>
                <button type="button" {...el('organizationLogoButton', 'upload')} disabled={form.busy} onClick={() => fileInput.current?.click()}>
                  {t('createOrganization.logo.upload')}
                </button>
                {logo && (
                  <button type="button" {...el('organizationLogoButton', 'remove')} disabled={form.busy} onClick={() => setLogo(undefined)}>
                    {t('createOrganization.logo.remove')}
                  </button>
                )}
              </div>
              <p id={`${logoId}-hint`} {...el(logoError ? 'formFieldErrorText' : 'formFieldHintText', 'logo')} role={logoError ? 'alert' : undefined}>
                {logoError ?? t('createOrganization.logo.hint')}
              </p>
              <input
                ref={fileInput}
                id={logoId}
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                {...el('organizationLogoInput')}
                aria-describedby={`${logoId}-hint`}
                aria-label={t('createOrganization.logo.upload')}
                tabIndex={-1}
                onChange={(e) => {
                  chooseLogo(e.currentTarget.files?.[0]);
                  e.currentTarget.value = '';
                }}
              />
            </div>
          </div>
          <Field
            name="name"
            label={t('formFieldLabel__organizationName')}
            placeholder={t('formFieldInputPlaceholder__organizationName')}
            value={name}
            onValue={(value) => {
              setName(value);
              if (!slugEdited) setSlug(slugify(value));
            }}
            error={form.errors.name}
            autoComplete="organization"
            autoFocus
            required
          />
          {showSlug && (
            <Field
              name="slug"
              label={t('formFieldLabel__organizationSlug')}
              placeholder={t('formFieldInputPlaceholder__organizationSlug')}
              value={slug}
              onValue={(value) => {
                setSlug(value);
                setSlugEdited(value !== '');
              }}
              error={form.errors.slug}
              autoComplete="off"
              required
            />
          )}
          <Alert>{form.formError}</Alert>
          <div {...el('formButtonRow')}>
            {onCancel && (
              <button type="button" {...el('formButtonReset')} disabled={form.busy} onClick={onCancel}>
                {t('backButton')}
              </button>
            )}
            <Button busy={form.busy}>{t('createOrganization.formButtonSubmit')}</Button>
          </div>
        </Form>
      </Card>
    );
  }

  /** Emails (spaces, commas or new lines between them) and one role from `organization.getRoles()`; "Skip" ends the flow. */
  function InviteStep({ organization, onDone }: { organization: Organization; onDone(): void }) {
    const { el, t, uid, environment } = useHost();
    const form = useForm(['email_address', 'role']);
    const [emails, setEmails] = useState('');
    const [roles, setRoles] = useState<RoleResource[]>();
    const [role, setRole] = useState('');
    const [rolesError, setRolesError] = useState<string>();

    useEffect(() => {
      let live = true;
      organization.getRoles({ pageSize: 20 }).then(
        (page) => {
          if (!live) return;
          const preferred = (environment.organizationSettings as { domains?: { defaultRole?: string } }).domains?.defaultRole ?? 'org:member';
          setRoles(page.data);
          setRole((page.data.find((r) => r.key === preferred) ?? page.data[0])?.key ?? '');
        },
        (err) => {
          console.error('[microclerk] could not load the organization roles:', err);
          if (live) setRolesError(t('unstable__errors.unknown'));
        },
      );
      return () => void (live = false);
    }, [organization.id]);

    const submit = () => {
      const list = emails.split(/[\s,;]+/).filter(Boolean);
      if (!list.length) return form.setErrors({ email_address: t('createOrganization.invitePage.emailsRequired') });
      void form.run(async () => {
        await organization.inviteMembers({ emailAddresses: list, role });
        onDone();
      });
    };

    const roleId = `${uid}-role`;
    return (
      <Card title={t('createOrganization.invitePage.title')} subtitle={t('createOrganization.invitePage.subtitle', { organizationName: organization.name })}>
        <Form onSubmit={submit}>
          <Field
            name="email_address"
            label={t('formFieldLabel__emailAddresses')}
            placeholder={t('formFieldInputPlaceholder__emailAddresses')}
            value={emails}
            onValue={setEmails}
            error={form.errors.email_address}
            type="text"
            inputMode="email"
            autoComplete="off"
            autoFocus
          />
          <div {...el('formField', 'role')}>
            <label for={roleId} {...el('formFieldLabel', 'role')}>
              {t('formFieldLabel__role')}
            </label>
            <select
              id={roleId}
              name="role"
              {...el('formFieldInput', 'role')}
              value={role}
              disabled={!roles || form.busy}
              aria-busy={roles ? undefined : 'true'}
              aria-invalid={form.errors.role ? 'true' : undefined}
              onChange={(e) => setRole(e.currentTarget.value)}
            >
              {(roles ?? []).map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
            </select>
            {(form.errors.role ?? rolesError) && (
              <p role="alert" {...el('formFieldErrorText', 'role')}>
                {form.errors.role ?? rolesError}
              </p>
            )}
          </div>
          <Alert>{form.formError}</Alert>
          <div {...el('formButtonRow')}>
            <button type="button" {...el('formButtonReset')} disabled={form.busy} onClick={onDone}>
              {t('createOrganization.invitePage.formButtonReset')}
            </button>
            <Button busy={form.busy || !roles}>{t('createOrganization.invitePage.formButtonPrimary')}</Button>
          </div>
        </Form>
      </Card>
    );
  }

  /**
   * The whole create flow. `step` / `goTo` come from the caller (the component's routing for
   * `<CreateOrganization/>`, memory inside `<OrganizationList/>`); the invite step works on the active
   * organization, which the details step has just made the new one.
   */
  function CreateOrganizationFlow({
    props,
    step,
    goTo,
    onCancel,
    onFinish,
  }: {
    props: CreateOrganizationProps;
    step: 'details' | 'invite';
    goTo(step: 'details' | 'invite'): void;
    onCancel?: () => void;
    onFinish(org: Organization): void;
  }) {
    const { clerk } = useHost();
    const active = clerk.organization as Organization | null | undefined;
    if (step === 'invite' && active) return <InviteStep key={active.id} organization={active} onDone={() => onFinish(active)} />;
    return (
      <DetailsStep
        props={props}
        onCancel={onCancel}
        onCreated={(org) => {
          // An organization of one member cannot invite anybody (ClerkJS skips the step then, too).
          if (props.skipInvitationScreen || org.maxAllowedMemberships === 1) onFinish(org);
          else goTo('invite');
        }}
      />
    );
  }

  return { validateProps, useSteadyUser, AvatarBox, Preview, PersonalPreview, useActions, useInvitations, InvitationRows, CreateOrganizationFlow };
}

export type OrganizationParts = ReturnType<typeof createOrganizationParts>;
