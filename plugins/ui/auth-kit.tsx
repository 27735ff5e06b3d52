/**
 * The parts `<SignIn/>` and `<SignUp/>` share: social buttons, the divider, the footer link to the other
 * flow, and where each leads (after-auth redirect through the navigation plugin, the other flow's page).
 */
import type { HostContextValue } from './context.js';
import { useHost } from './context.js';
import { useEffect, useState } from 'preact/hooks';
import type { ClerkAPIError } from '../../kernel/index.js';
import { Alert, useAppNode, useForm } from './form-kit.js';
import { TASK_COMPONENTS } from './root.js';
import { isSafeUrl } from './routing.js';
import { PencilIcon, ProviderIcon, Spinner } from './icons.js';

/** Which flow: `<SignIn/>` or `<SignUp/>`. */
export type AuthKind = 'signIn' | 'signUp';

/** The redirect and link props of `<SignIn/>` and `<SignUp/>`, legacy names included. */
export interface AuthFlowProps {
  forceRedirectUrl?: string | null;
  fallbackRedirectUrl?: string | null;
  afterSignInUrl?: string | null;
  afterSignIn?: string | null;
  afterSignUpUrl?: string | null;
  afterSignUp?: string | null;
  redirectUrl?: string | null;
  signInUrl?: string;
  signInURL?: string;
  signUpUrl?: string;
  signUpURL?: string;
}

const firstString = (values: unknown[]) => values.find((v): v is string => typeof v === 'string' && v !== '');

/**
 * Where to go after sign-in/up. The navigation plugin decides (force > `redirect_url` > fallback, each
 * candidate checked against `allowedRedirectOrigins`/`allowedRedirectProtocols`); the component's props
 * fill the force and fallback slots the page query leaves empty, so they rank after the query and before
 * the load options, as in ClerkJS. Legacy props count as fallbacks. With no fallback anywhere, a modal
 * stays on this page and a mounted component goes to the instance's after-sign-in/up URL.
 */
export function afterAuthUrl(host: HostContextValue, kind: AuthKind, props: AuthFlowProps): string {
  const [snake, Kind] = kind === 'signIn' ? ['sign_in', 'SignIn'] : ['sign_up', 'SignUp'];
  const options = host.kernel.loadOptions as Record<string, unknown>;
  const params = new URLSearchParams(host.query);
  const fill = (key: string, candidates: unknown[]) => {
    const value = firstString(candidates);
    if (value && !params.get(key)) params.set(key, value);
  };
  const optionFallback = firstString([options[`${kind}FallbackRedirectUrl`], options[`after${Kind}Url`]]);
  const instanceDefault = host.modal ? location.href : (host.environment.displayConfig as Record<string, unknown>)[`after${Kind}Url`];
  const legacy = props as Record<string, unknown>;
  fill(`${snake}_force_redirect_url`, [props.forceRedirectUrl]);
  fill(`${snake}_fallback_redirect_url`, [
    props.fallbackRedirectUrl,
    legacy[`after${Kind}Url`],
    legacy[`after${Kind}`],
    props.redirectUrl,
    optionFallback ? undefined : instanceDefault,
  ]);
  return kind === 'signIn' ? host.navigation.buildAfterSignInUrl({ params }) : host.navigation.buildAfterSignUpUrl({ params });
}

/** The sign-in or sign-up page: props (and their legacy spelling), then the load option, then the instance's display config. */
export function authPageUrl(host: HostContextValue, kind: AuthKind, props: AuthFlowProps): string {
  const options = host.kernel.loadOptions as Record<string, unknown>;
  const display = host.environment.displayConfig as Record<string, unknown>;
  const candidates = [props[`${kind}Url`], props[`${kind}URL`], options[`${kind}Url`], display[`${kind}Url`]];
  return candidates.find(isSafeUrl) ?? '/';
}

/** What a sign-in or sign-up step works with: the host, the component's typed props, and where each flow leads. */
export interface AuthFlow<P extends AuthFlowProps> {
  host: HostContextValue;
  props: P;
  /** After sign-in/up: see {@link afterAuthUrl}. */
  afterAuthUrl(kind: AuthKind): string;
  /** The sign-in or sign-up page: see {@link authPageUrl}. */
  authUrl(kind: AuthKind): string;
}

export function useAuthFlow<P extends AuthFlowProps>(props: P): AuthFlow<P> {
  const host = useHost();
  return { host, props, afterAuthUrl: (kind) => afterAuthUrl(host, kind, props), authUrl: (kind) => authPageUrl(host, kind, props) };
}

/**
 * One button per enabled provider, with its logo. `layout.socialButtonsVariant`: `blockButton` (logo and
 * name), `iconButton` (logo only; the name is its accessible name), `auto` (default, as ClerkJS: blocks
 * up to two providers, icons beyond). `layout.socialButtonsPlacement: 'bottom'` moves them under the form.
 * While one starts, it spins and the whole card is disabled.
 */
export function SocialButtons({ onSelect }: { onSelect(strategy: string): Promise<unknown> }) {
  const { environment, el, t, layout } = useHost();
  const form = useForm([]);
  const [pending, setPending] = useState<string>();
  const providers = Object.values(environment.userSettings.social ?? {}).filter((s) => s?.enabled && s.authenticatable !== false);
  if (!providers.length) return null;
  const count = providers.length;
  const bottom = layout.socialButtonsPlacement === 'bottom';
  const variant = layout.socialButtonsVariant;
  const blocks = variant === 'blockButton' || (variant !== 'iconButton' && count <= 2);
  // Icon rows of up to five, as even as they can be (six: two rows of three).
  const columns = blocks ? (count === 2 ? 2 : 1) : Math.ceil(count / Math.ceil(count / 5));
  const box = el('socialButtonsRoot');
  const grid = el('socialButtons', blocks ? 'block' : 'icon');
  return (
    <div class={box.class} style={bottom ? { order: 1, ...box.style } : box.style}>
      {bottom && <Divider />}
      <div class={grid.class} style={{ '--cl-cols': columns, ...grid.style }}>
        {providers.map((p) => {
          const name = p.name || p.strategy.replace(/^oauth_/, '');
          const id = p.strategy.replace(/^oauth_/, '');
          return (
            <button
              key={p.strategy}
              type="button"
              {...el(blocks ? 'socialButtonsBlockButton' : 'socialButtonsIconButton', id)}
              aria-label={t('socialButtonsBlockButton', { provider: name })}
              title={blocks ? undefined : t('socialButtonsBlockButton', { provider: name })}
              onClick={() => {
                setPending(p.strategy);
                void form.run(() => onSelect(p.strategy)).then(() => setPending(undefined));
              }}
            >
              {pending === p.strategy ? <Spinner name="socialButtonsProviderIcon" /> : <ProviderIcon strategy={p.strategy} name={name} />}
              {blocks && (
                <span {...el('socialButtonsBlockButtonText')}>
                  {t(count === 1 ? 'socialButtonsBlockButton' : 'socialButtonsBlockButtonManyInView', { provider: name })}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <Alert>{form.formError}</Alert>
      {!bottom && <Divider />}
    </div>
  );
}

/** The identifier a later step is about, with a pencil that goes back to change it ("Edit email address"). */
export function IdentityPreview({ identifier, onEdit }: { identifier: string; onEdit(): void }) {
  const { el, t } = useHost();
  const kind = identifier.includes('@') ? 'emailAddress' : /^\+?[\d\s()-]+$/.test(identifier) ? 'phoneNumber' : 'identifier';
  return (
    <span {...el('identityPreview')}>
      <span {...el('identityPreviewText')}>{identifier}</span>
      <button type="button" {...el('identityPreviewEditButton')} aria-label={t(`identityPreviewEditButton__${kind}`)} onClick={onEdit}>
        <PencilIcon name="identityPreviewEditButtonIcon" />
      </button>
    </span>
  );
}

/** The enterprise connections an email domain has, one button each by name (SignIn and SignUp ask the same way). */
export function EnterpriseConnectionList({
  choices,
  busy,
  onChoose,
}: {
  choices: Array<{ id: string; name: string }>;
  busy?: string | null | false;
  onChoose(id: string): void;
}) {
  const { el } = useHost();
  return (
    <div {...el('enterpriseConnectionsRoot')}>
      {choices.map((choice) => (
        <button
          key={choice.id}
          type="button"
          {...el('enterpriseConnectionButton')}
          disabled={!!busy}
          aria-busy={busy === choice.id ? 'true' : undefined}
          onClick={() => onChoose(choice.id)}
        >
          <span {...el('enterpriseConnectionButtonText')}>{choice.name}</span>
        </button>
      ))}
    </div>
  );
}

const WALLET_NAMES: Record<string, string> = {
  web3_metamask_signature: 'MetaMask',
  web3_coinbase_wallet_signature: 'Coinbase Wallet',
  web3_okx_wallet_signature: 'OKX Wallet',
  web3_base_signature: 'Base',
};

/**
 * One button per web3 wallet the instance enables (`web3_wallet.first_factors`). Shown by `<SignIn/>` /
 * `<SignUp/>` when the web3 plugin is composed; `withSocial`: the social buttons (and their divider) follow.
 */
export function Web3Buttons({ onSelect, withSocial }: { onSelect(strategy: string): Promise<unknown>; withSocial: boolean }) {
  const { environment, el, t } = useHost();
  const form = useForm([]);
  const wallet = environment.userSettings.attributes?.web3_wallet;
  const strategies = wallet?.enabled ? (wallet.firstFactors ?? []).filter((s) => WALLET_NAMES[s]) : [];
  if (!strategies.length) return null;
  const social = withSocial && Object.values(environment.userSettings.social ?? {}).some((s) => s?.enabled && s.authenticatable !== false);
  return (
    <div {...el('web3WalletButtons')}>
      {strategies.map((strategy) => (
        <button
          key={strategy}
          type="button"
          {...el('socialButtonsBlockButton', strategy.replace(/^web3_|_signature$/g, ''))}
          disabled={form.busy}
          onClick={() => void form.run(() => onSelect(strategy))}
        >
          {t('socialButtonsBlockButton', { provider: WALLET_NAMES[strategy] })}
        </button>
      ))}
      <Alert>{form.formError}</Alert>
      {!social && <Divider />}
    </div>
  );
}

export function Divider() {
  const { el, t } = useHost();
  return (
    <div {...el('dividerRow')}>
      <span {...el('dividerLine')} />
      <p {...el('dividerText')}>{t('dividerText')}</p>
      <span {...el('dividerLine')} />
    </div>
  );
}

/** "Don't have an account? Sign up": a real link (`href`) that swaps modals or navigates through the kernel. */
export function FooterAction({ text, link, href, onClick }: { text: string; link: string; href: string; onClick(): void }) {
  const { el } = useHost();
  return (
    <div {...el('footerAction')}>
      <span {...el('footerActionText')}>{text}</span>{' '}
      <a
        href={href}
        {...el('footerActionLink')}
        onClick={(e) => {
          e.preventDefault();
          onClick();
        }}
      >
        {link}
      </a>
    </div>
  );
}

/**
 * Why a return from an OAuth provider failed: the FAPI error the oauth plugin leaves on the attempt's
 * verification (`read` is called once, on the first render), localized by its code; nothing otherwise.
 */
export function ProviderReturnError({ read }: { read(): unknown }) {
  const { errorText } = useHost();
  const [error] = useState(() => read() as ClerkAPIError | undefined);
  return error?.code ? <Alert>{errorText(error)}</Alert> : null;
}

/**
 * The `tasks/<key>` step of `<SignIn/>` / `<SignUp/>`: the session's task component (session-tasks
 * plugin) rendered inside this one. The next task stays in this component; at the end the flow leaves
 * for `redirectUrlComplete` (a modal closes). A pending session that arrives at another step is sent here.
 */
export function TaskStep({ redirectUrlComplete }: { redirectUrlComplete: string }) {
  const host = useHost();
  const key = host.route.startsWith('tasks/') ? host.route.slice(6) : '';
  const name = TASK_COMPONENTS[key];
  const node = useAppNode<HTMLDivElement>(
    name
      ? (el) => host.mountComponent(name, el, { redirectUrlComplete, onTask: (next: string) => void host.navigate(`tasks/${next}`), onComplete: host.close })
      : undefined,
    name ? (el) => host.unmountComponent(el) : undefined,
    key,
  );
  return <div ref={node} {...host.el('sessionTask', key)} />;
}

/** Sends a pending session (whose task component is composed) to the `tasks/<key>` step; true while it does. */
export function usePendingTask(): boolean {
  const host = useHost();
  const session = host.clerk.session;
  const key = session?.status === 'pending' ? session.tasks?.[0]?.key : undefined;
  const go = !!key && host.hasComponent(TASK_COMPONENTS[key]) && !host.route.startsWith('tasks/');
  useEffect(() => {
    if (go) void host.navigate(`tasks/${key}`);
  }, [go, key]);
  return go;
}
