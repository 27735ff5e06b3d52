/**
 * The Google OAuth round trip of an existing user, side by side: microclerk's script-tag build
 * (dist/microclerk.browser.js, full preset) and ClerkJS's (compare/node_modules/@clerk/clerk-js/dist/clerk.browser.js),
 * each on its own page served by one emulator (same origin, `proxyUrl: /__clerk`, development instance),
 * in Chromium. Both pages run the same calls: on the "click", `signIn.authenticateWithRedirect({ strategy:
 * 'oauth_google', redirectUrl: <page>/sso-callback, redirectUrlComplete: <page>/ })`; the fake provider's
 * consent page is answered as the seeded user; the callback page runs `handleRedirectCallback()`.
 *
 * Counted from the click to the moment the page reports a signed-in user (`Clerk.user` set and the
 * page settled): FAPI requests (fetch/XHR under /__clerk/v1/, not page loads) and main-frame document
 * loads (answered 200: the provider page, the pages of the app). The emulator's own log of FAPI calls
 * (which also sees the navigations through FAPI, e.g. the OAuth callback) is reported beside it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from './mount-timing.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const OAUTH_RUNS = 3;
const USER = { emailAddress: 'existing.google@example.com', password: 'bench-password-1', firstName: 'Existing' };

/** The page of one SDK: load, finish a provider return on /sso-callback, then say so in `window.__bench`. */
function pageHtml(scriptSrc, publishableKey) {
  // The page's script is static: no data of the request is written into it.
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<script src="${scriptSrc}" data-clerk-publishable-key="${publishableKey}" data-clerk-proxy-url="/__clerk"></script>
<script>
(async function () {
  var base = location.pathname.replace(/\\/(sso-callback)?$/, '');
  window.__bench = { base: base, state: 'loading' };
  try {
    await window.Clerk.load();
    if (location.pathname.endsWith('/sso-callback')) {
      window.__bench.state = 'callback';
      await window.Clerk.handleRedirectCallback({ signInForceRedirectUrl: location.origin + base + '/', signUpForceRedirectUrl: location.origin + base + '/' });
    }
    window.__bench.state = 'ready';
  } catch (e) {
    window.__bench.state = 'error: ' + (e && e.message);
  }
})();
</script></body></html>`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function measureOAuthRoundTrip(root) {
  if (!existsSync(CHROMIUM)) return { status: 'not measured', reason: 'not measured: Chromium not installed' };
  const dist = join(root, 'dist');
  const clerkDist = join(root, 'compare/node_modules/@clerk/clerk-js/dist');
  for (const needed of [join(dist, 'microclerk.browser.js'), join(dist, 'emulator/index.js')]) {
    if (!existsSync(needed)) return { status: 'not measured', reason: `not measured: ${needed.slice(root.length + 1)} missing (build first)` };
  }
  if (!existsSync(join(clerkDist, 'clerk.browser.js'))) return { status: 'not measured', reason: 'not measured: @clerk/clerk-js not installed in compare/' };
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { status: 'not measured', reason: 'not measured: playwright-core not installed' };
  }
  const { startEmulator } = await import(pathToFileURL(join(dist, 'emulator/index.js')).href);
  const clerkVersion = JSON.parse(await readFile(join(clerkDist, '../package.json'), 'utf8')).version;

  /** `/<sdk>/…` serves that SDK's page; `/<sdk>-files/…` its script files (only .js, only inside its folder). */
  const sdks = {
    microclerk: { dir: dist, entry: 'microclerk.browser.js' },
    clerkjs: { dir: clerkDist, entry: 'clerk.browser.js' },
  };
  let running;
  let browser;
  try {
    running = await startEmulator({
      port: 0,
      seed: { users: [USER] },
      fallback: async (req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const [, head, ...rest] = path.split('/');
        const files = /^(\w+)-files$/.exec(head ?? '')?.[1];
        const sdk = sdks[files ?? head];
        if (!sdk) return void res.writeHead(404).end();
        if (!files) {
          return void res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
            .end(pageHtml(`/${head}-files/${sdk.entry}`, running.publishableKey));
        }
        const file = normalize(join(sdk.dir, ...rest));
        if (!file.startsWith(sdk.dir + sep) || extname(file) !== '.js') return void res.writeHead(404).end();
        try {
          res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(await readFile(file));
        } catch {
          res.writeHead(404).end();
        }
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const results = {};
    for (const name of Object.keys(sdks)) {
      const runs = [];
      for (let run = 0; run < OAUTH_RUNS; run++) runs.push(await oneRoundTrip(browser, running, name));
      results[name] = {
        runs,
        fapiRequests: median(runs.map((r) => r.fapi.length)),
        documentLoads: median(runs.map((r) => r.documents.length)),
        emulatorCalls: median(runs.map((r) => r.emulatorCalls.length)),
        ms: Math.round(median(runs.map((r) => r.ms))),
      };
    }
    return { status: 'measured', chromium: browser.version(), clerkJsVersion: clerkVersion, runsPerSdk: OAUTH_RUNS, ...results };
  } catch (error) {
    return { status: 'failed', reason: `failed: ${String(error?.message ?? error).split('\n')[0]}` };
  } finally {
    await browser?.close();
    await running?.close();
  }
}

async function oneRoundTrip(browser, running, sdk) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const base = `${running.url}/${sdk}`;
  const state = () => page.evaluate(() => window.__bench?.state);
  const waitState = async (wanted, timeout = 15_000) => {
    const until = Date.now() + timeout;
    for (;;) {
      const s = await state().catch(() => undefined);
      if (s === wanted) return;
      if (typeof s === 'string' && s.startsWith('error')) throw new Error(`${sdk}: ${s}`);
      if (Date.now() > until) throw new Error(`${sdk}: page state ${s}, waited for ${wanted}; ${errors.join('; ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await page.goto(`${base}/`);
  await waitState('ready');
  if (await page.evaluate(() => !!window.Clerk.user)) throw new Error(`${sdk}: signed in before the click`);

  const documents = [];
  const fapi = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && response.status() === 200) documents.push(new URL(response.url()).pathname);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/__clerk/v1/') && !request.isNavigationRequest()) fapi.push(`${request.method()} ${url.pathname.slice('/__clerk'.length)}`);
  });
  const logMark = running.emulator.requests.length;
  const started = performance.now();
  // The click: the same documented call on both SDKs.
  await page.evaluate(
    ({ base }) =>
      void window.Clerk.client.signIn.authenticateWithRedirect({
        strategy: 'oauth_google',
        redirectUrl: `${base}/sso-callback`,
        redirectUrlComplete: `${base}/`,
      }),
    { base },
  );
  await page.waitForURL(/\/__clerk\/v1\/oauth\/fake\/authorize/, { timeout: 15_000 });
  await page.fill('input[name=email]', USER.emailAddress);
  await page.click('button[value=allow]');
  await page.waitForURL((url) => url.pathname.startsWith(`/${sdk}`), { timeout: 15_000 });
  await waitState('ready');
  const until = Date.now() + 15_000;
  while (!(await page.evaluate(() => !!window.Clerk.user))) {
    if (Date.now() > until) throw new Error(`${sdk}: not signed in after the round trip; ${errors.join('; ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - started;
  // Whatever the SDK sends right after signing in (a token, a touch) belongs to the round trip too.
  await page.waitForLoadState('networkidle').catch(() => {});
  const emulatorCalls = running.emulator.requests.slice(logMark).map((r) => `${r.method} ${r.path}`);
  await context.close();
  return { documents: [...documents], fapi: [...fapi], emulatorCalls, ms };
}
