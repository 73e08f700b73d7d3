/**
 * Compensation on the real time-skipping server, from the compiled fixtures (and recorded for
 * replay): handlers run as jobs and scripts, the throw waits for them, newest first, in scope.
 */
import { graph } from '../unit/engine/support/graph-builder';
import { compileFixture } from '../unit/model/fixtures';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const jobsOf = (elementId: string) => t.backend.jobLog.filter((j) => j.elementId === elementId);

it('Compensation.throw: both handlers run, newest first; the throw waits for the job handler', async () => {
  const h = await t.start(await compileFixture('Compensation.throw'), { amount: 42, log: [] });
  expect(await h.result()).toEqual({
    state: 'COMPLETED',
    variables: { amount: 42, log: ['refund C-42'], BookDone: true, charged: 42, UndoBookDone: true },
  });
  expect(await t.trace(h)).toEqual([
    'Start',
    'Book',
    'Charge',
    'ChargeCompensation',
    'RefundCharge',
    'BookCompensation',
    'UndoBook',
    'Undo',
    'Done',
  ]);
  // The handler's job sees the compensated activity's input mapping.
  expect(jobsOf('UndoBook')).toEqual([
    expect.objectContaining({ variables: expect.objectContaining({ bookingRef: 'B-42' }) }),
  ]);
  await maybeRecordHistory('compensation-throw', h);
});

it('Compensation.activity-ref: one activity at a time, each once', async () => {
  const h = await t.start(await compileFixture('Compensation.activity-ref'), { log: [] });
  expect(await h.result()).toMatchObject({ state: 'COMPLETED', variables: { log: ['undo B', 'undo A'] } });
  await maybeRecordHistory('compensation-activity-ref', h);
});

it('Compensation.subprocess: inside completed subprocesses, newest first; a throw inside a subprocess stays there', async () => {
  const h = await t.start(await compileFixture('Compensation.subprocess'), { log: [] });
  expect(await h.result()).toMatchObject({
    state: 'COMPLETED',
    variables: { log: ['cancel policy', 'cancel hotel', 'cancel flight', 'refund deposit'] },
  });
  await maybeRecordHistory('compensation-subprocess', h);
});

it('Compensation.multi-instance: every completed iteration with its item, the multi-instance activity once', async () => {
  const h = await t.start(await compileFixture('Compensation.multi-instance'), { items: [1, 2, 3], log: [] });
  expect(await h.result()).toMatchObject({
    state: 'COMPLETED',
    variables: { log: ['unnotify 3', 'release 3', 'release 2', 'release 1'] },
  });
  await maybeRecordHistory('compensation-multi-instance', h);
});

it('Compensation.event-subprocess: an error event subprocess undoes what completed, not what was interrupted', async () => {
  const h = await t.start(await compileFixture('Compensation.event-subprocess'), { log: [] });
  expect(await h.result()).toMatchObject({ state: 'COMPLETED', variables: { log: [], UndoBookDone: true } });
  expect(await t.trace(h)).not.toContain('Unpack');
  expect([...t.backend.tasks.values()].filter((task) => task.elementId === 'Pack')).toEqual([
    expect.objectContaining({ state: 'cancelled' }),
  ]);
  await maybeRecordHistory('compensation-event-subprocess', h);
});

it('Compensation.repeated: an activity that completed twice is compensated twice', async () => {
  const h = await t.start(await compileFixture('Compensation.repeated'), { counter: 0, log: [] });
  expect(await h.result()).toEqual({
    state: 'COMPLETED',
    variables: { counter: 2, log: ['uncount 2', 'uncount 1'] },
  });
  await maybeRecordHistory('compensation-repeated', h);
});

it('Compensation.handlers: subprocess and call activity handlers; the end event waits for the child process', async () => {
  const refund = graph('refund')
    .start()
    .script('note', '=true', 'refunded')
    .end()
    .flow('start', 'note', 'end')
    .build();
  t.backend.graphs.set('refund', refund);
  const h = await t.start(await compileFixture('Compensation.handlers'), { log: [] });
  const result = await h.result();
  expect(result).toMatchObject({ state: 'COMPLETED', variables: { refunded: true, PayDone: true } });
  expect([...(result.variables.log as string[])].sort()).toEqual(['cancel flight', 'cancel trip']);
  expect((await t.trace(h)).slice(-3)).toEqual(['PayCompensation', 'Refund', 'UndoPay']);
  await maybeRecordHistory('compensation-handlers', h);
});
