/**
 * `<SignUp/>`: loaded on the first mount/open. Steps (routes): '' (fields + social), 'continue'
 * (missing requirements), 'verify-email-address' (code or link), 'verify-phone-number', 'verify'
 * (email-link landing), 'sso-callback', 'choose-wallet' (the installed Solana wallets). Every step
 * reads the sign-up in progress from `clerk.client.signUp`, so deep links survive a reload.
 */
import { ClerkRuntimeError, isClerkAPIResponseError } from '../../kernel/lazy-kit.js';
import type { EmailLinkApi } from '../email-link/index.js';
import type { OAuthApi } from '../oauth/index.js';
import type { Web3Api, Web3Strategy } from '../web3/index.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignUp, SignUpParams } from '../../kernel/index.js';
import { authStrings, authStyles, withAuthKit } from '../ui/auth-kit.js';
import type { AuthFlow, HostContextValue, UiKit } from '../ui/index.js';
import { createEmailLinkSteps, verifiesByLink } from './email-link.js';
import type { SignUpProps } from './index.js';
import type { PropRule } from '../ui/props.js';

import { signUpStrings } from './strings.js';

export const strings = { ...authStrings, ...signUpStrings };
/** The sign-in/up parts' rules, then SignUp's own: the first and last name fields side by side, wrapping when narrow. */
export const styles = [
  authStyles,
  '.cl-formFieldRow__name{flex-wrap:wrap;gap:0 1rem;align-items:flex-start}\n.cl-formFieldRow__name>.cl-formField{flex:1 1 9rem}',
];

type SignUpFlow = AuthFlow<SignUpProps>;

interface StepProps {
  flow: SignUpFlow;
}

type FieldName = 'first_name' | 'last_name' | 'username' | 'email_address' | 'phone_number' | 'password';
const FIELDS: Record<FieldName, { label: string; type?: string; autoComplete: string; placeholder?: string }> = {
  first_name: { label: 'firstName', autoComplete: 'given-name' },
  last_name: { label: 'lastName', autoComplete: 'family-name' },
  username: { label: 'username', autoComplete: 'username' },
  email_address: { label: 'emailAddress', type: 'email', autoComplete: 'email' },
  phone_number: { label: 'phoneNumber', type: 'tel', autoComplete: 'tel' },
  password: { label: 'password', type: 'password', autoComplete: 'new-password', placeholder: 'signUpPassword' },
};
const NAMES = Object.keys(FIELDS) as FieldName[];
const LEGAL = 'legal_accepted';
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Attributes = Record<string, { enabled?: boolean; required?: boolean; usedForFirstFactor?: boolean } | undefined>;
type Identifier = 'email_address' | 'phone_number';

/**
 * Which of email, phone and username a sign-up must give, as ClerkJS decides it: the instance's own
 * flags when it requires an identifier (or no password), else at least one so a password has an owner.
 */
function requiredIdentifiers(a: Attributes): Record<'email_address' | 'phone_number' | 'username', boolean> {
  const [e, p, u] = (['email_address', 'phone_number', 'username'] as const).map((k) => ({
    on: !!a[k]?.enabled,
    req: !!a[k]?.required,
    first: !!a[k]?.usedForFirstFactor,
  })) as [{ on: boolean; req: boolean; first: boolean }, { on: boolean; req: boolean; first: boolean }, { on: boolean; req: boolean; first: boolean }];
  if (!(a.password?.enabled && a.password.required) || e.req || p.req || (u.req && u.first))
    return { email_address: e.req, phone_number: p.req, username: u.req };
  // From here on neither email nor phone is required by the instance.
  const usernameInstead = u.req && !u.first && e.on && p.on;
  const email = (e.on && !p.on && !u.on) || (e.on && p.on) || (u.first && !u.req && e.on) || usernameInstead;
  const phone = p.on || (p.first && !e.first && !u.first);
  const username = (u.on && u.first && !e.on && !p.on) || usernameInstead;
  if (!e.on && !p.on && !u.on) return { email_address: false, phone_number: false, username: false };
  return email || phone || username ? { email_address: email, phone_number: phone, username } : { email_address: true, phone_number: false, username: false };
}

/** Email or phone, the user's choice ("Use phone"): both enabled, neither required (progressive sign-up), or both sign-in identifiers. */
const emailOrPhone = (a: Attributes, progressive: boolean) =>
  progressive
    ? !!(a.email_address?.enabled && a.phone_number?.enabled && !a.email_address.required && !a.phone_number.required)
    : !!(a.email_address?.usedForFirstFactor && a.phone_number?.usedForFirstFactor);

/**
 * The start step's fields and whether each is required, following the instance's attributes as
 * ClerkJS does: optional fields only with `layout.showOptionalFields`, the password only when required,
 * and one of email/phone (`active`) when the user may choose.
 */
export function startFields(a: Attributes, progressive: boolean, active: Identifier | null, showOptional: boolean) {
  const choose = emailOrPhone(a, progressive);
  const identifiers = requiredIdentifiers(a);
  const fields: Array<{ name: FieldName; required: boolean }> = [];
  for (const name of NAMES) {
    const attribute = a[name];
    if (!attribute?.enabled) continue;
    let required = !!attribute.required;
    if (name === 'email_address' || name === 'phone_number') {
      if ((choose || !progressive) && active !== name) continue;
      if (!progressive && !attribute.usedForFirstFactor) continue;
      required = progressive ? identifiers[name] : true;
      if (choose) {
        fields.push({ name, required });
        continue;
      }
    } else if (name === 'password' && !required) continue;
    if (required || showOptional) fields.push({ name, required });
  }
  return { fields, choose };
}

/** The identifier the form starts with: a prefilled one, else email (ClerkJS's order). */
function initialIdentifier(a: Attributes, progressive: boolean, initial: Record<string, string | undefined>): Identifier | null {
  if (initial.emailAddress) return 'email_address';
  if (initial.phoneNumber) return 'phone_number';
  if (emailOrPhone(a, progressive)) return 'email_address';
  for (const k of ['email_address', 'phone_number'] as const) {
    const attribute = a[k];
    if (attribute?.enabled && progressive ? attribute.required : attribute?.usedForFirstFactor) return k;
  }
  return null;
}

const current = (host: HostContextValue) => host.clerk.client!.signUp as SignUp;

/** Next step for the sign-up's state: missing fields, then verifications, else done. */
function proceed(flow: SignUpFlow, signUp: SignUp): Promise<void> {
  const { host } = flow;
  if (signUp.status === 'complete') return host.finish(signUp.createdSessionId, flow.afterAuthUrl('signUp'));
  if (signUp.missingFields.includes('protect_check')) return host.navigate('protect-check');
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

/** `<SignUp/>`'s props besides the hosted ones (routing, path, appearance). */
export const signUpPropRules: Record<string, PropRule> = {
  forceRedirectUrl: 'url',
  fallbackRedirectUrl: 'url',
  signInUrl: 'url',
  signInForceRedirectUrl: 'url',
  signInFallbackRedirectUrl: 'url',
  initialValues: 'object',
  unsafeMetadata: 'object',
  afterSignUpUrl: 'url',
  afterSignUp: 'url',
  signInURL: 'url',
  redirectUrl: 'url',
};

export default function createSignUp(hostKit: UiKit, { oauth, emailLink, web3 }: SignUpServices = {}) {
  const kit = withAuthKit(hostKit);
  const { EmailLinkWait, EmailLinkLanding } = createEmailLinkSteps(kit, emailLink, proceed);
  /** Signs up (or in) with a wallet, then on to the continue step when fields are missing. */
  const walletSignUp =
    ({ host, afterAuthUrl, props }: SignUpFlow) =>
    (strategy: string, walletName?: string) =>
      web3!.authenticateWithWeb3({
        strategy: strategy as Web3Strategy,
        walletName,
        redirectUrl: afterAuthUrl('signUp'),
        signUpContinueUrl: host.stepUrl('continue'),
        unsafeMetadata: props.unsafeMetadata,
      });
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
    IdentityPreview,
    LinkButton,
    focusField,
    isSafeUrl,
  } = kit;

  /**
   * Straight to the identity provider (a full page load), continuing this sign-up; `connectionId` picks one
   * of several. Several and none picked: FAPI asks for a choice, and the chooser step lists them (as ClerkJS).
   */
  async function startEnterpriseSso(flow: SignUpFlow, connectionId?: string) {
    if (!oauth) throw new ClerkRuntimeError('Enterprise SSO needs the oauth plugin (oauthPlugin()).', { code: 'not_available_in_preset' });
    try {
      return await oauth.authenticateWithRedirect({
        flow: 'signUp',
        strategy: 'enterprise_sso',
        redirectUrl: flow.host.stepUrl('sso-callback'),
        redirectUrlComplete: flow.afterAuthUrl('signUp'),
        continueSignUp: true,
        ...(connectionId ? { enterpriseConnectionId: connectionId } : {}),
      });
    } catch (error) {
      if (!connectionId && isClerkAPIResponseError(error) && error.errors[0]?.code === 'enterprise_connection_id_is_required_with_multiple_connections') {
        return flow.host.navigate('enterprise-connections');
      }
      throw error;
    }
  }

  /** The connections of the sign-up's email domain, one button each by name; the chosen one's IdP creates the account. */
  function EnterpriseConnections({ flow }: StepProps) {
    const { host } = flow;
    const { t, kernel } = host;
    const form = useForm([]);
    const [choices, setChoices] = useState<Array<{ id: string; name: string }>>();
    const [busy, setBusy] = useState<string>();
    const signUp = current(host);
    useEffect(() => {
      if (!signUp.id) return void host.navigate('');
      void form.run(async () => {
        const answer = await kernel.fapi.request<{ response?: Array<{ id?: unknown; name?: unknown }> }>({
          path: `/client/sign_ups/${signUp.id}/enterprise_connections`,
        });
        const list = (answer.response ?? []).filter((c) => typeof c.id === 'string').map((c) => ({ id: String(c.id), name: String(c.name ?? c.id) }));
        if (!list.length) return host.navigate('');
        setChoices(list);
      });
    }, [signUp.id]);
    const choose = (id: string) => {
      setBusy(id);
      void form.run(() => startEnterpriseSso(flow, id)).finally(() => setBusy(undefined));
    };
    return (
      <Card title={t('signUp.enterpriseConnections.title')} subtitle={t('signUp.enterpriseConnections.subtitle')}>
        <Alert>{form.formError}</Alert>
        <kit.EnterpriseConnectionList choices={choices ?? []} busy={busy} onChoose={choose} />
      </Card>
    );
  }

  /**
   * The editable `fields`, legal consent when asked, submitted through `send`. `onSwitch`: the user may
   * give a phone number instead of the email address (or back), with the link beside the label.
   */
  function SignUpForm({
    flow,
    fields,
    legal,
    send,
    onSwitch,
  }: StepProps & {
    fields: Array<{ name: FieldName; required: boolean }>;
    legal: boolean;
    send(params: SignUpParams): Promise<SignUp>;
    onSwitch?: () => void;
  }) {
    const { host, props } = flow;
    const { t, environment, query } = host;
    const names = fields.map((f) => f.name);
    const enterpriseSso = !!(environment.userSettings as { enterpriseSso?: { enabled?: boolean } }).enterpriseSso?.enabled;
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
    const field = ({ name, required }: { name: FieldName; required: boolean }) => (
      <Field
        key={name}
        name={name}
        label={t(`formFieldLabel__${FIELDS[name].label}`)}
        placeholder={t(`formFieldInputPlaceholder__${FIELDS[name].placeholder ?? FIELDS[name].label}`)}
        type={FIELDS[name].type}
        autoComplete={FIELDS[name].autoComplete}
        // An email on an enterprise connection's domain needs no password: the identity provider signs it in.
        required={required && !(name === 'password' && enterpriseSso)}
        optional={!required}
        value={values[name]}
        onValue={(value) => setValues({ ...values, [name]: value })}
        error={form.errors[name]}
        rules={name === 'password'}
        action={
          onSwitch &&
          (name === 'email_address' || name === 'phone_number') && (
            <LinkButton name="formFieldAction" variant={name} onClick={onSwitch}>
              {t(name === 'email_address' ? 'signUp.start.actionLink__use_phone' : 'signUp.start.actionLink__use_email')}
            </LinkButton>
          )
        }
      />
    );
    const nameRow = fields.filter((f) => f.name === 'first_name' || f.name === 'last_name');
    return (
      <Form form={form} onSubmit={submit}>
        {nameRow.length > 0 && <div {...host.el('formFieldRow', 'name')}>{nameRow.map(field)}</div>}
        {fields.filter((f) => !nameRow.includes(f)).map(field)}
        {legal && (
          <Checkbox
            name={LEGAL}
            required
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
    const attributes = (environment.userSettings.attributes ?? {}) as Attributes;
    const progressive = environment.userSettings.signUp?.progressive !== false;
    const [identifier, setIdentifier] = useState(() => initialIdentifier(attributes, progressive, { ...flow.props.initialValues }));
    const { fields, choose } = startFields(attributes, progressive, identifier, !!host.layout.showOptionalFields);
    const switchIdentifier = () => {
      const next = identifier === 'email_address' ? 'phone_number' : 'email_address';
      setIdentifier(next);
      setTimeout(() => focusField(host.uid, next));
    };
    const signInUrl = flow.authUrl('signIn');
    // Sign-ups on a waitlist: this component hands over to the waitlist (its modal, or its page).
    const waitlist = environment.userSettings.signUp?.mode === 'waitlist';
    useEffect(() => {
      if (waitlist) host.switchTo('Waitlist', host.navigation.buildWaitlistUrl());
    }, [waitlist]);
    // An organization invitation link (`__clerk_ticket`): the ticket verifies the invited address; missing fields follow.
    // A modal has no query of its own: like ClerkJS's, it reads the page's.
    const handoff = host.modal ? new URLSearchParams(location.search) : host.query;
    const ticket = handoff.get('__clerk_ticket');
    const ticketForm = useForm([]);
    useEffect(() => {
      if (!ticket || waitlist) return;
      // An invitation to an address that has an account (`__clerk_status=sign_in`) is the sign-in's (modal or page).
      if (handoff.get('__clerk_status') === 'sign_in') {
        const url = new URL(signInUrl, location.href);
        url.searchParams.set('__clerk_ticket', ticket);
        url.searchParams.set('__clerk_status', 'sign_in');
        return host.switchTo('SignIn', url.href);
      }
      void ticketForm.run(async () => proceed(flow, await current(host).create({ strategy: 'ticket', ticket, unsafeMetadata: flow.props.unsafeMetadata })));
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
        {web3 && <Web3Buttons withSocial={!!oauth} onSelect={walletSignUp(flow)} />}
        {oauth && <SocialButtons onSelect={(strategy) => startOAuth(flow, strategy)} />}
        <SignUpForm
          flow={flow}
          fields={fields}
          legal={!!environment.userSettings.signUp?.legalConsentEnabled}
          send={(params) => current(host).create(params)}
          onSwitch={choose ? switchIdentifier : undefined}
        />
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
        <SignUpForm flow={flow} fields={names.map((name) => ({ name, required: true }))} legal={legal} send={(params) => signUp.update(params)} />
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
    // Sending the code on arrival leaves the boxes usable.
    const prepareForm = useForm([], false);
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
      <Card
        title={t(`signUp.${key}.title`)}
        subtitle={t(`signUp.${key}.subtitle`)}
        preview={<IdentityPreview identifier={(email ? signUp.emailAddress : signUp.phoneNumber) ?? ''} onEdit={() => void host.navigate('')} />}
      >
        <Alert>{prepareForm.formError}</Alert>
        <CodeForm
          onCode={async (code) => proceed(flow, await ensurePrepared().then(() => signUp.attemptVerification({ strategy, code })))}
          onResend={prepare}
          resendText={t(`signUp.${key}.resendButton`)}
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
    kit.validateProps('SignUp', props, signUpPropRules);
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
      case 'enterprise-connections':
        return <EnterpriseConnections flow={flow} />;
      case 'protect-check':
        return <kit.ProtectCheckStep kind="signUp" onDone={(signUp: SignUp) => proceed(flow, signUp)} />;
      case 'choose-wallet':
        if (web3) return <kit.SolanaWallets kind="signUp" onSelect={walletSignUp(flow)} />;
      // falls through: no wallets without the web3 plugin

      default:
        return <Start flow={flow} />;
    }
  };
}
