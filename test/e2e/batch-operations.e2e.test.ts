/**
 * Batch operations over HTTP on a real Temporal dev server, with a second engine worker in
 * its own process that is killed (SIGKILL) mid-batch: a batch migrates running user-task
 * instances from v1 to v2 (renamed task mapped, a task added after it) and still finishes,
 * none lost or migrated twice, progress visible while it runs; a cancel batch records the
 * item that fails and goes on with the rest; suspend and resume.
 * The 1,000-instance run with figures is `npm run bench:batch` (bench/batch-migration.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'operations', name), 'utf8');
const enc = encodeURIComponent;
const INSTANCES = 120;

describe('batch operations (e2e, Temporal dev server, a worker killed mid-batch)', () => {
  let api: ApiHarness;
  let owner: string;
  let sales: string;
  let manager: string;
  let second: WorkerProcess | undefined;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    sales = await api.token('li.na', ['sales']);
    manager = await api.token('zhao.lei', ['manager']);
  });
  afterAll(async () => {
    await second?.kill();
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
  const openTasksOf = async (id: string) =>
    (await api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner })).body.items;

  it('migrates running instances v1 → v2 in one batch while a worker is killed; all continue on v2', async () => {
    expect((await deploy('Order.v1.bpmn')).body.version).toBe(1);
    const ids: string[] = [];
    for (let i = 0; i < INSTANCES; i += 20) {
      const started = await Promise.all(
        Array.from({ length: Math.min(20, INSTANCES - i) }, (_, j) => start(`B-${i + j}`)),
      );
      ids.push(...started.map((s) => s.body.instanceId));
    }
    const tasksBefore = new Map<string, string>();
    await eventually(
      async () => {
        for (const id of ids)
          if (!tasksBefore.has(id)) for (const t of await openTasksOf(id)) tasksBefore.set(id, t.taskId);
        return tasksBefore.size;
      },
      (n) => n === INSTANCES,
      60_000,
    );
    // The filter is answered by the store: it selects what the exporter has written.
    await eventually(
      () =>
        api.call('GET', '/process-instances?processId=order-ops&version=1&activeElement=review&limit=500', {
          token: owner,
        }),
      (r) => r.body.items?.length === INSTANCES,
      60_000,
    );
    expect((await deploy('Order.v2.bpmn')).body.version).toBe(2);

    second = startWorkerProcess(api.env.address, api.config.dataDir);
    const created = await api.call('POST', '/batch-operations', {
      token: owner,
      body: {
        operation: 'migrate',
        filter: { processId: 'order-ops', version: 1 },
        migration: { targetVersion: 2, mappings: [{ sourceElementId: 'review', targetElementId: 'check' }] },
        itemsPerSecond: 40,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ batchId: expect.any(String), total: INSTANCES });
    const { batchId } = created.body;

    const midway = await eventually(
      () => batch(batchId),
      (r) => r.body.done > 0,
      60_000,
    );
    expect(midway.body).toMatchObject({ state: 'RUNNING', total: INSTANCES });
    expect(midway.body.done).toBeLessThan(INSTANCES);
    await second.kill();

    const finished = await eventually(
      () => batch(batchId),
      (r) => r.body.state === 'COMPLETED',
      180_000,
    );
    expect(finished.body).toMatchObject({ total: INSTANCES, done: INSTANCES, failed: 0, failures: [] });

    // The list is the store's: the last items' exports may trail the batch's end by a moment.
    const onV2 = await eventually(
      () =>
        api.call('GET', '/process-instances?processId=order-ops&state=ACTIVE&limit=500', { token: owner }),
      (r) => r.body.items?.every((i: { version: number }) => i.version === 2),
      10_000,
    );
    expect(onV2.body.items).toHaveLength(INSTANCES);
    expect(onV2.body.items.every((i: { version: number }) => i.version === 2)).toBe(true);
    for (const id of ids) {
      const snapshot = (await api.call('GET', `/process-instances/${enc(id)}`, { token: owner })).body;
      expect(snapshot).toMatchObject({ version: 2, activeElements: ['check'] });
      expect(snapshot.openTasks).toEqual([
        expect.objectContaining({ taskId: tasksBefore.get(id), elementId: 'check' }),
      ]);
      // Migrated exactly once: one migration entry on the timeline.
      const timeline = (await api.call('GET', `/process-instances/${enc(id)}/timeline`, { token: owner }))
        .body;
      expect(timeline.filter((e: { event: string }) => e.event === 'migrated')).toHaveLength(1);
    }

    // Their tasks are completable and lead to the task v2 added.
    for (const id of ids.slice(0, 5)) {
      expect(
        (
          await api.call('POST', `/tasks/${enc(tasksBefore.get(id)!)}/complete`, {
            token: sales,
            body: { variables: {} },
          })
        ).status,
      ).toBe(200);
      const [approve] = await eventually(
        () => openTasksOf(id),
        (items) => items[0]?.elementId === 'approve',
      );
      expect(
        (
          await api.call('POST', `/tasks/${enc(approve.taskId)}/complete`, {
            token: manager,
            body: { variables: {} },
          })
        ).status,
      ).toBe(200);
      await eventually(
        () => api.call('GET', `/process-instances/${enc(id)}`, { token: owner }),
        (r) => r.body.state === 'COMPLETED',
      );
    }
  });

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
