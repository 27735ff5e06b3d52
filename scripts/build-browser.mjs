// Builds dist/microclerk.browser.js, the classic-script bundle of the full preset. The UI modules
// (ui host and component views) are built apart as ESM chunks in dist/browser-ui/ that share one Preact,
// and the bundle's lazy `import()`s of them are pointed at those files next to the script.
//
// One round trip to a mounted component: a lazy import of a host or view also starts, at the same
// moment, the imports of every chunk that module needs (read from esbuild's metafile), so the browser
// fetches them all in parallel instead of discovering the shared chunks only after parsing the view.
// The graph is printed to dist/browser-ui/chunks.json (documented in docs/chunks.md).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAZY = /^\.\/(host|view)\.js$/;
const MARKER = '__MICROCLERK_UI__/';
const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
};

/** `plugins/sign-in/view.tsx` → `sign-in-view` */
const chunkName = (file) => `${basename(dirname(file))}-${basename(file).replace(/\.tsx?$/, '')}`;
// Every component view (a plugin folder with a view.tsx), so no lazy import points at a file that was not built.
const lazyFiles = [
  'plugins/ui/host.tsx',
  ...readdirSync(resolve(root, 'plugins'))
    .filter((dir) => existsSync(resolve(root, 'plugins', dir, 'view.tsx')))
    .sort()
    .map((dir) => `plugins/${dir}/view.tsx`),
];

// The UI modules use the kernel the bundle already carries (one copy, one ClerkRuntimeError class): their
// imports of kernel/index.js read `globalThis.__microclerkKernel`, which the bundle sets. Without this each
// shared UI chunk would carry its own kernel code (and zod) that every mount fetches again.
const kernelIndex = resolve(root, 'kernel/index.ts');
const kernelExports = await build({ ...common, entryPoints: [kernelIndex], format: 'esm', write: false, metafile: true, outdir: 'kernel-exports' }).then(
  (r) => Object.values(r.metafile.outputs)[0].exports,
);
// The same for the small kernel modules lazy code imports directly (errors, safe-url, …) when the kernel's
// index exports everything they export: otherwise a chunk of their code (a second ClerkRuntimeError class)
// would be one more file every mount fetches.
const kernelDir = resolve(root, 'kernel');
const lazyKit = resolve(kernelDir, 'lazy-kit.ts');
// Read once per kernel file (every importer of it resolves here).
const exportLists = new Map();
const exportsOf = (file) => {
  if (!exportLists.has(file)) {
    exportLists.set(
      file,
      build({ ...common, bundle: false, entryPoints: [file], format: 'esm', write: false, metafile: true, outdir: 'kernel-module' }).then(
        (r) => Object.values(r.metafile.outputs)[0].exports,
      ),
    );
  }
  return exportLists.get(file);
};
const shareKernel = {
  name: 'share-kernel',
  setup(b) {
    b.onResolve({ filter: /\/kernel\/.*\.js$|^\.\.?\/[\w-]+\.js$/ }, async (args) => {
      const file = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      // One shim per importing module: shared by several chunks, a shim would be a file of its own to fetch.
      const path = `${relative(kernelDir, file)} for ${relative(root, args.importer)}`;
      if (file === kernelIndex) return { path, namespace: 'microclerk-kernel', pluginData: { names: kernelExports, from: '__microclerkKernel' } };
      // The lazy kit's bindings, as the bundle's kernel filled them (a copy of lazy-kit.ts would stay empty).
      if (file === lazyKit) return { path, namespace: 'microclerk-kernel', pluginData: { names: await exportsOf(file), from: '__microclerkLazyKit' } };
      if (!file.startsWith(`${kernelDir}/`) || !existsSync(file)) return undefined;
      const names = await exportsOf(file);
      return names.every((name) => kernelExports.includes(name))
        ? { path, namespace: 'microclerk-kernel', pluginData: { names, from: '__microclerkKernel' } }
        : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'microclerk-kernel' }, (args) => ({
      contents: `export const { ${args.pluginData.names.join(', ')} } = globalThis.${args.pluginData.from};`,
      loader: 'js',
    }));
  },
};

const outdir = resolve(root, 'dist/browser-ui');
// Chunk names are content hashes: files of an earlier build would linger beside the new ones.
rmSync(outdir, { recursive: true, force: true });
const ui = await build({
  ...common,
  plugins: [shareKernel],
  // V8's compile hint (Chromium 136+; other engines read a comment): compile every function of a UI chunk
  // while the file streams in, on a background thread. Without it the first render compiles each function
  // it calls on the main thread, one by one (about a sixth of a cold mountSignIn's time, measured).
  banner: { js: '//# allFunctionsCalledOnLoad' },
  entryPoints: Object.fromEntries(lazyFiles.map((f) => [chunkName(f), resolve(root, f)])),
  outdir,
  format: 'esm',
  splitting: true,
  metafile: true,
});

/** Output file name → the chunk files it imports statically (`import … from`), transitively. */
const outputs = Object.fromEntries(Object.entries(ui.metafile.outputs).map(([path, meta]) => [basename(path), meta]));
const staticImports = (file, seen = new Set()) => {
  for (const { path, kind } of outputs[file]?.imports ?? []) {
    const dep = basename(path);
    if (kind === 'import-statement' && !seen.has(dep)) staticImports(dep, seen.add(dep));
  }
  return seen;
};
const entries = lazyFiles.map((f) => `${chunkName(f)}.js`);
for (const entry of entries) if (!outputs[entry]) throw new Error(`build-browser: ${entry} was not emitted`);
const graph = Object.fromEntries(entries.map((entry) => [entry, [...staticImports(entry)].sort()]));
writeFileSync(resolve(outdir, 'chunks.json'), `${JSON.stringify(graph, null, 2)}\n`);

const redirectLazyImports = {
  name: 'lazy-ui-chunks',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => {
      const source = resolve(args.resolveDir, args.path.replace(/\.js$/, '.tsx'));
      const name = chunkName(relative(root, source));
      return { path: `${MARKER}${name}.js`, external: true };
    });
  },
};

// The chunks live next to this script, wherever it is served from. `__microclerkImport(file)` imports a
// lazy module and, in the same tick, the chunks it needs (their promises are the module's own: a failed
// fetch still surfaces through the module's import, so the rejections here are silenced).
// Shared chunks are listed once and referred to by index, to keep the table small.
const shared = [...new Set(Object.values(graph).flat())].sort();
const depsTable = Object.fromEntries(Object.entries(graph).map(([entry, deps]) => [entry, deps.map((d) => shared.indexOf(d))]));
const banner = [
  'var __microclerkBase=document.currentScript?new URL("browser-ui/",document.currentScript.src).href:"/browser-ui/";',
  `var __microclerkChunks=${JSON.stringify(shared)},__microclerkDeps=${JSON.stringify(depsTable)};`,
  'function __microclerkImport(f){for(var i of __microclerkDeps[f])import(__microclerkBase+__microclerkChunks[i]).catch(function(){});return import(__microclerkBase+f)}',
].join('');

const outfile = resolve(root, 'dist/microclerk.browser.js');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  ...common,
  stdin: {
    contents: `import * as kernel from './kernel/index.ts';\nimport * as lazyKit from './kernel/lazy-kit.ts';\nimport './presets/browser.ts';\nglobalThis.__microclerkKernel = kernel;\nglobalThis.__microclerkLazyKit = lazyKit;\n`,
    resolveDir: root,
    sourcefile: 'browser-entry.ts',
    loader: 'ts',
  },
  outfile,
  format: 'iife',
  plugins: [
    redirectLazyImports,
    // The preset is imported for what it does (creates window.Clerk), which package.json's `sideEffects: false` would drop.
    {
      name: 'preset-side-effects',
      setup(b) {
        b.onResolve({ filter: /^\.\/presets\/browser\.ts$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), sideEffects: true }));
      },
    },
  ],
  banner: { js: banner },
});
const code = readFileSync(outfile, 'utf8').replace(/import\("__MICROCLERK_UI__\/([\w-]+\.js)"\)/g, (_, file) => {
  if (!graph[file]) throw new Error(`build-browser: the bundle imports ${file}, which is not a built UI module`);
  return `__microclerkImport("${file}")`;
});
if (code.includes(MARKER)) throw new Error('build-browser: a lazy import was not rewritten');
writeFileSync(outfile, code);
console.log(`build-browser: ${relative(root, outfile)} (${(code.length / 1024).toFixed(1)} KB min) and dist/browser-ui/ (${entries.length} lazy modules)`);
