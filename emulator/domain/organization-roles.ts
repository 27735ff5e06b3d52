/** Organization roles: the permissions each role holds, and how session tokens encode them. */

/** The roles an organization member may hold. */
export const ROLES = ['org:admin', 'org:member'];

/** The system features an organization admin manages, in the order the `o.fpm` claim lists them. */
const ORG_FEATURES = ['sys_profile', 'sys_memberships', 'sys_domains'] as const;
const ORG_PERMISSION_VERBS = ['manage', 'delete', 'read'] as const;

export function rolePermissions(role: string): string[] {
  if (role === 'org:admin') {
    return [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ];
  }
  return ['org:sys_memberships:read'];
}

/** The `fea` and `o` claims of a session token whose active organization is this one. */
export function organizationClaims(organization: { id: string; slug: string }, role: string): { fea: string; o: Record<string, unknown> } {
  return {
    fea: ORG_FEATURES.map((f) => `o:${f}`).join(','),
    o: {
      id: organization.id,
      slg: organization.slug,
      rol: role.replace(/^org:/, ''),
      per: ORG_PERMISSION_VERBS.join(','),
      fpm: orgFeaturePermissionMap(rolePermissions(role)),
    },
  };
}

/** One decimal bitmask per org feature over ORG_PERMISSION_VERBS, as in the `o.fpm` claim. */
function orgFeaturePermissionMap(permissions: string[]): string {
  return ORG_FEATURES.map((feature) => {
    let mask = 0;
    ORG_PERMISSION_VERBS.forEach((verb, index) => {
      if (permissions.includes(`org:${feature}:${verb}`)) mask |= 1 << index;
    });
    return String(mask);
  }).join(',');
}
