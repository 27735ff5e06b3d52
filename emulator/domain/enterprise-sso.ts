/**
 * Enterprise SSO (SAML / OIDC connections keyed by email domain): which connection an email belongs
 * to, and the `enterprise_sso` first factor FAPI offers for it. The fake identity provider's page
 * itself reuses the fake OAuth provider's flow records (strategy `enterprise_sso`).
 */
import type { EmulatorCore } from './core.js';
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

function normalize(settings: EnterpriseConnectionSettings): EnterpriseConnection {
  const domain = settings.domain.trim().toLowerCase();
  return { id: settings.id ?? `ent_${domain.replace(/[^a-z0-9]+/g, '_')}`, domain, protocol: settings.protocol, name: settings.name };
}

export function enterpriseConnections(core: EmulatorCore): EnterpriseConnection[] {
  return core.settings.enterpriseConnections.map(normalize);
}

/** The connection that owns the email's domain (exact match, as FAPI's verified domains). */
export function connectionForEmail(core: EmulatorCore, email: string | null | undefined): EnterpriseConnection | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return enterpriseConnections(core).find((c) => c.domain === domain);
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
