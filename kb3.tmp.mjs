import * as esbuild from 'esbuild';
import { brotliCompressSync } from 'node:zlib';
import { basename } from 'node:path';
const r = await esbuild.build({ stdin: { contents: `import { Clerk } from './presets/full.ts'; globalThis.x = Clerk;`, resolveDir: '/work/main', loader: 'ts' }, bundle: true, minify: true, write: false, metafile: true, format: 'esm', platform: 'browser', splitting: true, outdir: '/tmp/kbout3', jsx: 'automatic', jsxImportSource: 'preact' });
const outs = r.metafile.outputs;
const entry = Object.keys(outs).find((k) => outs[k].entryPoint === '<stdin>');
const initial = new Set([entry]); const q = [entry];
while (q.length) { for (const i of outs[q.pop()].imports) if (i.kind === 'import-statement' && !initial.has(i.path)) { initial.add(i.path); q.push(i.path); } }
const rows = {}; let total = 0;
for (const key of initial) {
  const file = r.outputFiles.find((f) => basename(f.path) === basename(key));
  total += brotliCompressSync(file.contents).length;
  for (const [k, v] of Object.entries(outs[key].inputs)) rows[k] = (rows[k] ?? 0) + v.bytesInOutput;
}
console.log('initial files', initial.size, 'brotli', (total / 1024).toFixed(2));
let min = 0; for (const v of Object.values(rows)) min += v; console.log('min', min);
for (const [k, v] of Object.entries(rows).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(String(v).padStart(7), k);
