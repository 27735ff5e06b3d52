/**
 * Lazily loaded code must not import the kernel's big modules: a module reached both from the app's entry
 * and from a lazy chunk goes to a shared chunk, and one initial file split in two costs about 1 KB of
 * brotli (each file compresses alone). So lazy modules import kernel values only from the few small
 * modules below; kernel classes reach them through live objects or their loaders.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const SHARED_WITH_LAZY_CODE = new Set([
  'kernel/errors.ts',
  'kernel/safe-url.ts',
  'kernel/case.ts',
  'kernel/resources/base.ts',
  'kernel/resources/verification.ts',
  'kernel/resources/methods.ts',
]);

describe('the full preset’s chunk graph', () => {
  it('lazy modules reach the initial graph only through the small shared kernel modules', async () => {
    const result = await esbuild.build({
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
});
