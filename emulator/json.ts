/** Model → FAPI JSON (snake_case, epoch-ms timestamps), as ClerkJS resources read it. */
import { rolePermissions, type EmulatorCore } from './core.js';
import { signInJson, signUpJson } from './json-auth.js';
import type {
  ClientRecord,
  EmailAddressRecord,
  ExternalAccountRecord,
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  PhoneNumberRecord,
  SessionRecord,
  UserRecord,
  VerificationRecord,
} from './store.js';

type Json = Record<string, unknown>;

/** What serialization needs besides the model: the core and the request's Origin (for `azp`). */
export interface JsonView {
  core: EmulatorCore;
  origin: string | null;
}

export function verificationJson(verification: VerificationRecord | null): Json | null {
  if (!verification) return null;
  return {
    object: 'verification',
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expireAt,
    verified_at_client: verification.verifiedAtClient,
    channel: verification.channel ?? undefined,
    external_verification_redirect_url: verification.externalRedirectUrl,
    error: verification.error,
  };
}

export function emailAddressJson(email: EmailAddressRecord): Json {
  return {
    object: 'email_address',
    id: email.id,
    email_address: email.emailAddress,
    reserved: false,
    verification: verificationJson(email.verification),
    linked_to: (email.linkedTo ?? []).map((l) => ({ id: l.id, type: l.type })),
    matches_sso_connection: false,
    created_at: email.createdAt,
    updated_at: email.updatedAt,
  };
}

export function phoneNumberJson(phone: PhoneNumberRecord): Json {
  return {
    object: 'phone_number',
    id: phone.id,
    phone_number: phone.phoneNumber,
    reserved: false,
    reserved_for_second_factor: phone.reservedForSecondFactor,
    default_second_factor: phone.defaultSecondFactor,
    verification: verificationJson(phone.verification),
    linked_to: [],
    backup_codes: null,
    created_at: phone.createdAt,
    updated_at: phone.updatedAt,
  };
}

export function externalAccountJson(account: ExternalAccountRecord): Json {
  const profile = account.profile;
  return {
    object: 'external_account',
    id: account.id,
    identification_id: account.identificationId,
    provider: account.strategy.replace(/^oauth_/, ''),
    provider_user_id: profile?.providerUserId ?? '',
    approved_scopes: profile?.approvedScopes ?? '',
    email_address: profile?.emailAddress ?? '',
    first_name: profile?.firstName ?? '',
    last_name: profile?.lastName ?? '',
    image_url: profile?.imageUrl ?? '',
    username: profile?.username ?? null,
    phone_number: null,
    public_metadata: account.publicMetadata,
    label: account.label,
    verification: verificationJson(account.verification),
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

/** An SVG avatar with initials, so users without an image still get a usable `image_url`. */
export function initialsAvatar(first: string | null, last: string | null, fallback: string): string {
  const initials = ((first?.[0] ?? '') + (last?.[0] ?? '') || fallback[0] || '?').toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#6c47ff"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials.replace(/[<&>]/g, '')}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function userIdentifier(user: UserRecord): string {
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId) ?? user.emailAddresses[0];
  const phone = user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId) ?? user.phoneNumbers[0];
  return email?.emailAddress ?? user.username ?? phone?.phoneNumber ?? '';
}

export function userImageUrl(user: UserRecord): string {
  return user.imageDataUrl ?? initialsAvatar(user.firstName, user.lastName, userIdentifier(user));
}

export function publicUserDataJson(user: UserRecord): Json {
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(user),
    has_image: user.imageDataUrl !== null,
    identifier: userIdentifier(user),
    user_id: user.id,
    username: user.username,
  };
}

export function organizationJson(view: JsonView, organization: OrganizationRecord): Json {
  const members = view.core.store.organizationMembers(organization.id);
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: organization.imageDataUrl ?? initialsAvatar(organization.name, null, organization.name),
    has_image: organization.imageDataUrl !== null,
    public_metadata: organization.publicMetadata,
    members_count: members.length,
    pending_invitations_count: view.core.store.organizationInvitations(organization.id).filter((i) => i.status === 'pending').length,
    max_allowed_memberships: organization.maxAllowedMemberships,
    admin_delete_enabled: true,
    created_at: organization.createdAt,
    updated_at: organization.updatedAt,
  };
}

export function membershipJson(view: JsonView, membership: MembershipRecord): Json {
  const organization = view.core.store.organizations.get(membership.organizationId);
  const user = view.core.store.users.get(membership.userId);
  return {
    object: 'organization_membership',
    id: membership.id,
    organization: organization ? organizationJson(view, organization) : null,
    role: membership.role,
    role_name: membership.role === 'org:admin' ? 'Admin' : 'Member',
    permissions: rolePermissions(membership.role),
    public_metadata: {},
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}

function roleName(role: string): string {
  return role === 'org:admin' ? 'Admin' : 'Member';
}

/** An invitation as the organization's admins see it. */
export function invitationJson(invitation: InvitationRecord): Json {
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.emailAddress,
    organization_id: invitation.organizationId,
    public_metadata: {},
    role: invitation.role,
    role_name: roleName(invitation.role),
    status: invitation.status,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

/** An invitation as its invitee sees it (`/me/organization_invitations`). */
export function userInvitationJson(view: JsonView, invitation: InvitationRecord): Json {
  const organization = view.core.store.organizations.get(invitation.organizationId);
  return {
    ...invitationJson(invitation),
    organization_id: undefined,
    public_organization_data: organization
      ? {
          id: organization.id,
          name: organization.name,
          slug: organization.slug,
          has_image: organization.imageDataUrl !== null,
          image_url: organization.imageDataUrl ?? initialsAvatar(organization.name, null, organization.name),
        }
      : null,
  };
}

export function userJson(view: JsonView, user: UserRecord): Json {
  const settings = view.core.settings;
  return {
    object: 'user',
    id: user.id,
    external_id: user.externalId,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(user),
    has_image: user.imageDataUrl !== null,
    profile_image_id: user.profileImageId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    email_addresses: user.emailAddresses.map(emailAddressJson),
    phone_numbers: user.phoneNumbers.map(phoneNumberJson),
    web3_wallets: [],
    external_accounts: user.externalAccounts.map(externalAccountJson),
    enterprise_accounts: [],
    passkeys: [],
    saml_accounts: [],
    organization_memberships: settings.organizations
      ? view.core.store.userMemberships(user.id).map((m) => membershipJson(view, m))
      : [],
    password_enabled: user.password !== null,
    totp_enabled: Boolean(user.totp?.verified),
    backup_code_enabled: user.backupCodes.length > 0,
    two_factor_enabled: view.core.twoFactorEnabled(user),
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    last_sign_in_at: user.lastSignInAt,
    legal_accepted_at: user.legalAcceptedAt,
    create_organization_enabled: settings.organizations,
    create_organizations_limit: null,
    delete_self_enabled: true,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function factorVerificationAge(view: JsonView, session: SessionRecord): [number, number] {
  const now = view.core.now();
  const minutes = (ms: number | null) => (ms === null ? -1 : Math.floor((now - ms) / 60_000));
  return [minutes(session.firstFactorVerifiedAt), minutes(session.secondFactorVerifiedAt)];
}

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
    last_active_token:
      signedIn && user ? { object: 'token', jwt: core.mintSessionToken(session, { origin: view.origin }) } : null,
    actor: null,
    tasks: null,
    factor_verification_age: factorVerificationAge(view, session),
    user: user ? userJson(view, user) : null,
    public_user_data: user ? publicUserDataJson(user) : null,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

/** Parses a User-Agent well enough for the "active devices" list. */
function describeUserAgent(userAgent: string | null): { browser_name: string; browser_version: string; device_type: string; is_mobile: boolean } {
  const ua = userAgent ?? '';
  const browser =
    /Edg\/([\d.]+)/.exec(ua) ? ['Edge', /Edg\/([\d.]+)/.exec(ua)![1]] :
    /Chrome\/([\d.]+)/.exec(ua) ? ['Chrome', /Chrome\/([\d.]+)/.exec(ua)![1]] :
    /Firefox\/([\d.]+)/.exec(ua) ? ['Firefox', /Firefox\/([\d.]+)/.exec(ua)![1]] :
    /Version\/([\d.]+).*Safari/.exec(ua) ? ['Safari', /Version\/([\d.]+)/.exec(ua)![1]] :
    ['Unknown', ''];
  const isMobile = /Mobile|Android|iPhone|iPad/.test(ua);
  const device = /iPhone/.test(ua) ? 'iPhone' : /iPad/.test(ua) ? 'iPad' : /Android/.test(ua) ? 'Android' : /Macintosh/.test(ua) ? 'Macintosh' : /Windows/.test(ua) ? 'Windows' : 'Unknown';
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

export function clientJson(view: JsonView, client: ClientRecord): Json {
  const { core } = view;
  const signIn = client.signInId ? core.store.signIns.get(client.signInId) : undefined;
  const signUp = client.signUpId ? core.store.signUps.get(client.signUpId) : undefined;
  return {
    object: 'client',
    id: client.id,
    sessions: core.activeSessions(client).map((s) => sessionJson(view, s)),
    sign_in: signIn ? signInJson(view, signIn.id) : null,
    sign_up: signUp ? signUpJson(view, signUp.id) : null,
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: client.lastAuthenticationStrategy,
    cookie_expires_at: core.now() + 365 * 24 * 60 * 60 * 1000,
    captcha_bypass: false,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
