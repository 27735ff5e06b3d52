// @vitest-environment happy-dom
/**
 * Cross-tab fan-out: N tabs of one browser (polling + sign-out + memory navigation, as an app ships
 * them), one of them signs in, switches session, signs out; the requests every OTHER tab sends because
 * of it are counted (attributed by which tab's FAPI client sent them). Writes the figures to the JSON
 * file named by BENCH_CROSSTAB_OUT, for test/bench/crosstab.mjs. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { definePlugin } from '../../kernel/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { USERS, fakeLocks, fakePage, openTab, resetBrowser, signIn } from '../helpers/tabs.js';
import { pollingPlugin } from '../../plugins/polling/index.js';
import { memoryNavigation } from '../../plugins/navigation/index.js';
import { signOutPlugin } from '../../plugins/sign-out/index.js';

const emulator = useEmulator({ seed: { users: USERS } });
const TAB_COUNTS = (process.env.BENCH_CROSSTAB_TABS ?? '10,100').split(',').map(Number);
/** After the action, the other tabs get this long (real time) to settle; then they must all agree. */
const SETTLE_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openTabs(count: number) {
  const locks = fakeLocks();
  const sent: string[][] = [];
  const tabs = [];
  for (let i = 0; i < count; i++) {
    const log: string[] = (sent[i] = []);
    const counter = definePlugin({
      name: 'request-counter',
      setup(ctx) {
        const request = ctx.kernel.fapi.request;
        (ctx.kernel.fapi as { request: typeof request }).request = (req, ...rest) => {
          log.push(`${req.method ?? 'GET'} ${req.path.replace(/sess_[A-Za-z0-9]+/, ':id')}`);
          return request(req, ...rest);
        };
        return {};
      },
    });
    const page = fakePage(true);
    tabs.push(
      await openTab(emulator, [
        counter,
        memoryNavigation('http://localhost:3000/'),
        signOutPlugin(),
        pollingPlugin({ environment: { ...page.environment, locks, BroadcastChannel } }),
      ] as const),
    );
  }
  return { tabs, sent };
}

/** Runs `action` in tab 0, waits until every tab agrees (or SETTLE_MS), counts the other tabs' requests. */
async function measure(
  label: string,
  ctx: Awaited<ReturnType<typeof openTabs>>,
  action: () => Promise<unknown>,
  expected: () => string | null,
  expectedForOthers = expected,
) {
  ctx.sent.forEach((log) => (log.length = 0));
  const started = performance.now();
  await action();
  const wantFor = (i: number) => (i === 0 ? expected() : expectedForOthers());
  const agree = () => ctx.tabs.every((t, i) => (t.session?.id ?? null) === wantFor(i));
  const deadline = performance.now() + SETTLE_MS;
  while (performance.now() < deadline && !agree()) await sleep(10);
  const agreedMs = Math.round(performance.now() - started);
  // Late requests (a refetch answered after agreement) still count.
  await sleep(300);
  const others = ctx.sent.slice(1).flat();
  const byKind: Record<string, number> = {};
  for (const r of others) byKind[r] = (byKind[r] ?? 0) + 1;
  const tokenOf = (t: (typeof ctx.tabs)[number]) => t.session?.lastActiveToken?.getRawString() ?? null;
  // Tabs on the same session must hold the same token (the freshest any of them received).
  const tokensBySession = new Map<string | null, Set<string | null>>();
  for (const t of ctx.tabs) tokensBySession.set(t.session?.id ?? null, (tokensBySession.get(t.session?.id ?? null) ?? new Set()).add(tokenOf(t)));
  return {
    label,
    tabs: ctx.tabs.length,
    otherTabsRequests: others.length,
    byKind,
    actingTabRequests: ctx.sent[0].length,
    tabsOnExpectedSession: ctx.tabs.filter((t, i) => (t.session?.id ?? null) === wantFor(i)).length,
    tabsOnExpectedUser: ctx.tabs.filter((t) => (t.user?.id ?? null) === (t.session?.user?.id ?? null)).length,
    distinctTokensPerSession: Math.max(...[...tokensBySession.values()].map((set) => set.size)),
    msUntilAllAgree: agreedMs,
  };
}

it('counts the other tabs’ requests after sign-in, setActive and sign-out', async () => {
  const rows = [];
  for (const count of TAB_COUNTS) {
    resetBrowser(emulator);
    emulator.updateSettings({ singleSession: false });
    const ctx = await openTabs(count);
    const [first] = ctx.tabs;
    let adaSession = '';
    rows.push(
      await measure(
        'sign-in',
        ctx,
        async () => (adaSession = await signIn(first, USERS[0].emailAddress)),
        () => adaSession,
      ),
    );
    // A second account on the same client: the other tabs keep their own session (multi-session).
    let graceSession = '';
    rows.push(
      await measure(
        'sign-in of a second account (multi-session)',
        ctx,
        async () => (graceSession = await signIn(first, USERS[1].emailAddress)),
        () => graceSession,
        () => adaSession,
      ),
    );
    await measure(
      'back',
      ctx,
      () => first.setActive({ session: adaSession }),
      () => adaSession,
    );
    rows.push(
      await measure(
        'setActive (session switch)',
        ctx,
        () => first.setActive({ session: graceSession }),
        () => graceSession,
        () => adaSession,
      ),
    );
    rows.push(
      await measure(
        'sign-out',
        ctx,
        () => first.signOut(() => {}),
        () => null,
      ),
    );
    ctx.tabs.forEach((t) => t.destroy());
  }
  expect(rows.length).toBe(TAB_COUNTS.length * 4);
  const out = process.env.BENCH_CROSSTAB_OUT;
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
  else console.log(JSON.stringify(rows, null, 2));
}, 300_000);
