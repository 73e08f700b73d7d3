/**
 * Hostile input and faults against the API on a real Temporal dev server (issue 12 §5, §6,
 * §8): every case answers a clear 4xx/5xx in the one error shape, within a bounded time,
 * and leaves every instance healthy. The fault cases (worker stopped, Temporal stopped,
 * database closed) run last, in that order, on the same harness.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { createApp } from '../../api/create-app';
import { loadConfig } from '../../config/app-config';
import { openDatabase } from '../../persistence/data-source';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { messageSignal, snapshotQuery, variablesLimitQuery } from '../../workflows/protocol';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;
const MiB = 1024 * 1024;
const blob = (bytes: number) => 'x'.repeat(bytes);

describe('hostile input and faults (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let owner: string;
  let service: string;
  let sales: string;
  let rnd: string;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp-bridge', ['service']);
    sales = await api.token('li.lei', ['sales']);
    rnd = await api.token('zhang.wei', ['rnd']);
    const deploy = (xml: string) =>
      api.call('POST', '/process-definitions', { token: owner, body: xml, contentType: 'application/xml' });
    expect((await deploy(fixture('Approval.user-task.bpmn'))).status).toBe(201);
    expect((await deploy(fixture('Review.form-task.bpmn'))).status).toBe(201);
    expect((await deploy(fixture('Confirmation.message-catch.bpmn'))).status).toBe(201);
    const form = JSON.parse(fixture('review-form.form'));
    expect((await api.call('POST', '/forms', { token: owner, body: form })).status).toBe(201);
  });
  afterAll(() => api?.close());

  const start = (processId: string, businessKey: string, variables: object = {}) =>
    api.call('POST', '/process-instances', { token: service, body: { processId, businessKey, variables } });
  const instance = (id: string) => api.call('GET', `/process-instances/${enc(id)}`, { token: owner });
  const openTask = async (instanceId: string) =>
    (
      await eventually(
        () => api.call('GET', `/tasks?instanceId=${enc(instanceId)}&state=open`, { token: owner }),
        (r) => r.body.items?.length === 1,
      )
    ).body.items[0];
  const complete = (taskId: string, variables: object, token = sales) =>
    api.call('POST', `/tasks/${enc(taskId)}/complete`, { token, body: { variables } });
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  describe('bodies and XML (answered well before, kept)', () => {
    it('XXE: an external entity is refused with 400 and nothing of the file comes back', async () => {
      const xml =
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</bpmn:definitions>';
      const res = await api.call('POST', '/process-definitions', {
        token: owner,
        body: xml,
        contentType: 'application/xml',
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain('root:');
    });

    it('billion laughs: nested entities are refused with 400 at once', async () => {
      const entities = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
      ).join('');
      const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">${entities}]><d>&l9;</d>`;
      const { value: res, ms } = await timed(() =>
        api.call('POST', '/process-definitions', { token: owner, body: xml, contentType: 'application/xml' }),
      );
      expect(res.status).toBe(400);
      expect(ms).toBeLessThan(2000);
    });

    it('50 MB bodies: 413 naming the limit, as JSON and as XML', async () => {
      const json = await api.call('POST', '/process-instances', {
        token: service,
        body: JSON.stringify({ processId: 'approval', businessKey: 'BIG', variables: { v: blob(50 * MiB) } }),
      });
      expect(json.status).toBe(413);
      expect(json.body).toMatchObject({ code: 'REQUEST.TOO_LARGE', details: { limitBytes: 2 * MiB } });
      const xml = await api.call('POST', '/process-definitions', {
        token: owner,
        body: `<x>${blob(50 * MiB)}</x>`,
        contentType: 'application/xml',
      });
      expect(xml.status).toBe(413);
      expect(xml.body).toMatchObject({
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'REQUEST.TOO_LARGE',
      });
    });

    it('JSON nested 5,000 deep: 400 REQUEST.TOO_DEEP (was 500)', async () => {
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await api.call('POST', '/process-instances', {
        token: service,
        body: `{"processId":"approval","businessKey":"DEEP","variables":${deep}}`,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'REQUEST.TOO_DEEP', details: { limit: 64 } });
    });
  });

  describe('tokens and groups (answered well before, kept)', () => {
    const claims = { groups: ['admin'] };

    it('a token signed with another key is 401', async () => {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setIssuer('bpmn-temporal-dev')
        .setExpirationTime('1h')
        .sign(Buffer.alloc(32, 7));
      expect((await api.call('GET', '/process-definitions', { token: forged })).status).toBe(401);
    });

    it('an expired token signed with the right key is 401', async () => {
      const key = Buffer.from(readFileSync(join(api.config.dataDir, 'dev-token.key'), 'utf8').trim(), 'hex');
      const expired = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('wang.fang')
        .setIssuer('bpmn-temporal-dev')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(key);
      expect((await api.call('GET', '/process-definitions', { token: expired })).status).toBe(401);
    });

    it('an unsigned alg=none token is 401', async () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const none = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'mallory', iss: 'bpmn-temporal-dev', groups: ['admin'] })}.`;
      expect((await api.call('GET', '/process-definitions', { token: none })).status).toBe(401);
    });

    it('the wrong group is 403: deploying as sales, completing as a non-candidate', async () => {
      const deploy = await api.call('POST', '/process-definitions', {
        token: sales,
        body: fixture('Approval.user-task.bpmn'),
        contentType: 'application/xml',
      });
      expect(deploy.status).toBe(403);
      const id = (await start('approval', 'GROUP-1')).body.instanceId;
      const task = await openTask(id);
      expect(await complete(task.taskId, {}, rnd)).toMatchObject({
        status: 403,
        body: { code: 'TASK.NOT_CANDIDATE' },
      });
    });
  });

  describe('completions', () => {
    it('a replayed completion is 409, and of two concurrent completions exactly one wins', async () => {
      const first = await openTask((await start('approval', 'REPLAY-1')).body.instanceId);
      expect((await complete(first.taskId, { ok: true })).status).toBe(200);
      expect(await complete(first.taskId, { ok: true })).toMatchObject({
        status: 409,
        body: { code: 'TASK.NOT_OPEN' },
      });

      const raced = await openTask((await start('approval', 'RACE-1')).body.instanceId);
      const results = await Promise.all([
        complete(raced.taskId, { by: 'one' }),
        complete(raced.taskId, { by: 'two' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('a completion may set only the fields of its form: anything else is 400 and the task stays open', async () => {
      const id = (await start('form-review', 'FORM-1')).body.instanceId;
      const task = await openTask(id);
      const res = await complete(task.taskId, { verdict: 'accept', annual: false, approvedBy: 'me' }, rnd);
      expect(res).toMatchObject({
        status: 400,
        body: {
          code: 'TASK.VARIABLE_NOT_ALLOWED',
          details: { notAllowed: ['annual', 'approvedBy'], allowed: ['comments', 'verdict'] },
        },
      });
      expect((await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner })).body.state).toBe('open');
      expect((await complete(task.taskId, { verdict: 'accept' }, rnd)).status).toBe(200);
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables).toEqual({ verdict: 'accept' });
    });

    it('a reused business key gets new task ids: the second instance is not stuck', async () => {
      const id = (await start('approval', 'REUSE-1')).body.instanceId;
      const first = await openTask(id);
      expect((await complete(first.taskId, {})).status).toBe(200);
      await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect((await start('approval', 'REUSE-1')).status).toBe(201);
      const second = await openTask(id);
      expect(second.taskId).not.toBe(first.taskId);
      expect((await complete(second.taskId, {})).status).toBe(200);
      await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED' && r.body.completedElements.length > 0,
      );
    });
  });

  describe('payload size', () => {
    it('3 MB of variables is 413 naming the limit, before anything is started (was 500)', async () => {
      const res = await start('approval', 'SIZE-3MB', { v: blob(3 * MiB) });
      expect(res).toMatchObject({ status: 413, body: { code: 'REQUEST.TOO_LARGE' } });
      expect(res.body.message).toContain(String(2 * MiB));
      expect((await instance('approval/SIZE-3MB')).status).toBe(404);
    });

    it('1.5 MB of variables on start is 413 naming the variables limit', async () => {
      const res = await start('approval', 'SIZE-1.5MB', { v: blob(1.5 * MiB) });
      expect(res).toMatchObject({
        status: 413,
        body: { code: 'PAYLOAD.TOO_LARGE', details: { limitBytes: MiB } },
      });
      expect((await instance('approval/SIZE-1.5MB')).status).toBe(404);
    });

    it('a completion that would grow the instance past its limit is 409; the instance stays healthy and completes', async () => {
      const id = (await start('approval', 'SIZE-GROW', { a: blob(0.9 * MiB) })).body.instanceId;
      const task = await openTask(id);
      const refused = await complete(task.taskId, { b: blob(0.9 * MiB) });
      expect(refused).toMatchObject({
        status: 409,
        body: { code: 'INSTANCE.VARIABLES_LIMIT', details: { limitBytes: 1.5 * MiB } },
      });
      const after = await instance(id);
      expect(after.body).toMatchObject({ state: 'ACTIVE', incidents: [] });
      expect((await api.call('GET', `/tasks/${enc(task.taskId)}`, { token: owner })).body.state).toBe('open');
      expect((await complete(task.taskId, { b: 'small' })).status).toBe(200);
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables.b).toBe('small');
      // The workflow result leaves large variables out instead of failing on the payload limit.
      const result = await api.env.client.workflow.getHandle(id).result();
      expect(result).toEqual({ state: 'COMPLETED', variables: {}, variablesOmitted: true });
    });
  });

  describe('payload size of messages', () => {
    const publish = (correlationKey: string, variables: object, messageId?: string) =>
      api.call('POST', '/messages', {
        token: service,
        body: { name: 'customer-confirmed', correlationKey, variables, ...(messageId ? { messageId } : {}) },
      });

    it('a message that would grow its waiting instance past the limit is 409 naming it; the instance stays healthy and takes a smaller one', async () => {
      const id = (await start('confirmation', 'SIZE-MSG', { contractNo: 'SIZE-MSG', a: blob(0.9 * MiB) }))
        .body.instanceId;
      const refused = await eventually(
        () => publish('SIZE-MSG', { b: blob(0.9 * MiB) }),
        (r) => r.status !== 404,
      );
      expect(refused).toMatchObject({
        status: 409,
        body: {
          statusCode: 409,
          code: 'INSTANCE.VARIABLES_LIMIT',
          details: { limitBytes: 1.5 * MiB, instanceId: id },
        },
      });
      expect(refused.body.message).toContain(String(1.5 * MiB));
      expect((await instance(id)).body).toMatchObject({ state: 'ACTIVE', incidents: [] });
      expect(await publish('SIZE-MSG', { b: 'small' })).toMatchObject({
        status: 200,
        body: { instanceIds: [id] },
      });
      const done = await eventually(
        () => instance(id),
        (r) => r.body.state === 'COMPLETED',
      );
      expect(done.body.variables.b).toBe('small');
    });

    it('an oversized message that reaches the instance anyway (a race, the outbox) is left out: the instance stays healthy', async () => {
      const id = (await start('confirmation', 'SIZE-SIG', { contractNo: 'SIZE-SIG', a: blob(0.9 * MiB) }))
        .body.instanceId;
      const handle = api.env.client.workflow.getHandle(id);
      await eventually(
        () => handle.query(snapshotQuery),
        (snap) => snap.activeElements.includes('confirmed'),
      );
      // Straight to the instance, as the outbox and the buffered-message dispatcher do, past the API's check.
      await handle.signal(messageSignal, {
        name: 'customer-confirmed',
        correlationKey: 'SIZE-SIG',
        variables: { b: blob(0.9 * MiB) },
        messageId: 'too-large',
      });
      const refusal = await handle.query(variablesLimitQuery, { c: blob(0.9 * MiB) });
      expect(refusal).toMatchObject({ details: { limitBytes: 1.5 * MiB } });
      const snapshot = await handle.query(snapshotQuery);
      expect(snapshot).toMatchObject({ state: 'ACTIVE', incidents: [] });
      expect(snapshot.variables.b).toBeUndefined();
      expect(snapshot.activeElements).toEqual(['confirmed']);
      await handle.signal(messageSignal, {
        name: 'customer-confirmed',
        correlationKey: 'SIZE-SIG',
        variables: { b: 'small' },
        messageId: 'small',
      });
      expect(await handle.result()).toMatchObject({ state: 'COMPLETED' });
    });
  });

  describe('keys and cursors', () => {
    it.each([
      ['a lone surrogate', 'K-\\ud800'],
      ['a newline', 'K-\\n1'],
      ['a NUL', 'K-\\u00001'],
      ['201 characters', 'k'.repeat(201)],
    ])('a business key with %s is 400 (was 500)', async (_name, escaped) => {
      const res = await api.call('POST', '/process-instances', {
        token: service,
        body: `{"processId":"approval","businessKey":"${escaped}"}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/businessKey/);
    });

    it('a correlation key with a lone surrogate or a control character is 400', async () => {
      for (const escaped of ['C-\\udfff', 'C-\\u0007']) {
        const res = await api.call('POST', '/messages', {
          token: service,
          body: `{"name":"customer-confirmed","correlationKey":"${escaped}"}`,
        });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/correlationKey/);
      }
    });

    it('malformed cursors are 400 (was 500)', async () => {
      const bad = [
        `/tasks?cursor=${enc('%%%')}`,
        `/tasks?cursor=${Buffer.from('[1,2]').toString('base64url')}`,
        `/tasks?cursor=${Buffer.from('["not a date","x"]').toString('base64url')}`,
        `/process-instances?cursor=${enc('not base64!')}`,
        `/process-instances?cursor=${Buffer.from('garbage page token').toString('base64url')}`,
      ];
      // The cursors this API hands out still page.
      const first = await api.call('GET', '/process-instances?limit=1', { token: owner });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await api.call('GET', `/process-instances?limit=1&cursor=${first.body.nextCursor}`, {
        token: owner,
      });
      expect(next.status).toBe(200);
      expect(next.body.items[0].instanceId).not.toBe(first.body.items[0].instanceId);
      for (const path of bad) {
        const { value: res, ms } = await timed(() => api.call('GET', path, { token: owner }));
        expect(ms).toBeLessThan(2000);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 400,
          code: expect.stringMatching(/BAD_CURSOR$/),
        });
      }
    });

    it.each(['"', '\\', "'", '%', '|', ' ', '*', '(', ';', '`', '中'])(
      'a key with %j is found by key, and its message reaches its instance',
      async (ch) => {
        const key = `Q${ch}1`;
        const started = await start('confirmation', key, { contractNo: key });
        expect(started.status).toBe(201);
        const id = started.body.instanceId;
        const listed = await eventually(
          () => api.call('GET', `/process-instances?businessKey=${enc(key)}`, { token: owner }),
          (r) => r.status !== 200 || r.body.items.length > 0,
        );
        expect(listed.status).toBe(200);
        expect(
          listed.body.items.map((i: { instanceId: string; businessKey: string }) => [
            i.instanceId,
            i.businessKey,
          ]),
        ).toEqual([[id, key]]);
        const published = await eventually(
          () =>
            api.call('POST', '/messages', {
              token: service,
              body: { name: 'customer-confirmed', correlationKey: key },
            }),
          (r) => r.status !== 404,
        );
        expect(published).toMatchObject({ status: 200, body: { instanceIds: [id] } });
        await eventually(
          () => instance(id),
          (r) => r.body.state === 'COMPLETED',
        );
      },
    );
  });

  describe('deploy', () => {
    it('a timer start R/PT0.001S is 400 naming the minimum interval', async () => {
      const xml = fixture('Reminder.timer-start.bpmn')
        .replace('R3/PT2S', 'R/PT0.001S')
        .replace('id="reminder"', 'id="too-fast"');
      const res = await api.call('POST', '/process-definitions', {
        token: owner,
        body: xml,
        contentType: 'application/xml',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          elementId: 'every2s',
          rule: 'engine/timer-definition',
          message: expect.stringContaining('1 s'),
        }),
      ]);
    });
  });

  describe('bounded work: one request cannot take the engine down', () => {
    beforeAll(async () => {
      for (const file of [
        'Runaway.feel-budget.bpmn',
        'Runaway.no-wait-loop.bpmn',
        'Runaway.multi-instance.bpmn',
      ])
        expect(
          (
            await api.call('POST', '/process-definitions', {
              token: owner,
              body: fixture(file),
              contentType: 'application/xml',
            })
          ).status,
        ).toBe(201);
    });

    it.each([
      [
        'a FEEL expression sized by a variable (n = 30,000,000)',
        'feel-bomb',
        { n: 30_000_000 },
        'expression-budget',
      ],
      ['a loop with no wait state', 'runaway-loop', {}, 'no-wait-state'],
      [
        'a parallel multi-instance over 100,000 items',
        'mi-bomb',
        { items: Array.from({ length: 100_000 }, (_, i) => i) },
        'multi-instance-cap',
      ],
    ])(
      '%s: an incident; the instance reads 200, another instance runs meanwhile, cancel ends it',
      async (_case, processId, variables, kind) => {
        const started = await start(processId, `RUNAWAY-${processId}`, variables);
        expect(started.status).toBe(201);
        const id = started.body.instanceId;
        const read = await eventually(
          () => instance(id),
          (r) => r.status !== 404 && r.body.incidents?.length > 0,
          30_000,
        );
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({ state: 'ACTIVE', incidents: [{ kind, resolved: false }] });
        // Another instance gets its task and completes while the runaway holds its incident.
        const { value: bystander, ms } = await timed(async () =>
          openTask((await start('approval', `BYSTANDER-${processId}`)).body.instanceId),
        );
        expect(ms).toBeLessThan(10_000);
        expect((await complete(bystander.taskId, {})).status).toBe(200);
        const cancelled = await api.call('POST', `/process-instances/${enc(id)}/cancel`, { token: owner });
        expect(cancelled).toMatchObject({ status: 202, body: { outcome: 'cancelled' } });
        expect((await api.env.client.workflow.getHandle(id).describe()).status.name).not.toBe('RUNNING');
        await eventually(
          () => instance(id),
          (r) => r.body.state === 'TERMINATED',
        );
      },
    );
  });

  describe('health against a frozen Temporal', () => {
    let frozen: Server;
    let app: INestApplication;
    let connection: Connection;
    let dataSource: DataSource;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      // A TCP peer that accepts and never answers: Temporal frozen (SIGSTOP) looks like this.
      frozen = createServer((socket) => void sockets.add(socket));
      await new Promise<void>((resolve) => frozen.listen(0, '127.0.0.1', resolve));
      const port = (frozen.address() as { port: number }).port;
      connection = Connection.lazy({ address: `127.0.0.1:${port}` });
      const config = loadConfig({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'bpmn-frozen-')),
        LOG_LEVEL: 'error',
      });
      dataSource = await openDatabase(config.database);
      app = await createApp({ config, temporal: new Client({ connection }), dataSource });
      await app.listen(0, '127.0.0.1');
    });
    afterAll(async () => {
      await app?.close();
      if (dataSource?.isInitialized) await dataSource.destroy();
      await connection?.close().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => frozen?.close(resolve));
    });

    it('/api/health answers 503 within 2 s, naming Temporal', async () => {
      const port = (app.getHttpServer().address() as { port: number }).port;
      const { value: res, ms } = await timed(() => fetch(`http://127.0.0.1:${port}/api/health`));
      expect(ms).toBeLessThan(2000);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({
        status: 'error',
        details: { database: { status: 'up' }, temporal: { status: 'down' } },
      });
      const ready = await timed(() => fetch(`http://127.0.0.1:${port}/api/health/ready`));
      expect(ready.ms).toBeLessThan(2000);
      expect(ready.value.status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);
    });
  });

  describe('faults, in order: worker stopped, Temporal stopped, database closed', () => {
    it('reports healthy while everything runs, within 2 s', async () => {
      const { value: res, ms } = await timed(() => api.call('GET', '/health'));
      expect(ms).toBeLessThan(2000);
      expect(res).toMatchObject({
        status: 200,
        body: {
          status: 'ok',
          details: {
            database: { status: 'up' },
            temporal: { status: 'up' },
            engineWorkers: { status: 'up', taskQueue: 'bpmn-engine' },
          },
        },
      });
      expect(res.body.details.engineWorkers.livePollers).toBeGreaterThan(0);
      expect((await api.call('GET', '/health/ready')).status).toBe(200);
      expect((await api.call('GET', '/health/live')).status).toBe(200);
    });

    it('without an engine worker: a completion answers in bounded time, health says degraded, cancel terminates', async () => {
      const completing = await openTask((await start('approval', 'NOWORKER-1')).body.instanceId);
      const cancelling = (await start('approval', 'NOWORKER-2')).body.instanceId;
      await openTask(cancelling);
      await api.stopWorker();

      // Temporal still lists the worker's last poll: the completion is recorded, sent, and not
      // applied within 10 s: 202 pending (the outbox delivers it once a worker is back).
      const first = await timed(() => complete(completing.taskId, { ok: true }));
      expect(first.ms).toBeLessThan(15_000);
      expect([202, 503]).toContain(first.value.status);
      if (first.value.status === 202) expect(first.value.body).toMatchObject({ status: 'pending' });
      else expect(first.value.body.code).toBe('ENGINE.NO_WORKER');

      const degraded = await eventually(
        () => api.call('GET', '/health'),
        (r) => r.body.status === 'degraded',
        120_000,
      );
      expect(degraded).toMatchObject({
        status: 200,
        body: { details: { engineWorkers: { status: 'down', livePollers: 0 } } },
      });
      // Once no worker polls, nothing is sent at all: 503 at once.
      const second = await timed(() => complete(completing.taskId, { ok: true }));
      expect(second.ms).toBeLessThan(2000);
      expect(second.value).toMatchObject({ status: 503, body: { code: 'ENGINE.NO_WORKER' } });

      const cancelled = await timed(() =>
        api.call('POST', `/process-instances/${enc(cancelling)}/cancel`, { token: owner }),
      );
      expect(cancelled.ms).toBeLessThan(10_000);
      expect(cancelled.value).toMatchObject({
        status: 202,
        body: { outcome: 'terminated', reason: expect.stringContaining('wang.fang') },
      });
      const description = await api.env.client.workflow.getHandle(cancelling).describe();
      expect(description.status.name).toBe('TERMINATED');
      const tasks = await api.call('GET', `/tasks?instanceId=${enc(cancelling)}`, { token: owner });
      expect(tasks.body.items.map((t: { state: string }) => t.state)).toEqual(['cancelled']);
    });

    it('with Temporal stopped: health and readiness 503 within 2 s, liveness 200', async () => {
      await api.stopTemporal();
      const health = await timed(() => api.call('GET', '/health'));
      expect(health.ms).toBeLessThan(2000);
      expect(health.value).toMatchObject({
        status: 503,
        body: { status: 'error', details: { temporal: { status: 'down' }, database: { status: 'up' } } },
      });
      const ready = await timed(() => api.call('GET', '/health/ready'));
      expect(ready.ms).toBeLessThan(2000);
      expect(ready.value.status).toBe(503);
      expect((await api.call('GET', '/health/live')).status).toBe(200);
    });

    it('with the database closed: health 503 naming the database', async () => {
      await api.dataSource.destroy();
      const health = await timed(() => api.call('GET', '/health'));
      expect(health.ms).toBeLessThan(2000);
      expect(health.value).toMatchObject({
        status: 503,
        body: { details: { database: { status: 'down' } } },
      });
    });
  });
});
