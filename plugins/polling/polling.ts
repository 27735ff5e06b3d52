import { definePlugin } from '../../kernel/index.js';
import type { PollingEnvironment } from './environment.js';
import { pollingLoadOptionsSchema } from './options.js';

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    polling: Record<never, never>;
  }
}

export interface PollingPluginOptions {
  /** Replaces parts of the page the poller reads (visibility, focus, Web Locks, BroadcastChannel). */
  environment?: Partial<PollingEnvironment>;
}

/**
 * Keeps the current session's token fresh before it expires, touches the session on focus, does
 * nothing in hidden tabs, and lets one tab of the browser refresh for all of them (see poller.ts).
 */
export function pollingPlugin(options: PollingPluginOptions = {}) {
  return definePlugin({
    name: 'polling',
    loadOptions: pollingLoadOptionsSchema,
    setup(ctx) {
      // Everything the poller does starts in load(): its code is fetched alongside load()'s requests
      // (as the compat plugin's futures are) rather than with the initial bundle, and load() waits for it.
      const loading = import('./poller.js');
      loading.catch(() => {}); // reported through the load hook
      let stop: (() => void) | undefined;
      let disposed = false;
      ctx.onLoad(async (loadOptions) => {
        const { startPolling } = await loading;
        if (ctx.kernel.standardBrowser && !disposed) stop = startPolling(ctx, options, loadOptions);
      });
      ctx.onDispose(() => {
        disposed = true;
        stop?.();
      });
      return {};
    },
  });
}
