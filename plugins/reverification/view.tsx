/**
 * The reverification modal: starts a session verification at the requested level, asks for the factor
 * FAPI offers (password, email/phone code or passkey first; an authenticator, SMS or backup code
 * second), and reports back through `afterVerification` / `afterVerificationCancelled`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../kernel/index.js';
import { isClerkAPIResponseError, isClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { SessionVerification, SessionVerificationFactor } from '../passkeys/index.js';
import type { HostedProps, UiKit } from '../ui/index.js';
import type { UserVerificationProps } from './index.js';

export { reverificationStrings as strings } from './strings.js';

const FIRST = ['password', 'passkey', 'email_code', 'phone_code'];
const SECOND = ['totp', 'phone_code', 'backup_code'];
const MFA_KEYS: Record<string, string> = { totp: 'totpMfa', phone_code: 'phoneCodeMfa', backup_code: 'backupCodeMfa' };

export default function createUserVerification(kit: UiKit) {
  const { useHost, useForm, Card, Form, Field, Button, Alert, CodeForm, LinkButton } = kit;

  return function UserVerification(props: UserVerificationProps & HostedProps) {
    const host = useHost();
    const { t, clerk, el } = host;
    const session = clerk.session as Session | null;
    const [verification, setVerification] = useState<SessionVerification | null>(null);
    const [factor, setFactor] = useState<SessionVerificationFactor | null>(null);
    const [choosing, setChoosing] = useState(false);
    const [password, setPassword] = useState('');
    const [error, setError] = useState<string>();
    const form = useForm(['password', 'code']);
    const completed = useRef(false);

    const say = (key: string, vars?: Record<string, unknown>) => t(`reverification.${key}`, vars);
    const errorText = (err: unknown) =>
      isClerkAPIResponseError(err)
        ? host.errorText(err.errors[0])
        : isClerkRuntimeError(err) && t(`unstable__errors.${err.code}`) !== `unstable__errors.${err.code}`
          ? t(`unstable__errors.${err.code}`)
          : t('unstable__errors.unknown');

    /** The next state of the verification: done → report and close; else the first usable factor of the step. */
    const advance = (next: SessionVerification) => {
      setVerification(next);
      if (next.status === 'complete') {
        completed.current = true;
        props.afterVerification?.();
        host.close();
        return;
      }
      const list =
        next.status === 'needs_first_factor'
          ? (next.supportedFirstFactors ?? []).filter((f) => FIRST.includes(f.strategy))
          : (next.supportedSecondFactors ?? []).filter((f) => SECOND.includes(f.strategy));
      const order = next.status === 'needs_first_factor' ? FIRST : SECOND;
      setFactor([...list].sort((a, b) => order.indexOf(a.strategy) - order.indexOf(b.strategy))[0] ?? null);
      setChoosing(false);
    };

    useEffect(() => {
      if (!session) return;
      session
        .startVerification({ level: props.level ?? 'second_factor' })
        .then(advance)
        .catch((err: unknown) => setError(errorText(err)));
      // Closed (Escape, backdrop, ×) before verifying: the caller's action is cancelled.
      return () => {
        if (!completed.current) props.afterVerificationCancelled?.();
      };
    }, []);

    // Codes are sent when their factor is shown.
    useEffect(() => {
      if (!session || !verification || !factor) return;
      const first = verification.status === 'needs_first_factor';
      if (first && (factor.strategy === 'email_code' || factor.strategy === 'phone_code')) {
        void form.run(() =>
          session.prepareFirstFactorVerification(
            factor.strategy === 'email_code'
              ? { strategy: 'email_code', emailAddressId: factor.emailAddressId! }
              : { strategy: 'phone_code', phoneNumberId: factor.phoneNumberId! },
          ),
        );
      } else if (!first && factor.strategy === 'phone_code') {
        void form.run(() => session.prepareSecondFactorVerification({ strategy: 'phone_code', phoneNumberId: factor.phoneNumberId }));
      }
    }, [factor, verification?.status]);

    if (!session) return null;
    if (!verification) {
      return (
        <Card title={say('title')}>
          <Alert>{error}</Alert>
          {!error && <p {...el('formFieldHintText')}>{say('loading')}</p>}
        </Card>
      );
    }
    const first = verification.status === 'needs_first_factor';
    const factors = first
      ? (verification.supportedFirstFactors ?? []).filter((f) => FIRST.includes(f.strategy))
      : (verification.supportedSecondFactors ?? []).filter((f) => SECOND.includes(f.strategy));
    const others = factors.filter((f) => f !== factor);
    const footer = others.length > 0 && !choosing && <LinkButton onClick={() => setChoosing(true)}>{say('useAnotherMethod')}</LinkButton>;

    if (!factor) {
      return (
        <Card title={say('title')}>
          <Alert>{say('noFactors')}</Alert>
        </Card>
      );
    }
    if (choosing) {
      return (
        <Card title={say('useAnotherMethod')}>
          <div {...el('alternativeMethods')}>
            {factors.map((f) => (
              <button
                key={`${f.strategy}-${f.emailAddressId ?? f.phoneNumberId ?? ''}`}
                type="button"
                {...el('alternativeMethodsBlockButton', f.strategy)}
                onClick={() => {
                  setFactor(f);
                  setChoosing(false);
                }}
              >
                {f.strategy === 'passkey'
                  ? say('passkey.blockButton__passkey')
                  : f.safeIdentifier
                    ? `${f.strategy.replace('_', ' ')}: ${f.safeIdentifier}`
                    : say(`${MFA_KEYS[f.strategy] ?? 'password'}.title`)}
              </button>
            ))}
          </div>
        </Card>
      );
    }

    if (first && factor.strategy === 'password') {
      return (
        <Card title={say('password.title')} subtitle={say('password.subtitle')} footer={footer}>
          <Form onSubmit={() => void form.run(async () => advance(await session.attemptFirstFactorVerification({ strategy: 'password', password })))}>
            <Field
              name="password"
              type="password"
              label={t('formFieldLabel__password')}
              autoComplete="current-password"
              value={password}
              onValue={setPassword}
              error={form.errors.password}
              autoFocus
            />
            <Alert>{form.formError}</Alert>
            <Button busy={form.busy} />
          </Form>
        </Card>
      );
    }
    if (first && factor.strategy === 'passkey') {
      const go = async () => {
        setError(undefined);
        try {
          advance(await session.verifyWithPasskey());
        } catch (err) {
          setError(errorText(err));
        }
      };
      return (
        <Card title={say('passkey.title')} subtitle={say('passkey.subtitle')} footer={footer}>
          <Form onSubmit={() => void go()}>
            <Alert>{error}</Alert>
            <Button>{say('passkey.blockButton__passkey')}</Button>
          </Form>
        </Card>
      );
    }
    const key = first ? (factor.strategy === 'email_code' ? 'emailCode' : 'phoneCode') : MFA_KEYS[factor.strategy];
    return (
      <Card title={say(`${key}.title`)} subtitle={say(`${key}.subtitle`, { identifier: factor.safeIdentifier ?? '' })} footer={footer}>
        <Alert>{form.formError}</Alert>
        <CodeForm
          key={`${verification.status}-${factor.strategy}`}
          numeric={factor.strategy !== 'backup_code'}
          onCode={async (code) =>
            advance(
              first
                ? await session.attemptFirstFactorVerification({ strategy: factor.strategy as 'email_code' | 'phone_code', code })
                : await session.attemptSecondFactorVerification({ strategy: factor.strategy as 'totp' | 'phone_code' | 'backup_code', code }),
            )
          }
        />
      </Card>
    );
  };
}
