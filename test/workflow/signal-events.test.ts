/**
 * Signal events on the real time-skipping server, from the compiled fixtures (and recorded
 * for replay): broadcasts arrive as the `broadcastSignal` Temporal signal; a throw is the
 * engine's broadcast job, delivered here by the test backend to the instances it names.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { broadcastSignal, snapshotQuery } from '../../workflows/protocol';
import { compileFixture } from '../unit/model/fixtures';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';
import { waitFor } from './support/wait';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const jobsOf = (elementId: string) => t.backend.jobLog.filter((j) => j.elementId === elementId).length;
const waitingFor = async (h: WorkflowHandle, elementId: string) =>
  waitFor(
    async () => (await h.query(snapshotQuery)).activeElements.includes(elementId),
    `${elementId} active`,
  );

it('Signal.catch: non-interrupting boundary and event subprocess fire per broadcast, the interrupting boundary ends it', async () => {
  const h = await t.start(await compileFixture('Signal.catch'), { region: 'north' });
  await waitingFor(h, 'Review');
  await h.signal(broadcastSignal, { name: 'price-north', variables: { price: 9 }, signalId: 'p1' });
  await h.signal(broadcastSignal, { name: 'price-north', variables: { price: 9 }, signalId: 'p1' });
  await h.signal(broadcastSignal, { name: 'audit', variables: { auditor: 'qa' }, signalId: 'a1' });
  await waitFor(
    async () => jobsOf('Reprice') === 1 && jobsOf('LogAudit') === 1,
    'reprice and audit jobs ran',
  );
  await h.signal(broadcastSignal, { name: 'contract-withdrawn', signalId: 'w1' });
  expect(await h.result()).toEqual({
    state: 'COMPLETED',
    variables: { region: 'north', price: 9, auditor: 'qa', RepriceDone: true, LogAuditDone: true },
  });
  const trace = await t.trace(h);
  expect(trace).toEqual(
    expect.arrayContaining(['PriceChanged', 'Repriced', 'Audited', 'Withdrawn', 'WithdrawnEnd']),
  );
  expect(trace.filter((id) => id === 'PriceChanged')).toHaveLength(1);
  expect(t.openTasks('Review')).toEqual([]);
  await maybeRecordHistory('signal-catch', h);
});

it('Signal.throw broadcasts its local variables to a waiting event-based gateway, then ends with a signal', async () => {
  const waiting = await t.start(await compileFixture('Signal.event-gateway'));
  await waitingFor(waiting, 'Race');
  t.backend.deliverBroadcast = async (signal) => {
    await waiting.signal(broadcastSignal, signal).catch(() => undefined);
  };
  const thrower = await t.start(await compileFixture('Signal.throw'), { user: 'wang.fang', region: 'east' });
  expect(await thrower.result()).toEqual({
    state: 'COMPLETED',
    variables: { user: 'wang.fang', region: 'east' },
  });
  expect(await t.trace(thrower)).toEqual(['Start', 'Announce', 'Done']);
  expect(t.backend.broadcasts.map((s) => [s.name, s.variables])).toEqual([
    ['release', { releasedBy: 'wang.fang' }],
    ['done-east', {}],
  ]);
  expect(await waiting.result()).toEqual({ state: 'COMPLETED', variables: { releasedBy: 'wang.fang' } });
  expect(await t.trace(waiting)).toEqual(['Start', 'Race', 'GoSignal', 'Went']);
  await maybeRecordHistory('signal-throw', thrower);
  await maybeRecordHistory('signal-gateway', waiting);
});

it('Signal.start runs from its signal start event with the signal variables', async () => {
  const h = await t.start(
    await compileFixture('Signal.start'),
    { order: 7 },
    { startEventId: 'OrderPlaced' },
  );
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { order: 7, AckDone: true } });
  expect(await t.trace(h)).toEqual(['OrderPlaced', 'Ack', 'End']);
});
