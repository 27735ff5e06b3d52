/**
 * `<SignUp/>`: loaded on the first mount/open. Steps (routes): '' (fields + social), 'continue'
 * (missing requirements), 'verify-email-address' (code or link), 'verify-phone-number', 'verify'
 * (email-link landing), 'sso-callback'. Every step
 * reads the sign-up in progress from `clerk.client.signUp`, so deep links survive a reload.
 */
import { ClerkRuntimeError } from '../../kernel/index.js';
import type { EmailLinkApi } from '../email-link/index.js';
import type { OAuthApi } from '../oauth/index.js';
import type { Web3Api, Web3Strategy } from '../web3/index.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignUp, SignUpParams } from '../../kernel/index.js';
import type { AuthFlow, HostContextValue, UiKit } from '../ui/index.js';
import { createEmailLinkSteps, verifiesByLink } from './email-link.js';
import type { SignUpProps } from './index.js';

export { signUpStrings as strings } from './strings.js';

type SignUpFlow = AuthFlow<SignUpProps>;

interface StepProps {
  flow: SignUpFlow;
}

type FieldName = 'first_name' | 'last_name' | 'username' | 'email_address' | 'phone_number' | 'password';
const FIELDS: Record<FieldName, { label: string; type?: string; autoComplete: string }> = {
  first_name: { label: 'firstName', autoComplete: 'given-name' },
  last_name: { label: 'lastName', autoComplete: 'family-name' },
  username: { label: 'username', autoComplete: 'username' },
  email_address: { label: 'emailAddress', type: 'email', autoComplete: 'email' },
  phone_number: { label: 'phoneNumber', type: 'tel', autoComplete: 'tel' },
  password: { label: 'password', type: 'password', autoComplete: 'new-password' },
};
const NAMES = Object.keys(FIELDS) as FieldName[];
const LEGAL = 'legal_accepted';
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const current = (host: HostContextValue) => host.clerk.client!.signUp as SignUp;

/** Next step for the sign-up's state: missing fields, then verifications, else done. */
function proceed(flow: SignUpFlow, signUp: SignUp): Promise<void> {
  const { host } = flow;
  if (signUp.status === 'complete') return host.finish(signUp.createdSessionId, flow.afterAuthUrl('signUp'));
  if (signUp.missingFields.some((f) => f in FIELDS || f === LEGAL)) return host.navigate('continue');
  if (signUp.unverifiedFields.includes('email_address')) return host.navigate('verify-email-address');
  if (signUp.unverifiedFields.includes('phone_number')) return host.navigate('verify-phone-number');
  return host.navigate('');
}

async function startOAuth(flow: SignUpFlow, strategy: string) {
  const { host } = flow;
  const signUp = await current(host).create({ strategy, redirectUrl: host.stepUrl('sso-callback'), actionCompleteRedirectUrl: flow.afterAuthUrl('signUp') });
  await host.redirectExternal(signUp.verifications.externalAccount.externalVerificationRedirectURL);
}

/** Plugins the view uses when the instance has them. */
export interface SignUpServices {
  oauth?: OAuthApi;
  emailLink?: EmailLinkApi;
  web3?: Web3Api;
}

const reloadResourceOf = (intent: string | null) => (intent === 'signIn' || intent === 'signUp' ? intent : undefined);

export default function createSignUp(kit: UiKit, { oauth, emailLink, web3 }: SignUpServices = {}) {
  const { EmailLinkWait, EmailLinkLanding } = createEmailLinkSteps(kit, emailLink, proceed);
  const {
    useAuthFlow,
    useForm,
    Card,
    Form,
    Field,
    Checkbox,
    Button,
    Alert,
    CodeForm,
    SocialButtons,
    Web3Buttons,
    ProviderReturnError,
    FooterAction,
    PasswordRules,
    isSafeUrl,
  } = kit;

  /** Straight to the identity provider (a full page load), continuing this sign-up. */
  function startEnterpriseSso(flow: SignUpFlow) {
    if (!oauth) throw new ClerkRuntimeError('Enterprise SSO needs the oauth plugin (oauthPlugin()).', { code: 'not_available_in_preset' });
    return oauth.authenticateWithRedirect({
      flow: 'signUp',
      strategy: 'enterprise_sso',
      redirectUrl: flow.host.stepUrl('sso-callback'),
      redirectUrlComplete: flow.afterAuthUrl('signUp'),
      continueSignUp: true,
    });
  }

  /** The editable fields (`names`), legal consent when asked, submitted through `send`. */
  function SignUpForm({ flow, names, legal, send }: StepProps & { names: FieldName[]; legal: boolean; send(params: SignUpParams): Promise<SignUp> }) {
    const { host, props } = flow;
    const { t, environment, query } = host;
    const attributes = environment.userSettings.attributes ?? {};
    const initial: Record<string, string | undefined> = { ...props.initialValues };
    const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(NAMES.map((n) => [n, initial[camel(n)] ?? query.get(n) ?? ''])));
    const [accepted, setAccepted] = useState(false);
    const form = useForm([...names, LEGAL]);
    const display = environment.displayConfig as Record<string, unknown>;
    const submit = () => {
      if (legal && !accepted) return form.setErrors({ [LEGAL]: t('unstable__errors.form_param_missing') });
      const params: SignUpParams = {};
      for (const name of names) if (values[name]) params[camel(name)] = name === 'password' ? values[name] : values[name].trim();
      if (legal) params.legalAccepted = true;
      if (props.unsafeMetadata) params.unsafeMetadata = props.unsafeMetadata;
      void form.run(async () => {
        const signUp = await send(params);
        // An email on an enterprise connection's domain: the identity provider creates the account.
        return signUp.missingFields.includes('enterprise_sso') ? startEnterpriseSso(flow) : proceed(flow, signUp);
      });
    };
    const link = (url: unknown, text: string) =>
      isSafeUrl(url) && (
        <>
          {' '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {text}
          </a>
        </>
      );
    return (
      <Form onSubmit={submit}>
        {names.map((name) => (
          <Field
            key={name}
            name={name}
            label={t(`formFieldLabel__${FIELDS[name].label}`)}
            type={FIELDS[name].type}
            autoComplete={FIELDS[name].autoComplete}
            optional={!attributes[name]?.required}
            value={values[name]}
            onValue={(value) => setValues({ ...values, [name]: value })}
            error={form.errors[name]}
            hint={name === 'password' ? <PasswordRules password={values.password} /> : undefined}
          />
        ))}
        {legal && (
          <Checkbox
            name={LEGAL}
            checked={accepted}
            onChecked={setAccepted}
            error={form.errors[LEGAL]}
            label={
              <>
                {t('signUp.legalConsent.checkboxLabel')}
                {link(display.termsUrl, t('signUp.legalConsent.termsLink'))}
                {link(display.privacyPolicyUrl, t('signUp.legalConsent.privacyLink'))}
              </>
            }
          />
        )}
        <Alert>{form.formError}</Alert>
        <Button busy={form.busy} />
      </Form>
    );
  }

  function Start({ flow }: StepProps) {
    const { host } = flow;
    const { t, environment } = host;
    const attributes = environment.userSettings.attributes ?? {};
    const names = NAMES.filter((n) => attributes[n]?.enabled);
    const signInUrl = flow.authUrl('signIn');
    // Sign-ups on a waitlist: this component hands over to the waitlist (its modal, or its page).
    const waitlist = environment.userSettings.signUp?.mode === 'waitlist';
    useEffect(() => {
      if (waitlist) host.switchTo('Waitlist', host.navigation.buildWaitlistUrl());
    }, [waitlist]);
    // An organization invitation link (`__clerk_ticket`): the ticket verifies the invited address; missing fields follow.
    const ticket = host.query.get('__clerk_ticket');
    const ticketForm = useForm([]);
    useEffect(() => {
      if (ticket && !waitlist) {
        void ticketForm.run(async () => proceed(flow, await current(host).create({ strategy: 'ticket', ticket, unsafeMetadata: flow.props.unsafeMetadata })));
      }
    }, [ticket]);
    if (waitlist) return null;
    return (
      <Card
        title={t('signUp.start.title')}
        subtitle={t('signUp.start.subtitle')}
        footer={
          <FooterAction
            text={t('signUp.start.actionText')}
            link={t('signUp.start.actionLink')}
            href={signInUrl}
            onClick={() => host.switchTo('SignIn', signInUrl)}
          />
        }
      >
        <ProviderReturnError read={() => current(host).verifications?.externalAccount?.error} />
        <Alert>{ticketForm.formError}</Alert>
        {web3 && (
          <Web3Buttons
            withSocial={!!oauth}
            onSelect={(strategy) =>
              web3.authenticateWithWeb3({
                strategy: strategy as Web3Strategy,
                redirectUrl: flow.afterAuthUrl('signUp'),
                signUpContinueUrl: host.stepUrl('continue'),
                unsafeMetadata: flow.props.unsafeMetadata,
              })
            }
          />
        )}
        {oauth && <SocialButtons onSelect={(strategy) => startOAuth(flow, strategy)} />}
        <SignUpForm flow={flow} names={names} legal={!!environment.userSettings.signUp?.legalConsentEnabled} send={(params) => current(host).create(params)} />
      </Card>
    );
  }

  /** Guards deep links: a step for a sign-up that does not need it goes back to the start. */
  function useExpect(host: HostContextValue, ok: boolean) {
    useEffect(() => {
      if (!ok) void host.navigate('');
    }, [ok]);
    return ok;
  }

  function Continue({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const signUp = current(host);
    const names = NAMES.filter((n) => signUp.missingFields.includes(n));
    const legal = signUp.missingFields.includes(LEGAL);
    if (!useExpect(host, signUp.status === 'missing_requirements' && (names.length > 0 || legal))) return null;
    return (
      <Card title={t('signUp.continue.title')} subtitle={t('signUp.continue.subtitle')}>
        <SignUpForm flow={flow} names={names} legal={legal} send={(params) => signUp.update(params)} />
      </Card>
    );
  }

  function Verify({ flow, field }: StepProps & { field: 'email_address' | 'phone_number' }) {
    const { host } = flow;
    const { t } = host;
    const signUp = current(host);
    const ok = useExpect(host, signUp.status === 'missing_requirements' && signUp.unverifiedFields.includes(field));
    const email = field === 'email_address';
    const byLink = email && verifiesByLink(host);
    const strategy = email ? 'email_code' : 'phone_code';
    const prepareForm = useForm([]);
    const prepare = () => signUp.prepareVerification({ strategy });
    // Sends the code once (unless resuming one); a code typed or autofilled before the effect ran sends first.
    const prepared = useRef<Promise<unknown>>();
    const ensurePrepared = () => {
      const v = email ? signUp.verifications.emailAddress : signUp.verifications.phoneNumber;
      return (prepared.current ??=
        v.strategy === strategy && v.status === 'unverified' && v.nextAction !== 'needs_prepare' ? Promise.resolve() : prepareForm.run(prepare));
    };
    useEffect(() => {
      if (ok && !byLink) void ensurePrepared();
    }, [ok]);
    if (!ok) return null;
    if (byLink) return <EmailLinkWait flow={flow} />;
    const key = email ? 'emailCode' : 'phoneCode';
    return (
      <Card title={t(`signUp.${key}.title`)} subtitle={t(`signUp.${key}.subtitle`, { identifier: email ? signUp.emailAddress : signUp.phoneNumber })}>
        <Alert>{prepareForm.formError}</Alert>
        <CodeForm
          onCode={async (code) => proceed(flow, await ensurePrepared().then(() => signUp.attemptVerification({ strategy, code })))}
          onResend={prepare}
        />
      </Card>
    );
  }

  /** Back from the OAuth provider: the oauth plugin completes it (without it, provider buttons are not offered). */
  function SsoCallback({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const form = useForm([]);
    useEffect(() => {
      void form.run(async () => {
        if (!oauth)
          throw new ClerkRuntimeError('Returning from an OAuth provider needs the oauth plugin (oauthPlugin()).', { code: 'not_available_in_preset' });
        return oauth.handleRedirectCallback({
          signInUrl: flow.authUrl('signIn'),
          signUpUrl: flow.authUrl('signUp'),
          signInForceRedirectUrl: flow.afterAuthUrl('signIn'),
          signUpForceRedirectUrl: flow.afterAuthUrl('signUp'),
          continueSignUpUrl: host.stepUrl('continue'),
          verifyEmailAddressUrl: host.stepUrl('verify-email-address'),
          verifyPhoneNumberUrl: host.stepUrl('verify-phone-number'),
          // Back from a popup (`intent` in the return URL): this page's copy of the attempt predates the popup's work.
          reloadResource: reloadResourceOf(host.query.get('intent')),
        });
      });
    }, []);
    return (
      <Card title={t('signIn.ssoCallback.title')}>
        <Alert>{form.formError}</Alert>
      </Card>
    );
  }

  return function SignUpComponent(props: SignUpProps) {
    const flow = useAuthFlow(props);
    // A session waiting on a task (session-tasks plugin) continues in the `tasks/<key>` step.
    if (kit.usePendingTask()) return null;
    if (flow.host.route.startsWith('tasks/')) return <kit.TaskStep redirectUrlComplete={flow.afterAuthUrl('signUp')} />;
    switch (flow.host.route) {
      case 'continue':
        return <Continue flow={flow} />;
      case 'verify-email-address':
        return <Verify key="email" flow={flow} field="email_address" />;
      case 'verify-phone-number':
        return <Verify key="phone" flow={flow} field="phone_number" />;
      case 'verify':
        return <EmailLinkLanding flow={flow} />;
      case 'sso-callback':
        return <SsoCallback flow={flow} />;
      default:
        return <Start flow={flow} />;
    }
  };
}
