/**
 * A change feed with the two primitives `@clerk/react` calls on `clerk.__internal_state`
 * (ClerkJS uses alien-signals there). An effect re-runs on every change of the sign-in/sign-up state
 * rather than only on the signals it read: consumers (React's useSyncExternalStore) compare snapshots,
 * so an extra run costs a comparison, never a wrong value.
 */
export interface SignalHub {
  changed(): void;
  effect(fn: () => void): () => void;
  computed<T>(getter: (previous?: T) => T): () => T;
}

export function createSignalHub(): SignalHub {
  const effects = new Set<() => void>();
  let version = 0;
  const runEffect = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      console.error('[microclerk] a state effect threw:', err);
    }
  };
  return {
    changed() {
      version++;
      for (const fn of [...effects]) runEffect(fn);
    },
    effect(fn) {
      const own = () => fn();
      runEffect(own);
      effects.add(own);
      return () => void effects.delete(own);
    },
    computed<T>(getter: (previous?: T) => T) {
      let seen = -1;
      let value: T | undefined;
      // Same object until the next change: React requires a stable snapshot between changes.
      return () => {
        if (seen !== version) {
          value = getter(value);
          seen = version;
        }
        return value as T;
      };
    },
  };
}

export type { FlowErrors, FlowValue } from './flow-signal.js';
