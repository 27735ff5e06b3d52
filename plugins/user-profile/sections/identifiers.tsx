/** Account page: email addresses and phone numbers — list, add and verify (code or link), set primary, remove. */
import { useEffect, useState } from 'preact/hooks';
import type { EmailAddress, PhoneNumber, User } from '../../../kernel/index.js';
import type { MenuEntry, ProfileParts } from '../parts.js';

/** How often a pending email-link verification is re-read. */
const LINK_POLL_MS = 2000;

export function createIdentifiersSection({ kit, withReverification, useSay, Section, Action, Item, Menu, InlineForm, Badge }: ProfileParts) {
  const { useHost, useForm, Field, Alert, CodeForm } = kit;

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

  /** Email addresses or phone numbers: rows with badges and a ⋯ menu (set primary, verify, remove); inline add and verify forms. */
  function IdentifiersSection({ user, kind }: { user: User; kind: 'email' | 'phone' }) {
    const { t, environment, clerk, el } = useHost();
    const say = useSay();
    const email = kind === 'email';
    const param = email ? 'email_address' : 'phone_number';
    const items: Array<EmailAddress | PhoneNumber> = email ? user.emailAddresses : user.phoneNumbers;
    const primaryId = email ? user.primaryEmailAddressId : user.primaryPhoneNumberId;
    const [adding, setAdding] = useState(false);
    const [value, setValue] = useState('');
    const [verifying, setVerifying] = useState<EmailAddress | PhoneNumber | null>(null);
    const [removing, setRemoving] = useState<EmailAddress | PhoneNumber | null>(null);
    const form = useForm([param]);
    const removal = useForm([]);
    const actions = useForm([]);
    const section = email ? 'start.emailAddressesSection' : 'start.phoneNumbersSection';
    const page = email ? 'emailAddressPage' : 'phoneNumberPage';
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
      <Section name={email ? 'emailAddresses' : 'phoneNumbers'} title={say(`${section}.title`)}>
        {items.map((item) => {
          const verified = item.verification?.status === 'verified';
          const text = label(item);
          const entries: MenuEntry[] = [];
          if (verified && item.id !== primaryId) {
            entries.push({
              name: 'setPrimary',
              label: say(`${section}.detailsAction__nonPrimary`),
              onSelect: () => void actions.run(() => user.update(email ? { primaryEmailAddressId: item.id } : { primaryPhoneNumberId: item.id })),
            });
          }
          if (!verified) {
            entries.push({
              name: 'verify',
              label: say(`${section}.detailsAction__unverified`),
              onSelect: () => void actions.run(() => prepare(item).then(() => setVerifying(item))),
            });
          }
          entries.push({ name: 'remove', label: say(`${section}.destructiveAction`), danger: true, onSelect: () => setRemoving(item) });
          return (
            <Item key={item.id} name={param} actions={<Menu item={text} entries={entries} />}>
              <span {...el('identifier')}>{text}</span> {item.id === primaryId && <Badge>{t('badge__primary')}</Badge>}{' '}
              {!verified && <Badge>{t('badge__unverified')}</Badge>}
            </Item>
          );
        })}
        <Alert>{actions.formError}</Alert>
        {removing && (
          <InlineForm
            form={removal}
            title={say(`${section}.destructiveAction`)}
            onSubmit={() => void removal.run(() => withReverification(() => removing.destroy()).then(() => setRemoving(null)))}
            onCancel={() => setRemoving(null)}
            submitLabel={say('formButtonPrimary__remove')}
            danger
          >
            <p>{say(`${page}.removeResource.messageLine1`, { identifier: label(removing) })}</p>
          </InlineForm>
        )}
        {verifying && byLink && (
          <div {...el('profileSectionForm')}>
            <p role="status">{say('emailAddressPage.emailLink.formSubtitle', { identifier: label(verifying) })}</p>
            <LinkWaiter item={verifying as EmailAddress} onVerified={() => void clerk.user?.reload().finally(() => setVerifying(null))} />
            <Action name="cancel" onClick={() => setVerifying(null)}>
              {say('formButtonReset')}
            </Action>
          </div>
        )}
        {verifying && !byLink && (
          <div {...el('profileSectionForm')}>
            <p>{say(email ? 'emailAddressPage.emailCode.formSubtitle' : 'phoneNumberPage.verifySubtitle', { identifier: label(verifying) })}</p>
            <CodeForm
              key={verifying.id}
              onCode={async (code) => {
                await verifying.attemptVerification({ code });
                setVerifying(null);
              }}
              onResend={() => prepare(verifying)}
            />
            <Action name="cancel" onClick={() => setVerifying(null)}>
              {say('formButtonReset')}
            </Action>
          </div>
        )}
        {adding ? (
          <InlineForm
            form={form}
            title={say(`${section}.primaryButton`)}
            onSubmit={() => void add()}
            onCancel={() => setAdding(false)}
            submitLabel={say('formButtonPrimary__add')}
          >
            <Field
              name={param}
              label={t(email ? 'formFieldLabel__emailAddress' : 'formFieldLabel__phoneNumber')}
              value={value}
              onValue={setValue}
              error={form.errors[param]}
              type={email ? 'email' : 'tel'}
              autoComplete={email ? 'email' : 'tel'}
              required
              autoFocus
            />
          </InlineForm>
        ) : (
          !verifying && (
            <Action name={email ? 'addEmail' : 'addPhone'} add onClick={() => setAdding(true)}>
              {say(`${section}.primaryButton`)}
            </Action>
          )
        )}
      </Section>
    );
  }

  return IdentifiersSection;
}
