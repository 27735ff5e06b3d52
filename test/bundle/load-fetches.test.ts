// @vitest-environment happy-dom
/**
 * "Before any mount" in the size figures is the full preset's entry chunk and its static imports. That is
 * only true if `load()` itself fetches no lazy chunk: this runs the split build (as an app's bundler makes
 * it), with every chunk recording its own evaluation, through `load()` against the emulator — signed out
 * and signed in, with no mount — and checks that nothing beyond the initial files ran. Code that a Clerk
 * SDK needs (`sdkMetadata`) is fetched for it alone, and is named here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROXY_URL, useEmulator } from '../helpers/emulator.js';

const PASSWORD = 'correct-horse-battery';
const emulator = useEmulator({ seed: { users: [{ emailAddress: 'ada@example.com', password: PASSWORD }] } });
// Inside the repository (git-ignored): vitest imports the built files like any module of the project.
const outdir = join(process.cwd(), 'test-artifacts', `load-fetches-${process.pid}`);
const evaluated = () => (globalThis as { __evaluatedChunks?: string[] }).__evaluatedChunks!;

let initial: Set<string>;
let sourcesOf: Map<string, string>;
let entryUrl: string;
beforeAll(async () => {
  const result = await esbuild.build({
    stdin: { contents: "export { Clerk } from './presets/full.ts';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  mkdirSync(outdir, { recursive: true });
  const name = (path: string) => path.split('/').pop()!;
  for (const file of result.outputFiles) {
    // Each chunk says when it is evaluated, before anything else in it runs.
    writeFileSync(file.path, `(globalThis.__evaluatedChunks ??= []).push(${JSON.stringify(name(file.path))});\n${file.text}`);
  }
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([path, meta]) => [name(path), meta]));
  sourcesOf = new Map(Object.entries(outputs).map(([file, meta]) => [file, meta.entryPoint ?? '(shared)']));
  initial = new Set<string>();
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === '<stdin>')!;
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (initial.has(file)) continue;
    initial.add(file);
    for (const edge of outputs[file]?.imports ?? []) if (edge.kind === 'import-statement') queue.push(name(edge.path));
  }
  entryUrl = join(outdir, entry);
  expect(initial.size).toBeGreaterThan(0);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));
beforeEach(() => {
  emulator.reset();
  (globalThis as { __evaluatedChunks?: string[] }).__evaluatedChunks = [];
});

/** The lazy chunks evaluated so far, by the module each was split for. */
const lazyEvaluated = () =>
  evaluated()
    .filter((file) => !initial.has(file))
    .map((file) => sourcesOf.get(file));

describe('load() of the full preset fetches no lazy chunk', () => {
  it('signed out and signed in, with no mount', async () => {
    const { Clerk } = await import(/* @vite-ignore */ entryUrl);
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
    await clerk.load();
    expect(evaluated()).toContain(entryUrl.split('/').pop());
    expect(lazyEvaluated()).toEqual([]);
    // Signing in goes through lazily loaded resource methods: those are the first call's, not load()'s.
    const signIn = await clerk.client.signIn.create({ identifier: 'ada@example.com', password: PASSWORD });
    await clerk.setActive({ session: signIn.createdSessionId });
    const afterSignIn = lazyEvaluated();
    expect(afterSignIn.length).toBeGreaterThan(0);
    (globalThis as { __evaluatedChunks?: string[] }).__evaluatedChunks = [];
    const reloaded = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
    await reloaded.load();
    expect(reloaded.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(lazyEvaluated()).toEqual([]);
    clerk.destroy();
    reloaded.destroy();
  });

  it('only a Clerk SDK (load with sdkMetadata) also gets the future flows its hooks read', async () => {
    const { Clerk } = await import(/* @vite-ignore */ entryUrl);
    const clerk = new Clerk(emulator.publishableKey, { proxyUrl: PROXY_URL });
    await clerk.load({ sdkMetadata: { name: '@clerk/react', version: '6.18.0' } });
    expect(lazyEvaluated()).toEqual(['plugins/compat/futures.ts']);
    clerk.destroy();
  });
});
