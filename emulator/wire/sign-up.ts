/** SignUp JSON: the fields still required and the verifications of each identifier. */
import { signUpRequirements } from '../domain/auth-factors.js';
import { protectCheckJson } from '../domain/protect-check.js';
import type { VerificationRecord } from '../domain/records.js';
import { verificationJson } from './verification.js';
import type { Json, JsonView } from './view.js';

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
    protect_check: protectCheckJson(signUp.protectCheck),
    verifications: {
      email_address:
        signUp.emailAddress !== null ? signUpVerificationJson(signUp.emailVerification, emailStrategies.length ? emailStrategies : ['email_code']) : null,
      phone_number: signUp.phoneNumber !== null ? signUpVerificationJson(signUp.phoneVerification, ['phone_code']) : null,
      web3_wallet: signUp.web3Wallet !== null ? signUpVerificationJson(signUp.web3Verification, core.settings.web3) : null,
      external_account: signUp.externalAccountStrategy ? signUpVerificationJson(signUp.externalAccountVerification, [signUp.externalAccountStrategy]) : null,
    },
    username: signUp.username,
    email_address: signUp.emailAddress,
    phone_number: signUp.phoneNumber,
    web3_wallet: signUp.web3Wallet,
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
    locale: signUp.locale ?? null,
    timezone: signUp.timezone ?? null,
  };
}
