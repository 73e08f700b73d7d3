/**
 * The engine's import graph has no cycle, and the generic lifecycle knows no behaviour: the
 * step hands the behaviour registry in through its context (engine/behaviours/index.ts is the
 * only file that names them all). Type-only imports are erased at compile time and do not count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const ENGINE = join(ROOT, 'engine');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative value imports and re-exports of a file, resolved to files. */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'(\.[^']+)'/gm)) {
    if (m[1]) continue;
    const base = resolve(dirname(file), m[2]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (target) found.push(target);
  }
  return found;
}

const files = sourceFiles(ENGINE);
const graph = new Map(files.map((f) => [f, valueImports(f)]));
const name = (f: string) => relative(ROOT, f);

/** Every cycle found by depth-first search, as a readable path. */
function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const f of files) visit(f, []);
  return found;
}

describe('engine import graph', () => {
  it('reads the imports it judges (the lifecycle imports the context, variables and compensation records)', () => {
    const lifecycle = graph.get(join(ENGINE, 'lifecycle.ts'))!.map(name);
    expect(lifecycle).toEqual(
      expect.arrayContaining(['engine/context.ts', 'engine/variables.ts', 'engine/compensation.ts']),
    );
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps engine/lifecycle.ts free of behaviours, directly and transitively', () => {
    const reached = new Set<string>();
    const walk = (f: string) => {
      for (const next of graph.get(f) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        walk(next);
      }
    };
    walk(join(ENGINE, 'lifecycle.ts'));
    expect([...reached].map(name).filter((f) => f.startsWith('engine/behaviours/'))).toEqual([]);
  });
});
