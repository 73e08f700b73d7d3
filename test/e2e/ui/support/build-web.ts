/**
 * Builds web/dist unless it is newer than every source file of the UI (npm test builds it
 * first; a single `jest --selectProjects e2e` run may not have).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = [join(REPO_ROOT, 'web', 'src'), join(REPO_ROOT, 'web', 'modeler'), join(REPO_ROOT, 'model'), join(REPO_ROOT, 'web', 'index.html'), join(REPO_ROOT, 'web', 'vite.config.mts')];
  if (built && sources.every((s) => newest(s) < built)) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}
