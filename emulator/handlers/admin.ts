/** Test/playground controls under `<prefix>/__emulator/…` (not part of FAPI), and the dashboard that drives them. */
import type { EmulatorCore, InstanceType, SeedUser } from '../domain/core.js';
import type { OutboxView } from '../domain/outbox.js';
import type { EmulatorSettings, EmulatorSettingsInput } from '../domain/settings.js';
import { CLIENT_COOKIE, readCookie } from '../http/cookies.js';
import { faultRuleFromJson, type FaultRule } from '../http/faults.js';
import type { RequestLogEntry } from '../http/pipeline.js';
import { dashboardPage, dashboardScript } from './dashboard.js';

/** What the admin routes drive: the part of the public `Emulator` facade they expose over HTTP. */
export interface AdminControls {
  publishableKey: string;
  frontendApiHost: string;
  instanceType: InstanceType;
  readonly settings: EmulatorSettings;
  updateSettings(partial: EmulatorSettingsInput): void;
  outbox: OutboxView;
  faults: { add(rule: FaultRule): void; clear(): void };
  reset(): void;
  addUser(user: SeedUser): string;
  requirePasswordReset(userId: string, required?: boolean): void;
  waitlist(): Array<{ id: string; emailAddress: string; createdAt: number }>;
  requests: RequestLogEntry[];
}

/** Read-only views and the few record changes the dashboard makes (it has no FAPI session of its own). */
export interface AdminState {
  core: EmulatorCore;
  activeFaults(): Array<{ rule: FaultRule; remaining: number }>;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? JSON.parse(text) : {};
}

/** The users table as the dashboard lists it, filtered by `query` (name, email, phone, username or id). */
function listUsers(core: EmulatorCore, query: string) {
  const wanted = query.trim().toLowerCase();
  return [...core.store.users.values()]
    .map((user) => ({
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      emailAddresses: user.emailAddresses.map((e) => e.emailAddress),
      phoneNumbers: user.phoneNumbers.map((p) => p.phoneNumber),
      totp: !!user.totp?.verified,
      passwordResetRequired: !!user.passwordResetRequired,
      lockedUntil: user.lockedUntil,
      lastSignInAt: user.lastSignInAt,
      createdAt: user.createdAt,
      activeSessions: core.store.userSessions(user.id).filter((s) => core.isSignedIn(s)).length,
    }))
    .filter(
      (user) =>
        !wanted ||
        // An id matches whole (a random id contains any short word somewhere); names and identifiers by substring.
        user.id.toLowerCase() === wanted ||
        [user.firstName, user.lastName, user.username, ...user.emailAddresses, ...user.phoneNumbers].some((v) => v?.toLowerCase().includes(wanted)),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

function listSessions(core: EmulatorCore) {
  return [...core.store.sessions.values()]
    .map((s) => {
      const user = core.store.users.get(s.userId);
      return {
        id: s.id,
        userId: s.userId,
        user: user?.emailAddresses[0]?.emailAddress ?? user?.username ?? s.userId,
        clientId: s.clientId,
        status: s.status,
        signedIn: core.isSignedIn(s),
        userAgent: s.userAgent,
        lastActiveAt: s.lastActiveAt,
        expireAt: s.expireAt,
        createdAt: s.createdAt,
      };
    })
    .sort((a, b) => b.lastActiveAt - a.lastActiveAt);
}

function listOrganizations(core: EmulatorCore) {
  return [...core.store.organizations.values()]
    .map((org) => ({
      id: org.id,
      name: org.name,
      slug: org.slug,
      createdAt: org.createdAt,
      members: core.store.organizationMembers(org.id).map((m) => ({
        id: m.id,
        userId: m.userId,
        user: core.store.users.get(m.userId)?.emailAddresses[0]?.emailAddress ?? m.userId,
        role: m.role,
      })),
      pendingInvitations: core.store.organizationInvitations(org.id).filter((i) => i.status === 'pending').length,
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * The client of the browser the dashboard runs in: the app on this origin keeps its dev-browser token
 * (`__clerk_db_jwt`, development) or the `__client` cookie (production) as a cookie the page sends here too.
 */
function browserClient(core: EmulatorCore, request: Request) {
  const clientId =
    core.instanceType === 'development'
      ? core.store.devBrowsers.get(readCookie(request, '__clerk_db_jwt') ?? '')
      : core.store.clientCookies.get(readCookie(request, CLIENT_COOKIE) ?? '');
  return clientId ? core.store.clients.get(clientId) : undefined;
}

/** Handles `/__emulator/<action>`; `action` is the part after `/__emulator` ('' for the dashboard page). */
export async function handleAdmin(controls: AdminControls, state: AdminState, method: string, action: string, request: Request): Promise<Response> {
  const { core } = state;
  try {
    if (action === '' && method === 'GET') return dashboardPage();
    if (action === '/dashboard.js' && method === 'GET') return await dashboardScript();
    if (action === '/outbox' && method === 'GET') return json(controls.outbox.list());
    if (action === '/outbox' && method === 'DELETE') {
      controls.outbox.clear();
      return json({ ok: true });
    }
    if (action === '/reset' && method === 'POST') {
      controls.reset();
      return json({ ok: true });
    }
    if (action === '/settings' && method === 'GET') return json(controls.settings);
    if (action === '/settings' && method === 'POST') {
      controls.updateSettings((await readJson(request)) as EmulatorSettingsInput);
      return json(controls.settings);
    }
    if (action === '/faults' && method === 'GET')
      return json(
        state
          .activeFaults()
          .map(({ rule, remaining }) => ({ ...rule, path: String(rule.path ?? '*'), remaining: Number.isFinite(remaining) ? remaining : null })),
      );
    if (action === '/faults' && method === 'POST') {
      controls.faults.add(faultRuleFromJson(await readJson(request)));
      return json({ ok: true });
    }
    if (action === '/faults' && method === 'DELETE') {
      controls.faults.clear();
      return json({ ok: true });
    }
    if (action === '/requests' && method === 'GET') return json(controls.requests);
    if (action === '/waitlist' && method === 'GET') return json(controls.waitlist());
    if (action === '/users' && method === 'GET') return json(listUsers(core, new URL(request.url).searchParams.get('query') ?? ''));
    if (action === '/users' && method === 'POST') {
      return json({ id: controls.addUser((await readJson(request)) as SeedUser) });
    }
    const userMatch = /^\/users\/([^/]+)$/.exec(action);
    if (userMatch && method === 'DELETE') {
      const user = core.store.users.get(userMatch[1]);
      if (!user) return json({ error: `no user ${userMatch[1]}` }, 404);
      // Its sessions end first, so signed-in browsers see the user gone at their next token refresh.
      for (const session of core.store.userSessions(user.id)) if (core.isSignedIn(session)) core.endSession(session, 'revoked');
      core.store.deleteUser(user.id);
      return json({ ok: true });
    }
    const resetMatch = /^\/users\/([^/]+)\/password-reset$/.exec(action);
    if (resetMatch && method === 'POST') {
      const { required = true } = (await readJson(request)) as { required?: boolean };
      controls.requirePasswordReset(decodeURIComponent(resetMatch[1]), required !== false);
      return json({ ok: true, passwordResetRequired: required !== false });
    }
    const signInAsMatch = /^\/users\/([^/]+)\/sign-in-as$/.exec(action);
    if (signInAsMatch && method === 'POST') {
      const user = core.store.users.get(signInAsMatch[1]);
      if (!user) return json({ error: `no user ${signInAsMatch[1]}` }, 404);
      const client = browserClient(core, request);
      if (!client) return json({ error: 'this browser has no Clerk client yet: open the app on this origin once, then try again' }, 409);
      if (core.settings.singleSession) for (const session of core.activeSessions(client)) core.endSession(session, 'ended');
      const session = core.createSession(client, user, { strategy: null, secondFactor: true, userAgent: request.headers.get('user-agent'), ipAddress: null });
      return json({ ok: true, sessionId: session.id });
    }
    if (action === '/sessions' && method === 'GET') return json(listSessions(core));
    const revokeMatch = /^\/sessions\/([^/]+)\/revoke$/.exec(action);
    if (revokeMatch && method === 'POST') {
      const session = core.store.sessions.get(revokeMatch[1]);
      if (!session) return json({ error: `no session ${revokeMatch[1]}` }, 404);
      if (core.isSignedIn(session)) core.endSession(session, 'revoked');
      return json({ ok: true, status: session.status });
    }
    if (action === '/organizations' && method === 'GET') return json(listOrganizations(core));
    const orgMatch = /^\/organizations\/([^/]+)$/.exec(action);
    if (orgMatch && method === 'DELETE') {
      if (!core.store.organizations.has(orgMatch[1])) return json({ error: `no organization ${orgMatch[1]}` }, 404);
      core.store.deleteOrganization(orgMatch[1]);
      return json({ ok: true });
    }
    if (action === '/info' && method === 'GET') {
      return json({ publishableKey: controls.publishableKey, frontendApiHost: controls.frontendApiHost, instanceType: controls.instanceType });
    }
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
  return json({ error: `no admin route ${method} ${action}` }, 404);
}
