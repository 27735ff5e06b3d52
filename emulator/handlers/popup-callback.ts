/**
 * The Account Portal's `/popup-callback` page, where `authenticateWithPopup()` sends the popup back:
 * it posts `{ session }` (the flow signed in: the client's newest session) or `{ return_url }` (more
 * to do on the app's page) to its opener and closes. Served at `<emulator>/v1/popup-callback`; the
 * opener accepts messages from the accounts origin only, so a real deployment serves it there (the
 * browser tests map that origin onto the emulator).
 */
import { randomToken } from '../domain/ids.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { escapeHtml } from './oauth.js';

/** JSON inside a `<script>` element: `<` escaped so no `</script>` can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function popupCallbackPage(ctx: RequestContext): Response {
  const client = ctx.client;
  const returnUrl = ctx.query.get('return_url');
  let message: { session: string } | { return_url: string } | null = null;
  let target: string | null = null;
  if (returnUrl) {
    const url = URL.canParse(returnUrl) ? new URL(returnUrl) : null;
    // Only back to a page the emulator trusts (never a javascript: or foreign URL).
    if (url && /^https?:$/.test(url.protocol) && ctx.allowsOrigin(url.origin)) {
      message = { return_url: url.href };
      target = url.origin;
    }
  } else if (client?.lastActiveSessionId && client.providerStepOrigin) {
    message = { session: client.lastActiveSessionId };
    target = client.providerStepOrigin;
  }
  const nonce = randomToken(12);
  const text = message ? 'Signing you in… you can close this window.' : 'Nothing to hand back: start again from the application.';
  const script = message
    ? `<script nonce="${nonce}">(function(){var d=${scriptJson({ message, target })};` +
      `if(window.opener){window.opener.postMessage(d.message,d.target);window.close();}})();</script>`
    : '';
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in</title></head>` + `<body><p>${escapeHtml(text)}</p>${script}</body></html>`;
  return new Response(html, {
    status: message ? 200 : 400,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

export const popupCallbackRoutes: Route[] = [route('GET', '/popup-callback', popupCallbackPage, { open: true })];
