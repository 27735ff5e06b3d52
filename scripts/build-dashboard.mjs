// The emulator dashboard's browser script (emulator/dashboard/, Preact), written next to the emulator's
// build as dist/emulator/dashboard.js, which the emulator serves at `/__emulator/dashboard.js`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildDashboard(outfile = resolve(root, 'dist/emulator/dashboard.js')) {
  await build({
    entryPoints: [resolve(root, 'emulator/dashboard/app.tsx')],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDashboard();
