/** Parts only `<SignIn/>` uses: the list of other methods, and the deep-link guard. */
import { useEffect } from 'preact/hooks';
import type { SignIn, SignInFactor } from '../../kernel/index.js';
import type { AuthUiKit } from '../ui/auth-kit.js';
import { current, factorKey, proceed, startOAuth, type SignInFlow } from './flow.js';

/** `social`: whether provider sign-in is offered (the instance has the oauth plugin to complete it). */
export function createParts(kit: AuthUiKit, socialAvailable: boolean) {
  const { useHost, Card, LinkButton, SocialButtons } = kit;

  function Alternatives({ items }: { items: Array<{ key: string; label: string; onClick(): void }> }) {
    const { el } = useHost();
    return (
      <div {...el('alternativeMethods')}>
        {items.map((item) => (
          <button key={item.key} type="button" {...el('alternativeMethodsBlockButton', item.key)} onClick={item.onClick}>
            {item.label}
          </button>
        ))}
      </div>
    );
  }

  function AlternativeMethods<F extends SignInFactor>({
    flow,
    factors,
    onPick,
    onBack,
    social,
  }: {
    flow: SignInFlow;
    factors: F[];
    onPick(f: F): void;
    onBack?: () => void;
    social?: boolean;
  }) {
    const { t, el, kernel, environment } = flow.host;
    // As ClerkJS: the `supportEmail` load option, else the instance's, else support@ the app's domain.
    const supportEmail =
      (kernel.loadOptions.supportEmail as string | undefined) ||
      (environment.displayConfig as { supportEmail?: string | null }).supportEmail ||
      `support@${kernel.frontendApi.replace(/^clerk\./, '')}`;
    return (
      <Card
        title={t('signIn.alternativeMethods.title')}
        subtitle={t('signIn.alternativeMethods.subtitle')}
        footer={
          <>
            {onBack && <LinkButton onClick={onBack}>{t('backButton')}</LinkButton>}
            <p {...el('alternativeMethodsFooter')}>
              {t('signIn.alternativeMethods.actionText')}{' '}
              <a {...el('footerActionLink', 'getHelp')} href={`mailto:${encodeURI(supportEmail)}`}>
                {t('signIn.alternativeMethods.actionLink')}
              </a>
            </p>
          </>
        }
      >
        {social && socialAvailable && <SocialButtons onSelect={(strategy) => startOAuth(flow, strategy)} />}
        <Alternatives
          items={factors.map((f) => ({
            key: f.strategy,
            label: t(`signIn.alternativeMethods.blockButton__${factorKey(f.strategy)}`, { identifier: f.safeIdentifier ?? current(flow.host).identifier }),
            onClick: () => onPick(f),
          }))}
        />
      </Card>
    );
  }

  /** Sends a deep link whose sign-in is not in `status` to the step that fits it. */
  function useExpectStatus(flow: SignInFlow, status: SignIn['status']) {
    const signIn = current(flow.host);
    const ok = signIn.status === status;
    useEffect(() => {
      if (!ok) void (signIn.status === 'complete' || !signIn.status ? flow.host.navigate('') : proceed(flow, signIn));
    }, [ok]);
    return ok;
  }

  return { Alternatives, AlternativeMethods, useExpectStatus };
}

export type SignInParts = ReturnType<typeof createParts>;
