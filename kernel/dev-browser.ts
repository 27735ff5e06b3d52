import type { FapiClient } from './fapi.js';

/** Hosts whose keys use the dev-browser handshake, as ClerkJS decides it. */
const DEV_BROWSER_HOSTS = [
  '.lcl.dev',
  '.stg.dev',
  '.lclstage.dev',
  '.stgstage.dev',
  '.dev.lclclerk.com',
  '.stg.lclclerk.com',
  '.accounts.lclclerk.com',
  'accountsstage.dev',
  'accounts.dev',
];

export const usesDevBrowser = (frontendApi: string) => DEV_BROWSER_HOSTS.some((suffix) => frontendApi.endsWith(suffix));

const COOKIE = '__clerk_db_jwt';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** First 8 characters of URL-safe base64(SHA-1(publishable key)): ClerkJS's cookie-name suffix. */
export async function cookieSuffix(publishableKey: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return '';
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(publishableKey));
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return base64.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8);
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split('; ')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return undefined;
}

export function writeCookie(name: string, value: string | null, attributes: string): void {
  if (typeof document === 'undefined') return;
  document.cookie = value === null ? `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT` : `${name}=${encodeURIComponent(value)}; path=/; ${attributes}`;
}

/**
 * Finds this browser's dev-browser token: from the page URL (a cross-origin redirect brought it; the
 * address bar is cleaned), then from the cookie, else asks FAPI for a new one. The caller stores it.
 */
export async function findDevBrowser(fapi: FapiClient, suffix: string): Promise<string> {
  let token: string | undefined;
  if (typeof window !== 'undefined' && window.location) {
    const url = new URL(window.location.href);
    token = url.searchParams.get(COOKIE) ?? undefined;
    if (token) {
      url.searchParams.delete(COOKIE);
      window.history?.replaceState?.(window.history.state, '', url.href);
    }
  }
  return token ?? readCookie(`${COOKIE}_${suffix}`) ?? readCookie(COOKIE) ?? (await fapi.createDevBrowser());
}

/** A page framed by another origin: reading the top window's location throws there. */
function inCrossOriginIframe(): boolean {
  if (typeof window === 'undefined' || window.top === window.self) return false;
  try {
    return !window.top?.location.href;
  } catch {
    return true;
  }
}

/**
 * SameSite and Secure as ClerkJS sets them on the cookies the SDK writes: `sameSite` (Lax, or Strict
 * for `__client_uat`) and Secure on https pages, so an https app's tokens never travel over plain
 * http; inside a cross-origin iframe on https, `SameSite=None; Secure` (a Lax cookie would not be sent there).
 */
export function cookieAttributes(sameSite: 'Lax' | 'Strict'): string {
  const https = typeof location !== 'undefined' && location.protocol === 'https:';
  if (https && inCrossOriginIframe()) return 'SameSite=None; Secure';
  return `SameSite=${sameSite}${https ? '; Secure' : ''}`;
}

export function storeDevBrowser(token: string, suffix: string): void {
  const attributes = `max-age=${ONE_YEAR_SECONDS}; ${cookieAttributes('Lax')}`;
  writeCookie(COOKIE, token, attributes);
  if (suffix) writeCookie(`${COOKIE}_${suffix}`, token, attributes);
}
