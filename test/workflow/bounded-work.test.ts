/**
 * Bounded work on the real time-skipping server (issue 12 §7): a loop without a wait state,
 * a FEEL range sized by a caller's variable and an oversized multi-instance collection each
 * end their workflow task normally with an incident. The instance answers queries, other
 * instances run on, and cancelling it takes effect. No workflow task fails on the way.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { snapshotQuery } from '../../workflows/protocol';
import { graph } from '../unit/engine/support/graph-builder';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';
import { waitFor } from './support/wait';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const EventType = temporal.api.enums.v1.EventType;

const openIncident = (h: WorkflowHandle) =>
  waitFor(async () => (await h.query(snapshotQuery)).incidents.find((i) => !i.resolved), 'an incident');

async function failedWorkflowTasks(h: WorkflowHandle): Promise<number> {
  const history = await h.fetchHistory();
  return (history.events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
    .length;
}

async function cancelAndExpectTerminated(h: WorkflowHandle): Promise<void> {
  await h.cancel();
  expect(await h.result()).toMatchObject({ state: 'TERMINATED' });
}

describe('bounded work in a workflow', () => {
  it('a loop without a wait state raises no-wait-state; another instance runs meanwhile; cancel ends it', async () => {
    const loop = graph('runaway-loop')
      .start()
      .script('count', '=i', 'i')
      .gateway('exclusiveGateway', 'again')
      .end()
      .flow('start', 'count', 'again')
      .conditional('again', 'count', '=i < 1')
      .defaultFlow('again', 'end')
      .build();
    const other = graph('bystander')
      .start()
      .service('charge', 'double')
      .end()
      .flow('start', 'charge', 'end')
      .build();
    const runaway = await t.start(loop, { i: 0 });
    const bystander = await t.start(other, { amount: 4 });
    const incident = await openIncident(runaway);
    expect(incident).toMatchObject({ kind: 'no-wait-state', elementId: 'again' });
    // result() would let the time-skipping server jump ahead past the idle runaway's execution timeout.
    await waitFor(
      async () => (await bystander.describe()).status.name === 'COMPLETED',
      'the bystander to complete',
    );
    expect(t.backend.jobLog.some((j) => j.elementId === 'charge' && j.variables.amount === 4)).toBe(true);
    const snapshot = await runaway.query(snapshotQuery);
    expect(snapshot).toMatchObject({ state: 'ACTIVE', activeElements: ['again'] });
    await maybeRecordHistory('bounded-work-no-wait-state', runaway);
    await cancelAndExpectTerminated(runaway);
    expect(await failedWorkflowTasks(runaway)).toBe(0);
  });

  it('a FEEL range sized by a variable (n = 30,000,000) raises expression-budget at once', async () => {
    const g = graph('feel-bomb')
      .start()
      .script('explode', '=count(for i in 1..n return i)', 'size')
      .end()
      .flow('start', 'explode', 'end')
      .build();
    const started = Date.now();
    const h = await t.start(g, { n: 30_000_000 });
    expect(await openIncident(h)).toMatchObject({ kind: 'expression-budget', elementId: 'explode' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await maybeRecordHistory('bounded-work-feel-budget', h);
    await cancelAndExpectTerminated(h);
    expect(await failedWorkflowTasks(h)).toBe(0);
  });

  it('a parallel multi-instance over 100,000 items raises multi-instance-cap; the cap comes from the input', async () => {
    const g = graph('mi-bomb')
      .start()
      .service('each', 'echo', undefined, { multiInstance: { sequential: false, inputCollection: '=items' } })
      .end()
      .flow('start', 'each', 'end')
      .build();
    const h = await t.start(g, { items: Array.from({ length: 100_000 }, (_, i) => i) });
    expect(await openIncident(h)).toMatchObject({ kind: 'multi-instance-cap', elementId: 'each' });
    await cancelAndExpectTerminated(h);
    expect(await failedWorkflowTasks(h)).toBe(0);

    const small = await t.start(g, { items: [1, 2, 3] }, { limits: { maxMultiInstanceCardinality: 2 } });
    expect(await openIncident(small)).toMatchObject({ kind: 'multi-instance-cap' });
    await cancelAndExpectTerminated(small);
  });
});
