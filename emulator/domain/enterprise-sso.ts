/**
 * Enterprise SSO (SAML / OIDC connections keyed by email domain): which connection an email belongs
 * to, and the `enterprise_sso` first factor FAPI offers for it. The fake identity provider's page
 * itself reuses the fake OAuth provider's flow records (strategy `enterprise_sso`).
 */
import type { EmulatorCore } from './core.js';
import { fapiError, formError } from './errors.js';
import type { EnterpriseConnectionSettings } from './settings.js';

export const ENTERPRISE_SSO = 'enterprise_sso';

/** The path of the fake identity provider's page, under `/v1`. */
export const FAKE_IDP_PATH = '/sso/fake/idp';

export interface EnterpriseConnection {
  id: string;
  domain: string;
  protocol: 'saml' | 'oidc';
  name: string;
}

/** `enterprise_sso`, and `saml`, the name older SDKs send for the same strategy. */
export function isEnterpriseStrategy(strategy: string | undefined): boolean {
  return strategy === ENTERPRISE_SSO || strategy === 'saml';
}

function normalize(settings: EnterpriseConnectionSettings, taken: Set<string>): EnterpriseConnection {
  const domain = settings.domain.trim().toLowerCase();
  // Several connections may share a domain: the second one of `acme.test` is `ent_acme_test_2`, and so on.
  const base = `ent_${domain.replace(/[^a-z0-9]+/g, '_')}`;
  let id = settings.id ?? base;
  for (let n = 2; !settings.id && taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return { id, domain, protocol: settings.protocol, name: settings.name };
}

export function enterpriseConnections(core: EmulatorCore): EnterpriseConnection[] {
  const taken = new Set<string>();
  return core.settings.enterpriseConnections.map((c) => normalize(c, taken));
}

/** Every connection that owns the email's domain (exact match, as FAPI's verified domains), in settings order. */
export function connectionsForEmail(core: EmulatorCore, email: string | null | undefined): EnterpriseConnection[] {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return [];
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return enterpriseConnections(core).filter((c) => c.domain === domain);
}

/** The first connection of the email's domain (whether the domain has any). */
export function connectionForEmail(core: EmulatorCore, email: string | null | undefined): EnterpriseConnection | undefined {
  return connectionsForEmail(core, email)[0];
}

/**
 * The connection an `enterprise_sso` request goes through: the `enterprise_connection_id` given when it
 * serves the email's domain, else the domain's only one. Several and none chosen: the id is required.
 */
export function chosenConnection(core: EmulatorCore, email: string | null | undefined, requestedId: string | undefined): EnterpriseConnection {
  const connections = connectionsForEmail(core, email);
  const connection = requestedId ? connections.find((c) => c.id === requestedId) : connections.length === 1 ? connections[0] : undefined;
  if (connection) return connection;
  if (connections.length > 1 && !requestedId) {
    // FAPI's code for it (ClerkJS's <SignUp/> answers it with its connection chooser).
    throw fapiError(
      400,
      'enterprise_connection_id_is_required_with_multiple_connections',
      'enterprise connection required',
      `Several enterprise SSO connections serve "${email ?? ''}": choose one (enterprise_connection_id).`,
      { param_name: 'enterprise_connection_id' },
    );
  }
  throw formError('strategy_for_user_invalid', 'strategy', 'No enterprise connection', `No enterprise SSO connection serves "${email ?? ''}".`);
}

export function connectionById(core: EmulatorCore, id: string): EnterpriseConnection | undefined {
  return enterpriseConnections(core).find((c) => c.id === id);
}

/** FAPI's `enterprise_sso` factor object. */
export function enterpriseFactor(connection: EnterpriseConnection, identifier: string) {
  return {
    strategy: ENTERPRISE_SSO,
    safe_identifier: identifier,
    enterprise_connection_id: connection.id,
    enterprise_connection_name: connection.name,
  };
}
