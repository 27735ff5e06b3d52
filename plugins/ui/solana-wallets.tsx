/**
 * The `choose-wallet` step of `<SignIn/>` / `<SignUp/>` (ClerkJS's "Sign in with Solana" card): one
 * button per Solana wallet installed in the browser (the web3 plugin's Wallet Standard discovery), or a
 * note linking to Solana's wallet list when there is none; a back link. Fetched when the step first
 * renders, with the discovery code and its English strings, so the mounts do not carry them.
 */
import { useEffect, useState } from 'preact/hooks';
import { solanaWallets } from '../web3/solana.js';
import type { UiKit } from './host.js';

/** What the step needs from the flow: which one (for its title), and what a wallet's button does (as the start's wallet buttons). */
export interface SolanaWalletsProps {
  kind: 'signIn' | 'signUp';
  onSelect(strategy: 'web3_solana_signature', walletName: string): Promise<unknown>;
}

const WALLETS_LINK = 'https://solana.com/solana-wallets';

/**
 * The step's English strings (ClerkJS's keys). They load with the step, so they are not in the host's
 * dictionary: the app's `localization` wins, else these (the keys are in the `Localization` type).
 */
const ENGLISH = {
  signIn: { web3Solana: { title: 'Sign in with Solana', subtitle: 'Select a wallet below to sign in' } },
  signUp: { web3Solana: { title: 'Sign up with Solana', subtitle: 'Select a wallet below to sign up' } },
  web3SolanaWalletButtons: {
    connect: 'Connect with {{walletName}}',
    continue: 'Continue with {{walletName}}',
    noneAvailable: 'No Solana Web3 wallets detected. Please install a Web3 supported {{ solanaWalletsLink || link("wallet extension") }}.',
  },
};

export type SolanaWalletsStrings = typeof ENGLISH;

/** Only inline images: a wallet's icon is a data: URL (Wallet Standard), never a request to the wallet's choice of server. */
const safeIcon = (icon: string | undefined) => (typeof icon === 'string' && /^data:image\/(svg\+xml|png|webp|gif|jpeg);/.test(icon) ? icon : undefined);

export function createSolanaWallets(kit: UiKit) {
  const { useHost, useForm, Card, Alert, LinkButton } = kit;

  /** `t` with this step's English under the app's localization. */
  function useStrings() {
    const { t } = useHost();
    return (key: string, vars?: Record<string, unknown>) => {
      const text = t(key, vars);
      if (text !== key) return text;
      const english = key.split('.').reduce<any>((node, part) => node?.[part], ENGLISH) as string;
      // The English placeholders: `{{walletName}}`, and the link's label in `noneAvailable`.
      return english.replace(/\{\{\s*(\w+)[^}]*?(?:link\("([^"]*)"\))?\s*\}\}/g, (_, name: string, label?: string) => String(vars?.[name] ?? label ?? ''));
    };
  }

  /** ClerkJS's "none available" text: `… {{ solanaWalletsLink || link("wallet extension") }}.`, the placeholder's label as a link. */
  function NoneAvailable() {
    const { el } = useHost();
    const t = useStrings();
    const key = 'web3SolanaWalletButtons.noneAvailable';
    // Where the placeholder sits: the text with a marker for it, beside the text with its label.
    const text = t(key);
    const [before, after] = t(key, { solanaWalletsLink: '\u0001' }).split('\u0001');
    if (after === undefined) return <Alert>{text}</Alert>;
    return (
      <Alert>
        {before}
        <a href={WALLETS_LINK} target="_blank" rel="noopener noreferrer" {...el('footerActionLink')}>
          {text.slice(before!.length, text.length - after.length)}
        </a>
        {after}
      </Alert>
    );
  }

  /** A wallet's icon at the provider marks' size (an SVG without its own size would otherwise fill the button). */
  function WalletIcon({ src }: { src: string }) {
    const { class: name, style } = useHost().el('walletIcon');
    return <img src={src} alt="" class={name} style={{ width: '1rem', height: '1rem', flex: 'none', ...(style as object) }} />;
  }

  return function SolanaWallets({ kind, onSelect }: SolanaWalletsProps) {
    const { el, navigate } = useHost();
    const t = useStrings();
    const form = useForm([]);
    const [wallets, setWallets] = useState(solanaWallets);
    const [pending, setPending] = useState<string>();
    // A wallet extension may register after the page loaded: its button appears when it does.
    useEffect(() => {
      const update = () => setWallets(solanaWallets());
      window.addEventListener('wallet-standard:register-wallet', update);
      return () => window.removeEventListener('wallet-standard:register-wallet', update);
    }, []);
    const choose = (name: string) => {
      setPending(name);
      void form.run(() => onSelect('web3_solana_signature', name)).finally(() => setPending(undefined));
    };
    return (
      <Card title={t(`${kind}.web3Solana.title`)} subtitle={t(`${kind}.web3Solana.subtitle`)}>
        <Alert>{form.formError}</Alert>
        {wallets.length ? (
          <div {...el('web3WalletButtons')}>
            {wallets.map(({ name, icon }) => (
              <button
                key={name}
                type="button"
                {...el('socialButtonsBlockButton', 'solana')}
                disabled={form.busy}
                aria-busy={pending === name ? 'true' : undefined}
                onClick={() => choose(name)}
              >
                {safeIcon(icon) && <WalletIcon src={safeIcon(icon)!} />}
                {wallets.length === 1 ? t('web3SolanaWalletButtons.continue', { walletName: name }) : name}
              </button>
            ))}
          </div>
        ) : (
          <NoneAvailable />
        )}
        <LinkButton onClick={() => void navigate('')}>{t('backButton')}</LinkButton>
      </Card>
    );
  };
}
