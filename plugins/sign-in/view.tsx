/**
 * `<SignIn/>`: loaded on the first mount/open. Steps (routes): '' (identifier + social),
 * 'factor-one', 'factor-two', 'reset-password', 'verify' (email-link landing), 'sso-callback', and
 * 'choose' (the accounts signed in on this browser, where signing out of one of several lands), and
 * 'enterprise-connections' (the chooser when the identifier's domain has several SSO connections), and
 * 'choose-wallet' (the installed Solana wallets, with the web3 plugin).
 * Every step reads the sign-in in progress from `clerk.client.signIn`, so deep links survive a reload.
 */
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { SignIn } from '../../kernel/index.js';
import type { EmailLinkApi } from '../email-link/index.js';
import type { OAuthApi } from '../oauth/index.js';
import type { Web3Api, Web3Strategy } from '../web3/index.js';
import { useEffect, useState } from 'preact/hooks';
import { authStrings, authStyles, withAuthKit } from '../ui/auth-kit.js';
import type { UiKit } from '../ui/index.js';
import { createFirstFactor } from './first-factor.js';
import {
  current,
  enterpriseChoices,
  enterpriseSsoOnly,
  passkeyErrorText,
  proceed,
  startEnterpriseSso,
  startOAuth,
  withTicket,
  type SignInFlow,
} from './flow.js';
import type { SignInProps } from './index.js';
import { createParts } from './parts.js';
import { createSecondFactor } from './second-factor.js';
import type { PropRule } from '../ui/props.js';

import { signInStrings } from './strings.js';
import { signInStyles } from './styles.js';

export const strings = { ...authStrings, ...signInStrings };
export const styles = [authStyles, signInStyles];

const IDENTIFIERS = ['email_address', 'phone_number', 'username'] as const;

/** How the identifier field looks for each kind of identifier (ClerkJS's keys); email and username share one field. */
const IDENTIFIER_FIELDS: Record<string, { key: string; type: string; autoComplete: string; use: string }> = {
  email_address: { key: 'emailAddress', type: 'email', autoComplete: 'username', use: 'email' },
  email_address_username: { key: 'emailAddress_username', type: 'text', autoComplete: 'username', use: 'email_username' },
  phone_number: { key: 'phoneNumber', type: 'tel', autoComplete: 'tel', use: 'phone' },
  username: { key: 'username', type: 'text', autoComplete: 'username', use: 'username' },
};

/** The instance's sign-in identifiers, email and username merged into one kind (as ClerkJS groups them); "Use phone" cycles through them. */
function identifierKinds(attributes: Record<string, { enabled?: boolean; usedForFirstFactor?: boolean } | undefined>): string[] {
  const kinds: string[] = IDENTIFIERS.filter((k) => attributes[k]?.enabled && (attributes[k].usedForFirstFactor || k === 'username'));
  return kinds.includes('email_address') && kinds.includes('username')
    ? ['email_address_username', ...kinds.filter((k) => k !== 'email_address' && k !== 'username')]
    : kinds;
}

interface StepProps {
  flow: SignInFlow;
}

/** Finds the plugins the view uses when the instance has them (the component plugin's `ctx`). */
export interface SignInServices {
  find(name: 'oauth'): OAuthApi | undefined;
  find(name: 'email-link'): EmailLinkApi | undefined;
  find(name: 'web3'): Web3Api | undefined;
  find(name: 'passkeys'): unknown;
}

/** `passkey_settings` of the environment (absent from older ones). */
interface PasskeySettings {
  allowAutofill?: boolean;
  showSignInButton?: boolean;
}

const reloadResourceOf = (intent: string | null) => (intent === 'signIn' || intent === 'signUp' ? intent : undefined);

/** `<SignIn/>`'s props besides the hosted ones (routing, path, appearance). */
export const signInPropRules: Record<string, PropRule> = {
  forceRedirectUrl: 'url',
  fallbackRedirectUrl: 'url',
  signUpUrl: 'url',
  signUpForceRedirectUrl: 'url',
  signUpFallbackRedirectUrl: 'url',
  initialValues: 'object',
  afterSignInUrl: 'url',
  afterSignIn: 'url',
  signUpURL: 'url',
  redirectUrl: 'url',
};

export default function createSignIn(hostKit: UiKit, services?: SignInServices) {
  const kit = withAuthKit(hostKit);
  const oauth = services?.find('oauth');
  const emailLink = services?.find('email-link');
  const web3 = services?.find('web3');
  // The passkeys plugin is composed (its methods are on SignIn).
  const passkeys = !!services?.find('passkeys');
  const { useAuthFlow, useForm, focusField, Card, Form, Field, Button, Alert, SocialButtons, Web3Buttons, ProviderReturnError, FooterAction, LinkButton } = kit;
  const parts = createParts(kit, !!oauth);
  const { Alternatives } = parts;
  const { IdentityPreview } = kit;
  const FactorOne = createFirstFactor(kit, parts, passkeys);
  /** Signs in (or up) with a wallet, then on to the second factor or the sign-up's continue step. */
  const walletSignIn =
    ({ host, afterAuthUrl, authUrl }: SignInFlow) =>
    (strategy: string, walletName?: string) =>
      web3!.authenticateWithWeb3({
        strategy: strategy as Web3Strategy,
        walletName,
        redirectUrl: afterAuthUrl('signIn'),
        secondFactorUrl: host.stepUrl('factor-two'),
        signUpContinueUrl: `${authUrl('signUp')}#/continue`,
      });
  const { FactorTwo, ResetPassword } = createSecondFactor(kit, parts);

  function Start({ flow }: StepProps) {
    const { host, props } = flow;
    const { t, environment, query } = host;
    const attributes = environment.userSettings.attributes ?? {};
    const kinds = identifierKinds(attributes);
    const initial = props.initialValues ?? {};
    const initialPhone = initial.phoneNumber ?? query.get('phone_number');
    const [identifier, setIdentifier] = useState<string>(
      initial.emailAddress ?? initial.username ?? initialPhone ?? query.get('email_address') ?? query.get('username') ?? '',
    );
    // Only a phone number given: start on the phone field.
    const [kind, setKind] = useState(() => (identifier && identifier === initialPhone && kinds.includes('phone_number') ? 'phone_number' : kinds[0]));
    const field = IDENTIFIER_FIELDS[kind ?? ''] ?? IDENTIFIER_FIELDS.username!;
    const nextKind = kinds.length > 1 ? kinds[(kinds.indexOf(kind!) + 1) % kinds.length] : undefined;
    const form = useForm(['identifier']);
    const switchTo = (next: string, value = '') => {
      setKind(next);
      setIdentifier(value);
      form.setErrors({});
      setTimeout(() => focusField(host.uid, 'identifier'));
    };
    const submit = () =>
      form.run(async () => {
        const signIn = await current(host).create({ identifier: identifier.trim() });
        // A connected email domain signs in at its identity provider, never with a password here; with several
        // connections on the domain the user picks one first.
        if (enterpriseChoices(signIn).length) return host.navigate('enterprise-connections');
        return enterpriseSsoOnly(signIn) ? startEnterpriseSso(flow, oauth) : proceed(flow, signIn);
      });
    // An organization invitation link (`__clerk_ticket`): the ticket signs the invited user in, or, for an
    // address without an account (`__clerk_status=sign_up`), is the sign-up's (modal or page).
    // A modal has no query of its own: like ClerkJS's, it reads the page's.
    const handoff = host.modal ? new URLSearchParams(location.search) : query;
    const ticket = handoff.get('__clerk_ticket');
    useEffect(() => {
      if (!ticket) return;
      if (handoff.get('__clerk_status') === 'sign_up') return host.switchTo('SignUp', withTicket(flow.authUrl('signUp'), ticket, 'sign_up'));
      void form.run(async () => proceed(flow, await current(host).create({ strategy: 'ticket', ticket })));
    }, [ticket]);
    // Sign-ups on a waitlist: "Sign up" leads to the waitlist instead.
    const waitlist = environment.userSettings.signUp?.mode === 'waitlist';
    const signUpUrl = waitlist ? host.navigation.buildWaitlistUrl() : flow.authUrl('signUp');
    // Passkeys: with the plugin and the instance's setting; the button and autofill follow passkey_settings.
    const passkeyOn = passkeys && !!attributes.passkey?.enabled;
    const passkeySettings = (environment.userSettings.passkeySettings ?? {}) as PasskeySettings;
    const [passkeyError, setPasskeyError] = useState<string>();
    const [passkeyBusy, setPasskeyBusy] = useState(false);
    const withPasskey = async (mode: 'discoverable' | 'autofill') => {
      if (mode === 'discoverable') setPasskeyBusy(true);
      setPasskeyError(undefined);
      try {
        await proceed(flow, await current(host).authenticateWithPasskey({ flow: mode }));
      } catch (error) {
        // An autofill request ends quietly when the user types instead, or another request replaced it.
        if (mode === 'discoverable') setPasskeyError(passkeyErrorText(host, error));
      } finally {
        setPasskeyBusy(false);
      }
    };
    useEffect(() => {
      if (!passkeyOn || !passkeySettings.allowAutofill || typeof PublicKeyCredential === 'undefined') return;
      void PublicKeyCredential.isConditionalMediationAvailable?.().then((available) => {
        if (available) void withPasskey('autofill');
      });
    }, [passkeyOn]);
    return (
      <Card
        title={t('signIn.start.title', { applicationName: environment.displayConfig.applicationName })}
        subtitle={t('signIn.start.subtitle')}
        footer={
          <FooterAction
            text={t(waitlist ? 'signIn.start.actionText__join_waitlist' : 'signIn.start.actionText')}
            link={t(waitlist ? 'signIn.start.actionLink__join_waitlist' : 'signIn.start.actionLink')}
            href={signUpUrl}
            onClick={() => host.switchTo(waitlist ? 'Waitlist' : 'SignUp', signUpUrl)}
          />
        }
      >
        <ProviderReturnError read={() => current(host).firstFactorVerification?.error} />
        {web3 && <Web3Buttons withSocial={!!oauth} onSelect={walletSignIn(flow)} />}
        {oauth && <SocialButtons onSelect={(strategy) => startOAuth(flow, strategy)} />}
        {kinds.length > 0 && (
          <Form form={form} onSubmit={() => void submit()}>
            <Field
              name="identifier"
              label={t(`formFieldLabel__${field.key}`)}
              placeholder={t(`formFieldInputPlaceholder__${field.key}`)}
              type={field.type}
              autoComplete={`${field.autoComplete}${passkeyOn ? ' webauthn' : ''}`}
              required
              value={identifier}
              onValue={(value) => {
                // A number typed or autofilled where the email goes: the phone field takes it.
                if (value.startsWith('+') && kind !== 'phone_number' && kinds.includes('phone_number')) switchTo('phone_number', value);
                else setIdentifier(value);
              }}
              error={form.errors.identifier}
              autoFocus={!host.modal}
              action={
                nextKind && (
                  <LinkButton name="formFieldAction" variant="identifier" onClick={() => switchTo(nextKind)}>
                    {t(`signIn.start.actionLink__use_${IDENTIFIER_FIELDS[nextKind]!.use}`)}
                  </LinkButton>
                )
              }
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} />
          </Form>
        )}
        {passkeyOn && passkeySettings.showSignInButton !== false && (
          <>
            <Alert>{passkeyError}</Alert>
            <LinkButton name="alternativeMethodsBlockButton" variant="passkey" onClick={() => void (passkeyBusy || withPasskey('discoverable'))}>
              {t('signIn.start.actionLink__use_passkey')}
            </LinkButton>
          </>
        )}
      </Card>
    );
  }

  /**
   * Where the email link lands (`__clerk_status` in the query): the email-link plugin reads it and
   * activates the session, continues to the second factor, or says the link was used for another tab.
   */
  function EmailLinkLanding({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const [outcome, setOutcome] = useState<'loading' | 'verified' | 'expired' | 'failed' | 'client_mismatch'>('loading');
    useEffect(() => {
      if (!emailLink) return void setOutcome('failed');
      emailLink
        .handleEmailLinkVerification({
          redirectUrlComplete: flow.afterAuthUrl('signIn'),
          redirectUrl: host.stepUrl('factor-two'),
          // Verified for the tab (or device) that asked for the link: that one signs in.
          onVerifiedOnOtherDevice: () => setOutcome('verified'),
        })
        .catch((err: { code?: string }) => setOutcome(err?.code === 'expired' || err?.code === 'client_mismatch' ? err.code : 'failed'));
    }, []);
    const verified = outcome === 'verified';
    const message = {
      expired: 'signIn.emailLink.expired.title',
      client_mismatch: 'signIn.emailLink.clientMismatch.title',
      failed: 'signIn.emailLink.failed.title',
    } as const;
    return (
      <Card
        title={outcome === 'loading' ? t('signIn.emailLink.loadingTitle') : verified ? t('signIn.emailLink.verifiedTitle') : t('signIn.emailLink.title')}
        subtitle={verified ? t('signIn.emailLink.verifiedSubtitle') : undefined}
      >
        {outcome !== 'loading' && !verified && <Alert>{t(message[outcome])}</Alert>}
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
          firstFactorUrl: host.stepUrl('factor-one'),
          secondFactorUrl: host.stepUrl('factor-two'),
          resetPasswordUrl: host.stepUrl('reset-password'),
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

  /**
   * Several enterprise connections on the identifier's domain (as ClerkJS's chooser): one button per
   * connection, by name; the chosen one's identity provider continues the sign-in.
   */
  function EnterpriseConnections({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const form = useForm([]);
    const [busy, setBusy] = useState<string>();
    const signIn = current(host);
    const choices = enterpriseChoices(signIn);
    useEffect(() => {
      // A deep link without such a sign-in: back to the start.
      if (!choices.length) void host.navigate('');
    }, [choices.length]);
    const choose = (id: string) => {
      setBusy(id);
      void form.run(() => startEnterpriseSso(flow, oauth, id)).finally(() => setBusy(undefined));
    };
    return (
      <Card title={t('signIn.enterpriseConnections.title')} subtitle={t('signIn.enterpriseConnections.subtitle')}>
        <IdentityPreview identifier={signIn.identifier ?? ''} onEdit={() => void host.navigate('')} />
        <Alert>{form.formError}</Alert>
        <kit.EnterpriseConnectionList choices={choices} busy={busy} onChoose={choose} />
      </Card>
    );
  }

  /** Multi-session account chooser: continue as one of the signed-in accounts, or add another. */
  function Choose({ flow }: StepProps) {
    const { host } = flow;
    const { t, clerk } = host;
    const form = useForm([]);
    const sessions = clerk.client?.signedInSessions ?? [];
    useEffect(() => {
      if (!sessions.length) void host.navigate('');
    }, [sessions.length]);
    return (
      <Card title={t('signIn.accountSwitcher.title')} subtitle={t('signIn.accountSwitcher.subtitle')}>
        <Alternatives
          items={sessions.map((session) => ({
            key: session.id,
            label: session.publicUserData?.identifier || session.user?.primaryEmailAddress?.emailAddress || session.id,
            onClick: () => void form.run(() => host.finish(session.id, flow.afterAuthUrl('signIn'))),
          }))}
        />
        <Alert>{form.formError}</Alert>
        <LinkButton onClick={() => void host.navigate('')}>{t('signIn.accountSwitcher.action__addAccount')}</LinkButton>
      </Card>
    );
  }

  return function SignInComponent(props: SignInProps) {
    kit.validateProps('SignIn', props, signInPropRules);
    const flow = useAuthFlow(props);
    // A session waiting on a task (session-tasks plugin) continues in the `tasks/<key>` step, as ClerkJS's <SignIn/>.
    if (kit.usePendingTask()) return null;
    if (flow.host.route.startsWith('tasks/')) return <kit.TaskStep redirectUrlComplete={flow.afterAuthUrl('signIn')} />;
    switch (flow.host.route) {
      case 'factor-one':
        return <FactorOne flow={flow} />;
      case 'factor-two':
        return <FactorTwo flow={flow} />;
      case 'reset-password':
        return <ResetPassword flow={flow} />;
      case 'verify':
        return <EmailLinkLanding flow={flow} />;
      case 'sso-callback':
        return <SsoCallback flow={flow} />;
      case 'choose':
        return <Choose flow={flow} />;
      case 'enterprise-connections':
        return <EnterpriseConnections flow={flow} />;
      case 'protect-check':
        return <kit.ProtectCheckStep kind="signIn" onDone={(signIn: SignIn) => proceed(flow, signIn)} />;
      case 'choose-wallet':
        if (web3) return <kit.SolanaWallets kind="signIn" onSelect={walletSignIn(flow)} />;
      // falls through: no wallets without the web3 plugin

      default:
        return <Start flow={flow} />;
    }
  };
}
