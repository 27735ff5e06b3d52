/** Account page: profile image, names and username. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import { isHttpUrl } from '../parts.js';
import type { ProfileParts } from '../parts.js';

export function createProfileSection({ kit, useSay, Section, Action, Success }: ProfileParts) {
  const { useHost, useForm, Form, Field, Button, Alert } = kit;

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
    const initials = (
      [user.firstName, user.lastName]
        .filter(Boolean)
        .map((s) => s![0])
        .join('') || (user.primaryEmailAddress?.emailAddress ?? '?')[0]
    ).toUpperCase();

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
      <Section name="profile" title={say('start.profileSection.title')}>
        <div {...el('profileSectionItem', 'image')}>
          <span {...el('avatarBox')} aria-hidden="true">
            {user.hasImage && isHttpUrl(user.imageUrl) ? <img src={user.imageUrl} alt="" {...el('avatarImage')} /> : initials}
          </span>
          <label {...el('profileSectionPrimaryButton', 'upload')}>
            {say('profilePage.imageFormSubtitle')}
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
              {say('profilePage.imageFormDestructiveActionSubtitle')}
            </Action>
          )}
        </div>
        <Alert>{image.formError}</Alert>
        {(showNames || showUsername) && (
          <Form onSubmit={() => void save()}>
            {showNames && (
              <>
                <Field
                  name="first_name"
                  label={t('formFieldLabel__firstName')}
                  value={firstName}
                  onValue={setFirstName}
                  error={form.errors.first_name}
                  autoComplete="given-name"
                />
                <Field
                  name="last_name"
                  label={t('formFieldLabel__lastName')}
                  value={lastName}
                  onValue={setLastName}
                  error={form.errors.last_name}
                  autoComplete="family-name"
                />
              </>
            )}
            {showUsername && (
              <Field
                name="username"
                label={t('formFieldLabel__username')}
                value={username}
                onValue={setUsername}
                error={form.errors.username}
                autoComplete="username"
              />
            )}
            <Alert>{form.formError}</Alert>
            <Success>{saved ? say('profilePage.successMessage') : undefined}</Success>
            <Button busy={form.busy}>{say('formButtonPrimary__save')}</Button>
          </Form>
        )}
      </Section>
    );
  }

  return ProfileSection;
}
