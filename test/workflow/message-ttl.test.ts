/**
 * A message with a time to live on the real time-skipping server (and recorded for replay): it
 * arrives while the instance still waits on a timer, is kept, and correlates as soon as the
 * catch event opens its subscription; one whose time to live ran out before is dropped.
 */
import { messageSignal, snapshotQuery } from '../../workflows/protocol';
import { graph } from '../unit/engine/support/graph-builder';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const HOUR = 3600_000;
const ttlProcess = graph('ttl')
  .start()
  .catchEvent('cool-off', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
  .catchEvent('paid', { type: 'message', messageName: 'payment', correlationKey: '=orderNo' })
  .end()
  .flow('start', 'cool-off', 'paid', 'end')
  .build();

it('a buffered message correlates when the subscription opens within its time to live', async () => {
  const h = await t.start(ttlProcess, { orderNo: 'o-1' });
  await h.signal(messageSignal, {
    name: 'payment',
    correlationKey: 'o-1',
    variables: { amount: 3 },
    messageId: 'pay-1',
    timeToLiveMs: 2 * HOUR,
  });
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { orderNo: 'o-1', amount: 3 } });
  expect(await t.trace(h)).toEqual(['start', 'cool-off', 'paid', 'end']);
  await maybeRecordHistory('message-ttl', h);
});

it('a message whose time to live ends before the subscription opens is dropped', async () => {
  const h = await t.start(ttlProcess, { orderNo: 'o-2' });
  await h.signal(messageSignal, {
    name: 'payment',
    correlationKey: 'o-2',
    messageId: 'pay-2',
    timeToLiveMs: HOUR / 2,
  });
  await t.env.sleep(2 * HOUR);
  const snapshot = await h.query(snapshotQuery);
  expect(snapshot).toMatchObject({ state: 'ACTIVE', activeElements: ['paid'] });
  await h.terminate();
});
