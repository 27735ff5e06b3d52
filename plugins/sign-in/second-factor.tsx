/** `<SignIn/>`'s second factor (authenticator app, SMS code, backup code) and the new-password step. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignInFactor } from '../../kernel/index.js';
import type { AuthUiKit } from '../ui/auth-kit.js';
import { current, proceed, type SignInFlow } from './flow.js';
import type { SignInParts } from './parts.js';

interface StepProps {
  flow: SignInFlow;
}

export function createSecondFactor(kit: AuthUiKit, { AlternativeMethods, useExpectStatus }: SignInParts) {
  const { useForm, Card, Form, Field, Checkbox, Button, Alert, CodeForm, LinkButton } = kit;

  function FactorTwo({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const ok = useExpectStatus(flow, 'needs_second_factor');
    const signIn = current(host);
    const factors = (signIn.supportedSecondFactors ?? []).filter((f) => ['totp', 'phone_code', 'backup_code'].includes(f.strategy));
    const [factor, setFactor] = useState(() => factors.find((f) => f.strategy === 'totp') ?? factors.find((f) => f.strategy === 'phone_code') ?? factors[0]);
    const [choosing, setChoosing] = useState(false);
    const prepareForm = useForm([], false);
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
          flow={flow}
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
          onCode={async (code) => proceed(flow, await ensurePrepared().then(() => signIn.attemptSecondFactor({ strategy: factor.strategy, code })))}
          onResend={factor.strategy === 'phone_code' ? prepare : undefined}
          resendText={t('signIn.phoneCodeMfa.resendButton')}
        />
      </Card>
    );
  }

  function ResetPassword({ flow }: StepProps) {
    const { host } = flow;
    const { t } = host;
    const ok = useExpectStatus(flow, 'needs_new_password');
    const form = useForm(['password']);
    const [password, setPassword] = useState('');
    const [confirm, setConfirm] = useState('');
    const [signOutOthers, setSignOutOthers] = useState(true);
    if (!ok) return null;
    const submit = () => {
      if (password !== confirm) return form.setErrors({ confirmPassword: t('formFieldError__passwordsDoNotMatch') });
      void form.run(async () => proceed(flow, await current(host).resetPassword({ password, signOutOfOtherSessions: signOutOthers })));
    };
    return (
      <Card title={t('signIn.resetPassword.title')}>
        <Form form={form} onSubmit={submit}>
          <Field
            name="password"
            type="password"
            label={t('formFieldLabel__newPassword')}
            required
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            error={form.errors.password}
            rules
            autoFocus
          />
          <Field
            name="confirmPassword"
            type="password"
            label={t('formFieldLabel__confirmPassword')}
            required
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

  return { FactorTwo, ResetPassword };
}
