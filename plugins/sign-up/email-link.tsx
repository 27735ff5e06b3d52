/**
 * `<SignUp/>` verifying the email address by link: the "check your email" step that sends the link and
 * waits (this tab completes when the link is opened anywhere), and the `verify` step the link lands on.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SignUp } from '../../kernel/index.js';
import { ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { EmailLinkApi, EmailLinkError } from '../email-link/index.js';
import type { AuthUiKit } from '../ui/auth-kit.js';
import type { AuthFlow, HostContextValue } from '../ui/index.js';
import type { SignUpProps } from './index.js';

type SignUpFlow = AuthFlow<SignUpProps>;

/** The instance verifies sign-up emails by link only (`email_link` without `email_code`), as ClerkJS picks. */
export function verifiesByLink(host: HostContextValue): boolean {
  const verifications = host.environment.userSettings.attributes?.email_address?.verifications ?? [];
  return verifications.includes('email_link') && !verifications.includes('email_code');
}

type LandingStatus = 'loading' | 'verified' | 'expired' | 'failed' | 'client_mismatch';

export function createEmailLinkSteps(kit: AuthUiKit, emailLink: EmailLinkApi | undefined, proceed: (flow: SignUpFlow, signUp: SignUp) => Promise<void>) {
  const { useForm, Card, Alert, LinkButton } = kit;

  /** Sends the link (again on resend) and waits for it through the sign-up's email-link flow. */
  function EmailLinkWait({ flow }: { flow: SignUpFlow }) {
    const { host } = flow;
    const { t } = host;
    const signUp = host.clerk.client!.signUp as SignUp;
    const form = useForm([]);
    const [expired, setExpired] = useState(false);
    const [round, setRound] = useState(0);
    useEffect(() => {
      const { startEmailLinkFlow, cancelEmailLinkFlow } = signUp.createEmailLinkFlow();
      let stopped = false;
      setExpired(false);
      void form.run(async () => {
        const result = await startEmailLinkFlow({ redirectUrl: host.stepUrl('verify') });
        if (stopped) return;
        if (result.verifications.emailAddress.status === 'verified') return proceed(flow, result);
        setExpired(true);
      });
      return () => {
        stopped = true;
        cancelEmailLinkFlow();
      };
    }, [round]);
    return (
      <Card title={t('signUp.emailLink.title')} subtitle={t('signUp.emailLink.subtitle', { identifier: signUp.emailAddress })}>
        <Alert>{expired ? t('signUp.emailLink.expired') : form.formError}</Alert>
        <LinkButton name="formResendCodeLink" onClick={() => setRound(round + 1)}>
          {t('signUp.emailLink.resendButton')}
        </LinkButton>
      </Card>
    );
  }

  /** Where the link lands: the email-link plugin activates the session (same client) or reports the outcome. */
  function EmailLinkLanding({ flow }: { flow: SignUpFlow }) {
    const { host } = flow;
    const { t } = host;
    const form = useForm([]);
    const [status, setStatus] = useState<LandingStatus>('loading');
    useEffect(() => {
      void form.run(async () => {
        if (!emailLink)
          throw new ClerkRuntimeError('Completing an email link needs the email-link plugin (emailLinkPlugin()).', { code: 'not_available_in_preset' });
        try {
          await emailLink.handleEmailLinkVerification({ redirectUrlComplete: flow.afterAuthUrl('signUp'), redirectUrl: host.stepUrl('continue') });
          setStatus('verified');
        } catch (err) {
          // By name, as ClerkJS's isEmailLinkError checks (no runtime import of the email-link plugin).
          if (!(err instanceof Error && err.name === 'EmailLinkError')) throw err;
          setStatus((err as EmailLinkError).code);
        }
      });
    }, []);
    const key = status === 'client_mismatch' ? 'clientMismatch' : status;
    return (
      <Card title={t(`signUp.emailLink.${key}Title`)} subtitle={status === 'loading' ? undefined : t(`signUp.emailLink.${key}Subtitle`)}>
        <Alert>{form.formError}</Alert>
      </Card>
    );
  }

  return { EmailLinkWait, EmailLinkLanding };
}
