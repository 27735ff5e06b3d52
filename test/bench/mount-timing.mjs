/**
 * Time from `Clerk.mountSignIn(div)` to the identifier input being visible, in Chromium, with the
 * script-tag build (dist/microclerk.browser.js + dist/browser-ui/) served by the emulator's own HTTP
 * server (same setup as test/e2e/browser-bundle.e2e.test.ts). Latency 0: the UI chunks come from the
 * same local server, so an emulated FAPI latency would not apply to them.
 *
 * Measured inside the page with performance.now(): started right before mountSignIn, stopped when
 * `input[name=identifier]` is in the document with a non-empty layout box and not hidden (checked on
 * every DOM mutation and every animation frame). Cold = first mount in a fresh browser context (empty
 * HTTP cache, files served with `cache-control: no-store`), so the UI chunks are fetched; warm = unmount,
 * then mount again in the same page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const COLD_RUNS = 5;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const INPUT = 'input[name=identifier]';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (ms) => Math.round(ms * 10) / 10;
const stats = (values) => ({
  runs: values.length,
  median: round1(median(values)),
  min: round1(Math.min(...values)),
  max: round1(Math.max(...values)),
  values: values.map(round1),
});

/** Runs in the page: mounts SignIn into #sign-in and resolves with the ms until the input is visible. */
function mountAndTime(selector) {
  return new Promise((resolve, reject) => {
    const clerk = window.Clerk;
    const target = document.getElementById('sign-in');
    let done = false;
    const visible = () => {
      const input = document.querySelector(selector);
      if (!input) return false;
      const box = input.getBoundingClientRect();
      const style = getComputedStyle(input);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const check = () => {
      if (done || !visible()) return;
      done = true;
      const ms = performance.now() - started;
      observer.disconnect();
      resolve(ms);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const frame = () => {
      check();
      if (!done) requestAnimationFrame(frame);
    };
    setTimeout(() => done || reject(new Error(`${selector} not visible within 10 s`)), 10_000);
    const started = performance.now();
    clerk.mountSignIn(target);
    check();
    requestAnimationFrame(frame);
  });
}

/** Runs in the page: unmounts SignIn and waits one frame; false when the input is still there. */
async function unmountAndSettle(selector) {
  window.Clerk.unmountSignIn(document.getElementById('sign-in'));
  await new Promise((r) => requestAnimationFrame(() => r()));
  return document.querySelector(selector) === null;
}

export async function measureMountTiming(root) {
  if (!existsSync(CHROMIUM)) return { status: 'not measured', reason: 'not measured: Chromium not installed' };
  const dist = join(root, 'dist');
  for (const needed of ['microclerk.browser.js', 'browser-ui', 'emulator/index.js']) {
    if (!existsSync(join(dist, needed))) return { status: 'not measured', reason: `not measured: dist/${needed} missing (build first)` };
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { status: 'not measured', reason: 'not measured: playwright-core not installed' };
  }
  const { startEmulator } = await import(pathToFileURL(join(dist, 'emulator/index.js')).href);

  let running;
  let browser;
  try {
    running = await startEmulator({
      port: 0,
      fallback: async (req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/') {
          const html = `<!doctype html><html><body><div id="sign-in"></div>
<script src="/dist/microclerk.browser.js" data-clerk-publishable-key="${running.publishableKey}" data-clerk-proxy-url="/__clerk"></script></body></html>`;
          return void res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
        }
        const file = normalize(join(dist, path.replace(/^\/dist\//, '/')));
        if (!path.startsWith('/dist/') || !file.startsWith(dist)) return void res.writeHead(404).end();
        try {
          res
            .writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream', 'cache-control': 'no-store' })
            .end(await readFile(file));
        } catch {
          res.writeHead(404).end();
        }
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const version = browser.version();
    const cold = [];
    const warm = [];
    const chunksFetched = { cold: [], warm: [] };
    let coldUiFiles = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      // A fresh context per cold run: empty HTTP cache, nothing shared with the previous page.
      const context = await browser.newContext();
      const page = await context.newPage();
      const uiScripts = [];
      page.on(
        'request',
        (r) => r.resourceType() === 'script' && new URL(r.url()).pathname.startsWith('/dist/browser-ui/') && uiScripts.push(new URL(r.url()).pathname),
      );
      await page.goto(`${running.url}/`);
      const status = await page.evaluate(async () => {
        await window.Clerk.load();
        return window.Clerk.status;
      });
      if (status !== 'ready') throw new Error(`Clerk.load() ended with status ${status}`);
      if (uiScripts.length) throw new Error(`UI chunks fetched before the first mount: ${uiScripts.join(', ')}`);
      cold.push(await page.evaluate(mountAndTime, INPUT));
      chunksFetched.cold.push(uiScripts.length);
      coldUiFiles = [...uiScripts];
      const before = uiScripts.length;
      if (!(await page.evaluate(unmountAndSettle, INPUT))) throw new Error('unmountSignIn left the identifier input in the page');
      warm.push(await page.evaluate(mountAndTime, INPUT));
      chunksFetched.warm.push(uiScripts.length - before);
      await context.close();
    }
    return {
      status: 'measured',
      chromium: version,
      latencyMs: 0,
      selector: INPUT,
      cold: stats(cold),
      warm: stats(warm),
      uiChunksFetched: chunksFetched,
      coldUiFiles,
    };
  } catch (error) {
    return { status: 'failed', reason: `failed: ${String(error?.message ?? error).split('\n')[0]}` };
  } finally {
    await browser?.close();
    await running?.close();
  }
}
