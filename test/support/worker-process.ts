/**
 * The engine worker as a real process (`node dist/worker/main.js`, built by `npm run build`),
 * on a given Temporal address and data directory: a worker that a test can kill outright.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER_MAIN = join(__dirname, '..', '..', '..', 'dist', 'worker', 'main.js');
const WORKER_MAIN_FROM_SOURCE = join(__dirname, '..', '..', 'dist', 'worker', 'main.js');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  kill(): Promise<void>;
}

export function startWorkerProcess(temporalAddress: string, dataDir: string): WorkerProcess {
  const main = [WORKER_MAIN_FROM_SOURCE, WORKER_MAIN].find((p) => existsSync(p));
  if (!main) throw new Error('dist/worker/main.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: temporalAddress,
      DATA_DIR: dataDir,
      DEV_AUTH: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return {
    child,
    output: () => output,
    /** SIGKILL: no draining, in-flight activities are lost and must be retried elsewhere. */
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
