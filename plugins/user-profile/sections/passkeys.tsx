/** Security page: the user's passkeys (name, created, last used), rename, remove, and adding one on this device. */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import { ClerkAPIResponseError, isClerkRuntimeError } from '../../../kernel/lazy-kit.js';
import type { Passkey } from '../../passkeys/index.js';
import type { ProfileParts } from '../parts.js';

export function createPasskeysSection({ kit, withReverification, useSay, Section, Action, Item, Menu, InlineForm }: ProfileParts) {
  const { useHost, useForm, Field, Alert } = kit;

  function RenameForm({ passkey, onDone }: { passkey: Passkey; onDone(): void }) {
    const { t } = useHost();
    const say = useSay();
    const form = useForm(['name']);
    const [name, setName] = useState(passkey.name ?? '');
    return (
      <InlineForm
        form={form}
        onSubmit={() => void form.run(() => passkey.update({ name: name.trim() }).then(onDone))}
        onCancel={onDone}
        submitLabel={say('formButtonPrimary__save')}
      >
        <Field name="name" label={t('formFieldLabel__passkeyName')} value={name} onValue={setName} error={form.errors.name} required autoFocus />
      </InlineForm>
    );
  }

  function PasskeysSection({ user }: { user: User }) {
    const { t, locale } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const [renaming, setRenaming] = useState<string | null>(null);
    const date = (value: Date | null | undefined) => (value instanceof Date ? value.toLocaleDateString(locale, { dateStyle: 'medium' }) : '');
    const passkeys = (user.passkeys ?? []) as Passkey[];
    const runPasskey = (action: () => Promise<unknown>) =>
      actions.run(async () => {
        try {
          await action();
        } catch (error) {
          // Cancelled or unsupported in the browser: say so in words, not as an unknown error.
          if (isClerkRuntimeError(error) && error.code.startsWith('passkey_')) {
            const text = t(`unstable__errors.${error.code}`);
            throw new ClerkAPIResponseError(text, { status: 0, errors: [{ code: error.code, message: text, longMessage: text, meta: {} }] });
          }
          throw error;
        }
      });
    return (
      <Section name="passkeys" title={say('start.passkeysSection.title')}>
        {passkeys.map((passkey) =>
          renaming === passkey.id ? (
            <RenameForm key={passkey.id} passkey={passkey} onDone={() => setRenaming(null)} />
          ) : (
            <Item
              key={passkey.id}
              name="passkey"
              actions={
                <Menu
                  item={passkey.name ?? say('start.passkeysSection.title')}
                  entries={[
                    { name: 'renamePasskey', label: say('start.passkeysSection.menuAction__rename'), onSelect: () => setRenaming(passkey.id) },
                    {
                      name: 'removePasskey',
                      label: say('start.passkeysSection.menuAction__destructive'),
                      danger: true,
                      onSelect: () => void actions.run(() => passkey.delete()),
                    },
                  ]}
                />
              }
            >
              <strong>{passkey.name ?? say('start.passkeysSection.title')}</strong>
              <br />
              {say('passkeyCreated', { date: date(passkey.createdAt) })}
              {' · '}
              {passkey.lastUsedAt ? say('passkeyLastUsed', { date: date(passkey.lastUsedAt) }) : say('passkeyNeverUsed')}
            </Item>
          ),
        )}
        <Alert>{actions.formError}</Alert>
        <Action name="addPasskey" add disabled={actions.busy} onClick={() => void runPasskey(() => withReverification(() => user.createPasskey()))}>
          {say('start.passkeysSection.primaryButton')}
        </Action>
      </Section>
    );
  }

  return PasskeysSection;
}
