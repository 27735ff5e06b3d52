/**
 * The bodies of the resource members members.ts installs, loaded on the first call of any of them.
 */
import type {
  Client,
  EmailAddress,
  ExternalAccount,
  JSONObject,
  PhoneNumber,
  ResourceContext,
  Session,
  SignIn,
  SignUp,
  SignUpParams,
  User,
} from '../../kernel/index.js';
import { camelize, ClerkRuntimeError } from '../../kernel/lazy-kit.js';
import type { Environment } from '../../kernel/index.js';
import type {
  AttemptBiometricCredentialParams,
  BiometricCredential,
  ComplexityErrors,
  EnterpriseConnection,
  PrepareBiometricCredentialParams,
  TrustedDeviceChallenge,
  ValidatePasswordCallbacks,
} from './members.js';

/** Each instance's environment by its resource context; members.ts owns the map (a value import from it would split the initial chunk). */
let environments: WeakMap<ResourceContext, () => Environment | undefined> | undefined;
/** The client of the instance that set the plugin up last, handed over the same way. */
let current: { client?: () => Client | null | undefined } = {};
let kernelMethods: Record<string, (this: object) => (...args: unknown[]) => Promise<unknown>> = {};
export const useEnvironments = (map: typeof environments, client: typeof current, methods: typeof kernelMethods) =>
  void ((environments = map), (current = client), (kernelMethods = methods));

type Mutable = { _mutate(method: string, path: string, body?: unknown): Promise<unknown>; _reload(path: string): Promise<unknown>; _ctx: ResourceContext };
const internal = (resource: object) => resource as unknown as Mutable;

export const client = {
  create(this: Client) {
    return internal(this)._mutate('PUT', '/client');
  },
  __internal_sendCaptchaToken(this: Client, params: unknown) {
    return internal(this)._mutate('POST', '/client/verify', params);
  },
};

export const session = {
  reload(this: Session) {
    return internal(this)._reload(`/client/sessions/${this.id}`);
  },
  /**
   * ClerkJS's focus touch: `POST …/touch` with the intent, this session refreshed from the answer; resolves
   * with the client when the answer carries one (the kernel applies it, as every mutation's), else undefined.
   */
  async __internal_touch(this: Session, { intent }: { intent?: 'focus' | 'select_session' | 'select_org' } = {}) {
    const payload = await internal(this)._ctx.fapi.request<{ response?: JSONObject; client?: unknown } | null>({
      method: 'POST',
      path: `/client/sessions/${this.id}/touch`,
      body: { activeOrganizationId: this.lastActiveOrganizationId ?? '', ...(intent && { intent }) },
    });
    if (payload?.response) this.fromJSON(payload.response);
    return payload?.client ? (current.client?.() ?? undefined) : undefined;
  },
};

export const user = {
  async getEnterpriseConnections(this: User, params: { withOrganizationAccountLinking?: boolean } = {}): Promise<EnterpriseConnection[]> {
    const linking = params?.withOrganizationAccountLinking;
    const payload = await internal(this)._ctx.fapi.request<{ response?: JSONObject[] } | null>({
      path: '/me/enterprise_connections',
      search: linking === undefined ? undefined : { with_organization_account_linking: String(linking) },
    });
    return (payload?.response ?? []).map(enterpriseConnection);
  },
  __experimental_getBiometricCredentials(this: User): Promise<BiometricCredential[]> {
    return listBiometricCredentials(internal(this)._ctx);
  },
  async __experimental_prepareBiometricCredential(this: User, params: PrepareBiometricCredentialParams): Promise<TrustedDeviceChallenge> {
    const json = await biometricRequest(this, 'POST', '/prepare', biometricBody('user.__experimental_prepareBiometricCredential()', params));
    return {
      challenge: json.challenge as string,
      challengeId: json.challenge_id as string,
      trustedDeviceId: (json.trusted_device_id as string | undefined) ?? null,
      clientData: json.client_data as string,
      // FAPI's epoch seconds.
      expiresAt: json.expires_at ? new Date((json.expires_at as number) * 1000) : null,
      algorithm: json.algorithm as TrustedDeviceChallenge['algorithm'],
    };
  },
  async __experimental_attemptBiometricCredential(this: User, params: AttemptBiometricCredentialParams): Promise<BiometricCredential> {
    const body = biometricBody('user.__experimental_attemptBiometricCredential()', params, true);
    return biometricCredential(internal(this)._ctx, await biometricRequest(this, 'POST', '/attempt', body));
  },
  async __experimental_revokeBiometricCredential(this: User, id: string): Promise<BiometricCredential> {
    if (typeof id !== 'string' || !id) throw badArgument('user.__experimental_revokeBiometricCredential()', 'the credential id must be a non-empty string', id);
    return biometricCredential(internal(this)._ctx, await biometricRequest(this, 'DELETE', `/${encodeURIComponent(id)}`));
  },
};

const BIOMETRIC_PATH = '/me/biometric_credentials';

/** The kernel's `invalid_arguments` message (its helper is not in the lazy kit). */
const badArgument = (where: string, expected: string, got: unknown) =>
  new ClerkRuntimeError(`${where}: ${expected}, got ${typeof got === 'string' ? JSON.stringify(got) : got === null ? 'null' : typeof got}.`, {
    code: 'invalid_arguments',
  });

/** The form FAPI takes for prepare and attempt, checked first so that bad input sends nothing. */
function biometricBody(where: string, params: Partial<AttemptBiometricCredentialParams>, attempt?: boolean): JSONObject {
  if (!params || typeof params !== 'object') throw badArgument(where, 'params must be an object', params);
  const { platform, appIdentifier, name, algorithm, publicKeyJwk: jwk, clientData, signature } = params;
  if (platform !== 'ios' && platform !== 'android') throw badArgument(where, "platform must be 'ios' or 'android'", platform);
  if (typeof appIdentifier !== 'string' || !appIdentifier) throw badArgument(where, 'appIdentifier must be a non-empty string', appIdentifier);
  if (name !== undefined && typeof name !== 'string') throw badArgument(where, 'name must be a string when given', name);
  if (algorithm !== 'ES256') throw badArgument(where, "algorithm must be 'ES256'", algorithm);
  const isKey = !!jwk && typeof jwk === 'object' && jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.x === 'string' && typeof jwk.y === 'string';
  if (!isKey && (typeof jwk !== 'string' || !jwk))
    throw badArgument(where, 'publicKeyJwk must be a P-256 JWK ({ kty: "EC", crv: "P-256", x, y }) or its JSON', jwk);
  if (attempt) {
    if (typeof clientData !== 'string' || !clientData) throw badArgument(where, "clientData must be the prepared challenge's clientData string", clientData);
    if (typeof signature !== 'string' || !signature) throw badArgument(where, 'signature must be a base64url string', signature);
  }
  // Only the public members of a JWK object are sent, so a private key passed by mistake never leaves the device.
  const publicKeyJwk = isKey ? JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }) : jwk;
  return { platform, appIdentifier, name, algorithm, publicKeyJwk, clientData: attempt ? clientData : undefined, signature: attempt ? signature : undefined };
}

/** One biometric credential request; FAPI's `response` object, or a coded error when it sends none. */
async function biometricRequest(from: User, method: 'POST' | 'DELETE', path: string, body?: JSONObject): Promise<JSONObject> {
  const payload = await internal(from)._ctx.fapi.request<{ response?: JSONObject } | null>({ method, path: BIOMETRIC_PATH + path, body });
  const json = payload?.response;
  if (!json || typeof json !== 'object') {
    throw new ClerkRuntimeError(`Malformed response from the Frontend API (${method} ${BIOMETRIC_PATH}${path}): no response object.`, {
      code: 'malformed_response',
    });
  }
  return json;
}

async function listBiometricCredentials(ctx: ResourceContext): Promise<BiometricCredential[]> {
  const payload = await ctx.fapi.request<{ response?: JSONObject[] } | JSONObject[] | null>({ path: BIOMETRIC_PATH });
  return ((Array.isArray(payload) ? payload : payload?.response) ?? []).map((json) => biometricCredential(ctx, json));
}

const biometricCredentialProto = {
  pathRoot: BIOMETRIC_PATH,
  /** There is no endpoint for one credential: the list again, this one's entry applied. */
  async reload(this: BiometricCredential & { _ctx: ResourceContext }) {
    const fresh = (await listBiometricCredentials(this._ctx)).find((c) => c.id === this.id);
    if (!fresh) throw new ClerkRuntimeError(`reload(): the biometric credential ${this.id} is no longer listed.`, { code: 'resource_not_found' });
    return Object.assign(this, fresh);
  },
  __internal_toSnapshot(this: BiometricCredential) {
    return { object: 'trusted_device', ...(toWire(this) as JSONObject) };
  },
};

function biometricCredential(ctx: ResourceContext, json: JSONObject): BiometricCredential {
  const credential = Object.assign(Object.create(biometricCredentialProto), { name: null, lastUsedAt: null, revokedAt: null }, camelize(json));
  delete credential.object;
  // Not enumerable: the data alone is spread, serialised and snapshotted.
  return Object.defineProperty(credential, '_ctx', { value: ctx }) as BiometricCredential;
}

/** ClerkJS's values for what FAPI leaves out of an enterprise connection. */
const CONNECTION_DEFAULTS = {
  logoPublicUrl: null,
  domains: [],
  organizationId: null,
  allowOrganizationAccountLinking: false,
  customAttributes: [],
  oauthConfig: null,
  samlConnection: null,
  createdAt: null,
  updatedAt: null,
};
/** Snake_case keys camelCased, values as they are (a SAML connection's `*_at` stay epoch numbers, as in ClerkJS). */
const camelKeys = (json: JSONObject): JSONObject =>
  Object.fromEntries(Object.entries(json).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));

function enterpriseConnection(json: JSONObject): EnterpriseConnection {
  const connection = Object.assign(
    Object.create({ pathRoot: '/me/enterprise_connections', reload: noEndpoint.reload, __internal_toSnapshot: () => json }),
    CONNECTION_DEFAULTS,
    camelize(json, false, new Set(['custom_attributes', 'saml_connection'])),
  ) as EnterpriseConnection;
  if (json.custom_attributes) connection.customAttributes = json.custom_attributes as unknown[];
  const saml = json.saml_connection as JSONObject | null | undefined;
  if (saml) connection.samlConnection = { ...camelKeys(saml), idpCertificates: ((saml.idp_certificates as JSONObject[]) ?? []).map(camelKeys) } as never;
  return connection;
}

export const identification = {
  create(this: EmailAddress | PhoneNumber) {
    const body = 'emailAddress' in this ? { emailAddress: this.emailAddress } : { phoneNumber: (this as PhoneNumber).phoneNumber };
    return internal(this)._mutate('POST', 'emailAddress' in this ? '/me/email_addresses' : '/me/phone_numbers', body);
  },
};

export const externalAccount = {
  reload(this: ExternalAccount) {
    return internal(this)._reload(`/me/external_accounts/${this.id}`);
  },
};

/** A verification or token is part of another resource and has no FAPI endpoint of its own (ClerkJS's request there fails too). */
export const noEndpoint = {
  reload(): Promise<never> {
    return Promise.reject(
      new ClerkRuntimeError('reload(): this object has no endpoint of its own; reload the resource it belongs to.', { code: 'no_endpoint' }),
    );
  },
};

/** ClerkJS's default special characters, when the instance names none. */
const SPECIAL = /[!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~]/;

export const password = {
  validatePassword(this: SignIn | SignUp, value: string, callbacks: ValidatePasswordCallbacks = {}): void {
    if (typeof value !== 'string') {
      throw new ClerkRuntimeError(`validatePassword(): password must be a string, got ${typeof value}.`, { code: 'invalid_arguments' });
    }
    const settings = environments?.get(internal(this)._ctx)?.()?.userSettings.passwordSettings;
    if (!settings) return;
    const allowed = settings.allowedSpecialCharacters;
    const special = allowed ? new RegExp(`[${allowed.replace(/[\\\]^-]/g, '\\$&')}]`) : SPECIAL;
    // As ClerkJS: a rule counts when its setting is on (a length of 0 is off); a failed one is `true`.
    const passes: Record<keyof ComplexityErrors, boolean> = {
      min_length: value.length >= settings.minLength,
      max_length: value.length < settings.maxLength,
      require_numbers: /\d/.test(value),
      require_lowercase: /[a-z]/.test(value),
      require_uppercase: /[A-Z]/.test(value),
      require_special_char: special.test(value),
    };
    const enabled: Record<keyof ComplexityErrors, unknown> = {
      min_length: settings.minLength,
      max_length: settings.maxLength,
      require_numbers: settings.requireNumbers,
      require_lowercase: settings.requireLowercase,
      require_uppercase: settings.requireUppercase,
      require_special_char: settings.requireSpecialChar,
    };
    const complexity: ComplexityErrors = {};
    for (const key of Object.keys(passes) as Array<keyof ComplexityErrors>) if (enabled[key] && !passes[key]) complexity[key] = true;
    callbacks.onValidationComplexity?.(Object.keys(complexity).length === 0);
    callbacks.onValidation?.({ complexity });
  },
};

export const signUp = {
  validatePassword: password.validatePassword,
  upsert(this: SignUp, params: SignUpParams) {
    return this.id ? this.update(params) : this.create(params);
  },
};

/** camelCase resource data back to FAPI's JSON (snake_case keys, epoch-ms dates), for `updateClient`. */
export function toWire(value: unknown, asIs = false): unknown {
  if (value instanceof Date) return value.getTime();
  if (value instanceof URL) return value.href;
  if (asIs || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toWire(item));
  if (typeof (value as { getRawString?: unknown }).getRawString === 'function')
    return { object: 'token', jwt: (value as { getRawString(): string }).getRawString() };
  const out: JSONObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'function') continue;
    const name = key.replace(/URL$/, 'Url').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[name] = toWire(inner, key.endsWith('Metadata'));
  }
  return out;
}

export function clientJson(from: Client): JSONObject {
  return { object: 'client', ...(toWire(from) as JSONObject) };
}

/** The FAPI path of each data result's kind (ClerkJS's `pathRoot`), by the user method that resolves with it. */
const DATA_PATHS: Record<string, string> = {
  createTOTP: '/me/totp',
  verifyTOTP: '/me/totp',
  createBackupCode: '/me/backup_codes',
  setProfileImage: '/me/profile_image',
  getSessions: '/me/sessions',
};
const dataPrototypes: Record<string, object> = {};

/** The kernel's user methods that resolve with plain data, their results given their kind's prototype (pathRoot, reload). */
export const dataResults = Object.fromEntries(
  Object.entries(DATA_PATHS).map(([name, pathRoot]) => [
    name,
    async function (this: object, ...args: unknown[]) {
      // Bound to an object that inherits from this one: binding caches the kernel's method on the object it binds.
      const result = await kernelMethods[name]!.call(Object.create(this))(...args);
      const proto = (dataPrototypes[pathRoot] ??= { pathRoot, reload: noEndpoint.reload });
      for (const data of [result].flat() as object[]) Object.setPrototypeOf(data, proto);
      return result;
    },
  ]),
);
