import type { JSONObject } from './resources/base.js';
import { decodeJwt } from './resources/token.js';

/**
 * The signed-in state a session token proves, as ClerkJS's `createClientFromJwt` builds it when the
 * client cannot be fetched: one active session of the token's `sid`, a user with only its id (and the
 * token's organization), the token itself as the session's last token. Null unless `jwt` is a
 * well-formed, unexpired token issued by this instance's Frontend API.
 */
export function clientFromSessionToken(jwt: string | undefined, frontendApi: string, nowMs: number): JSONObject | null {
  if (!jwt) return null;
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(jwt).claims as Record<string, unknown>;
  } catch {
    return null;
  }
  const { sid, sub, iss, exp } = claims;
  // A token of another instance (or another Clerk app on a parent domain) proves nothing here.
  if (typeof sid !== 'string' || typeof sub !== 'string' || iss !== `https://${frontendApi}` || (exp as number) * 1000 <= nowMs) return null;
  // Organization claims: v2 nests them in `o`, v1 spells them out.
  const o = (claims.o ?? {}) as { id?: string; slg?: string; rol?: string };
  const orgId = o.id ?? (claims.org_id as string | undefined) ?? null;
  const orgSlug = o.slg ?? (claims.org_slug as string | undefined);
  const orgRole = o.rol ? `org:${o.rol}` : (claims.org_role as string | undefined);
  const memberships =
    orgId && orgRole
      ? [
          {
            object: 'organization_membership',
            id: orgId,
            role: orgRole,
            permissions: (claims.org_permissions as string[] | undefined) ?? [],
            organization: { object: 'organization', id: orgId, name: '', slug: orgSlug ?? null, members_count: 1, max_allowed_memberships: 1 },
          },
        ]
      : [];
  return {
    object: 'client',
    // Not a real client id: the next successful GET /v1/client replaces the whole object.
    id: 'client_init',
    last_active_session_id: sid,
    sign_in: null,
    sign_up: null,
    sessions: [
      {
        object: 'session',
        id: sid,
        status: 'active',
        last_active_organization_id: orgId,
        last_active_token: { object: 'token', jwt },
        factor_verification_age: (claims.fva as JSONObject[keyof JSONObject]) ?? null,
        public_user_data: { user_id: sub },
        user: { object: 'user', id: sub, organization_memberships: memberships },
      },
    ],
  } as JSONObject;
}
