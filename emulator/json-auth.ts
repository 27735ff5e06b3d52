/** SignIn and SignUp JSON. */
import { supportedFirstFactors, supportedIdentifiers, supportedSecondFactors, signUpRequirements } from './auth-factors.js';
import { userImageUrl, verificationJson, type JsonView } from './json.js';
import type { VerificationRecord } from './store.js';

type Json = Record<string, unknown>;

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
    supported_identifiers: supportedIdentifiers(core),
    supported_first_factors: user ? supportedFirstFactors(core, user) : [],
    supported_second_factors: user && signIn.status === 'needs_second_factor' ? supportedSecondFactors(core, user) : null,
    first_factor_verification: verificationJson(signIn.firstFactorVerification),
    second_factor_verification: verificationJson(signIn.secondFactorVerification),
    created_session_id: signIn.createdSessionId,
    user_data: user
      ? { first_name: user.firstName, last_name: user.lastName, image_url: userImageUrl(user), has_image: user.imageDataUrl !== null }
      : null,
    abandon_at: signIn.abandonAt,
    created_at: signIn.createdAt,
    updated_at: signIn.updatedAt,
  };
}

function signUpVerificationJson(verification: VerificationRecord | null, supportedStrategies: string[]): Json {
  const base = verificationJson(verification) ?? {
    object: 'verification',
    status: 'unverified',
    strategy: null,
    attempts: null,
    expire_at: null,
    verified_at_client: null,
    external_verification_redirect_url: null,
    error: null,
  };
  const nextAction = verification?.status === 'verified' ? '' : verification && verification.strategy ? 'needs_attempt' : 'needs_prepare';
  return { ...base, next_action: nextAction, supported_strategies: supportedStrategies };
}

export function signUpJson(view: JsonView, signUpId: string): Json | null {
  const { core } = view;
  const signUp = core.store.signUps.get(signUpId);
  if (!signUp) return null;
  const requirements = signUpRequirements(core, signUp);
  const emailStrategies = core.settings.emailAddress.firstFactors.filter((s) => s === 'email_code' || s === 'email_link');
  return {
    object: 'sign_up',
    id: signUp.id,
    status: signUp.status,
    required_fields: requirements.required,
    optional_fields: requirements.optional,
    missing_fields: signUp.status === 'complete' ? [] : requirements.missing,
    unverified_fields: signUp.status === 'complete' ? [] : requirements.unverified,
    verifications: {
      email_address: signUp.emailAddress !== null ? signUpVerificationJson(signUp.emailVerification, emailStrategies.length ? emailStrategies : ['email_code']) : null,
      phone_number: signUp.phoneNumber !== null ? signUpVerificationJson(signUp.phoneVerification, ['phone_code']) : null,
      web3_wallet: null,
      external_account: signUp.externalAccountStrategy
        ? signUpVerificationJson(signUp.externalAccountVerification, [signUp.externalAccountStrategy])
        : null,
    },
    username: signUp.username,
    email_address: signUp.emailAddress,
    phone_number: signUp.phoneNumber,
    web3_wallet: null,
    first_name: signUp.firstName,
    last_name: signUp.lastName,
    has_password: signUp.password !== null,
    unsafe_metadata: signUp.unsafeMetadata,
    external_account_strategy: signUp.externalAccountStrategy,
    external_account: signUp.oauthProfile
      ? {
          provider: signUp.oauthProfile.provider,
          provider_user_id: signUp.oauthProfile.providerUserId,
          email_address: signUp.oauthProfile.emailAddress,
          first_name: signUp.oauthProfile.firstName,
          last_name: signUp.oauthProfile.lastName,
          username: signUp.oauthProfile.username,
          image_url: signUp.oauthProfile.imageUrl,
        }
      : null,
    created_session_id: signUp.createdSessionId,
    created_user_id: signUp.createdUserId,
    abandon_at: signUp.abandonAt,
    legal_accepted_at: signUp.legalAcceptedAt,
    locale: null,
  };
}
