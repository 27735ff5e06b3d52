/**
 * The `<UserProfile/>` view, loaded on the first mount or open. Two built-in pages — `account`
 * (profile, email addresses, phone numbers, connected accounts) and `security` (password, two-step
 * verification, active devices, delete account) — plus the app's custom pages.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EmailAddress, PhoneNumber, TOTPResource, User } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { UserProfilePage, UserProfileProps } from './index.js';

/** How often a pending email-link verification is re-read. */
const LINK_POLL_MS = 2000;
import { encodeQr } from './qr.js';

/** English defaults; an app overrides them through `localization.userProfile.*`. */
const EN: Record<string, string> = {
  navbar: 'Account navigation',
  account: 'Account',
  security: 'Security',
  profile: 'Profile',
  uploadImage: 'Upload image',
  removeImage: 'Remove image',
  save: 'Save',
  saved: 'Saved.',
  cancel: 'Cancel',
  emailAddresses: 'Email addresses',
  phoneNumbers: 'Phone numbers',
  addEmail: 'Add email address',
  addPhone: 'Add phone number',
  add: 'Add',
  primary: 'Primary',
  unverified: 'Unverified',
  verify: 'Verify',
  setPrimary: 'Set as primary',
  remove: 'Remove',
  confirmRemove: 'Remove {{identifier}}?',
  verifyTitle: 'Enter the verification code sent to {{identifier}}',
  verifyLinkTitle: 'Open the verification link we sent to {{identifier}}. This page updates once it is opened.',
  connectedAccounts: 'Connected accounts',
  connect: 'Connect {{provider}}',
  disconnect: 'Disconnect',
  password: 'Password',
  currentPassword: 'Current password',
  setPassword: 'Set password',
  updatePassword: 'Update password',
  passwordUpdated: 'Your password was updated.',
  twoStep: 'Two-step verification',
  authenticatorApp: 'Authenticator app',
  addAuthenticator: 'Add authenticator app',
  totpInstructions: 'Scan the QR code or add this setup key to your authenticator app, then enter the code it shows.',
  totpQrCode: 'QR code for your authenticator app',
  totpKey: 'Setup key',
  totpUri: 'Setup link',
  smsCode: 'SMS code to {{phone}}',
  useForSms: 'Use {{phone}} for SMS codes',
  backupCodes: 'Backup codes',
  regenerateCodes: 'Generate new backup codes',
  backupCodesHint: 'Keep these codes somewhere safe. Each can be used once to sign in if you lose your second factor.',
  activeDevices: 'Active devices',
  thisDevice: 'This device',
  signOutDevice: 'Sign out of this device',
  deleteAccount: 'Delete account',
  deleteWarning: 'Deleting your account is permanent. All your data will be lost.',
  deletePhrase: 'Delete account',
  deleteConfirmLabel: 'Type "{{phrase}}" to confirm',
  deleteConfirmMismatch: 'Type "{{phrase}}" exactly to confirm.',
};

/** The profile's own layout; the ui host's sheet has the shared parts. Should move into the ui stylesheet. */
const CSS = `.cl-userProfile{display:flex;gap:calc(var(--cl-space)*1.5);width:50rem;max-width:calc(100vw - 2rem);min-height:30rem;padding:calc(var(--cl-space)*1.5);background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5)}
.cl-navbar{display:flex;flex-direction:column;gap:.25rem;min-width:10rem}
.cl-navbarButton{padding:.45rem .75rem;background:none;border:0;border-radius:var(--cl-radius);text-align:left;cursor:pointer}
.cl-navbarButton[aria-current=page]{background:color-mix(in srgb,var(--cl-text) 8%,transparent);font-weight:600}
.cl-pageScrollBox{display:flex;flex-direction:column;gap:calc(var(--cl-space)*1.5);flex:1;min-width:0}
.cl-profileSection{display:flex;flex-direction:column;gap:.6rem;padding-top:var(--cl-space);border-top:1px solid var(--cl-border)}
.cl-profileSectionTitle{margin:0;font-size:1em;font-weight:600}
.cl-profileSectionItem{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.cl-profileSectionItemText{flex:1;min-width:10rem;overflow-wrap:anywhere}
.cl-profileSectionPrimaryButton{background:none;border:0;padding:.2rem .4rem;color:var(--cl-primary);font-weight:500;cursor:pointer}
.cl-profileSectionPrimaryButton__danger{color:var(--cl-danger)}
.cl-badge{padding:0 .4rem;border:1px solid var(--cl-border);border-radius:999px;font-size:.8em;color:var(--cl-text2)}
.cl-avatarBox{display:inline-flex;align-items:center;justify-content:center;width:3rem;height:3rem;border-radius:50%;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600}
.cl-avatarImage{width:100%;height:100%;object-fit:cover}
.cl-backupCodes{margin:0;padding:0;list-style:none;display:grid;grid-template-columns:repeat(2,1fr);gap:.25rem;font-family:monospace}
.cl-formFieldSuccessText{margin:0;color:var(--cl-success)}
.cl-totpQrCode{display:block;width:12rem;height:12rem;max-width:100%}`;

let styled: HTMLStyleElement | undefined;
function injectCss(nonce: unknown) {
  if (styled?.isConnected) return;
  styled = document.createElement('style');
  if (typeof nonce === 'string') styled.nonce = nonce;
  styled.textContent = CSS;
  document.head.appendChild(styled);
}

const isHttpUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);
const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

export default function createUserProfile(kit: UiKit) {
  const { useHost, useForm, useAppNode, Form, Field, Checkbox, Button, Alert, CodeForm } = kit;

  /** Localized text: `userProfile.<key>` from the app's localization, else the English default. */
  function useSay() {
    const { t } = useHost();
    return (key: string, vars?: Record<string, unknown>) => {
      const full = `userProfile.${key}`;
      const text = t(full, vars);
      return text === full ? (EN[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? '')) : text;
    };
  }

  function Section({ name, title, children }: { name: string; title: string; children: ComponentChildren }) {
    const { el, uid } = useHost();
    return (
      <section {...el('profileSection', name)} aria-labelledby={`${uid}-${name}-title`}>
        <h2 id={`${uid}-${name}-title`} {...el('profileSectionTitle', name)}>
          {title}
        </h2>
        {children}
      </section>
    );
  }

  function Action({ name, onClick, children, danger, disabled }: { name: string; onClick(): void; children: ComponentChildren; danger?: boolean; disabled?: boolean }) {
    const { el } = useHost();
    const style = el('profileSectionPrimaryButton', danger ? 'danger' : name);
    return (
      <button type="button" {...style} class={`${style.class} cl-action__${name}`} disabled={disabled} onClick={onClick}>
        {children}
      </button>
    );
  }

  function Item({ children, actions, name }: { children: ComponentChildren; actions?: ComponentChildren; name?: string }) {
    const { el } = useHost();
    return (
      <div {...el('profileSectionItem', name)}>
        <span {...el('profileSectionItemText')}>{children}</span>
        {actions}
      </div>
    );
  }

  function Badge({ children }: { children: string }) {
    const { el } = useHost();
    return <span {...el('badge')}>{children}</span>;
  }

  function Success({ children }: { children?: string }) {
    const { el } = useHost();
    return children ? (
      <p role="status" {...el('formFieldSuccessText')}>
        {children}
      </p>
    ) : null;
  }

  // ---- account page ----

  function ProfileSection({ user }: { user: User }) {
    const { el, environment, t } = useHost();
    const say = useSay();
    const attributes = environment.userSettings.attributes ?? {};
    const showNames = attributes.first_name?.enabled !== false || attributes.last_name?.enabled !== false;
    const showUsername = !!attributes.username?.enabled;
    const form = useForm(['first_name', 'last_name', 'username']);
    const image = useForm([]);
    const [firstName, setFirstName] = useState(user.firstName ?? '');
    const [lastName, setLastName] = useState(user.lastName ?? '');
    const [username, setUsername] = useState(user.username ?? '');
    const [saved, setSaved] = useState(false);
    const initials = ([user.firstName, user.lastName].filter(Boolean).map((s) => s![0]).join('') || (user.primaryEmailAddress?.emailAddress ?? '?')[0]).toUpperCase();

    const save = () =>
      form.run(async () => {
        setSaved(false);
        const params: Parameters<User['update']>[0] = {};
        if (showNames) Object.assign(params, { firstName, lastName });
        if (showUsername) params.username = username;
        await user.update(params);
        setSaved(true);
      });

    return (
      <Section name="profile" title={say('profile')}>
        <div {...el('profileSectionItem', 'image')}>
          <span {...el('avatarBox')} aria-hidden="true">
            {user.hasImage && isHttpUrl(user.imageUrl) ? <img src={user.imageUrl} alt="" {...el('avatarImage')} /> : initials}
          </span>
          <label {...el('profileSectionPrimaryButton', 'upload')}>
            {say('uploadImage')}
            <input
              type="file"
              accept="image/*"
              name="profile_image"
              {...el('fileInput')}
              style={{ position: 'absolute', width: '1px', height: '1px', opacity: 0 }}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void image.run(() => user.setProfileImage({ file }));
              }}
            />
          </label>
          {user.hasImage && (
            <Action name="removeImage" danger onClick={() => void image.run(() => user.setProfileImage({ file: null }))}>
              {say('removeImage')}
            </Action>
          )}
        </div>
        <Alert>{image.formError}</Alert>
        {(showNames || showUsername) && (
          <Form onSubmit={() => void save()}>
            {showNames && (
              <>
                <Field name="first_name" label={t('formFieldLabel__firstName')} value={firstName} onValue={setFirstName} error={form.errors.first_name} autoComplete="given-name" />
                <Field name="last_name" label={t('formFieldLabel__lastName')} value={lastName} onValue={setLastName} error={form.errors.last_name} autoComplete="family-name" />
              </>
            )}
            {showUsername && <Field name="username" label={t('formFieldLabel__username')} value={username} onValue={setUsername} error={form.errors.username} autoComplete="username" />}
            <Alert>{form.formError}</Alert>
            <Success>{saved ? say('saved') : undefined}</Success>
            <Button busy={form.busy}>{say('save')}</Button>
          </Form>
        )}
      </Section>
    );
  }

  /** Re-reads an email address until its verification link was opened (or the link expired). */
  function LinkWaiter({ item, onVerified }: { item: EmailAddress; onVerified(): void }) {
    useEffect(() => {
      const timer = setInterval(() => {
        void item.reload().then(
          (fresh) => fresh.verification?.status === 'verified' && (clearInterval(timer), onVerified()),
          () => {},
        );
      }, LINK_POLL_MS);
      return () => clearInterval(timer);
    }, [item]);
    return null;
  }

  /** Email addresses or phone numbers: list, add + verify by code or link, set primary, remove. */
  function IdentifiersSection({ user, kind }: { user: User; kind: 'email' | 'phone' }) {
    const { t, environment, clerk } = useHost();
    const say = useSay();
    const email = kind === 'email';
    const param = email ? 'email_address' : 'phone_number';
    const items: Array<EmailAddress | PhoneNumber> = email ? user.emailAddresses : user.phoneNumbers;
    const primaryId = email ? user.primaryEmailAddressId : user.primaryPhoneNumberId;
    const [adding, setAdding] = useState(false);
    const [value, setValue] = useState('');
    const [verifying, setVerifying] = useState<EmailAddress | PhoneNumber | null>(null);
    const [removing, setRemoving] = useState<string | null>(null);
    const form = useForm([param]);
    const actions = useForm([]);
    const label = (item: EmailAddress | PhoneNumber) => ('emailAddress' in item ? item.emailAddress : item.phoneNumber);
    // Instances that verify emails by link only: send a link back to this page and wait for it.
    const emailVerifications = environment.userSettings.attributes?.email_address?.verifications ?? [];
    const byLink = email && !emailVerifications.includes('email_code') && emailVerifications.includes('email_link');
    const prepare = (item: EmailAddress | PhoneNumber) =>
      'emailAddress' in item
        ? item.prepareVerification(byLink ? { strategy: 'email_link', redirectUrl: location.href } : { strategy: 'email_code' })
        : item.prepareVerification({ strategy: 'phone_code' });

    const add = () =>
      form.run(async () => {
        const created = email ? await user.createEmailAddress({ email: value.trim() }) : await user.createPhoneNumber({ phoneNumber: value.trim() });
        await prepare(created);
        setVerifying(created);
        setAdding(false);
        setValue('');
      });

    return (
      <Section name={email ? 'emailAddresses' : 'phoneNumbers'} title={say(email ? 'emailAddresses' : 'phoneNumbers')}>
        {items.map((item) => {
          const verified = item.verification?.status === 'verified';
          return (
            <Item key={item.id} name={param}>
              {label(item)} {item.id === primaryId && <Badge>{say('primary')}</Badge>} {!verified && <Badge>{say('unverified')}</Badge>}
              {removing === item.id ? (
                <>
                  {' '}
                  {say('confirmRemove', { identifier: label(item) })}
                  <Action name="confirmRemove" danger onClick={() => void actions.run(() => item.destroy().then(() => setRemoving(null)))}>
                    {say('remove')}
                  </Action>
                  <Action name="cancel" onClick={() => setRemoving(null)}>
                    {say('cancel')}
                  </Action>
                </>
              ) : (
                <>
                  {verified && item.id !== primaryId && (
                    <Action name="setPrimary" onClick={() => void actions.run(() => user.update(email ? { primaryEmailAddressId: item.id } : { primaryPhoneNumberId: item.id }))}>
                      {say('setPrimary')}
                    </Action>
                  )}
                  {!verified && (
                    <Action name="verify" onClick={() => void actions.run(() => prepare(item).then(() => setVerifying(item)))}>
                      {say('verify')}
                    </Action>
                  )}
                  <Action name="remove" danger onClick={() => setRemoving(item.id)}>
                    {say('remove')}
                  </Action>
                </>
              )}
            </Item>
          );
        })}
        <Alert>{actions.formError}</Alert>
        {verifying && byLink && (
          <div>
            <p role="status">{say('verifyLinkTitle', { identifier: label(verifying) })}</p>
            <LinkWaiter item={verifying as EmailAddress} onVerified={() => void clerk.user?.reload().finally(() => setVerifying(null))} />
            <Action name="cancel" onClick={() => setVerifying(null)}>
              {say('cancel')}
            </Action>
          </div>
        )}
        {verifying && !byLink && (
          <div>
            <p>{say('verifyTitle', { identifier: label(verifying) })}</p>
            <CodeForm
              key={verifying.id}
              onCode={async (code) => {
                await verifying.attemptVerification({ code });
                setVerifying(null);
              }}
              onResend={() => prepare(verifying)}
            />
            <Action name="cancel" onClick={() => setVerifying(null)}>
              {say('cancel')}
            </Action>
          </div>
        )}
        {adding ? (
          <Form onSubmit={() => void add()}>
            <Field
              name={param}
              label={t(email ? 'formFieldLabel__emailAddress' : 'formFieldLabel__phoneNumber')}
              value={value}
              onValue={setValue}
              error={form.errors[param]}
              type={email ? 'email' : 'tel'}
              autoComplete={email ? 'email' : 'tel'}
              autoFocus
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy}>{say('add')}</Button>
            <Action name="cancel" onClick={() => setAdding(false)}>
              {say('cancel')}
            </Action>
          </Form>
        ) : (
          !verifying && (
            <Action name={email ? 'addEmail' : 'addPhone'} onClick={() => setAdding(true)}>
              {say(email ? 'addEmail' : 'addPhone')}
            </Action>
          )
        )}
      </Section>
    );
  }

  function ConnectedAccountsSection({ user }: { user: User }) {
    const { environment, redirectExternal } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const providers = Object.values(environment.userSettings.social ?? {}).filter((p) => p?.enabled);
    const accounts = user.externalAccounts ?? [];
    const nameOf = (provider: string) => providers.find((p) => p.strategy === `oauth_${provider}` || p.strategy === provider)?.name || provider;
    const unconnected = providers.filter((p) => !accounts.some((a) => `oauth_${a.provider}` === p.strategy || a.provider === p.strategy));
    if (!providers.length && !accounts.length) return null;

    const connect = (strategy: string) =>
      actions.run(async () => {
        // FAPI sends the user back here once the provider approved.
        const account = await user.createExternalAccount({ strategy, redirectUrl: location.href });
        await redirectExternal(account.verification?.externalVerificationRedirectURL);
      });

    return (
      <Section name="connectedAccounts" title={say('connectedAccounts')}>
        {accounts.map((account) => (
          <Item
            key={account.id}
            name="connectedAccount"
            actions={
              <Action name="disconnect" danger onClick={() => void actions.run(() => account.destroy())}>
                {say('disconnect')}
              </Action>
            }
          >
            {nameOf(account.provider)} {account.emailAddress && `· ${account.emailAddress}`}
          </Item>
        ))}
        {unconnected.map((p) => (
          <Action key={p.strategy} name="connect" onClick={() => void connect(p.strategy)}>
            {say('connect', { provider: p.name || p.strategy.replace(/^oauth_/, '') })}
          </Action>
        ))}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  // ---- security page ----

  function PasswordSection({ user }: { user: User }) {
    const { t } = useHost();
    const say = useSay();
    const form = useForm(['current_password', 'new_password', 'confirm_password']);
    const [current, setCurrent] = useState('');
    const [next, setNext] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    const [done, setDone] = useState(false);

    const submit = () => {
      setDone(false);
      if (next !== confirm) return form.setErrors({ confirm_password: t('formFieldError__passwordsDoNotMatch') });
      void form.run(async () => {
        await user.updatePassword({ newPassword: next, currentPassword: user.passwordEnabled ? current : undefined, signOutOfOtherSessions: signOutOthers });
        setCurrent('');
        setNext('');
        setConfirm('');
        setDone(true);
      });
    };

    return (
      <Section name="password" title={say('password')}>
        <Form onSubmit={submit}>
          {user.passwordEnabled && (
            <Field name="current_password" type="password" label={say('currentPassword')} value={current} onValue={setCurrent} error={form.errors.current_password} autoComplete="current-password" />
          )}
          <Field
            name="new_password"
            type="password"
            label={t('formFieldLabel__newPassword')}
            value={next}
            onValue={setNext}
            error={form.errors.new_password}
            autoComplete="new-password"
            hint={<kit.PasswordRules password={next} />}
          />
          <Field name="confirm_password" type="password" label={t('formFieldLabel__confirmPassword')} value={confirm} onValue={setConfirm} error={form.errors.confirm_password} autoComplete="new-password" />
          <Checkbox name="sign_out_of_other_sessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onChecked={setSignOutOthers} />
          <Alert>{form.formError}</Alert>
          <Success>{done ? say('passwordUpdated') : undefined}</Success>
          <Button busy={form.busy}>{say(user.passwordEnabled ? 'updatePassword' : 'setPassword')}</Button>
        </Form>
      </Section>
    );
  }

  function BackupCodes({ codes }: { codes: string[] }) {
    const { el } = useHost();
    const say = useSay();
    return (
      <div {...el('backupCodesBox')}>
        <p>{say('backupCodesHint')}</p>
        <ul {...el('backupCodes')}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }

  /**
   * The setup link as a QR code: one SVG path of the dark modules on white (readers need dark on light,
   * whatever the theme) with the 4-module quiet zone. Nothing if the text does not fit a QR code.
   */
  function QrCode({ text }: { text: string }) {
    const { el } = useHost();
    const say = useSay();
    const path = useMemo(() => {
      let modules: boolean[][];
      try {
        modules = encodeQr(text);
      } catch {
        return null;
      }
      // One rectangle per horizontal run of dark modules keeps the path short.
      let d = '';
      modules.forEach((row, y) => {
        for (let x = 0; x < row.length; x++) {
          let end = x;
          while (row[end]) end++;
          if (end > x) d += `M${x + 4} ${y + 4}h${end - x}v1h${x - end}z`;
          x = end;
        }
      });
      return { d, side: modules.length + 8 };
    }, [text]);
    if (!path) return null;
    return (
      <svg {...el('totpQrCode')} viewBox={`0 0 ${path.side} ${path.side}`} role="img" aria-label={say('totpQrCode')} shape-rendering="crispEdges">
        <rect width={path.side} height={path.side} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
    );
  }

  function TwoStepSection({ user }: { user: User }) {
    const { environment, el } = useHost();
    const say = useSay();
    const attributes = environment.userSettings.attributes ?? {};
    const totpOn = !!attributes.authenticator_app?.enabled;
    const smsOn = !!attributes.phone_number?.usedForSecondFactor;
    const backupOn = !!attributes.backup_code?.enabled;
    const actions = useForm([]);
    const [totp, setTotp] = useState<TOTPResource | null>(null);
    const [codes, setCodes] = useState<string[] | null>(null);
    if (!totpOn && !smsOn && !backupOn) return null;
    const phones = user.phoneNumbers.filter((p) => p.verification?.status === 'verified');

    return (
      <Section name="mfa" title={say('twoStep')}>
        {totpOn &&
          (user.totpEnabled ? (
            <Item
              name="totp"
              actions={
                <Action name="disableTotp" danger onClick={() => void actions.run(() => user.disableTOTP())}>
                  {say('remove')}
                </Action>
              }
            >
              {say('authenticatorApp')}
            </Item>
          ) : totp ? (
            <div {...el('totpSetup')}>
              <p>{say('totpInstructions')}</p>
              {totp.uri && <QrCode text={totp.uri} />}
              <p>
                {say('totpKey')}: <code {...el('totpSecret')}>{totp.secret}</code>
              </p>
              <p>
                {say('totpUri')}: <code {...el('totpUri')}>{totp.uri}</code>
              </p>
              <CodeForm
                onCode={async (code) => {
                  const verified = await user.verifyTOTP({ code });
                  setTotp(null);
                  if (verified.backupCodes?.length) setCodes(verified.backupCodes);
                }}
              />
              <Action name="cancel" onClick={() => setTotp(null)}>
                {say('cancel')}
              </Action>
            </div>
          ) : (
            <Action name="addTotp" onClick={() => void actions.run(async () => setTotp(await user.createTOTP()))}>
              {say('addAuthenticator')}
            </Action>
          ))}
        {smsOn &&
          phones.map((phone) =>
            phone.reservedForSecondFactor ? (
              <Item
                key={phone.id}
                name="smsCode"
                actions={
                  <Action name="disableSms" danger onClick={() => void actions.run(() => phone.setReservedForSecondFactor({ reserved: false }))}>
                    {say('remove')}
                  </Action>
                }
              >
                {say('smsCode', { phone: phone.phoneNumber })}
              </Item>
            ) : (
              <Action key={phone.id} name="enableSms" onClick={() => void actions.run(() => phone.setReservedForSecondFactor({ reserved: true }))}>
                {say('useForSms', { phone: phone.phoneNumber })}
              </Action>
            ),
          )}
        {backupOn && user.twoFactorEnabled && (
          <Action name="regenerateCodes" onClick={() => void actions.run(async () => setCodes((await user.createBackupCode()).codes))}>
            {say('regenerateCodes')}
          </Action>
        )}
        {codes && <BackupCodes codes={codes} />}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  type DeviceSession = Awaited<ReturnType<User['getSessions']>>[number];

  function DevicesSection({ user }: { user: User }) {
    const { clerk } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
    const refresh = () => user.getSessions().then(setSessions);
    useEffect(() => void refresh(), [user.id]);

    return (
      <Section name="activeDevices" title={say('activeDevices')}>
        {(sessions ?? []).map((session) => {
          const activity = session.latestActivity ?? {};
          const current = session.id === clerk.session?.id;
          return (
            <Item
              key={session.id}
              name="device"
              actions={
                current ? (
                  <Badge>{say('thisDevice')}</Badge>
                ) : (
                  <Action name="revoke" danger onClick={() => void actions.run(() => session.revoke().then(refresh))}>
                    {say('signOutDevice')}
                  </Action>
                )
              }
            >
              {[activity.browserName, activity.browserVersion].filter(Boolean).join(' ')} {activity.deviceType && `· ${activity.deviceType}`}
              <br />
              {[activity.city, activity.country].filter(Boolean).join(', ')} {activity.ipAddress && `· ${activity.ipAddress}`}
            </Item>
          );
        })}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  function DeleteSection({ user }: { user: User }) {
    const { environment, kernel, props, close } = useHost();
    const say = useSay();
    const form = useForm(['delete_confirmation']);
    const [confirming, setConfirming] = useState(false);
    const [typed, setTyped] = useState('');
    const phrase = say('deletePhrase');
    if (!user.deleteSelfEnabled || (environment.userSettings.actions as { deleteSelf?: boolean } | undefined)?.deleteSelf === false) return null;

    const submit = () => {
      if (typed.trim() !== phrase) return form.setErrors({ delete_confirmation: say('deleteConfirmMismatch', { phrase }) });
      void form.run(async () => {
        await user.delete();
        kernel.tokens.clear();
        close();
        const options = kernel.loadOptions as { afterSignOutUrl?: string };
        await kernel.navigate(props.afterSignOutUrl ?? props.afterSignOutAll ?? options.afterSignOutUrl ?? '/');
      });
    };

    return (
      <Section name="danger" title={say('deleteAccount')}>
        <p>{say('deleteWarning')}</p>
        {confirming ? (
          <Form onSubmit={submit}>
            <Field name="delete_confirmation" label={say('deleteConfirmLabel', { phrase })} value={typed} onValue={setTyped} error={form.errors.delete_confirmation} autoFocus />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} variant="danger">
              {say('deleteAccount')}
            </Button>
            <Action name="cancel" onClick={() => setConfirming(false)}>
              {say('cancel')}
            </Action>
          </Form>
        ) : (
          <Action name="deleteAccount" danger onClick={() => setConfirming(true)}>
            {say('deleteAccount')}
          </Action>
        )}
      </Section>
    );
  }

  function CustomPage({ page }: { page: UserProfilePage }) {
    const { el } = useHost();
    const node = useAppNode<HTMLDivElement>(page.mount, page.unmount, page);
    return <div ref={node} {...el('customPage')} />;
  }

  return function UserProfile(props: UserProfileProps) {
    const { clerk, el, uid, route, navigate, kernel } = useHost();
    const say = useSay();
    const [, rerender] = useState(0);
    // Every FAPI answer carries the client: re-render with the fresh user after each change.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    useEffect(() => injectCss(kernel.loadOptions.nonce), []);
    const user = clerk.user as User | null | undefined;
    if (!user) return null;

    const custom = (props.customPages ?? []).filter((p) => p && typeof p.label === 'string' && typeof p.url === 'string');
    const pages: Array<{ id: string; label: string; page?: UserProfilePage }> = [
      { id: 'account', label: say('account') },
      { id: 'security', label: say('security') },
      ...custom.map((page) => ({ id: trimSlashes(page.url), label: page.label, page })),
    ];
    const wanted = trimSlashes(route).split('/')[0] || trimSlashes(props.__experimental_startPath ?? '') || 'account';
    const active = pages.find((p) => p.id === wanted && !(p.page && !p.page.mount)) ?? pages[0];
    const go = (page: (typeof pages)[number]) => {
      // A custom entry without `mount` is a link out of the component.
      if (page.page && !page.page.mount) void kernel.navigate(page.page.url);
      else void navigate(page.id);
    };
    const attributes = (clerk.environment?.userSettings.attributes ?? {}) as Record<string, { enabled?: boolean } | undefined>;

    return (
      <div {...el('userProfile')}>
        <nav {...el('navbar')} aria-label={say('navbar')}>
          {pages.map((page) => (
            <button key={page.id} type="button" {...el('navbarButton', page.id)} aria-current={page === active ? 'page' : undefined} onClick={() => go(page)}>
              {page.label}
            </button>
          ))}
        </nav>
        {/* Keyed by user: after an account switch, no form keeps the previous user's input. */}
        <div key={user.id} {...el('pageScrollBox')}>
          <h1 id={`${uid}-title`} {...el('headerTitle')}>
            {active.label}
          </h1>
          {active.page ? (
            <CustomPage key={active.id} page={active.page} />
          ) : active.id === 'security' ? (
            <>
              {attributes.password?.enabled !== false && <PasswordSection user={user} />}
              <TwoStepSection user={user} />
              <DevicesSection user={user} />
              <DeleteSection user={user} />
            </>
          ) : (
            <>
              <ProfileSection user={user} />
              {attributes.email_address?.enabled !== false && <IdentifiersSection user={user} kind="email" />}
              {attributes.phone_number?.enabled && <IdentifiersSection user={user} kind="phone" />}
              <ConnectedAccountsSection user={user} />
            </>
          )}
        </div>
      </div>
    );
  };
}
