/**
 * What the kernel does when no plugin provides `navigate` or `pageLoad`. Loaded on first use: every
 * preset composes a navigation plugin, so these rarely leave the server.
 */
import { ClerkRuntimeError, pageUrl, safeUrl } from './lazy-kit.js';
import type { Navigate } from './types.js';

/**
 * Without a plugin that provides `navigate`: a full page load, and only to an http(s) URL of this
 * page's origin that passes `safeUrl` (resolved first; control characters, backslashes, userinfo and
 * `//` pathnames refused) — otherwise an `unsafe_redirect` error.
 */
export const defaultNavigate: Navigate = async (to) => {
  const page = pageUrl();
  const url = typeof to === 'string' && page ? safeUrl(to, page, ['http:', 'https:']) : null;
  if (!url || url.origin !== page!.origin) {
    throw new ClerkRuntimeError(`Refusing to navigate to "${to}": only paths on this page's origin are followed without the navigation plugin.`, {
      code: 'unsafe_redirect',
    });
  }
  window.location.assign(url.href);
};

/** A provider's sign-in page (OAuth) without the `pageLoad` capability: any http(s) URL without userinfo. */
export const defaultPageLoad = (url: URL) => {
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new ClerkRuntimeError(`Refusing to load "${url.href}".`, { code: 'unsafe_redirect' });
  }
  window.location.assign(url.href);
};
