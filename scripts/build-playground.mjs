// The part of the build `npm start` and `npm run emulator` need, in about a second: the emulator's ESM
// bundle (dist/emulator/index.js) and its dashboard script. No .d.ts, no CJS, no browser bundle: those
// are `npm run build`'s (the package and the e2e tests). The playground bundles its pages itself.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildDashboard } from './build-dashboard.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(resolve(root, 'dist/emulator'), { recursive: true });
await Promise.all([
  build({
    entryPoints: [resolve(root, 'emulator/index.ts')],
    outfile: resolve(root, 'dist/emulator/index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  }),
  buildDashboard(resolve(root, 'dist/emulator/dashboard.js')),
]);
