/**
 * The product's own processes as production runs them: `npm run worker` and `npm run api`
 * (the built dist/ entry points) with DATABASE_URL and TEMPORAL_ADDRESS, each one a real OS
 * process that a test can SIGKILL and start again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface AppProcess {
  name: string;
  role: 'worker' | 'api';
  /** The API's base URL (`http://127.0.0.1:<port>/api`); undefined for workers. */
  baseUrl?: string;
  alive(): boolean;
  /** The running process's id (a worker's Temporal identity is `<pid>@<host>`). */
  pid(): number | undefined;
  start(): Promise<void>;
  kill(): void;
  stop(): Promise<void>;
  output(): string;
}

export function appProcess(opts: {
  name: string;
  role: 'worker' | 'api';
  env: NodeJS.ProcessEnv;
  port?: number;
  /** Appends the process's output here too (every start), for reading after a run. */
  logFile?: string;
}): AppProcess {
  const entry = join(ROOT, 'dist', opts.role === 'api' ? 'api/main.js' : 'worker/main.js');
  const baseUrl = opts.port ? `http://127.0.0.1:${opts.port}/api` : undefined;
  let child: ChildProcess | undefined;
  let log = '';
  const alive = () => !!child && child.exitCode === null && child.signalCode === null;

  const start = async () => {
    child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, ...(opts.port ? { PORT: String(opts.port) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (c: Buffer) => {
      log = (log + c.toString()).slice(-20_000);
      if (opts.logFile) appendFileSync(opts.logFile, c);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    if (baseUrl) await waitForHttp(`${baseUrl}/health`, child);
  };
  return {
    name: opts.name,
    role: opts.role,
    baseUrl,
    alive,
    pid: () => (alive() ? child?.pid : undefined),
    start,
    kill: () => child?.kill('SIGKILL'),
    stop: async () => {
      if (!child || !alive()) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    output: () => log,
  };
}

/** Until the API answers at all (any status: health may be 503 while Temporal is down). */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
