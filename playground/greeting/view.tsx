/** The lazy half of the example third-party component: it only uses the kit it is handed, its typed props and Preact. */
import { useEffect, useState } from 'preact/hooks';
import type { UiKit } from '../../plugins/ui/index.js';
import type { GreetingProps } from './plugin.js';

export default function createGreeting({ useHost, Card, LinkButton }: UiKit) {
  return function Greeting({ greeting = 'Hello' }: GreetingProps) {
    const { clerk, t, close, modal } = useHost();
    // Follows sign-in, sign-out and profile edits while mounted. Resources are updated in place, so the
    // state is the snapshot (a new object on every emission), not the user object itself.
    const [{ user }, setResources] = useState({ user: clerk.user });
    useEffect(() => clerk.addListener((resources) => setResources({ user: resources.user })), []);
    const name = user ? user.firstName || user.username || user.primaryEmailAddress?.emailAddress || user.id : undefined;
    return (
      <Card title={name ? `${greeting}, ${name}!` : `${greeting}!`} subtitle={name ? undefined : 'You are signed out.'}>
        {modal && <LinkButton onClick={close}>{t('backButton')}</LinkButton>}
      </Card>
    );
  };
}
