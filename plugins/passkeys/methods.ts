/**
 * The passkey and reverification methods of the kernel's SignIn, User and Session, the `Passkey`
 * resource and `user.passkeys`. Installed on the classes by the plugin's setup; the bodies
 * (methods-impl.ts, with the WebAuthn code) load on the first call, so an instance pays for them
 * only when the app uses passkeys or reverification.
 */
import { defineLazyMethods, Session, SignIn, User, Verification, type JSONObject, type SignInFactor } from '../../kernel/index.js';
// Types only: the snapshot's shape (the verification's snapshot comes from the resource-members plugin).
import type { PasskeySnapshot } from '../resource-members/snapshots.js';
import { BaseResource } from '../../kernel/resources/base.js';

export type SessionVerificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';
export type SessionVerificationStatus = 'needs_first_factor' | 'needs_second_factor' | 'complete';

/** The factors a reverification's first step offers: codes, the password, passkeys (and enterprise SSO). */
export type SessionVerificationFirstFactor = SignInFactor & { strategy: 'email_code' | 'phone_code' | 'password' | 'passkey' | 'enterprise_sso' };
/** The factors of its second step. */
export type SessionVerificationSecondFactor = SignInFactor & { strategy: 'phone_code' | 'totp' | 'backup_code' | 'passkey' };
export type SessionVerificationFactor = SessionVerificationFirstFactor | SessionVerificationSecondFactor;

/** A reverification in progress (ClerkJS's SessionVerificationResource). */
export interface SessionVerification {
  id: string;
  status: SessionVerificationStatus;
  level: SessionVerificationLevel;
  session: Session;
  supportedFirstFactors: SessionVerificationFirstFactor[] | null;
  supportedSecondFactors: SessionVerificationSecondFactor[] | null;
  firstFactorVerification: Verification;
  secondFactorVerification: Verification;
  /** A reverification has no FAPI path of its own (`''`, as ClerkJS's). */
  readonly pathRoot: string;
  /** No endpoint to reload it from: rejects (`no_endpoint`); the methods above resolve with the current state. */
  reload(): Promise<SessionVerification>;
}

/** What `serializeAssertion` reads of a `navigator.credentials.get()` result (ClerkJS's params type it so too). */
export type PasskeyAssertion = Pick<PublicKeyCredential, 'id' | 'rawId' | 'type' | 'authenticatorAttachment'> & { response: AuthenticatorAssertionResponse };

/** A trusted device's factor, passed to FAPI as given. */
export type TrustedDeviceFactor = { strategy: 'trusted_device'; trustedDeviceId: string };

/** An enterprise SSO first factor, passed to FAPI as given: follow `firstFactorVerification.externalVerificationRedirectURL`. */
export type EnterpriseSSOVerificationFactor = {
  strategy: 'enterprise_sso';
  emailAddressId?: string;
  enterpriseConnectionId?: string;
  redirectUrl?: string;
  oidcPrompt?: string;
};

export type SessionVerifyPrepareFirstFactorParams =
  | { strategy: 'email_code'; emailAddressId: string }
  | { strategy: 'phone_code'; phoneNumberId: string; default?: boolean; channel?: 'sms' | 'whatsapp' }
  | { strategy: 'passkey' }
  | EnterpriseSSOVerificationFactor
  | TrustedDeviceFactor;

/** The assertion from `navigator.credentials.get()`, or its JSON as FAPI takes it. */
export type PasskeyVerificationAttempt = { strategy: 'passkey'; publicKeyCredential: PasskeyAssertion | string };
/** A trusted device's signature of the challenge's `clientData`, passed to FAPI as given. */
export type TrustedDeviceAttempt = TrustedDeviceFactor & { clientData: string; signature: string };

export type SessionVerifyAttemptFirstFactorParams =
  { strategy: 'password'; password: string } | { strategy: 'email_code' | 'phone_code'; code: string } | PasskeyVerificationAttempt | TrustedDeviceAttempt;

export type SessionVerifyPrepareSecondFactorParams = { strategy: 'phone_code'; phoneNumberId?: string } | { strategy: 'passkey' } | TrustedDeviceFactor;
export type SessionVerifyAttemptSecondFactorParams =
  { strategy: 'phone_code' | 'totp' | 'backup_code'; code: string } | PasskeyVerificationAttempt | TrustedDeviceAttempt;

export interface AuthenticateWithPasskeyParams {
  /** `discoverable`: the browser lists the passkeys of this site; `autofill`: they are offered in the identifier field's autofill. Without it, the identified user's passkeys. */
  flow?: 'discoverable' | 'autofill';
}

export interface SignInPasskeyMethods {
  /** Signs in with a passkey: starts (or continues) the sign-in, asks the browser, sends the assertion. */
  authenticateWithPasskey(params?: AuthenticateWithPasskeyParams): Promise<SignIn>;
}

export interface UserPasskeyMethods {
  /** Registers a passkey on this device: `POST /me/passkeys`, `navigator.credentials.create()`, then its verification. */
  createPasskey(): Promise<Passkey>;
}

export interface SessionVerificationMethods {
  /** Starts a reverification of this session at `level` (`POST …/verify`). */
  startVerification(params: { level: SessionVerificationLevel }): Promise<SessionVerification>;
  prepareFirstFactorVerification(params: SessionVerifyPrepareFirstFactorParams): Promise<SessionVerification>;
  attemptFirstFactorVerification(params: SessionVerifyAttemptFirstFactorParams): Promise<SessionVerification>;
  /** Prepares, asks the browser for a passkey, and attempts, in one call: the first factor, or with `level: 'second_factor'` the second. */
  verifyWithPasskey(params?: { level?: 'first_factor' | 'second_factor' }): Promise<SessionVerification>;
  prepareSecondFactorVerification(params: SessionVerifyPrepareSecondFactorParams): Promise<SessionVerification>;
  attemptSecondFactorVerification(params: SessionVerifyAttemptSecondFactorParams): Promise<SessionVerification>;
}

export interface PasskeyMethods {
  /** `GET /me/passkeys/{id}`, applied to this passkey. */
  reload(): Promise<Passkey>;
  /** Renames it (`PATCH /me/passkeys/{id}`); FAPI takes the name as given. */
  update(params: { name?: string | null }): Promise<Passkey>;
  /** Removes it (`DELETE /me/passkeys/{id}`). */
  delete(): Promise<{ object: string; id: string; deleted: boolean }>;
}

/**
 * A passkey's verification. ClerkJS's `publicKey` holds the creation options while the passkey is being
 * registered; `createPasskey()` uses them itself and resolves with the registered passkey, so it is null here.
 */
export interface PasskeyVerification extends Verification {
  publicKey: null;
}

/** A passkey of the user (`user.passkeys`). Data here; `update`/`delete`/`reload` are installed with the plugin. */
export class Passkey extends BaseResource {
  declare name: string | null;
  declare verification: PasskeyVerification | null;
  declare lastUsedAt: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;

  protected static override readonly childKeys = new Set(['verification']);

  protected override hydrate(json: JSONObject): void {
    const verification = json.verification as JSONObject | null | undefined;
    this.verification = verification ? Object.assign(new Verification(verification), { publicKey: null }) : null;
  }

  /** The FAPI path of passkeys, as ClerkJS names it. */
  get pathRoot(): string {
    return '/me/passkeys';
  }

  /** FAPI's JSON of the passkey; its verification's is null without the resource-members plugin. */
  __internal_toSnapshot(): PasskeySnapshot {
    const { id, name, verification, lastUsedAt, createdAt, updatedAt } = this;
    return {
      object: 'passkey',
      id,
      name,
      verification: verification?.__internal_toSnapshot?.() ?? null,
      last_used_at: lastUsedAt ? +lastUsedAt : null,
      created_at: +createdAt,
      updated_at: +updatedAt,
    };
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Passkey extends PasskeyMethods {}

declare module '../../kernel/resources/sign-in.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SignIn extends SignInPasskeyMethods {}
}
declare module '../../kernel/resources/user.js' {
  interface User extends UserPasskeyMethods {
    /** The user's passkeys (needs the passkeys plugin; otherwise the plain data). */
    passkeys: Passkey[];
  }
}
declare module '../../kernel/resources/session.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Session extends SessionVerificationMethods {}
}

/** The method names by group (the body module's export), as one string each: stubs exist before the bodies load. */
const GROUPS = [
  [SignIn, 'authenticateWithPasskey', 'signIn'],
  [User, 'createPasskey', 'user'],
  [
    Session,
    'startVerification prepareFirstFactorVerification attemptFirstFactorVerification verifyWithPasskey prepareSecondFactorVerification attemptSecondFactorVerification',
    'session',
  ],
  [Passkey, 'update delete reload', 'passkey'],
] as const;

let installed = false;

/** Puts the methods on the kernel classes once (every instance shares them), bound on first access as in ClerkJS. */
export function installPasskeyMethods(): void {
  if (installed) return;
  installed = true;
  for (const [cls, names, group] of GROUPS) {
    defineLazyMethods(cls.prototype, names, async () => {
      const bodies = await import('./methods-impl.js');
      // Handed over rather than imported there: lazy code imports no kernel class (one initial chunk).
      Object.assign(bodies.classes, { Passkey, Session });
      return bodies[group] as unknown as Record<string, (...args: unknown[]) => unknown>;
    });
  }
  // `user.passkeys` become Passkey resources (the kernel maps only the resources it knows).
  const proto = User.prototype as unknown as { hydrate(this: User, json: JSONObject, previous: unknown): void };
  const hydrate = proto.hydrate;
  proto.hydrate = function (json, previous) {
    hydrate.call(this, json, previous);
    const ctx = (this as unknown as { _ctx: ConstructorParameters<typeof Passkey>[0] })._ctx;
    this.passkeys = ((json.passkeys as JSONObject[] | undefined) ?? []).map((p) => new Passkey(ctx, p));
  };
}
