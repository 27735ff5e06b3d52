/** The cookies production instances use: `__client` (who the client is) and `__client_uat` (when it signed in). */
import { requestHeader } from './transport.js';

export const CLIENT_COOKIE = '__client';

export function readCookie(request: Request, name: string): string | undefined {
  const header = requestHeader(request, 'cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** `Secure` only over https, so the cookies also work against the plain-http local server. */
function secureAttribute(url: URL): string {
  return url.protocol === 'https:' ? '; Secure' : '';
}

/** HttpOnly: only the emulator reads it, as FAPI's own `__client` cookie. */
export function clientCookie(value: string, url: URL): string {
  return `${CLIENT_COOKIE}=${value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secureAttribute(url)}`;
}

/** Not HttpOnly: ClerkJS and server SDKs read it to tell whether the client is signed in. */
export function clientUatCookie(value: number, url: URL): string {
  return `__client_uat=${value}; Path=/; Max-Age=31536000; SameSite=Strict${secureAttribute(url)}`;
}
