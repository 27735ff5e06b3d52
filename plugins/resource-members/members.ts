/**
 * ClerkJS's resource members that custom flows call and the kernel leaves out (`client.create()`,
 * `session.reload()`, `user.isPrimaryIdentification()`, `signUp.upsert()`, `externalAccount.providerTitle()`…),
 * installed on the kernel's classes by the resource-members plugin. The synchronous ones are one-liners
 * here; the rest load their bodies (bodies.ts) on the first call, so an app pays for a name only until
 * it uses it. The interfaces merge into the kernel classes wherever this module's types are visible.
 */
import {
  Client,
  defineLazyMethods,
  defineMethod,
  EmailAddress,
  Environment,
  ExternalAccount,
  PhoneNumber,
  Session,
  SignIn,
  SignUp,
  User,
  type ResourceContext,
  type SignUpParams,
  type UserWeb3Wallet,
} from '../../kernel/index.js';

/** ClerkJS's password complexity result: each failed rule of the instance's settings is `true`. */
export interface ComplexityErrors {
  min_length?: boolean;
  max_length?: boolean;
  require_numbers?: boolean;
  require_lowercase?: boolean;
  require_uppercase?: boolean;
  require_special_char?: boolean;
}
export interface PasswordValidation {
  complexity?: ComplexityErrors;
}
export interface ValidatePasswordCallbacks {
  onValidation?: (result: PasswordValidation) => void;
  onValidationComplexity?: (valid: boolean) => void;
}

/** An enterprise SSO connection of the user's email domains (`GET /me/enterprise_connections`). */
export interface EnterpriseConnection {
  id: string;
  name: string;
  active: boolean;
  provider: string;
  logoPublicUrl: string | null;
  domains: string[];
  organizationId: string | null;
  syncUserAttributes: boolean;
  disableAdditionalIdentifications: boolean;
  allowOrganizationAccountLinking: boolean;
  createdAt: Date;
  updatedAt: Date;
  [key: string]: unknown;
}

/** A session's actor when an agent created it (`actor.type === 'agent'`). */
export interface AgentActClaim {
  sub: string;
  type: 'agent';
  [key: string]: unknown;
}

export interface ClientMembers {
  /** `PUT /client`: a client (and its cookie) for this browser; resolves with this client. */
  create(): Promise<this>;
  /** Forgets every session's cached tokens. */
  clearCache(): void;
  /** Drops the sign-in in progress locally (no request). */
  resetSignIn(): void;
  resetSignUp(): void;
  /** True when the client cookie expires within 8 days (Safari caps cookies set by fetch at 7). */
  isEligibleForTouch(): boolean;
  /** `…/v1/client/touch?redirect_url=`: a page navigation there renews the cookie and comes back. */
  buildTouchUrl(params: { redirectUrl: URL }): string;
}

export interface SessionMembers {
  /** `GET /client/sessions/:id`, applied to this session. */
  reload(): Promise<this>;
  /** The actor when it is an agent, else null. */
  readonly agent: AgentActClaim | null;
}

export interface UserMembers {
  /** Whether the email address, phone number or web3 wallet is the user's primary one of its kind. */
  isPrimaryIdentification(identification: EmailAddress | PhoneNumber | UserWeb3Wallet): boolean;
  readonly verifiedExternalAccounts: ExternalAccount[];
  readonly unverifiedExternalAccounts: ExternalAccount[];
  /** The user's IANA time zone, as the sign-up sent it; null when unknown. */
  timezone: string | null;
  getEnterpriseConnections(params?: { withOrganizationAccountLinking?: boolean }): Promise<EnterpriseConnection[]>;
  readonly primaryWeb3Wallet: UserWeb3Wallet | null;
  readonly verifiedWeb3Wallets: UserWeb3Wallet[];
  /** When the user accepted the legal terms at sign-up; null if never asked. */
  legalAcceptedAt: Date | null;
  /** How many organizations the user may create; null = the instance's limit. */
  createOrganizationsLimit: number | null;
}

export interface PasswordMembers {
  /**
   * Checks `password` against the instance's complexity rules and reports through the callbacks
   * (ClerkJS's shape; strength scoring with zxcvbn is not included). Nothing is sent to FAPI.
   */
  validatePassword(password: string, callbacks?: ValidatePasswordCallbacks): void;
  /** IANA time zone sent with the attempt's creation; null when unknown. */
  timezone: string | null;
}

export interface SignUpMembers extends PasswordMembers {
  /** `update()` when the sign-up exists, else `create()`. */
  upsert(params: SignUpParams): Promise<this>;
  locale: string | null;
}

export interface IdentificationMembers {
  /** `POST /me/email_addresses` (or phone numbers) with this object's value; resolves with it, created. */
  create(): Promise<this>;
}

export interface EmailAddressMembers extends IdentificationMembers {
  /** Whether the address's domain belongs to an enterprise SSO connection. */
  matchesSsoConnection: boolean;
}

export interface ExternalAccountMembers {
  reload(): Promise<this>;
  /** The provider without `oauth_`, e.g. `google`. */
  providerSlug(): string;
  /** e.g. `Google Account`. */
  providerTitle(): string;
  /** The username, else the email address, else the label. */
  accountIdentifier(): string;
  identificationId: string;
  providerUserId: string;
  firstName: string;
  lastName: string;
  imageUrl: string;
  phoneNumber: string;
  publicMetadata: Record<string, unknown>;
  label: string;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- interface merging into the kernel classes */
declare module '../../kernel/resources/client.js' {
  interface Client extends ClientMembers {}
}
declare module '../../kernel/resources/session.js' {
  interface Session extends SessionMembers {}
}
declare module '../../kernel/resources/user.js' {
  interface User extends UserMembers {}
  interface ExternalAccount extends ExternalAccountMembers {}
}
declare module '../../kernel/resources/sign-in.js' {
  interface SignIn extends PasswordMembers {}
}
declare module '../../kernel/resources/sign-up.js' {
  interface SignUp extends SignUpMembers {}
}
declare module '../../kernel/resources/email-address.js' {
  interface EmailAddress extends EmailAddressMembers {}
}
declare module '../../kernel/resources/phone-number.js' {
  interface PhoneNumber extends IdentificationMembers {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** Each instance's environment, by its resource context, for the bodies that read settings. */
export const environments = new WeakMap<ResourceContext, () => Environment | undefined>();

const ctxOf = (resource: object) => (resource as { _ctx: ResourceContext })._ctx;
type Bodies = typeof import('./bodies.js');

/** Synchronous members, by class: these are in the initial bundle, so each stays a one-liner. */
const client: Pick<ClientMembers, 'clearCache' | 'resetSignIn' | 'resetSignUp' | 'isEligibleForTouch' | 'buildTouchUrl'> & ThisType<Client> = {
  clearCache() {
    ctxOf(this).tokens.clear();
  },
  resetSignIn() {
    this.signIn = new SignIn(ctxOf(this));
  },
  resetSignUp() {
    this.signUp = new SignUp(ctxOf(this));
  },
  isEligibleForTouch() {
    // 8 days, as ClerkJS: Safari caps the lifetime of a cookie set by fetch at 7.
    return +(this.cookieExpiresAt ?? Infinity) - Date.now() <= 6912e5;
  },
  buildTouchUrl({ redirectUrl }) {
    return `${ctxOf(this).fapi.baseUrl}/v1/client/touch?redirect_url=${encodeURIComponent(String(redirectUrl))}`;
  },
};
const user: Pick<UserMembers, 'isPrimaryIdentification'> & ThisType<User> = {
  isPrimaryIdentification(ident) {
    // Identification ids are unique across kinds, so one comparison per kind's primary id.
    return [this.primaryEmailAddressId, this.primaryPhoneNumberId, this.primaryWeb3WalletId].includes(ident?.id);
  },
};
const externalAccount: Pick<ExternalAccountMembers, 'providerSlug' | 'providerTitle' | 'accountIdentifier'> & ThisType<ExternalAccount> = {
  providerSlug() {
    return this.provider.replace('oauth_', '');
  },
  providerTitle() {
    const slug = this.providerSlug();
    return `${slug[0]?.toUpperCase() ?? ''}${slug.slice(1)} Account`;
  },
  accountIdentifier() {
    return this.username || this.emailAddress || this.label;
  },
};
const externalAccounts = (verified: boolean) =>
  function (this: User) {
    return this.externalAccounts.filter((a) => (a.verification?.status === 'verified') === verified);
  };
const getters: Array<[object, string, (this: any) => unknown]> = [
  [
    Session.prototype,
    'agent',
    function (this: Session) {
      return this.actor?.type === 'agent' ? this.actor : null;
    },
  ],
  [User.prototype, 'verifiedExternalAccounts', externalAccounts(true)],
  [User.prototype, 'unverifiedExternalAccounts', externalAccounts(false)],
  [
    User.prototype,
    'primaryWeb3Wallet',
    function (this: User) {
      return this.web3Wallets.find((w) => w.id === this.primaryWeb3WalletId) ?? null;
    },
  ],
  [
    User.prototype,
    'verifiedWeb3Wallets',
    function (this: User) {
      return this.web3Wallets.filter((w) => w.verification?.status === 'verified');
    },
  ],
];

/** Puts the members on the kernel classes once (every instance shares the classes). */
export function installResourceMembers(): void {
  for (const [proto, members] of [
    [Client.prototype, client],
    [User.prototype, user],
    [ExternalAccount.prototype, externalAccount],
  ] as const) {
    for (const name in members) defineMethod(proto, name, members[name as keyof typeof members]);
  }
  for (const [proto, name, get] of getters) if (!(name in proto)) Object.defineProperty(proto, name, { get, configurable: true });
  // The rest talk to FAPI (or read settings): their bodies load on the first call.
  for (const [proto, names, group] of [
    [Client.prototype, 'create', 'client'],
    [Session.prototype, 'reload', 'session'],
    [User.prototype, 'getEnterpriseConnections', 'user'],
    [SignIn.prototype, 'validatePassword', 'password'],
    [SignUp.prototype, 'validatePassword upsert', 'signUp'],
    [EmailAddress.prototype, 'create', 'identification'],
    [PhoneNumber.prototype, 'create', 'identification'],
    [ExternalAccount.prototype, 'reload', 'externalAccount'],
  ] as const) {
    defineLazyMethods(proto, names, () => import('./bodies.js').then((m: Bodies) => (m.useEnvironments(environments), m[group] as never)));
  }
}
