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
    const phrase = say('deletePage.confirm');
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
      <Section name="danger" title={say('start.dangerSection.title')}>
        <p>
          {say('deletePage.messageLine1')} {say('deletePage.messageLine2')}
        </p>
        {confirming ? (
          <Form onSubmit={submit}>
            <Field
              name="delete_confirmation"
              label={say('deletePage.actionDescription')}
              value={typed}
              onValue={setTyped}
              error={form.errors.delete_confirmation}
              autoFocus
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} variant="danger">
              {say('deletePage.confirm')}
            </Button>
            <Action name="cancel" onClick={() => setConfirming(false)}>
              {say('formButtonReset')}
            </Action>
          </Form>
        ) : (
          <Action name="deleteAccount" danger onClick={() => setConfirming(true)}>
            {say('start.dangerSection.deleteAccountButton')}
          </Action>
        )}
      </Section>
    );
  }

  return DeleteSection;
}
