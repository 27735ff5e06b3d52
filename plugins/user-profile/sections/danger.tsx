/** Security page: delete the account, after typing the confirmation phrase. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { UserProfileProps } from '../index.js';
import type { ProfileParts } from '../parts.js';

export function createDeleteSection({ kit, withReverification, useSay, Section, Action }: ProfileParts) {
  const { useHost, useForm, Form, Field, Button, Alert } = kit;

  function DeleteSection({ user, props }: { user: User; props: UserProfileProps }) {
    const { environment, kernel, close } = useHost();
    const say = useSay();
    const form = useForm(['delete_confirmation']);
    const [confirming, setConfirming] = useState(false);
    const [typed, setTyped] = useState('');
    const phrase = say('deletePhrase');
    if (!user.deleteSelfEnabled || (environment.userSettings.actions as { deleteSelf?: boolean } | undefined)?.deleteSelf === false) return null;

    const submit = () => {
      if (typed.trim() !== phrase) return form.setErrors({ delete_confirmation: say('deleteConfirmMismatch', { phrase }) });
      void form.run(async () => {
        await withReverification(() => user.delete());
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
            <Field
              name="delete_confirmation"
              label={say('deleteConfirmLabel', { phrase })}
              value={typed}
              onValue={setTyped}
              error={form.errors.delete_confirmation}
              autoFocus
            />
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

  return DeleteSection;
}
