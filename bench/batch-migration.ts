/**
 * `npm run bench:batch`: 1,000 running instances of a user-task process migrated v1 → v2 by
 * one batch operation (renamed task mapped, a task added after it) while a second engine
 * worker process is killed mid-batch; then the cost of the batch machinery per item.
 *
 * One dev server, the API and an engine worker in this process, plus a worker process
 * (dist/worker/main.js). Three migrations of all instances, each a full pass:
 *   1. v1 → v2 by a batch, the worker process SIGKILLed at a third (recovery included);
 *   2. v2 → v3 by a batch, nothing killed (the batch's own throughput);
 *   3. v3 → v4 by calling the same migration Update directly, 8 at a time (the batch's parallelism).
 * Added cost per item = (2 − 3) wall time per item, plus the batch workflow's history events per item.
 * Checks (exit 1 on failure): every instance on v2 after pass 1 with its open task's id kept,
 * migrated exactly once, none lost or duplicated, progress reported; a sample completes on v4.
 *
 * Environment: BENCH_INSTANCES (default 1000); BENCH_OUT (default bench/batch-results.json).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InstanceOperator } from '../activities/operations/instance-operator';
import { HistoryInstanceEntity, UserTaskEntity } from '../persistence/entities';
import { startApiHarness } from '../test/support/api-harness';
import { startWorkerProcess } from '../test/support/worker-process';
import { batchWorkflowId } from '../workflows/batch-protocol';
import { snapshotQuery, timelineQuery } from '../workflows/protocol';

const N = Number(process.env.BENCH_INSTANCES ?? '1000');
const SOURCE_DIR = [join(__dirname, '..', '..', 'bench'), __dirname].find((d) =>
  existsSync(join(d, 'run.ts')),
)!;
const FIXTURES = join(SOURCE_DIR, '..', 'test', 'fixtures', 'operations');
const OUT = process.env.BENCH_OUT ?? join(SOURCE_DIR, 'batch-results.json');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(ok: boolean, what: string): void {
  if (!ok) {
    console.error(`FAILED: ${what}`);
    process.exitCode = 1;
  } else console.log(`ok: ${what}`);
}

async function main(): Promise<void> {
  const api = await startApiHarness();
  const owner = await api.token('bench', ['process-owner']);
  const tasks = api.dataSource.getRepository(UserTaskEntity);
  const v1 = readFileSync(join(FIXTURES, 'Order.v1.bpmn'), 'utf8');
  const v2 = readFileSync(join(FIXTURES, 'Order.v2.bpmn'), 'utf8');
  const deploy = async (xml: string) =>
    (
      await api.call('POST', '/process-definitions', {
        token: owner,
        body: xml,
        contentType: 'application/xml',
      })
    ).body.version as number;
  const mappings = [{ sourceElementId: 'review', targetElementId: 'check' }];
  // Batch filters are answered by the store: a batch is created once it holds every instance.
  const storeHolds = async (version: number) => {
    const rows = api.dataSource.getRepository(HistoryInstanceEntity);
    while ((await rows.count({ where: { processId: 'order-ops', version, state: 'ACTIVE' } })) < N)
      await sleep(250);
  };
  const figures: Record<string, unknown> = { instances: N, cpus: cpus().length, loadBefore: loadavg()[0] };
  try {
    check((await deploy(v1)) === 1, 'v1 deployed');
    const t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < N; i += 25) {
      const page = await Promise.all(
        Array.from({ length: Math.min(25, N - i) }, (_, j) =>
          api.call('POST', '/process-instances', {
            token: owner,
            body: { processId: 'order-ops', businessKey: `bench-${i + j}` },
          }),
        ),
      );
      ids.push(...page.map((r) => r.body.instanceId as string));
    }
    while ((await tasks.count({ where: { processId: 'order-ops', state: 'open' } })) < N) await sleep(250);
    figures.startedPerSecond = round(N / ((performance.now() - t0) / 1000));
    const before = new Map(
      (await tasks.find({ where: { processId: 'order-ops', state: 'open' } })).map((t) => [
        t.instanceId,
        t.taskId,
      ]),
    );
    check(before.size === N, `${N} instances wait at their user task`);
    check((await deploy(v2)) === 2, 'v2 deployed (review renamed check, approve added after it)');

    // Pass 1: the batch, with a worker process killed at a third.
    await storeHolds(1);
    const second = startWorkerProcess(api.env.address, api.config.dataDir);
    await sleep(3000);
    const pass1 = await runBatch(
      api,
      owner,
      { processId: 'order-ops', version: 1 },
      2,
      mappings,
      async (done) => {
        if (done >= N / 3 && second.child.exitCode === null) {
          await second.kill();
          return true;
        }
        return false;
      },
    );
    figures.pass1 = pass1.figures;
    check(
      second.child.exitCode !== null || second.child.signalCode !== null,
      'the worker process was killed mid-batch',
    );
    check(
      pass1.progressSamples.some((p) => p > 0 && p < N),
      'progress was reported while the batch ran',
    );
    check(
      pass1.result.done === N && pass1.result.failed === 0,
      `batch 1 finished: ${pass1.result.done} done, ${pass1.result.failed} failed`,
    );
    const after = await tasks.find({ where: { processId: 'order-ops', state: 'open' } });
    check(after.length === N, `${after.length} open tasks after migration (none lost, none duplicated)`);
    check(
      after.every((t) => before.get(t.instanceId) === t.taskId && t.elementId === 'check' && t.version === 2),
      'every open task kept its id and now stands for check on v2',
    );
    let onV2 = 0;
    let migratedOnce = 0;
    for (let i = 0; i < ids.length; i += 50)
      await Promise.all(
        ids.slice(i, i + 50).map(async (id) => {
          const handle = api.env.client.workflow.getHandle(id);
          const s = await handle.query(snapshotQuery);
          if (s.version === 2 && s.activeElements.join() === 'check') onV2++;
          const timeline = await handle.query(timelineQuery);
          if (timeline.filter((e) => e.event === 'migrated').length === 1) migratedOnce++;
        }),
      );
    check(onV2 === N, `${onV2} instances run v2 at check`);
    check(migratedOnce === N, `${migratedOnce} instances migrated exactly once`);

    // Pass 2: the batch's own throughput, nothing killed.
    check((await deploy(v2.replace('name="Check order"', 'name="Check the order"'))) === 3, 'v3 deployed');
    await storeHolds(2);
    const pass2 = await runBatch(
      api,
      owner,
      { processId: 'order-ops', version: 2 },
      3,
      [],
      async () => false,
    );
    figures.pass2 = pass2.figures;
    check(pass2.result.done === N, `batch 2 finished: ${pass2.result.done} done`);

    // Pass 3: the same Update called directly, as many at a time as a batch chunk runs.
    check((await deploy(v2.replace('name="Check order"', 'name="Check it"'))) === 4, 'v4 deployed');
    const operator = new InstanceOperator(api.env.client, api.dataSource);
    const t3 = performance.now();
    const queue = [...ids];
    let directFailures = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift())
          await operator
            .migrate(id, { targetVersion: 4, mappings: [] }, 'bench')
            .catch(() => directFailures++);
      }),
    );
    const directSeconds = (performance.now() - t3) / 1000;
    check(directFailures === 0, `direct migrations: ${directFailures} failed`);
    figures.direct = { seconds: round(directSeconds), migratedPerSecond: round(N / directSeconds) };
    const p2 = pass2.figures as { seconds: number; historyEventsPerItem: number };
    figures.addedCostPerItemMs = round(((p2.seconds - directSeconds) / N) * 1000);
    figures.batchHistoryEventsPerItem = p2.historyEventsPerItem;

    // A sample completes on v4: check, then the added approve task.
    for (const id of ids.slice(0, 20)) {
      const taskId = before.get(id)!;
      const manager = await api.token('boss', ['manager', 'sales']);
      await api.call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, {
        token: manager,
        body: { variables: {} },
      });
      let approve: UserTaskEntity | null = null;
      while (
        !(approve = await tasks.findOne({ where: { instanceId: id, elementId: 'approve', state: 'open' } }))
      )
        await sleep(100);
      await api.call('POST', `/tasks/${encodeURIComponent(approve.taskId)}/complete`, {
        token: manager,
        body: { variables: {} },
      });
    }
    let completed = 0;
    for (const id of ids.slice(0, 20)) {
      const r = await api.env.client.workflow
        .getHandle(id)
        .result()
        .catch(() => undefined);
      if (r?.state === 'COMPLETED') completed++;
    }
    check(completed === 20, `${completed} of 20 sampled instances completed on v4 (check, approve)`);
    figures.loadAfter = loadavg()[0];
    figures.at = new Date().toISOString();
    writeFileSync(OUT, JSON.stringify(figures, null, 2) + '\n');
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await api.close();
  }
}

async function runBatch(
  api: Awaited<ReturnType<typeof startApiHarness>>,
  token: string,
  filter: object,
  targetVersion: number,
  mappings: object[],
  onProgress: (done: number) => Promise<boolean>,
) {
  const t = performance.now();
  const created = await api.call('POST', '/batch-operations', {
    token,
    body: { operation: 'migrate', filter, migration: { targetVersion, mappings }, itemsPerSecond: 10_000 },
  });
  if (created.status !== 201) throw new Error(`batch refused: ${JSON.stringify(created.body)}`);
  const selectedAt = performance.now();
  const { batchId } = created.body;
  const progressSamples: number[] = [];
  let killedAt: number | undefined;
  for (;;) {
    const p = (await api.call('GET', `/batch-operations/${batchId}`, { token })).body;
    progressSamples.push(p.done);
    if (killedAt === undefined && (await onProgress(p.done))) killedAt = p.done;
    if (p.state === 'COMPLETED') {
      const seconds = (performance.now() - t) / 1000;
      let events = 0;
      for await (const run of api.env.client.workflow.list({
        query: `WorkflowId = '${batchWorkflowId(batchId)}'`,
      }))
        events += run.historyLength;
      return {
        result: p,
        progressSamples,
        figures: {
          seconds: round(seconds),
          selectionSeconds: round((selectedAt - t) / 1000),
          migratedPerSecond: round(p.done / seconds),
          historyEventsPerItem: round(events / p.total),
          ...(killedAt !== undefined ? { workerKilledAtDone: killedAt } : {}),
        },
      };
    }
    await sleep(500);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
