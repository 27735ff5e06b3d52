/**
 * `<SignIn/>`: loaded on the first mount/open. Steps (routes): '' (identifier + social),
 * 'factor-one', 'factor-two', 'reset-password', 'verify' (email-link landing), 'sso-callback', and
 * 'choose' (the accounts signed in on this browser, where signing out of one of several lands).
 * Every step reads the sign-in in progress from `clerk.client.signIn`, so deep links survive a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignIn, SignInFactor } from '../../kernel/index.js';
import type { HostContextValue, UiKit } from '../ui/index.js';
import type { SignInProps } from './index.js';

const POLL_MS = 2000;
const FIRST_FACTORS = ['password', 'email_code', 'phone_code', 'email_link'];
const IDENTIFIERS = ['email_address', 'phone_number', 'username'] as const;
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const current = (host: HostContextValue) => host.clerk.client!.signIn as SignIn;

/** Moves to the step the sign-in's status asks for, or activates the session when complete. */
function proceed(host: HostContextValue, signIn: SignIn): Promise<void> {
  switch (signIn.status) {
    case 'complete':
      return host.finish(signIn.createdSessionId, host.afterAuthUrl('signIn'));
    case 'needs_first_factor':
      return host.navigate('factor-one');
    case 'needs_second_factor':
      return host.navigate('factor-two');
    case 'needs_new_password':
      return host.navigate('reset-password');
    default:
      return host.navigate('');
  }
}

/** Starts the OAuth redirect: FAPI answers with the provider URL, which must be http(s). */
async function startOAuth(host: HostContextValue, strategy: string) {
  const callback = host.routing === 'virtual' ? `${new URL(host.authUrl('signIn'), location.href).href.split('#')[0]}#/sso-callback` : host.stepUrl('sso-callback');
  const signIn = await current(host).create({ strategy, redirectUrl: callback, actionCompleteRedirectUrl: host.afterAuthUrl('signIn') });
  await host.redirectExternal(signIn.firstFactorVerification.externalVerificationRedirectURL);
}

const factorKey = (strategy: string) => camel(strategy.replace(/^reset_password_(email|phone)_code$/, 'reset_password'));

export default function createSignIn(kit: UiKit) {
  const { useHost, useForm, Card, Form, Field, Checkbox, Button, Alert, CodeForm, SocialButtons, FooterAction, LinkButton, IdentityPreview, Alternatives, PasswordRules } = kit;

  /** Sends a deep link whose sign-in is not in `status` to the step that fits it. */
  function useExpectStatus(host: HostContextValue, status: SignIn['status']) {
    const signIn = current(host);
    const ok = signIn.status === status;
    useEffect(() => {
      if (!ok) void (signIn.status === 'complete' || !signIn.status ? host.navigate('') : proceed(host, signIn));
    }, [ok]);
    return ok;
  }

  function Start() {
    const host = useHost();
    const { t, environment, props, query } = host;
    const attributes = environment.userSettings.attributes ?? {};
    const kinds = IDENTIFIERS.filter((k) => attributes[k]?.enabled && (attributes[k].usedForFirstFactor || k === 'username'));
    const initial = props.initialValues ?? {};
    const [identifier, setIdentifier] = useState<string>(
      initial.emailAddress ?? initial.username ?? initial.phoneNumber ?? query.get('email_address') ?? query.get('username') ?? query.get('phone_number') ?? '',
    );
    const form = useForm(['identifier']);
    const only = kinds.length === 1 ? kinds[0] : undefined;
    const submit = () => form.run(async () => proceed(host, await current(host).create({ identifier: identifier.trim() })));
    const signUpUrl = host.authUrl('signUp');
    return (
      <Card
        title={t('signIn.start.title', { applicationName: environment.displayConfig.applicationName })}
        subtitle={t('signIn.start.subtitle')}
        footer={
          <FooterAction
            text={t('signIn.start.actionText')}
            link={t('signIn.start.actionLink')}
            href={signUpUrl}
            onClick={() =>
              host.switchTo('SignUp', signUpUrl)
            }
          />
        }
      >
        <SocialButtons onSelect={(strategy) => startOAuth(host, strategy)} />
        {kinds.length > 0 && (
          <Form onSubmit={() => void submit()}>
            <Field
              name="identifier"
              label={t(`formFieldLabel__${kinds.map(camel).join('_')}`)}
              type={only === 'email_address' ? 'email' : only === 'phone_number' ? 'tel' : 'text'}
              autoComplete={only === 'email_address' ? 'email' : only === 'phone_number' ? 'tel' : 'username'}
              value={identifier}
              onValue={setIdentifier}
              error={form.errors.identifier}
              autoFocus={!host.modal}
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} />
          </Form>
        )}
      </Card>
    );
  }

  function defaultFactor(signIn: SignIn, preferred: string | undefined): SignInFactor | undefined {
    const factors = signIn.supportedFirstFactors ?? [];
    const inFlight = signIn.firstFactorVerification;
    if (inFlight.status === 'unverified' && inFlight.strategy) {
      const resumed = factors.find((f) => f.strategy === inFlight.strategy);
      if (resumed) return resumed;
    }
    const find = (strategy: string) => factors.find((f) => f.strategy === strategy && (!f.safeIdentifier || f.safeIdentifier === signIn.identifier)) ?? factors.find((f) => f.strategy === strategy);
    return (preferred !== 'otp' ? find('password') : undefined) ?? find('email_code') ?? find('phone_code') ?? find('email_link') ?? find('password');
  }

  function FactorOne() {
    const host = useHost();
    const ok = useExpectStatus(host, 'needs_first_factor');
    const signIn = current(host);
    const [factor, setFactor] = useState(() => defaultFactor(signIn, host.environment.displayConfig.preferredSignInStrategy));
    const [choosing, setChoosing] = useState(false);
    if (!ok) return null;
    if (choosing || !factor) {
      const others = (signIn.supportedFirstFactors ?? []).filter((f) => FIRST_FACTORS.includes(f.strategy) && f !== factor);
      return (
        <AlternativeMethods
          factors={others}
          social
          onPick={(f) => {
            setFactor(f);
            setChoosing(false);
          }}
          onBack={factor ? () => setChoosing(false) : undefined}
        />
      );
    }
    const common = { factor, onAlternatives: () => setChoosing(true), onFactor: setFactor };
    if (factor.strategy === 'password') return <PasswordFactor {...common} />;
    if (factor.strategy === 'email_link') return <EmailLinkFactor {...common} />;
    return <CodeFactor key={factor.strategy} {...common} />;
  }

  interface FactorProps {
    factor: SignInFactor;
    onAlternatives(): void;
    onFactor(factor: SignInFactor): void;
  }

  function AlternativeMethods({ factors, onPick, onBack, social }: { factors: SignInFactor[]; onPick(f: SignInFactor): void; onBack?: () => void; social?: boolean }) {
    const host = useHost();
    const { t } = host;
    return (
      <Card
        title={t('signIn.alternativeMethods.title')}
        subtitle={t('signIn.alternativeMethods.subtitle')}
        footer={onBack && <LinkButton onClick={onBack}>{t('backButton')}</LinkButton>}
      >
        {social && <SocialButtons onSelect={(strategy) => startOAuth(host, strategy)} />}
        <Alternatives
          items={factors.map((f) => ({
            key: f.strategy,
            label: t(`signIn.alternativeMethods.blockButton__${factorKey(f.strategy)}`, { identifier: f.safeIdentifier ?? current(host).identifier }),
            onClick: () => onPick(f),
          }))}
        />
      </Card>
    );
  }

  function PasswordFactor({ onAlternatives, onFactor }: FactorProps) {
    const host = useHost();
    const { t } = host;
    const signIn = current(host);
    const form = useForm(['password']);
    const [password, setPassword] = useState('');
    const reset = (signIn.supportedFirstFactors ?? []).find((f) => f.strategy.startsWith('reset_password'));
    return (
      <Card
        title={t('signIn.password.title')}
        subtitle={t('signIn.password.subtitle')}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <IdentityPreview identifier={signIn.identifier ?? ''} onEdit={() => void host.navigate('')} />
        <Form onSubmit={() => void form.run(async () => proceed(host, await signIn.attemptFirstFactor({ strategy: 'password', password })))}>
          <Field
            name="password"
            type="password"
            label={t('formFieldLabel__password')}
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            error={form.errors.password}
            autoFocus
            action={
              reset && (
                <LinkButton name="formFieldAction" variant="password" onClick={() => onFactor(reset)}>
                  {t('formFieldAction__forgotPassword')}
                </LinkButton>
              )
            }
          />
          <Alert>{form.formError}</Alert>
          <Button busy={form.busy} />
        </Form>
      </Card>
    );
  }

  /** email_code, phone_code and the reset-password codes: prepare once (unless resuming), then the code. */
  function CodeFactor({ factor, onAlternatives }: FactorProps) {
    const host = useHost();
    const { t } = host;
    const signIn = current(host);
    const prepareForm = useForm([]);
    const prepare = () => signIn.prepareFirstFactor({ strategy: factor.strategy, emailAddressId: factor.emailAddressId, phoneNumberId: factor.phoneNumberId });
    // Sends the code once (unless resuming one); a code typed or autofilled before the effect ran sends first.
    const prepared = useRef<Promise<unknown>>();
    const ensurePrepared = () => {
      const v = signIn.firstFactorVerification;
      return (prepared.current ??= v.strategy === factor.strategy && v.status === 'unverified' ? Promise.resolve() : prepareForm.run(prepare));
    };
    useEffect(() => void ensurePrepared(), []);
    const key = factor.strategy.startsWith('reset_password') ? 'forgotPassword' : factorKey(factor.strategy);
    return (
      <Card
        title={t(`signIn.${key}.title`)}
        subtitle={t(`signIn.${key}.subtitle`, { identifier: factor.safeIdentifier ?? signIn.identifier })}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <IdentityPreview identifier={signIn.identifier ?? ''} onEdit={() => void host.navigate('')} />
        <Alert>{prepareForm.formError}</Alert>
        <CodeForm onCode={async (code) => proceed(host, await ensurePrepared().then(() => signIn.attemptFirstFactor({ strategy: factor.strategy, code })))} onResend={prepare} />
      </Card>
    );
  }

  /** Sends the link, then polls the sign-in until the link was opened (here or in another tab). */
  function EmailLinkFactor({ factor, onAlternatives }: FactorProps) {
    const host = useHost();
    const { t } = host;
    const signIn = current(host);
    const form = useForm([]);
    const [expired, setExpired] = useState(false);
    const [round, setRound] = useState(0);
    useEffect(() => {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const poll = async () => {
        if (stopped) return;
        try {
          const next = await signIn.reload();
          const status = next.firstFactorVerification.status;
          if (stopped) return;
          if (next.status !== 'needs_first_factor') return void form.run(() => proceed(host, next));
          if (status === 'expired' || status === 'failed') return setExpired(true);
        } catch {
          // A failed poll is retried on the next tick.
        }
        timer = setTimeout(poll, POLL_MS);
      };
      setExpired(false);
      void form
        .run(() => signIn.prepareFirstFactor({ strategy: 'email_link', emailAddressId: factor.emailAddressId, redirectUrl: host.stepUrl('verify') }))
        .then(() => (timer = setTimeout(poll, POLL_MS)));
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    }, [round]);
    return (
      <Card
        title={t('signIn.emailLink.title')}
        subtitle={t('signIn.emailLink.subtitle', { identifier: factor.safeIdentifier ?? signIn.identifier })}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <IdentityPreview identifier={signIn.identifier ?? ''} onEdit={() => void host.navigate('')} />
        <Alert>{expired ? t('signIn.emailLink.expired') : form.formError}</Alert>
        <LinkButton name="formResendCodeLink" onClick={() => setRound(round + 1)}>
          {t('signIn.emailLink.resendButton')}
        </LinkButton>
      </Card>
    );
  }

  /** Where the email link lands (`__clerk_status` in the query). */
  function EmailLinkLanding() {
    const host = useHost();
    const { t, query } = host;
    const status = query.get('__clerk_status');
    const signIn = current(host);
    useEffect(() => {
      if (status === 'verified' && signIn.status === 'complete') void host.finish(signIn.createdSessionId, host.afterAuthUrl('signIn'));
    }, []);
    const verified = status === 'verified';
    return (
      <Card title={verified ? t('signIn.emailLink.verifiedTitle') : t('signIn.emailLink.title')} subtitle={verified ? t('signIn.emailLink.verifiedSubtitle') : undefined}>
        {!verified && <Alert>{t(status === 'expired' ? 'signIn.emailLink.expired' : 'unstable__errors.unknown')}</Alert>}
      </Card>
    );
  }

  function FactorTwo() {
    const host = useHost();
    const { t } = host;
    const ok = useExpectStatus(host, 'needs_second_factor');
    const signIn = current(host);
    const factors = (signIn.supportedSecondFactors ?? []).filter((f) => ['totp', 'phone_code', 'backup_code'].includes(f.strategy));
    const [factor, setFactor] = useState(() => factors.find((f) => f.strategy === 'totp') ?? factors.find((f) => f.strategy === 'phone_code') ?? factors[0]);
    const [choosing, setChoosing] = useState(false);
    const prepareForm = useForm([]);
    const prepare = () => signIn.prepareSecondFactor({ strategy: 'phone_code', phoneNumberId: factor?.phoneNumberId });
    const prepared = useRef<{ factor?: SignInFactor; done?: Promise<unknown> }>({});
    const ensurePrepared = () => {
      const v = signIn.secondFactorVerification;
      if (prepared.current.factor !== factor) {
        const needed = ok && factor?.strategy === 'phone_code' && !(v.strategy === 'phone_code' && v.status === 'unverified');
        prepared.current = { factor, done: needed ? prepareForm.run(prepare) : Promise.resolve() };
      }
      return prepared.current.done!;
    };
    useEffect(() => void ensurePrepared(), [factor, ok]);
    if (!ok || !factor) return null;
    if (choosing) {
      return (
        <AlternativeMethods
          factors={factors.filter((f) => f !== factor)}
          onPick={(f) => {
            setFactor(f);
            setChoosing(false);
          }}
          onBack={() => setChoosing(false)}
        />
      );
    }
    const key = factor.strategy === 'totp' ? 'totpMfa' : factor.strategy === 'phone_code' ? 'phoneCodeMfa' : 'backupCodeMfa';
    const backup = factor.strategy === 'backup_code';
    return (
      <Card
        title={t(`signIn.${key}.title`)}
        subtitle={t(`signIn.${key}.subtitle`)}
        footer={factors.length > 1 && <LinkButton onClick={() => setChoosing(true)}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <Alert>{prepareForm.formError}</Alert>
        <CodeForm
          key={factor.strategy}
          numeric={!backup}
          label={backup ? t('formFieldLabel__backupCode') : undefined}
          onCode={async (code) => proceed(host, await ensurePrepared().then(() => signIn.attemptSecondFactor({ strategy: factor.strategy, code })))}
          onResend={factor.strategy === 'phone_code' ? prepare : undefined}
        />
      </Card>
    );
  }

  function ResetPassword() {
    const host = useHost();
    const { t } = host;
    const ok = useExpectStatus(host, 'needs_new_password');
    const form = useForm(['password']);
    const [password, setPassword] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    if (!ok) return null;
    const submit = () => {
      if (password !== confirm) return form.setErrors({ confirmPassword: t('formFieldError__passwordsDoNotMatch') });
      void form.run(async () => proceed(host, await current(host).resetPassword({ password, signOutOfOtherSessions: signOutOthers })));
    };
    return (
      <Card title={t('signIn.resetPassword.title')}>
        <Form onSubmit={submit}>
          <Field
            name="password"
            type="password"
            label={t('formFieldLabel__newPassword')}
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            error={form.errors.password}
            hint={<PasswordRules password={password} />}
            autoFocus
          />
          <Field
            name="confirmPassword"
            type="password"
            label={t('formFieldLabel__confirmPassword')}
            autoComplete="new-password"
            value={confirm}
            onValue={setConfirm}
            error={form.errors.confirmPassword}
          />
          <Checkbox name="signOutOfOtherSessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onChecked={setSignOutOthers} />
          <Alert>{form.formError}</Alert>
          <Button busy={form.busy}>{t('signIn.resetPassword.formButtonPrimary')}</Button>
        </Form>
      </Card>
    );
  }

  /** Back from the OAuth provider: the oauth plugin's handleRedirectCallback when present, else the sign-in's status. */
  function SsoCallback() {
    const host = useHost();
    const { t, clerk } = host;
    const form = useForm([]);
    useEffect(() => {
      void form.run(async () => {
        if (typeof clerk.handleRedirectCallback === 'function') {
          return clerk.handleRedirectCallback({
            signInUrl: host.authUrl('signIn'),
            signUpUrl: host.authUrl('signUp'),
            signInForceRedirectUrl: host.afterAuthUrl('signIn'),
            signUpForceRedirectUrl: host.afterAuthUrl('signUp'),
            firstFactorUrl: host.stepUrl('factor-one'),
            secondFactorUrl: host.stepUrl('factor-two'),
          });
        }
        const signIn = current(host);
        if (!signIn.id) return host.navigate('');
        await signIn.reload();
        if (signIn.firstFactorVerification.status === 'transferable') {
          const signUp = await clerk.client!.signUp.create({ transfer: true });
          if (signUp.status === 'complete') return host.finish(signUp.createdSessionId, host.afterAuthUrl('signUp'));
          return host.switchTo('SignUp', `${host.authUrl('signUp')}#/continue`);
        }
        await proceed(host, signIn);
      });
    }, []);
    return (
      <Card title={t('signIn.ssoCallback.title')}>
        <Alert>{form.formError}</Alert>
      </Card>
    );
  }

  /** Multi-session account chooser: continue as one of the signed-in accounts, or add another. */
  function Choose() {
    const host = useHost();
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
            onClick: () => void form.run(() => host.finish(session.id, host.afterAuthUrl('signIn'))),
          }))}
        />
        <Alert>{form.formError}</Alert>
        <LinkButton onClick={() => void host.navigate('')}>{t('signIn.accountSwitcher.action__addAccount')}</LinkButton>
      </Card>
    );
  }

  return function SignInComponent(_props: SignInProps) {
    const { route } = useHost();
    switch (route) {
      case 'factor-one':
        return <FactorOne />;
      case 'factor-two':
        return <FactorTwo />;
      case 'reset-password':
        return <ResetPassword />;
      case 'verify':
        return <EmailLinkLanding />;
      case 'sso-callback':
        return <SsoCallback />;
      case 'choose':
        return <Choose />;
      default:
        return <Start />;
    }
  };
}
