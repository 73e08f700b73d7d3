/**
 * Conformance on the real time-skipping server: the exact trace of completed elements and
 * the final variables, per element family. Graphs are hand-written with the unit tests'
 * builder, except where a BPMN fixture compiled by analyseBpmn is used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBpmn } from '../../model/deploy-model';
import {
  completeTaskUpdate,
  messageSignal,
  retryIncidentUpdate,
  snapshotQuery,
  type CompleteTaskRequest,
} from '../../workflows/protocol';
import { graph } from '../unit/engine/support/graph-builder';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';
import { waitFor } from './support/wait';
import { rejectedWith } from './support/update-rejection';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const DAY = 24 * 3600_000;
const complete = (
  taskId: string,
  variables = {},
  user = 'alice',
  groups = ['sales'],
): { args: [CompleteTaskRequest] } => ({ args: [{ taskId, user, groups, variables }] });
const openTask = (elementId: string) => waitFor(() => t.openTasks(elementId)[0], `open task ${elementId}`);

describe('tasks and user-task updates', () => {
  it('runs service, script and user tasks; a closed task is rejected by the update validator', async () => {
    const g = graph('tasks')
      .start()
      .service('charge', 'double')
      .script('label', '="paid " + string(result)', 'label')
      .user('approve', undefined, { candidateGroups: 'sales' })
      .end()
      .flow('start', 'charge', 'label', 'approve', 'end')
      .build();
    const h = await t.start(g, { amount: 21 });
    const task = await openTask('approve');
    expect(task).toMatchObject({
      candidateGroups: ['sales'],
      variables: { amount: 21, result: 42, label: 'paid 42' },
    });
    await expect(
      h.executeUpdate(completeTaskUpdate, complete(task.taskId, {}, 'mallory', ['buyers'])),
    ).rejects.toMatchObject(rejectedWith(/TASK.NOT_CANDIDATE/));
    await h.executeUpdate(completeTaskUpdate, complete(task.taskId, { ok: true }));
    await expect(
      h.executeUpdate(completeTaskUpdate, complete(task.taskId, {}, 'bob', ['admin'])),
    ).rejects.toMatchObject(rejectedWith(/TASK.NOT_OPEN/));
    expect(await h.result()).toEqual({
      state: 'COMPLETED',
      variables: { amount: 21, result: 42, label: 'paid 42', ok: true },
    });
    expect(await t.trace(h)).toEqual(['start', 'charge', 'label', 'approve', 'end']);
    expect(t.backend.tasks.get(task.taskId)).toMatchObject({ state: 'completed', completedBy: 'alice' });
  });

  it('task ids carry the run key: from the input without history events, from the patch for an input without it', async () => {
    const g = graph('run-key')
      .start()
      .user('approve', undefined, { candidateGroups: 'sales' })
      .end()
      .flow('start', 'approve', 'end')
      .build();
    const versioningEvents = async (h: Awaited<ReturnType<typeof t.start>>) =>
      ((await h.fetchHistory()).events ?? []).filter(
        (e) => e.markerRecordedEventAttributes || e.upsertWorkflowSearchAttributesEventAttributes,
      ).length;
    for (const [extra, events] of [
      [{}, 0],
      // An execution started before starters set the flag: the patch decides (marker + TemporalChangeVersion).
      [{ taskIdsWithRunKey: undefined }, 2],
    ] as const) {
      const h = await t.start(g, {}, extra);
      const task = await waitFor(
        () => t.openTasks('approve').find((x) => x.instanceId === h.workflowId),
        'open task approve',
      );
      const runKey = (await h.describe()).runId.replace(/-/g, '').slice(-12);
      expect(task.taskId.startsWith(`${h.workflowId}/${runKey}/approve/`)).toBe(true);
      await h.executeUpdate(completeTaskUpdate, complete(task.taskId));
      await h.result();
      expect(await versioningEvents(h)).toBe(events);
    }
  });
});

describe('timers', () => {
  it('a non-interrupting timer cycle reminds daily until the task is done (compiled BPMN)', async () => {
    const { graphs, errors } = await analyseBpmn(
      readFileSync(join(__dirname, '../fixtures/engine/Conformance.review-reminders.bpmn'), 'utf8'),
    );
    expect(errors).toEqual([]);
    const h = await t.start(graphs[0], { contractNo: 'C-1' });
    const task = await openTask('Review');
    await t.env.sleep(3 * DAY + 3600_000);
    await waitFor(
      async () =>
        (await h.query(snapshotQuery)).completedElements.find(
          (c) => c.elementId === 'Reminded' && c.count === 3,
        ),
      '3 reminders',
    );
    await h.executeUpdate(completeTaskUpdate, complete(task.taskId));
    await h.result();
    expect(await t.trace(h)).toEqual([
      'Start',
      'Daily',
      'Remind',
      'Reminded',
      'Daily',
      'Remind',
      'Reminded',
      'Daily',
      'Remind',
      'Reminded',
      'Review',
      'Reviewed',
    ]);
  });

  it('a long-running instance continues as new, carrying its state, timers, open task and timeline', async () => {
    const { graphs } = await analyseBpmn(
      readFileSync(join(__dirname, '../fixtures/engine/Conformance.review-reminders.bpmn'), 'utf8'),
    );
    const h = await t.start(graphs[0], { contractNo: 'C-2' }, { continueAsNewAfterEvents: 40 });
    const firstRunId = (await h.describe()).runId;
    const task = await openTask('Review');
    await t.env.sleep(10 * DAY + 3600_000);
    await waitFor(
      async () =>
        (await h.query(snapshotQuery)).completedElements.find(
          (c) => c.elementId === 'Reminded' && c.count === 10,
        ),
      '10 reminders',
    );
    const latest = await t.env.client.workflow.getHandle(h.workflowId).describe();
    expect(latest.runId).not.toBe(firstRunId);
    expect(latest.historyLength).toBeLessThan(80);
    await h.executeUpdate(completeTaskUpdate, complete(task.taskId, { approved: true }));
    expect(await h.result()).toEqual({
      state: 'COMPLETED',
      variables: { contractNo: 'C-2', approved: true, RemindDone: true },
    });
    const trace = await t.trace(h);
    expect(trace.filter((e) => e === 'Reminded')).toHaveLength(10);
    expect(trace.slice(-2)).toEqual(['Review', 'Reviewed']);
  });

  it('an interrupting timer boundary terminates the task after two days and cancels its record', async () => {
    const g = graph('deadline')
      .start()
      .user('review')
      .end('done')
      .flow('start', 'review', 'done')
      .boundary('late', 'review', { type: 'timer', timer: { kind: 'duration', expression: 'P2D' } })
      .end('expired')
      .flow('late', 'expired')
      .build();
    const h = await t.start(g);
    const task = await openTask('review');
    expect(await h.result()).toMatchObject({ state: 'COMPLETED' });
    expect(await t.trace(h)).toEqual(['start', 'late', 'expired']);
    await waitFor(() => t.backend.tasks.get(task.taskId)?.state === 'cancelled', 'task cancelled');
  });
});

describe('gateways', () => {
  it('inclusive join waits only for the live paths', async () => {
    const g = graph('inclusive')
      .start()
      .gateway('inclusiveGateway', 'split')
      .service('a', 'echo')
      .user('b')
      .service('c', 'echo')
      .gateway('inclusiveGateway', 'merge')
      .end()
      .flow('start', 'split')
      .conditional('split', 'a', '=x > 0')
      .conditional('split', 'b', '=x > 10')
      .conditional('split', 'c', '=x > 100')
      .flow('a', 'merge')
      .flow('b', 'merge')
      .flow('c', 'merge')
      .flow('merge', 'end')
      .build();
    const h = await t.start(g, { x: 50 });
    const task = await openTask('b');
    await waitFor(
      async () => (await h.query(snapshotQuery)).completedElements.find((c) => c.elementId === 'a'),
      'a done',
    );
    expect((await h.query(snapshotQuery)).activeElements).toEqual(['b']);
    await h.executeUpdate(completeTaskUpdate, complete(task.taskId));
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { x: 50, aDone: true } });
    expect(await t.trace(h)).toEqual(['start', 'split', 'a', 'b', 'merge', 'end']);
  });

  it('event-based gateway: the correlated message wins the race; a duplicate message id is ignored', async () => {
    const g = graph('race')
      .start()
      .gateway('eventBasedGateway', 'race')
      .catchEvent('paid', { type: 'message', messageName: 'payment', correlationKey: '=orderId' })
      .catchEvent('timeout', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .receive('shipped', 'shipment', '=orderId')
      .end('ok')
      .end('late')
      .flow('start', 'race', 'paid', 'shipped', 'ok')
      .flow('race', 'timeout', 'late')
      .build();
    const h = await t.start(g, { orderId: 'o-7' });
    await waitFor(
      async () => (await h.query(snapshotQuery)).subscriptions.length === 1 || undefined,
      'subscription',
    );
    await h.signal(messageSignal, {
      name: 'payment',
      correlationKey: 'o-7',
      variables: { amount: 3 },
      messageId: 'pay-1',
    });
    await waitFor(
      async () => (await h.query(snapshotQuery)).activeElements.includes('shipped') || undefined,
      'waiting for shipment',
    );
    await h.signal(messageSignal, {
      name: 'shipment',
      correlationKey: 'o-7',
      variables: { carrier: 'x' },
      messageId: 'pay-1',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.query(snapshotQuery)).activeElements).toEqual(['shipped']);
    await h.signal(messageSignal, {
      name: 'shipment',
      correlationKey: 'o-7',
      variables: { carrier: 'dhl' },
      messageId: 'ship-1',
    });
    expect(await h.result()).toEqual({
      state: 'COMPLETED',
      variables: { orderId: 'o-7', amount: 3, carrier: 'dhl' },
    });
    expect(await t.trace(h)).toEqual(['start', 'race', 'paid', 'shipped', 'ok']);
    await maybeRecordHistory('event-gateway', h);
  });
});

describe('multi-instance', () => {
  it('sequential with a completion condition stops early; results keep item order', async () => {
    const g = graph('mi')
      .start()
      .service('calc', 'double', undefined, {
        multiInstance: {
          sequential: true,
          inputCollection: '=items',
          inputElement: 'item',
          outputCollection: 'results',
          outputElement: '=result',
          completionCondition: '=result > 4',
        },
      })
      .end()
      .flow('start', 'calc', 'end')
      .build();
    const h = await t.start(g, { items: [1, 2, 3, 4] });
    const result = await h.result();
    expect(result.variables.results).toEqual([2, 4, 6, null]);
    expect(await t.trace(h)).toEqual(['start', 'calc', 'calc', 'calc', 'end']);
    await maybeRecordHistory('multi-instance', h);
  });
});

describe('errors', () => {
  it('a BPMN error from a job inside a subprocess is caught by the boundary on the subprocess', async () => {
    const g = graph('suberr')
      .start()
      .subProcess('sub')
      .end('done')
      .flow('start', 'sub', 'done')
      .start('s1', 'sub')
      .service('check', 'reject', 'sub', { headers: { errorCode: 'NO_STOCK' } })
      .end('e1', 'sub')
      .flow('s1', 'check', 'e1')
      .boundary('noStock', 'sub', { type: 'error', errorCode: 'NO_STOCK' })
      .end('failed')
      .flow('noStock', 'failed')
      .build();
    const h = await t.start(g);
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { rejectedBy: 'check' } });
    expect(await t.trace(h)).toEqual(['start', 's1', 'noStock', 'failed']);
  });

  it('an uncaught error in a called process propagates to the call activity', async () => {
    const child = graph('child').start().service('work', 'reject').end().flow('start', 'work', 'end').build();
    t.backend.graphs.set('child', child);
    const parent = graph('parent')
      .start()
      .callActivity('call', 'child')
      .end('done')
      .flow('start', 'call', 'done')
      .boundary('childFailed', 'call', { type: 'error', errorCode: 'REJECTED' })
      .end('handled')
      .flow('childFailed', 'handled')
      .build();
    const h = await t.start(parent, { a: 1 });
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { a: 1, rejectedBy: 'work' } });
    expect(await t.trace(h)).toEqual(['start', 'childFailed', 'handled']);
    await maybeRecordHistory('call-activity-error', h);
  });

  it('a call activity returns the child variables', async () => {
    const child = graph('child2').start().script('s', '=a + 1', 'b').end().flow('start', 's', 'end').build();
    t.backend.graphs.set('child2', child);
    const parent = graph('parent2')
      .start()
      .callActivity('call', 'child2')
      .end('done')
      .flow('start', 'call', 'done')
      .build();
    const h = await t.start(parent, { a: 1 });
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { a: 1, b: 2 } });
  });

  it('a call activity after continue-as-new starts the called process fresh, not the caller resumed', async () => {
    const child = graph('child3').start().script('s', '=a + 1', 'b').end().flow('start', 's', 'end').build();
    t.backend.graphs.set('child3', child);
    const parent = graph('parent3')
      .start()
      .catchEvent('pause', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .catchEvent('pause2', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .callActivity('call', 'child3')
      .end('done')
      .flow('start', 'pause', 'pause2', 'call', 'done')
      .build();
    const h = await t.start(parent, { a: 1 }, { continueAsNewAfterEvents: 4 });
    const firstRun = (await h.describe()).runId;
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { a: 1, b: 2 } });
    expect((await t.env.client.workflow.getHandle(h.workflowId).describe()).runId).not.toBe(firstRun);
    expect(await t.trace(h)).toEqual(['start', 'pause', 'pause2', 'call', 'done']);
  });

  it('exhausted retries raise an incident that the retryIncident update resolves', async () => {
    const g = graph('flaky')
      .start()
      .service('call', 'flaky', undefined, { retries: '2' })
      .end()
      .flow('start', 'call', 'end')
      .build();
    t.backend.failFlaky = true;
    const h = await t.start(g);
    const incident = await waitFor(async () => (await h.query(snapshotQuery)).incidents[0], 'incident');
    expect(incident).toMatchObject({
      elementId: 'call',
      kind: 'job-failed',
      message: 'downstream unavailable',
      resolved: false,
    });
    t.backend.failFlaky = false;
    await h.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.incidentId }] });
    await expect(
      h.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.incidentId }] }),
    ).rejects.toMatchObject(rejectedWith(/INCIDENT.NOT_OPEN/));
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { flakyOk: true } });
    expect((await h.query(snapshotQuery)).incidents[0].resolved).toBe(true);
  });
});

describe('cancellation', () => {
  it('an interrupting message boundary cancels everything in the subprocess; its tasks reject updates', async () => {
    const g = graph('interrupt')
      .start()
      .subProcess('review')
      .end('done')
      .flow('start', 'review', 'done')
      .start('s1', 'review')
      .gateway('parallelGateway', 'fork', 'review')
      .user('legal', 'review')
      .user('quality', 'review')
      .gateway('parallelGateway', 'join', 'review')
      .end('e1', 'review')
      .flow('s1', 'fork', 'legal', 'join', 'e1')
      .flow('fork', 'quality', 'join')
      .boundary('withdrawn', 'review', { type: 'message', messageName: 'withdraw', correlationKey: '=no' })
      .end('cancelled')
      .flow('withdrawn', 'cancelled')
      .build();
    const h = await t.start(g, { no: 'C-9' });
    const legal = await openTask('legal');
    const quality = await openTask('quality');
    await h.signal(messageSignal, { name: 'withdraw', correlationKey: 'C-9', messageId: 'w-1' });
    expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { no: 'C-9' } });
    expect(await t.trace(h)).toEqual(['start', 's1', 'fork', 'withdrawn', 'cancelled']);
    await waitFor(
      () =>
        t.backend.tasks.get(legal.taskId)?.state === 'cancelled' &&
        t.backend.tasks.get(quality.taskId)?.state === 'cancelled',
      'tasks cancelled',
    );
    await maybeRecordHistory('interrupted-scope', h);
  });

  it('cancelling the workflow terminates the instance and closes its open tasks as cancelled', async () => {
    const g = graph('cancel').start().user('wait').end().flow('start', 'wait', 'end').build();
    const h = await t.start(g);
    const task = await openTask('wait');
    await h.cancel();
    expect(await h.result()).toMatchObject({ state: 'TERMINATED' });
    await waitFor(() => t.backend.tasks.get(task.taskId)?.state === 'cancelled', 'task cancelled');
  });

  it('rejects updates for tasks of an element that was interrupted before completion', async () => {
    const g = graph('rejected')
      .start()
      .user('review')
      .end('done')
      .flow('start', 'review', 'done')
      .boundary('stop', 'review', { type: 'message', messageName: 'stop' })
      .user('next')
      .flow('stop', 'next')
      .build();
    const h = await t.start(g);
    const task = await openTask('review');
    await h.signal(messageSignal, { name: 'stop', messageId: 's-1' });
    await openTask('next');
    await expect(h.executeUpdate(completeTaskUpdate, complete(task.taskId))).rejects.toMatchObject(
      rejectedWith(/TASK.NOT_OPEN/),
    );
    await h.cancel();
  });
});
