// Checks the published types the way a consumer sees them (run after `npm run build`):
// packs the package, installs the tarball into a scratch project, compiles test/consumer/ against it
// (strict, skipLibCheck: false; moduleResolution bundler, then nodenext with a CommonJS .cts file),
// and runs @arethetypeswrong/cli and publint on the tarball. The repo's own type check compiles the
// sources, so only this sees what dist/ really declares. Exits non-zero naming each failed step.
// Flags: --keep (keep the scratch folder).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const failures = [];
const tool = (path) => join(root, 'node_modules', path);

/**
 * Runs a command; resolves to its status and combined output. The output is printed (in one block,
 * so concurrent runs do not interleave) when it fails or with `show`, less the lines `hide` matches;
 * an `optional` failure is a note, not a FAIL.
 */
function run(label, cmd, args, { cwd = root, show = false, optional = false, hide = () => false } = {}) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => ((output += chunk), (stdout += chunk)));
    child.stderr.on('data', (chunk) => (output += chunk));
    const finish = (ok, error) => {
      output = output.trim();
      const shown = output
        .split('\n')
        .filter((line) => !hide(line))
        .join('\n')
        .trim();
      let block = `${ok ? 'ok  ' : optional ? 'note' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
      if ((!ok || show) && shown) block += `\n${shown.replace(/^/gm, '     ')}`;
      if (error) block += `\n     ${error.message}`;
      console.log(block);
      done({ ok, output, stdout });
    };
    child.on('error', (error) => finish(false, error));
    child.on('close', (code) => finish(code === 0));
  });
}

function fail(message) {
  failures.push(message);
  console.log(`FAIL ${message}`);
}

for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/index.d.cts']) {
  if (!existsSync(join(root, file))) {
    console.error(`check-consumer-types: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'microclerk-consumer-'));
try {
  // 1. The tarball, exactly as `npm publish` would upload it.
  const packDir = join(scratch, 'pack');
  mkdirSync(packDir);
  const pack = await run('npm pack', 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir]);
  if (!pack.ok) throw new Error('npm pack failed');
  const tarball = join(packDir, JSON.parse(pack.stdout)[0].filename);

  // 2. A scratch consumer project: ESM, the fixtures copied at the same relative paths (so tsc's
  //    messages name test/consumer/… as in this repo), the tarball installed from the npm cache.
  const app = join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'microclerk-consumer', private: true, type: 'module' }, null, 2)}\n`);
  cpSync(join(root, 'test/consumer'), join(app, 'test/consumer'), { recursive: true });
  const install = async (mode, optional) =>
    run(`npm install ${mode} <tarball>`, 'npm', ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, optional });
  // The runtime dependencies are in the npm cache after the repo's own install; a cache without
  // their registry metadata (e.g. after `npm ci`, which fetches tarballs only) needs the registry once.
  if (!(await install('--offline', true)).ok && !(await install('--prefer-offline', false)).ok) throw new Error('npm install of the tarball failed');
  // typescript runs from this repo; the emulator's declarations need Node's types, as any Node consumer's do.
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
  symlinkSync(tool('@types/node'), join(app, 'node_modules/@types/node'), 'dir');
  const installed = join(app, 'node_modules/microclerk');

  // 3. The fixture must import every public entry point, so a new plugin cannot go unchecked.
  const plugins = readdirSync(join(installed, 'dist/plugins'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(installed, 'dist/plugins', d.name, 'index.d.ts')))
    .map((d) => d.name);
  const usage = readFileSync(join(root, 'test/consumer/usage.ts'), 'utf8');
  const entries = [
    'microclerk',
    'microclerk/presets/headless',
    'microclerk/presets/full',
    'microclerk/emulator',
    ...plugins.map((p) => `microclerk/plugins/${p}`),
  ];
  const missing = entries.filter((e) => !usage.includes(`from '${e}'`));
  if (missing.length) fail(`test/consumer/usage.ts does not import ${missing.join(', ')}`);
  else console.log(`ok   test/consumer/usage.ts imports all ${entries.length} entry points`);

  // 4. tsc as a consumer: strict, and the package's own .d.ts files checked too (skipLibCheck: false).
  const compilerOptions = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
  };
  const modes = [
    { name: 'bundler', module: 'ESNext', moduleResolution: 'Bundler', files: ['test/consumer/usage.ts', 'test/consumer/greeting-view.ts'], types: ['.d.ts'] },
    // nodenext: usage.ts is ESM (the project is "type": "module"), require.cts is CommonJS.
    {
      name: 'nodenext',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      files: ['test/consumer/usage.ts', 'test/consumer/greeting-view.ts', 'test/consumer/require.cts'],
      types: ['.d.ts', '.d.cts'],
    },
  ];
  const tsc = tool('typescript/bin/tsc');
  // The compiles, attw and publint are independent: run them side by side.
  const compiles = modes.map(async (mode) => {
    const config = `tsconfig.${mode.name}.json`;
    writeFileSync(
      join(app, config),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: mode.module, moduleResolution: mode.moduleResolution }, files: mode.files }, null, 2),
    );
    const result = await run(
      `tsc -p ${config} (moduleResolution ${mode.moduleResolution}, skipLibCheck false)`,
      process.execPath,
      [tsc, '-p', config, '--listFiles', '--pretty', 'false'],
      {
        cwd: app,
        hide: (line) => line.startsWith('/'),
      },
    );
    if (!result.ok) {
      failures.push(
        `tsc (${mode.name}): test/consumer/ does not compile against the packed package (see its errors above; "Unused '@ts-expect-error' directive" means a wrong call type-checks)`,
      );
    }
    // The ESM fixture must read the .d.ts files and the CommonJS one the .d.cts files, not each other's.
    const listed = result.output.split('\n').map((l) => l.trim());
    for (const ext of ['.d.ts', '.d.cts']) {
      const loaded = listed.some((f) => f.startsWith(installed) && f.endsWith(`/dist/presets/full${ext}`));
      if (loaded !== mode.types.includes(ext)) fail(`tsc (${mode.name}): dist/presets/full${ext} was ${loaded ? '' : 'not '}loaded`);
    }
  });

  // 5. Are the types wrong? Every entry point, in ESM, CJS and bundler resolution (node10 does not
  //    read "exports", so the node16 profile leaves it out). attw skips wildcard subpaths: each
  //    plugin is listed. --no-definitely-typed: nothing to look up in the registry.
  const attw = run(
    'attw <tarball> --profile node16',
    process.execPath,
    [
      tool('@arethetypeswrong/cli/dist/index.js'),
      tarball,
      '--profile',
      'node16',
      '--no-definitely-typed',
      '--format',
      'table-flipped',
      '--no-emoji',
      '--include-entrypoints',
      ...plugins.map((p) => `./plugins/${p}`),
    ],
    { show: true },
  ).then((r) => r.ok || failures.push('attw: the types of some entry point are wrong (see its table above)'));

  // 6. publint on the tarball: exports, files and fields; warnings count as errors.
  const publint = run('publint run <tarball> --strict', process.execPath, [tool('publint/src/cli.js'), 'run', tarball, '--strict'], { show: true }).then(
    (r) => r.ok || failures.push('publint: packaging problems (see above)'),
  );
  await Promise.all([...compiles, attw, publint]);
} catch (err) {
  failures.push(err.message);
} finally {
  if (keep || failures.length) console.log(`scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\ncheck-consumer-types: ${failures.length} problem(s):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log('\ncheck-consumer-types: the packed package types correctly for consumers (bundler, nodenext ESM and CJS), attw and publint are clean.');
