import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per plugin folder, so `microclerk/plugins/<name>` imports only that plugin. */
const pluginEntries = Object.fromEntries(
  readdirSync('plugins', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`plugins/${d.name}/index.ts`))
    .map((d) => [`plugins/${d.name}/index`, `plugins/${d.name}/index.ts`]),
);

const browserEntries = {
  index: 'kernel/index.ts',
  'presets/headless': 'presets/headless.ts',
  'presets/full': 'presets/full.ts',
  ...pluginEntries,
};

// Declarations are not bundled here: scripts/build-types.mjs emits them with tsc in the source layout.
export default defineConfig([
  {
    entry: browserEntries,
    format: ['esm', 'cjs'],
    // ESM shares the kernel as one chunk between entries; CJS has no splitting and inlines it.
    splitting: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
    treeshake: true,
    // Inlined, tree-shaken: Node (SSR, tests) would otherwise load zod's ~100 modules (~100 ms) on every
    // import for the few checks microclerk uses. Both stay dependencies: the published types name them.
    noExternal: ['zod', 'mitt'],
  },
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
