/** SignIn JSON: status, the factors the user can use, and the verifications in progress. */
import { signInFirstFactors, supportedIdentifiers, supportedSecondFactors, type SupportedFactor } from '../domain/auth-factors.js';
import { maskIdentifier, normalizePhone } from '../domain/identifiers.js';
import { protectCheckJson } from '../domain/protect-check.js';
import { userImageUrl } from './public-user.js';
import { verificationJson } from './verification.js';
import type { Json, JsonView } from './view.js';

export function signInJson(view: JsonView, signInId: string): Json | null {
  const { core } = view;
  const signIn = core.store.signIns.get(signInId);
  if (!signIn) return null;
  const user = signIn.userId ? core.store.users.get(signIn.userId) : undefined;
  return {
    object: 'sign_in',
    id: signIn.id,
    status: signIn.status,
    identifier: signIn.identifier,
    timezone: signIn.timezone ?? null,
    supported_identifiers: supportedIdentifiers(core),
    supported_first_factors: masked(signInFirstFactors(core, signIn, user), signIn.identifier),
    supported_second_factors: user && signIn.status === 'needs_second_factor' ? masked(supportedSecondFactors(core, user), signIn.identifier) : null,
    first_factor_verification: verificationJson(signIn.firstFactorVerification),
    second_factor_verification: verificationJson(signIn.secondFactorVerification),
    created_session_id: signIn.createdSessionId,
    protect_check: protectCheckJson(signIn.protectCheck),
    user_data: user ? { first_name: user.firstName, last_name: user.lastName, image_url: userImageUrl(user), has_image: user.imageDataUrl !== null } : null,
    abandon_at: signIn.abandonAt,
    created_at: signIn.createdAt,
    updated_at: signIn.updatedAt,
  };
}

const sameIdentifier = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || (a.startsWith('+') && normalizePhone(a) === normalizePhone(b));

/** As FAPI sends them: the identifier the user typed in full, every other one of the account masked. */
function masked<T extends SupportedFactor[] | null>(factors: T, typed: string | null): T {
  if (!factors) return factors;
  return factors.map((f) =>
    f.safe_identifier && !(typed && sameIdentifier(f.safe_identifier, typed)) ? { ...f, safe_identifier: maskIdentifier(f.safe_identifier) } : f,
  ) as T;
}
