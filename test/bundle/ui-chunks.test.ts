/**
 * What each first mount fetches, read from the full preset's split build: the sign-in/up parts
 * (plugins/ui/auth-kit.tsx: social buttons and provider marks, web3 buttons, identity preview, enterprise
 * chooser, task step) are a chunk that SignIn and SignUp share, so the host and UserButton/UserProfile,
 * which never show them, do not carry their bytes.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const AUTH_KIT = 'plugins/ui/auth-kit.tsx';

let outputs: esbuild.Metafile['outputs'];
beforeAll(async () => {
  const result = await esbuild.build({
    entryPoints: ['presets/full.ts'],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(tmpdir(), 'microclerk-ui-chunks'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  outputs = result.metafile.outputs;
});

/** The output split for `entry` and every chunk it imports statically (what its mount fetches with it). */
function fetchedWith(entry: string): string[] {
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === entry);
  expect(start, `a chunk for ${entry}`).toBeDefined();
  const seen = new Set<string>();
  for (const queue = [start!]; queue.length;) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...outputs[path]!.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path));
  }
  return [...seen];
}

const carries = (chunks: string[], input: string) => chunks.some((path) => (outputs[path]!.inputs[input]?.bytesInOutput ?? 0) > 0);

describe('the UI chunk graph', () => {
  it.each(['plugins/ui/host.tsx', 'plugins/user-button/view.tsx', 'plugins/user-profile/view.tsx'])(
    '%s and its chunks leave out the sign-in/up parts',
    (entry) => {
      expect(carries(fetchedWith(entry), AUTH_KIT)).toBe(false);
    },
  );

  it.each(['plugins/sign-in/view.tsx', 'plugins/sign-up/view.tsx'])('%s fetches them, in one chunk it shares with the other flow', (entry) => {
    const chunks = fetchedWith(entry).filter((path) => (outputs[path]!.inputs[AUTH_KIT]?.bytesInOutput ?? 0) > 0);
    expect(chunks).toHaveLength(1);
    // A chunk of its own (not the view's), so the other flow's mount reuses it.
    expect(outputs[chunks[0]!]!.entryPoint).toBeUndefined();
  });
});

describe('the phone field’s country picker', () => {
  const PHONE_FIELD = 'plugins/ui/phone.tsx';

  it('is a chunk of its own, which no mount fetches with its view', () => {
    const own = Object.keys(outputs).filter((path) => (outputs[path]!.inputs[PHONE_FIELD]?.bytesInOutput ?? 0) > 0);
    expect(own).toHaveLength(1);
    expect(outputs[own[0]!]!.entryPoint).toBe(PHONE_FIELD);
    for (const entry of ['plugins/ui/host.tsx', 'plugins/sign-in/view.tsx', 'plugins/sign-up/view.tsx', 'plugins/user-profile/view.tsx']) {
      expect(fetchedWith(entry)).not.toContain(own[0]);
    }
  });

  it('imports nothing the host chunk carries (which would split the host into a shared chunk)', () => {
    const phone = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === PHONE_FIELD)!;
    const host = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'plugins/ui/host.tsx')!;
    const staticImports = outputs[phone]!.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
    expect(staticImports).not.toContain(host);
    // Only Preact's chunk, which the host and every view share anyway.
    for (const path of staticImports) expect(Object.keys(outputs[path]!.inputs).every((input) => input.includes('node_modules/preact'))).toBe(true);
  });
});
