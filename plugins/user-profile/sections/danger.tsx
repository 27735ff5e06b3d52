/** Security page: delete the account — a destructive button, then a confirmation form with the phrase to type. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { UserProfileProps } from '../index.js';
import type { ProfileParts } from '../parts.js';

export function createDeleteSection({ kit, withReverification, useSay, Section, Action, InlineForm }: ProfileParts) {
  const { useHost, useForm, Field } = kit;

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
        {confirming ? (
          <InlineForm
            form={form}
            title={say('deletePage.title')}
            onSubmit={submit}
            onCancel={() => setConfirming(false)}
            submitLabel={say('deletePage.confirm')}
            danger
          >
            <p>{say('deletePage.messageLine1')}</p>
            <p>{say('deletePage.messageLine2')}</p>
            <Field
              name="delete_confirmation"
              label={say('deletePage.actionDescription')}
              value={typed}
              onValue={setTyped}
              error={form.errors.delete_confirmation}
              autoComplete="off"
              required
              autoFocus
            />
          </InlineForm>
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
