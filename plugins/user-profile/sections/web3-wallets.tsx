/**
 * Account page: the user's web3 wallets — list, add the browser's connected wallet (its address, then
 * FAPI's message signed: `personal_sign`, or for Solana `solana:signMessage` after choosing one of the
 * installed Solana wallets, as ClerkJS's "Add a Solana wallet" screen), remove. Shown when the web3 plugin
 * is composed and the instance enables web3 wallets.
 */
import { useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { createSolanaChooser } from '../../ui/solana-wallets.js';
import type { ProfileParts } from '../parts.js';

const SOLANA = 'web3_solana_signature';

const NAMES: Record<string, string> = {
  web3_metamask_signature: 'MetaMask',
  web3_coinbase_wallet_signature: 'Coinbase Wallet',
  web3_okx_wallet_signature: 'OKX Wallet',
  web3_base_signature: 'Base',
  [SOLANA]: 'Solana',
};

/** The Solana wallet chooser (plugins/ui/solana-wallets.tsx), once fetched. */
let SolanaChooser: ReturnType<typeof createSolanaChooser> | undefined;

export function createWeb3WalletsSection({ kit, useSay, Section, Item, Menu, Badge }: ProfileParts) {
  const { useHost, useForm, Alert } = kit;

  function Web3WalletsSection({ user }: { user: User }) {
    const { environment, t, el } = useHost();
    const say = useSay();
    const actions = useForm([]);
    // Choosing a Solana wallet (its chooser is fetched then).
    const [choosing, setChoosing] = useState(false);
    const attribute = environment.userSettings.attributes?.web3_wallet;
    const strategies = attribute?.enabled ? (attribute.firstFactors ?? []).filter((s) => NAMES[s]) : [];
    const wallets = user.web3Wallets ?? [];
    if (!strategies.length && !wallets.length) return null;

    const add = (strategy: string, walletName?: string) =>
      actions.run(async () => {
        // The web3 plugin's wallet discovery and signing, loaded with this action only.
        // Solana's wallet is picked by name first, from those installed.
        if (strategy === SOLANA && !walletName) {
          SolanaChooser ??= (await import('../../ui/solana-wallets.js')).createSolanaChooser(kit);
          return setChoosing(true);
        }
        const { connectWallet } = await import('../../web3/wallets.js');
        const { identifier, generateSignature } = await connectWallet(strategy, walletName);
        const wallet = await user.createWeb3Wallet({ web3Wallet: identifier });
        await wallet.prepareVerification({ strategy: strategy as never });
        const nonce = wallet.verification?.message ?? '';
        await wallet.attemptVerification({ signature: await generateSignature({ identifier, nonce }) });
        setChoosing(false);
        await user.reload();
      });

    return (
      <Section name="web3Wallets" title={say('start.web3WalletsSection.title')}>
        {wallets.map((wallet) => (
          <Item
            key={wallet.id}
            name="web3Wallet"
            actions={
              <Menu
                item={wallet.web3Wallet}
                entries={[
                  {
                    name: 'remove',
                    label: say('start.web3WalletsSection.destructiveAction'),
                    danger: true,
                    onSelect: () => void actions.run(async () => (await wallet.destroy(), user.reload())),
                  },
                ]}
              />
            }
          >
            <span {...el('identifier')}>{wallet.web3Wallet}</span> {wallet.id === user.primaryWeb3WalletId && <Badge>{t('badge__primary')}</Badge>}
          </Item>
        ))}
        {choosing && SolanaChooser ? (
          <SolanaChooser busy={actions.busy} onSelect={(name) => void add(SOLANA, name)} onCancel={() => setChoosing(false)} />
        ) : (
          <Menu
            name="connectWallet"
            trigger={say('start.web3WalletsSection.primaryButton')}
            entries={strategies.map((strategy) => ({ name: 'connectWallet', label: NAMES[strategy], onSelect: () => void add(strategy) }))}
          />
        )}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return Web3WalletsSection;
}
