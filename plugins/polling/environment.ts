/** The part of Web Locks the poller uses: an `ifAvailable` request gets `null` while another tab holds the lock. */
export interface LockRequester {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: object | null) => Promise<T> | T): Promise<T>;
}

/** What the poller needs from the page; tests pass their own (one per simulated tab). */
export interface PollingEnvironment {
  /** Whether this tab can be seen (`document.visibilityState !== 'hidden'`). */
  isVisible(): boolean;
  /** Calls `listener` on window focus and on visibility changes; returns the unsubscribe function. */
  onActivity(listener: (change: 'focus' | 'visible' | 'hidden') => void): () => void;
  /** Web Locks (`navigator.locks`); null where the browser has none. */
  locks: LockRequester | null;
  /** The BroadcastChannel constructor; null where the host has none. */
  BroadcastChannel: typeof BroadcastChannel | null;
}

/** The real page: document visibility, window focus, navigator.locks, BroadcastChannel. */
export function browserEnvironment(): PollingEnvironment {
  const hasDocument = typeof document !== 'undefined';
  return {
    isVisible: () => !hasDocument || document.visibilityState !== 'hidden',
    onActivity(listener) {
      if (!hasDocument || typeof window === 'undefined') return () => {};
      const onFocus = () => listener('focus');
      const onVisibility = () => listener(document.visibilityState === 'hidden' ? 'hidden' : 'visible');
      window.addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('focus', onFocus);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
    locks: ((typeof navigator !== 'undefined' && navigator.locks) || null) as LockRequester | null,
    BroadcastChannel: typeof BroadcastChannel !== 'undefined' ? BroadcastChannel : null,
  };
}
