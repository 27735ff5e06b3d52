/** Security page: active devices (sessions) — device, browser, IP and place, last active; sign out of the others. */
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../kernel/index.js';
import { DeviceIcon } from '../icons.js';
import type { ProfileParts } from '../parts.js';

type DeviceSession = Awaited<ReturnType<User['getSessions']>>[number];

export function createDevicesSection({ kit, useSay, Section, Item, Menu, Badge }: ProfileParts) {
  const { useHost, useForm, Alert } = kit;

  function DevicesSection({ user }: { user: User }) {
    const { clerk, t, el, locale } = useHost();
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
          const known = (value: unknown) => (value && value !== 'Unknown' ? String(value) : '');
          const device = known(activity.deviceType);
          const browser = known(activity.browserName);
          // "Chrome on Macintosh": what the row is called in its menu's names.
          const name = [browser, device].filter(Boolean).join(' on ') || say('unknownDevice');
          const lastActive = session.lastActiveAt ? new Date(session.lastActiveAt) : null;
          const place = [activity.city, activity.country].filter(Boolean).join(', ');
          return (
            <Item
              key={session.id}
              name="device"
              actions={
                !current && (
                  <Menu
                    item={name}
                    entries={[
                      {
                        name: 'revoke',
                        label: say('start.activeDevicesSection.destructiveAction'),
                        danger: true,
                        onSelect: () => void actions.run(() => session.revoke().then(refresh)),
                      },
                    ]}
                  />
                )
              }
            >
              <span {...el('deviceIcon')}>
                <DeviceIcon mobile={!!activity.isMobile} />
              </span>
              <span {...el('deviceDetails')}>
                <span {...el('deviceName')}>
                  {device || say('unknownDevice')} {current && <Badge>{t('badge__thisDevice')}</Badge>}
                </span>
                <span>{[activity.browserName, activity.browserVersion].filter(Boolean).join(' ')}</span>
                <span>
                  {activity.ipAddress} {place && `(${place})`}
                </span>
                {lastActive && !isNaN(lastActive.getTime()) && (
                  <span>
                    <time dateTime={lastActive.toISOString()}>{lastActive.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </span>
                )}
              </span>
            </Item>
          );
        })}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return DevicesSection;
}
