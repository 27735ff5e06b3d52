/** Account page: connected OAuth accounts — connect (through the provider) and disconnect. */
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

export function createConnectedAccountsSection({ kit, useSay, Section, Item, Menu }: ProfileParts) {
  const { useHost, useForm, Alert } = kit;

  function ConnectedAccountsSection({ user }: { user: User }) {
    const { environment, redirectExternal } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const providers = Object.values(environment.userSettings.social ?? {}).filter((p) => p?.enabled);
    const accounts = user.externalAccounts ?? [];
    const nameOf = (provider: string) => providers.find((p) => p.strategy === `oauth_${provider}` || p.strategy === provider)?.name || provider;
    const unconnected = providers.filter((p) => !accounts.some((a) => `oauth_${a.provider}` === p.strategy || a.provider === p.strategy));
    if (!providers.length && !accounts.length) return null;

    const connect = (strategy: string) =>
      actions.run(async () => {
        // FAPI sends the user back here once the provider approved.
        const account = await user.createExternalAccount({ strategy, redirectUrl: location.href });
        await redirectExternal(account.verification?.externalVerificationRedirectURL);
      });

    return (
      <Section name="connectedAccounts" title={say('start.connectedAccountsSection.title')}>
        {accounts.map((account) => {
          const text = [nameOf(account.provider), account.emailAddress].filter(Boolean).join(' · ');
          return (
            <Item
              key={account.id}
              name="connectedAccount"
              actions={
                <Menu
                  item={text}
                  entries={[
                    {
                      name: 'disconnect',
                      label: say('start.connectedAccountsSection.destructiveActionTitle'),
                      danger: true,
                      onSelect: () => void actions.run(() => account.destroy()),
                    },
                  ]}
                />
              }
            >
              {text}
            </Item>
          );
        })}
        {/* "+ Connect account" opens the list of providers not connected yet. */}
        <Menu
          name="connect"
          trigger={say('start.connectedAccountsSection.primaryButton')}
          entries={unconnected.map((p) => ({
            name: 'connect',
            label: p.name || p.strategy.replace(/^oauth_/, ''),
            onSelect: () => void connect(p.strategy),
          }))}
        />
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return ConnectedAccountsSection;
}
