/**
 * Compensation in the pure core: completed compensable activities are remembered with their
 * variables, and throw / end events start their handlers newest first, each once, in scope.
 */
import { compileFixture } from '../model/fixtures';
import { migrateInstance } from '../../../engine/operations/migrate';
import { Driver, HOUR } from './support/driver';
import { graph } from './support/graph-builder';

const started = (d: Driver) => d.state.timeline.filter((e) => e.event === 'started').map((e) => e.elementId);

describe('compensation', () => {
  it('Compensation.throw: compensates every completed activity of the scope, newest first, and waits for the handlers', async () => {
    const graph = await compileFixture('Compensation.throw');
    expect(graph.nodes.BookCompensation).toMatchObject({ compensationHandler: 'UndoBook' });
    expect(graph.nodes.UndoBook).toMatchObject({ isForCompensation: true });
    const d = new Driver(graph).start({ amount: 42, log: [] });
    expect(d.state.compensable).toBeUndefined();

    d.completeJob('Book', { BookDone: true });
    // RefundCharge ran at once (a script); the throw waits for UndoBook's job.
    expect(d.active()).toEqual(['Undo', 'UndoBook']);
    expect(d.variables.log).toEqual(['refund C-42']);
    expect(d.job('UndoBook').variables).toMatchObject({ bookingRef: 'B-42', amount: 42 });
    expect(d.state.compensable).toBeUndefined();

    d.completeJob('UndoBook', { UndoBookDone: true });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual([
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
    // The handlers' locals (the compensated activities' input mappings) stay with them.
    expect(d.state.result).toEqual({
      amount: 42,
      log: ['refund C-42'],
      BookDone: true,
      charged: 42,
      UndoBookDone: true,
    });
  });

  it('Compensation.activity-ref: compensates the named activity only, each activity once', async () => {
    const d = new Driver(await compileFixture('Compensation.activity-ref')).start({ log: [] });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.log).toEqual(['undo B', 'undo A']);
    expect(d.trace()).toEqual([
      'Start',
      'A',
      'B',
      'BCompensation',
      'UndoB',
      'UndoBFirst',
      'ACompensation',
      'UndoA',
      'UndoAThen',
      'UndoAll',
      'End',
    ]);
  });

  it('Compensation.subprocess: a completed subprocess is compensated inside, newest first; a throw inside a subprocess stays inside', async () => {
    const d = new Driver(await compileFixture('Compensation.subprocess')).start({ log: [] });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.log).toEqual(['cancel policy', 'cancel hotel', 'cancel flight', 'refund deposit']);
    expect(d.trace().slice(-2)).toEqual(['RefundDeposit', 'Rollback']);
  });

  it('Compensation.multi-instance: each completed iteration with its own item; a multi-instance activity once', async () => {
    const d = new Driver(await compileFixture('Compensation.multi-instance')).start({
      items: [1, 2, 3],
      log: [],
    });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.log).toEqual(['unnotify 3', 'release 3', 'release 2', 'release 1']);
    expect(started(d).filter((id) => id === 'Unnotify')).toHaveLength(1);
  });

  it('Compensation.event-subprocess: an error event subprocess compensates the completed activities around it, not the terminated ones', async () => {
    const d = new Driver(await compileFixture('Compensation.event-subprocess')).start({ log: [] });
    expect(d.active()).toEqual(['Charge', 'Pack']);
    d.failJob('Charge', 'DECLINED');
    expect(d.active()).toEqual(['CompensateAll', 'OnDeclined', 'UndoBook']);
    d.completeJob('UndoBook', { UndoBookDone: true });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables).toMatchObject({ log: [], UndoBookDone: true });
    expect(started(d)).not.toContain('Unpack');
  });

  it('forgets what completed inside an interrupted subprocess; a throw with nothing to compensate passes at once', () => {
    const undo = (id: string, text: string) =>
      ({
        id,
        kind: 'scriptTask',
        expression: `=append(log, "${text}")`,
        resultVariable: 'log',
        isForCompensation: true,
      }) as const;
    const b = graph()
      .start()
      .subProcess('sub')
      .start('subStart', 'sub')
      .script('inner', '=1', 'inner', 'sub')
      .add(undo('undoInner', 'undo inner'), 'sub')
      .boundary('innerComp', 'inner', { type: 'compensation' })
      .set('innerComp', { compensationHandler: 'undoInner' })
      .user('wait', 'sub')
      .flow('subStart', 'inner', 'wait')
      .boundary('late', 'sub', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .script('outer', '=1', 'outer')
      .add(undo('undoOuter', 'undo outer'))
      .boundary('outerComp', 'outer', { type: 'compensation' })
      .set('outerComp', { compensationHandler: 'undoOuter' })
      .throwEvent('undo', { type: 'compensation' })
      .end()
      .flow('start', 'sub')
      .flow('late', 'outer', 'undo', 'end');
    const d = new Driver(b.build()).start({ log: [] });
    expect(d.state.compensable).toEqual([
      {
        instanceKey: expect.any(String),
        elementId: 'inner',
        scopeKey: expect.any(String),
        handlerId: 'undoInner',
      },
    ]);
    d.advance(HOUR);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.log).toEqual(['undo outer']);
    expect(d.state.compensable).toBeUndefined();
  });

  it('Compensation.repeated: an activity that completed twice is compensated twice, each with its own variables', async () => {
    const d = new Driver(await compileFixture('Compensation.repeated')).start({ counter: 0, log: [] });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables).toEqual({ counter: 2, log: ['uncount 2', 'uncount 1'] });
  });

  it('Compensation.handlers: a subprocess handler, the nested handler after it, a call activity handler the end event waits for', async () => {
    const d = new Driver(await compileFixture('Compensation.handlers')).start({ log: [] });
    d.completeJob('Pay');
    // Trip's handler is started before the one nested in Trip (its inner tokens then run after).
    const handlers = started(d).filter((id) => id === 'CancelTrip' || id === 'CancelFlight');
    expect(handlers).toEqual(['CancelTrip', 'CancelFlight']);
    expect([...(d.variables.log as string[])].sort()).toEqual(['cancel flight', 'cancel trip']);
    expect(d.active()).toEqual(['Refund', 'UndoPay']);
    const [child] = [...d.children.values()];
    expect(child).toMatchObject({ elementId: 'Refund' });
    d.send({ type: 'childCompleted', childKey: child.childKey, variables: { refunded: true } });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables).toMatchObject({ refunded: true });
    expect(d.trace().slice(-3)).toEqual(['PayCompensation', 'Refund', 'UndoPay']);
  });

  it('a handler in an incident keeps the throw waiting; the retry completes both', () => {
    const b = graph()
      .start()
      .script('book', '=1', 'booked')
      .service('unbook', 'flaky', undefined, { isForCompensation: true })
      .boundary('bookComp', 'book', { type: 'compensation' })
      .set('bookComp', { compensationHandler: 'unbook' })
      .throwEvent('undo', { type: 'compensation' })
      .end()
      .flow('start', 'book', 'undo', 'end');
    const d = new Driver(b.build()).start();
    const failed = d.job('unbook').jobKey;
    d.jobs.delete(failed);
    d.send({ type: 'activityFailed', jobKey: failed, message: 'down' });
    const [incident] = d.state.incidents;
    expect(incident).toMatchObject({ elementId: 'unbook', resolved: false });
    expect(d.active()).toEqual(['unbook', 'undo']);
    d.send({ type: 'incidentRetried', incidentId: incident.incidentId });
    d.completeJob('unbook');
    expect(d.state.status).toBe('COMPLETED');
  });

  it('a migrated instance compensates what completed before, with the handler of the target version', () => {
    const version = (activity: string, handler?: string) => {
      const b = graph('order')
        .start()
        .script(activity, '=1', 'done')
        .user('wait')
        .throwEvent('undo', { type: 'compensation' });
      if (handler)
        b.add({
          id: handler,
          kind: 'scriptTask',
          expression: `=append(log, "${handler}")`,
          resultVariable: 'log',
          isForCompensation: true,
        })
          .boundary(`${activity}Comp`, activity, { type: 'compensation' })
          .set(`${activity}Comp`, { compensationHandler: handler });
      return b.end().flow('start', activity, 'wait', 'undo', 'end').build();
    };
    const migrated = (
      target: ReturnType<typeof version>,
      mappings = [{ sourceElementId: 'book', targetElementId: 'reserve' }],
    ) => {
      const d = new Driver(version('book', 'unbook')).start({ log: [] });
      expect(d.state.compensable).toEqual([
        expect.objectContaining({ elementId: 'book', handlerId: 'unbook' }),
      ]);
      d.adopt(
        migrateInstance(d.graph, target, d.state, mappings, { now: d.now, timeZone: 'Asia/Shanghai' }),
        target,
      );
      return d.completeTask('wait');
    };
    expect(migrated(version('reserve', 'release')).variables.log).toEqual(['release']);
    expect(migrated(version('reserve')).variables.log).toEqual([]);
    expect(migrated(version('reserve', 'release'), []).state).toMatchObject({
      status: 'COMPLETED',
      variables: { 0: { log: [] } },
    });
  });
});
