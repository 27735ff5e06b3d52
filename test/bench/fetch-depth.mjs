/**
 * Sequential script fetches from a mount call to the rendered component, microclerk beside ClerkJS, in
 * Chromium (test/bench/browser-pages.mjs). Each component in a fresh browser context (empty cache): the
 * page loads the library's own scripts, `Clerk.load()`, signs in when the component needs a user, waits
 * until the network is quiet, then calls `Clerk.mount<Component>(div)` and waits until the component's
 * element is visible and no script has been requested for QUIET_MS.
 *
 * Every script response is held back SCRIPT_DELAY_MS by the server, and the depth of a fetch is 1 + the
 * depth of the deepest script fetch that had finished before it was issued (Chromium's own request
 * timing), 1 when none had: the depth of the mount is the largest — how many script round trips
 * follow each other before the component can render.
 */
import { browserPagesMissing, clerkJsPagesMissing, CHROMIUM, CHROMIUM_ARGS, loadClerk, signInInPage, startPages } from './browser-pages.mjs';

export const SCRIPT_DELAY_MS = 150;
const QUIET_MS = 700;
const USER = { emailAddress: 'depth@example.com', password: 'bench-depth-password-1', firstName: 'Ada' };

/** What each measured component shows once rendered: the same `cl-` element in both libraries. */
export const DEPTH_COMPONENTS = [
  { name: 'SignIn', signedIn: false, selector: '#target input[name=identifier]' },
  { name: 'SignUp', signedIn: false, selector: '#target input[name=emailAddress], #target input[name=email_address]' },
  { name: 'UserButton', signedIn: true, selector: '#target .cl-userButtonTrigger' },
  { name: 'UserProfile', signedIn: true, selector: '#target .cl-profileSection, #target .cl-profileSectionTitle' },
  { name: 'OrganizationSwitcher', signedIn: true, selector: '#target .cl-organizationSwitcherTrigger' },
  { name: 'CreateOrganization', signedIn: true, selector: '#target input[name=name]' },
];

/** In the page: mounts `name` into #target; resolves with the ms until `selector` is visible. */
function mountAndWait([name, selector]) {
  return new Promise((resolve, reject) => {
    let done = false;
    const visible = () => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const check = () => {
      if (done || !visible()) return;
      done = true;
      observer.disconnect();
      resolve(performance.now() - started);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const frame = () => (check(), done || requestAnimationFrame(frame));
    setTimeout(() => done || reject(new Error(`${selector} not visible within 15 s`)), 15_000);
    const started = performance.now();
    window.Clerk[`mount${name}`](document.getElementById('target'));
    frame();
  });
}

/** Depth of each fetch (see the module comment); `fetches` are `{ start, end }` in ms. */
export function fetchDepths(fetches) {
  const sorted = [...fetches].sort((a, b) => a.start - b.start);
  const depth = new Map();
  for (const f of sorted) {
    let d = 1;
    for (const q of sorted) if (q !== f && depth.has(q) && q.end <= f.start) d = Math.max(d, depth.get(q) + 1);
    depth.set(f, d);
  }
  return sorted.map((f) => ({ ...f, depth: depth.get(f) }));
}

async function measureOne(browser, running, lib, component) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const scripts = [];
    let armed = false;
    let lastRequest = 0;
    page.on('request', (r) => {
      if (!armed || r.resourceType() !== 'script') return;
      lastRequest = Date.now();
      scripts.push(r);
    });
    await page.goto(`${running.url}/${lib}`);
    const status = await loadClerk(page, lib);
    if (status !== 'ready') throw new Error(`load() ended ${status}`);
    if (component.signedIn) await signInInPage(page, USER.emailAddress, USER.password);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(QUIET_MS);
    armed = true;
    const renderMs = await page.evaluate(mountAndWait, [component.name, component.selector]);
    lastRequest = Math.max(lastRequest, Date.now());
    while (Date.now() - lastRequest < QUIET_MS) await page.waitForTimeout(100);
    const fetches = [];
    for (const r of scripts) {
      const response = await r.response();
      const t = r.timing();
      if (!response || t.responseEnd < 0) throw new Error(`${new URL(r.url()).pathname} did not finish`);
      fetches.push({ file: new URL(r.url()).pathname, status: response.status(), start: t.startTime, end: t.startTime + t.responseEnd });
    }
    const withDepth = fetchDepths(fetches);
    const t0 = Math.min(...withDepth.map((f) => f.start));
    return {
      ok: true,
      depth: withDepth.reduce((m, f) => Math.max(m, f.depth), 0),
      scripts: withDepth.length,
      renderMs: Math.round(renderMs),
      files: withDepth.map((f) => ({ file: f.file, depth: f.depth, startMs: Math.round(f.start - t0), status: f.status })),
    };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await context.close();
  }
}

export async function measureFetchDepth(root) {
  const missing = browserPagesMissing(root);
  if (missing) return { status: 'not measured', reason: `not measured: ${missing}` };
  const clerkMissing = clerkJsPagesMissing(root);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { status: 'not measured', reason: 'not measured: playwright-core not installed' };
  }
  let running;
  let browser;
  try {
    running = await startPages(root, { scriptDelayMs: SCRIPT_DELAY_MS, seed: { users: [USER] } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const rows = [];
    for (const component of DEPTH_COMPONENTS) {
      const ours = await measureOne(browser, running, 'ours', component);
      const clerkjs = clerkMissing ? { ok: false, error: clerkMissing } : await measureOne(browser, running, 'clerkjs', component);
      rows.push({ component: component.name, selector: component.selector, ours, clerkjs });
    }
    return { status: 'measured', chromium: browser.version(), scriptDelayMs: SCRIPT_DELAY_MS, quietMs: QUIET_MS, rows };
  } catch (error) {
    return { status: 'failed', reason: `failed: ${String(error?.message ?? error).split('\n')[0]}` };
  } finally {
    await browser?.close();
    await running?.close();
  }
}

// `node test/bench/fetch-depth.mjs`: this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const result = await measureFetchDepth(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
  console.log(JSON.stringify(result, null, 2));
}
