/**
 * The production Temporal server (`temporal-server` built from go.temporal.io/server, see
 * scripts/provision-temporal.sh) on PostgreSQL: schema applied with its `temporal-sql-tool`,
 * all four services in one process, the `default` namespace and the engine's search
 * attributes registered. It can be SIGKILLed and started again on the same database.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { freePort } from '../../../runtime/free-port';
import { SEARCH_ATTRIBUTES } from '../../../workflows/protocol';

/** One OS process of the server that a test can SIGKILL and start again. */
export interface ServerPart {
  name: string;
  kill(): void;
  start(): Promise<void>;
}

export interface TemporalServerProcess {
  address: string;
  /** The production server's separate processes (frontend, core); absent for the dev server. */
  parts?: ServerPart[];
  /** The server binary's name in reports: `temporal-server v1.29.1` or the dev server fallback. */
  kind: string;
  kill(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Pg {
  host: string;
  port: number;
  user: string;
}

function sqlTool(tool: string, pg: Pg, db: string, args: string[]): void {
  execFileSync(
    tool,
    ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--db', db, ...args],
    { stdio: 'pipe' },
  );
}

function config(pg: Pg, ports: number[]): string {
  const [frontend, frontendHttp, history, matching, worker, m1, m2, m3, m4] = ports;
  const store = (db: string, conns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${db}
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: tcp
        user: ${pg.user}
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: 1h`;
  const service = (grpc: number, membership: number, extra = '') => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `log:
  stdout: true
  level: error
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${service(frontend, m1, `\n      httpPort: ${frontendHttp}`)}
  history:${service(history, m2)}
  matching:${service(matching, m3)}
  worker:${service(worker, m4)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${frontend}
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: config/dynamicconfig.yaml
  pollInterval: 10s
`;
}

/** Search attributes are read from a cache; refresh on read so the first instances can use them. */
const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
`;

export async function startTemporalServer(opts: {
  server: string;
  sqlTool: string;
  pg: Pg;
  dir: string;
  log: (line: string) => void;
}): Promise<TemporalServerProcess> {
  const { pg } = opts;
  for (const [db, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ]) {
    sqlTool(opts.sqlTool, pg, db, ['create-database']);
    sqlTool(opts.sqlTool, pg, db, ['setup-schema', '-v', '0.0']);
    sqlTool(opts.sqlTool, pg, db, ['update-schema', '--schema-name', schema]);
  }
  const ports: number[] = [];
  while (ports.length < 9) ports.push(await smallPort(ports));
  mkdirSync(join(opts.dir, 'config'), { recursive: true });
  writeFileSync(join(opts.dir, 'config', 'development.yaml'), config(pg, ports));
  writeFileSync(join(opts.dir, 'config', 'dynamicconfig.yaml'), DYNAMIC_CONFIG);
  const address = `127.0.0.1:${ports[0]}`;

  // Two OS processes, as a production deployment splits them: the frontend (the gRPC endpoint
  // every client talks to) and the core services behind it (history, matching, internal worker).
  let tail = '';
  const keep = (c: Buffer) => {
    tail = (tail + c.toString()).slice(-4000);
    opts.log(c.toString().trim());
  };
  const part = (
    name: string,
    services: string[],
    ready: () => Promise<void>,
  ): ServerPart & { child(): ChildProcess | undefined } => {
    let child: ChildProcess | undefined;
    const args = ['--root', opts.dir, '--env', 'development', '--allow-no-auth', 'start'];
    for (const service of services) args.push('--service', service);
    return {
      name,
      child: () => child,
      kill: () => child?.kill('SIGKILL'),
      start: async () => {
        child = spawn(opts.server, args, {
          cwd: opts.dir, // the dynamic config path is relative to it
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
        await ready();
      },
    };
  };
  const children = () => [core.child(), frontend.child()];
  const core = part('temporal-core', ['history', 'matching', 'worker'], () =>
    waitForHistory(address, children, () => tail),
  );
  const frontend = part('temporal-frontend', ['frontend'], () =>
    waitForFrontend(address, children, () => tail),
  );
  const stopChild = async (child: ChildProcess | undefined) => {
    if (!child || child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const startAll = async () => {
    // The core first: the frontend answers only once history and matching have joined.
    const coreUp = core.start();
    await frontend.start();
    await coreUp;
  };
  await startAll();
  await registerNamespace(address);
  return {
    address,
    kind: 'temporal-server (go.temporal.io/server, PostgreSQL; frontend and core in two processes)',
    parts: [frontend, core],
    kill: () => {
      frontend.kill();
      core.kill();
    },
    start: startAll,
    stop: async () => {
      await stopChild(frontend.child());
      await stopChild(core.child());
    },
  };
}

/** A free port below 32768: the server stores membership ports as PostgreSQL smallint. */
async function smallPort(taken: number[]): Promise<number> {
  for (;;) {
    const wanted = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.includes(wanted) && (await freePort(wanted)) === wanted) return wanted;
  }
}

async function waitForFrontend(
  address: string,
  children: () => (ChildProcess | undefined)[],
  output: () => string = () => '',
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = children().find((c) => c && c.exitCode !== null);
    if (exited) throw new Error(`temporal-server exited with ${exited.exitCode}:\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`temporal-server did not answer on ${address} within ${timeoutMs / 1000}s`);
}

/**
 * Until the history service answers behind the frontend: describing a workflow that does not
 * exist is NOT_FOUND from history (UNAVAILABLE while no history host owns the shard).
 */
async function waitForHistory(
  address: string,
  children: () => (ChildProcess | undefined)[],
  output: () => string,
  timeoutMs = 120_000,
): Promise<void> {
  await waitForFrontend(address, children, output, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  const connection = await Connection.connect({ address });
  try {
    // Sixteen workflow ids, so that (with overwhelming likelihood) every one of the 4 shards answers.
    const pending = new Set(Array.from({ length: 16 }, (_, i) => `history-probe-${i}`));
    while (Date.now() < deadline) {
      for (const workflowId of [...pending]) {
        try {
          await connection.workflowService.describeWorkflowExecution({
            namespace: 'default',
            execution: { workflowId },
          });
          pending.delete(workflowId);
        } catch (error) {
          // NOT_FOUND: history answered (or, before the namespace exists, there is nothing to wait for).
          if ((error as { code?: number }).code === 5) pending.delete(workflowId);
        }
      }
      if (!pending.size) return;
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await connection.close();
  }
  throw new Error(`temporal history did not answer behind ${address} within ${timeoutMs / 1000}s`);
}

async function registerNamespace(address: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.workflowService.registerNamespace({
          namespace: 'default',
          workflowExecutionRetentionPeriod: msToTs('1 day'),
        });
        break;
      } catch (error) {
        if (/already exists/i.test(String(error))) break;
        if (attempt > 30) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const searchAttributes = Object.fromEntries(
      Object.values(SEARCH_ATTRIBUTES).map((key) => [
        key.name,
        encodeSearchAttributeIndexedValueType(key.type)!,
      ]),
    );
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes });
        break;
      } catch (error) {
        if (/already exists/i.test(String(error))) break;
        if (attempt > 30) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    await connection.close();
  }
}

/** The fallback when the production server is not provisioned: the CLI dev server, persisting to a file so it survives SIGKILL. */
export async function startDevServerProcess(opts: {
  cli: string;
  dir: string;
  log: (line: string) => void;
}): Promise<TemporalServerProcess> {
  const port = await freePort(0);
  const address = `127.0.0.1:${port}`;
  mkdirSync(opts.dir, { recursive: true });
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--db-filename', join(opts.dir, 'temporal.sqlite'), '--log-level', 'error');
  for (const key of Object.values(SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${key.name}=${DEV_SERVER_TYPES[key.type] ?? key.type}`);
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(opts.cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (c: Buffer) => opts.log(c.toString().trim()));
    await waitForFrontend(address, () => [child]);
  };
  await start();
  return {
    address,
    kind: 'Temporal CLI dev server (SQLite file)',
    kill: () => child?.kill('SIGKILL'),
    start,
    stop: async () => {
      if (!child || child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const DEV_SERVER_TYPES: Record<string, string> = {
  KEYWORD: 'Keyword',
  INT: 'Int',
  KEYWORD_LIST: 'KeywordList',
  BOOL: 'Bool',
};
