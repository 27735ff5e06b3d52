/**
 * Node import time (SSR, tests, scripts): a fresh `node` process per sample imports one package entry and
 * reports the time of that import alone (performance.now() around `await import()`), then exits — ClerkJS
 * keeps timers running after import, so the child exits explicitly. microclerk's entries resolve
 * through its own package.json `exports` (dist/), @clerk/clerk-js from compare/. Samples alternate
 * between the entries so machine load falls on each alike; the median is reported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_RUNS = 7;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One fresh process: ms spent in `await import(specifier)` (resolved from `cwd`). */
function importOnce(specifier, cwd) {
  const code = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t));process.exit(0)`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(out);
}

export function measureNodeImport(root) {
  const entries = [
    { label: 'microclerk (kernel)', specifier: 'microclerk', cwd: root, needs: 'dist/index.js' },
    { label: 'microclerk/presets/headless', specifier: 'microclerk/presets/headless', cwd: root, needs: 'dist/presets/headless.js' },
    { label: 'microclerk/presets/full', specifier: 'microclerk/presets/full', cwd: root, needs: 'dist/presets/full.js' },
    { label: '@clerk/clerk-js', specifier: '@clerk/clerk-js', cwd: join(root, 'compare'), needs: 'compare/node_modules/@clerk/clerk-js/package.json' },
  ];
  const rows = entries.map((e) => ({ ...e, samples: [], missing: !existsSync(join(root, e.needs)) }));
  for (let run = 0; run < IMPORT_RUNS; run++) {
    for (const row of rows) {
      if (row.missing || row.error) continue;
      try {
        row.samples.push(importOnce(row.specifier, row.cwd));
      } catch (error) {
        row.error = String(error?.stderr || error?.message || error)
          .trim()
          .split('\n')[0];
      }
    }
  }
  return {
    node: process.version,
    runs: IMPORT_RUNS,
    rows: rows.map(({ label, specifier, samples, missing, error, needs }) => ({
      label,
      specifier,
      ...(missing
        ? { error: `${needs} missing` }
        : error
          ? { error }
          : { medianMs: Math.round(median(samples) * 10) / 10, samplesMs: samples.map((s) => Math.round(s * 10) / 10) }),
    })),
  };
}

// `node test/bench/node-import.mjs`: this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  console.log(JSON.stringify(measureNodeImport(resolve(dirname(fileURLToPath(import.meta.url)), '../..')), null, 2));
}
