/** In-memory state of one emulated instance, and the lookups handlers need over it. */
import { newId } from './ids.js';
import { looksLikePhone, normalizePhone } from './identifiers.js';
import { isEthereumAddress, isSolanaAddress, normalizeWeb3Address } from './web3.js';
import type {
  ClientRecord,
  DomainRecord,
  InvitationRecord,
  LinkTarget,
  MembershipRecord,
  MembershipRequestRecord,
  OAuthFlowRecord,
  OrganizationRecord,
  SessionRecord,
  SessionVerificationRecord,
  SignInRecord,
  SignUpRecord,
  SuggestionRecord,
  TrustedDeviceChallengeRecord,
  UserRecord,
  WaitlistEntryRecord,
} from './records.js';

export class Store {
  users = new Map<string, UserRecord>();
  clients = new Map<string, ClientRecord>();
  sessions = new Map<string, SessionRecord>();
  signIns = new Map<string, SignInRecord>();
  signUps = new Map<string, SignUpRecord>();
  organizations = new Map<string, OrganizationRecord>();
  memberships = new Map<string, MembershipRecord>();
  invitations = new Map<string, InvitationRecord>();
  domains = new Map<string, DomainRecord>();
  suggestions = new Map<string, SuggestionRecord>();
  membershipRequests = new Map<string, MembershipRequestRecord>();
  /** Dev-browser token → client id. */
  devBrowsers = new Map<string, string>();
  /** `__client` cookie value → client id (production instances). */
  clientCookies = new Map<string, string>();
  links = new Map<string, LinkTarget>();
  /** OAuth `state` → flow. */
  oauthFlows = new Map<string, OAuthFlowRecord>();
  waitlist = new Map<string, WaitlistEntryRecord>();
  /** Session id → its reverification in progress. */
  sessionVerifications = new Map<string, SessionVerificationRecord>();
  /** Challenge id → a biometric credential enrollment waiting for its signed challenge. */
  trustedDeviceChallenges = new Map<string, TrustedDeviceChallengeRecord>();

  clear(): void {
    for (const map of [
      this.users,
      this.clients,
      this.sessions,
      this.signIns,
      this.signUps,
      this.organizations,
      this.memberships,
      this.invitations,
      this.domains,
      this.suggestions,
      this.membershipRequests,
      this.devBrowsers,
      this.clientCookies,
      this.links,
      this.oauthFlows,
      this.waitlist,
      this.sessionVerifications,
      this.trustedDeviceChallenges,
    ]) {
      map.clear();
    }
  }

  createClient(now: number): ClientRecord {
    const client: ClientRecord = {
      id: newId('client'),
      sessionIds: [],
      signInId: null,
      signUpId: null,
      lastActiveSessionId: null,
      lastAuthenticationStrategy: null,
      createdAt: now,
      updatedAt: now,
    };
    this.clients.set(client.id, client);
    return client;
  }

  clientSessions(client: ClientRecord): SessionRecord[] {
    return client.sessionIds.map((id) => this.sessions.get(id)).filter((s): s is SessionRecord => Boolean(s));
  }

  activeSessions(client: ClientRecord): SessionRecord[] {
    return this.clientSessions(client).filter((s) => s.status === 'active' || s.status === 'pending');
  }

  userSessions(userId: string): SessionRecord[] {
    return [...this.sessions.values()].filter((s) => s.userId === userId);
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.emailAddresses.some((e) => e.emailAddress.toLowerCase() === wanted));
  }

  findUserByPhone(phone: string): UserRecord | undefined {
    const wanted = normalizePhone(phone);
    return [...this.users.values()].find((u) => u.phoneNumbers.some((p) => normalizePhone(p.phoneNumber) === wanted));
  }

  findUserByUsername(username: string): UserRecord | undefined {
    const wanted = username.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.username?.toLowerCase() === wanted);
  }

  findUserByExternalAccount(provider: string, providerUserId: string): UserRecord | undefined {
    return [...this.users.values()].find((u) =>
      u.externalAccounts.some((a) => a.profile?.provider === provider && a.profile.providerUserId === providerUserId && a.verification.status === 'verified'),
    );
  }

  findUserByWeb3Wallet(address: string): UserRecord | undefined {
    const wanted = normalizeWeb3Address(address);
    return [...this.users.values()].find((u) => u.web3Wallets.some((w) => w.web3Wallet === wanted && w.verification?.status === 'verified'));
  }

  /** Finds a user by email, web3 wallet, phone or username, in that order. */
  findUserByIdentifier(identifier: string): UserRecord | undefined {
    if (identifier.includes('@')) return this.findUserByEmail(identifier);
    if (isEthereumAddress(identifier)) return this.findUserByWeb3Wallet(identifier);
    // A base58 Solana address could also be a username: the wallet first.
    const wallet = isSolanaAddress(identifier) ? this.findUserByWeb3Wallet(identifier) : undefined;
    return wallet ?? this.findUserByUsername(identifier) ?? (looksLikePhone(identifier) ? this.findUserByPhone(identifier) : undefined);
  }

  userMemberships(userId: string): MembershipRecord[] {
    return [...this.memberships.values()].filter((m) => m.userId === userId).sort((a, b) => b.createdAt - a.createdAt);
  }

  organizationMembers(organizationId: string): MembershipRecord[] {
    return [...this.memberships.values()].filter((m) => m.organizationId === organizationId);
  }

  /** Marks pending invitations past their lifetime `expired` (called before invitations are read or used). */
  expireInvitations(now: number): void {
    for (const invitation of this.invitations.values()) {
      if (invitation.status === 'pending' && now >= invitation.expiresAt) {
        invitation.status = 'expired';
        invitation.updatedAt = invitation.expiresAt;
      }
    }
  }

  organizationInvitations(organizationId: string): InvitationRecord[] {
    return [...this.invitations.values()].filter((i) => i.organizationId === organizationId).sort((a, b) => b.createdAt - a.createdAt);
  }

  organizationDomains(organizationId: string): DomainRecord[] {
    return [...this.domains.values()].filter((d) => d.organizationId === organizationId);
  }

  /** Drops an organization and everything hanging off it. */
  /** Tickets of invitations whose organization was deleted (refused as such, not as unknown; kept in memory only). */
  readonly ticketsOfDeletedOrganizations = new Set<string>();

  deleteOrganization(organizationId: string): void {
    for (const invitation of this.invitations.values()) {
      if (invitation.organizationId === organizationId && invitation.status === 'pending') this.ticketsOfDeletedOrganizations.add(invitation.ticket);
    }
    for (const map of [this.memberships, this.invitations, this.domains, this.suggestions, this.membershipRequests]) {
      for (const [id, record] of map) if (record.organizationId === organizationId) map.delete(id);
    }
    this.organizations.delete(organizationId);
  }

  deleteUser(userId: string): void {
    this.users.delete(userId);
    for (const [id, challenge] of this.trustedDeviceChallenges) if (challenge.userId === userId) this.trustedDeviceChallenges.delete(id);
    for (const membership of this.userMemberships(userId)) this.memberships.delete(membership.id);
  }
}
