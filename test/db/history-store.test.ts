/**
 * The system of record end to end on a real Temporal dev server, on SQLite and PostgreSQL:
 * instances run through the real worker and exporter; every read comes from the store;
 * heatmap counts match what was done over more instances than a page holds; the audit
 * trail names the signed-in users; an instance deleted from Temporal stays readable.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import { temporalCliPath } from '../../scripts/temporal-binaries';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';

jest.setTimeout(400_000);

const enc = encodeURIComponent;
const N = 60; // more than the default page (50)
const COMPLETE = 30;
const CANCEL = 5;

describe.each(testDatabases())('history store on %s (Temporal dev server)', (name, database) => {
  let api: ApiHarness;
  let owner: string;
  let service: string;
  let sales: string;
  let admin: string;
  const suffix = `${name}${Date.now().toString(36)}`;
  const parent = `history-parent-${suffix}`;
  const child = `history-child-${suffix}`;
  const ids = Array.from({ length: N }, (_, i) => `${parent}/bk-${i}`);

  const get = (path: string, token = owner) => api.call('GET', path, { token });
  const list = (query: string) => get(`/process-instances?processId=${parent}&${query}`);

  beforeAll(async () => {
    api = await startApiHarness(
      database.kind === 'postgres' ? { DATABASE_URL: database.url, DEV_AUTH: 'true' } : {},
    );
    owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp-bridge', ['service']);
    sales = await api.token('li.na', ['sales']);
    admin = await api.token('zhang.wei', ['admin']);
    const fixture = (f: string) =>
      readFileSync(join(__dirname, '..', 'fixtures', 'e2e', f), 'utf8')
        .replaceAll('history-parent', parent)
        .replaceAll('history-child', child);
    for (const f of ['History.child-script.bpmn', 'History.parent-call.bpmn'])
      expect(
        (
          await api.call('POST', '/process-definitions', {
            token: owner,
            body: fixture(f),
            contentType: 'application/xml',
          })
        ).status,
      ).toBe(201);
    for (let i = 0; i < N; i++) {
      const res = await api.call('POST', '/process-instances', {
        token: service,
        body: {
          processId: parent,
          businessKey: `bk-${i}`,
          variables: { amount: i, customer: i % 2 ? 'ACME' : 'BOSCH' },
        },
      });
      expect(res.status).toBe(201);
    }
    // Every instance reaches its user task (after the called process); the store shows it without asking Temporal.
    await eventually(
      () => list('activeElement=approve&limit=100'),
      (r) => r.body.items?.length === N,
      120_000,
    );
    for (let i = 0; i < COMPLETE; i++) {
      const tasks = await get(`/tasks?instanceId=${enc(ids[i])}&state=open`);
      const res = await api.call('POST', `/tasks/${enc(tasks.body.items[0].taskId)}/complete`, {
        token: sales,
        body: { variables: { approved: i % 3 === 0 } },
      });
      expect(res.status).toBe(200);
    }
    for (let i = COMPLETE; i < COMPLETE + CANCEL; i++)
      expect(
        (await api.call('POST', `/process-instances/${enc(ids[i])}/cancel`, { token: admin })).status,
      ).toBe(202);
    await eventually(
      () => get(`/process-definitions/${parent}/statistics`),
      (r) => r.body.completedInstances === COMPLETE && r.body.terminatedInstances === CANCEL,
      120_000,
    );
  });
  afterAll(() => api?.close());

  it('heatmap counts over all instances equal what was done, with durations', async () => {
    const stats = (await get(`/process-definitions/${parent}/statistics?version=1`)).body;
    expect(stats).toMatchObject({
      processId: parent,
      version: 1,
      instances: N,
      running: N - COMPLETE - CANCEL,
      completedInstances: COMPLETE,
      terminatedInstances: CANCEL,
    });
    const el = (id: string) => stats.elements.find((e: { elementId: string }) => e.elementId === id);
    expect(el('approve')).toMatchObject({
      active: N - COMPLETE - CANCEL,
      completed: COMPLETE,
      instancesPassed: COMPLETE,
      terminated: CANCEL,
    });
    expect(el('approve').meanDurationMs).toBeGreaterThan(0);
    expect(el('approve').p90DurationMs).toBeGreaterThanOrEqual(el('approve').meanDurationMs * 0.5);
    expect(el('prepare')).toMatchObject({ completed: N, active: 0 });
    expect(el('end')).toMatchObject({ completed: COMPLETE });
    // The truth from Temporal: its visibility catches up with the closes a moment later.
    const running = await eventually(
      () => api.env.client.workflow.count(`BpmnProcessId = '${parent}' AND ExecutionStatus = 'Running'`),
      (c) => c.count === N - COMPLETE - CANCEL,
      30_000,
    );
    expect(running.count).toBe(stats.running);
  });

  it('lists in pages of 50 and searches by state, element, incident flag and variables', async () => {
    const first = (await list('limit=50')).body;
    expect(first.items).toHaveLength(50);
    const second = (await list(`limit=50&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(N - 50);
    expect(second.nextCursor).toBeUndefined();
    const all = [...first.items, ...second.items].map((i: { instanceId: string }) => i.instanceId);
    expect(new Set(all).size).toBe(N);
    expect((await list('state=ACTIVE&limit=100')).body.items).toHaveLength(N - COMPLETE - CANCEL);
    expect((await list('state=TERMINATED')).body.items).toHaveLength(CANCEL);
    expect((await list('variables=customer=ACME&limit=100')).body.items).toHaveLength(N / 2);
    const one = (await list('variables=customer=ACME&variables=amount=7')).body.items;
    expect(one.map((i: { instanceId: string }) => i.instanceId)).toEqual([ids[7]]);
    expect((await list('variables=approved=true&limit=100')).body.items).toHaveLength(COMPLETE / 3);
    expect((await list('hasIncident=true')).body.items).toHaveLength(0);
    const from = new Date(Date.now() - 3600_000).toISOString();
    expect((await list(`endedFrom=${from}&limit=100`)).body.items).toHaveLength(COMPLETE + CANCEL);
    expect((await list('variables=nonsense')).status).toBe(400);
    expect((await list('cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('shows an instance with variables, called instance and a timeline naming who did the human step', async () => {
    const detail = (await get(`/process-instances/${enc(ids[3])}`)).body;
    expect(detail).toMatchObject({
      instanceId: ids[3],
      state: 'COMPLETED',
      variables: { amount: 3, customer: 'ACME', doubled: 6, approved: true },
      completedElements: expect.arrayContaining([{ elementId: 'approve', count: 1 }]),
      activeElements: [],
      openTasks: [],
    });
    expect(detail.calledInstances).toEqual([
      expect.objectContaining({ processId: child, state: 'COMPLETED' }),
    ]);
    const open = (await get(`/process-instances/${enc(ids[N - 1])}`)).body;
    expect(open.activeElements).toEqual(['approve']);
    expect(open.openTasks).toEqual([
      expect.objectContaining({ elementId: 'approve', candidateGroups: ['sales'] }),
    ]);

    const timeline = (await get(`/process-instances/${enc(ids[3])}/timeline`)).body;
    expect(timeline.find((e: any) => e.event === 'task-completed')).toMatchObject({
      elementId: 'approve',
      actor: 'li.na',
    });
    const compute = timeline.find((e: any) => e.elementId === 'compute');
    expect(compute.instanceId).toBe(detail.calledInstances[0].instanceId);
    expect(timeline.map((e: any) => e.at)).toEqual([...timeline.map((e: any) => e.at)].sort());
  });

  it('keeps an audit trail naming the signed-in users', async () => {
    const trail = (await get(`/audit?instanceId=${enc(ids[3])}`)).body.items;
    expect(trail.map((a: any) => `${a.action}:${a.user}`).sort()).toEqual([
      'start:erp-bridge',
      'task-complete:li.na',
    ]);
    const cancelled = (await get(`/audit?instanceId=${enc(ids[COMPLETE])}`)).body.items;
    expect(cancelled.map((a: any) => `${a.action}:${a.user}`)).toEqual([
      'cancel:zhang.wei',
      'start:erp-bridge',
    ]);
    expect((await get(`/process-instances/${enc(ids[COMPLETE])}`)).body.cancelledBy).toBe('zhang.wei');
    const deploys = (await get(`/audit?user=wang.fang&action=deploy`)).body.items;
    expect(deploys.map((a: any) => a.processId)).toEqual(expect.arrayContaining([parent, child]));
    const page = (await get(`/audit?user=li.na&action=task-complete&limit=20`)).body;
    expect(page.items).toHaveLength(20);
    const rest = (await get(`/audit?user=li.na&action=task-complete&limit=20&cursor=${page.nextCursor}`))
      .body;
    expect(rest.items.length).toBeGreaterThanOrEqual(COMPLETE - 20);
    expect((await get('/audit?action=nonsense')).status).toBe(400);
  });

  it('still shows an instance deleted from Temporal: view, timeline, actors and heatmap contribution', async () => {
    const id = ids[6];
    const before = {
      detail: (await get(`/process-instances/${enc(id)}`)).body,
      timeline: (await get(`/process-instances/${enc(id)}/timeline`)).body,
      stats: (await get(`/process-definitions/${parent}/statistics`)).body,
    };
    execFileSync(temporalCliPath()!, [
      'workflow',
      'delete',
      '--workflow-id',
      id,
      '--address',
      api.env.address,
      '--namespace',
      api.config.temporal.namespace,
    ]);
    await eventually(
      () =>
        api.env.client.workflow
          .getHandle(id)
          .describe()
          .then(
            () => 'exists',
            (e) => (e instanceof WorkflowNotFoundError ? 'gone' : String(e)),
          ),
      (v) => v === 'gone',
      60_000,
    );
    expect((await get(`/process-instances/${enc(id)}`)).body).toEqual(before.detail);
    const timeline = (await get(`/process-instances/${enc(id)}/timeline`)).body;
    expect(timeline).toEqual(before.timeline);
    expect(timeline.some((e: any) => e.actor === 'li.na')).toBe(true);
    expect((await get(`/process-definitions/${parent}/statistics`)).body).toEqual(before.stats);
    expect((await list(`businessKey=bk-6`)).body.items).toEqual([
      expect.objectContaining({ instanceId: id, state: 'COMPLETED' }),
    ]);
  });
});
