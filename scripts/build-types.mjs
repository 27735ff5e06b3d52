// Emits the package's declarations into dist/ (tsup builds only the JS):
// 1. tsc -p tsconfig.build.json: one .d.ts per source file, in the source layout, so relative
//    `declare module '../ui/index.js'` augmentations keep pointing at the files they augment;
// 2. dist/index.d.ts: the `.` entry's JS is dist/index.js (tsup), its declarations are dist/kernel/;
// 3. a .d.cts sibling of every .d.ts, with relative `./x.js` specifiers turned into `./x.cjs`, so that
//    `require` consumers get CommonJS types (the package is "type": "module", so .d.ts means ESM).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const started = Date.now();
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('build-types: tsc -p tsconfig.build.json failed');
  process.exit(1);
}

writeFileSync(
  join(dist, 'index.d.ts'),
  "/** The kernel (`microclerk`): its declarations live in ./kernel/, beside the plugins' and presets'. */\nexport * from './kernel/index.js';\n",
);

/** Every .d.ts under dir. */
function* declarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarations(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

// A quoted module specifier after `from`, `import(`, `import` (side effect) or `declare module`.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bdeclare\s+module\s+)(['"])([^'"\n]+)\2/g;
let count = 0;
const problems = [];
for (const file of declarations(dist)) {
  const source = readFileSync(file, 'utf8');
  const cts = source.replace(SPECIFIER, (match, before, quote, spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return match;
    // A relative specifier without .js would resolve differently (or not at all) under node16.
    if (!spec.endsWith('.js')) {
      problems.push(`${relative(root, file)}: relative specifier "${spec}" does not end in .js`);
      return match;
    }
    return `${before}${quote}${spec.slice(0, -3)}.cjs${quote}`;
  });
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cts);
  count++;
}
if (problems.length) {
  console.error(`build-types: cannot write CommonJS declarations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build-types: ${count} .d.ts files and their .d.cts siblings in dist/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
