/**
 * The built UI for the browser tests, in a folder of their own: other processes running
 * `npm run build` in the same tree empty and refill web/dist (Vite's emptyOutDir), which
 * must not pull files from under a running test. Rebuilt only when a UI or model source
 * file is newer than the last build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
// One build folder per checkout: two clones (or worktrees) must never serve each other's UI.
const TREE_KEY = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
const OUT_DIR = join(tmpdir(), `bpmn-temporal-web-ui-${process.getuid?.() ?? 'user'}-${TREE_KEY}`);

export function ensureWebBuild(): string {
  const index = join(OUT_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = [
    'web/src',
    'web/modeler',
    'web/index.html',
    'web/vite.config.mts',
    'model',
    'workflows/protocol.ts',
    'package-lock.json',
  ].map((p) => join(REPO_ROOT, p));
  if (built && sources.every((s) => newest(s) < built)) return OUT_DIR;
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
      '--logLevel',
      'warn',
      '--outDir',
      OUT_DIR,
      '--emptyOutDir',
    ],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      timeout: 300_000,
    },
  );
  return OUT_DIR;
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}
