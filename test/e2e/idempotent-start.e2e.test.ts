/**
 * POST /api/process-instances with an Idempotency-Key (issue 12 §3): a retried start after a
 * lost answer, after the instance ended, at the same moment, or after the API died between
 * Temporal's start and its record, answers the same instance and starts one run only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyedStartRequest, startRequestId } from '../../api/process-instances/keyed-start.service';
import { StartInstanceService } from '../../api/process-instances/start-instance.service';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('Idempotency-Key on POST /api/process-instances (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let service: string;
  let owner: string;
  let sales: string;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp-bridge', ['service']);
    sales = await api.token('li.lei', ['sales']);
    const deployed = await api.call('POST', '/process-definitions', {
      token: owner,
      body: fixture('Approval.user-task.bpmn'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
  });
  afterAll(() => api?.close());

  const body = (businessKey: string, variables: Record<string, unknown> = { amount: 1 }) => ({
    processId: 'approval',
    businessKey,
    variables,
  });
  const start = (key: string | undefined, request: object, token = service) =>
    api.call('POST', '/process-instances', {
      token,
      body: request,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  /** Every run Temporal has under the workflow id (visibility, so asked until it lists them). */
  const runs = async (workflowId: string, atLeast = 1) =>
    (
      await eventually(
        async () => {
          const ids: string[] = [];
          for await (const e of api.env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
            ids.push(e.runId);
          return ids;
        },
        (ids) => ids.length >= atLeast,
      )
    ).sort();
  const openTasks = async (instanceId: string) =>
    (
      await eventually(
        () => api.call('GET', `/tasks?instanceId=${enc(instanceId)}&state=open`, { token: owner }),
        (r) => r.body.items?.length > 0,
      )
    ).body.items;

  const completeTask = async (taskId: string) =>
    expect(
      (await api.call('POST', `/tasks/${enc(taskId)}/complete`, { token: sales, body: { variables: {} } }))
        .status,
    ).toBe(200);

  it('the same request with the same key twice: the same 201, one instance and one task', async () => {
    const first = await start('order-1', body('IDEM-1'));
    expect(first).toMatchObject({ status: 201, body: { instanceId: 'approval/IDEM-1', version: 1 } });
    const again = await start('order-1', body('IDEM-1'));
    expect(again).toEqual(first);
    // Without a key the same start is the known conflict.
    expect(await start(undefined, body('IDEM-1'))).toMatchObject({
      status: 409,
      body: { code: 'INSTANCE.ALREADY_RUNNING' },
    });
    expect(await runs('approval/IDEM-1')).toHaveLength(1);
    expect(await openTasks('approval/IDEM-1')).toHaveLength(1);
    const audit = await api.call('GET', `/audit?instanceId=${enc('approval/IDEM-1')}&action=start`, {
      token: owner,
    });
    expect(audit.body.items).toHaveLength(1);
  });

  it('a retry after the instance ended answers the same instance and starts nothing new', async () => {
    const first = await start('order-2', body('IDEM-2'));
    expect(first.status).toBe(201);
    const [task] = await openTasks(first.body.instanceId);
    await completeTask(task.taskId);
    await api.env.client.workflow.getHandle(first.body.instanceId).result();
    expect(await start('order-2', body('IDEM-2'))).toEqual(first);
    const description = await api.env.client.workflow.getHandle(first.body.instanceId).describe();
    expect(description.status.name).toBe('COMPLETED');
    expect(await runs(first.body.instanceId)).toHaveLength(1);
  });

  it('another request under a used key is 409 and starts nothing', async () => {
    expect((await start('order-3', body('IDEM-3'))).status).toBe(201);
    const other = await start('order-3', body('IDEM-3-OTHER'));
    expect(other).toMatchObject({
      status: 409,
      body: {
        statusCode: 409,
        code: 'INSTANCE.IDEMPOTENCY_KEY_REUSED',
        details: { idempotencyKey: 'order-3' },
      },
    });
    const changed = await start('order-3', body('IDEM-3', { amount: 2 }));
    expect(changed.status).toBe(409);
    expect(
      (await api.call('GET', `/process-instances/${enc('approval/IDEM-3-OTHER')}`, { token: owner })).status,
    ).toBe(404);
  });

  it('keys belong to their caller: another user with the same key starts its own instance', async () => {
    const other = await api.token('li.lei', ['service']);
    expect((await start('shared-key', body('IDEM-4A'))).status).toBe(201);
    expect((await start('shared-key', body('IDEM-4B'), other)).status).toBe(201);
  });

  it('five retries at the same moment: all the same 201, one run', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => start('order-5', body('IDEM-5'))));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.instanceId))).toEqual(new Set(['approval/IDEM-5']));
    expect(await runs('approval/IDEM-5')).toHaveLength(1);
  });

  it.each([
    ['running', false],
    ['ended', true],
  ])(
    'the API died after Temporal started the instance and before it kept the answer (%s): the retry gets that run',
    async (_state, complete) => {
      const key = `crash-${_state}`;
      const request = body(`IDEM-CRASH-${_state}`);
      // What the dead API had done: Temporal's start with the key's request id, and nothing in the database.
      await api.app
        .get(StartInstanceService)
        .start(
          request,
          { user: 'erp-bridge', groups: ['service'] },
          startRequestId('erp-bridge', key, keyedStartRequest(request)),
        );
      const handle = api.env.client.workflow.getHandle(`approval/${request.businessKey}`);
      const { runId } = await handle.describe();
      if (complete) {
        const [task] = await openTasks(handle.workflowId);
        await completeTask(task.taskId);
        await handle.result();
      }
      const retried = await start(key, request);
      expect(retried).toMatchObject({ status: 201, body: { instanceId: handle.workflowId } });
      expect((await handle.describe()).runId).toBe(runId);
      expect(await runs(handle.workflowId)).toEqual([runId]);
    },
  );

  it('an empty key or one over 200 characters is 400', async () => {
    const res = await start('', body('IDEM-6'));
    expect(res).toMatchObject({ status: 400, body: { code: 'REQUEST.BAD_IDEMPOTENCY_KEY' } });
    expect((await start('k'.repeat(201), body('IDEM-6'))).status).toBe(400);
  });
});
