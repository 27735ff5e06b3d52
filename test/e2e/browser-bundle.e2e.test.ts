// The <script> bundle, as an app that uses ClerkJS's script tag would load it: window.Clerk appears
// with the key from data attributes, and the UI chunks are fetched only on the first mount.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { ARTIFACTS, CHROMIUM } from './browser.js';

const dist = resolve('dist');
let running: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  running = await startEmulator({
    port: 0,
    seed: { users: [{ emailAddress: 'script@example.com', password: 'script-tag-password-1' }] },
    fallback: async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/') {
        const html = `<!doctype html><html><body><div id="sign-in"></div>
<script src="/dist/microclerk.browser.js" data-clerk-publishable-key="${running.publishableKey}" data-clerk-proxy-url="/__clerk"></script></body></html>`;
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      }
      const file = normalize(join(dist, path.replace(/^\/dist\//, '/')));
      if (!path.startsWith('/dist/') || !file.startsWith(dist)) return void res.writeHead(404).end();
      try {
        res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(await readFile(file));
      } catch {
        res.writeHead(404).end();
      }
    },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('dist/microclerk.browser.js', () => {
  it('creates window.Clerk from data attributes and loads UI chunks only on mount', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${running.url}/`);
    const loaded = await page.evaluate(async () => {
      const clerk = (window as any).Clerk;
      await clerk.load();
      return { loaded: clerk.loaded, status: clerk.status, key: clerk.publishableKey, proxyUrl: clerk.proxyUrl };
    });
    expect(loaded).toMatchObject({ loaded: true, status: 'ready', key: running.publishableKey, proxyUrl: `${running.url}/__clerk` });
    expect(scripts).toEqual(['/dist/microclerk.browser.js']);

    await page.evaluate(() => (window as any).Clerk.mountSignIn(document.getElementById('sign-in')));
    await page.waitForSelector('input[name=identifier], input[type=email]');
    expect(scripts.some((s) => s.startsWith('/dist/browser-ui/ui-host'))).toBe(true);
    expect(scripts.some((s) => s.startsWith('/dist/browser-ui/sign-in-view'))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/script-tag-sign-in.png` });
  });
});
