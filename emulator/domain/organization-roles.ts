/** Organization roles: the instance's roles (system ones plus custom ones from settings), their permissions, and how session tokens encode them. */

/** A role as the settings define it; `key` and each permission are `org:`-prefixed (`org:billing`, `org:invoices:read`). */
export interface OrganizationRoleSetting {
  key: string;
  name: string;
  description?: string;
  permissions: string[];
}

/** The system features an organization admin manages, in the order the `o.fpm` claim lists them. */
const SYSTEM_FEATURES = ['sys_profile', 'sys_memberships', 'sys_domains'];
const SYSTEM_VERBS = ['manage', 'delete', 'read'];

export const SYSTEM_ROLES: OrganizationRoleSetting[] = [
  {
    key: 'org:admin',
    name: 'Admin',
    description: 'Manages the organization, its members and domains.',
    permissions: [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
  },
  { key: 'org:member', name: 'Member', description: 'Reads the organization and its members.', permissions: ['org:sys_memberships:read'] },
];

/** The instance's roles: the system roles, then the custom ones (a custom role with a system key replaces it). */
export function instanceRoles(custom: readonly OrganizationRoleSetting[]): OrganizationRoleSetting[] {
  const keys = new Set(custom.map((r) => r.key));
  return [...SYSTEM_ROLES.filter((r) => !keys.has(r.key)), ...custom];
}

export function findRole(custom: readonly OrganizationRoleSetting[], key: string): OrganizationRoleSetting | undefined {
  return instanceRoles(custom).find((r) => r.key === key);
}

export function rolePermissions(custom: readonly OrganizationRoleSetting[], role: string): string[] {
  return findRole(custom, role)?.permissions ?? [];
}

/** `org:<feature>:<verb>` → [feature, verb]; anything else is ignored. */
const split = (permission: string) => {
  const parts = permission.split(':');
  return parts.length === 3 && parts[0] === 'org' ? ([parts[1], parts[2]] as const) : null;
};

/**
 * The `fea` and `o` claims of a session token whose active organization is this one: `fea` lists the
 * instance's organization features (`o:<feature>`), `o.per` the verbs, and `o.fpm` one decimal bitmask
 * over `per` per feature of `fea` — the member's permissions, system and custom alike.
 */
export function organizationClaims(
  organization: { id: string; slug: string },
  role: string,
  custom: readonly OrganizationRoleSetting[] = [],
): { fea: string; o: Record<string, unknown> } {
  const features = [...SYSTEM_FEATURES];
  const verbs = [...SYSTEM_VERBS];
  for (const r of instanceRoles(custom)) {
    for (const permission of r.permissions) {
      const parts = split(permission);
      if (!parts) continue;
      if (!features.includes(parts[0])) features.push(parts[0]);
      if (!verbs.includes(parts[1])) verbs.push(parts[1]);
    }
  }
  const granted = rolePermissions(custom, role);
  const fpm = features.map((feature) => verbs.reduce((mask, verb, bit) => (granted.includes(`org:${feature}:${verb}`) ? mask | (1 << bit) : mask), 0));
  return {
    fea: features.map((f) => `o:${f}`).join(','),
    o: { id: organization.id, slg: organization.slug, rol: role.replace(/^org:/, ''), per: verbs.join(','), fpm: fpm.join(',') },
  };
}
