/**
 * `<Waitlist/>`: loaded on the first mount/open. An email form that joins the instance's waitlist,
 * then a success state that goes on to `afterJoinWaitlistUrl` after a moment when one is given.
 */
import { useEffect, useState } from 'preact/hooks';
import type { UiKit } from '../ui/index.js';
import { joinWaitlist } from './resource.js';
import type { WaitlistProps } from './waitlist.js';
import type { PropRule } from '../ui/props.js';

export { waitlistStrings as strings } from './strings.js';

/** How long the success state shows before leaving for `afterJoinWaitlistUrl`. */
export const REDIRECT_DELAY_MS = 2000;

/** `<Waitlist/>`'s props besides the hosted ones (routing, path, appearance). */
export const waitlistPropRules: Record<string, PropRule> = { afterJoinWaitlistUrl: 'url', signInUrl: 'url' };

export default function createWaitlist(kit: UiKit) {
  const { useHost, useForm, Card, Form, Field, Button, Alert, FooterAction, isSafeUrl } = kit;

  return function WaitlistComponent(props: WaitlistProps) {
    kit.validateProps('Waitlist', props, waitlistPropRules);
    const host = useHost();
    const { t, query, kernel, environment } = host;
    const [email, setEmail] = useState(query.get('email_address') ?? '');
    const [joined, setJoined] = useState(false);
    const form = useForm(['email_address']);
    const options = kernel.loadOptions as Record<string, unknown>;
    const after = [props.afterJoinWaitlistUrl, options.afterJoinWaitlistUrl].find(isSafeUrl);
    const signInUrl = [props.signInUrl, options.signInUrl, environment.displayConfig.signInUrl].find(isSafeUrl) ?? '/';

    useEffect(() => {
      if (!joined || !after) return;
      const timer = setTimeout(() => void host.navigation.navigate(after).then(() => host.close()), REDIRECT_DELAY_MS);
      return () => clearTimeout(timer);
    }, [joined]);

    if (joined) {
      return (
        <Card title={t('waitlist.success.title')} subtitle={t('waitlist.success.subtitle')}>
          {after && <p {...host.el('waitlistSuccessMessage')}>{t('waitlist.success.message')}</p>}
        </Card>
      );
    }
    const submit = () =>
      form.run(async () => {
        await joinWaitlist(kernel, { emailAddress: email });
        setJoined(true);
      });
    return (
      <Card
        title={t('waitlist.start.title')}
        subtitle={t('waitlist.start.subtitle')}
        footer={
          <FooterAction
            text={t('waitlist.start.actionText')}
            link={t('waitlist.start.actionLink')}
            href={signInUrl}
            onClick={() => host.switchTo('SignIn', signInUrl)}
          />
        }
      >
        <Form onSubmit={() => void submit()}>
          <Field
            name="email_address"
            label={t('formFieldLabel__emailAddress')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onValue={setEmail}
            error={form.errors.email_address}
            autoFocus={!host.modal}
          />
          <Alert>{form.formError}</Alert>
          <Button busy={form.busy}>{t('waitlist.start.formButton')}</Button>
        </Form>
      </Card>
    );
  };
}
