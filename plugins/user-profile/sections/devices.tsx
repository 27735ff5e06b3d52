/** Security page: active devices (sessions) — this one, and signing out of the others. */
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import type { ProfileParts } from '../parts.js';

type DeviceSession = Awaited<ReturnType<User['getSessions']>>[number];

export function createDevicesSection({ kit, useSay, Section, Action, Item, Badge }: ProfileParts) {
  const { useHost, useForm, Alert } = kit;

  function DevicesSection({ user }: { user: User }) {
    const { clerk, t } = useHost();
    const say = useSay();
    const actions = useForm([]);
    const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
    const refresh = () => user.getSessions().then(setSessions);
    useEffect(() => void refresh(), [user.id]);

    return (
      <Section name="activeDevices" title={say('start.activeDevicesSection.title')}>
        {(sessions ?? []).map((session) => {
          const activity = session.latestActivity ?? {};
          const current = session.id === clerk.session?.id;
          return (
            <Item
              key={session.id}
              name="device"
              actions={
                current ? (
                  <Badge>{t('badge__thisDevice')}</Badge>
                ) : (
                  <Action name="revoke" danger onClick={() => void actions.run(() => session.revoke().then(refresh))}>
                    {say('start.activeDevicesSection.destructiveAction')}
                  </Action>
                )
              }
            >
              {[activity.browserName, activity.browserVersion].filter(Boolean).join(' ')} {activity.deviceType && `· ${activity.deviceType}`}
              <br />
              {[activity.city, activity.country].filter(Boolean).join(', ')} {activity.ipAddress && `· ${activity.ipAddress}`}
            </Item>
          );
        })}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return DevicesSection;
}
