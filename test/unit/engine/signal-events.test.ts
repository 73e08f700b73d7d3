/**
 * Signal events in the pure core, on the compiled fixtures: catch events, interrupting and
 * non-interrupting boundaries, event-subprocess starts and event-based gateways subscribe by
 * name; a broadcast triggers every subscription of its name once; throws are jobs of the
 * engine's broadcast type carrying the event's local variables.
 */
import { SIGNAL_TASK_TYPE } from '../../../model/process-graph';
import { compileFixture } from '../model/fixtures';
import { Driver, HOUR } from './support/driver';

let signals = 0;
const signal = (d: Driver, name: string, variables?: Record<string, unknown>, signalId = `s${++signals}`) =>
  d.send({ type: 'signal', name, variables, signalId });
const subscribed = (d: Driver) =>
  Object.values(d.state.signals ?? {})
    .map((s) => `${s.elementId}:${s.name}`)
    .sort();

describe('signal catch events', () => {
  it('Signal.catch: the scope subscribes its boundaries (FEEL name evaluated) and event-subprocess starts', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    expect(subscribed(d)).toEqual([
      'AuditRequested:audit',
      'PriceChanged:price-north',
      'ShutdownSignalled:plant-shutdown',
      'Withdrawn:contract-withdrawn',
    ]);
    expect(d.commands).toContainEqual(
      expect.objectContaining({ type: 'subscribeSignal', name: 'price-north' }),
    );
  });

  it('a non-interrupting boundary fires on every broadcast and keeps the task; an unknown name changes nothing', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    signal(d, 'price-south');
    expect(d.active()).toEqual(['Review']);
    signal(d, 'price-north', { price: 9 }).completeJob('Reprice');
    signal(d, 'price-north', { price: 8 }).completeJob('Reprice');
    expect(d.trace()).toEqual([
      'Start',
      'PriceChanged',
      'Reprice',
      'Repriced',
      'PriceChanged',
      'Reprice',
      'Repriced',
    ]);
    expect(d.active()).toEqual(['Review']);
    expect(d.variables.price).toBe(8);
  });

  it('a redelivered broadcast (same signal id) is caught once', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    signal(d, 'audit', {}, 'dup');
    signal(d, 'audit', {}, 'dup');
    expect(d.active()).toEqual(['Audit', 'LogAudit', 'Review']);
    expect([...d.jobs.values()].filter((j) => j.elementId === 'LogAudit')).toHaveLength(1);
  });

  it('an interrupting boundary ends the task and releases its other subscriptions', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    signal(d, 'contract-withdrawn');
    expect(d.trace()).toEqual(['Start', 'Withdrawn', 'WithdrawnEnd']);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.signals).toEqual({});
  });

  it('the intermediate catch waits for its signal; output mappings pick from the signal variables', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    d.completeTask('Review');
    expect(subscribed(d)).toContain('AwaitRelease:release');
    expect(subscribed(d)).not.toContain('Withdrawn:contract-withdrawn');
    signal(d, 'release', { releasedBy: 'li.wei', noise: 1 });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.result).toEqual({ region: 'north', releaser: 'li.wei' });
  });

  it('an interrupting event subprocess ends everything in the scope; the non-interrupting one runs beside', async () => {
    const d = new Driver(await compileFixture('Signal.catch')).start({ region: 'north' });
    signal(d, 'audit', { auditor: 'qa' });
    expect(d.active()).toEqual(['Audit', 'LogAudit', 'Review']);
    signal(d, 'plant-shutdown');
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['Start', 'AuditRequested', 'ShutdownSignalled', 'ShutDown', 'Shutdown']);
    expect(d.jobs.size).toBe(0);
  });

  it('Signal.event-gateway: the signal wins the race and cancels the timer', async () => {
    const d = new Driver(await compileFixture('Signal.event-gateway')).start();
    signal(d, 'release');
    expect(d.trace()).toEqual(['Start', 'Race', 'GoSignal', 'Went']);
    expect(d.state.timers).toEqual({});
    const late = new Driver(await compileFixture('Signal.event-gateway')).start().advance(2 * HOUR);
    expect(late.trace()).toEqual(['Start', 'Race', 'Timeout', 'TimedOut']);
    expect(late.state.signals).toEqual({});
  });
});

describe('signal throw events and signal starts', () => {
  it('Signal.throw: the throw and the end event are broadcast jobs with the local variables and the evaluated name', async () => {
    const d = new Driver(await compileFixture('Signal.throw')).start({ user: 'wang.fang', region: 'east' });
    const announce = d.job('Announce');
    expect(announce).toMatchObject({
      taskType: SIGNAL_TASK_TYPE,
      headers: { signalName: 'release' },
      variables: { releasedBy: 'wang.fang' },
    });
    d.completeJob('Announce', {});
    expect(d.job('Done')).toMatchObject({
      taskType: SIGNAL_TASK_TYPE,
      headers: { signalName: 'done-east' },
      variables: {},
    });
    expect(d.state.status).toBe('ACTIVE');
    d.completeJob('Done', {});
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['Start', 'Announce', 'Done']);
  });

  it('Signal.start: a signal start event starts the process with the signal variables', async () => {
    const d = new Driver(await compileFixture('Signal.start')).start(
      { order: 7 },
      { startEventId: 'OrderPlaced' },
    );
    d.completeJob('Ack');
    expect(d.trace()).toEqual(['OrderPlaced', 'Ack', 'End']);
    expect(d.state.result).toMatchObject({ order: 7 });
  });
});
