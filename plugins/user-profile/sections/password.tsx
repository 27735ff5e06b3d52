/** Security page: the password row — "Update password" / "Set password" opens the inline form. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

export function createPasswordSection({ kit, withReverification, useSay, useNotice, Section, Action, InlineForm, Success }: ProfileParts) {
  const { useHost, useForm, Field, Checkbox } = kit;

  function PasswordSection({ user }: { user: User }) {
    const { t, el } = useHost();
    const say = useSay();
    const form = useForm(['current_password', 'new_password', 'confirm_password']);
    const notice = useNotice();
    const [editing, setEditing] = useState(false);
    const [current, setCurrent] = useState('');
    const [next, setNext] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    const title = say(user.passwordEnabled ? 'start.passwordSection.primaryButton__updatePassword' : 'start.passwordSection.primaryButton__setPassword');

    const open = () => {
      notice.clear();
      setCurrent('');
      setNext('');
      setConfirm('');
      setEditing(true);
    };
    const submit = () => {
      if (next !== confirm) return form.setErrors({ confirm_password: t('formFieldError__passwordsDoNotMatch') });
      // Which success text to show: the password existed before (updated) or not (set).
      const outcome = user.passwordEnabled ? 'passwordPage.successMessage__update' : 'passwordPage.successMessage__set';
      void form.run(async () => {
        await withReverification(() =>
          user.updatePassword({ newPassword: next, currentPassword: user.passwordEnabled ? current : undefined, signOutOfOtherSessions: signOutOthers }),
        );
        setEditing(false);
        notice.show(say(outcome));
      });
    };

    return (
      <Section name="password" title={say('start.passwordSection.title')}>
        {editing ? (
          <InlineForm form={form} title={title} onSubmit={submit} onCancel={() => setEditing(false)} submitLabel={say('formButtonPrimary__save')}>
            {user.passwordEnabled && (
              <Field
                name="current_password"
                type="password"
                label={t('formFieldLabel__currentPassword')}
                value={current}
                onValue={setCurrent}
                error={form.errors.current_password}
                autoComplete="current-password"
                autoFocus
                required
              />
            )}
            <Field
              name="new_password"
              type="password"
              label={t('formFieldLabel__newPassword')}
              value={next}
              onValue={setNext}
              error={form.errors.new_password}
              autoComplete="new-password"
              autoFocus={!user.passwordEnabled}
              required
              rules
            />
            <Field
              name="confirm_password"
              type="password"
              label={t('formFieldLabel__confirmPassword')}
              value={confirm}
              onValue={setConfirm}
              error={form.errors.confirm_password}
              autoComplete="new-password"
              required
            />
            <Checkbox
              name="sign_out_of_other_sessions"
              label={t('formFieldLabel__signOutOfOtherSessions')}
              checked={signOutOthers}
              onChecked={setSignOutOthers}
            />
          </InlineForm>
        ) : (
          <div {...el('profileSectionItem', 'password')}>
            {user.passwordEnabled && <span {...el('passwordDots')}>••••••••••</span>}
            <Action name="editPassword" onClick={open}>
              {title}
            </Action>
          </div>
        )}
        <Success>{notice.text}</Success>
      </Section>
    );
  }

  return PasswordSection;
}
