import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/** One entry per plugin folder, so `microclerk/plugins/<name>` imports only that plugin. */
const pluginEntries = Object.fromEntries(
  readdirSync('plugins', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`plugins/${d.name}/index.ts`))
    .map((d) => [`plugins/${d.name}/index`, `plugins/${d.name}/index.ts`]),
);

/**
 * Every module the sources load with `import('./…')`, as an entry of its own: its dist file keeps the
 * source's name without a hash (`kernel/resources/auth-methods.js`), so an app's bundler that splits it
 * out again names the chunk as it would from the sources; a hashed dist name would carry two hashes into
 * every app's chunk names (~0.15 KB min+brotli of the full preset's initial bundle).
 */
function lazyEntries(): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) {
        for (const [, spec] of readFileSync(path, 'utf8').matchAll(/import\('(\.{1,2}\/[^']+)\.js'\)/g)) {
          const target = posix.join(dirname(path).split('\\').join('/'), spec);
          const source = ['.ts', '.tsx'].map((ext) => target + ext).find((f) => existsSync(f));
          if (source) found[target] = source;
        }
      }
    }
  };
  ['kernel', 'plugins', 'presets'].forEach(visit);
  return found;
}

const browserEntries = {
  index: 'kernel/index.ts',
  'presets/headless': 'presets/headless.ts',
  'presets/full': 'presets/full.ts',
  ...pluginEntries,
};

const browserBuild: Options = {
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  treeshake: true,
  // Inlined, tree-shaken: Node (SSR, tests) would otherwise load zod's ~100 modules (~100 ms) on every
  // import for the few checks microclerk uses. Both stay dependencies: the published types name them.
  noExternal: ['zod', 'mitt'],
};

// Declarations are not bundled here: scripts/build-types.mjs emits them with tsc in the source layout.
export default defineConfig([
  // ESM shares the kernel as one chunk between entries, and the lazy modules are files of their own.
  { ...browserBuild, entry: { ...lazyEntries(), ...browserEntries }, format: ['esm'], splitting: true },
  // CJS has no splitting: each entry inlines what it imports, lazy modules included.
  { ...browserBuild, entry: browserEntries, format: ['cjs'] },
  {
    entry: { 'emulator/index': 'emulator/index.ts' },
    format: ['esm', 'cjs'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // import.meta.url in the CJS build too: the emulator finds its dashboard script next to itself.
    shims: true,
  },
]);
