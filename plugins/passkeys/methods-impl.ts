/** The bodies of the methods methods.ts installs, loaded on the first call of any of them (with the WebAuthn code). */
import type { BaseResource, JSONObject, ResourceContext, Session, SignIn, User } from '../../kernel/index.js';
import { ClerkRuntimeError, Verification, camelize } from '../../kernel/lazy-kit.js';
import type {
  Passkey,
  PasskeyMethods,
  SessionVerification,
  SessionVerificationMethods,
  SessionVerifyAttemptFirstFactorParams,
  SessionVerifyAttemptSecondFactorParams,
  SignInPasskeyMethods,
  UserPasskeyMethods,
} from './methods.js';
import { createCredentialJson, getCredentialJson, isWebAuthnAutofillSupported, serializeAssertion } from './webauthn.js';

/** The resource classes of methods.ts, set by the method stubs before the first body runs. */
export const classes = {} as { Passkey: typeof Passkey; Session: typeof Session };

const ctxOf = (resource: BaseResource) => (resource as unknown as { _ctx: ResourceContext })._ctx;

const invalid = (message: string) => new ClerkRuntimeError(message, { code: 'invalid_arguments' });

async function post(
  resource: BaseResource,
  path: string,
  body?: Record<string, unknown>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' = 'POST',
): Promise<JSONObject> {
  const payload = await ctxOf(resource).fapi.request<{ response?: JSONObject } | null>({ method, path, body });
  return payload?.response ?? {};
}

export const signIn: SignInPasskeyMethods & ThisType<SignIn> = {
  async authenticateWithPasskey(params = {}) {
    const flow = params?.flow;
    if (flow !== undefined && flow !== 'discoverable' && flow !== 'autofill') {
      throw invalid(`signIn.authenticateWithPasskey: flow must be 'discoverable', 'autofill' or omitted, got ${JSON.stringify(flow)}.`);
    }
    // As ClerkJS: without a flow, a sign-in waiting for its second factor uses the passkey there, when the instance allows it.
    if (!flow && this.status === 'needs_second_factor' && this.supportedSecondFactors?.some((f) => f.strategy === 'passkey')) {
      await this.prepareSecondFactor({ strategy: 'passkey' });
      const publicKeyCredential = await getCredentialJson(this.secondFactorVerification.nonce, false);
      return this.attemptSecondFactor({ strategy: 'passkey', publicKeyCredential });
    }
    if (flow) {
      await this.create({ strategy: 'passkey' });
    } else {
      if (!this.id || !this.supportedFirstFactors?.some((f) => f.strategy === 'passkey')) {
        throw new ClerkRuntimeError(
          'signIn.authenticateWithPasskey() without a flow needs a sign-in created with an identifier whose account has a passkey; use { flow: "discoverable" } otherwise.',
          { code: 'passkey_not_available' },
        );
      }
      await this.prepareFirstFactor({ strategy: 'passkey' });
    }
    // Autofill only where the browser supports conditional UI; elsewhere it is a plain request.
    const conditional = flow === 'autofill' && (await isWebAuthnAutofillSupported());
    const publicKeyCredential = await getCredentialJson(this.firstFactorVerification.nonce, conditional);
    return this.attemptFirstFactor({ strategy: 'passkey', publicKeyCredential });
  },
};

export const user: UserPasskeyMethods & ThisType<User> = {
  async createPasskey() {
    const ctx = ctxOf(this);
    const passkey = new classes.Passkey(ctx, await post(this, '/me/passkeys'));
    const publicKeyCredential = await createCredentialJson(passkey.verification?.nonce);
    return passkey.fromJSON(await post(this, `/me/passkeys/${passkey.id}/attempt_verification`, { strategy: 'passkey', publicKeyCredential }));
  },
};

export const passkey: PasskeyMethods & ThisType<Passkey> = {
  async update(params) {
    const name = params?.name;
    if (name != null && typeof name !== 'string') throw invalid(`passkey.update: name must be a string or null, got ${JSON.stringify(name)}.`);
    return this.fromJSON(await post(this, `/me/passkeys/${this.id}`, { name }, 'PATCH'));
  },
  async delete() {
    const json = await post(this, `/me/passkeys/${this.id}`, undefined, 'DELETE');
    return { object: String(json.object ?? 'passkey'), id: String(json.id ?? this.id), deleted: json.deleted !== false };
  },
  async reload() {
    return this.fromJSON(await post(this, `/me/passkeys/${this.id}`, undefined, 'GET'));
  },
};

const noEndpoint = () =>
  Promise.reject(
    new ClerkRuntimeError('A session verification has no endpoint to reload it from: its methods resolve with the current state.', { code: 'no_endpoint' }),
  );

/** SessionVerificationJSON → the resource; the session in it refreshes this one (its `factorVerificationAge`). */
function toVerification(session: Session, json: JSONObject): SessionVerification {
  if (json.session) session.fromJSON(json.session as JSONObject);
  return {
    id: String(json.id ?? ''),
    status: json.status as SessionVerification['status'],
    level: json.level as SessionVerification['level'],
    session: json.session ? new classes.Session(ctxOf(session), json.session as JSONObject) : session,
    supportedFirstFactors: camelize(json.supported_first_factors ?? null),
    supportedSecondFactors: camelize(json.supported_second_factors ?? null),
    firstFactorVerification: new Verification(json.first_factor_verification as JSONObject),
    secondFactorVerification: new Verification(json.second_factor_verification as JSONObject),
    pathRoot: '',
    reload: noEndpoint,
  };
}

/** An attempt's body: a passkey assertion becomes the JSON string FAPI takes, the rest goes as given. */
function attemptBody(params: SessionVerifyAttemptFirstFactorParams | SessionVerifyAttemptSecondFactorParams): Record<string, unknown> {
  if (params.strategy !== 'passkey' || typeof params.publicKeyCredential === 'string') return { ...params };
  return { ...params, publicKeyCredential: serializeAssertion(params.publicKeyCredential) };
}

/** Strategies FAPI takes as given (beyond the ones checked field by field). */
const PASSED_THROUGH = ['enterprise_sso', 'trusted_device'];
const CODE_STRATEGIES = ['phone_code', 'totp', 'backup_code', 'email_code'];

const LEVELS = ['first_factor', 'second_factor', 'multi_factor'];

export const session: SessionVerificationMethods & ThisType<Session> = {
  async startVerification(params) {
    if (!LEVELS.includes(params?.level))
      throw invalid(`session.startVerification: level must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(params?.level)}.`);
    return toVerification(this, await post(this, `/client/sessions/${this.id}/verify`, { level: params.level }));
  },
  async prepareFirstFactorVerification(factor) {
    const strategy = factor?.strategy;
    const body =
      strategy === 'email_code'
        ? { strategy, emailAddressId: factor.emailAddressId }
        : strategy === 'phone_code'
          ? { strategy, phoneNumberId: factor.phoneNumberId, default: factor.default, channel: factor.channel }
          : strategy === 'passkey'
            ? { strategy }
            : PASSED_THROUGH.includes(strategy)
              ? { ...factor }
              : undefined;
    if (!body)
      throw invalid(
        `session.prepareFirstFactorVerification: strategy must be email_code, phone_code, passkey, enterprise_sso or trusted_device, got ${JSON.stringify(strategy)}.`,
      );
    return toVerification(this, await post(this, `/client/sessions/${this.id}/verify/prepare_first_factor`, body));
  },
  async attemptFirstFactorVerification(params) {
    if (!params?.strategy) throw invalid('session.attemptFirstFactorVerification: strategy is required.');
    return toVerification(this, await post(this, `/client/sessions/${this.id}/verify/attempt_first_factor`, attemptBody(params)));
  },
  async verifyWithPasskey(params) {
    if (params?.level === 'second_factor') {
      const prepared = await this.prepareSecondFactorVerification({ strategy: 'passkey' });
      const publicKeyCredential = await getCredentialJson(prepared.secondFactorVerification.nonce);
      return this.attemptSecondFactorVerification({ strategy: 'passkey', publicKeyCredential });
    }
    const prepared = await this.prepareFirstFactorVerification({ strategy: 'passkey' });
    const publicKeyCredential = await getCredentialJson(prepared.firstFactorVerification.nonce);
    return this.attemptFirstFactorVerification({ strategy: 'passkey', publicKeyCredential });
  },
  async prepareSecondFactorVerification(params) {
    const strategy = params?.strategy;
    if (strategy !== 'phone_code' && strategy !== 'passkey' && strategy !== 'trusted_device')
      throw invalid(`session.prepareSecondFactorVerification: strategy must be phone_code, passkey or trusted_device, got ${JSON.stringify(strategy)}.`);
    return toVerification(this, await post(this, `/client/sessions/${this.id}/verify/prepare_second_factor`, { ...params }));
  },
  async attemptSecondFactorVerification(params) {
    if (!params?.strategy || (CODE_STRATEGIES.includes(params.strategy) && typeof (params as { code?: unknown }).code !== 'string'))
      throw invalid('session.attemptSecondFactorVerification: strategy and code are required.');
    return toVerification(this, await post(this, `/client/sessions/${this.id}/verify/attempt_second_factor`, attemptBody(params)));
  },
};
