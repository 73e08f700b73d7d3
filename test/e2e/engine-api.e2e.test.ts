/**
 * The engine API over HTTP, against a real Temporal dev server, a real SQLite database, the
 * engine worker, and (for external job types) a second worker in its own process.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { TimerStartSchedules } from '../../api/process-definitions/timer-start-schedules.service';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { maybeRecordHistory } from '../workflow/support/histories';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('engine API (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let owner: string;
  let service: string;

  beforeAll(async () => {
    api = await startApiHarness({ JOB_WORKER_TIMEOUT_SECONDS: '3' });
    owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp-bridge', ['service']);
  });
  afterAll(() => api?.close());

  const deploy = (xml: string, token = owner) =>
    api.call('POST', '/process-definitions', { token, body: xml, contentType: 'application/xml' });
  const start = (processId: string, businessKey: string, variables: object = {}, token = service) =>
    api.call('POST', '/process-instances', { token, body: { processId, businessKey, variables } });
  const instance = (id: string) => api.call('GET', `/process-instances/${enc(id)}`, { token: owner });
  const openTasks = (id: string) =>
    api.call('GET', `/tasks?instanceId=${enc(id)}&state=open`, { token: owner });

  describe('deploying', () => {
    it('rejects an unsupported element with its id and stores nothing', async () => {
      const before = (await api.call('GET', '/process-definitions', { token: owner })).body;
      const res = await deploy(fixture('Broken.unsupported.bpmn'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ elementId: 'complex', rule: expect.any(String) })]),
      );
      expect((await api.call('GET', '/process-definitions', { token: owner })).body).toEqual(before);
    });

    it('rejects hostile XML (DOCTYPE / entities) with 400', async () => {
      const xml =
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&a;</bpmn:definitions>';
      const res = await deploy(xml);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        rule: expect.any(String),
        message: expect.stringMatching(/DOCTYPE|entit/i),
      });
    });

    it('versions changed XML, returns the existing version for identical XML, and warns about external job types', async () => {
      const xml = fixture('Approval.user-task.bpmn');
      const first = await deploy(xml);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        processId: 'approval',
        version: 1,
        processes: [{ processId: 'approval', version: 1 }],
      });
      const again = await deploy(xml);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(1);
      const changed = await deploy(xml.replace('name="Approve request"', 'name="Approve the request"'));
      expect(changed.status).toBe(201);
      expect(changed.body.version).toBe(2);
      const v1 = await api.call('GET', '/process-definitions/approval/versions/1', { token: owner });
      expect(v1.body.xml).toBe(xml);

      const pricing = await deploy(fixture('Pricing.external-job.bpmn'));
      expect(pricing.body.warnings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            elementId: 'price',
            message: expect.stringContaining('bpmn-jobs-erp-price'),
          }),
        ]),
      );
    });

    it('needs process-owner or admin to deploy', async () => {
      expect((await deploy(fixture('Approval.user-task.bpmn'), service)).status).toBe(403);
      expect((await api.call('POST', '/process-definitions', { body: { xml: 'x' } })).status).toBe(401);
    });
  });

  describe('instances and user tasks', () => {
    beforeAll(async () => {
      await deploy(fixture('Review.form-task.bpmn'));
      const form = await api.call('POST', '/forms', {
        token: owner,
        body: JSON.parse(fixture('review-form.form')),
      });
      expect(form.status).toBe(201);
    });

    it('starts an instance, refuses the same business key while it runs (409 with its id), and keeps its version', async () => {
      const started = await start('approval', 'A-1', { amount: 3 });
      expect(started.status).toBe(201);
      expect(started.body).toEqual({ instanceId: 'approval/A-1', processId: 'approval', version: 2 });
      const dup = await start('approval', 'A-1');
      expect(dup.status).toBe(409);
      expect(dup.body.details).toEqual({ instanceId: 'approval/A-1' });
      const pinned = await api.call('POST', '/process-instances', {
        token: service,
        body: { processId: 'approval', version: 1, businessKey: 'A-old' },
      });
      expect(pinned.body.version).toBe(1);
      await deploy(fixture('Approval.user-task.bpmn').replace('Approve request', 'Approve v3'));
      const snapshot = await eventually(
        () => instance('approval/A-old'),
        (r) => r.body.activeElements?.includes('approve'),
      );
      expect(snapshot.body).toMatchObject({ processId: 'approval', version: 1, state: 'ACTIVE' });
    });

    it('only a starter group may start (403 for others)', async () => {
      const sales = await api.token('li.lei', ['sales']);
      const res = await start('approval', 'A-2', {}, sales);
      expect(res.status).toBe(403);
    });

    it('completes a task only for candidates, with valid form data, once', async () => {
      const id = (await start('form-review', 'R-1', { contractNo: 'R-1' })).body.instanceId;
      const tasks = await eventually(
        () => openTasks(id),
        (r) => r.body.items.length === 1,
      );
      const task = tasks.body.items[0];
      expect(task).toMatchObject({
        elementId: 'review',
        candidateGroups: ['rnd', 'production'],
        formId: 'review-form',
        state: 'open',
      });
      const detail = await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner });
      expect(detail.body.form.schema.id).toBe('review-form');
      expect(detail.body.variables).toEqual({ contractNo: 'R-1' });

      const sales = await api.token('li.lei', ['sales']);
      const rnd = await api.token('zhang.wei', ['rnd']);
      const complete = (token: string, variables: object) =>
        api.call('POST', `/tasks/${enc(task.taskId)}/complete`, { token, body: { variables } });

      const notCandidate = await complete(sales, { verdict: 'accept' });
      expect(notCandidate.status).toBe(403);
      const invalid = await complete(rnd, { verdict: 'maybe' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.details.fields).toEqual([expect.objectContaining({ field: 'verdict' })]);
      const missing = await complete(rnd, { comments: 'ok' });
      expect(missing.status).toBe(400);

      const done = await complete(rnd, { verdict: 'accept', comments: '可以' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ taskId: task.taskId, completedAt: expect.any(String) });
      const twice = await complete(rnd, { verdict: 'accept' });
      expect(twice.status).toBe(409);

      const finished = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(finished.body.variables).toMatchObject({
        contractNo: 'R-1',
        verdict: 'accept',
        comments: '可以',
      });
      // A real server's history with a completeTask Update, for the replay test.
      await maybeRecordHistory('dev-server-user-task-update', api.env.client.workflow.getHandle(id));
      expect(finished.body.completedElements).toEqual(
        expect.arrayContaining([{ elementId: 'review', count: 1 }]),
      );
      const timeline = await api.call('GET', `/process-instances/${enc(id)}/timeline`, { token: owner });
      const events = timeline.body.map(
        (e: { elementId: string; event: string }) => `${e.elementId}:${e.event}`,
      );
      expect(events).toEqual(
        expect.arrayContaining(['review:task-created', 'review:task-completed', 'end:completed']),
      );
      expect(timeline.body.find((e: { event: string }) => e.event === 'task-completed').actor).toBe(
        'zhang.wei',
      );
      const closed = await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner });
      expect(closed.body).toMatchObject({ state: 'completed', completedBy: 'zhang.wei' });
    });

    it('cancels an instance: it ends TERMINATED, its open task is cancelled and can no longer be completed', async () => {
      const id = (await start('form-review', 'R-2')).body.instanceId;
      const task = (
        await eventually(
          () => openTasks(id),
          (r) => r.body.items.length === 1,
        )
      ).body.items[0];
      expect((await api.call('POST', `/process-instances/${enc(id)}/cancel`, { token: owner })).status).toBe(
        202,
      );
      await eventually(
        () => instance(id),
        (r) => r.body.state === 'TERMINATED',
      );
      await eventually(
        () => api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner }),
        (r) => r.body.state === 'cancelled',
      );
      const rnd = await api.token('zhang.wei', ['rnd']);
      const late = await api.call('POST', `/tasks/${enc(task.taskId)}/complete`, {
        token: rnd,
        body: { variables: { verdict: 'accept' } },
      });
      expect(late.status).toBe(409);
    });

    it('lists instances with filters and cursor paging', async () => {
      for (const key of ['L-1', 'L-2', 'L-3']) await start('form-review', key);
      const all = await eventually(
        () =>
          api.call('GET', '/process-instances?processId=form-review&state=ACTIVE&limit=50', { token: owner }),
        (r) =>
          r.body.items.filter((i: { businessKey: string }) => i.businessKey.startsWith('L-')).length === 3,
      );
      expect(
        all.body.items.every(
          (i: { state: string; processId: string }) => i.state === 'ACTIVE' && i.processId === 'form-review',
        ),
      ).toBe(true);
      const page1 = await api.call('GET', '/process-instances?processId=form-review&state=ACTIVE&limit=2', {
        token: owner,
      });
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await api.call(
        'GET',
        `/process-instances?processId=form-review&state=ACTIVE&limit=2&cursor=${page1.body.nextCursor}`,
        { token: owner },
      );
      const ids = [...page1.body.items, ...page2.body.items].map((i: { instanceId: string }) => i.instanceId);
      expect(new Set(ids).size).toBe(ids.length);
      const byKey = await api.call('GET', '/process-instances?businessKey=L-2', { token: owner });
      expect(byKey.body.items.map((i: { instanceId: string }) => i.instanceId)).toEqual(['form-review/L-2']);
      const bad = await api.call('GET', '/process-instances?limit=0', { token: owner });
      expect(bad.status).toBe(400);
    });
  });

  describe('heatmap statistics', () => {
    it('counts, per element, the instances active there and the completions', async () => {
      const stats = await api.call('GET', '/process-definitions/form-review/statistics', { token: owner });
      expect(stats.status).toBe(200);
      const review = stats.body.elements.find((e: { elementId: string }) => e.elementId === 'review');
      const end = stats.body.elements.find((e: { elementId: string }) => e.elementId === 'end');
      // R-1 completed; R-2 was cancelled at the task; L-1..L-3 wait at it.
      expect(review).toMatchObject({ active: 3, completed: 1 });
      expect(end).toMatchObject({ active: 0, completed: 1, instancesPassed: 1 });
      expect(stats.body).toMatchObject({ processId: 'form-review', instances: 5, running: 3 });
    });
  });

  describe('timer start events', () => {
    it('deploying creates a Temporal Schedule that starts instances; a version without the timer removes it', async () => {
      const xml = fixture('Reminder.timer-start.bpmn');
      expect((await deploy(xml)).status).toBe(201);
      const schedule = api.env.client.schedule.getHandle('bpmn-timer-start/reminder/every2s');
      expect((await schedule.describe()).state.remainingActions).toBe(3);
      const started = await eventually(
        () => api.call('GET', '/process-instances?processId=reminder&state=COMPLETED', { token: owner }),
        (r) => r.body.items.length >= 2,
        20_000,
      );
      const first = await instance(started.body.items[0].instanceId);
      expect(first.body).toMatchObject({
        processId: 'reminder',
        version: 1,
        variables: { status: 'reminded' },
      });
      expect(first.body.completedElements).toEqual(
        expect.arrayContaining([{ elementId: 'every2s', count: 1 }]),
      );

      // A schedule lost (say, Temporal was unreachable at deploy) comes back when the API starts.
      await schedule.delete();
      const schedules = api.app.get(TimerStartSchedules);
      expect(await schedules.reconcileAll()).toEqual(['bpmn-timer-start/reminder/every2s']);
      expect(await schedules.reconcileAll()).toEqual([]);

      const manual = xml.replace(/<bpmn:timerEventDefinition>.*<\/bpmn:timerEventDefinition>/, '');
      expect((await deploy(manual)).body.version).toBe(2);
      await expect(schedule.describe()).rejects.toThrow();
      expect(await schedules.reconcileAll()).toEqual([]);
      await expect(schedule.describe()).rejects.toThrow();
    });
  });

  describe('messages', () => {
    beforeAll(async () => {
      await deploy(fixture('Confirmation.message-catch.bpmn'));
    });

    it('correlates a message to the instance waiting with that key, and 404s a message nobody waits for', async () => {
      const id = (await start('confirmation', 'C-9', { contractNo: 'C-9' })).body.instanceId;
      await eventually(
        () => instance(id),
        (r) => r.body.activeElements?.includes('confirmed'),
      );
      const publish = (correlationKey: string) =>
        api.call('POST', '/messages', {
          token: service,
          body: { name: 'customer-confirmed', correlationKey, variables: { confirmedBy: 'phone' } },
        });
      const res = await eventually(
        () => publish('C-9'),
        (r) => r.status === 200,
      );
      expect(res.body.instanceIds).toEqual([id]);
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables).toMatchObject({ confirmedBy: 'phone' });
      const nobody = await publish('C-unknown');
      expect(nobody.status).toBe(404);
      expect(nobody.body).toMatchObject({ statusCode: 404, code: 'MESSAGE.NO_SUBSCRIBER' });
    });
  });

  describe('service tasks served by a worker in another process', () => {
    let worker: ChildProcess;
    const flagDir = mkdtempSync(join(tmpdir(), 'bpmn-temporal-flag-'));
    const failFlag = join(flagDir, 'fail');

    beforeAll(async () => {
      await deploy(fixture('Pricing.external-job.bpmn'));
      worker = spawn(
        process.execPath,
        [join(__dirname, '..', 'support', 'external-worker', 'erp-price-worker.js'), api.env.address],
        {
          env: { ...process.env, FAIL_FLAG_FILE: failFlag },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        worker.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
        worker.once('exit', (code) => reject(new Error(`external worker exited with ${code}`)));
      });
    });
    afterAll(() => {
      worker?.kill('SIGTERM');
      rmSync(flagDir, { recursive: true, force: true });
    });

    it('runs the job on task queue bpmn-jobs-<type> with variables and headers', async () => {
      const id = (await start('pricing', 'P-1', { quantity: 4 })).body.instanceId;
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables).toMatchObject({
        quantity: 4,
        price: 50,
        currency: 'CNY',
        pricedBy: `pid ${worker.pid}`,
      });
    });

    it('shows a no-worker incident when nobody polls a job type, and runs it on retry once a worker is there', async () => {
      const xml = fixture('Pricing.external-job.bpmn')
        .replace('id="pricing"', 'id="unserved"')
        .replace('type="erp-price"', 'type="erp-unserved"');
      expect((await deploy(xml)).status).toBe(201);
      const id = (await start('unserved', 'U-1', { quantity: 1 })).body.instanceId;
      const incident = (
        await eventually(
          () => api.call('GET', `/incidents?instanceId=${enc(id)}`, { token: owner }),
          (r) => r.body.length === 1,
        )
      ).body[0];
      expect(incident).toMatchObject({
        elementId: 'price',
        kind: 'no-worker',
        message: expect.stringContaining('no worker'),
      });

      const late = await Worker.create({
        connection: api.env.nativeConnection,
        taskQueue: 'bpmn-jobs-erp-unserved',
        activities: { 'erp-unserved': async () => ({ price: 1 }) },
      });
      const running = late.run();
      try {
        expect(
          (await api.call('POST', `/incidents/${enc(incident.incidentId)}/retry`, { token: owner })).status,
        ).toBe(200);
        const done = await eventually(
          () => instance(id),
          (r) => r.body.state === 'COMPLETED',
        );
        expect(done.body.variables.price).toBe(1);
      } finally {
        late.shutdown();
        await running;
      }
    });

    it('turns exhausted retries into an incident that a retry resolves', async () => {
      writeFileSync(failFlag, '1');
      const id = (await start('pricing', 'P-2', { quantity: 2 })).body.instanceId;
      const listed = await eventually(
        () => api.call('GET', '/incidents', { token: owner }),
        (r) => r.body.some((i: { instanceId: string }) => i.instanceId === id),
      );
      const incident = listed.body.find((i: { instanceId: string }) => i.instanceId === id);
      expect(incident).toMatchObject({
        elementId: 'price',
        kind: 'job-failed',
        message: expect.stringContaining('ERP is unreachable'),
      });
      expect((await instance(id)).body.state).toBe('ACTIVE');

      rmSync(failFlag);
      const retried = await api.call('POST', `/incidents/${enc(incident.incidentId)}/retry`, {
        token: owner,
      });
      expect(retried.status).toBe(200);
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables).toMatchObject({ price: 25 });
      const again = await api.call('POST', `/incidents/${enc(incident.incidentId)}/retry`, { token: owner });
      expect([404, 409]).toContain(again.status);
    });
  });
});
