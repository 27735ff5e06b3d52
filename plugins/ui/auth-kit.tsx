/**
 * The parts `<SignIn/>` and `<SignUp/>` share: social buttons (with the provider marks), web3 wallet
 * buttons, the divider, the identity preview, the enterprise-connection chooser, the session-task step,
 * and where each flow leads (after-auth redirect through the navigation plugin, the other flow's page);
 * with their rules and strings. Not part of the host: both views import it, so it is one chunk they
 * share, built over the host's kit ({@link withAuthKit}), and UserButton/UserProfile never load it.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ClerkAPIError } from '../../kernel/index.js';
import type { HostContextValue } from './context.js';
import type { UiKit } from './host.js';
import type { SolanaWalletsProps } from './solana-wallets.js';
import type { ProtectCheckProps } from './protect-check.js';

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

/** English strings of these parts (ClerkJS's keys); part of the `Localization` type through `SharedStrings`. */
export const authStrings = {
  dividerText: 'or',
  identityPreviewEditButton__emailAddress: 'Edit email address',
  identityPreviewEditButton__phoneNumber: 'Edit phone number',
  identityPreviewEditButton__identifier: 'Edit identifier',
  socialButtonsBlockButton: 'Continue with {{provider}}',
  socialButtonsBlockButtonManyInView: '{{provider}}',
  formFieldInputPlaceholder__emailAddress: 'Enter your email address',
  formFieldInputPlaceholder__emailAddress_username: 'Enter email or username',
  formFieldInputPlaceholder__phoneNumber: 'Enter your phone number',
  formFieldInputPlaceholder__username: 'Enter your username',
  formFieldInputPlaceholder__password: 'Enter your password',
  formFieldInputPlaceholder__signUpPassword: 'Create a password',
  formFieldInputPlaceholder__firstName: 'First name',
  formFieldInputPlaceholder__lastName: 'Last name',
};

/** Rules of these parts, added to the shared sheet (after the host's rules) when SignIn or SignUp loads. */
export const authStyles = `
.cl-socialButtonsRoot,.cl-enterpriseConnectionsRoot,.cl-web3WalletButtons{display:flex;flex-direction:column;gap:calc(var(--cl-space)*.75)}
.cl-socialButtons{display:grid;gap:.5rem;grid-template-columns:repeat(var(--cl-cols,1),minmax(0,1fr))}
@media (max-width:40em){.cl-socialButtons__block{grid-template-columns:minmax(0,1fr)}}
.cl-socialButtonsIconButton{display:flex;align-items:center;justify-content:center;padding:.55em;border-radius:var(--cl-radius);cursor:pointer}
.cl-socialButtonsBlockButton,.cl-socialButtonsIconButton{background:transparent;border:1px solid var(--cl-border);box-shadow:0 1px 1px rgba(0,0,0,.04)}
.cl-providerInitialIcon{display:inline-flex;align-items:center;justify-content:center;width:1.15em;height:1.15em;border-radius:50%;background:var(--cl-border);font-size:.8em;font-weight:600}
.cl-enterpriseConnectionButton{display:flex;align-items:center;gap:.5rem;width:100%;padding:.6em 1em;border-radius:var(--cl-radius);cursor:pointer;font-weight:500;background:transparent;border:1px solid var(--cl-border)}
.cl-enterpriseConnectionButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cl-identityPreview{display:flex;justify-content:center;align-items:center;gap:.25rem;color:var(--cl-text2);overflow-wrap:anywhere}
.cl-identityPreviewEditButton{display:inline-flex;padding:.2em;background:none;border:0;border-radius:var(--cl-radius);color:var(--cl-text2);cursor:pointer}
.cl-socialButtonsProviderIcon{width:1rem;height:1rem}
.cl-dividerRow{display:flex;align-items:center;gap:.75rem}
.cl-dividerLine{flex:1;height:1px;background:var(--cl-border)}
`;

const CIRCLE = 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0Z';

/** One path of a provider mark: its outline, fill, and any other presentation attributes. */
type MarkPath = [d: string, fill: string, more?: Record<string, string>];

/** Google's four arcs: stroked, not filled. */
const arc = (d: string, stroke: string): MarkPath => [d, 'none', { stroke, 'stroke-width': '3.8' }];

/** Provider marks, simplified and drawn here (as data: paths are what differs); keyed by the strategy without `oauth_`. */
const LOGOS: Record<string, MarkPath[]> = {
  google: [
    arc('M17.3 6.7A7.5 7.5 0 0 0 5.2 8.8', '#EA4335'),
    arc('M5.2 8.8a7.5 7.5 0 0 0 .3 7', '#FBBC05'),
    arc('M5.5 15.8a7.5 7.5 0 0 0 12.3 1', '#34A853'),
    arc('M17.8 16.8A7.5 7.5 0 0 0 19.5 12H12', '#4285F4'),
  ],
  github: [
    [
      `${CIRCLE}M10 21.5v-6.3c-2.1-.6-2.6-2.2-2.4-4L8 8.2l.4-2.6 2 1.4q1.6-.5 3.2 0l2-1.4.4 2.6.4 3c.2 1.8-.3 3.4-2.4 4v6.3Z`,
      'currentColor',
      { 'fill-rule': 'evenodd' },
    ],
  ],
  apple: [
    [
      'M12 7.5c-1.2-1-3.6-1.4-5.2.3-2 2.1-1.7 6.4.6 9.8 1.2 1.8 2.4 2.4 3.4 1.9q1.2-.6 2.4 0c1 .5 2.2-.1 3.4-1.9 1-1.5 1.6-2.9 1.8-4.1-1.6-.6-2.6-2-2.5-3.8.1-1.3.8-2.3 1.7-2.9-1.6-1.5-3.9-1.4-5.6.7ZM12.2 6.3c0-1.7 1.2-3.1 2.9-3.3.1 1.8-1.2 3.2-2.9 3.3Z',
      'currentColor',
    ],
  ],
  microsoft: [
    ['M2 2h9.5v9.5H2Z', '#F25022'],
    ['M12.5 2H22v9.5h-9.5Z', '#7FBA00'],
    ['M2 12.5h9.5V22H2Z', '#00A4EF'],
    ['M12.5 12.5H22V22h-9.5Z', '#FFB900'],
  ],
  facebook: [
    [CIRCLE, '#1877F2'],
    ['M13.4 22v-7h2.4l.4-2.9h-2.8v-1.8c0-.8.3-1.4 1.5-1.4h1.4V6.3l-2.2-.1c-2.2 0-3.6 1.3-3.6 3.7v2.2H8.1V15h2.4v7Z', '#fff'],
  ],
  discord: [
    [
      'M5 7.5q2.2-1.7 4.6-2l.5 1q1.9-.3 3.8 0l.5-1q2.4.3 4.6 2c1.4 2.5 2.1 5.4 2 8.4q-2.2 1.8-5 2.4l-.9-1.5 2.1-1.1-.5-.4c-2.7 1.3-6.3 1.3-9 0l-.5.4 2.1 1.1-.9 1.5q-2.8-.6-5-2.4c-.1-3 .6-5.9 2-8.4Z',
      '#5865F2',
    ],
    ['M7.7 12.6a1.5 1.7 0 1 0 3 0a1.5 1.7 0 1 0-3 0ZM13.3 12.6a1.5 1.7 0 1 0 3 0a1.5 1.7 0 1 0-3 0Z', '#fff'],
  ],
  gitlab: [
    ['M12 21 3 14l1.6-9.5L7.3 11h9.4l2.7-6.5L21 14Z', '#FCA326'],
    ['M12 21 7.3 11h9.4Z', '#E24329'],
    ['M12 21 3 14l4.3-3ZM12 21l9-7-4.3-3Z', '#FC6D26'],
  ],
  linkedin: [
    ['M4 2h16a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z', '#0A66C2'],
    [
      'M5.7 7.2a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0ZM5.8 9.7h2.8v8.5H5.8ZM10.6 9.7h2.7v1.2c.4-.7 1.4-1.4 2.8-1.4 2.8 0 3.3 1.8 3.3 4.2v4.5h-2.8v-4c0-1 0-2.2-1.4-2.2s-1.7 1.1-1.7 2.2v4h-2.9Z',
      '#fff',
    ],
  ],
  x: [
    ['M3.5 3h5.2l11.8 18h-5.2Z', 'currentColor'],
    ['M20 3l-6.6 7.5M10.6 13.5 4 21', 'none', { stroke: 'currentColor', 'stroke-width': '1.8' }],
  ],
};
LOGOS.twitter = LOGOS.x;
LOGOS.linkedin_oidc = LOGOS.linkedin;

const WALLET_NAMES: Record<string, string> = {
  web3_metamask_signature: 'MetaMask',
  web3_coinbase_wallet_signature: 'Coinbase Wallet',
  web3_okx_wallet_signature: 'OKX Wallet',
  web3_base_signature: 'Base',
  web3_solana_signature: 'Solana',
};

/** What a wallet button does: sign in/up with the strategy's wallet (Solana's by its name). */
export type WalletSelect = (strategy: string, walletName?: string) => Promise<unknown>;

/** The sign-in/up parts over the host's kit (its hooks, form kit and icons). */
export function createAuthKit(kit: UiKit) {
  const { useHost, useForm, Alert, useAppNode, isSafeUrl, Svg, Spinner, TASK_COMPONENTS } = kit;
  const PencilIcon = kit.stroke('M15.5 4.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4ZM13.5 6.5l3 3');

  /** The sign-in or sign-up page: props (and their legacy spelling), then the load option, then the instance's display config. */
  function authPageUrl(host: HostContextValue, kind: AuthKind, props: AuthFlowProps): string {
    const options = host.kernel.loadOptions as Record<string, unknown>;
    const display = host.environment.displayConfig as Record<string, unknown>;
    const candidates = [props[`${kind}Url`], props[`${kind}URL`], options[`${kind}Url`], display[`${kind}Url`]];
    return candidates.find(isSafeUrl) ?? '/';
  }

  function useAuthFlow<P extends AuthFlowProps>(props: P): AuthFlow<P> {
    const host = useHost();
    return { host, props, afterAuthUrl: (kind) => afterAuthUrl(host, kind, props), authUrl: (kind) => authPageUrl(host, kind, props) };
  }

  /**
   * One button per enabled provider, with its logo. `layout.socialButtonsVariant`: `blockButton` (logo and
   * name), `iconButton` (logo only; the name is its accessible name), `auto` (default, as ClerkJS: blocks
   * up to two providers, icons beyond). `layout.socialButtonsPlacement: 'bottom'` moves them under the form.
   * While one starts, it spins and the whole card is disabled.
   */
  function SocialButtons({ onSelect }: { onSelect(strategy: string): Promise<unknown> }) {
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
  function IdentityPreview({ identifier, onEdit }: { identifier: string; onEdit(): void }) {
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
  function EnterpriseConnectionList({
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

  /**
   * One button per web3 wallet the instance enables (`web3_wallet.first_factors`); Solana's leads to the
   * `choose-wallet` step ({@link SolanaWallets}). Shown by `<SignIn/>` /
   * `<SignUp/>` when the web3 plugin is composed; `withSocial`: the social buttons (and their divider) follow.
   */
  function Web3Buttons({ onSelect, withSocial }: { onSelect: WalletSelect; withSocial: boolean }) {
    const { environment, el, t, navigate } = useHost();
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
            // Solana's button lists the installed Solana wallets first (the `choose-wallet` step), as ClerkJS's.
            onClick={() => void form.run(() => (strategy === 'web3_solana_signature' ? navigate('choose-wallet') : onSelect(strategy)))}
          >
            {t('socialButtonsBlockButton', { provider: WALLET_NAMES[strategy] })}
          </button>
        ))}
        <Alert>{form.formError}</Alert>
        {!social && <Divider />}
      </div>
    );
  }

  function Divider() {
    const { el, t } = useHost();
    return (
      <div {...el('dividerRow')}>
        <span {...el('dividerLine')} />
        <p {...el('dividerText')}>{t('dividerText')}</p>
        <span {...el('dividerLine')} />
      </div>
    );
  }

  /**
   * Why a return from an OAuth provider failed: the FAPI error the oauth plugin leaves on the attempt's
   * verification (`read` is called once, on the first render), localized by its code; nothing otherwise.
   */
  function ProviderReturnError({ read }: { read(): unknown }) {
    const { errorText } = useHost();
    const [error] = useState(() => read() as ClerkAPIError | undefined);
    return error?.code ? <Alert>{errorText(error)}</Alert> : null;
  }

  /**
   * The `tasks/<key>` step of `<SignIn/>` / `<SignUp/>`: the session's task component (session-tasks
   * plugin) rendered inside this one. The next task stays in this component; at the end the flow leaves
   * for `redirectUrlComplete` (a modal closes). A pending session that arrives at another step is sent here.
   */
  function TaskStep({ redirectUrlComplete }: { redirectUrlComplete: string }) {
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
  function usePendingTask(): boolean {
    const host = useHost();
    const session = host.clerk.session;
    const key = session?.status === 'pending' ? session.tasks?.[0]?.key : undefined;
    const go = !!key && host.hasComponent(TASK_COMPONENTS[key]) && !host.route.startsWith('tasks/');
    useEffect(() => {
      if (go) void host.navigate(`tasks/${key}`);
    }, [go, key]);
    return go;
  }

  /** A provider's mark (`oauth_google` → Google's); any other provider shows the first letter of its name. */
  function ProviderIcon({ strategy, name }: { strategy: string; name: string }) {
    const { el } = useHost();
    const id = strategy.replace(/^oauth_(custom_)?/, '');
    const logo = LOGOS[id];
    if (!logo) {
      return (
        <span {...el('providerInitialIcon', id)} aria-hidden="true">
          {name.charAt(0).toUpperCase()}
        </span>
      );
    }
    return (
      <Svg name="socialButtonsProviderIcon" variant={id}>
        {logo.map(([d, fill, more], i) => (
          <path key={i} d={d} fill={fill} {...more} />
        ))}
      </Svg>
    );
  }

  /** A step whose code (and English strings) load when it is first shown, a spinner meanwhile: the mounts do not carry it. */
  function lazyStep<P>(load: () => Promise<(kit: UiKit) => ComponentType<P>>) {
    let Step: ComponentType<P> | undefined;
    return function LazyStep(props: P) {
      const [, setLoaded] = useState(false);
      useEffect(() => {
        if (!Step)
          load().then(
            (create) => setLoaded(!!(Step ??= create(kit))),
            () => {},
          );
      }, []);
      return Step ? <Step {...(props as P & JSX.IntrinsicAttributes)} /> : <Spinner />;
    };
  }
  /** Solana's `choose-wallet` step (solana-wallets.tsx). */
  const SolanaWallets = lazyStep<SolanaWalletsProps>(() => import('./solana-wallets.js').then((m) => m.createSolanaWallets));
  /** Clerk Protect's `protect-check` step (protect-check.tsx). */
  const ProtectCheckStep = lazyStep<ProtectCheckProps>(() => import('./protect-check.js').then((m) => m.createProtectCheckStep));

  return {
    useAuthFlow,
    SocialButtons,
    IdentityPreview,
    EnterpriseConnectionList,
    Web3Buttons,
    SolanaWallets,
    ProviderReturnError,
    TaskStep,
    usePendingTask,
    ProtectCheckStep,
  };
}

/** The host's kit with the sign-in/up parts: what `<SignIn/>` and `<SignUp/>` build their steps with. */
export const withAuthKit = (kit: UiKit) => ({ ...kit, ...createAuthKit(kit) });

export type AuthUiKit = ReturnType<typeof withAuthKit>;

/** What a sign-in or sign-up step works with: the host, the component's typed props, and where each flow leads. */
export interface AuthFlow<P extends AuthFlowProps> {
  host: HostContextValue;
  props: P;
  /** After sign-in/up: see {@link afterAuthUrl}. */
  afterAuthUrl(kind: AuthKind): string;
  /** The sign-in or sign-up page: see {@link authPageUrl}. */
  authUrl(kind: AuthKind): string;
}
