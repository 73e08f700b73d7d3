/**
 * Fast recovery: an engine worker SIGKILLed in the middle of an in-process activity delays its
 * instance by seconds, because in-process activities heartbeat (5 s heartbeat timeout) and the
 * second worker takes the retry. Measured: kill → the activity's row written by the other worker.
 * To catch the first worker inside the activity, the test holds a lock on the table the
 * activity writes (user_task), and releases it right after the kill.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Connection } from '@temporalio/client';
import { freePort } from '../../runtime/free-port';
import { ENGINE_TASK_QUEUE } from '../../workflows/protocol';
import { temporalCliPath } from '../../scripts/temporal-binaries';
import { AppProcess, appProcess } from '../support/cluster/app-process';
import { BalancedClient } from '../support/cluster/balanced-client';
import { startDevServerProcess, TemporalServerProcess } from '../support/cluster/temporal-server';
import { eventually } from '../support/eventually';
import { PostgresServer, startPostgres } from '../support/postgres-server';

jest.setTimeout(6 * 60_000);

describe('a worker killed inside an activity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bpmn-temporal-recovery-'));
  let pg: PostgresServer;
  let db: PgClient;
  let temporal: TemporalServerProcess;
  let workerA: AppProcess;
  let workerB: AppProcess;
  let api: AppProcess;
  let http: BalancedClient;

  beforeAll(async () => {
    pg = await startPostgres(await freePort(0));
    const admin = new PgClient({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE app');
    await admin.end();
    temporal = await startDevServerProcess({
      cli: temporalCliPath()!,
      dir: join(dir, 'temporal'),
      log: () => undefined,
    });
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'dev-token.key'), randomBytes(32).toString('hex'));
    const url = pg.url.replace(/\/postgres$/, '/app');
    const env = {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      DATA_DIR: dataDir,
      DEV_AUTH: 'true',
      LOG_LEVEL: 'warn',
    };
    api = appProcess({ name: 'api', role: 'api', env, port: await freePort(0) });
    workerA = appProcess({ name: 'worker-a', role: 'worker', env });
    workerB = appProcess({ name: 'worker-b', role: 'worker', env });
    await api.start();
    await workerA.start();
    db = new PgClient({ connectionString: url });
    await db.connect();
    http = new BalancedClient([api]);
  });

  afterAll(async () => {
    await Promise.all([api, workerA, workerB].map((p) => p?.stop()));
    await db?.end().catch(() => undefined);
    await temporal?.stop();
    pg?.stop();
  });

  it('delays its instance by seconds: the other worker retries the step after the heartbeat timeout', async () => {
    const token = (
      await http.call('POST', '/auth/token', { body: { user: 'ops', groups: ['process-owner', 'service'] } })
    ).body.token;
    const xml = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', 'Approval.user-task.bpmn'), 'utf8');
    expect((await http.call('POST', '/process-definitions', { token, body: { xml } })).status).toBe(201);

    await db.query('BEGIN');
    await db.query('LOCK TABLE user_task IN ACCESS EXCLUSIVE MODE');
    const started = await http.call('POST', '/process-instances', {
      token,
      body: { processId: 'approval', businessKey: 'recovery-1', variables: {} },
    });
    expect(started.status).toBe(201);
    // Worker A is inside createUserTask, waiting for the table lock.
    const probe = new PgClient({ connectionString: pg.url.replace(/\/postgres$/, '/app') });
    await probe.connect();
    await eventually(
      async () =>
        (
          await probe.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%user_task%'`,
          )
        ).rows[0].n,
      (n) => n > 0,
    );
    await workerB.start();
    await untilActivityPollers(temporal.address, 2); // B is up and polling beside A

    workerA.kill();
    const killedAt = Date.now();
    // A backend waiting on a lock does not notice its client died: end it, as the lost connection would.
    await probe.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%user_task%'`,
    );
    await db.query('ROLLBACK');
    await eventually(
      async () =>
        (
          await probe.query(
            `SELECT count(*)::int AS n FROM user_task WHERE "instanceId" = 'approval/recovery-1'`,
          )
        ).rows[0].n,
      (n) => n === 1,
      120_000,
    );
    const delaySeconds = (Date.now() - killedAt) / 1000;
    await probe.end();
    console.log(
      `[recovery] worker SIGKILLed inside an in-process activity: the instance went on after ${delaySeconds.toFixed(1)} s (other worker running)`,
    );

    expect(delaySeconds).toBeLessThan(15);
  });
});

/** temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY */
const TASK_QUEUE_TYPE_ACTIVITY = 2;

async function untilActivityPollers(address: string, count: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await eventually(
      async () =>
        (
          await connection.workflowService.describeTaskQueue({
            namespace: 'default',
            taskQueue: { name: ENGINE_TASK_QUEUE },
            taskQueueType: TASK_QUEUE_TYPE_ACTIVITY,
          })
        ).pollers?.length ?? 0,
      (n) => n >= count,
      120_000,
    );
  } finally {
    await connection.close();
  }
}
