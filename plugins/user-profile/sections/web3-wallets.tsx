/**
 * Account page: the user's web3 wallets — list, add the browser's connected wallet (its address, then
 * FAPI's message signed with `personal_sign`), remove. Shown when the web3 plugin is composed and the
 * instance enables web3 wallets.
 */
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

const NAMES: Record<string, string> = {
  web3_metamask_signature: 'MetaMask',
  web3_coinbase_wallet_signature: 'Coinbase Wallet',
  web3_okx_wallet_signature: 'OKX Wallet',
  web3_base_signature: 'Base',
};

export function createWeb3WalletsSection({ kit, useSay, Section, Item, Menu, Badge }: ProfileParts) {
  const { useHost, useForm, Alert } = kit;

  function Web3WalletsSection({ user }: { user: User }) {
    const { environment, t, el } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const attribute = environment.userSettings.attributes?.web3_wallet;
    const strategies = attribute?.enabled ? (attribute.firstFactors ?? []).filter((s) => NAMES[s]) : [];
    const wallets = user.web3Wallets ?? [];
    if (!strategies.length && !wallets.length) return null;

    const add = (strategy: string) =>
      actions.run(async () => {
        // The web3 plugin's wallet discovery and signing, loaded with this action only.
        const { walletAddress, signatureGenerator } = await import('../../web3/wallets.js');
        const address = await walletAddress(strategy);
        const wallet = await user.createWeb3Wallet({ web3Wallet: address });
        await wallet.prepareVerification({ strategy: strategy as never });
        const nonce = wallet.verification?.message ?? '';
        await wallet.attemptVerification({ signature: await signatureGenerator(strategy)({ identifier: address, nonce }) });
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
        <Menu
          name="connectWallet"
          trigger={say('start.web3WalletsSection.primaryButton')}
          entries={strategies.map((strategy) => ({ name: 'connectWallet', label: NAMES[strategy], onSelect: () => void add(strategy) }))}
        />
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return Web3WalletsSection;
}
