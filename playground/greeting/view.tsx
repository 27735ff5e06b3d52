/** The lazy half of the example third-party component: it only uses the kit it is handed, its typed props and Preact. */
import { useEffect, useState } from 'preact/hooks';
import type { UiKit } from '../../plugins/ui/index.js';
import type { GreetingProps } from './plugin.js';

export default function createGreeting({ useHost, Card, LinkButton }: UiKit) {
  return function Greeting({ greeting = 'Hello' }: GreetingProps) {
    const { clerk, t, close, modal } = useHost();
    const [user, setUser] = useState(clerk.user);
    // Follows sign-in and sign-out while mounted.
    useEffect(() => clerk.addListener((resources) => setUser(resources.user)), []);
    const name = user ? user.firstName || user.username || user.primaryEmailAddress?.emailAddress || user.id : undefined;
    return (
      <Card title={name ? `${greeting}, ${name}!` : `${greeting}!`} subtitle={name ? undefined : 'You are signed out.'}>
        {modal && <LinkButton onClick={close}>{t('backButton')}</LinkButton>}
      </Card>
    );
  };
}
