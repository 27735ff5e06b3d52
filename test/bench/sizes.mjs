/**
 * Bundle sizes: what a consumer's bundler ships from each public entry of microclerk.
 *
 * Each row bundles a tiny consumer module (importing what a real app imports) with esbuild — bundle,
 * minify, ESM, browser, tree shaking, dependencies (zod/mini, mitt, preact) inlined — and measures the
 * output: minified bytes, gzip (level 9) and brotli (quality 11). Split builds (UI) are measured per
 * file, as a browser downloads them, and the per-file compressed sizes are summed.
 *
 * Entries are bundled from the TypeScript sources by default (the UI rows need that: only the sources
 * tell which lazy chunk is the SignIn component); `--dist` bundles the built files in dist/ instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** 1 KB = 1024 bytes throughout the report. */
export const KB = 1024;

/** min / gzip -9 / brotli q11 of one file, in bytes. */
export function compressedSizes(contents) {
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/** Sizes of several files downloaded separately: each compressed on its own, then summed. */
export function sumSizes(list) {
  return list.reduce((acc, s) => ({ min: acc.min + s.min, gzip: acc.gzip + s.gzip, brotli: acc.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });
}

export function diffSizes(a, b) {
  return { min: a.min - b.min, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli };
}

/** Where each public entry lives, in the sources and in dist/. */
export function publicEntries(root, { fromDist = false } = {}) {
  const pick = (source, dist) => (fromDist ? join(root, dist) : join(root, source));
  const plugins = existsSync(join(root, 'plugins'))
    ? readdirSync(join(root, 'plugins'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(root, 'plugins', d.name, 'index.ts')))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    kernel: pick('kernel/index.ts', 'dist/index.js'),
    headless: pick('presets/headless.ts', 'dist/presets/headless.js'),
    full: pick('presets/full.ts', 'dist/presets/full.js'),
    plugins: Object.fromEntries(plugins.map((name) => [name, pick(`plugins/${name}/index.ts`, `dist/plugins/${name}/index.js`)])),
  };
}

const CONSUMER_NAMESPACE = 'bench-consumer';

/** An esbuild plugin serving the consumer module from memory (works with code splitting, unlike stdin). */
function consumerModule(contents, resolveDir) {
  return {
    name: 'bench-consumer',
    setup(build) {
      build.onResolve({ filter: /^bench-consumer$/ }, () => ({ path: 'consumer.js', namespace: CONSUMER_NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: CONSUMER_NAMESPACE }, () => ({ contents, resolveDir, loader: 'js' }));
    },
  };
}

/**
 * Bundles `consumerSource` like an app's bundler would. Returns every output file (content + sizes) and
 * esbuild's metafile (which inputs ended up where, and the import graph between chunks).
 */
export async function bundleConsumer(root, consumerSource, { splitting = false } = {}) {
  const result = await esbuild.build({
    entryPoints: ['bench-consumer'],
    plugins: [consumerModule(consumerSource, root)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    splitting,
    // Needed for splitting; nothing is written (write: false).
    outdir: join(tmpdir(), 'microclerk-bench-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const outdir = join(tmpdir(), 'microclerk-bench-out');
  const files = result.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => ({ name: relative(outdir, f.path).split(sep).join('/'), contents: f.contents, sizes: compressedSizes(f.contents) }));
  const metaOutputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([path, meta]) => [path.split('/').pop(), meta]));
  return { files, metafile: result.metafile, metaOutputs };
}

/** Which npm packages (and which repo folders) contributed bytes to the given outputs. */
function contributions(metaOutputs, fileNames) {
  const byOrigin = new Map();
  for (const name of fileNames) {
    for (const [input, info] of Object.entries(metaOutputs[name]?.inputs ?? {})) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const origin = pkg ?? (input.startsWith('plugins/') ? input.split('/').slice(0, 2).join('/') : input.split('/')[0]);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + info.bytesInOutput);
    }
  }
  return Object.fromEntries([...byOrigin.entries()].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]));
}

/**
 * "Contains Preact?" is read from esbuild's metafile, not guessed from the minified text: true when any
 * input file under node_modules/preact contributed at least one byte to the shipped output. (Text
 * markers are unreliable after minification; `__PREACT_DEVTOOLS__` only exists in preact/devtools.)
 */
function containsPreact(contrib) {
  return Object.keys(contrib).some((origin) => origin === 'preact' || origin.startsWith('preact/'));
}

async function measureSingle(root, label, consumerSource) {
  try {
    const { files, metaOutputs } = await bundleConsumer(root, consumerSource);
    const names = files.map((f) => f.name);
    const contrib = contributions(metaOutputs, names);
    return {
      label,
      ok: true,
      sizes: sumSizes(files.map((f) => f.sizes)),
      files: names.length,
      containsPreact: containsPreact(contrib),
      contributions: contrib,
    };
  } catch (error) {
    return { label, ok: false, error: firstLine(error) };
  }
}

function firstLine(error) {
  const message = error?.errors?.[0]
    ? `${error.errors[0].text}${error.errors[0].location ? ` (${error.errors[0].location.file}:${error.errors[0].location.line})` : ''}`
    : String(error?.message ?? error);
  return message.split('\n')[0];
}

const imp = (names, path) => `import { ${names} } from ${JSON.stringify(path)};`;

/** The factory a plugin entry exports (`fooPlugin` / `foo`), or null (then the whole namespace is kept). */
async function pluginFactoryName(path) {
  try {
    const mod = await esbuild.build({ entryPoints: [path], bundle: false, write: false, metafile: true, format: 'esm', logLevel: 'silent' });
    const exportsList = Object.values(mod.metafile.outputs)[0]?.exports ?? [];
    return exportsList.find((e) => /Plugin$/.test(e)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The source files a split point came from: itself when bundling the sources; for a built dist/ file
 * (`--dist`), the `sources` of its source map (tsup writes one beside every file).
 */
const originCache = new Map();
function originsOf(root, entryPoint) {
  if (!entryPoint.startsWith('dist/')) return [entryPoint];
  if (!originCache.has(entryPoint)) {
    let sources = [];
    try {
      const map = JSON.parse(readFileSync(join(root, `${entryPoint}.map`), 'utf8'));
      sources = (map.sources ?? []).map((source) =>
        relative(root, join(root, dirname(entryPoint), source))
          .split(sep)
          .join('/'),
      );
    } catch {
      // No source map: the chunk cannot be attributed, so it is not counted as part of a mount.
    }
    originCache.set(entryPoint, sources);
  }
  return originCache.get(entryPoint);
}

/**
 * Split build of the full preset: "before any mount" is the entry chunk plus everything it imports
 * statically; the UI is what the dynamic import() edges lead to. A lazy chunk counts as pulled by a
 * mount when the module it was split for lives in one of `uiFolders` (e.g. plugins/ui/ = the host,
 * plugins/sign-in/ = the SignIn view) and the initial files import() it (a mount loads the host and the
 * view that way); the closure adds their static imports. What a view import()s itself when a feature is
 * used or first rendered (the QR encoder when an authenticator app is set up, wallet helpers, the phone
 * field's country picker) is `onUse`, not counted: a phone-first instance's first mount costs it on top.
 */
async function measureFullSplit(root, consumerSource, label) {
  let bundle;
  try {
    bundle = await bundleConsumer(root, consumerSource, { splitting: true });
  } catch (error) {
    return { ok: false, error: firstLine(error) };
  }
  const { files, metaOutputs } = bundle;
  const byName = new Map(files.map((f) => [f.name, f]));
  const entryName = files.find((f) => metaOutputs[f.name]?.entryPoint?.includes('consumer.js'))?.name;
  const outputFor = (path) => path.split('/').pop();

  /** The files reached from `start` by static imports, and by the `import()`s that the `initial` files make of chunks `followDynamic` accepts. */
  function closure(start, followDynamic, initial = new Set()) {
    const seen = new Set();
    const queue = [...start];
    while (queue.length) {
      const name = queue.shift();
      if (seen.has(name) || !byName.has(name)) continue;
      seen.add(name);
      for (const edge of metaOutputs[name]?.imports ?? []) {
        if (edge.external) continue;
        const target = outputFor(edge.path);
        if (edge.kind === 'import-statement') queue.push(target);
        else if (edge.kind === 'dynamic-import' && initial.has(name) && followDynamic(target)) queue.push(target);
      }
    }
    return seen;
  }

  const splitFor = (name) => metaOutputs[name]?.entryPoint ?? '';
  const under = (folders) => (name) => originsOf(root, splitFor(name)).some((origin) => folders.some((folder) => origin.startsWith(`plugins/${folder}/`)));
  const initial = closure([entryName], () => false);
  const lazyNames = files.map((f) => f.name).filter((n) => !initial.has(n));
  const describe = (names) => {
    const list = [...names];
    const contrib = contributions(metaOutputs, list);
    return {
      files: list.map((n) => ({ name: n, splitFrom: splitFor(n) || null, ...byName.get(n).sizes })),
      sizes: sumSizes(list.map((n) => byName.get(n).sizes)),
      containsPreact: containsPreact(contrib),
      contributions: contrib,
    };
  };
  const afterSignIn = closure([entryName], under(['ui', 'sign-in']), initial);
  const uiSignInSignUp = closure([entryName], under(['ui', 'sign-in', 'sign-up']), initial);
  const lazyOnly = (set) => [...set].filter((n) => !initial.has(n));
  // UserButton + UserProfile, measured like SignIn + SignUp: host + both views + what they import.
  const uiUserButtonUserProfile = closure([entryName], under(['ui', 'user-button', 'user-profile']), initial);
  const hostOnly = closure([entryName], under(['ui']), initial);
  const userViewChunks = lazyOnly(uiUserButtonUserProfile).filter((n) => !hostOnly.has(n));
  // "Loaded only when first mounted": no module a user-view chunk was split for has bytes in the initial files.
  const userViewModules = new Set(userViewChunks.map(splitFor).filter(Boolean));
  const userViewsInInitial = [...initial].flatMap((n) =>
    Object.entries(metaOutputs[n]?.inputs ?? {})
      .filter(([input, info]) => userViewModules.has(input) && info.bytesInOutput > 0)
      .map(([input]) => input),
  );
  // Chunks the mounted UI import()s itself, on use: not part of any mount above.
  const mounted = new Set([...uiSignInSignUp, ...uiUserButtonUserProfile]);
  const onUse = new Set(
    lazyOnly(mounted).flatMap((n) =>
      (metaOutputs[n]?.imports ?? [])
        .filter((edge) => edge.kind === 'dynamic-import' && !mounted.has(outputFor(edge.path)))
        .map((edge) => outputFor(edge.path)),
    ),
  );
  const hasSignIn = [...afterSignIn].some((n) => under(['sign-in'])(n));
  const hasSignUp = [...uiSignInSignUp].some((n) => under(['sign-up'])(n));
  const hasHost = [...afterSignIn].some((n) => under(['ui'])(n));
  return {
    ok: true,
    label,
    beforeMount: describe(initial),
    afterMountSignIn: describe(afterSignIn),
    uiChunksSignInSignUpHost: describe(lazyOnly(uiSignInSignUp)),
    uiChunksUserButtonUserProfileHost: describe(lazyOnly(uiUserButtonUserProfile)),
    userButtonUserProfileBeyondHost: describe(userViewChunks),
    userViewsInInitial,
    onUse: describe([...onUse].filter((n) => byName.has(n))),
    allLazy: describe(lazyNames),
    found: {
      host: hasHost,
      signIn: hasSignIn,
      signUp: hasSignUp,
      userButton: userViewChunks.some((n) => under(['user-button'])(n)),
      userProfile: userViewChunks.some((n) => under(['user-profile'])(n)),
    },
  };
}

/** Entry chunk + its static imports vs every chunk only reachable through import(). */
async function measureInitialVsLazy(root, consumerSource) {
  try {
    const { files, metaOutputs } = await bundleConsumer(root, consumerSource, { splitting: true });
    const byName = new Map(files.map((f) => [f.name, f]));
    const entryName = files.find((f) => metaOutputs[f.name]?.entryPoint?.includes('consumer.js'))?.name;
    const initial = new Set();
    const queue = [entryName];
    while (queue.length) {
      const name = queue.shift();
      if (initial.has(name) || !byName.has(name)) continue;
      initial.add(name);
      for (const edge of metaOutputs[name]?.imports ?? []) if (edge.kind === 'import-statement') queue.push(edge.path.split('/').pop());
    }
    const lazy = files.filter((f) => !initial.has(f.name));
    const lazyContrib = contributions(
      metaOutputs,
      lazy.map((f) => f.name),
    );
    return {
      initial: sumSizes([...initial].map((n) => byName.get(n).sizes)),
      lazy: sumSizes(lazy.map((f) => f.sizes)),
      lazyFiles: lazy.length,
      lazyContainsPreact: containsPreact(lazyContrib),
    };
  } catch (error) {
    return { error: firstLine(error) };
  }
}

/**
 * What one plugin adds to the headless preset: kernel + the preset's other plugin factories, with and
 * without `name`. The preset's plugin list is read from presets/headless.ts's imports.
 */
async function measurePluginOverPreset(root, entries, name) {
  const presetSource = existsSync(join(root, 'presets/headless.ts')) ? readFileSync(join(root, 'presets/headless.ts'), 'utf8') : '';
  const members = [...presetSource.matchAll(/import\s*\{\s*(\w+)\s*\}\s*from\s*'\.\.\/plugins\/([\w-]+)\/index\.js'/g)].map((m) => ({
    factory: m[1],
    plugin: m[2],
  }));
  if (!members.some((m) => m.plugin === name)) return { ok: false, error: `presets/headless.ts does not import plugins/${name}` };
  const source = (list) =>
    [
      imp('createClerk', entries.kernel),
      ...list.map((m) => imp(m.factory, entries.plugins[m.plugin])),
      `globalThis.__bench = [createClerk, ${list.map((m) => m.factory).join(', ')}];`,
    ].join('\n');
  const without = await measureSingle(root, `headless without ${name}`, source(members.filter((m) => m.plugin !== name)));
  const withIt = await measureSingle(root, `headless with ${name}`, source(members));
  if (!without.ok || !withIt.ok) return { ok: false, error: without.error ?? withIt.error };
  return { ok: true, plugins: members.map((m) => m.plugin), added: diffSizes(withIt.sizes, without.sizes), with: withIt.sizes, without: without.sizes };
}

/** Budgets (from the brief), in bytes of min+brotli. */
export const BUDGETS = {
  kernel: 10 * KB,
  headless: 20 * KB,
  navigationOverHeadless: 2 * KB,
  fullBeforeMount: 25 * KB,
  uiSignInSignUpHost: 30 * KB,
  uiUserButtonUserProfileHost: 30 * KB,
  fullAfterMountSignIn: 55 * KB,
};

export async function measureSizes(root, { fromDist = false } = {}) {
  const entries = publicEntries(root, { fromDist });
  const missing = (path) => (existsSync(path) ? null : { ok: false, error: `${relative(root, path)} does not exist` });

  const kernel =
    missing(entries.kernel) ?? (await measureSingle(root, 'microclerk (kernel)', `${imp('createClerk', entries.kernel)}\nglobalThis.__bench = createClerk;`));
  const headless =
    missing(entries.headless) ??
    (await measureSingle(root, 'microclerk/presets/headless', `${imp('createHeadlessClerk', entries.headless)}\nglobalThis.__bench = createHeadlessClerk;`));
  // The same two entries as an app's bundler splits them (Vite, Rollup, webpack split every import()):
  // what loads at start vs the resource method bodies that load on first call. Reported beside the one-file rows.
  const kernelSplit = missing(entries.kernel)
    ? null
    : await measureInitialVsLazy(root, `${imp('createClerk', entries.kernel)}\nglobalThis.__bench = createClerk;`);
  const headlessSplit = missing(entries.headless)
    ? null
    : await measureInitialVsLazy(root, `${imp('createHeadlessClerk', entries.headless)}\nglobalThis.__bench = createHeadlessClerk;`);
  const fullAll =
    missing(entries.full) ??
    (await measureSingle(root, 'microclerk/presets/full (one file, lazy UI inlined)', `${imp('Clerk', entries.full)}\nglobalThis.__bench = Clerk;`));
  let fullSplit = missing(entries.full) ?? (await measureFullSplit(root, `${imp('Clerk', entries.full)}\nglobalThis.__bench = Clerk;`, 'presets/full'));
  // Until the full preset includes the UI, measure the app that adds it: full preset + ui, sign-in, sign-up.
  const uiEntries = [
    ['ui', 'uiPlugin'],
    ['sign-in', 'signInPlugin'],
    ['sign-up', 'signUpPlugin'],
  ].filter(([name]) => entries.plugins[name] && existsSync(entries.plugins[name]));
  if (fullSplit.ok && !fullSplit.found.signIn && uiEntries.length && existsSync(entries.full)) {
    const source = [
      imp('Clerk', entries.full),
      ...uiEntries.map(([name, factory]) => imp(factory, entries.plugins[name])),
      `globalThis.__bench = [Clerk, ${uiEntries.map(([, f]) => f).join(', ')}];`,
    ].join('\n');
    const composed = await measureFullSplit(
      root,
      source,
      `presets/full + ${uiEntries.map(([, f]) => `${f}()`).join(' + ')} (the preset does not include them yet)`,
    );
    fullSplit = composed.ok ? { ...composed, presetOnly: fullSplit } : fullSplit;
  }

  const plugins = [];
  for (const [name, path] of Object.entries(entries.plugins)) {
    if (!existsSync(path)) {
      plugins.push({ name, ok: false, error: `${relative(root, path)} does not exist (run the build?)` });
      continue;
    }
    const standalone = await measureSingle(root, `microclerk/plugins/${name}`, `import * as m from ${JSON.stringify(path)};\nglobalThis.__bench = m;`);
    // What adding the plugin to an app costs: kernel + plugin factory, minus the kernel alone.
    const factory = await pluginFactoryName(path);
    const withKernel = await measureSingle(
      root,
      `kernel + ${name}`,
      factory
        ? `${imp('createClerk', entries.kernel)}\n${imp(factory, path)}\nglobalThis.__bench = [createClerk, ${factory}];`
        : `${imp('createClerk', entries.kernel)}\nimport * as m from ${JSON.stringify(path)};\nglobalThis.__bench = [createClerk, m];`,
    );
    const added = kernel.ok && withKernel.ok ? diffSizes(withKernel.sizes, kernel.sizes) : null;
    // Split build: what loads with the entry vs what only an import() (a UI mount) fetches later.
    const split = standalone.ok ? await measureInitialVsLazy(root, `import * as m from ${JSON.stringify(path)};\nglobalThis.__bench = m;`) : null;
    plugins.push({ name, factory, ...standalone, split, addedToKernel: added, addedError: withKernel.ok ? undefined : withKernel.error });
  }

  const navigationOverHeadless = await measurePluginOverPreset(root, entries, 'navigation');
  return { measuredFrom: fromDist ? 'dist' : 'source', kernel, kernelSplit, headless, headlessSplit, fullAll, fullSplit, plugins, navigationOverHeadless };
}
