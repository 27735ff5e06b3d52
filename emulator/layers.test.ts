/**
 * Keeps the emulator's layering honest: no import cycle anywhere, and each layer imports only the
 * layers below it (domain ← wire ← http ← handlers ← the root files that assemble them).
 * Type-only imports count too: they are dependencies a reader has to follow all the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Layer = 'domain' | 'wire' | 'http' | 'handlers' | 'root';

/** What each layer may import besides itself. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  domain: [],
  wire: ['domain'],
  http: ['wire', 'domain'],
  handlers: ['http', 'wire', 'domain'],
  root: ['handlers', 'http', 'wire', 'domain'],
};

/** The only files outside a layer folder: the public entry, the composition root, and this test. */
const ROOT_FILES = ['emulator.ts', 'index.ts', 'layers.test.ts', 'start-emulator.ts'];

const EMULATOR_DIR = dirname(fileURLToPath(import.meta.url));

/** Import graph: file (relative to `emulator/`, `/`-separated) → the emulator files it imports. */
type ImportGraph = Map<string, string[]>;

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function toKey(absolutePath: string): string {
  return relative(EMULATOR_DIR, absolutePath).split(sep).join('/');
}

/** The file a relative specifier names (`./x.js` is `./x.ts` on disk), or null for packages. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts'), target];
  const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
  if (!found) throw new Error(`${toKey(fromFile)} imports ${specifier}, which resolves to no .ts file`);
  return found;
}

function buildImportGraph(): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of listTsFiles(EMULATOR_DIR)) {
    // preProcessFile reads import/export-from/dynamic-import specifiers and skips comments and strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => resolveSpecifier(file, imported.fileName))
      .filter((target): target is string => target !== null && !relative(EMULATOR_DIR, target).startsWith('..'))
      .map(toKey);
    graph.set(toKey(file), [...new Set(targets)]);
  }
  return graph;
}

/** One concrete cycle per strongly connected component (Tarjan), each as `a → b → … → a`. */
function findCycles(graph: ImportGraph): string[][] {
  let nextIndex = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, nextIndex);
    lowLink.set(node, nextIndex);
    nextIndex += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) components.push(component);
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleWithin(graph, new Set(component)));
}

/** A path from the component's first file back to itself, staying inside the component. */
function cycleWithin(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const path: string[] = [start];
  const seen = new Set<string>([start]);
  const walk = (node: string): boolean => {
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        path.push(start);
        return true;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return path;
}

function layerOf(file: string): Layer {
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
  return folder === 'domain' || folder === 'wire' || folder === 'http' || folder === 'handlers' ? folder : 'root';
}

/** Imports that point up (or sideways to a layer not allowed), as `from → to (fromLayer → toLayer)`. */
function layerViolations(graph: ImportGraph): string[] {
  const violations: string[] = [];
  for (const [from, targets] of graph) {
    const fromLayer = layerOf(from);
    for (const to of targets) {
      const toLayer = layerOf(to);
      if (toLayer !== fromLayer && !MAY_IMPORT[fromLayer].includes(toLayer)) {
        violations.push(`${from} → ${to} (${fromLayer} may not import ${toLayer})`);
      }
    }
  }
  return violations.sort();
}

describe('emulator layers', () => {
  const graph = buildImportGraph();

  it('reads the real import graph', () => {
    expect(graph.get('emulator.ts')).toContain('http/pipeline.ts');
    expect(graph.get('handlers/sign-in.ts')).toContain('domain/core.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('imports only downwards: domain ← wire ← http ← handlers ← root', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('puts every file in a layer folder, except the root files', () => {
    const rootFiles = [...graph.keys()].filter((file) => layerOf(file) === 'root').sort();
    expect(rootFiles).toEqual(ROOT_FILES);
  });

  it('would catch a cycle and a domain file importing the wire or http layer', () => {
    const broken: ImportGraph = new Map([
      ['domain/a.ts', ['domain/b.ts']],
      ['domain/b.ts', ['wire/c.ts']],
      ['wire/c.ts', ['domain/a.ts', 'http/d.ts']],
      ['http/d.ts', ['http/d.ts']],
    ]);
    expect(findCycles(broken).map((cycle) => cycle.join(' → '))).toEqual(['http/d.ts → http/d.ts', 'domain/a.ts → domain/b.ts → wire/c.ts → domain/a.ts']);
    expect(layerViolations(broken)).toEqual(['domain/b.ts → wire/c.ts (domain may not import wire)', 'wire/c.ts → http/d.ts (wire may not import http)']);
  });
});
