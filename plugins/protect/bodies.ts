/** The protect plugin's bodies, loaded on first use: resolving the assertion and submitting a proof. */
import { ClerkRuntimeError, expectObject } from '../../kernel/lazy-kit.js';
import type { FapiRequest, SignIn, SignUp } from '../../kernel/index.js';
import type { ProtectAssertion } from './index.js';

/** The assertion's value for this request: a function's result; a throw, a rejection, a non-string or a blank string is none (with a warning). */
async function resolveAssertion(assertion: ProtectAssertion): Promise<string | undefined> {
  let value: unknown = assertion;
  if (typeof assertion == 'function') {
    try {
      value = await assertion();
    } catch (error) {
      console.warn(`[microclerk] The protectAssertion resolver failed; continuing without an assertion: ${String(error)}`);
      return undefined;
    }
  }
  if (value === undefined) return undefined;
  if (typeof value != 'string' || !value.trim()) {
    console.warn('[microclerk] protectAssertion must be a non-empty string (or a function returning one); ignoring it.');
    return undefined;
  }
  return value;
}

/** The sign-in and sign-up requests ClerkJS attaches the assertion to (any method but GET). */
const GATED = /^\/client\/sign_(in|up)s(\/|$)/;

/** `req` with `__clerk_protect_assertion` in its form body, as ClerkJS sends it: sign-in/sign-up mutations with a plain-object or no body. */
export async function withAssertion(req: FapiRequest, assertion: ProtectAssertion): Promise<FapiRequest> {
  const { body } = req;
  if ((req.method ?? 'GET') == 'GET' || !GATED.test(req.path)) return req;
  if (body !== undefined && (typeof body != 'object' || Object.getPrototypeOf(body) !== Object.prototype)) return req;
  const value = await resolveAssertion(assertion);
  return value === undefined ? req : { ...req, body: { ...body, __clerk_protect_assertion: value } };
}

/** `submitProtectCheck({ proofToken })` of SignIn and SignUp: `PATCH /client/sign_ins|sign_ups/:id/protect_check`. */
export function submitProtectCheck<R extends SignIn | SignUp>(this: R, params: { proofToken: string }): Promise<R> {
  // Told apart by shape, as ClerkJS does: only a sign-in has `identifier`.
  const [kind, name] = 'identifier' in this ? ['sign_ins', 'signIn'] : ['sign_ups', 'signUp'];
  const where = `${name}.submitProtectCheck()`;
  expectObject(params, where, 'params');
  const { proofToken } = params;
  if (typeof proofToken != 'string' || !proofToken)
    throw new ClerkRuntimeError(`${where}: proofToken must be the non-empty string the challenge SDK resolved with.`, { code: 'invalid_arguments' });
  if (!this.id) throw new ClerkRuntimeError(`${where}: there is no ${name} in progress.`, { code: 'invalid_state' });
  return this._mutate('PATCH', `/client/${kind}/${this.id}/protect_check`, { proofToken }) as Promise<R>;
}
