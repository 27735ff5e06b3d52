#!/usr/bin/env node
/**
 * `npm run bench`: bundle sizes against budgets and beside ClerkJS, FAPI round trips before `loaded`,
 * getToken dedup, background requests per hour. Markdown on stdout, the same data as JSON in
 * test-artifacts/bench.json. Every figure is measured in this run; budgets and ClerkJS's documented
 * behaviour are labelled as such. Only 127.0.0.1 is ever contacted.
 *
 * Flags: --strict (exit 1 when a budget or target fails), --dist (bundle dist/ instead of the sources).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClerkJs } from './clerkjs.mjs';
import { CLERKJS_POLLING_FACTS, clerkJsDocumentedPerHour, measurePolling } from './polling.mjs';
import { measureRoundTrips } from './roundtrips.mjs';
import { BUDGETS, KB, measureSizes } from './sizes.mjs';
import { measureTokenDedup } from './tokens.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const strict = args.has('--strict');
const fromDist = args.has('--dist');

const kb = (bytes) => (bytes == null ? '–' : `${(bytes / KB).toFixed(2)}`);
const sizeCells = (s) => (s ? [kb(s.min), kb(s.gzip), kb(s.brotli)] : ['–', '–', '–']);
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(3)}×` : 'n/a');
const yesNo = (v) => (v === undefined ? '–' : v ? 'yes' : 'no');
function table(headers, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
const out = [];
const print = (text = '') => out.push(text);

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - started) };
}

const started = performance.now();
const sizes = await timed(() => measureSizes(root, { fromDist }));
const clerkjs = await timed(() => measureClerkJs(root));
const roundTrips = await timed(() => measureRoundTrips(root));
const tokens = await timed(() => measureTokenDedup(root));
const polling = await timed(() => measurePolling(root));

const S = sizes.value;
const C = clerkjs.value;
const checks = [];
/** A budget row: PASS/FAIL from a measured value, or PENDING when it could not be measured. */
function check(name, measured, limit, unit = 'bytes', note = '') {
  const status = measured == null ? 'PENDING' : measured <= limit ? 'PASS' : 'FAIL';
  checks.push({ name, measured, limit, unit, status, note });
}

// ---------------------------------------------------------------------------------------------------
print('# microclerk bench');
print();
print(`Node ${process.version}, ${new Date().toISOString()}. Sizes: esbuild (bundle, minify, ESM, browser, tree shaking, deps inlined) of a consumer module per entry, bundled from ${S.measuredFrom === 'dist' ? 'dist/' : 'the TypeScript sources (same esbuild pipeline tsup uses; `--dist` bundles dist/ instead)'}; 1 KB = 1024 bytes; gzip level 9, brotli quality 11; split builds: each file compressed on its own, then summed.`);
print();

print('## 1. Bundle sizes (KB)');
print();
const entryRow = (label, r, imports) =>
  r.ok ? [label, imports, ...sizeCells(r.sizes), yesNo(r.containsPreact)] : [label, imports, `build failed: ${r.error}`, '', '', ''];
print(
  table(
    ['entry', 'consumer imports', 'min', 'gzip', 'brotli', 'contains preact?'],
    [
      entryRow('microclerk (kernel)', S.kernel, '`createClerk`'),
      entryRow('microclerk/presets/headless', S.headless, '`createHeadlessClerk`'),
      entryRow('microclerk/presets/full, one file (lazy UI inlined)', S.fullAll, '`Clerk`'),
      ...(S.fullSplit.ok
        ? [
            ...(S.fullSplit.presetOnly ? [['microclerk/presets/full alone, before any mount', '`Clerk` (split)', ...sizeCells(S.fullSplit.presetOnly.beforeMount.sizes), yesNo(S.fullSplit.presetOnly.beforeMount.containsPreact)]] : []),
            [`${S.fullSplit.label}, before any mount`, '`Clerk` (split)', ...sizeCells(S.fullSplit.beforeMount.sizes), yesNo(S.fullSplit.beforeMount.containsPreact)],
            [`${S.fullSplit.label}, after mountSignIn`, '`Clerk` (split)', ...sizeCells(S.fullSplit.afterMountSignIn.sizes), yesNo(S.fullSplit.afterMountSignIn.containsPreact)],
            ['UI chunks: SignIn + SignUp + host (lazy only)', '`Clerk` (split)', ...sizeCells(S.fullSplit.uiChunksSignInSignUpHost.sizes), yesNo(S.fullSplit.uiChunksSignInSignUpHost.containsPreact)],
          ]
        : [['microclerk/presets/full (split)', '`Clerk`', `build failed: ${S.fullSplit.error}`, '', '', '']]),
    ],
  ),
);
print();
print('"contains preact?" is read from esbuild\'s metafile: yes when any file under node_modules/preact contributed bytes to the output (a text marker such as `__PREACT_DEVTOOLS__` is unreliable: it only exists in preact/devtools).');
if (S.fullSplit.ok) {
  const f = S.fullSplit.found;
  print(
    `Split build of ${S.fullSplit.label}: "before any mount" = entry chunk + its static imports; "after mountSignIn" adds the chunks reached through import() of modules in plugins/ui/ (host) and plugins/sign-in/ (and their static imports). Found: host ${yesNo(f.host)}, SignIn ${yesNo(f.signIn)}, SignUp ${yesNo(f.signUp)}; all lazy chunks together: ${kb(S.fullSplit.allLazy.sizes.brotli)} KB brotli in ${S.fullSplit.allLazy.files.length} file(s).`,
  );
}
print();
print('Plugins (`import * as m from \'microclerk/plugins/<name>\'`; "adds to kernel" = kernel + the plugin factory, minus the kernel alone; split = with code splitting, the entry vs what only import() loads):');
print();
print(
  table(
    ['plugin', 'min', 'gzip', 'brotli', 'adds to kernel (brotli)', 'split: initial brotli', 'split: lazy brotli (files)', 'contains preact?'],
    S.plugins.map((p) =>
      p.ok
        ? [
            p.name,
            ...sizeCells(p.sizes),
            p.addedToKernel ? kb(p.addedToKernel.brotli) : `– (${p.addedError ?? 'kernel failed'})`,
            p.split?.initial ? kb(p.split.initial.brotli) : '–',
            p.split?.lazy ? `${kb(p.split.lazy.brotli)} (${p.split.lazyFiles})` : '–',
            yesNo(p.containsPreact),
          ]
        : [p.name, `build failed: ${p.error}`, '', '', '', '', '', ''],
    ),
  ),
);
print();
const contributionLine = (label, r) => r.ok && `${label}: ${Object.entries(r.contributions).map(([k, v]) => `${k} ${kb(v)}`).join(', ')} (KB of minified output)`;
for (const line of [contributionLine('Kernel bytes by origin', S.kernel), contributionLine('Headless bytes by origin', S.headless)]) if (line) print(`- ${line}`);
print();

const navigation = S.plugins.find((p) => p.name === 'navigation');
const signInFound = S.fullSplit.ok && S.fullSplit.found.host && S.fullSplit.found.signIn;
const uiFound = signInFound && S.fullSplit.found.signUp;
check('kernel (min+brotli)', S.kernel.ok ? S.kernel.sizes.brotli : null, BUDGETS.kernel);
check('headless preset (min+brotli)', S.headless.ok ? S.headless.sizes.brotli : null, BUDGETS.headless);
const navOverHeadless = S.navigationOverHeadless;
check(
  'navigation plugin adds to headless (min+brotli)',
  navOverHeadless.ok ? navOverHeadless.added.brotli : null,
  BUDGETS.navigationOverHeadless,
  'bytes',
  navOverHeadless.ok
    ? `kernel + ${navOverHeadless.plugins.join(', ')} minus the same without navigation (${kb(navOverHeadless.with.brotli)} − ${kb(navOverHeadless.without.brotli)} KB); over the bare kernel it adds ${navigation?.addedToKernel ? kb(navigation.addedToKernel.brotli) : '–'} KB`
    : navOverHeadless.error,
);
check('full preset before any mount (min+brotli)', S.fullSplit.ok ? S.fullSplit.beforeMount.sizes.brotli : null, BUDGETS.fullBeforeMount, 'bytes', S.fullSplit.ok ? S.fullSplit.label : '');
check('UI chunks SignIn + SignUp + host, incl. Preact (min+brotli)', uiFound ? S.fullSplit.uiChunksSignInSignUpHost.sizes.brotli : null, BUDGETS.uiSignInSignUpHost, 'bytes', uiFound ? S.fullSplit.label : 'host, SignIn or SignUp plugin not found');
check('full preset after mountSignIn (min+brotli)', signInFound ? S.fullSplit.afterMountSignIn.sizes.brotli : null, BUDGETS.fullAfterMountSignIn, 'bytes', signInFound ? S.fullSplit.label : 'host or SignIn plugin not found');

// ---------------------------------------------------------------------------------------------------
print('## 2. Side by side with ClerkJS (measured from node_modules/@clerk/clerk-js in this run)');
print();
if (!C.ok) print(`ClerkJS: ${C.error}`);
else {
  print(`@clerk/clerk-js ${C.version}; package.json exports: ${C.exports.map((e) => `\`${e}\``).join(', ')}.`);
  print(
    `- Headless build: ${C.headless.files ? C.headless.files.map((f) => f.name).join(', ') : `none shipped (no \`headless\` export condition, no clerk.headless*.js in dist/) — its core build (${C.core?.name}) is the comparable row`}.`,
  );
  print(
    `- UI: ClerkJS ${C.version} renders components through a \`ui.ClerkUI\` constructor from the separate \`@clerk/ui\` package (the core build ${C.ui.clerkJsTakesClerkUICtor ? 'reads `ClerkUI`' : 'does not mention ClerkUI'}); \`@clerk/ui\` is ${C.ui.installed ? `installed (${C.ui.version})` : '**not installed**, so ClerkJS "after mountSignIn" is not measured'}.`,
  );
  print(`- "ClerkJS before any mount" = ${C.core?.name} alone: every other browser chunk is behind the bundle's chunk loader (import()), see the table below.`);
  print();
  const core = C.core;
  const rows = [
    ['kernel vs ClerkJS core', 'microclerk (kernel)', S.kernel.ok ? S.kernel.sizes : null, core?.name, core],
    ['headless vs ClerkJS core (no headless build)', 'presets/headless', S.headless.ok ? S.headless.sizes : null, core?.name, core],
    ['before any mount', `${S.fullSplit.label ?? 'presets/full'} before mount`, S.fullSplit.ok ? S.fullSplit.beforeMount.sizes : null, core?.name, core],
    [
      'after mountSignIn',
      `${S.fullSplit.label ?? 'presets/full'} after mountSignIn`,
      signInFound ? S.fullSplit.afterMountSignIn.sizes : null,
      C.ui.installed ? `${core?.name} + ${C.ui.files.map((f) => f.name).join(' + ')}` : 'not measured: @clerk/ui not installed',
      C.ui.installed && C.ui.files.length ? { min: core.min + C.ui.files.reduce((a, f) => a + f.min, 0), gzip: core.gzip + C.ui.files.reduce((a, f) => a + f.gzip, 0), brotli: core.brotli + C.ui.files.reduce((a, f) => a + f.brotli, 0) } : null,
    ],
    ['an app bundling the npm package (no UI)', 'presets/headless', S.headless.ok ? S.headless.sizes : null, C.npmBundle?.ok ? `esbuild of \`import { Clerk } from '@clerk/clerk-js'\` (${C.npmBundle.inputs.join(', ')})` : `failed: ${C.npmBundle?.error}`, C.npmBundle?.ok ? C.npmBundle : null],
  ];
  print(
    table(
      ['row', 'microclerk', 'min', 'brotli', 'ClerkJS files summed', 'min', 'gzip', 'brotli', 'ratio min', 'ratio brotli'],
      rows.map(([row, ours, oursSizes, theirsLabel, theirs]) => [
        row,
        ours,
        kb(oursSizes?.min),
        kb(oursSizes?.brotli),
        theirsLabel ?? '–',
        ...sizeCells(theirs),
        ratio(oursSizes?.min, theirs?.min),
        ratio(oursSizes?.brotli, theirs?.brotli),
      ]),
    ),
  );
  print();
  print(`Ratios are microclerk / ClerkJS. ClerkJS's lazily loaded chunks (${C.core?.name.replace('.js', '')} variant; purpose read from the bundle's call sites — documentation, not measurement):`);
  print();
  print(table(['chunk file', 'min', 'gzip', 'brotli', 'loaded for'], C.lazyChunks.map((c) => [c.name, ...sizeCells(c), c.purpose])));
}
print();

// ---------------------------------------------------------------------------------------------------
const R = roundTrips.value;
print(`## 3. FAPI round trips before \`loaded\` (emulator over HTTP on 127.0.0.1, ${R.latencyMs} ms latency per request)`);
print();
print(
  table(
    ['SDK', 'instance', 'requests before loaded', 'requests (in order served)', 'sequential round trips', 'wall ms', 'wall ÷ latency', 'target'],
    [
      ...R.microclerk.map((r) =>
        r.ok
          ? ['microclerk headless', r.instanceType, r.requests, r.steps.map((s, i) => `${i + 1}: ${s.join(' + ')}`).join('; '), r.roundTrips, r.wallMs, r.wallOverLatency, `${r.target} (${r.roundTrips === r.target ? 'PASS' : 'FAIL'})`]
          : ['microclerk headless', r.instanceType, `failed: ${r.error}`, '', '', '', '', ''],
      ),
      ...(R.clerkJs
        ? [
            R.clerkJs.ok
              ? ['ClerkJS 6.40.0 (npm ESM build, `standardBrowser: false`)', 'production', R.clerkJs.requests, R.clerkJs.steps.map((s, i) => `${i + 1}: ${s.join(' + ')}`).join('; '), R.clerkJs.roundTrips, R.clerkJs.wallMs, R.clerkJs.wallOverLatency, '–']
              : ['ClerkJS 6.40.0', 'production', `failed: ${R.clerkJs.error}`, '', '', '', '', ''],
          ]
        : []),
    ],
  ),
);
print();
print('Sequential round trips are counted from timed fetches in this process: the longest chain of requests in which each one started only after the previous one had answered; requests that overlap in time share a step. Wall ÷ latency is the cross-check (each step costs one latency plus local overhead).');
print('ClerkJS, as documented in fapi-protocol.md:');
for (const fact of R.clerkJsFacts) print(`- ${fact}`);
print('- ClerkJS development loads are not measured here: in Node it must run with `standardBrowser: false`, which skips the dev browser (fapi-protocol.md test-harness notes).');
for (const r of R.microclerk) if (r.ok) checks.push({ name: `round trips before loaded, ${r.instanceType}`, measured: r.roundTrips, limit: r.target, unit: 'round trips', status: r.roundTrips === r.target ? 'PASS' : 'FAIL', note: 'target: exactly' });
print();

// ---------------------------------------------------------------------------------------------------
const T = tokens.value;
print('## 4. getToken cache and dedup (development instance over HTTP, signed up with the headless API)');
print();
if (!T.ok) print(`failed: ${T.error}`);
else {
  print(
    table(
      ['call', 'concurrent calls', 'POST …/tokens requests seen by the emulator', 'distinct tokens returned', 'target'],
      [
        [`getToken(${JSON.stringify(T.template.options)}) — template token, not cached`, T.template.calls, T.template.tokenRequests, T.template.distinctTokens, `1 (${T.template.tokenRequests === 1 ? 'PASS' : 'FAIL'})`],
        ['getToken() — session token seeded at sign-in', T.sessionToken.calls, T.sessionToken.tokenRequests, T.sessionToken.distinctTokens, `0 (${T.sessionToken.tokenRequests === 0 ? 'PASS' : 'FAIL'})`],
      ],
    ),
  );
  print();
  print('ClerkJS, as documented (fapi-protocol.md §5): the in-flight promise is cached before the request resolves, so concurrent calls share one request; sessions seed the cache with `last_active_token` ("two concurrent getToken() after sign-in → 0 requests").');
  checks.push({ name: '100 concurrent template getToken → token requests', measured: T.template.tokenRequests, limit: 1, unit: 'requests', status: T.template.tokenRequests === 1 && T.template.allNonNull ? 'PASS' : 'FAIL', note: 'target: exactly' });
}
print();

// ---------------------------------------------------------------------------------------------------
const P = polling.value;
print('## 5. Background requests per hour (one signed-in user, simulated hour)');
print();
if (P.status !== 'measured') print(P.reason);
else {
  print('Measured by running the polling plugin\'s own scenario (`runBrowserScenario` from plugins/polling/scenario.test-helpers.ts) under vitest with fake timers, emulator through msw, via test/bench/polling.scenario.ts.');
  print();
  print(
    table(
      ['scenario', 'token lifetime s', 'FAPI requests / hour', 'POST …/tokens / hour', 'by tab', 'other requests', 'min interval s', 'tabs on the shared token', 'ClerkJS documented (derived)'],
      P.rows.map((r) => [
        r.label,
        r.tokenLifetimeSeconds,
        r.requestsPerHour,
        r.tokenRequestsPerHour,
        r.tokenRequestsByTab.join(' / '),
        r.otherRequests.length ? r.otherRequests.join(', ') : 'none',
        r.minIntervalMs == null ? '–' : (r.minIntervalMs / 1000).toFixed(1),
        `${r.tabsOnSharedToken}/${r.scenario.tabs}`,
        `≈ ${clerkJsDocumentedPerHour(r.tokenLifetimeSeconds)} per browser`,
      ]),
    ),
  );
}
print();
print('ClerkJS, as documented in fapi-protocol.md §5 (not measured):');
for (const fact of CLERKJS_POLLING_FACTS) print(`- ${fact}`);
print('- "ClerkJS documented (derived)" = 3600 s ÷ (token lifetime − 17 s), the arithmetic of that documented schedule.');
print();

// ---------------------------------------------------------------------------------------------------
print('## Budgets and targets');
print();
print(
  table(
    ['check', 'measured', 'budget / target', 'result', 'note'],
    checks.map((c) => [c.name, c.unit === 'bytes' ? (c.measured == null ? '–' : `${kb(c.measured)} KB`) : c.measured ?? '–', c.unit === 'bytes' ? `≤ ${kb(c.limit)} KB` : `${c.limit} ${c.unit}`, c.status, c.note]),
  ),
);
print();
const failed = checks.filter((c) => c.status === 'FAIL');
const totalMs = Math.round(performance.now() - started);
print(`${failed.length} failing, ${checks.filter((c) => c.status === 'PENDING').length} pending. Timings: sizes ${sizes.ms} ms, ClerkJS ${clerkjs.ms} ms, round trips ${roundTrips.ms} ms, tokens ${tokens.ms} ms, polling ${polling.ms} ms; total ${totalMs} ms.${strict ? '' : ' (Exit code is non-zero only with --strict.)'}`);

console.log(out.join('\n'));

const artifactDir = join(root, 'test-artifacts');
mkdirSync(artifactDir, { recursive: true });
const stripFiles = (key, value) => (value instanceof Uint8Array ? undefined : value);
writeFileSync(
  join(artifactDir, 'bench.json'),
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      node: process.version,
      units: { size: 'bytes (1 KB = 1024)', gzip: 'zlib level 9', brotli: 'quality 11' },
      budgets: { source: 'brief (labelled budgets)', bytes: BUDGETS },
      sizes: S,
      clerkjs: C,
      roundTrips: R,
      tokens: T,
      polling: { ...P, clerkJsDocumented: CLERKJS_POLLING_FACTS },
      checks,
      timingsMs: { sizes: sizes.ms, clerkjs: clerkjs.ms, roundTrips: roundTrips.ms, tokens: tokens.ms, polling: polling.ms, total: totalMs },
    },
    stripFiles,
    2,
  ),
);
console.error(`bench: wrote ${join('test-artifacts', 'bench.json')}`);
// ClerkJS, once loaded in this process, keeps timers alive: exit explicitly.
process.exit(strict && failed.length > 0 ? 1 : 0);
