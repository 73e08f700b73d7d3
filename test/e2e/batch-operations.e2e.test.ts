/**
 * Batch operations over HTTP on a real Temporal dev server, the engine running in worker
 * processes only (the harness's in-process worker is stopped), so the worker killed mid-batch
 * surely held the batch:
 * - 1,000 running user-task instances are migrated v1 → v2 by one batch selected by filter
 *   (renamed task mapped, a task added after it); the worker process is SIGKILLed mid-batch
 *   and a new one started; the batch still finishes, none lost or migrated twice, progress
 *   visible while it ran; then every task on v2 is completed through the API (both tasks of
 *   every instance, bounded concurrency) and all 1,000 instances complete;
 * - a cancel batch records the item that fails and goes on with the rest; suspend and resume.
 * The figures (instances per second, the batch's cost per item) are `npm run bench:batch`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'operations', name), 'utf8');
const enc = encodeURIComponent;
const INSTANCES = 1000;
/** Requests in flight at once while instances are started and tasks completed. */
const CONCURRENCY = 16;
const MINUTE = 60_000;

interface TaskItem {
  taskId: string;
  instanceId: string;
  elementId: string;
  version: number;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('batch operations (e2e, Temporal dev server, a worker process killed mid-batch)', () => {
  let api: ApiHarness;
  let owner: string;
  let sales: string;
  let manager: string;
  const workers: WorkerProcess[] = [];
  let retries = 0;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    sales = await api.token('li.na', ['sales']);
    manager = await api.token('zhao.lei', ['manager']);
    await api.stopWorker();
    workers.push(startWorkerProcess(api.env.address, api.config.dataDir));
  });
  afterAll(async () => {
    for (const w of workers) await w.kill();
    await api?.close();
  });

  const deploy = (name: string) =>
    api.call('POST', '/process-definitions', {
      token: owner,
      body: fixture(name),
      contentType: 'application/xml',
    });
  const start = (businessKey: string) =>
    api.call('POST', '/process-instances', { token: owner, body: { processId: 'order-ops', businessKey } });
  const batch = (id: string) => api.call('GET', `/batch-operations/${id}`, { token: owner });

  /** Every page of a cursor-paged list. */
  const all = async <T>(path: string, token = owner): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `${path}&limit=500${cursor ? `&cursor=${enc(cursor)}` : ''}`, {
        token,
      });
      if (page.status !== 200) throw new Error(`${path}: ${page.status} ${JSON.stringify(page.body)}`);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };
  const openTasks = (group: string) => all<TaskItem>(`/tasks?state=open&candidateGroup=${group}`);

  /**
   * Completes a task through the API. On a loaded machine a completion may outlast the API's
   * wait (504: it may still be applied) or meet a worker still starting (503): then it is sent
   * again, and a refusal as no longer open is accepted only after such an answer — the
   * instance's own validator lets each task be completed once.
   */
  const complete = async (task: TaskItem, token: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const r = await api.call('POST', `/tasks/${enc(task.taskId)}/complete`, {
        token,
        body: { variables: {} },
      });
      if (r.status === 200) return;
      if (r.status === 409 && r.body.code === 'TASK.NOT_OPEN' && attempt > 1) return;
      if (![503, 504].includes(r.status) || attempt >= 5)
        throw new Error(`completing ${task.taskId}: ${r.status} ${JSON.stringify(r.body)}`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };

  it(
    `migrates ${INSTANCES} running instances v1 → v2 in one batch while a worker process is killed; all complete on v2`,
    async () => {
      const began = Date.now();
      const lap = (what: string) =>
        console.log(`batch e2e: ${what} at ${((Date.now() - began) / 1000).toFixed(1)} s`);
      expect((await deploy('Order.v1.bpmn')).body.version).toBe(1);
      const keys = Array.from({ length: INSTANCES }, (_, i) => `B-${i}`);
      const ids: string[] = [];
      await inPool(keys, CONCURRENCY, async (key) => {
        const r = await start(key);
        expect(r.status).toBe(201);
        ids.push(r.body.instanceId);
      });
      expect(new Set(ids).size).toBe(INSTANCES);
      // Each waits at review; the filter below is answered by the store, so wait until it holds them.
      await eventually(
        async () => (await openTasks('sales')).length,
        (n) => n === INSTANCES,
        4 * MINUTE,
      );
      const tasksBefore = new Map((await openTasks('sales')).map((t) => [t.instanceId, t.taskId]));
      expect([...tasksBefore.keys()].sort()).toEqual([...ids].sort());
      await eventually(
        async () =>
          (await all(`/process-instances?processId=order-ops&version=1&state=ACTIVE&activeElement=review`))
            .length,
        (n) => n === INSTANCES,
        2 * MINUTE,
      );
      lap(`${INSTANCES} instances started and at their task`);
      expect((await deploy('Order.v2.bpmn')).body.version).toBe(2);

      const created = await api.call('POST', '/batch-operations', {
        token: owner,
        body: {
          operation: 'migrate',
          filter: { processId: 'order-ops', version: 1, activeElementId: 'review' },
          migration: {
            targetVersion: 2,
            mappings: [{ sourceElementId: 'review', targetElementId: 'check' }],
          },
          itemsPerSecond: 1000,
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ batchId: expect.any(String), total: INSTANCES });
      const { batchId } = created.body;

      // Killed outright once a quarter is done: its chunk in flight, its cached executions, its
      // unwritten exports are lost. A new worker process takes over (the "restart").
      const midway = await eventually(
        () => batch(batchId),
        (r) => r.body.done >= INSTANCES / 4,
        4 * MINUTE,
      );
      await workers[0].kill();
      lap(`worker killed at ${midway.body.done} done`);
      expect(midway.body).toMatchObject({ state: 'RUNNING', total: INSTANCES, failed: 0 });
      expect(midway.body.done).toBeLessThan(INSTANCES);
      expect(workers[0].child.signalCode).toBe('SIGKILL');
      workers.push(startWorkerProcess(api.env.address, api.config.dataDir));

      const finished = await eventually(
        () => batch(batchId),
        (r) => r.body.state === 'COMPLETED',
        6 * MINUTE,
      );
      lap('batch completed');
      expect(finished.body).toMatchObject({ total: INSTANCES, done: INSTANCES, failed: 0, failures: [] });

      // All on v2 at check with their task kept (same id), none lost, none twice.
      const onV2 = await eventually(
        () =>
          all<{ instanceId: string; activeElements: string[] }>(
            '/process-instances?processId=order-ops&version=2&state=ACTIVE',
          ),
        (items) => items.length === INSTANCES,
        2 * MINUTE,
      );
      expect(onV2.map((i) => i.instanceId).sort()).toEqual([...ids].sort());
      expect(onV2.every((i) => i.activeElements.join() === 'check')).toBe(true);
      expect((await all('/process-instances?processId=order-ops&version=1&state=ACTIVE')).length).toBe(0);
      const checks = await openTasks('sales');
      expect(checks).toHaveLength(INSTANCES);
      for (const t of checks) {
        expect(t).toMatchObject({ elementId: 'check', version: 2 });
        expect(t.taskId).toBe(tasksBefore.get(t.instanceId));
      }
      // Migrated exactly once: one migration entry on each timeline.
      const migratedTwice: string[] = [];
      await inPool(ids, CONCURRENCY, async (id) => {
        const timeline = (await api.call('GET', `/process-instances/${enc(id)}/timeline`, { token: owner }))
          .body;
        if (timeline.filter((e: { event: string }) => e.event === 'migrated').length !== 1)
          migratedTwice.push(id);
      });
      expect(migratedTwice).toEqual([]);
      lap('migration checked');

      // Every task on v2 is completable: check, then the approve task v2 added after it.
      await inPool(checks, CONCURRENCY, (t) => complete(t, sales));
      lap(`${INSTANCES} check tasks completed`);
      await eventually(
        async () => (await openTasks('manager')).length,
        (n) => n === INSTANCES,
        4 * MINUTE,
      );
      const approvals = await openTasks('manager');
      expect(approvals.every((t) => t.elementId === 'approve' && t.version === 2)).toBe(true);
      expect(new Set(approvals.map((t) => t.instanceId))).toEqual(new Set(ids));
      await inPool(approvals, CONCURRENCY, (t) => complete(t, manager));
      lap(`${INSTANCES} approve tasks completed`);
      const done = await eventually(
        async () =>
          (await all<{ instanceId: string }>('/process-instances?processId=order-ops&state=COMPLETED')).map(
            (i) => i.instanceId,
          ),
        (completed) => completed.length === INSTANCES,
        4 * MINUTE,
      );
      expect(done.sort()).toEqual([...ids].sort());
      expect(await openTasks('sales')).toEqual([]);
      expect(await openTasks('manager')).toEqual([]);
      lap(`all instances completed (${retries} completions sent again after a 503/504)`);
    },
    20 * MINUTE,
  );

  it('a cancel batch records the failing item with its reason and cancels the rest; suspend and resume', async () => {
    const ids = (await Promise.all(['X-1', 'X-2', 'X-3'].map(start))).map((r) => r.body.instanceId);
    // One item per chunk, one per second: the batch is still running when it is suspended.
    const created = await api.call('POST', '/batch-operations', {
      token: owner,
      body: {
        operation: 'cancel',
        instanceIds: [ids[0], 'order-ops/nobody', ids[1], ids[2]],
        itemsPerSecond: 1,
        chunkSize: 1,
      },
    });
    expect(created.status).toBe(201);
    const { batchId } = created.body;
    const suspended = await api.call('POST', `/batch-operations/${batchId}/suspend`, { token: owner });
    expect(suspended.body.state).toBe('SUSPENDED');
    await new Promise((r) => setTimeout(r, 2500));
    const held = (await batch(batchId)).body;
    expect(held.state).toBe('SUSPENDED');
    expect(held.done + held.failed).toBeLessThan(4);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await batch(batchId)).body.done).toBe(held.done);
    const resumed = await api.call('POST', `/batch-operations/${batchId}/resume`, { token: owner });
    expect(resumed.body.state).toBe('RUNNING');
    const finished = await eventually(
      () => batch(batchId),
      (r) => r.body.state === 'COMPLETED',
      60_000,
    );
    expect(finished.body).toMatchObject({
      total: 4,
      done: 3,
      failed: 1,
      failures: [
        {
          instanceId: 'order-ops/nobody',
          code: 'INSTANCE.NOT_FOUND',
          message: expect.stringContaining('nobody'),
        },
      ],
    });
    for (const id of ids)
      await eventually(
        () => api.call('GET', `/process-instances/${enc(id)}`, { token: owner }),
        (r) => r.body.state === 'TERMINATED',
      );
    expect((await api.call('POST', `/batch-operations/${batchId}/cancel`, { token: owner })).status).toBe(
      409,
    );
    expect(
      (
        await api.call('POST', '/batch-operations', {
          token: owner,
          body: { operation: 'migrate', instanceIds: ids },
        })
      ).body,
    ).toMatchObject({ statusCode: 400, code: 'BATCH.MIGRATION_REQUIRED' });
    expect((await api.call('GET', '/batch-operations/unknown', { token: owner })).status).toBe(404);
    const wide = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`v${i}`, i]));
    expect(
      (
        await api.call('POST', '/batch-operations', {
          token: owner,
          body: { operation: 'cancel', filter: { processId: 'order-ops', variables: wide } },
        })
      ).body,
    ).toMatchObject({ statusCode: 400, message: expect.stringContaining('at most 10 variables') });
    expect(
      (
        await api.call('POST', '/batch-operations', {
          token: owner,
          body: { operation: 'cancel', filter: { processId: 'order-ops', businessKey: 'no\nnewline' } },
        })
      ).body,
    ).toMatchObject({ statusCode: 400 });
    expect(
      (
        await api.call('POST', '/batch-operations', {
          token: owner,
          body: {
            operation: 'cancel',
            filter: { processId: 'order-ops', state: 'TERMINATED', businessKey: 'X-%' },
          },
        })
      ).body,
    ).toMatchObject({ statusCode: 400, code: 'BATCH.EMPTY' });
  });
});
