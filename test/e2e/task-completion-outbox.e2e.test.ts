/**
 * A task completion the instance's worker cannot apply in time is not an error: it is recorded
 * in the instance-command outbox, answered 202 within the bound, shown on the task as pending,
 * and applied exactly once when a worker takes the instance again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngineWorkerWithHistory, type EngineWorker } from '../../worker/create-worker';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('task completion while the instance has no worker (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let owner: string;
  let sales: string;
  let replacement: EngineWorker | undefined;
  let replacementRunning: Promise<void> | undefined;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    sales = await api.token('li.lei', ['sales']);
    const deploy = await api.call('POST', '/process-definitions', {
      token: owner,
      body: fixture('Approval.user-task.bpmn'),
      contentType: 'application/xml',
    });
    expect(deploy.status).toBe(201);
  });
  afterAll(async () => {
    replacement?.worker.shutdown();
    await replacementRunning;
    await replacement?.history.drain();
    await api?.close();
  });

  it('answers 202 within the bound, shows it pending, and applies it once a worker is back', async () => {
    const service = await api.token('erp-bridge', ['service']);
    const started = await api.call('POST', '/process-instances', {
      token: service,
      body: { processId: 'approval', businessKey: 'OUTBOX-1', variables: {} },
    });
    expect(started.status).toBe(201);
    const instanceId: string = started.body.instanceId;
    const task = (
      await eventually(
        () => api.call('GET', `/tasks?instanceId=${enc(instanceId)}&state=open`, { token: owner }),
        (r) => r.body.items?.length === 1,
      )
    ).body.items[0];
    const complete = () =>
      api.call('POST', `/tasks/${enc(task.taskId)}/complete`, {
        token: sales,
        body: { variables: { approved: true } },
      });

    // Given the instance's only worker is gone (Temporal still lists its last poll)
    await api.stopWorker();

    // When the completion is sent, it is recorded and answered 202 within the bound
    const began = Date.now();
    const first = await complete();
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(first).toMatchObject({ status: 202, body: { taskId: task.taskId, status: 'pending' } });
    const pending = await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner });
    expect(pending.body).toMatchObject({
      state: 'open',
      completion: { status: 'pending', requestedBy: 'li.lei' },
    });
    // The same request again is the same command (and the same Temporal update): still pending.
    expect((await complete()).status).toBe(202);

    // Then a new worker takes the instance and the outbox dispatcher delivers the completion
    replacement = await createEngineWorkerWithHistory({
      connection: api.env.nativeConnection,
      config: api.config,
      dataSource: api.dataSource,
    });
    replacementRunning = replacement.worker.run();
    const done = await eventually(
      () => api.call('GET', `/process-instances/${enc(instanceId)}`, { token: owner }),
      (r) => r.body.state === 'COMPLETED',
      90_000,
    );
    expect(done.body.variables).toEqual({ approved: true });
    const closed = await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner });
    expect(closed.body).toMatchObject({ state: 'completed', completedBy: 'li.lei' });
    expect(closed.body.completion).toBeUndefined();
    // Applied once: one audit entry, and the request once more is a replay (409).
    // The audit entry is written when the outbox settles the command, a moment after the instance ends.
    const audit = await eventually(
      () => api.call('GET', `/audit?instanceId=${enc(instanceId)}&action=task-complete`, { token: owner }),
      (r) => r.body.items?.length > 0,
      30_000,
    );
    expect(audit.body.items.map((e: { user: string; subject: string }) => [e.user, e.subject])).toEqual([
      ['li.lei', task.taskId],
    ]);
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'TASK.NOT_OPEN' } });
  });
});
