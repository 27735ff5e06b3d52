/** Session JSON, with a freshly minted token while the session is signed in. */
import type { SessionRecord } from '../domain/records.js';
import { factorVerificationAge } from '../domain/reverification.js';
import { publicUserDataJson } from './public-user.js';
import { userJson } from './user.js';
import type { Json, JsonView } from './view.js';

export function sessionJson(view: JsonView, session: SessionRecord): Json {
  const { core } = view;
  core.refreshSessionStatus(session);
  const user = core.store.users.get(session.userId);
  const signedIn = session.status === 'active' || session.status === 'pending';
  return {
    object: 'session',
    id: session.id,
    status: session.status,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: session.lastActiveOrganizationId,
    last_active_token: signedIn && user ? { object: 'token', jwt: core.mintSessionToken(session, { origin: view.origin }) } : null,
    actor: null,
    // As FAPI sends them: the keys in order while pending, null once active.
    tasks: session.status === 'pending' ? core.sessionTasks(session).map((key) => ({ key })) : null,
    factor_verification_age: factorVerificationAge(core.now(), session),
    user: user ? userJson(view, user) : null,
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

/** Parses a User-Agent well enough for the "active devices" list. */
function describeUserAgent(userAgent: string | null): { browser_name: string; browser_version: string; device_type: string; is_mobile: boolean } {
  const ua = userAgent ?? '';
  const browser = /Edg\/([\d.]+)/.exec(ua)
    ? ['Edge', /Edg\/([\d.]+)/.exec(ua)![1]]
    : /Chrome\/([\d.]+)/.exec(ua)
      ? ['Chrome', /Chrome\/([\d.]+)/.exec(ua)![1]]
      : /Firefox\/([\d.]+)/.exec(ua)
        ? ['Firefox', /Firefox\/([\d.]+)/.exec(ua)![1]]
        : /Version\/([\d.]+).*Safari/.exec(ua)
          ? ['Safari', /Version\/([\d.]+)/.exec(ua)![1]]
          : ['Unknown', ''];
  const isMobile = /Mobile|Android|iPhone|iPad/.test(ua);
  const device = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /Macintosh/.test(ua)
          ? 'Macintosh'
          : /Windows/.test(ua)
            ? 'Windows'
            : 'Unknown';
  return { browser_name: browser[0], browser_version: browser[1], device_type: device, is_mobile: isMobile };
}

export function sessionWithActivitiesJson(view: JsonView, session: SessionRecord): Json {
  return {
    ...sessionJson(view, session),
    user: null,
    last_active_token: null,
    latest_activity: {
      object: 'session_activity',
      id: `sess_activity_${session.id.slice(5)}`,
      ...describeUserAgent(session.userAgent),
      ip_address: session.ipAddress ?? '127.0.0.1',
      city: 'Localhost',
      country: 'US',
    },
  };
}
