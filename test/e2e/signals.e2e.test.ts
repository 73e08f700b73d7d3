/**
 * Signals over HTTP against a real Temporal dev server: POST /api/signals reaches every waiting
 * subscription (found through BpmnSubscriptions, not by asking every instance) and starts every
 * process with that signal start; a signal thrown inside an instance goes through the
 * instance-command outbox and arrives the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTES, signalTerm } from '../../workflows/protocol';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('signals (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let service: string;

  beforeAll(async () => {
    api = await startApiHarness();
    const owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp-bridge', ['service']);
    for (const file of ['Signals.waiting.bpmn', 'Signals.start.bpmn', 'Signals.throw.bpmn'])
      expect(
        (await api.call('POST', '/process-definitions', { token: owner, body: { xml: fixture(file) } }))
          .status,
      ).toBe(201);
  });
  afterAll(() => api?.close());

  const start = async (processId: string, businessKey: string, variables: object = {}) => {
    const res = await api.call('POST', '/process-instances', {
      token: service,
      body: { processId, businessKey, variables },
    });
    expect(res.status).toBe(201);
    return res.body.instanceId as string;
  };
  const instance = async (id: string) =>
    (await api.call('GET', `/process-instances/${enc(id)}`, { token: service })).body;
  const broadcast = (body: object, token = service) => api.call('POST', '/signals', { token, body });
  const visiblyWaiting = (id: string, name: string) =>
    eventually(
      async () => {
        const ids: string[] = [];
        const query = `${SEARCH_ATTRIBUTES.subscriptions.name} = '${signalTerm(name)}'`;
        for await (const run of api.env.client.workflow.list({ query })) ids.push(run.workflowId);
        return ids;
      },
      (ids) => ids.includes(id),
    );
  const archives = async () =>
    (await api.call('GET', '/process-instances?processId=signal-archive', { token: service })).body.items as {
      instanceId: string;
    }[];

  it('refuses a broadcast without a name (400) or by a user outside the sender groups (403)', async () => {
    expect((await broadcast({ variables: {} })).body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
    });
    const sales = await api.token('li.wei', ['sales']);
    expect((await broadcast({ name: 'audit' }, sales)).status).toBe(403);
  });

  it('a broadcast triggers the waiting subscriptions and starts each signal-start process once per signal id', async () => {
    const id = await start('signal-waiting', 'w-1');
    await visiblyWaiting(id, 'audit');
    expect(await broadcast({ name: 'audit', variables: { auditor: 'qa' } })).toMatchObject({
      status: 200,
      body: { delivered: true, signalId: expect.any(String) },
    });
    const audited = await eventually(
      () => instance(id),
      (i) => i.completedElements.some((c: { elementId: string }) => c.elementId === 'Audited'),
    );
    expect(audited).toMatchObject({
      state: 'ACTIVE',
      activeElements: ['Review'],
      variables: { auditor: 'qa' },
    });

    const before = (await archives()).length;
    const withdrawn = {
      name: 'contract-withdrawn',
      variables: { reason: 'customer' },
      signalId: 'withdraw-1',
    };
    expect((await broadcast(withdrawn)).status).toBe(200);
    expect(
      await eventually(
        () => instance(id),
        (i) => i.state === 'COMPLETED',
      ),
    ).toMatchObject({
      variables: { reason: 'customer' },
    });
    expect(
      (
        await eventually(
          () => api.call('GET', `/process-instances/${enc(id)}/timeline`, { token: service }),
          (r) => r.status === 200,
        )
      ).body
        .filter((e: { event: string }) => e.event === 'signal-caught')
        .map((e: { elementId: string }) => e.elementId),
    ).toEqual(['AuditRequested', 'Withdrawn']);
    const started = await eventually(archives, (items) => items.length === before + 1);
    const archive = started.find((a) => a.instanceId.startsWith('signal-archive/signal-'))!;
    expect(await instance(archive.instanceId)).toMatchObject({
      activeElements: ['Archive'],
      variables: { reason: 'customer' },
    });

    // The same signal id again: caught by nobody new, starts nothing new.
    expect((await broadcast(withdrawn)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await archives()).toHaveLength(before + 1);
  });

  it('a signal thrown inside an instance reaches the waiting instances through the outbox', async () => {
    const waiting = await start('signal-waiting', 'w-2');
    await visiblyWaiting(waiting, 'contract-withdrawn');
    const before = (await archives()).length;
    const thrower = await start('signal-withdraw', 't-1', { why: 'duplicate order' });
    expect(
      await eventually(
        () => instance(thrower),
        (i) => i.state === 'COMPLETED',
      ),
    ).toMatchObject({
      completedElements: expect.arrayContaining([{ elementId: 'Withdraw', count: 1 }]),
    });
    expect(
      await eventually(
        () => instance(waiting),
        (i) => i.state === 'COMPLETED',
      ),
    ).toMatchObject({
      completedElements: expect.arrayContaining([{ elementId: 'WithdrawnEnd', count: 1 }]),
      variables: { reason: 'duplicate order' },
    });
    await eventually(archives, (items) => items.length === before + 1);
  });
});
