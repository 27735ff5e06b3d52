/**
 * The `<UserProfile/>` view, loaded on the first mount or open. Two built-in pages — `account`
 * (profile, email addresses, phone numbers, connected accounts) and `security` (password, two-step
 * verification, active devices, delete account) — plus the app's custom pages. Each section is its
 * own module under `sections/`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import type { UserProfilePage, UserProfileProps } from './index.js';
import { createProfileParts, type ProfileServices } from './parts.js';
import { createConnectedAccountsSection } from './sections/connected-accounts.js';
import { createDeleteSection } from './sections/danger.js';
import { createDevicesSection } from './sections/devices.js';
import { createIdentifiersSection } from './sections/identifiers.js';
import { createPasskeysSection } from './sections/passkeys.js';
import { createPasswordSection } from './sections/password.js';
import { createProfileSection } from './sections/profile.js';
import { createTwoStepSection } from './sections/two-step.js';
import { createWeb3WalletsSection } from './sections/web3-wallets.js';
import type { PropRule } from '../ui/props.js';

export { userProfileStrings as strings } from './strings.js';
export { userProfileStyles as styles } from './styles.js';

/** `<UserProfile/>`'s props besides the hosted ones (routing, path, appearance). */
export const userProfilePropRules: Record<string, PropRule> = {
  customPages: 'array',
  afterSignOutUrl: 'url',
  afterSignOutAll: 'url',
  afterSignOutOne: 'url',
  __experimental_startPath: 'string',
};

export default function createUserProfile(kit: UiKit, services: ProfileServices & { web3?: boolean } = {}) {
  const { web3 = false } = services;
  const { useHost, CustomPage, profilePages, trimSlashes } = kit;
  const parts = createProfileParts(kit, services);
  const PasskeysSection = createPasskeysSection(parts);
  const { useSay } = parts;
  const { ProfileSection, UsernameSection } = createProfileSection(parts);
  const IdentifiersSection = createIdentifiersSection(parts);
  const ConnectedAccountsSection = createConnectedAccountsSection(parts);
  const Web3WalletsSection = createWeb3WalletsSection(parts);
  const PasswordSection = createPasswordSection(parts);
  const TwoStepSection = createTwoStepSection(parts);
  const DevicesSection = createDevicesSection(parts);
  const DeleteSection = createDeleteSection(parts);

  return function UserProfile(props: UserProfileProps) {
    kit.validateProps('UserProfile', props, userProfilePropRules);
    const { clerk, el, uid, route, navigate, kernel } = useHost();
    const say = useSay();
    const [, rerender] = useState(0);
    // Every FAPI answer carries the client: re-render with the fresh user after each change.
    useEffect(() => clerk.addListener(() => rerender((n) => n + 1)), []);
    const user = clerk.user as User | null | undefined;
    if (!user) return null;

    const pages = profilePages<{ id: string; label: string; title: string; page?: UserProfilePage }, UserProfilePage>(
      [
        { id: 'account', label: say('navbar.account'), title: say('start.headerTitle__account') },
        { id: 'security', label: say('navbar.security'), title: say('start.headerTitle__security') },
      ],
      props.customPages,
      (page) => ({ id: trimSlashes(page.url!), label: page.label, title: page.label, page }),
    );
    const wanted = trimSlashes(route).split('/')[0] || trimSlashes(props.__experimental_startPath ?? '') || pages[0].id;
    const active = pages.find((p) => p.id === wanted && !(p.page && !p.page.mount)) ?? pages[0];
    const go = (page: (typeof pages)[number]) => {
      // A custom entry without `mount` is a link out of the component.
      if (page.page && !page.page.mount) void kernel.navigate(page.page.url!);
      else void navigate(page.id);
    };
    const attributes = (clerk.environment?.userSettings.attributes ?? {}) as Record<string, { enabled?: boolean } | undefined>;

    return (
      <div {...el('userProfile')}>
        <nav {...el('navbar')} aria-label={say('navbar.title')}>
          <div {...el('navbarHeader')}>
            <p {...el('navbarTitle')}>{say('navbar.title')}</p>
            <p {...el('navbarDescription')}>{say('navbar.description')}</p>
          </div>
          {pages.map((page) => (
            <button key={page.id} type="button" {...el('navbarButton', page.id)} aria-current={page === active ? 'page' : undefined} onClick={() => go(page)}>
              {page.label}
            </button>
          ))}
        </nav>
        {/* Keyed by user: after an account switch, no form keeps the previous user's input. */}
        <div key={user.id} {...el('pageScrollBox')}>
          <h1 id={`${uid}-title`} {...el('headerTitle')}>
            {active.title}
          </h1>
          {active.page ? (
            <CustomPage key={active.id} page={active.page} />
          ) : active.id === 'security' ? (
            <>
              {attributes.password?.enabled !== false && <PasswordSection user={user} />}
              {services.passkeys && attributes.passkey?.enabled && <PasskeysSection user={user} />}
              <TwoStepSection user={user} />
              <DevicesSection user={user} />
              <DeleteSection user={user} props={props} />
            </>
          ) : (
            <>
              <ProfileSection user={user} />
              {attributes.username?.enabled && <UsernameSection user={user} />}
              {attributes.email_address?.enabled !== false && <IdentifiersSection user={user} kind="email" />}
              {attributes.phone_number?.enabled && <IdentifiersSection user={user} kind="phone" />}
              <ConnectedAccountsSection user={user} />
              {web3 && <Web3WalletsSection user={user} />}
            </>
          )}
        </div>
      </div>
    );
  };
}
