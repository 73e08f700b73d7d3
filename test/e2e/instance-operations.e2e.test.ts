/**
 * Modification and migration of single instances over HTTP, against a real Temporal dev
 * server: a token moved past a stuck service task, an invalid modification refused with
 * nothing changed, a user-task instance migrated to v2 (renamed task mapped, a task added
 * after it), its task record kept. The runs are recorded for the replay test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { maybeRecordHistory } from '../workflow/support/histories';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'operations', name), 'utf8');
const enc = encodeURIComponent;

describe('instance modification and migration (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let owner: string;
  let sales: string;
  let manager: string;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    sales = await api.token('li.na', ['sales']);
    manager = await api.token('zhao.lei', ['manager']);
  });
  afterAll(() => api?.close());

  const deploy = (name: string) =>
    api.call('POST', '/process-definitions', {
      token: owner,
      body: fixture(name),
      contentType: 'application/xml',
    });
  const start = (processId: string, businessKey: string, variables: object = {}) =>
    api.call('POST', '/process-instances', { token: owner, body: { processId, businessKey, variables } });
  const instance = (id: string) => api.call('GET', `/process-instances/${enc(id)}`, { token: owner });
  const timeline = (id: string) =>
    api.call('GET', `/process-instances/${enc(id)}/timeline`, { token: owner });
  const openTasks = (id: string) =>
    eventually(
      () => api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner }),
      (r) => r.body.items?.length > 0,
    );
  const complete = (taskId: string, token: string) =>
    api.call('POST', `/tasks/${enc(taskId)}/complete`, { token, body: { variables: {} } });
  const modify = (id: string, body: object, token = owner) =>
    api.call('POST', `/process-instances/${enc(id)}/modification`, { token, body });
  const finished = (id: string) =>
    eventually(
      () => instance(id),
      (r) => r.body.state !== 'ACTIVE',
    );

  it('moves a token past a stuck service task, and the instance completes', async () => {
    expect((await deploy('Charge.stuck-service.bpmn')).status).toBe(201);
    const { instanceId } = (await start('charge-ops', 'C-1', { amount: 5 })).body;
    await eventually(
      () => instance(instanceId),
      (r) => r.body.activeElements?.includes('charge'),
    );

    const forbidden = await modify(
      instanceId,
      { move: [{ fromElementId: 'charge', toElementId: 'confirm' }] },
      sales,
    );
    expect(forbidden.status).toBe(403);

    const moved = await modify(instanceId, { move: [{ fromElementId: 'charge', toElementId: 'confirm' }] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ instanceId, state: 'ACTIVE', activeElements: ['confirm'] });
    const [task] = (await openTasks(instanceId)).body.items;
    expect(task).toMatchObject({ elementId: 'confirm' });
    expect((await complete(task.taskId, sales)).status).toBe(200);
    const done = await finished(instanceId);
    expect(done.body.state).toBe('COMPLETED');
    const events = (await timeline(instanceId)).body.map(
      (e: { elementId: string; event: string }) => `${e.elementId}:${e.event}`,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        'charge-ops:modified',
        'charge:terminated',
        'confirm:completed',
        'end:completed',
      ]),
    );
    expect(events).not.toContain('charge:completed');
    await maybeRecordHistory('dev-server-modified-instance', api.env.client.workflow.getHandle(instanceId));
  });

  it('refuses an invalid modification with 400 naming the element, and changes nothing', async () => {
    const { instanceId } = (await start('charge-ops', 'C-2')).body;
    const before = await eventually(
      () => instance(instanceId),
      (r) => r.body.activeElements?.includes('charge'),
    );
    const beforeTimeline = (await timeline(instanceId)).body;
    const cases: [object, string, string][] = [
      [{ activate: [{ elementId: 'start' }] }, 'MODIFICATION.START_EVENT', 'start'],
      [
        { move: [{ fromElementId: 'charge', toElementId: 'confirm' }], activate: [{ elementId: 'nowhere' }] },
        'MODIFICATION.UNKNOWN_ELEMENT',
        'nowhere',
      ],
      [{ terminate: [{ elementId: 'confirm' }] }, 'MODIFICATION.NO_TOKEN', 'confirm'],
    ];
    for (const [body, code, elementId] of cases) {
      const res = await modify(instanceId, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, details: { elementId } });
      expect(res.body.message).toContain(elementId);
    }
    const after = await instance(instanceId);
    expect(after.body.activeElements).toEqual(before.body.activeElements);
    expect(after.body.variables).toEqual(before.body.variables);
    expect((await timeline(instanceId)).body).toEqual(beforeTimeline);
    expect(
      (await api.call('POST', `/process-instances/${enc(instanceId)}/cancel`, { token: owner })).status,
    ).toBe(202);
  });

  it('migrates a waiting user-task instance to v2: same task id and record, continues on v2 and completes', async () => {
    expect((await deploy('Order.v1.bpmn')).body.version).toBe(1);
    const a = (await start('order-ops', 'O-1', { orderNo: 'O-1' })).body.instanceId;
    const b = (await start('order-ops', 'O-2')).body.instanceId;
    const [taskA] = (await openTasks(a)).body.items;
    await openTasks(b);
    expect((await deploy('Order.v2.bpmn')).body.version).toBe(2);

    const validate = (body: object) =>
      api.call('POST', '/process-definitions/order-ops/versions/1/migration-plan/validate', {
        token: owner,
        body,
      });
    const unmapped = await validate({ targetVersion: 2, mappings: [], instanceIds: [a] });
    expect(unmapped.body.valid).toBe(false);
    expect(unmapped.body.problems).toEqual([
      expect.objectContaining({ elementId: 'review', problem: 'unmapped' }),
      expect.objectContaining({ elementId: 'review', problem: 'unmapped', instanceId: a }),
    ]);
    const mappings = [{ sourceElementId: 'review', targetElementId: 'check' }];
    expect((await validate({ targetVersion: 2, mappings })).body).toEqual({
      valid: true,
      problems: [],
      mappings,
    });

    // Without the mapping the instance refuses, naming the element; it stays on v1.
    const refused = await api.call('POST', `/process-instances/${enc(b)}/migration`, {
      token: owner,
      body: { targetVersion: 2 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'MIGRATION.INVALID',
      details: { problems: [{ elementId: 'review' }] },
    });
    expect((await instance(b)).body).toMatchObject({ version: 1, activeElements: ['review'] });

    const migrated = await api.call('POST', `/process-instances/${enc(a)}/migration`, {
      token: owner,
      body: { targetVersion: 2, mappings },
    });
    expect(migrated.status).toBe(200);
    expect(migrated.body).toMatchObject({ version: 2, fromVersion: 1, activeElements: ['check'] });
    expect((await instance(a)).body).toMatchObject({ version: 2, activeElements: ['check'] });
    const record = await eventually(
      () => api.call('GET', `/tasks/${enc(taskA.taskId)}`, { token: owner }),
      (r) => r.body.elementId === 'check',
    );
    expect(record.body).toMatchObject({
      taskId: taskA.taskId,
      name: 'Check order',
      version: 2,
      state: 'open',
    });
    const listed = await api.call('GET', `/process-instances?processId=order-ops&state=ACTIVE`, {
      token: owner,
    });
    expect(listed.body.items.find((i: { instanceId: string }) => i.instanceId === a)?.version).toBe(2);

    expect((await complete(taskA.taskId, sales)).status).toBe(200);
    const approve = await eventually(
      () => api.call('GET', `/tasks?instanceId=${enc(a)}&state=open`, { token: owner }),
      (r) => r.body.items?.[0]?.elementId === 'approve',
    );
    expect((await complete(approve.body.items[0].taskId, manager)).status).toBe(200);
    expect((await finished(a)).body.state).toBe('COMPLETED');
    const events = (await timeline(a)).body.map(
      (e: { elementId: string; event: string }) => `${e.elementId}:${e.event}`,
    );
    expect(events).toEqual([
      'order-ops:started',
      'start:started',
      'start:completed',
      'review:started',
      'review:task-created',
      'order-ops:migrated',
      'check:task-completed',
      'check:completed',
      'approve:started',
      'approve:task-created',
      'approve:task-completed',
      'approve:completed',
      'end:started',
      'end:completed',
      'order-ops:completed',
    ]);
    await maybeRecordHistory('dev-server-migrated-instance', api.env.client.workflow.getHandle(a));
    expect((await api.call('POST', `/process-instances/${enc(b)}/cancel`, { token: owner })).status).toBe(
      202,
    );
  });

  it('migrates an instance with a token waiting at a parallel join: it fires on v2 when the other branch arrives', async () => {
    expect((await deploy('Split.v1.bpmn')).body.version).toBe(1);
    const id = (await start('split-ops', 'S-1')).body.instanceId;
    const tasks = await eventually(
      () => api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner }),
      (r) => r.body.items?.length === 2,
    );
    const byElement = (items: { elementId: string; taskId: string }[], elementId: string) =>
      items.find((t) => t.elementId === elementId)!.taskId;
    expect((await complete(byElement(tasks.body.items, 'pack'), sales)).status).toBe(200);
    await eventually(
      () => instance(id),
      (r) => r.body.activeElements?.join() === 'invoice',
    );
    expect((await deploy('Split.v2.bpmn')).body.version).toBe(2);
    const migrated = await api.call('POST', `/process-instances/${enc(id)}/migration`, {
      token: owner,
      body: { targetVersion: 2 },
    });
    expect(migrated.status).toBe(200);
    expect(migrated.body).toMatchObject({ version: 2, fromVersion: 1, activeElements: ['invoice'] });
    expect((await complete(byElement(tasks.body.items, 'invoice'), sales)).status).toBe(200);
    // The join fired once, on v2: the task v2 added after it is open.
    const ship = await eventually(
      () => api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner }),
      (r) => r.body.items?.[0]?.elementId === 'ship',
    );
    expect(ship.body.items).toHaveLength(1);
    expect((await complete(ship.body.items[0].taskId, manager)).status).toBe(200);
    expect((await finished(id)).body.state).toBe('COMPLETED');
    const joins = (await timeline(id)).body.filter(
      (e: { elementId: string; event: string }) => e.elementId === 'join' && e.event === 'completed',
    );
    expect(joins).toHaveLength(1);
  });
});
