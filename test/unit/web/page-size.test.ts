/**
 * Issue 10 §5: pages are split into components, no page closure over ~120 lines. Every
 * function of the web UI (pages, pack pages, modeler features) stays within 120 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');
const LIMIT = 120;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const from = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const to = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      if (to - from + 1 > LIMIT) found.push(`${relative(ROOT, file)}:${from} (${to - from + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the web UI', () => {
  it(`has no function over ${LIMIT} lines`, () => {
    const files = [...sourceFiles(join(ROOT, 'web', 'src')), ...sourceFiles(join(ROOT, 'web', 'modeler'))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(longFunctions)).toEqual([]);
  });
});
