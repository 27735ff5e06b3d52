/**
 * The `choose-wallet` step of `<SignIn/>` / `<SignUp/>` (ClerkJS's "Sign in with Solana" card): one
 * button per Solana wallet installed in the browser (the web3 plugin's Wallet Standard discovery), or a
 * note linking to Solana's wallet list when there is none; a back link. And `<UserProfile/>`'s "Add a
 * Solana wallet" chooser, the same list. Fetched when first shown, with the discovery code and the
 * English strings, so the mounts do not carry them.
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
  userProfile: {
    start: {
      web3WalletsSection: {
        web3SelectSolanaWalletScreen: { title: 'Add a Solana wallet', subtitle: 'Select a Solana wallet to connect to your account.' },
      },
    },
  },
  web3SolanaWalletButtons: {
    connect: 'Connect with {{walletName}}',
    continue: 'Continue with {{walletName}}',
    noneAvailable: 'No Solana Web3 wallets detected. Please install a Web3 supported {{ solanaWalletsLink || link("wallet extension") }}.',
  },
};

export type SolanaWalletsStrings = typeof ENGLISH;

/** Only inline images: a wallet's icon is a data: URL (Wallet Standard), never a request to the wallet's choice of server. */
const safeIcon = (icon: string | undefined) => (typeof icon === 'string' && /^data:image\/(svg\+xml|png|webp|gif|jpeg);/.test(icon) ? icon : undefined);

/** The parts both lists share. */
function createParts(kit: UiKit) {
  const { useHost, Alert } = kit;

  /** `t` with these strings' English under the app's localization. */
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

  /**
   * One button per installed Solana wallet (a wallet extension registering later appears when it does),
   * `one` labelling a single wallet's button; the note when there is none.
   */
  function WalletList({ onChoose, busy, pending, one }: { onChoose(name: string): void; busy: boolean; pending?: string; one?: string }) {
    const { el } = useHost();
    const t = useStrings();
    const [wallets, setWallets] = useState(solanaWallets);
    useEffect(() => {
      const update = () => setWallets(solanaWallets());
      window.addEventListener('wallet-standard:register-wallet', update);
      return () => window.removeEventListener('wallet-standard:register-wallet', update);
    }, []);
    if (!wallets.length) return <NoneAvailable />;
    return (
      <div {...el('web3WalletButtons')}>
        {wallets.map(({ name, icon }) => (
          <button
            key={name}
            type="button"
            {...el('socialButtonsBlockButton', 'solana')}
            disabled={busy}
            aria-busy={pending === name ? 'true' : undefined}
            onClick={() => onChoose(name)}
          >
            {safeIcon(icon) && <WalletIcon src={safeIcon(icon)!} />}
            {wallets.length === 1 && one ? t(one, { walletName: name }) : name}
          </button>
        ))}
      </div>
    );
  }

  return { useStrings, WalletList };
}

export function createSolanaWallets(kit: UiKit) {
  const { useHost, useForm, Card, Alert, LinkButton } = kit;
  const { useStrings, WalletList } = createParts(kit);

  return function SolanaWallets({ kind, onSelect }: SolanaWalletsProps) {
    const { navigate } = useHost();
    const t = useStrings();
    const form = useForm([]);
    const [pending, setPending] = useState<string>();
    const choose = (name: string) => {
      setPending(name);
      void form.run(() => onSelect('web3_solana_signature', name)).finally(() => setPending(undefined));
    };
    return (
      <Card title={t(`${kind}.web3Solana.title`)} subtitle={t(`${kind}.web3Solana.subtitle`)}>
        <Alert>{form.formError}</Alert>
        <WalletList onChoose={choose} busy={form.busy} pending={pending} one="web3SolanaWalletButtons.continue" />
        <LinkButton onClick={() => void navigate('')}>{t('backButton')}</LinkButton>
      </Card>
    );
  };
}

/** What `<UserProfile/>`'s chooser needs: what choosing a wallet does, the way back, and whether a request runs. */
export interface SolanaChooserProps {
  onSelect(walletName: string): void;
  onCancel(): void;
  busy: boolean;
}

/** `<UserProfile/>`'s "Add a Solana wallet" form (ClerkJS's Web3SelectSolanaWalletScreen). */
export function createSolanaChooser(kit: UiKit) {
  const { useHost } = kit;
  const { useStrings, WalletList } = createParts(kit);

  return function SolanaChooser({ onSelect, onCancel, busy }: SolanaChooserProps) {
    const { el } = useHost();
    const t = useStrings();
    const key = 'userProfile.start.web3WalletsSection.web3SelectSolanaWalletScreen';
    const reset = el('formButtonReset');
    return (
      <div {...el('profileSectionForm')}>
        <h3 {...el('profileSectionFormTitle')}>{t(`${key}.title`)}</h3>
        <p>{t(`${key}.subtitle`)}</p>
        <WalletList onChoose={onSelect} busy={busy} />
        <button type="button" {...reset} class={`${reset.class} cl-action__cancel`} onClick={onCancel}>
          {t('userProfile.formButtonReset')}
        </button>
      </div>
    );
  };
}
