/**
 * Listeners over HTTP against a real Temporal dev server: the listener jobs are served by a
 * job worker outside the engine (polling bpmn-jobs-<type>, as any Temporal SDK would). A
 * creating listener corrects the assignee and due date of the task record; a completing
 * listener denies a completion, which the API answers with 409 and the listener's reason, and
 * the task stays open until a completion it accepts; an end execution listener sees the result.
 */
import { Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobInput, TaskListenerJobResult } from '../../workflows/activity-contract';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { maybeRecordHistory } from '../workflow/support/histories';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('task listeners (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let owner: string;
  let workers: Worker[] = [];
  let running: Promise<void>;
  const heard: JobInput[] = [];

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    const listen = (answer: (job: JobInput) => TaskListenerJobResult | object) => async (job: JobInput) => {
      heard.push(job);
      return answer(job);
    };
    // One worker for the three listener types, each on its own job task queue.
    workers = await Promise.all(
      Object.entries({
        'approval-assign': listen(() => ({
          result: { corrections: { assignee: 'li.lei', dueDate: '2026-12-31T17:00:00+08:00' } },
        })),
        'approval-check': listen((job) =>
          job.variables.approved === true
            ? {}
            : { result: { denied: true, deniedReason: 'an approval needs approved = true' } },
        ),
        'approval-audit': listen(() => ({ auditedBy: 'audit-worker' })),
      }).map(([type, run]) =>
        Worker.create({
          connection: api.env.nativeConnection,
          taskQueue: `bpmn-jobs-${type}`,
          activities: { [type]: run },
        }),
      ),
    );
    running = Promise.all(workers.map((w) => w.run())).then(() => undefined);
    const deployed = await api.call('POST', '/process-definitions', {
      token: owner,
      body: fixture('Approval.task-listeners.bpmn'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    for (const w of workers) w.shutdown();
    await running;
    await api?.close();
  });

  it('a denied completion answers 409 with the reason, the task stays open, and a later completion goes through', async () => {
    const service = await api.token('erp-bridge', ['service']);
    const started = await api.call('POST', '/process-instances', {
      token: service,
      body: { processId: 'listened-approval', businessKey: 'L-1', variables: { amount: 9 } },
    });
    expect(started.status).toBe(201);
    const id = started.body.instanceId;
    const open = () => api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner });
    const task = (await eventually(open, (r) => r.body.items?.length === 1)).body.items[0];
    expect(task).toMatchObject({ assignee: 'li.lei', dueDate: '2026-12-31T17:00:00+08:00' });
    expect(heard.map((j) => [j.taskType, j.listener])).toEqual([
      ['approval-assign', { kind: 'taskListener', eventType: 'creating' }],
    ]);

    const li = await api.token('li.lei', ['sales']);
    const complete = (variables: object) =>
      api.call('POST', `/tasks/${enc(task.taskId)}/complete`, { token: li, body: { variables } });
    const denied = await complete({ approved: false });
    expect(denied.status).toBe(409);
    expect(denied.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'TASK.COMPLETION_DENIED',
      message: expect.stringContaining('an approval needs approved = true'),
      details: { deniedReason: 'an approval needs approved = true' },
    });
    expect(heard.at(-1)).toMatchObject({
      taskType: 'approval-check',
      variables: { amount: 9, approved: false },
      userTask: { taskId: task.taskId, assignee: 'li.lei' },
    });
    expect((await open()).body.items).toEqual([
      expect.objectContaining({ taskId: task.taskId, state: 'open' }),
    ]);
    const stillActive = await api.call('GET', `/process-instances/${enc(id)}`, { token: owner });
    expect(stillActive.body).toMatchObject({ state: 'ACTIVE', variables: { amount: 9 } });

    const done = await complete({ approved: true });
    expect(done.status).toBe(200);
    const finished = await eventually(
      () => api.call('GET', `/process-instances/${enc(id)}`, { token: owner }),
      (r) => r.body.state === 'COMPLETED',
    );
    // The end listener's variable is local to the task: it does not reach the process.
    expect(finished.body.variables).toEqual({ amount: 9, approved: true });
    expect(heard.map((j) => j.taskType)).toEqual([
      'approval-assign',
      'approval-check',
      'approval-check',
      'approval-audit',
    ]);
    expect(heard.at(-1)?.variables).toMatchObject({ approved: true });
    // A real server's history with denied and accepted completeTask Updates, for the replay test.
    await maybeRecordHistory('dev-server-task-listeners', api.env.client.workflow.getHandle(id));
  });
});
