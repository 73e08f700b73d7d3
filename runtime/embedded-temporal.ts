/**
 * The embedded default's Temporal: the CLI dev server as a child process, persisting to a
 * SQLite file under DATA_DIR, Web UI on, search attributes registered at start.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureTemporalCli } from '../scripts/temporal-binaries';
import { msToTs } from '@temporalio/common/lib/time';
import { SEARCH_ATTRIBUTES } from '../workflows/protocol';
import { freePort } from './free-port';

export interface EmbeddedTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedTemporal(opts: {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** Namespace retention of closed executions, set explicitly (the dev server's own default is 24 h). */
  retentionDays: number;
  log: (msg: string) => void;
}): Promise<EmbeddedTemporal> {
  const cli = ensureTemporalCli();
  mkdirSync(opts.dataDir, { recursive: true });
  const port = await freePort(opts.port);
  const uiPort = await freePort(opts.uiPort === opts.port ? opts.uiPort + 1 : opts.uiPort);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
  ];
  args.push('--db-filename', join(opts.dataDir, 'temporal.sqlite'), '--log-level', 'warn');
  if (opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  for (const key of Object.values(SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${key.name}=${attributeType(key.type)}`);
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => opts.log(chunk.toString().trim()));
  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, child);
  await setRetention(address, opts.namespace, opts.retentionDays);
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, stop: () => stopChild(child) };
}

async function setRetention(address: string, namespace: string, days: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.updateNamespace({
      namespace,
      config: { workflowExecutionRetentionTtl: msToTs(days * 24 * 3600_000) },
    });
  } finally {
    await connection.close();
  }
}

function attributeType(type: string): string {
  const names: Record<string, string> = {
    KEYWORD: 'Keyword',
    INT: 'Int',
    KEYWORD_LIST: 'KeywordList',
    TEXT: 'Text',
    BOOL: 'Bool',
    DOUBLE: 'Double',
    DATETIME: 'Datetime',
  };
  return names[type] ?? type;
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs / 1000}s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
