/** Account page: connected OAuth accounts — connect (through the provider) and disconnect. */
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

export function createConnectedAccountsSection({ kit, useSay, Section, Action, Item }: ProfileParts) {
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
        {accounts.map((account) => (
          <Item
            key={account.id}
            name="connectedAccount"
            actions={
              <Action name="disconnect" danger onClick={() => void actions.run(() => account.destroy())}>
                {say('start.connectedAccountsSection.destructiveActionTitle')}
              </Action>
            }
          >
            {nameOf(account.provider)} {account.emailAddress && `· ${account.emailAddress}`}
          </Item>
        ))}
        {unconnected.map((p) => (
          <Action key={p.strategy} name="connect" onClick={() => void connect(p.strategy)}>
            {say('connect', { provider: p.name || p.strategy.replace(/^oauth_/, '') })}
          </Action>
        ))}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return ConnectedAccountsSection;
}
