/**
 * Clerk Protect mid-flow checks, emulated. With `settings.protectCheck.signIn` / `.signUp` on, a create
 * is held behind a challenge: the resource answers with `protect_check` (`status: 'pending'`, `token`,
 * `sdk_url`, `expires_at`), and `PATCH …/protect_check` with `proof_token` clears it. The deterministic
 * test rule: the proof of a challenge is `proof_` + its token, which is what the emulator's fake challenge
 * SDK (`GET <prefix>/__emulator/protect/sdk.js`) resolves with. Chained checks (`chain` > 1) issue a new
 * token after each good proof; the last one releases the held create.
 */
import { fapiError } from './errors.js';
import { randomToken } from './ids.js';
import type { ProtectCheckRecord } from './records.js';

/** How long a challenge can be answered. */
export const PROTECT_CHECK_TTL_MS = 10 * 60 * 1000;

/** The proof the fake SDK produces for `token` (the emulator accepts exactly this). */
const PROOF_PREFIX = 'proof_';
export const protectProofFor = (token: string): string => `${PROOF_PREFIX}${token}`;

export function newProtectCheck(now: number, sdkUrl: string, remaining: number, heldBody: Array<[string, string]>): ProtectCheckRecord {
  return { token: `pct_${randomToken(16)}`, sdkUrl, expiresAt: now + PROTECT_CHECK_TTL_MS, remaining, heldBody };
}

/** FAPI's `protect_check` object (null when no challenge is pending). */
export function protectCheckJson(check: ProtectCheckRecord | null | undefined): Record<string, unknown> | null {
  return check ? { status: 'pending', token: check.token, sdk_url: check.sdkUrl, expires_at: check.expiresAt } : null;
}

/** Refuses an operation on a resource whose create is still held behind a challenge. */
export function assertNoProtectCheck(resource: { protectCheck?: ProtectCheckRecord | null }, what: string): void {
  if (resource.protectCheck) {
    throw fapiError(403, 'protect_check_required', 'Verification required', `Complete the pending protect check before this ${what} can continue.`);
  }
}

/**
 * Checks `proof` against the pending challenge. Returns the next challenge of a chain, or null once the
 * gate is cleared (the caller then replays the held create). A wrong proof leaves the challenge as it was.
 */
export function answerProtectCheck(check: ProtectCheckRecord | null | undefined, proof: string | undefined, now: number): ProtectCheckRecord | null {
  if (!check) throw fapiError(400, 'protect_check_already_resolved', 'No pending check', 'There is no pending protect check to submit a proof for.');
  if (!proof) throw fapiError(422, 'form_param_missing', 'proof_token must be included.', 'proof_token must be included.', { param_name: 'proof_token' });
  if (check.expiresAt < now) throw fapiError(422, 'protect_check_expired', 'Check expired', 'The protect check expired: start again.');
  if (proof !== protectProofFor(check.token)) {
    throw fapiError(422, 'protect_check_invalid', 'Verification failed', 'The proof token does not answer the pending protect check.', {
      param_name: 'proof_token',
    });
  }
  return check.remaining > 0 ? { ...newProtectCheck(now, check.sdkUrl, check.remaining - 1, check.heldBody) } : null;
}

/**
 * The fake challenge SDK (an ES module, as Clerk's challenge SDKs are): its default export renders one
 * "I am not a robot" button into the container (text only, no HTML) and resolves with the proof of
 * `token` when it is pressed; an abort removes it and rejects with an `AbortError`.
 */
export const FAKE_PROTECT_SDK = `// microclerk emulator: fake Clerk Protect challenge SDK (test tool).
export default function challenge(container, { token, signal } = {}) {
  return new Promise((resolve, reject) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'I am not a robot';
    button.setAttribute('data-emulator-protect-check', '');
    button.addEventListener('click', () => {
      button.remove();
      resolve(${JSON.stringify(PROOF_PREFIX)} + token);
    });
    signal?.addEventListener('abort', () => {
      button.remove();
      const error = new Error('Protect check aborted');
      error.name = 'AbortError';
      reject(error);
    });
    container.appendChild(button);
  });
}
`;
