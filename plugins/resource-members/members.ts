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
  Organization,
  OrganizationMembership,
  PhoneNumber,
  Session,
  SignIn,
  SignUp,
  Token,
  User,
  Verification,
  type JSONObject,
  type ResourceContext,
  type SignUpParams,
  type OAuthProviderName,
  type UserWeb3Wallet,
} from '../../kernel/index.js';
import { camelToSnake } from '../../kernel/case.js';
import type * as Snapshots from './snapshots.js';

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

/** An enterprise connection's OIDC settings (camelCase of FAPI's `oauth_config`). */
export interface EnterpriseOAuthConfig {
  id: string;
  name: string;
  clientId: string;
  providerKey?: string;
  redirectUri?: string;
  discoveryUrl?: string;
  authUrl?: string;
  tokenUrl?: string;
  userInfoUrl?: string;
  logoPublicUrl?: string | null;
  requiresPkce?: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** An enterprise connection's SAML settings: camelCase keys of FAPI's `saml_connection`, epoch numbers kept as ClerkJS keeps them. */
export interface EnterpriseSamlConnection {
  id: string;
  name: string;
  active: boolean;
  idpEntityId: string;
  idpSsoUrl: string;
  idpCertificate: string;
  idpCertificateIssuedAt: number;
  idpCertificateExpiresAt: number;
  idpCertificates: Array<{ certificate: string; issuedAt: number | null; expiresAt: number | null }>;
  idpMetadataUrl: string;
  idpMetadata: string;
  acsUrl: string;
  spEntityId: string;
  spMetadataUrl: string;
  allowSubdomains: boolean;
  allowIdpInitiated: boolean;
  forceAuthn: boolean;
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
  /** As FAPI sends them. */
  customAttributes: unknown[];
  oauthConfig: EnterpriseOAuthConfig | null;
  samlConnection: EnterpriseSamlConnection | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** `/me/enterprise_connections`; there is no endpoint for one connection, so `reload()` rejects (`no_endpoint`). */
  readonly pathRoot: string;
  reload(): Promise<this>;
  /** FAPI's JSON of the connection, as it arrived. */
  __internal_toSnapshot(): Snapshots.EnterpriseConnectionSnapshot;
  [key: string]: unknown;
}

/** The key pair algorithm of a biometric credential (trusted device): ECDSA P-256 with SHA-256. */
export type TrustedDeviceAlgorithm = 'ES256';
export type BiometricCredentialPlatform = 'ios' | 'android';
/** A P-256 public key as a JWK (`x`, `y` base64url of 32 bytes each). */
export interface BiometricCredentialPublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** What `__experimental_prepareBiometricCredential` enrolls: the native app and the device's public key. */
export interface PrepareBiometricCredentialParams {
  platform: BiometricCredentialPlatform;
  /** The iOS bundle identifier or Android package name. */
  appIdentifier: string;
  name?: string;
  algorithm: TrustedDeviceAlgorithm;
  /** The JWK, or its JSON text (sent as that text). */
  publicKeyJwk: BiometricCredentialPublicKeyJwk | string;
}

/** The prepare params again, with the challenge's `clientData` and the device's signature of it. */
export interface AttemptBiometricCredentialParams extends PrepareBiometricCredentialParams {
  /** Exactly the `clientData` string of the prepared challenge. */
  clientData: string;
  /** base64url of the raw ES256 signature (r‖s, 64 bytes) of `clientData`. */
  signature: string;
}

/** The challenge FAPI issues for an enrollment: the device signs `clientData` with its private key. */
export interface TrustedDeviceChallenge {
  challenge: string;
  challengeId: string;
  /** The trusted device the challenge is for: null for an enrollment (FAPI sends it for sign-in and reverification). */
  trustedDeviceId: string | null;
  /** The exact text to sign. */
  clientData: string;
  /** From FAPI's epoch seconds; null when FAPI sends none. */
  expiresAt: Date | null;
  algorithm: TrustedDeviceAlgorithm;
}

/** A biometric credential (trusted device) the user enrolled from a native app (`/me/biometric_credentials`). */
export interface BiometricCredential {
  id: string;
  platform: BiometricCredentialPlatform;
  appIdentifier: string;
  name: string | null;
  algorithm: TrustedDeviceAlgorithm;
  status: 'active' | 'revoked';
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** `/me/biometric_credentials`. */
  readonly pathRoot: string;
  /** Lists the user's credentials again and takes this one's data; rejects (`resource_not_found`) when FAPI no longer lists it. */
  reload(): Promise<this>;
  /** FAPI's JSON of the credential (`object: 'trusted_device'`, dates as epoch ms). */
  __internal_toSnapshot(): Snapshots.BiometricCredentialSnapshot;
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
  /** `POST /client/verify` with the CAPTCHA widget's answer (`params` as the widget gives them); resolves with this client. */
  __internal_sendCaptchaToken(params: unknown): Promise<this>;
  /** Whether FAPI skips the CAPTCHA for this client (a testing client); false unless FAPI says so. */
  captchaBypass: boolean;
}

export interface SessionMembers {
  /** `GET /client/sessions/:id`, applied to this session. */
  reload(): Promise<this>;
  /** The actor when it is an agent, else null. */
  readonly agent: AgentActClaim | null;
  /**
   * ClerkJS's touch on focus: `POST …/touch` with `intent`; resolves with the client the answer carries
   * (the kernel has applied it), or undefined when it carries none.
   */
  __internal_touch(params?: { intent?: 'focus' | 'select_session' | 'select_org' }): Promise<Client | undefined>;
}

export interface UserMembers {
  /** Whether the email address, phone number or web3 wallet is the user's primary one of its kind. */
  isPrimaryIdentification(identification: { id?: string }): boolean;
  readonly verifiedExternalAccounts: ExternalAccount[];
  readonly unverifiedExternalAccounts: ExternalAccount[];
  /** The user's IANA time zone, as the sign-up sent it; null when unknown. */
  timezone: string | null;
  getEnterpriseConnections(params?: { withOrganizationAccountLinking?: boolean }): Promise<EnterpriseConnection[]>;
  /** `GET /me/biometric_credentials`: the user's biometric credentials, revoked ones included. */
  __experimental_getBiometricCredentials(): Promise<BiometricCredential[]>;
  /**
   * `POST /me/biometric_credentials/prepare`: starts enrolling the device's key; resolves with the challenge
   * to sign. Needs a recently verified session (else FAPI's `session_reverification_required`).
   */
  __experimental_prepareBiometricCredential(params: PrepareBiometricCredentialParams): Promise<TrustedDeviceChallenge>;
  /** `POST /me/biometric_credentials/attempt`: completes the enrollment with the signed `clientData`; resolves with the new credential. */
  __experimental_attemptBiometricCredential(params: AttemptBiometricCredentialParams): Promise<BiometricCredential>;
  /** `DELETE /me/biometric_credentials/:id`: revokes it; resolves with it, revoked. Needs a recently verified session. */
  __experimental_revokeBiometricCredential(biometricCredentialId: string): Promise<BiometricCredential>;
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

export interface SignInMembers extends PasswordMembers {
  /** Whether this browser is known to the user (client trust); FAPI sends it when the instance checks devices. */
  clientTrustState?: 'new' | 'known' | 'pending';
}

export interface SignUpMembers extends PasswordMembers {
  /** `update()` when the sign-up exists, else `create()`. */
  upsert(params: SignUpParams): Promise<this>;
  locale: string | null;
  /** The web3 wallet address being signed up with; null when none. */
  web3Wallet: string | null;
  /** ClerkJS's spelling of `web3Wallet`. */
  readonly web3wallet: string | null;
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
  /** The provider without `oauth_`, e.g. `google` (as `provider`). */
  providerSlug(): OAuthProviderName;
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

/** ClerkJS's resource plumbing every resource has: its FAPI path and its snake_case JSON. */
export interface ResourceInternals<Snapshot> {
  /** The FAPI path of the resource's kind, as ClerkJS names it (`/client`, `/me`, `/me/email_addresses`…). */
  readonly pathRoot: string;
  /**
   * The resource as FAPI's snake_case JSON (dates as epoch ms), children included: what ClerkJS keeps
   * for a later start; `new X(ctx, snapshot)` (or `fromJSON`) rebuilds the same data.
   */
  __internal_toSnapshot(): Snapshot;
}

export interface VerificationMembers extends ResourceInternals<Snapshots.VerificationSnapshot> {
  /** Whether this browser's client completed the verification (e.g. the email link was opened here). */
  verifiedFromTheSameClient(): boolean;
  /** A verification has no endpoint of its own: rejects (`no_endpoint`); reload the resource it belongs to. */
  reload(): Promise<this>;
}

export interface IdentificationLinkMembers extends ResourceInternals<Snapshots.IdentificationLinkSnapshot> {
  /** A link has no endpoint of its own: rejects (`no_endpoint`). */
  reload(): Promise<this>;
}

/** ClerkJS's plumbing on FAPI data with no endpoint of its own (a TOTP, backup codes, the profile image, a device session). */
export interface DataResourceMembers {
  /** The FAPI path of its kind, as ClerkJS names it. */
  readonly pathRoot: string;
  /** No endpoint to reload it from: rejects (`no_endpoint`); call the method that gave it again. */
  reload(): Promise<this>;
}

export interface TokenMembers extends ResourceInternals<Snapshots.TokenSnapshot> {
  readonly id?: string;
  /** A token has no endpoint of its own: rejects (`no_endpoint`); `session.getToken()` fetches a new one. */
  reload(): Promise<this>;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- interface merging into the kernel classes */
declare module '../../kernel/resources/client.js' {
  interface Client extends ClientMembers, ResourceInternals<Snapshots.ClientSnapshot> {}
}
declare module '../../kernel/resources/session.js' {
  interface Session extends SessionMembers, ResourceInternals<Snapshots.SessionSnapshot> {}
}
declare module '../../kernel/resources/user.js' {
  interface User extends UserMembers, ResourceInternals<Snapshots.UserSnapshot> {}
  interface TOTPResource extends DataResourceMembers {}
  interface BackupCodeResource extends DataResourceMembers {}
  interface ImageResource extends DataResourceMembers {}
  interface SessionWithActivities extends DataResourceMembers {}
  interface ExternalAccount extends ExternalAccountMembers, ResourceInternals<Snapshots.ExternalAccountSnapshot> {}
}
declare module '../../kernel/resources/sign-in.js' {
  interface SignIn extends SignInMembers, ResourceInternals<Snapshots.SignInSnapshot> {}
}
declare module '../../kernel/resources/sign-up.js' {
  interface SignUp extends SignUpMembers, ResourceInternals<Snapshots.SignUpSnapshot> {}
  interface SignUpVerification {
    nextAction: 'needs_prepare' | 'needs_attempt' | '';
    supportedStrategies: string[];
    __internal_toSnapshot(): Snapshots.SignUpVerificationSnapshot;
  }
  interface SignUpVerifications {
    __internal_toSnapshot(): Snapshots.SignUpSnapshot['verifications'];
  }
}
declare module '../../kernel/resources/email-address.js' {
  interface IdentificationLink extends IdentificationLinkMembers {}
  interface EmailAddress extends EmailAddressMembers, ResourceInternals<Snapshots.EmailAddressSnapshot> {}
}
declare module '../../kernel/resources/phone-number.js' {
  interface PhoneNumber extends IdentificationMembers, ResourceInternals<Snapshots.PhoneNumberSnapshot> {}
}
declare module '../../kernel/resources/organization.js' {
  interface Organization extends ResourceInternals<Snapshots.OrganizationSnapshot> {}
  interface OrganizationMembership extends ResourceInternals<Snapshots.OrganizationMembershipSnapshot> {
    /** ClerkJS has no reload for a membership either: rejects (`no_endpoint`); reload the user or list the memberships again. */
    reload(): Promise<this>;
  }
}
declare module '../../kernel/resources/verification.js' {
  interface Verification extends VerificationMembers {}
}
declare module '../../kernel/resources/token.js' {
  interface Token extends TokenMembers {}
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
    return [this.primaryEmailAddressId, this.primaryPhoneNumberId, this.primaryWeb3WalletId].includes(ident?.id ?? '');
  },
};
const externalAccount: Pick<ExternalAccountMembers, 'providerSlug' | 'providerTitle' | 'accountIdentifier'> & ThisType<ExternalAccount> = {
  providerSlug() {
    return this.provider;
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
  [
    SignUp.prototype,
    'web3wallet',
    function (this: SignUp) {
      return this.web3Wallet ?? null;
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

/** The user's methods that resolve with plain FAPI data: bodies.ts gives their results ClerkJS's plumbing. */
const DATA_RESULTS = 'createTOTP verifyTOTP createBackupCode setProfileImage getSessions';
/** The kernel's (binding getters of) those methods, which bodies.ts calls. */
const kernelMethods: Record<string, (this: object) => (...args: unknown[]) => Promise<unknown>> = {};

/** The client of the instance that set up the plugin last: ClerkJS's verifications compare with its (single) client too. */
export const current: { client?: () => Client | null | undefined } = {};

/** FAPI's JSON again from a resource's data (the inverse of the kernel's `camelize`): children give their own snapshots. */
const wire = (value: unknown, keepKeys?: boolean): unknown => {
  if (value instanceof Date) return +value;
  if (value instanceof URL) return value.href;
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => wire(item));
  const snapshot = (value as Partial<ResourceInternals<unknown>>).__internal_toSnapshot;
  return snapshot ? snapshot.call(value) : fields(value, keepKeys);
};
/** Own enumerable data only: the kernel context and bound methods are not enumerable, getters live on the prototype. */
const fields = (data: object, keepKeys?: boolean): JSONObject => {
  const out: JSONObject = {};
  for (const [key, inner] of Object.entries(data)) {
    // `URL` is the one acronym in a ClerkJS name (a verification's `externalVerificationRedirectURL`).
    out[keepKeys ? key : camelToSnake(key.replace('URL', 'Url'))] = key.endsWith('Metadata') ? inner : wire(inner, key === 'attributes');
    // A sign-in factor's wallet id also under the name ClerkJS's snapshot type gives it (see SignInFactorJSON).
    if (key === 'web3WalletId') out.web_3_wallet_id = inner as string;
  }
  return out;
};

type Hydrating = { hydrate(this: Hydrating, json: JSONObject): void; linkedTo?: object[] };
const linkProto = {};
/** A sign-up's `verifications` (plain data from the kernel) get this prototype: ClerkJS's object has a snapshot. */
const signUpVerificationsProto = {
  __internal_toSnapshot(this: object) {
    return fields(this);
  },
};
let installed = false;

/** FAPI's path (ClerkJS's `pathRoot`) and object name of each kind; the name also covers a resource not created yet. */
const kinds: Array<[object, string, string]> = [
  [Client.prototype, '/client', 'client'],
  [Session.prototype, '/client/sessions', 'session'],
  [User.prototype, '/me', 'user'],
  [SignIn.prototype, '/client/sign_ins', 'sign_in'],
  [SignUp.prototype, '/client/sign_ups', 'sign_up'],
  [EmailAddress.prototype, '/me/email_addresses', 'email_address'],
  [PhoneNumber.prototype, '/me/phone_numbers', 'phone_number'],
  [ExternalAccount.prototype, '/me/external_accounts', 'external_account'],
  [Organization.prototype, '/organizations', 'organization'],
  [OrganizationMembership.prototype, '', 'organization_membership'],
  [Verification.prototype, '', 'verification'],
  [Token.prototype, '', 'token'],
  [linkProto, '', 'identification_link'],
];

/** Puts the members on the kernel classes once (every instance shares the classes). */
export function installResourceMembers(): void {
  if (installed) return;
  installed = true;
  Client.prototype.captchaBypass = false;
  // A token's data is its decoded JWT: its snapshot is FAPI's `{ jwt }` (installed first, the loop keeps it).
  defineMethod(Token.prototype, '__internal_toSnapshot', function (this: Token) {
    return { object: 'token', id: this.id || '', jwt: this.getRawString() };
  });
  for (const [proto, pathRoot, object] of kinds) {
    (proto as { pathRoot?: string }).pathRoot = pathRoot;
    defineMethod(proto, '__internal_toSnapshot', function (this: { id?: string }) {
      const snapshot: JSONObject = { object, ...fields(this), id: this.id || '' };
      // ClerkJS writes a verification's missing error as an empty one.
      if (object === 'verification') snapshot.error = { code: '', message: '', ...(snapshot.error as object) };
      return snapshot;
    });
  }
  defineMethod(Verification.prototype, 'verifiedFromTheSameClient', function (this: Verification) {
    return !!this.verifiedAtClient && this.verifiedAtClient === current.client?.()?.id;
  });
  // Each time they hydrate: `linkedTo` entries (plain data) get the link prototype.
  for (const proto of [EmailAddress.prototype, PhoneNumber.prototype, ExternalAccount.prototype] as unknown as Hydrating[]) {
    const hydrate = proto.hydrate;
    proto.hydrate = function (json) {
      hydrate.call(this, json);
      for (const link of this.linkedTo ?? []) Object.setPrototypeOf(link, linkProto);
    };
  }
  // A sign-up's email and phone verifications always have `nextAction` and `supportedStrategies`, as in ClerkJS.
  const signUpHydrate = (SignUp.prototype as unknown as Hydrating).hydrate;
  (SignUp.prototype as unknown as Hydrating).hydrate = function (this: Hydrating & SignUp, json) {
    signUpHydrate.call(this, json);
    const { verifications } = this;
    Object.setPrototypeOf(verifications, signUpVerificationsProto);
    for (const verification of [verifications.emailAddress, verifications.phoneNumber]) {
      verification.nextAction ??= '';
      verification.supportedStrategies ??= [];
    }
  };
  for (const [proto, members] of [
    [Client.prototype, client],
    [User.prototype, user],
    [ExternalAccount.prototype, externalAccount],
  ] as const) {
    for (const name in members) defineMethod(proto, name, members[name as keyof typeof members]);
  }
  for (const [proto, name, get] of getters) if (!(name in proto)) Object.defineProperty(proto, name, { get, configurable: true });
  // Those methods make way for ones that call them and give the results their kind's prototype (bodies.ts).
  for (const name of DATA_RESULTS.split(' ')) {
    kernelMethods[name] = Object.getOwnPropertyDescriptor(User.prototype, name)!.get!;
    delete (User.prototype as unknown as Partial<Record<string, unknown>>)[name];
  }
  // The rest talk to FAPI (or read settings): their bodies load on the first call.
  for (const [proto, names, group] of [
    [Client.prototype, 'create __internal_sendCaptchaToken', 'client'],
    [Session.prototype, 'reload __internal_touch', 'session'],
    [
      User.prototype,
      'getEnterpriseConnections __experimental_getBiometricCredentials __experimental_prepareBiometricCredential __experimental_attemptBiometricCredential __experimental_revokeBiometricCredential',
      'user',
    ],
    [SignIn.prototype, 'validatePassword', 'password'],
    [SignUp.prototype, 'validatePassword upsert', 'signUp'],
    [EmailAddress.prototype, 'create', 'identification'],
    [PhoneNumber.prototype, 'create', 'identification'],
    [ExternalAccount.prototype, 'reload', 'externalAccount'],
    [Verification.prototype, 'reload', 'noEndpoint'],
    [Token.prototype, 'reload', 'noEndpoint'],
    [OrganizationMembership.prototype, 'reload', 'noEndpoint'],
    [User.prototype, DATA_RESULTS, 'dataResults'],
    [linkProto, 'reload', 'noEndpoint'],
  ] as const) {
    defineLazyMethods(proto, names, () =>
      import('./bodies.js').then((m: Bodies) => (m.useEnvironments(environments, current, kernelMethods), m[group] as never)),
    );
  }
}
