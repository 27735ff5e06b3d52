/**
 * `session.checkAuthorization()` with ClerkJS's `has()` semantics: a role or permission of the active
 * organization (roles and permissions are `org:`-prefixed; `admin` means `org:admin`), optionally
 * combined with a reverification requirement over the session's factor verification age.
 */
import { ClerkRuntimeError, type JwtClaims } from '../../kernel/index.js';

export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';
export type ReverificationConfig = 'strict_mfa' | 'strict' | 'moderate' | 'lax' | { level: ReverificationLevel; afterMinutes: number };

export interface CheckAuthorizationParams {
  role?: string;
  permission?: string;
  reverification?: ReverificationConfig;
}

export interface OrganizationGrant {
  orgId: string;
  orgRole: string;
  orgPermissions: string[];
}

const PRESETS: Record<string, { level: ReverificationLevel; afterMinutes: number }> = {
  strict_mfa: { level: 'multi_factor', afterMinutes: 10 },
  strict: { level: 'second_factor', afterMinutes: 10 },
  moderate: { level: 'second_factor', afterMinutes: 60 },
  lax: { level: 'second_factor', afterMinutes: 1440 },
};

const withOrgPrefix = (value: string) => (value.startsWith('org:') ? value : `org:${value}`);

/**
 * The organization a session token speaks for: v2 tokens carry `o { id, rol, per, fpm }` with the
 * feature list in `fea` (each `fpm` entry is a bitmask over `per` for one `o:` feature); v1 tokens
 * carry `org_id`, `org_role`, `org_permissions`.
 */
export function organizationFromClaims(claims: JwtClaims | undefined): OrganizationGrant | null {
  if (!claims) return null;
  const o = claims.o as { id?: string; rol?: string; per?: string; fpm?: string } | undefined;
  if (o?.id && o.rol) {
    const verbs = (o.per ?? '').split(',').filter(Boolean);
    const masks = (o.fpm ?? '').split(',').map(Number);
    const features = String(claims.fea ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f.startsWith('o:'))
      .map((f) => f.slice(2));
    const orgPermissions = features.flatMap((feature, i) => verbs.filter((_, bit) => (masks[i] ?? 0) & (1 << bit)).map((verb) => `org:${feature}:${verb}`));
    return { orgId: o.id, orgRole: withOrgPrefix(o.rol), orgPermissions };
  }
  if (typeof claims.org_id === 'string' && typeof claims.org_role === 'string') {
    return { orgId: claims.org_id, orgRole: claims.org_role, orgPermissions: (claims.org_permissions as string[] | undefined) ?? [] };
  }
  return null;
}

function checkOrganization(params: CheckAuthorizationParams, grant: OrganizationGrant | null): boolean | null {
  if (!params.role && !params.permission) return null;
  if (!grant) return null;
  if (params.permission) return grant.orgPermissions.includes(withOrgPrefix(params.permission));
  return withOrgPrefix(grant.orgRole) === withOrgPrefix(params.role!);
}

function checkReverification(params: CheckAuthorizationParams, age: [number, number] | null): boolean | null {
  if (!params.reverification || !age) return null;
  const config = typeof params.reverification === 'string' ? PRESETS[params.reverification] : params.reverification;
  if (!config || !['first_factor', 'second_factor', 'multi_factor'].includes(config.level) || !(config.afterMinutes > 0)) {
    throw new ClerkRuntimeError(`checkAuthorization(): unknown reverification ${JSON.stringify(params.reverification)}.`, {
      code: 'invalid_reverification',
    });
  }
  const [first, second] = age;
  const fresh = (minutes: number) => minutes !== -1 && config.afterMinutes > minutes;
  if (config.level === 'first_factor') return fresh(first);
  if (config.level === 'second_factor') return second !== -1 ? fresh(second) : fresh(first);
  return second === -1 ? fresh(first) : fresh(first) && fresh(second);
}

/** ClerkJS's combination: unknown checks (null) are ignored when another passed; otherwise all must pass. */
export function checkAuthorization(
  params: CheckAuthorizationParams,
  facts: { userId: string | undefined; grant: OrganizationGrant | null; factorVerificationAge: [number, number] | null },
): boolean {
  if (!params || typeof params !== 'object') {
    throw new ClerkRuntimeError('checkAuthorization() expects an object: { role } or { permission } (and optionally { reverification }).', {
      code: 'invalid_arguments',
    });
  }
  if (!facts.userId) return false;
  const results = [checkOrganization(params, facts.grant), checkReverification(params, facts.factorVerificationAge)];
  return results.some((r) => r === null) ? results.some((r) => r === true) : results.every((r) => r === true);
}
