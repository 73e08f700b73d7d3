/**
 * The production topology under faults: a Temporal server (the real one built from
 * go.temporal.io/server on PostgreSQL, or the CLI dev server when it is not provisioned), two
 * engine workers and two API processes on one PostgreSQL database. While 100 contract
 * lifecycles run through the APIs, one process at a time (each worker, each API, and Temporal)
 * is SIGKILLed at random and started again. Afterwards every instance has ended, no task,
 * record or customer message exists twice, and no API answered 5xx outside Temporal's outages.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { freePort } from '../../runtime/free-port';
import { temporalCliPath, temporalServerPaths } from '../../scripts/temporal-binaries';
import { AppProcess, appProcess } from '../support/cluster/app-process';
import { BalancedClient } from '../support/cluster/balanced-client';
import { Chaos } from '../support/cluster/chaos';
import {
  contractRequest,
  Lifecycle,
  PEOPLE,
  Progress,
  runContractLifecycle,
} from '../support/cluster/contract-lifecycle';
import {
  startDevServerProcess,
  startTemporalServer,
  TemporalServerProcess,
} from '../support/cluster/temporal-server';
import { PostgresServer, startPostgres } from '../support/postgres-server';

const INSTANCES = Number(process.env.FAULT_INSTANCES ?? 100);
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 12);
const DIAGRAMS = join(__dirname, '..', '..', 'diagrams', 'contract-review');
const RUN = Date.now().toString(36);

jest.setTimeout(12 * 60_000);

describe('production topology: two workers, two APIs, Temporal, PostgreSQL, SIGKILLs at random', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bpmn-temporal-fault-'));
  let pg: PostgresServer;
  let appDb: PgClient;
  let temporal: TemporalServerProcess;
  const processes: AppProcess[] = [];
  let http: BalancedClient;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const pgPort = await freePort(0);
    pg = await startPostgres(pgPort);
    const admin = new PgClient({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE app');
    await admin.end();
    const server = temporalServerPaths();
    const log = () => undefined;
    temporal = server
      ? await startTemporalServer({
          ...server,
          pg: { host: '127.0.0.1', port: pgPort, user: 'postgres' },
          dir: join(dir, 'temporal'),
          log,
        })
      : await startDevServerProcess({ cli: temporalCliPath()!, dir: join(dir, 'temporal'), log });
    if (!server)
      console.warn(
        '[fault] temporal-server not provisioned (scripts/provision-temporal.sh server): using the CLI dev server',
      );

    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'dev-token.key'), randomBytes(32).toString('hex'));
    const appUrl = pg.url.replace(/\/postgres$/, '/app');
    appDb = new PgClient({ connectionString: appUrl });
    const env = {
      DATABASE_URL: appUrl,
      TEMPORAL_ADDRESS: temporal.address,
      DATA_DIR: dataDir,
      DEV_AUTH: 'true',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['worker-1', 'worker-2'])
      processes.push(appProcess({ name, role: 'worker', env, logFile: join(dir, `${name}.log`) }));
    for (const name of ['api-1', 'api-2'])
      processes.push(
        appProcess({ name, role: 'api', env, port: await freePort(0), logFile: join(dir, `${name}.log`) }),
      );
    // All four at once: they race on the migrations, which must take turns.
    await Promise.all(processes.map((p) => p.start()));
    await appDb.connect();
    http = new BalancedClient(processes.filter((p) => p.role === 'api'));
    for (const [user, groups] of PEOPLE)
      tokens[user] = (await http.call('POST', '/auth/token', { body: { user, groups } })).body.token;
    await deployPack();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await temporal?.stop();
    await appDb?.end().catch(() => undefined);
    pg?.stop();
  });

  async function deployPack(): Promise<void> {
    const files = readdirSync(DIAGRAMS).sort();
    for (const file of files.filter((f) => f.endsWith('.form'))) {
      const res = await http.call('POST', '/forms', {
        token: tokens['wang.fang'],
        body: JSON.parse(readFileSync(join(DIAGRAMS, file), 'utf8')),
      });
      expect([file, res.status]).toEqual([file, 201]);
    }
    for (const file of files.filter((f) => f.endsWith('.bpmn'))) {
      const res = await http.call('POST', '/process-definitions', {
        token: tokens['wang.fang'],
        body: { xml: readFileSync(join(DIAGRAMS, file), 'utf8') },
      });
      expect([file, res.status]).toEqual([file, 201]);
    }
    const part = {
      description: 'Headlamp',
      stockQty: 1e6,
      leadTimeDays: 5,
      dailyCapacity: 1e5,
      activeUntil: '2031-06-30',
    };
    expect((await http.call('PUT', '/parts/HL-FAULT', { token: tokens.erp, body: part })).status).toBe(200);
    const customer = { name: 'Fault Motors', oem: true, symbols: [{ symbol: 'S', meaning: 'safety' }] };
    expect(
      (await http.call('PUT', '/customers/fault-oem', { token: tokens.erp, body: customer })).status,
    ).toBe(200);
  }

  it(`${INSTANCES} contract lifecycles end exactly once while each process is killed at random`, async () => {
    const started = Date.now();
    const loadBefore = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    const apis = processes.filter((p) => p.role === 'api');
    // Healthy again: an API answers ready (database and Temporal up); a worker polls the engine
    // task queue again; Temporal (its parts wait for frontend and every history shard) answers
    // every API's readiness check.
    const healthy = (p: AppProcess) => () =>
      p.role === 'api' ? untilReady([p]) : untilPolling(temporal.address, p);
    const chaos = new Chaos(
      [
        ...processes.map((p) => ({
          name: p.name,
          kill: () => p.kill(),
          start: () => p.start(),
          healthy: healthy(p),
        })),
        ...(
          temporal.parts ?? [{ name: 'temporal', kill: () => temporal.kill(), start: () => temporal.start() }]
        ).map((part) => ({ ...part, healthy: () => untilReady(apis) })),
      ],
      {
        minGapMs: Number(process.env.FAULT_MIN_GAP_MS ?? 8_000),
        maxGapMs: Number(process.env.FAULT_MAX_GAP_MS ?? 20_000),
        downMs: 2_000,
      },
    );
    chaos.start();

    const due = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
    const contractNos = Array.from({ length: INSTANCES }, (_, i) => `FT-${RUN}-${i + 1}`);
    const failures: string[] = [];
    const lifecycles: Lifecycle[] = [];
    const progress: Progress[] = [];
    const queue = [...contractNos];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let no = queue.shift(); no; no = queue.shift()) {
          try {
            lifecycles.push(
              await runContractLifecycle(
                http,
                tokens,
                contractRequest(no, 'fault-oem', 'HL-FAULT', due),
                6 * 60_000,
                (p) => progress.push(p),
              ),
            );
          } catch (error) {
            failures.push(`${no}: ${(error as Error).message}`);
          }
        }
      }),
    );
    await chaos.stop();
    const seconds = Math.round((Date.now() - started) / 1000);

    const q = async (sql: string) => (await appDb.query(sql)).rows;
    const like = `'FT-${RUN}-%'`;
    const duplicates = {
      tasks: await q(
        `SELECT "instanceId", "elementId", count(*) FROM user_task WHERE "instanceId" LIKE 'contract-review/FT-${RUN}-%' GROUP BY 1, 2 HAVING count(*) > 1`,
      ),
      deliveries: await q(
        `SELECT "contractNo", count(*) FROM cr_delivery WHERE "contractNo" LIKE ${like} GROUP BY 1 HAVING count(*) > 1`,
      ),
      reviews: await q(
        `SELECT "contractNo", department, revision, count(*) FROM cr_review WHERE "contractNo" LIKE ${like} GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      ),
      customerMessages: await q(
        `SELECT "contractNo", kind, count(*) FROM cr_outbox WHERE "contractNo" LIKE ${like} GROUP BY 1, 2 HAVING count(*) > 1`,
      ),
    };
    const ended = await q(
      `SELECT count(*)::int AS n FROM cr_contract WHERE "contractNo" LIKE ${like} AND status IN ('completed', 'archived')`,
    );
    const serverErrors = http.errors.filter((e) => e.status !== 'network');
    // Inside an outage: the request was sent or answered between a kill and the moment its
    // victim was healthy again. Everything else must be below 500.
    const outsideOutages = serverErrors.filter((e) => !chaos.outageOf(e.issuedAt, e.at));
    const insideBy = serverErrors
      .filter((e) => chaos.outageOf(e.issuedAt, e.at))
      .reduce<Record<string, number>>((acc, e) => {
        const victim = chaos.outageOf(e.issuedAt, e.at)!.victim;
        return { ...acc, [victim]: (acc[victim] ?? 0) + 1 };
      }, {});
    // Recovery: from a kill to the first write sent after it that the product accepted; the
    // victim's own downtime is kill → answering again (it is started again after 2 s), its
    // outage kill → healthy again.
    const recoveries = chaos.kills.map((k) => {
      const first = progress.filter((p) => p.issuedAt >= k.at).sort((a, b) => a.at - b.at)[0];
      return {
        victim: k.victim,
        downS: (k.back - k.at) / 1000,
        outageS: (k.healthyAt - k.at) / 1000,
        recoveryS: first ? (first.at - k.at) / 1000 : NaN,
      };
    });
    const byVictim = new Map<string, typeof recoveries>();
    for (const r of recoveries) byVictim.set(r.victim, [...(byVictim.get(r.victim) ?? []), r]);
    const s1 = (n: number) => (Number.isNaN(n) ? 'n/a (no write after it)' : n.toFixed(1));
    const pct = (xs: number[], q: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
    const durations = lifecycles.map((l) => l.ms / 1000);
    const steps = lifecycles.map((l) => l.longestStepMs / 1000);
    const figures = {
      server: temporal.kind,
      instances: INSTANCES,
      concurrency: CONCURRENCY,
      seconds,
      ended: ended[0].n,
      lost: INSTANCES - ended[0].n,
      failures: failures.length,
      duplicated: Object.values(duplicates).reduce((n, rows) => n + rows.length, 0),
      kills: chaos.kills.length,
      fiveXx: serverErrors.length,
      fiveXxDuringOutages: serverErrors.length - outsideOutages.length,
      fiveXxDuringOutagesBy: insideBy,
      fiveXxOutside: outsideOutages.length,
      accepted202: lifecycles.reduce((n, l) => n + l.pending, 0),
      load: {
        before: loadBefore,
        after: os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' '),
      },
      // Each 5xx outside Temporal's outages by status and code, with the last kill before it.
      fiveXxOutsideBy: outsideOutages.reduce<Record<string, number>>((acc, e) => {
        const code = /"code":"([A-Z_.]+)"/.exec(e.body)?.[1] ?? '-';
        const last = [...chaos.kills].reverse().find((k) => k.at <= e.at);
        const key = `${e.status} ${code} (${last ? `${Math.round((e.at - last.at) / 1000)} s after ${last.victim} kill` : 'before any kill'})`;
        return { ...acc, [key]: (acc[key] ?? 0) + 1 };
      }, {}),
      logs: dir,
      connectionFailures: http.errors.length - serverErrors.length,
      recovery: Object.fromEntries(
        [...byVictim].map(([victim, rs]) => [
          victim,
          {
            kills: rs.length,
            downS: rs.map((r) => s1(r.downS)).join('/'),
            outageS: rs.map((r) => s1(r.outageS)).join('/'),
            recoveryS: rs.map((r) => s1(r.recoveryS)).join('/'),
          },
        ]),
      ),
      lifecycleS: {
        p50: s1(pct(durations, 0.5)),
        p95: s1(pct(durations, 0.95)),
        max: s1(Math.max(...durations)),
      },
      longestStepS: { p50: s1(pct(steps, 0.5)), p95: s1(pct(steps, 0.95)), max: s1(Math.max(...steps)) },
    };
    if (process.env.FAULT_REPORT) writeFileSync(process.env.FAULT_REPORT, JSON.stringify(figures, null, 2));
    console.log(
      [
        `[fault] ${temporal.kind}; ${INSTANCES} contract lifecycles in ${seconds} s, ${CONCURRENCY} at a time`,
        `[fault] ended ${figures.ended}/${INSTANCES} (lost ${figures.lost}), failures ${figures.failures}, duplicated ${figures.duplicated}`,
        `[fault] kills: ${chaos.kills.length}`,
        ...[...byVictim.keys()].map(
          (v) =>
            `[fault]   ${v}: ${figures.recovery[v].kills}x, down ${figures.recovery[v].downS} s, outage ${figures.recovery[v].outageS} s, recovery ${figures.recovery[v].recoveryS} s`,
        ),
        `[fault] 5xx: ${serverErrors.length} (${figures.fiveXxDuringOutages} inside outage windows: ${JSON.stringify(insideBy)}; ${outsideOutages.length} outside); connection failures (killed API): ${figures.connectionFailures}; completions answered 202 (pending): ${figures.accepted202}`,
        `[fault] load average before ${figures.load.before}, after ${figures.load.after}`,
        `[fault] lifecycle s p50/p95/max: ${figures.lifecycleS.p50}/${figures.lifecycleS.p95}/${figures.lifecycleS.max}; longest wait for a next step s p50/p95/max: ${figures.longestStepS.p50}/${figures.longestStepS.p95}/${figures.longestStepS.max}`,
        ...Object.entries(figures.fiveXxOutsideBy).map(([k, n]) => `[fault]   outside: ${n}x ${k}`),
        ...outsideOutages
          .slice(0, 5)
          .map((e) => `[fault]   500: ${e.method} ${e.path} on ${e.api} (log: ${join(dir, `${e.api}.log`)})`),
        ...failures.slice(0, 5).map((f) => `[fault]   failed: ${f}`),
      ].join('\n'),
    );

    expect(failures).toEqual([]);
    expect(ended[0].n).toBe(INSTANCES);
    expect(duplicates).toEqual({ tasks: [], deliveries: [], reviews: [], customerMessages: [] });
    expect(new Set(chaos.kills.map((k) => k.victim))).toEqual(
      new Set([...processes.map((p) => p.name), ...(temporal.parts?.map((p) => p.name) ?? ['temporal'])]),
    );
    expect(outsideOutages.map((e) => `${e.status} ${e.method} ${e.path} on ${e.api}: ${e.body}`)).toEqual([]);
  });
});

const HEALTHY_WITHIN_MS = 180_000;

/** Until every one of these APIs answers GET /api/health/ready with 200. */
async function untilReady(apis: AppProcess[]): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (const api of apis) {
    for (;;) {
      const res = await fetch(`${api.baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) }).catch(
        () => undefined,
      );
      if (res?.status === 200) break;
      if (Date.now() > deadline)
        throw new Error(`${api.name} was not ready within ${HEALTHY_WITHIN_MS / 1000} s after a kill`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Until Temporal lists this worker process (`<pid>@<host>`) among the engine task queue's pollers. */
async function untilPolling(address: string, worker: AppProcess): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  const identity = `${worker.pid()}@`;
  for (;;) {
    const connection = await Connection.connect({ address, connectTimeout: 2000 }).catch(() => undefined);
    try {
      const described = await connection?.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: 'bpmn-engine' },
        taskQueueType: 1, // workflow tasks
      });
      if (described?.pollers?.some((p) => p.identity?.startsWith(identity))) return;
    } catch {
      // Temporal busy or restarting: ask again.
    } finally {
      await connection?.close().catch(() => undefined);
    }
    if (Date.now() > deadline)
      throw new Error(
        `${worker.name} did not poll bpmn-engine within ${HEALTHY_WITHIN_MS / 1000} s after a kill`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}
