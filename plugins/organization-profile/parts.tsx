/** What every `<OrganizationProfile/>` page shares: the profile building blocks, its strings, the member's permissions. */
import { useEffect, useState } from 'preact/hooks';
import type { Organization, OrganizationMembership } from '../../kernel/index.js';
import type { UiKit } from '../ui/index.js';
import { createProfileParts } from '../user-profile/parts.js';

/** The system permissions the pages check, as FAPI lists them on the membership. */
export const PERMISSIONS = {
  manageProfile: 'org:sys_profile:manage',
  deleteProfile: 'org:sys_profile:delete',
  readMemberships: 'org:sys_memberships:read',
  manageMemberships: 'org:sys_memberships:manage',
  readDomains: 'org:sys_domains:read',
  manageDomains: 'org:sys_domains:manage',
} as const;

export type Can = (permission: keyof typeof PERMISSIONS) => boolean;

/** The permission check of `membership`: FAPI's permission list, with `org:admin` holding all of them as in ClerkJS. */
export function permissionsOf(membership: OrganizationMembership | undefined): Can {
  const granted = new Set(membership?.permissions ?? []);
  return (permission) => membership?.role === 'org:admin' || granted.has(PERMISSIONS[permission]);
}

export function createOrganizationParts(kit: UiKit) {
  const { Section, Action, Item, Badge, Success } = createProfileParts(kit);

  /** Localized text of this component: `organizationProfile.<key>`. */
  function useSay() {
    const { t } = kit.useHost();
    return (key: string, vars?: Record<string, unknown>) => t(`organizationProfile.${key}`, vars);
  }

  /**
   * A list read from FAPI, re-read when `deps` change or `reload()` is called; the previous answer stays
   * on screen while the next one loads. `error` is the last failure (shown by the page).
   */
  function useRemote<T>(read: () => Promise<T>, deps: unknown[]) {
    const [state, setState] = useState<{ value?: T; error?: unknown }>({});
    const [version, setVersion] = useState(0);
    useEffect(() => {
      let current = true;
      read().then(
        (value) => current && setState({ value }),
        (error: unknown) => current && setState((s) => ({ value: s.value, error })),
      );
      return () => {
        current = false;
      };
    }, [...deps, version]);
    return { ...state, reload: () => setVersion((v) => v + 1) };
  }

  /** A native select with its label, styled as the kit's inputs. */
  function Select({
    name,
    label,
    value,
    options,
    onChange,
    disabled,
    hideLabel,
  }: {
    name: string;
    label: string;
    value: string;
    options: Array<{ value: string; label: string }>;
    onChange(value: string): void;
    disabled?: boolean;
    hideLabel?: boolean;
  }) {
    const { el, uid } = kit.useHost();
    const id = `${uid}-${name}`;
    return (
      <span {...el('selectField', name)}>
        <label for={id} {...el('formFieldLabel', name)} style={hideLabel ? HIDDEN : undefined}>
          {label}
        </label>{' '}
        <select id={id} name={name} {...el('selectInput', name)} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    );
  }

  /** The organization's logo, or its initial (never the name as markup). */
  function Logo({ organization }: { organization: Organization }) {
    const { el } = kit.useHost();
    const safe = organization.hasImage && /^(https?:|data:image\/)/i.test(organization.imageUrl ?? '');
    return (
      <span {...el('organizationAvatar')} aria-hidden="true">
        {safe ? <img src={organization.imageUrl} alt="" /> : (organization.name || '?')[0].toUpperCase()}
      </span>
    );
  }

  return { kit, useSay, useRemote, Section, Action, Item, Badge, Success, Select, Logo };
}

/** Visually hidden, still read by screen readers. */
export const HIDDEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export type OrganizationParts = ReturnType<typeof createOrganizationParts>;
