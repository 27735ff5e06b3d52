/**
 * Chromium pages for side-by-side measurements: microclerk's script-tag build (dist/microclerk.browser.js
 * + dist/browser-ui/) and ClerkJS's (compare/node_modules/@clerk/clerk-js/dist/clerk.browser.js with
 * @clerk/ui's ui.browser.js), both against one emulator over real HTTP, same origin (proxy `/__clerk`).
 *
 * `scriptDelayMs` holds every script response back that long, so fetches that depend on each other are
 * clearly apart in time: a fetch issued only after another finished is one more sequential round trip.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the Chromium comparisons cannot run here, or null. */
export function browserPagesMissing(root) {
  if (!existsSync(CHROMIUM)) return 'Chromium not installed';
  for (const needed of ['dist/microclerk.browser.js', 'dist/browser-ui', 'dist/emulator/index.js']) {
    if (!existsSync(join(root, needed))) return `${needed} missing (build first)`;
  }
  return null;
}

/** Why ClerkJS's pages cannot be served, or null. */
export function clerkJsPagesMissing(root) {
  for (const needed of ['@clerk/clerk-js/dist/clerk.browser.js', '@clerk/ui/dist/ui.browser.js']) {
    if (!existsSync(join(root, 'compare/node_modules', needed))) return `compare/node_modules/${needed} missing (npm run compare:install)`;
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the emulator and serves `/ours` and `/clerkjs` (a `#target` div and the library's scripts).
 * Static roots: `/dist/` (microclerk), `/clerk-js/` and `/clerk-ui/` (ClerkJS's dist folders).
 */
export async function startPages(root, { scriptDelayMs = 0, seed, settings } = {}) {
  const { startEmulator } = await import(pathToFileURL(join(root, 'dist/emulator/index.js')).href);
  const statics = {
    '/dist/': join(root, 'dist'),
    '/clerk-js/': join(root, 'compare/node_modules/@clerk/clerk-js/dist'),
    '/clerk-ui/': join(root, 'compare/node_modules/@clerk/ui/dist'),
  };
  let running;
  const page = (scripts) => `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="target"></div>${scripts}</body></html>`;
  running = await startEmulator({
    port: 0,
    seed,
    fallback: async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const key = running.publishableKey;
      if (path === '/ours') {
        const html = page(`<script src="/dist/microclerk.browser.js" data-clerk-publishable-key="${key}" data-clerk-proxy-url="/__clerk"></script>`);
        return void res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
      }
      if (path === '/clerkjs') {
        const html = page(
          `<script src="/clerk-ui/ui.browser.js"></script><script src="/clerk-js/clerk.browser.js" data-clerk-publishable-key="${key}" data-clerk-proxy-url="/__clerk"></script>`,
        );
        return void res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
      }
      const prefix = Object.keys(statics).find((p) => path.startsWith(p));
      const dir = prefix && statics[prefix];
      const file = dir && normalize(join(dir, path.slice(prefix.length)));
      if (!file || !file.startsWith(dir)) return void res.writeHead(404).end();
      try {
        const body = await readFile(file);
        if (scriptDelayMs && extname(file) === '.js') await sleep(scriptDelayMs);
        res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    },
  });
  if (settings) running.emulator.updateSettings(settings);
  return running;
}

/** In the page: `window.Clerk.load()` with the options each library needs; resolves with its status. */
export async function loadClerk(page, lib) {
  return page.evaluate(async (which) => {
    const clerk = window.Clerk;
    if (which === 'clerkjs') await clerk.load({ ui: { ClerkUI: window.__internal_ClerkUICtor }, telemetry: false });
    else await clerk.load();
    return clerk.status ?? (clerk.loaded ? 'ready' : 'not loaded');
  }, lib);
}

/** In the page: password sign-in through the client API, then setActive; resolves with the session id. */
export function signInInPage(page, identifier, password) {
  return page.evaluate(
    async ([id, pw]) => {
      const clerk = window.Clerk;
      const signIn = await clerk.client.signIn.create({ identifier: id, password: pw });
      if (signIn.status !== 'complete') throw new Error(`sign-in ended ${signIn.status}`);
      await clerk.setActive({ session: signIn.createdSessionId });
      return clerk.session?.id ?? null;
    },
    [identifier, password],
  );
}
