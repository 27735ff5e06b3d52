/**
 * ClerkJS's development prompt `<EnableOrganizationsPrompt/>` (`__internal_openEnableOrganizationsPrompt`),
 * loaded when it first opens: an organization component or hook needs organizations, which this
 * development instance has off. "Enable Organizations" turns them on through FAPI's dev tools
 * (`PATCH /v1/dev_tools/enable_environment_setting`), with membership required or optional when the
 * instance has that setting; then "Continue" runs `onSuccess` (ClerkJS's caller reloads the page).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { UiKit } from '../ui/index.js';
import type { EnableOrganizationsPromptProps } from './compat.js';

export const strings = {
  enableOrganizationsPrompt: {
    title: 'Organizations feature required',
    titleEnabled: 'Organizations feature enabled',
    subtitle: '{{caller}} needs organizations, which are off for this development instance. Turn them on here, or in the Clerk Dashboard.',
    subtitleEnabled: 'Organizations are on for this instance. Continue to use {{caller}}.',
    membershipRequired: 'Membership required: users need to belong to at least one organization',
    enableButton: 'Enable Organizations',
    dismissButton: "I'll remove it myself",
    continueButton: 'Continue',
  },
};

export const styles = '.cl-enableOrganizationsPrompt{max-width:30rem}';

export default function createEnableOrganizationsPrompt(kit: UiKit) {
  const { useHost, useForm, Card, Form, Checkbox, Button, Alert, LinkButton } = kit;
  return function EnableOrganizationsPrompt(props: EnableOrganizationsPromptProps) {
    kit.validateProps('EnableOrganizationsPrompt', props, { caller: 'string', onSuccess: 'function', onClose: 'function' });
    const { caller = 'OrganizationSwitcher', onSuccess, onClose } = props;
    const { kernel, t, el, close } = useHost();
    const form = useForm([]);
    const [enabled, setEnabled] = useState(false);
    // Every way the prompt closes but "Continue" (the dismiss link, ×, Escape, the backdrop, the app closing or
    // reopening it) leaves organizations unused: onClose runs once, as the prompt goes.
    const succeeded = useRef(false);
    const latestOnClose = useRef(onClose);
    latestOnClose.current = onClose;
    useLayoutEffect(() => () => void (succeeded.current || latestOnClose.current?.()), []);
    // Offered when the instance has the setting (as ClerkJS's prompt: `forceOrganizationSelection` is defined).
    const settings = kernel.environment?.organizationSettings;
    const [required, setRequired] = useState(settings?.forceOrganizationSelection ?? false);
    const name = caller.startsWith('use') ? caller : `<${caller}/>`;
    const enable = () =>
      void form.run(async () => {
        const body: Record<string, unknown> = { enable_organizations: true };
        if (settings?.forceOrganizationSelection !== undefined) body.organization_allow_personal_accounts = !required;
        await kernel.fapi.request({ method: 'PATCH', path: '/dev_tools/enable_environment_setting', body });
        setEnabled(true);
      });
    const key = (k: string) => t(`enableOrganizationsPrompt.${k}`, { caller: name });
    return (
      <div {...el('enableOrganizationsPrompt')}>
        <Card title={key(enabled ? 'titleEnabled' : 'title')} subtitle={key(enabled ? 'subtitleEnabled' : 'subtitle')}>
          <Alert>{form.formError}</Alert>
          {enabled ? (
            <Form
              onSubmit={() => {
                succeeded.current = true;
                close();
                onSuccess?.();
              }}
            >
              <Button>{key('continueButton')}</Button>
            </Form>
          ) : (
            <Form onSubmit={enable} form={form}>
              {settings?.forceOrganizationSelection !== undefined && (
                <Checkbox name="membershipRequired" label={key('membershipRequired')} checked={required} onChecked={setRequired} />
              )}
              <Button busy={form.busy}>{key('enableButton')}</Button>
              <LinkButton onClick={close}>{key('dismissButton')}</LinkButton>
            </Form>
          )}
        </Card>
      </div>
    );
  };
}
