/**
 * Lazily loaded code must not import the kernel's modules: a module reached both from the app's entry
 * and from a lazy chunk goes to a shared chunk, and every initial file split off costs brotli bytes (each
 * file compresses alone; the five small shared kernel chunks this replaced cost ~0.7 KB). So lazy modules
 * take kernel values from kernel/lazy-kit.ts, whose bindings the kernel fills as it starts, and reach
 * kernel classes through live objects or their loaders.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const SHARED_WITH_LAZY_CODE = new Set(['kernel/lazy-kit.ts']);

/** The full preset's split build, as an app's bundler makes it (one build for both tests). */
const splitBuild = esbuild.build({
  entryPoints: ['presets/full.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  outdir: join(tmpdir(), 'microclerk-lazy-imports'),
  write: false,
  metafile: true,
  logLevel: 'silent',
});

describe('the full preset’s chunk graph', () => {
  it('lazy modules reach the initial graph only through the kernel’s lazy kit', async () => {
    const result = await splitBuild;
    const inputs = result.metafile.inputs;
    const staticImports = (path: string) => (inputs[path]?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path);
    const initial = new Set<string>();
    for (const queue = ['presets/full.ts']; queue.length;) {
      const path = queue.shift()!;
      if (initial.has(path)) continue;
      initial.add(path);
      queue.push(...staticImports(path));
    }
    const lazyRoots = Object.values(inputs).flatMap((input) => input.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
    expect(lazyRoots.length).toBeGreaterThan(10);
    const crossings: string[] = [];
    for (const root of new Set(lazyRoots)) {
      const seen = new Set<string>();
      for (const queue = [root]; queue.length;) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        for (const target of staticImports(path)) {
          if (!initial.has(target)) queue.push(target);
          else if (!SHARED_WITH_LAZY_CODE.has(target)) crossings.push(`${path} → ${target}`);
        }
      }
    }
    expect([...new Set(crossings)]).toEqual([]);
  });

  it('the app’s initial files are its entry and the kit, nothing else shared with lazy code', async () => {
    const result = await splitBuild;
    const outputs = result.metafile.outputs;
    const name = (path: string) => path.split('/').pop()!;
    const byName = new Map(Object.entries(outputs).map(([path, meta]) => [name(path), meta]));
    const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'presets/full.ts')!;
    const initial = new Set<string>();
    for (const queue = [name(entry)]; queue.length;) {
      const file = queue.shift()!;
      if (initial.has(file)) continue;
      initial.add(file);
      queue.push(...(byName.get(file)?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => name(i.path)));
    }
    const sources = (file: string) =>
      Object.entries(byName.get(file)!.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path);
    const shared = [...initial].filter((file) => file !== name(entry)).map(sources);
    expect(shared).toEqual([['kernel/lazy-kit.ts']]);
  });
});
