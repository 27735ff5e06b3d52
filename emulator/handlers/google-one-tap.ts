/**
 * The stand-in for Google Identity Services under `<prefix>/__emulator/gsi/…`: `client` is a script
 * that defines `window.google.accounts.id` (initialize / prompt / cancel) and shows a One Tap prompt
 * listing the fake Google accounts; `accounts` lists them; `token` issues the signed ID token of the
 * account picked. Like Google, only the origins the client id allows (the emulator's own and its
 * allowed app origins) get accounts and tokens; the pipeline checks that.
 */
import type { EmulatorCore } from '../domain/core.js';
import { fakeGoogleAccounts, googleOneTapClientId, issueGoogleIdToken } from '../domain/google-one-tap.js';
import { isEmail } from '../domain/identifiers.js';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/**
 * The script. It builds the prompt with DOM calls only (textContent, never HTML from data), and
 * talks to `base` for the accounts and the token. Plain ES2017 in a string, so no bundler touches it.
 */
function gsiClientScript(base: string): string {
  return `(function () {
  'use strict';
  var BASE = ${JSON.stringify(base)};
  var PROMPT_ID = 'microclerk-emulator-gsi-prompt';
  var config = null;
  var outsideListener = null;
  function notification(type, reason) {
    return {
      getMomentType: function () { return type; },
      isDisplayMoment: function () { return type === 'display'; },
      isDisplayed: function () { return type === 'display'; },
      isNotDisplayed: function () { return false; },
      isSkippedMoment: function () { return type === 'skipped'; },
      isDismissedMoment: function () { return type === 'dismissed'; },
      getSkippedReason: function () { return type === 'skipped' ? reason : undefined; },
      getDismissedReason: function () { return type === 'dismissed' ? reason : undefined; },
      getNotDisplayedReason: function () { return undefined; }
    };
  }
  function removePrompt() {
    var existing = document.getElementById(PROMPT_ID);
    if (existing) existing.remove();
    if (outsideListener) document.removeEventListener('click', outsideListener, true);
    outsideListener = null;
  }
  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) node.setAttribute('style', style);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function safeImage(src) {
    return typeof src === 'string' && (/^data:image\\/(png|svg\\+xml|jpeg);base64,/.test(src) || /^https:\\/\\//.test(src)) ? src : '';
  }
  function pick(account, listener, status) {
    status.textContent = 'Signing in as ' + account.email + '…';
    fetch(BASE + '/__emulator/gsi/token', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: config.client_id, email: account.email })
    })
      .then(function (res) { return res.json().then(function (body) { if (!res.ok) throw new Error(body.error || res.status); return body; }); })
      .then(function (body) {
        removePrompt();
        if (listener) listener(notification('dismissed', 'credential_returned'));
        config.callback({ credential: body.credential, select_by: 'user', clientId: config.client_id });
      })
      .catch(function (err) { status.textContent = 'Google could not sign you in: ' + err.message; });
  }
  function render(data, listener) {
    removePrompt();
    var card = el('div', 'position:fixed;top:16px;right:16px;z-index:2147483647;width:360px;background:#fff;color:#1f1f1f;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.25);font:14px/1.4 Roboto,system-ui,sans-serif;overflow:hidden');
    card.id = PROMPT_ID;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Sign in with Google');
    var head = el('div', 'display:flex;align-items:center;gap:8px;padding:14px 16px;border-bottom:1px solid #e0e0e0');
    var logo = el('span', 'font-weight:700;font-size:16px;color:#4285f4', 'G');
    var title = el('span', 'flex:1', 'Sign in to ' + data.application_name + ' with Google');
    var close = el('button', 'border:0;background:none;font-size:20px;cursor:pointer;color:#5f6368;line-height:1', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', function () { removePrompt(); if (listener) listener(notification('skipped', 'user_cancel')); });
    head.append(logo, title, close);
    card.append(head);
    var list = el('div', 'padding:4px 0');
    var status = el('div', 'padding:0 16px 8px;color:#5f6368;font-size:12px;min-height:16px');
    status.setAttribute('role', 'status');
    data.accounts.forEach(function (account) {
      var row = el('button', 'display:flex;align-items:center;gap:12px;width:100%;padding:10px 16px;border:0;background:none;text-align:left;cursor:pointer;font:inherit;color:inherit');
      row.setAttribute('data-email', account.email);
      var avatar = el('img', 'width:32px;height:32px;border-radius:50%');
      avatar.alt = '';
      avatar.src = safeImage(account.picture);
      var text = el('span', 'display:flex;flex-direction:column');
      text.append(el('span', 'font-weight:500', account.name), el('span', 'color:#5f6368;font-size:12px', account.email));
      row.append(avatar, text);
      row.addEventListener('click', function () { pick(account, listener, status); });
      list.append(row);
    });
    card.append(list, status, el('div', 'padding:8px 16px 12px;color:#5f6368;font-size:11px;border-top:1px solid #e0e0e0', 'Emulated Google Identity Services (microclerk): these are fake Google accounts.'));
    document.body.append(card);
    if (config.cancel_on_tap_outside !== false) {
      outsideListener = function (event) {
        if (!card.contains(event.target)) { removePrompt(); if (listener) listener(notification('skipped', 'tap_outside')); }
      };
      // Not for the click that opened the prompt.
      setTimeout(function () { if (outsideListener) document.addEventListener('click', outsideListener, true); }, 0);
    }
    if (listener) listener(notification('display'));
  }
  var id = {
    initialize: function (options) {
      if (!options || typeof options.client_id !== 'string' || typeof options.callback !== 'function') {
        throw new Error('[GSI_LOGGER]: initialize() needs client_id and a callback.');
      }
      config = options;
    },
    prompt: function (listener) {
      if (!config) { console.warn('[GSI_LOGGER]: call initialize() before prompt().'); return; }
      fetch(BASE + '/__emulator/gsi/accounts?client_id=' + encodeURIComponent(config.client_id), { credentials: 'omit' })
        .then(function (res) { return res.json().then(function (body) { if (!res.ok) throw new Error(body.error || res.status); return body; }); })
        .then(function (data) { render(data, listener); })
        .catch(function (err) { console.warn('[GSI_LOGGER]: ' + err.message); });
    },
    cancel: removePrompt,
    disableAutoSelect: function () {},
    renderButton: function () {}
  };
  window.google = window.google || {};
  window.google.accounts = window.google.accounts || {};
  window.google.accounts.id = id;
})();
`;
}

/** The client id the request names must be the instance's, as Google refuses unknown clients. */
function clientIdError(core: EmulatorCore, clientId: unknown): Response | null {
  const expected = googleOneTapClientId(core);
  if (!expected) return json({ error: 'Google One Tap is not enabled for this instance.' }, 400);
  if (clientId !== expected) return json({ error: `Unknown OAuth client id "${String(clientId)}".` }, 400);
  return null;
}

/** Answers `/__emulator/gsi/<action>`; `base` is where the emulator is served (before `/__emulator`). */
export async function handleGoogleIdentity(core: EmulatorCore, method: string, action: string, request: Request, base: string): Promise<Response> {
  if (action === '/gsi/client' && method === 'GET') {
    return new Response(gsiClientScript(base), { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  if (action === '/gsi/accounts' && method === 'GET') {
    const refused = clientIdError(core, new URL(request.url).searchParams.get('client_id'));
    if (refused) return refused;
    return json({ application_name: core.settings.applicationName, accounts: fakeGoogleAccounts(core) });
  }
  if (action === '/gsi/token' && method === 'POST') {
    let body: { client_id?: unknown; email?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json({ error: 'Expected a JSON body { client_id, email }.' }, 400);
    }
    const refused = clientIdError(core, body.client_id);
    if (refused) return refused;
    if (typeof body.email !== 'string' || !isEmail(body.email)) return json({ error: 'email must be an email address.' }, 400);
    return json({ credential: issueGoogleIdToken(core, body.email) });
  }
  return json({ error: `no Google Identity route ${method} ${action}` }, 404);
}
