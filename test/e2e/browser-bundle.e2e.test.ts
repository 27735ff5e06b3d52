// The <script> bundle, as an app that uses ClerkJS's script tag would load it: window.Clerk appears
// with the key from data attributes, and the UI chunks are fetched only on the first mount, all in one
// round (scripts/build-browser.mjs starts a module's chunks with the module).
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { ARTIFACTS, CHROMIUM } from './browser.js';

const dist = resolve('dist');
let running: RunningEmulator;
let browser: Browser;
/** UI chunks are served this late, so a script fetched only after another arrived shows as a second round. */
const UI_DELAY_MS = 200;

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
        const body = await readFile(file);
        if (path.startsWith('/dist/browser-ui/')) await new Promise((r) => setTimeout(r, UI_DELAY_MS));
        res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body);
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

    // A FAPI error reaches the form through the kernel values the UI chunks read from the bundle's kit
    // (kernel/lazy-kit.ts): an unknown account is shown on its field, not thrown.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.fill('input[name=identifier], input[type=email]', 'nobody@example.com');
    await page.keyboard.press('Enter');
    const message = await page.waitForSelector('.cl-formFieldErrorText');
    expect(await message.textContent()).toMatch(/couldn.t find your account/i);
    expect(errors).toEqual([]);
  });

  /** Signs in through the client API, mounts `component`; resolves with each UI script's request times. */
  async function mountSignedIn(component: string, selector: string) {
    const page = await browser.newPage();
    const fetched: { file: string; request: import('playwright-core').Request }[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/dist/browser-ui/')) fetched.push({ file: path.slice('/dist/browser-ui/'.length), request: r });
    });
    await page.goto(`${running.url}/`);
    await page.evaluate(async () => {
      const clerk = (window as any).Clerk;
      await clerk.load();
      const signIn = await clerk.client.signIn.create({ identifier: 'script@example.com', password: 'script-tag-password-1' });
      await clerk.setActive({ session: signIn.createdSessionId });
    });
    await page.evaluate((name) => (window as any).Clerk[`mount${name}`](document.getElementById('sign-in')), component);
    await page.waitForSelector(selector);
    const timings = await Promise.all(
      fetched.map(async ({ file, request }) => {
        await request.response();
        const t = request.timing();
        return { file, start: t.startTime, end: t.startTime + t.responseEnd };
      }),
    );
    await page.close();
    return timings;
  }

  const graph: Record<string, string[]> = JSON.parse(readFileSync(resolve(dist, 'browser-ui/chunks.json'), 'utf8'));

  it('the UI chunks use the bundle’s kernel: no chunk defines its own ClerkRuntimeError, none is a kernel shim alone', () => {
    const files = readdirSync(resolve(dist, 'browser-ui')).filter((f) => f.endsWith('.js'));
    const withErrorClass = files.filter((f) => readFileSync(resolve(dist, 'browser-ui', f), 'utf8').includes('microclerk.runtimeError'));
    expect(withErrorClass).toEqual([]);
    // Every chunk a SignIn mount needs, besides the host and the view: Preact and the sign-in/up parts, nothing else.
    expect(graph['sign-in-view.js']).toHaveLength(2);
  });

  it('every UI chunk opens with V8’s compile hint, so its functions are compiled while it streams in, not one by one on first render', () => {
    const files = readdirSync(resolve(dist, 'browser-ui')).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(Object.keys(graph).length);
    const unhinted = files.filter((f) => !readFileSync(resolve(dist, 'browser-ui', f), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'));
    expect(unhinted).toEqual([]);
  });

  it.each([
    ['UserButton', 'user-button-view.js', '.cl-userButtonTrigger'],
    ['OrganizationSwitcher', 'organization-switcher-view.js', '.cl-organizationSwitcherTrigger'],
  ])('mounting %s fetches the host, the view and every chunk they import in one round', async (component, view, selector) => {
    const timings = await mountSignedIn(component, selector);
    const expected = new Set(['ui-host.js', view, ...graph['ui-host.js'], ...graph[view]]);
    expect(new Set(timings.map((t) => t.file))).toEqual(expected);
    // Every fetch was issued before the first one came back: none waited for another.
    const firstEnd = Math.min(...timings.map((t) => t.end));
    for (const t of timings) expect(t.start, t.file).toBeLessThan(firstEnd);
    expect(firstEnd - Math.min(...timings.map((t) => t.start))).toBeGreaterThanOrEqual(UI_DELAY_MS - 20);
  });
});
