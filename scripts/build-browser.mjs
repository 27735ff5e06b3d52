// Builds dist/microclerk.browser.js, the classic-script bundle of the full preset. The UI modules
// (ui host and component views) are built apart as ESM chunks in dist/browser-ui/ that share one Preact,
// and the bundle's lazy `import()`s of them are pointed at those files next to the script.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const lazyFiles = [
  'plugins/ui/host.tsx',
  'plugins/sign-in/view.tsx',
  'plugins/sign-up/view.tsx',
  'plugins/user-button/view.tsx',
  'plugins/user-profile/view.tsx',
  'plugins/organization-profile/view.tsx',
];

await build({
  ...common,
  entryPoints: Object.fromEntries(lazyFiles.map((f) => [chunkName(f), resolve(root, f)])),
  outdir: resolve(root, 'dist/browser-ui'),
  format: 'esm',
  splitting: true,
});

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

const outfile = resolve(root, 'dist/microclerk.browser.js');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  ...common,
  entryPoints: [resolve(root, 'presets/browser.ts')],
  outfile,
  format: 'iife',
  plugins: [redirectLazyImports],
  // The chunks live next to this script, wherever it is served from.
  banner: { js: 'var __microclerkBase=document.currentScript?new URL("browser-ui/",document.currentScript.src).href:"/browser-ui/";' },
});
const code = readFileSync(outfile, 'utf8').replaceAll(`"${MARKER}`, `__microclerkBase+"`);
if (code.includes(MARKER)) throw new Error('build-browser: a lazy import was not rewritten');
writeFileSync(outfile, code);
console.log(`build-browser: ${relative(root, outfile)} (${(code.length / 1024).toFixed(1)} KB min) and dist/browser-ui/`);
