/** SessionVerificationJSON: a reverification in progress, with the session it is for. */
import { supportedFirstFactors, supportedSecondFactors } from '../domain/auth-factors.js';
import type { SessionRecord, SessionVerificationRecord, UserRecord } from '../domain/records.js';
import { sessionJson } from './session.js';
import { verificationJson } from './verification.js';
import type { Json, JsonView } from './view.js';

/** The factors a session can reverify with: no links and no reset codes. */
export const REVERIFICATION_FIRST_FACTORS = ['password', 'email_code', 'phone_code', 'passkey'];

export function reverificationFirstFactors(view: JsonView, user: UserRecord) {
  return supportedFirstFactors(view.core, user).filter((f) => REVERIFICATION_FIRST_FACTORS.includes(f.strategy));
}

export function sessionVerificationJson(view: JsonView, record: SessionVerificationRecord, session: SessionRecord, user: UserRecord): Json {
  return {
    object: 'session_verification',
    id: record.id,
    status: record.status,
    level: record.level,
    session: sessionJson(view, session),
    supported_first_factors: reverificationFirstFactors(view, user),
    supported_second_factors: supportedSecondFactors(view.core, user),
    first_factor_verification: verificationJson(record.firstFactorVerification),
    second_factor_verification: verificationJson(record.secondFactorVerification),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}
