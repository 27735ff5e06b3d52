/**
 * The `<script>` build: like ClerkJS's browser script, it reads `data-clerk-publishable-key` (and
 * `data-clerk-proxy-url`, `data-clerk-domain`) from its own tag, or `window.__clerk_publishable_key` etc.,
 * and puts the instance on `window.Clerk`. UI code stays in chunks loaded on first mount.
 */
import { Clerk } from './full.js';

type ClerkGlobals = {
  Clerk?: unknown;
  __clerk_publishable_key?: string;
  __clerk_proxy_url?: string;
  __clerk_domain?: string;
};

const globals = window as unknown as ClerkGlobals;
const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const publishableKey = data.clerkPublishableKey ?? globals.__clerk_publishable_key;

if (!globals.Clerk) {
  if (publishableKey) {
    const proxyUrl = data.clerkProxyUrl ?? globals.__clerk_proxy_url;
    const domain = data.clerkDomain ?? globals.__clerk_domain;
    globals.Clerk = new Clerk(publishableKey, proxyUrl ? { proxyUrl } : domain ? { domain } : {});
  } else {
    // Without a key the class itself is exposed, for `new window.Clerk(key)`.
    globals.Clerk = Clerk;
  }
}
