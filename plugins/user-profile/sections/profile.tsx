/** Account page: the profile row (avatar, name) with its "Update profile" form (image, names), and the username row. */
import { useRef, useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import { isHttpUrl } from '../parts.js';
import type { ProfileParts } from '../parts.js';

export function createProfileSection({ kit, useSay, useNotice, Section, Action, InlineForm, Success }: ProfileParts) {
  const { useHost, useForm, Field, Alert } = kit;

  function Avatar({ user }: { user: User }) {
    const { el } = useHost();
    const initials = (
      [user.firstName, user.lastName]
        .filter(Boolean)
        .map((s) => s![0])
        .join('') || (user.primaryEmailAddress?.emailAddress ?? '?')[0]
    ).toUpperCase();
    return (
      <span {...el('avatarBox')} aria-hidden="true">
        {user.hasImage && isHttpUrl(user.imageUrl) ? <img src={user.imageUrl} alt="" {...el('avatarImage')} /> : initials}
      </span>
    );
  }

  function ProfileSection({ user }: { user: User }) {
    const { el, environment, t } = useHost();
    const say = useSay();
    const attributes = environment.userSettings.attributes ?? {};
    const showNames = attributes.first_name?.enabled !== false || attributes.last_name?.enabled !== false;
    const form = useForm(['first_name', 'last_name']);
    const image = useForm([]);
    const notice = useNotice();
    const file = useRef<HTMLInputElement>(null);
    const [editing, setEditing] = useState(false);
    const [firstName, setFirstName] = useState('');
    const [lastName, setLastName] = useState('');
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ');

    const edit = () => {
      notice.clear();
      setFirstName(user.firstName ?? '');
      setLastName(user.lastName ?? '');
      setEditing(true);
    };
    const save = () =>
      form.run(async () => {
        const params: Parameters<User['update']>[0] = {};
        if (showNames) Object.assign(params, { firstName, lastName });
        await user.update(params);
        setEditing(false);
        notice.show(say('profilePage.successMessage'));
      });

    return (
      <Section name="profile" title={say('start.profileSection.title')}>
        {editing ? (
          <InlineForm
            form={form}
            title={say('profilePage.title')}
            onSubmit={() => void save()}
            onCancel={() => setEditing(false)}
            submitLabel={say('formButtonPrimary__save')}
          >
            <div {...el('profileSectionItem', 'image')}>
              <Avatar user={user} />
              <div {...el('profileImageActions')}>
                <span {...el('profileImageTitle')}>{say('profilePage.imageFormTitle')}</span>
                <span>
                  {/* The file input stays out of sight and out of the tab order; this button opens it. */}
                  <Action name="upload" onClick={() => file.current?.click()}>
                    {say('profilePage.imageFormSubtitle')}
                  </Action>
                  {user.hasImage && (
                    <Action name="removeImage" danger onClick={() => void image.run(() => user.setProfileImage({ file: null }))}>
                      {say('profilePage.imageFormDestructiveActionSubtitle')}
                    </Action>
                  )}
                </span>
              </div>
              <input
                ref={file}
                type="file"
                accept="image/*"
                name="profile_image"
                hidden
                tabIndex={-1}
                {...el('fileInput')}
                onChange={(event) => {
                  const chosen = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (chosen) void image.run(() => user.setProfileImage({ file: chosen }));
                }}
              />
            </div>
            <Alert>{image.formError}</Alert>
            {showNames && (
              <div {...el('formFieldRow', 'names')}>
                <Field
                  name="first_name"
                  label={t('formFieldLabel__firstName')}
                  value={firstName}
                  onValue={setFirstName}
                  error={form.errors.first_name}
                  autoComplete="given-name"
                  autoFocus
                />
                <Field
                  name="last_name"
                  label={t('formFieldLabel__lastName')}
                  value={lastName}
                  onValue={setLastName}
                  error={form.errors.last_name}
                  autoComplete="family-name"
                />
              </div>
            )}
          </InlineForm>
        ) : (
          <div {...el('profileSectionItem', 'profile')}>
            <Avatar user={user} />
            <span {...el('profileSectionItemText')}>
              {name ||
                user.username ||
                user.primaryEmailAddress?.emailAddress ||
                user.primaryPhoneNumber?.phoneNumber ||
                user.web3Wallets?.find((w) => w.id === user.primaryWeb3WalletId)?.web3Wallet}
            </span>
            <Action name="updateProfile" onClick={edit}>
              {say('start.profileSection.primaryButton')}
            </Action>
          </div>
        )}
        <Success>{notice.text}</Success>
      </Section>
    );
  }

  /** Clerk's own row for the username (shown when the instance enables usernames): "Set username" or "Update username". */
  function UsernameSection({ user }: { user: User }) {
    const { el, t } = useHost();
    const say = useSay();
    const form = useForm(['username']);
    const notice = useNotice();
    const [editing, setEditing] = useState(false);
    const [username, setUsername] = useState('');
    const mode = user.username ? 'update' : 'set';
    const save = () =>
      form.run(async () => {
        await user.update({ username });
        setEditing(false);
        notice.show(say('usernamePage.successMessage'));
      });

    return (
      <Section name="username" title={say('start.usernameSection.title')}>
        {editing ? (
          <InlineForm
            form={form}
            title={say(`usernamePage.title__${mode}`)}
            onSubmit={() => void save()}
            onCancel={() => setEditing(false)}
            submitLabel={say('formButtonPrimary__save')}
          >
            <Field
              name="username"
              label={t('formFieldLabel__username')}
              value={username}
              onValue={setUsername}
              error={form.errors.username}
              autoComplete="username"
              autoFocus
            />
          </InlineForm>
        ) : (
          <div {...el('profileSectionItem', 'username')}>
            <span {...el('profileSectionItemText')}>{user.username}</span>
            <Action
              name={`${mode}Username`}
              onClick={() => {
                notice.clear();
                setUsername(user.username ?? '');
                setEditing(true);
              }}
            >
              {say(`start.usernameSection.primaryButton__${mode}Username`)}
            </Action>
          </div>
        )}
        <Success>{notice.text}</Success>
      </Section>
    );
  }

  return { ProfileSection, UsernameSection };
}
