/** Security page: set or change the password. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

export function createPasswordSection({ kit, withReverification, useSay, Section, Success }: ProfileParts) {
  const { useHost, useForm, Form, Field, Checkbox, Button, Alert } = kit;

  function PasswordSection({ user }: { user: User }) {
    const { t } = useHost();
    const say = useSay();
    const form = useForm(['current_password', 'new_password', 'confirm_password']);
    const [current, setCurrent] = useState('');
    const [next, setNext] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    const [done, setDone] = useState<'set' | 'update' | false>(false);

    const submit = () => {
      setDone(false);
      if (next !== confirm) return form.setErrors({ confirm_password: t('formFieldError__passwordsDoNotMatch') });
      // Which success text to show: the password existed before (updated) or not (set).
      const outcome = user.passwordEnabled ? 'update' : 'set';
      void form.run(async () => {
        await withReverification(() =>
          user.updatePassword({ newPassword: next, currentPassword: user.passwordEnabled ? current : undefined, signOutOfOtherSessions: signOutOthers }),
        );
        setCurrent('');
        setNext('');
        setConfirm('');
        setDone(outcome);
      });
    };

    return (
      <Section name="password" title={say('start.passwordSection.title')}>
        <Form onSubmit={submit}>
          {user.passwordEnabled && (
            <Field
              name="current_password"
              type="password"
              label={t('formFieldLabel__currentPassword')}
              value={current}
              onValue={setCurrent}
              error={form.errors.current_password}
              autoComplete="current-password"
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
            hint={<kit.PasswordRules password={next} />}
          />
          <Field
            name="confirm_password"
            type="password"
            label={t('formFieldLabel__confirmPassword')}
            value={confirm}
            onValue={setConfirm}
            error={form.errors.confirm_password}
            autoComplete="new-password"
          />
          <Checkbox
            name="sign_out_of_other_sessions"
            label={t('formFieldLabel__signOutOfOtherSessions')}
            checked={signOutOthers}
            onChecked={setSignOutOthers}
          />
          <Alert>{form.formError}</Alert>
          <Success>{done ? say(done === 'set' ? 'passwordPage.successMessage__set' : 'passwordPage.successMessage__update') : undefined}</Success>
          <Button busy={form.busy}>
            {say(user.passwordEnabled ? 'start.passwordSection.primaryButton__updatePassword' : 'start.passwordSection.primaryButton__setPassword')}
          </Button>
        </Form>
      </Section>
    );
  }

  return PasswordSection;
}
