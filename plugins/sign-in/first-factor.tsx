/** `<SignIn/>`'s first factor: password, email or phone code (also for a password reset), email link, or another method. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignIn, SignInFactor } from '../../kernel/index.js';
import type { AuthUiKit } from '../ui/auth-kit.js';
import { current, factorKey, FIRST_FACTORS, passkeyErrorText, POLL_MS, proceed, type SignInFlow } from './flow.js';
import type { SignInParts } from './parts.js';

interface StepProps {
  flow: SignInFlow;
}

export function createFirstFactor(kit: AuthUiKit, { AlternativeMethods, useExpectStatus }: SignInParts, passkeys = false) {
  /** The first factors this component can complete: passkey only with the passkeys plugin. */
  const usable = passkeys ? [...FIRST_FACTORS, 'passkey'] : FIRST_FACTORS;
  const { useForm, Card, Form, Field, Button, Alert, CodeForm, LinkButton, IdentityPreview } = kit;

  /** The identifier under the title, with the pencil back to the start. */
  const preview = (flow: SignInFlow) => <IdentityPreview identifier={current(flow.host).identifier ?? ''} onEdit={() => void flow.host.navigate('')} />;

  function defaultFactor(signIn: SignIn, preferred: string | undefined): SignInFactor | undefined {
    const factors = signIn.supportedFirstFactors ?? [];
    const inFlight = signIn.firstFactorVerification;
    if (inFlight.status === 'unverified' && inFlight.strategy) {
      const resumed = factors.find((f) => f.strategy === inFlight.strategy);
      if (resumed) return resumed;
    }
    const find = (strategy: string) =>
      factors.find((f) => f.strategy === strategy && (!f.safeIdentifier || f.safeIdentifier === signIn.identifier)) ??
      factors.find((f) => f.strategy === strategy);
    return (preferred !== 'otp' ? find('password') : undefined) ?? find('email_code') ?? find('phone_code') ?? find('email_link') ?? find('password');
  }

  interface FactorProps extends StepProps {
    factor: SignInFactor;
    onAlternatives(): void;
    onFactor(factor: SignInFactor): void;
  }

  function PasswordFactor({ flow, onAlternatives, onFactor }: FactorProps) {
    const { host } = flow;
    const { t } = host;
    const signIn = current(host);
    const form = useForm(['password']);
    const [password, setPassword] = useState('');
    const reset = (signIn.supportedFirstFactors ?? []).find((f) => f.strategy.startsWith('reset_password'));
    return (
      <Card
        title={t('signIn.password.title')}
        subtitle={t('signIn.password.subtitle')}
        preview={preview(flow)}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <Form form={form} onSubmit={() => void form.run(async () => proceed(flow, await signIn.attemptFirstFactor({ strategy: 'password', password })))}>
          <Field
            name="password"
            type="password"
            label={t('formFieldLabel__password')}
            placeholder={t('formFieldInputPlaceholder__password')}
            required
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
  function CodeFactor({ flow, factor, onAlternatives }: FactorProps) {
    const { host } = flow;
    const { t } = host;
    const signIn = current(host);
    // Sending the code on arrival leaves the boxes usable.
    const prepareForm = useForm([], false);
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
        preview={preview(flow)}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <Alert>{prepareForm.formError}</Alert>
        <CodeForm
          onCode={async (code) => proceed(flow, await ensurePrepared().then(() => signIn.attemptFirstFactor({ strategy: factor.strategy, code })))}
          onResend={prepare}
          resendText={t(`signIn.${key}.resendButton`)}
        />
      </Card>
    );
  }

  /** Sends the link, then polls the sign-in until the link was opened (here or in another tab). */
  function EmailLinkFactor({ flow, factor, onAlternatives }: FactorProps) {
    const { host } = flow;
    const { t } = host;
    const signIn = current(host);
    const form = useForm([], false);
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
          if (next.status !== 'needs_first_factor') return void form.run(() => proceed(flow, next));
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
        preview={preview(flow)}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <Alert>{expired ? t('signIn.emailLink.expired.title') : form.formError}</Alert>
        <LinkButton name="formResendCodeLink" onClick={() => setRound(round + 1)}>
          {t('signIn.emailLink.resendButton')}
        </LinkButton>
      </Card>
    );
  }

  /** The identified user's passkeys: the browser asks for one when the user continues. */
  function PasskeyFactor({ flow, onAlternatives }: FactorProps) {
    const { host } = flow;
    const { t } = host;
    const signIn = current(host);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string>();
    const go = async () => {
      setBusy(true);
      setError(undefined);
      try {
        await proceed(flow, await signIn.authenticateWithPasskey());
      } catch (err) {
        setError(passkeyErrorText(host, err));
      } finally {
        setBusy(false);
      }
    };
    return (
      <Card
        title={t('signIn.passkey.title')}
        subtitle={t('signIn.passkey.subtitle')}
        preview={preview(flow)}
        footer={<LinkButton onClick={onAlternatives}>{t('footerActionLink__useAnotherMethod')}</LinkButton>}
      >
        <Form onSubmit={() => void go()}>
          <Alert>{error}</Alert>
          <Button busy={busy} />
        </Form>
      </Card>
    );
  }

  function FactorOne({ flow }: StepProps) {
    const { host } = flow;
    const ok = useExpectStatus(flow, 'needs_first_factor');
    const signIn = current(host);
    const [factor, setFactor] = useState(() => defaultFactor(signIn, host.environment.displayConfig.preferredSignInStrategy));
    const [choosing, setChoosing] = useState(false);
    if (!ok) return null;
    if (choosing || !factor) {
      const others = (signIn.supportedFirstFactors ?? []).filter((f) => usable.includes(f.strategy) && f !== factor);
      return (
        <AlternativeMethods
          flow={flow}
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
    const common = { flow, factor, onAlternatives: () => setChoosing(true), onFactor: setFactor };
    if (factor.strategy === 'password') return <PasswordFactor {...common} />;
    if (factor.strategy === 'email_link') return <EmailLinkFactor {...common} />;
    if (factor.strategy === 'passkey') return <PasskeyFactor {...common} />;
    return <CodeFactor key={factor.strategy} {...common} />;
  }

  return FactorOne;
}
