/**
 * @clerk/ui, the package ClerkJS 6.x renders its components with (`ui.ClerkUI`), measured in the same
 * run from node_modules/@clerk/ui.
 *
 * Which browser build is fetched is read from @clerk/shared's script loader (the URL it builds for the
 * UI script). Which chunks a component needs is read from that build's rspack runtime at run time:
 * - the chunk loader maps chunk ids to `<name or id>_ui_<hash6>_<version>.js`;
 * - the component map (`SignIn: () => Promise.all([r.e(26), …]).then(r.bind(r, …))`) lists the chunks
 *   each component's module needs;
 * - the renderer (`….then(({ createRoot }) => …)`) and the lazy providers every mount renders through
 *   (`….then(e => ({ default: e.Portal }))`) add their chunks.
 * The list of providers on the mount path is documentation (read from the renderer's call sites in
 * 1.34.0); the chunk ids behind them are measured. If any piece cannot be found, the mapping is marked
 * unreliable and only "before any component" and "all chunks" are reported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressedSizes } from './sizes.mjs';

/** Providers every inline mount (`mountSignIn(div)`) renders through, outside the component itself. */
export const UI_MOUNT_PATH = [
  'ClerkContextProvider',
  'EnvironmentProvider',
  'OptionsProvider',
  'ModuleManagerProvider',
  'StyleCacheProvider',
  'AppearanceProvider',
  'Portal',
];
/** What a modal adds (UserButton's "Manage account" opens UserProfile in one). */
export const UI_MODAL_PATH = ['Modal', 'FlowMetadataProvider', 'InternalThemeProvider', 'VirtualRouter'];

/** One chunk list: `Promise.all([r.e(1),r.e(2)])` or `r.e(1)` (minified names vary, hence \w+). */
const CHUNKS = String.raw`(Promise\.all\(\[(?:\w+\.e\(\d+\),?)+\]\)|\w+\.e\(\d+\))`;
const BIND = String.raw`\.then\(\w+\.bind\(\w+,[\w.]+\)\)`;
const chunkIds = (text) => [...text.matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);

/** The URL file name @clerk/shared's loader builds for the UI script (`…/npm/@clerk/ui@<v>/dist/<file>`). */
function scriptLoaderFile(root) {
  for (const dir of ['node_modules/@clerk/clerk-js/node_modules/@clerk/shared', 'node_modules/@clerk/shared']) {
    const loader = join(root, dir, 'dist/loadClerkJsScript.mjs');
    if (!existsSync(loader)) continue;
    const match = /\/npm\/@clerk\/ui@\$\{\w+\}\/dist\/([\w.-]+\.js)/.exec(readFileSync(loader, 'utf8'));
    if (match) return { file: match[1], readFrom: `${dir}/dist/loadClerkJsScript.mjs` };
  }
  return null;
}

/**
 * Whether @clerk/react loads the UI script before `clerk.load()` (its `getClerkUIEntryChunk`, skipped
 * with `prefetchUI: false`): read from the installed package's dist, so it is documentation of that
 * version, not a measurement. Null when @clerk/react is not installed.
 */
function reactPrefetchesUi(root) {
  const dist = join(root, 'node_modules/@clerk/react/dist');
  if (!existsSync(dist)) return null;
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@clerk/react/package.json'), 'utf8')).version;
  const file = readdirSync(dist)
    .filter((f) => f.endsWith('.mjs'))
    .find((f) => {
      const text = readFileSync(join(dist, f), 'utf8');
      return text.includes('loadClerkUIScript(') && text.includes('prefetchUI') && text.includes('getClerkUIEntryChunk');
    });
  return { version, prefetches: Boolean(file), readFrom: file ? `@clerk/react/dist/${file}` : null };
}

/** The chunk graph of one rspack browser build, or the first piece that could not be found. */
export function readUiChunkGraph(source) {
  const hash = /\.h=\(\)=>"([0-9a-f]+)"/.exec(source)?.[1];
  const loaderAt = source.indexOf('"_ui_"');
  const namesText = loaderAt > 0 ? /\(\(\{((?:\d+:"[^"]+",?)+)\}\)\[\w+\]\|\|\w+\)\+$/.exec(source.slice(Math.max(0, loaderAt - 6000), loaderAt))?.[1] : null;
  if (!hash || !namesText) return { ok: false, error: 'chunk loader (`i.u` / `i.h`) not found' };
  const names = Object.fromEntries([...namesText.matchAll(/(\d+):"([^"]+)"/g)].map((m) => [m[1], m[2]]));

  const components = Object.fromEntries(
    [...source.matchAll(new RegExp(String.raw`([A-Z]\w*):\(\)=>${CHUNKS}${BIND}`, 'g'))].map((m) => [m[1], chunkIds(m[2])]),
  );
  const providers = {};
  for (const m of source.matchAll(new RegExp(String.raw`${CHUNKS}${BIND}\.then\(\w+=>\(\{default:\w+\.([\w.]+)\}\)\)`, 'g')))
    providers[m[2]] ??= chunkIds(m[1]);
  const renderer = new RegExp(String.raw`${CHUNKS}${BIND}\.then\(\(\{createRoot`).exec(source);
  if (!renderer) return { ok: false, error: 'renderer (`createRoot` import) not found' };
  return { ok: true, hash: hash.slice(0, 6), names, components, providers, renderer: chunkIds(renderer[1]) };
}

/** `root` holds @clerk/ui (the compare/ package); `reactRoot` holds @clerk/react (the repository). */
export function measureClerkUi(root, reactRoot = root) {
  const dir = join(root, 'node_modules/@clerk/ui');
  if (!existsSync(join(dir, 'package.json'))) return { installed: false };
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const dist = join(dir, 'dist');
  const listing = existsSync(dist) ? readdirSync(dist) : [];
  const measureFile = (name) => ({ name, ...compressedSizes(readFileSync(join(dist, name))) });
  const sum = (files) => files.reduce((a, f) => ({ min: a.min + f.min, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { min: 0, gzip: 0, brotli: 0 });
  const base = { installed: true, package: '@clerk/ui', version: pkg.version, browserBuilds: listing.filter((f) => /\.browser\.js$/.test(f)) };

  const loader = scriptLoaderFile(root);
  const browserName = loader?.file ?? 'ui.browser.js';
  if (!listing.includes(browserName)) return { ...base, ok: false, error: `dist/${browserName} not found` };
  const browser = measureFile(browserName);
  const graph = readUiChunkGraph(readFileSync(join(dist, browserName), 'utf8'));
  const result = {
    ...base,
    ok: true,
    browser,
    browserReadFrom: loader?.readFrom ?? 'not found in @clerk/shared: assumed ui.browser.js',
    react: reactPrefetchesUi(reactRoot),
  };
  if (!graph.ok) return { ...result, mapping: { reliable: false, reason: graph.error } };

  const fileOf = (id) => `${graph.names[id] ?? id}_ui_${graph.hash}_${pkg.version}.js`;
  const ownChunks = listing.filter((f) => f.endsWith(`_ui_${graph.hash}_${pkg.version}.js`));
  const allChunks = ownChunks.map(measureFile);
  const all = { files: allChunks.length, sizes: sum([browser, ...allChunks]) };

  const missing = [...UI_MOUNT_PATH, ...UI_MODAL_PATH].filter((p) => !graph.providers[p]);
  const wanted = ['SignIn', 'SignUp', 'UserButton', 'UserProfile'].filter((c) => !graph.components[c]);
  /** ui.browser.js + the chunks a set of components needs when mounted (renderer + providers + their own). */
  const setFor = (componentNames, providerNames) => {
    const ids = new Set([...graph.renderer, ...providerNames.flatMap((p) => graph.providers[p]), ...componentNames.flatMap((c) => graph.components[c])]);
    const files = [...ids].map(fileOf);
    const absent = files.filter((f) => !listing.includes(f));
    if (absent.length) return { ok: false, error: `chunk file(s) not shipped: ${absent.join(', ')}` };
    const measured = [browser, ...files.sort().map(measureFile)];
    return { ok: true, components: componentNames, files: measured, sizes: sum(measured) };
  };
  const sets =
    missing.length || wanted.length
      ? null
      : {
          signIn: setFor(['SignIn'], UI_MOUNT_PATH),
          signInSignUp: setFor(['SignIn', 'SignUp'], UI_MOUNT_PATH),
          userButtonUserProfile: setFor(['UserButton', 'UserProfile'], [...UI_MOUNT_PATH, ...UI_MODAL_PATH]),
        };
  const failedSet = sets && Object.values(sets).find((s) => !s.ok);
  const reliable = Boolean(sets && !failedSet);
  return {
    ...result,
    chunkHash: graph.hash,
    rendererChunks: graph.renderer.map(fileOf),
    componentChunks: Object.fromEntries(
      ['SignIn', 'SignUp', 'UserButton', 'UserProfile'].filter((c) => graph.components[c]).map((c) => [c, graph.components[c].map(fileOf)]),
    ),
    mapping: reliable
      ? { reliable: true }
      : {
          reliable: false,
          reason:
            failedSet?.error ?? `not found in ${browserName}: ${[...missing.map((p) => `provider ${p}`), ...wanted.map((c) => `component ${c}`)].join(', ')}`,
        },
    sets: reliable ? sets : null,
    // When the mapping fails: what loads before any component renders (the script alone) and everything.
    beforeAnyComponent: browser,
    all,
  };
}
