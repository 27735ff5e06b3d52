/**
 * Cross-tab fan-out in Chromium, microclerk beside ClerkJS in the same harness (test/bench/browser-pages.mjs):
 * N pages of one browser context (shared cookies, real BroadcastChannel and Web Locks) load the library's
 * script-tag build against one emulator; tab 0 signs in, signs in a second account, switches session and
 * signs out, through the same client API calls in both libraries. Counted: FAPI requests the OTHER tabs
 * send from the action until SETTLE_MS after it, and how many tabs then show the session tab 0 expects
 * them to (the figure that says whether "0 requests" means "in sync" or "stale until focused").
 */
import { browserPagesMissing, clerkJsPagesMissing, CHROMIUM, CHROMIUM_ARGS, loadClerk, signInInPage, startPages } from './browser-pages.mjs';

export const BROWSER_CROSSTAB_TABS = (process.env.BENCH_BROWSER_TABS ?? '10,100').split(',').map(Number);
const SETTLE_MS = 2_000;
const LOAD_BATCH = 10;
const USERS = [
  { emailAddress: 'ada@example.com', password: 'crosstab-password-1', firstName: 'Ada' },
  { emailAddress: 'grace@example.com', password: 'crosstab-password-2', firstName: 'Grace' },
];

/** The tab's session id; a tab that navigated away (e.g. to an after-sign-out URL) counts as not on any. */
const sessionOf = (page) => page.evaluate(() => (window.Clerk ? (window.Clerk.session?.id ?? null) : 'navigated away'));

async function openTabs(context, running, lib, count) {
  const pages = [];
  const sent = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    const log = (sent[i] = []);
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/__clerk/')) log.push(`${r.method()} ${url.pathname.replace(/^\/__clerk/, '').replace(/sess_[A-Za-z0-9]+/, ':id')}`);
    });
    await page.goto(`${running.url}/${lib}`);
    pages.push(page);
  }
  // The first tab alone (it creates the dev browser every tab then shares, as on a first visit), then the
  // others LOAD_BATCH at a time: a hundred tabs loading at once on a small machine push ClerkJS past its
  // load timeout ("degraded"), which is the start-up storm, not the cross-tab behaviour measured here.
  const statuses = [await loadClerk(pages[0], lib)];
  for (let i = 1; i < count; i += LOAD_BATCH) statuses.push(...(await Promise.all(pages.slice(i, i + LOAD_BATCH).map((p) => loadClerk(p, lib)))));
  const failed = statuses.filter((s) => s !== 'ready').length;
  if (failed) throw new Error(`${failed} tab(s) did not load (${[...new Set(statuses.filter((s) => s !== 'ready'))].join(', ')})`);
  // The count works: every tab's own load() requests were seen (cleared before each action).
  const loadRequests = sent.map((log) => log.length).sort((a, b) => a - b)[Math.floor(count / 2)];
  return { pages, sent, loadRequests };
}

async function measure(label, tabs, action, expectedActing, expectedOthers = expectedActing) {
  tabs.sent.forEach((log) => (log.length = 0));
  await action();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const sessions = await Promise.all(tabs.pages.map(sessionOf));
  const others = tabs.sent.slice(1).flat();
  const byKind = {};
  for (const r of others) byKind[r] = (byKind[r] ?? 0) + 1;
  return {
    label,
    tabs: tabs.pages.length,
    otherTabsRequests: others.length,
    byKind,
    actingTabRequests: tabs.sent[0].length,
    tabsOnExpectedSession: sessions.filter((s, i) => s === (i === 0 ? expectedActing() : expectedOthers())).length,
  };
}

async function runLibrary(browser, running, lib, count) {
  const context = await browser.newContext();
  try {
    const tabs = await openTabs(context, running, lib, count);
    if (!tabs.loadRequests) throw new Error('no FAPI request seen during load(): the request count is broken');
    const [first] = tabs.pages;
    const rows = [];
    let ada = null;
    let grace = null;
    rows.push(
      await measure(
        'sign-in',
        tabs,
        async () => (ada = await signInInPage(first, USERS[0].emailAddress, USERS[0].password)),
        () => ada,
      ),
    );
    rows.push(
      await measure(
        'sign-in of a second account (multi-session)',
        tabs,
        async () => (grace = await signInInPage(first, USERS[1].emailAddress, USERS[1].password)),
        () => grace,
        () => ada,
      ),
    );
    await first.evaluate((id) => window.Clerk.setActive({ session: id }), ada);
    rows.push(
      await measure(
        'setActive (session switch)',
        tabs,
        () => first.evaluate((id) => window.Clerk.setActive({ session: id }), grace),
        () => grace,
        () => ada,
      ),
    );
    rows.push(
      await measure(
        'sign-out',
        tabs,
        // A callback instead of the after-sign-out navigation, in both libraries: the tab stays to be counted.
        () => first.evaluate(() => window.Clerk.signOut(() => {})),
        () => null,
      ),
    );
    return { ok: true, loadRequestsPerTab: tabs.loadRequests, rows };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await context.close();
  }
}

export async function measureBrowserCrossTab(root) {
  const missing = browserPagesMissing(root);
  if (missing) return { status: 'not measured', reason: `not measured: ${missing}` };
  const clerkMissing = clerkJsPagesMissing(root);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { status: 'not measured', reason: 'not measured: playwright-core not installed' };
  }
  let browser;
  const runs = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    for (const count of BROWSER_CROSSTAB_TABS) {
      for (const lib of ['ours', 'clerkjs']) {
        if (lib === 'clerkjs' && clerkMissing) {
          runs.push({ lib, tabs: count, ok: false, error: clerkMissing });
          continue;
        }
        // A fresh emulator per run: same users, no sessions left from the other library.
        const running = await startPages(root, { seed: { users: USERS }, settings: { singleSession: false } });
        const started = performance.now();
        try {
          runs.push({ lib, tabs: count, ...(await runLibrary(browser, running, lib, count)), seconds: Math.round((performance.now() - started) / 100) / 10 });
        } finally {
          await running.close();
        }
      }
    }
    return { status: 'measured', chromium: browser.version(), settleMs: SETTLE_MS, runs };
  } catch (error) {
    return { status: 'failed', reason: `failed: ${String(error?.message ?? error).split('\n')[0]}`, runs };
  } finally {
    await browser?.close();
  }
}

// `node test/bench/crosstab-browser.mjs`: this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  console.log(JSON.stringify(await measureBrowserCrossTab(resolve(dirname(fileURLToPath(import.meta.url)), '../..')), null, 2));
}
