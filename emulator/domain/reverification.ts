/**
 * Reverification: how long ago a session verified its factors, and the rule that sensitive actions
 * need a recent verification (`settings.reverification`, off unless `maxAgeMinutes` is set).
 */
import type { EmulatorCore } from './core.js';
import { fapiError } from './errors.js';
import type { SessionRecord, UserRecord } from './records.js';
import type { ReverificationLevel } from './settings.js';

/** Minutes since the first and second factor were verified (−1 = never), as `factor_verification_age`. */
export function factorVerificationAge(now: number, session: SessionRecord): [number, number] {
  const minutes = (ms: number | null) => (ms === null ? -1 : Math.floor((now - ms) / 60_000));
  return [minutes(session.firstFactorVerifiedAt), minutes(session.secondFactorVerifiedAt)];
}

/**
 * Whether the session verified what `level` asks within `maxAgeMinutes` (fractions allowed, measured in
 * ms). `second_factor` falls back to the first factor for users without two-step verification;
 * `multi_factor` needs both.
 */
export function isRecentlyVerified(core: EmulatorCore, session: SessionRecord, user: UserRecord, level: ReverificationLevel, maxAgeMinutes: number): boolean {
  const now = core.now();
  const fresh = (at: number | null) => at !== null && now - at < maxAgeMinutes * 60_000;
  const hasSecond = core.twoFactorEnabled(user);
  if (level === 'first_factor') return fresh(session.firstFactorVerifiedAt);
  if (level === 'second_factor') return hasSecond ? fresh(session.secondFactorVerifiedAt) : fresh(session.firstFactorVerifiedAt);
  return fresh(session.firstFactorVerifiedAt) && (!hasSecond || fresh(session.secondFactorVerifiedAt));
}

/** Throws FAPI's 403 `session_reverification_required` for a sensitive action on a stale session. */
export function assertRecentlyVerified(core: EmulatorCore, session: SessionRecord, user: UserRecord): void {
  const { maxAgeMinutes, level } = core.settings.reverification;
  if (maxAgeMinutes === null || isRecentlyVerified(core, session, user, level, maxAgeMinutes)) return;
  throw fapiError(
    403,
    'session_reverification_required',
    'You need to provide additional verification to perform this operation',
    'You need to provide additional verification to perform this operation',
    { reverification: { level, after_minutes: maxAgeMinutes } },
  );
}
