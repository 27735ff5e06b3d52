/**
 * The task components, loaded on the first mount: `<TaskChooseOrganization/>` (pick one of the user's
 * organizations, or create one), `<TaskResetPassword/>` (a new password) and `<TaskSetupMFA/>` (an
 * authenticator app, then the backup codes). Each one, once its task is done, refreshes the session with
 * `setActive` and moves on before the refreshed session is emitted: to the next task, or to
 * `redirectUrlComplete` when none is left.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Organization, Session, TOTPResource } from '../../kernel/index.js';
import type { RedirectOptions } from '../navigation/index.js';
import type { OrganizationsApi } from '../organizations/organizations.js';
import type { ComponentModule, UiKit } from '../ui/index.js';
import type { qrPath } from '../user-profile/qr.js';
import type { SessionTask, SessionTaskKey, TaskProps } from './index.js';
import { sessionTasksStrings } from './strings.js';
import { sessionTasksStyles } from './styles.js';

type TaskComponent = 'TaskChooseOrganization' | 'TaskResetPassword' | 'TaskSetupMFA';

/** What the plugin's setup hands the views. */
export interface TaskServices {
  tasksUrl(task: SessionTask, options?: RedirectOptions): string;
  organizations: OrganizationsApi | undefined;
}

/**
 * Props `<SignIn/>` / `<SignUp/>` add when they host a task in their `tasks/<key>` step (not public):
 * the next task stays in that component, and a modal closes at the end.
 */
export interface HostedTaskProps extends TaskProps {
  onTask?(key: SessionTaskKey): void;
  onComplete?(): void;
}

const pendingTask = (session: Session | null | undefined) => (session?.status === 'pending' ? session.currentTask : undefined);

const slugify = (name: string) =>
  name
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function moduleFor(name: TaskComponent, services: TaskServices): ComponentModule<TaskComponent> {
  return { default: (kit) => createTaskViews(kit, services)[name], strings: sessionTasksStrings, styles: sessionTasksStyles };
}

function createTaskViews(kit: UiKit, services: TaskServices) {
  const { useHost, useForm, Card, Form, Field, Checkbox, Button, Alert, CodeForm, LinkButton, FooterAction } = kit;

  /**
   * The session this task works on, re-read on every resource change; leaves on mount, as ClerkJS's task
   * guard, when the session's task is another one (to `redirectUrlComplete`) or there is no session (sign-in).
   */
  function useTask(key: SessionTaskKey, props: HostedTaskProps) {
    const host = useHost();
    const { clerk, navigation } = host;
    const [, rerender] = useState(0);
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    // Kept through setActive's in-between state (the session reads undefined while the next page loads).
    const [session] = useState(() => clerk.session as Session | null | undefined);
    const [wrongTask] = useState(() => pendingTask(session)?.key !== key);
    const redirectUrlComplete = props.redirectUrlComplete || navigation.buildAfterSignInUrl();
    useEffect(() => {
      if (!wrongTask) return;
      if (!session) void navigation.redirectToSignIn();
      else if (pendingTask(session) && props.onTask) props.onTask(pendingTask(session)!.key);
      else void navigation.navigate(redirectUrlComplete);
    }, []);

    /** After the task's own request: refreshes the session (touch), then goes to the next task or away. */
    const complete = (params: { organization?: string } = {}) =>
      clerk.setActive({
        session: session!.id,
        ...params,
        beforeEmit: async (fresh: Session | null) => {
          const next = pendingTask(fresh);
          if (next && props.onTask) return props.onTask(next.key);
          await navigation.navigate(next ? services.tasksUrl(next, { redirectUrl: redirectUrlComplete }) : redirectUrlComplete);
          props.onComplete?.();
        },
      });

    const user = session?.user;
    const identifier = user?.primaryEmailAddress?.emailAddress ?? user?.username ?? session?.publicUserData?.identifier;
    const signOutFooter = (prefix: string) => (
      <FooterAction
        text={identifier ? host.t(`${prefix}.signOut.actionText`, { identifier }) : ''}
        link={host.t(`${prefix}.signOut.actionLink`)}
        href="#"
        onClick={() => {
          const others = (clerk.client?.signedInSessions ?? []).filter((s: Session) => s.id !== session?.id);
          void (others.length ? clerk.signOut({ sessionId: session!.id }) : clerk.signOut());
        }}
      />
    );
    return { host, session, user, ready: !wrongTask && !!session, complete, signOutFooter };
  }

  function OrganizationAvatar({ organization }: { organization: Pick<Organization, 'name' | 'imageUrl' | 'hasImage'> }) {
    const { el } = useHost();
    return (
      <span {...el('organizationPreviewAvatarBox')} aria-hidden="true">
        {organization.hasImage && /^https?:|^data:image\//.test(organization.imageUrl) ? (
          <img src={organization.imageUrl} alt="" {...el('organizationPreviewAvatarImage')} />
        ) : (
          organization.name.trim().charAt(0).toUpperCase()
        )}
      </span>
    );
  }

  function TaskChooseOrganization(props: HostedTaskProps) {
    const { host, user, ready, complete, signOutFooter } = useTask('choose-organization', props);
    const { t, el } = host;
    const memberships = user?.organizationMemberships ?? [];
    const canCreate = !!services.organizations && user?.createOrganizationEnabled !== false;
    const [creating, setCreating] = useState(!memberships.length);
    const [name, setName] = useState('');
    const [slug, setSlug] = useState<string>();
    const form = useForm(['name', 'slug']);
    if (!ready) return null;
    const footer = signOutFooter('taskChooseOrganization');

    if (!canCreate && !memberships.length) {
      return (
        <Card
          title={t('taskChooseOrganization.organizationCreationDisabled.title')}
          subtitle={t('taskChooseOrganization.organizationCreationDisabled.subtitle')}
          footer={footer}
        />
      );
    }
    if (creating && canCreate) {
      const create = () =>
        form.run(async () => {
          const organization = await services.organizations!.createOrganization({ name: name.trim(), slug: slug ?? slugify(name) });
          await complete({ organization: organization.id });
        });
      return (
        <Card title={t('taskChooseOrganization.createOrganization.title')} subtitle={t('taskChooseOrganization.createOrganization.subtitle')} footer={footer}>
          <Form onSubmit={() => void create()}>
            <Field
              name="name"
              label={t('taskChooseOrganization.createOrganization.formFieldLabel__name')}
              placeholder={t('taskChooseOrganization.createOrganization.formFieldInputPlaceholder__name')}
              value={name}
              onValue={setName}
              error={form.errors.name}
              autoFocus
            />
            <Field
              name="slug"
              label={t('taskChooseOrganization.createOrganization.formFieldLabel__slug')}
              placeholder={t('taskChooseOrganization.createOrganization.formFieldInputPlaceholder__slug')}
              value={slug ?? slugify(name)}
              onValue={setSlug}
              error={form.errors.slug}
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy}>{t('taskChooseOrganization.createOrganization.formButtonSubmit')}</Button>
            {memberships.length > 0 && (
              <LinkButton name="formButtonReset" variant="task" onClick={() => setCreating(false)}>
                {t('taskChooseOrganization.createOrganization.formButtonReset')}
              </LinkButton>
            )}
          </Form>
        </Card>
      );
    }
    return (
      <Card
        title={t('taskChooseOrganization.chooseOrganization.title')}
        subtitle={t(`taskChooseOrganization.chooseOrganization.subtitle${canCreate ? '' : '__createOrganizationDisabled'}`)}
        footer={footer}
      >
        <ul {...el('taskChooseOrganizationPreviewItems')}>
          {memberships.map(({ organization }) => (
            <li key={organization.id}>
              <button
                type="button"
                {...el('taskChooseOrganizationPreviewButton')}
                disabled={form.busy}
                onClick={() => void form.run(() => complete({ organization: organization.id }))}
              >
                <OrganizationAvatar organization={organization} />
                <span {...el('organizationPreviewMainIdentifier')}>{organization.name}</span>
              </button>
            </li>
          ))}
        </ul>
        <Alert>{form.formError}</Alert>
        {canCreate && (
          <LinkButton name="taskChooseOrganizationCreateOrganizationActionButton" onClick={() => setCreating(true)}>
            {t('taskChooseOrganization.chooseOrganization.action__createOrganization')}
          </LinkButton>
        )}
      </Card>
    );
  }

  function TaskResetPassword(props: HostedTaskProps) {
    const { host, user, ready, complete, signOutFooter } = useTask('reset-password', props);
    const { t } = host;
    const [password, setPassword] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    const form = useForm(['new_password', 'password']);
    if (!ready || !user) return null;
    const mismatch = !!confirm && confirm !== password;
    const submit = () =>
      form.run(async () => {
        if (password !== confirm) return form.setErrors({ confirmPassword: t('formFieldError__passwordsDoNotMatch') });
        await user.updatePassword({ newPassword: password, signOutOfOtherSessions: signOutOthers });
        await complete();
      });
    return (
      <Card title={t('taskResetPassword.title')} subtitle={t('taskResetPassword.subtitle')} footer={signOutFooter('taskResetPassword')}>
        <Form form={form} onSubmit={() => void submit()}>
          <Field
            name="newPassword"
            label={t('formFieldLabel__newPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            error={form.errors.newPassword ?? form.errors.new_password ?? form.errors.password}
            autoFocus
            rules
          />
          <Field
            name="confirmPassword"
            label={t('formFieldLabel__confirmPassword')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onValue={setConfirm}
            error={form.errors.confirmPassword ?? (mismatch ? t('formFieldError__passwordsDoNotMatch') : undefined)}
          />
          <Checkbox name="signOutOfOtherSessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onChecked={setSignOutOthers} />
          <Alert>{form.formError}</Alert>
          <Button busy={form.busy}>{t('taskResetPassword.formButtonPrimary')}</Button>
        </Form>
      </Card>
    );
  }

  /** The `otpauth://` link as a QR code (dark modules on white); the encoder loads with the first code shown. */
  function QrCode({ text }: { text: string }) {
    const { el, t } = useHost();
    const [path, setPath] = useState<ReturnType<typeof qrPath>>();
    useEffect(() => {
      let live = true;
      import('../user-profile/qr.js').then(
        (qr) => live && setPath(qr.qrPath(text)),
        () => live && setPath(null),
      );
      return () => void (live = false);
    }, [text]);
    if (path === null) return null;
    return path ? (
      <svg
        {...el('taskSetupMfaTotpQrCode')}
        viewBox={`0 0 ${path.side} ${path.side}`}
        role="img"
        aria-label={t('taskSetupMfa.totpCode.addAuthenticatorApp.qrCode')}
        shape-rendering="crispEdges"
      >
        <rect width={path.side} height={path.side} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
    ) : (
      <svg {...el('taskSetupMfaTotpQrCode')} aria-hidden="true" />
    );
  }

  /** Set up MFA with an authenticator app (the emulator's and most instances' method); the backup codes close it. */
  function TaskSetupMFA(props: HostedTaskProps) {
    const { host, user, ready, complete, signOutFooter } = useTask('setup-mfa', props);
    const { t, el } = host;
    const [totp, setTotp] = useState<TOTPResource>();
    const [showKey, setShowKey] = useState(false);
    const [backupCodes, setBackupCodes] = useState<string[]>();
    const form = useForm([]);
    useEffect(() => {
      if (ready && user) void form.run(async () => setTotp(await user.createTOTP()));
    }, [ready]);
    if (!ready || !user) return null;
    const footer = signOutFooter('taskSetupMfa');
    if (backupCodes) {
      return (
        <Card title={t('taskSetupMfa.totpCode.success.title')} subtitle={t('taskSetupMfa.totpCode.success.message1')} footer={footer}>
          <p {...el('formFieldHintText')}>{t('taskSetupMfa.totpCode.success.message2')}</p>
          <ul {...el('taskSetupMfaBackupCodes')}>
            {backupCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <Form onSubmit={() => void form.run(() => complete())}>
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy}>{t('taskSetupMfa.totpCode.success.finishButton')}</Button>
          </Form>
        </Card>
      );
    }
    return (
      <Card
        title={t('taskSetupMfa.totpCode.title')}
        subtitle={t(`taskSetupMfa.totpCode.addAuthenticatorApp.infoText__${showKey ? 'unableToScan' : 'ableToScan'}`)}
        footer={footer}
      >
        {totp && (showKey ? <p {...el('taskSetupMfaTotpKey')}>{totp.secret}</p> : totp.uri && <QrCode text={totp.uri} />)}
        {totp && (
          <LinkButton name="taskSetupMfaToggleKey" onClick={() => setShowKey(!showKey)}>
            {t(`taskSetupMfa.totpCode.addAuthenticatorApp.${showKey ? 'buttonAbleToScan__nonPrimary' : 'buttonUnableToScan__nonPrimary'}`)}
          </LinkButton>
        )}
        <Alert>{form.formError}</Alert>
        {totp && (
          <>
            <p {...el('formFieldHintText')}>{t('taskSetupMfa.totpCode.verifyTotp.subtitle')}</p>
            <CodeForm
              onCode={async (code) => {
                const verified = await user.verifyTOTP({ code });
                setBackupCodes(verified.backupCodes ?? []);
              }}
            />
          </>
        )}
      </Card>
    );
  }

  return { TaskChooseOrganization, TaskResetPassword, TaskSetupMFA };
}
