/**
 * The emulated instance: its state (store, outbox, signing key, settings, clock) and the domain rules
 * handlers share (users, sessions and tokens, passwords and lockout, verification codes and links).
 * HTTP concerns (faults, request log, rate limit, CORS) live in the pipeline, not here.
 */
import { randomBytes } from 'node:crypto';
import { codeIncorrect, fapiError, formError, verificationExpired, verificationFailed } from './errors.js';
import { newId, randomToken, sixDigitCode } from './ids.js';
import { TEST_MODE_CODE, isTestIdentifier } from './identifiers.js';
import { createJwtSigner, type JwtSigner } from './jwt.js';
import { organizationClaims } from './organization-roles.js';
import { Outbox, type OutboxChannel, type OutboxPurpose } from './outbox.js';
import {
  newVerification,
  type ClientRecord,
  type LinkTarget,
  type SessionRecord,
  type SessionTaskKey,
  type SessionStatus,
  type UserRecord,
  type VerificationRecord,
} from './records.js';
import { defaultSettings, mergeSettings, type EmulatorSettings, type EmulatorSettingsInput } from './settings.js';
import { loadTables, tablesOf, type InstanceSnapshot } from './snapshot.js';
import { Store } from './store.js';
import { isSolanaAddress, normalizeWeb3Address, SOLANA_STRATEGY, verifyWeb3Signature, WEB3_NONCE_LIFETIME_MS, web3Message } from './web3.js';

export type InstanceType = 'development' | 'production';

export interface SeedUser {
  id?: string;
  emailAddress?: string;
  emailAddresses?: string[];
  phoneNumber?: string;
  username?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  /** Base32 secret; makes TOTP an enabled second factor. */
  totpSecret?: string;
  backupCodes?: string[];
  unsafeMetadata?: Record<string, unknown>;
  publicMetadata?: Record<string, unknown>;
  /** A verified wallet address: Ethereum's (proved with `web3_metamask_signature`) or Solana's base58 one (`web3_solana_signature`). */
  web3Wallet?: string;
  /** Signs in to a session pending with the `reset-password` task until the password is changed. */
  passwordResetRequired?: boolean;
}

/** What the instance is made from; the public `EmulatorOptions` adds transport options on top. */
export interface InstanceOptions {
  instanceType?: InstanceType;
  frontendApiHost?: string;
  settings?: EmulatorSettingsInput;
  seed?: { users?: SeedUser[] };
  /** Clock in ms, read at every use so fake timers work. Default `Date.now`. */
  now?: () => number;
  /** State saved by an earlier run (`startEmulator({ dataDir })`): used instead of the seed, its settings win. */
  restore?: InstanceSnapshot;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_CODE_ATTEMPTS = 5;
const SESSION_ABANDON_MS = 30 * 24 * 60 * 60 * 1000;

export function publishableKeyFor(instanceType: InstanceType, frontendApiHost: string): string {
  const encoded = Buffer.from(`${frontendApiHost}$`).toString('base64').replace(/=+$/, '');
  return `${instanceType === 'production' ? 'pk_live_' : 'pk_test_'}${encoded}`;
}

export class EmulatorCore {
  readonly store = new Store();
  readonly outbox = new Outbox();
  readonly signer: JwtSigner;
  readonly settings: EmulatorSettings;
  readonly instanceType: InstanceType;
  readonly frontendApiHost: string;
  readonly publishableKey: string;
  readonly instanceId: string;
  private readonly clock: () => number;
  private readonly seed: SeedUser[];

  constructor(options: InstanceOptions = {}) {
    this.instanceType = options.instanceType ?? 'development';
    this.frontendApiHost = options.frontendApiHost ?? (this.instanceType === 'production' ? 'clerk.emulator.test' : 'emulator.accounts.dev');
    this.publishableKey = publishableKeyFor(this.instanceType, this.frontendApiHost);
    this.settings = mergeSettings(defaultSettings(), options.settings);
    this.clock = options.now ?? (() => Date.now());
    this.seed = options.seed?.users ?? [];
    const restore = options.restore;
    this.signer = createJwtSigner(restore?.signingKey);
    this.instanceId = restore?.instanceId ?? newId('ins');
    if (restore) {
      mergeSettings(this.settings, restore.settings);
      loadTables(this.store, restore.tables);
      this.outbox.load(restore.outbox ?? []);
    } else this.applySeed();
  }

  /** Everything a restart needs to carry on where this instance is now. */
  snapshot(): InstanceSnapshot {
    return {
      instanceId: this.instanceId,
      signingKey: { kid: this.signer.kid, privateKeyPem: this.signer.privateKeyPem },
      settings: this.settings,
      tables: tablesOf(this.store),
      outbox: this.outbox.list(),
    };
  }

  now(): number {
    return this.clock();
  }

  updateSettings(input: EmulatorSettingsInput): void {
    mergeSettings(this.settings, input);
  }

  reset(): void {
    this.store.clear();
    this.outbox.clear();
    this.applySeed();
  }

  private applySeed(): void {
    for (const seedUser of this.seed) this.createSeedUser(seedUser);
  }

  createSeedUser(seed: SeedUser): UserRecord {
    const emails = [...(seed.emailAddresses ?? []), ...(seed.emailAddress ? [seed.emailAddress] : [])];
    const user = this.createUser({
      id: seed.id,
      emailAddresses: emails,
      phoneNumbers: seed.phoneNumber ? [seed.phoneNumber] : [],
      username: seed.username ?? null,
      password: seed.password ?? null,
      firstName: seed.firstName ?? null,
      lastName: seed.lastName ?? null,
      unsafeMetadata: seed.unsafeMetadata ?? {},
      web3Wallets: seed.web3Wallet
        ? [{ address: seed.web3Wallet, strategy: isSolanaAddress(seed.web3Wallet) ? SOLANA_STRATEGY : 'web3_metamask_signature' }]
        : [],
    });
    user.publicMetadata = seed.publicMetadata ?? {};
    const now = this.now();
    if (seed.totpSecret) user.totp = { id: newId('totp'), secret: seed.totpSecret, verified: true, createdAt: now, updatedAt: now };
    if (seed.backupCodes) user.backupCodes = [...seed.backupCodes];
    if (seed.passwordResetRequired) user.passwordResetRequired = true;
    return user;
  }

  /** Creates a user whose given identifiers are already verified. */
  createUser(fields: {
    id?: string;
    emailAddresses: string[];
    phoneNumbers: string[];
    username: string | null;
    password: string | null;
    firstName: string | null;
    lastName: string | null;
    unsafeMetadata: Record<string, unknown>;
    legalAcceptedAt?: number | null;
    timezone?: string | null;
    /** Verified wallet addresses and the strategy that proved each. */
    web3Wallets?: Array<{ address: string; strategy: string }>;
  }): UserRecord {
    const now = this.now();
    const verified = (strategy: string): VerificationRecord => ({ ...newVerification(strategy, 'verified') });
    const emailAddresses = fields.emailAddresses.map((emailAddress) => ({
      id: newId('idn'),
      emailAddress,
      verification: verified('email_code'),
      createdAt: now,
      updatedAt: now,
    }));
    const phoneNumbers = fields.phoneNumbers.map((phoneNumber) => ({
      id: newId('idn'),
      phoneNumber,
      verification: verified('phone_code'),
      reservedForSecondFactor: false,
      defaultSecondFactor: false,
      createdAt: now,
      updatedAt: now,
    }));
    const web3Wallets = (fields.web3Wallets ?? []).map(({ address, strategy }) => ({
      id: newId('idn'),
      web3Wallet: normalizeWeb3Address(address),
      verification: verified(strategy),
      createdAt: now,
      updatedAt: now,
    }));
    const user: UserRecord = {
      id: fields.id ?? newId('user'),
      externalId: null,
      username: fields.username,
      firstName: fields.firstName,
      lastName: fields.lastName,
      password: fields.password,
      emailAddresses,
      phoneNumbers,
      externalAccounts: [],
      web3Wallets,
      primaryEmailAddressId: emailAddresses[0]?.id ?? null,
      primaryPhoneNumberId: phoneNumbers[0]?.id ?? null,
      primaryWeb3WalletId: web3Wallets[0]?.id ?? null,
      totp: null,
      backupCodes: [],
      passkeys: [],
      biometricCredentials: [],
      imageDataUrl: null,
      profileImageId: null,
      publicMetadata: {},
      unsafeMetadata: fields.unsafeMetadata,
      failedPasswordAttempts: 0,
      lockedUntil: null,
      lastSignInAt: null,
      legalAcceptedAt: fields.legalAcceptedAt ?? null,
      timezone: fields.timezone ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.store.users.set(user.id, user);
    return user;
  }

  // ---- sessions and tokens ----

  /** Marks sessions whose lifetime has passed as expired (evaluated lazily, against now()). */
  /**
   * Refreshes a session's status from the clock and the instance: a signed-in session past `expireAt`
   * expires; otherwise it is `pending` while it has tasks and `active` once they are done.
   */
  refreshSessionStatus(session: SessionRecord): SessionRecord {
    if (session.status !== 'active' && session.status !== 'pending') return session;
    if (this.now() >= session.expireAt) session.status = 'expired';
    else session.status = this.sessionTasks(session).length ? 'pending' : 'active';
    return session;
  }

  /**
   * What the user must do before the session is active, in the order they are asked: a new password
   * (an administrator required it), a second factor (the instance requires one), an active organization
   * (the instance requires one).
   */
  sessionTasks(session: SessionRecord): SessionTaskKey[] {
    const user = this.store.users.get(session.userId);
    if (!user) return [];
    const tasks: SessionTaskKey[] = [];
    if (user.passwordResetRequired) tasks.push('reset-password');
    if (this.settings.mfaRequired && this.settings.secondFactors.length && !this.twoFactorEnabled(user)) tasks.push('setup-mfa');
    const member = (orgId: string | null) => !!orgId && this.store.userMemberships(user.id).some((m) => m.organizationId === orgId);
    if (this.settings.organizations && this.settings.forceOrganizationSelection && !member(session.lastActiveOrganizationId)) tasks.push('choose-organization');
    return tasks;
  }

  isSignedIn(session: SessionRecord): boolean {
    this.refreshSessionStatus(session);
    return session.status === 'active' || session.status === 'pending';
  }

  activeSessions(client: ClientRecord): SessionRecord[] {
    return this.store.clientSessions(client).filter((s) => this.isSignedIn(s));
  }

  createSession(
    client: ClientRecord,
    user: UserRecord,
    details: { strategy: string | null; secondFactor: boolean; userAgent: string | null; ipAddress: string | null },
  ): SessionRecord {
    const now = this.now();
    const session: SessionRecord = {
      id: newId('sess'),
      clientId: client.id,
      userId: user.id,
      status: 'active',
      lastActiveOrganizationId: null,
      firstFactorVerifiedAt: now,
      secondFactorVerifiedAt: details.secondFactor ? now : null,
      userAgent: details.userAgent,
      ipAddress: details.ipAddress,
      expireAt: now + this.settings.sessionLifetimeSeconds * 1000,
      abandonAt: now + SESSION_ABANDON_MS,
      lastActiveAt: now,
      createdAt: now,
      updatedAt: now,
    };
    this.store.sessions.set(session.id, session);
    client.sessionIds.push(session.id);
    client.lastActiveSessionId = session.id;
    client.lastAuthenticationStrategy = details.strategy;
    client.updatedAt = now;
    user.lastSignInAt = now;
    // Pending from the start when the user has tasks (the sign-in's created session says so).
    return this.refreshSessionStatus(session);
  }

  endSession(session: SessionRecord, status: SessionStatus): void {
    const now = this.now();
    session.status = status;
    session.updatedAt = now;
    const client = this.store.clients.get(session.clientId);
    if (client && client.lastActiveSessionId === session.id) {
      const next = this.activeSessions(client).sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
      client.lastActiveSessionId = next?.id ?? null;
    }
    if (client) client.updatedAt = now;
  }

  /** Mints a session token for the session (for its active org unless `organizationId` is given). */
  mintSessionToken(session: SessionRecord, options: { organizationId?: string | null; template?: string; origin?: string | null } = {}): string {
    const nowSeconds = Math.floor(this.now() / 1000);
    const organizationId = options.organizationId === undefined ? session.lastActiveOrganizationId : options.organizationId;
    const minutesSince = (ms: number | null) => (ms === null ? -1 : Math.floor((this.now() - ms) / 60_000));
    const claims: Record<string, unknown> = {
      azp: options.origin ?? undefined,
      exp: nowSeconds + this.settings.tokenLifetimeSeconds,
      fva: [minutesSince(session.firstFactorVerifiedAt), minutesSince(session.secondFactorVerifiedAt)],
      iat: nowSeconds,
      iss: `https://${this.frontendApiHost}`,
      // Unique per token, so two tokens minted in the same second still differ.
      jti: randomBytes(10).toString('hex'),
      nbf: nowSeconds - 10,
      sid: session.id,
      sts: session.status === 'pending' ? 'pending' : 'active',
      sub: session.userId,
      v: 2,
    };
    if (!claims.azp) delete claims.azp;
    const organization = organizationId ? this.store.organizations.get(organizationId) : undefined;
    const membership = organization ? this.store.userMemberships(session.userId).find((m) => m.organizationId === organization.id) : undefined;
    if (organization && membership) Object.assign(claims, organizationClaims(organization, membership.role, this.settings.organizationRoles));
    if (options.template) claims.tpl = options.template;
    return this.signer.sign(claims, { oiat: nowSeconds });
  }

  // ---- users: factors, passwords, lockout ----

  twoFactorEnabled(user: UserRecord): boolean {
    return Boolean(user.totp?.verified) || user.phoneNumbers.some((p) => p.reservedForSecondFactor);
  }

  /** Throws `user_locked` while the user is locked out. */
  assertNotLocked(user: UserRecord): void {
    if (user.lockedUntil !== null && this.now() < user.lockedUntil) {
      const seconds = Math.ceil((user.lockedUntil - this.now()) / 1000);
      throw fapiError(403, 'user_locked', 'Account locked', `Your account is locked. You will be able to try again in ${Math.ceil(seconds / 60)} minutes.`, {
        lockout_expires_in_seconds: seconds,
      });
    }
    if (user.lockedUntil !== null) {
      user.lockedUntil = null;
      user.failedPasswordAttempts = 0;
    }
  }

  /** Checks a password; wrong ones count towards the lockout. */
  checkPassword(user: UserRecord, password: string): void {
    this.assertNotLocked(user);
    if (user.password !== null && user.password === password) {
      user.failedPasswordAttempts = 0;
      return;
    }
    user.failedPasswordAttempts += 1;
    if (user.failedPasswordAttempts >= this.settings.lockout.maxAttempts) {
      user.lockedUntil = this.now() + this.settings.lockout.lockSeconds * 1000;
      this.assertNotLocked(user);
    }
    throw formError('form_password_incorrect', 'password', 'Password is incorrect. Try again, or use another method.');
  }

  /** Applies the instance password rules. */
  validatePassword(password: string, paramName = 'password'): void {
    const rules = this.settings.password;
    if (password.length < rules.minLength) {
      throw formError(
        'form_password_length_too_short',
        paramName,
        `Passwords must be ${rules.minLength} characters or more.`,
        `Passwords must be ${rules.minLength} characters or more.`,
      );
    }
    if (password.length > rules.maxLength) {
      throw formError('form_password_validation_failed', paramName, `Passwords must be less than ${rules.maxLength} characters.`);
    }
    const missing: string[] = [];
    if (rules.requireNumbers && !/\d/.test(password)) missing.push('a number');
    if (rules.requireSpecialChar && !/[^A-Za-z0-9]/.test(password)) missing.push('a special character');
    if (rules.requireUppercase && !/[A-Z]/.test(password)) missing.push('an uppercase letter');
    if (rules.requireLowercase && !/[a-z]/.test(password)) missing.push('a lowercase letter');
    if (missing.length > 0) {
      throw formError('form_password_validation_failed', paramName, `Your password must contain ${missing.join(', ')}.`);
    }
  }

  // ---- verification codes and links ----

  /**
   * Starts a code (or link) verification and delivers it to the outbox. Test-mode identifiers
   * get the fixed code 424242 and no message.
   */
  prepareVerification(args: {
    strategy: string;
    to: string;
    channel: OutboxChannel;
    purpose: OutboxPurpose;
    linkTarget?: LinkTarget;
    linkBaseUrl?: string;
    redirectUrl?: string | null;
  }): VerificationRecord {
    const verification = newVerification(args.strategy);
    verification.expireAt = this.now() + CODE_LIFETIME_MS;
    verification.channel = args.channel === 'sms' ? 'sms' : null;
    const testMode = isTestIdentifier(args.to);
    if (args.strategy.endsWith('_link')) {
      const token = randomToken();
      verification.linkToken = token;
      verification.redirectUrl = args.redirectUrl ?? null;
      if (args.linkTarget) this.store.links.set(token, args.linkTarget);
      const link = `${args.linkBaseUrl ?? ''}/v1/verify?token=${encodeURIComponent(token)}`;
      this.outbox.deliver({ to: args.to, channel: args.channel, purpose: args.purpose, link, createdAt: this.now() });
      return verification;
    }
    verification.code = testMode ? TEST_MODE_CODE : sixDigitCode();
    if (!testMode) {
      this.outbox.deliver({ to: args.to, channel: args.channel, purpose: args.purpose, code: verification.code, createdAt: this.now() });
    }
    return verification;
  }

  /** Issues a signing nonce for `address` (the wallet signs `message`: `personal_sign`, or ed25519 for Solana). */
  prepareWeb3Verification(strategy: string, address: string, uri: string): VerificationRecord {
    const verification = newVerification(strategy);
    verification.expireAt = this.now() + WEB3_NONCE_LIFETIME_MS;
    verification.message = web3Message({ applicationName: this.settings.applicationName, address, uri, now: this.now() });
    return verification;
  }

  /** Checks a wallet's signature of the issued message; a bad one fails the verification as FAPI does. */
  attemptWeb3Verification(verification: VerificationRecord | null, strategy: string, signature: string, address: string, clientId: string | null): void {
    if (!verification || verification.message === null || verification.strategy !== strategy) {
      throw fapiError(400, 'verification_missing', 'No verification', `No ${strategy} verification was prepared. Request a nonce first.`, {
        param_name: 'signature',
      });
    }
    if (verification.status === 'verified') {
      throw fapiError(400, 'verification_already_verified', 'Already verified', 'This verification has already been verified.');
    }
    if (verification.expireAt !== null && this.now() >= verification.expireAt) {
      verification.status = 'expired';
      throw verificationExpired();
    }
    verification.attempts += 1;
    if (!verifyWeb3Signature(strategy, verification.message, signature, address)) {
      verification.status = 'failed';
      verification.error = {
        code: 'form_param_value_invalid',
        message: 'is invalid',
        long_message: 'The signature is invalid.',
        meta: { param_name: 'signature' },
      };
      throw formError('form_param_value_invalid', 'signature', 'is invalid', 'The signature is invalid.');
    }
    verification.status = 'verified';
    verification.verifiedAtClient = clientId;
    verification.error = null;
  }

  /** Checks a submitted code; marks the verification verified or counts the failure. */
  attemptVerification(verification: VerificationRecord | null, code: string, clientId: string | null): void {
    if (!verification || verification.code === null) {
      throw fapiError(400, 'verification_missing', 'No verification', 'No verification was prepared. Request a code first.', {
        param_name: 'code',
      });
    }
    if (verification.status === 'verified') {
      throw fapiError(400, 'verification_already_verified', 'Already verified', 'This verification has already been verified.');
    }
    if (verification.status === 'failed') throw verificationFailed();
    if (verification.expireAt !== null && this.now() >= verification.expireAt) {
      verification.status = 'expired';
      throw verificationExpired();
    }
    if (code.trim() !== verification.code) {
      verification.attempts += 1;
      if (verification.attempts >= MAX_CODE_ATTEMPTS) {
        verification.status = 'failed';
        throw verificationFailed();
      }
      throw codeIncorrect();
    }
    verification.attempts += 1;
    verification.status = 'verified';
    verification.verifiedAtClient = clientId;
  }
}
