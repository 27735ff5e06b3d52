import type { ClerkGlobalHookError } from './flow-signal.js';
import type { JoinWaitlistParams, Waitlist } from '../waitlist/index.js';

type Step = (action: () => Promise<unknown>) => Promise<{ error: ClerkGlobalHookError | null }>;

/**
 * ClerkJS's waitlist resource as `useWaitlist()` reads it (`waitlist` of the signal): the entry's
 * `id`/`createdAt`/`updatedAt` once joined, and `join()` resolving `{ error }` (its FAPI error in the signal's `errors`).
 */
export function createWaitlistFuture(join: (params: JoinWaitlistParams) => Promise<Waitlist>, run: Step) {
  let entry: Waitlist | undefined;
  return {
    pathRoot: '/waitlist',
    get id() {
      return entry?.id ?? '';
    },
    get createdAt() {
      return entry?.createdAt ?? null;
    },
    get updatedAt() {
      return entry?.updatedAt ?? null;
    },
    join: (params: JoinWaitlistParams) => run(async () => void (entry = await join(params))),
    async reload() {
      return this;
    },
  };
}
