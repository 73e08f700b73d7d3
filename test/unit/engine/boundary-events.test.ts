import { graph } from './support/graph-builder';
import { DAY, Driver, HOUR } from './support/driver';

const withBoundary = (event: Parameters<ReturnType<typeof graph>['boundary']>[2], cancelActivity: boolean) =>
  graph()
    .start()
    .user('review')
    .end('done')
    .flow('start', 'review', 'done')
    .boundary('b', 'review', event, cancelActivity)
    .service('remind')
    .end('reminded')
    .flow('b', 'remind', 'reminded')
    .build();

describe('boundary events', () => {
  it('interrupting timer terminates the activity and closes its task as cancelled', () => {
    const d = new Driver(
      withBoundary({ type: 'timer', timer: { kind: 'duration', expression: 'P2D' } }, true),
    ).start();
    const taskId = d.taskId('review');
    d.advance(2 * DAY);
    expect(d.state.tasks).toEqual({});
    expect(d.commands).toContainEqual({ type: 'closeUserTask', taskId, outcome: 'cancelled' });
    d.completeJob('remind');
    expect(d.trace()).toEqual(['start', 'b', 'remind', 'reminded']);
    expect(d.state.status).toBe('COMPLETED');
  });

  it('non-interrupting timer cycle repeats until the activity ends', () => {
    const d = new Driver(
      withBoundary({ type: 'timer', timer: { kind: 'cycle', expression: 'R/P1D' } }, false),
    ).start();
    d.advance(3 * DAY + HOUR);
    expect(d.state.completed.b).toBe(3);
    for (let i = 0; i < 3; i++) d.completeJob('remind');
    d.completeTask('review');
    expect(d.state.timers).toEqual({});
    d.advance(5 * DAY);
    expect(d.state.completed.b).toBe(3);
    expect(d.state.status).toBe('COMPLETED');
  });

  it('bounded cycle R2 fires twice', () => {
    const d = new Driver(
      withBoundary({ type: 'timer', timer: { kind: 'cycle', expression: 'R2/PT1H' } }, false),
    ).start();
    d.advance(10 * HOUR);
    expect(d.state.completed.b).toBe(2);
  });

  it('message boundary correlates by key and carries its variables', () => {
    const d = new Driver(
      withBoundary({ type: 'message', messageName: 'withdraw', correlationKey: '=id' }, true),
    ).start({ id: 42 });
    d.message('withdraw', '41');
    expect(d.active()).toEqual(['review']);
    d.message('withdraw', '42', { reason: 'customer' });
    expect(d.active()).toEqual(['remind']);
    expect(d.variables).toEqual({ id: 42, reason: 'customer' });
  });

  it('error boundary catches a BPMN error of the job by code; a catch-all takes the rest', () => {
    const g = graph()
      .start()
      .service('t')
      .end('done')
      .flow('start', 't', 'done')
      .boundary('specific', 't', { type: 'error', errorCode: 'NO_STOCK' })
      .boundary('any', 't', { type: 'error' })
      .end('e1')
      .end('e2')
      .flow('specific', 'e1')
      .flow('any', 'e2')
      .build();
    expect(new Driver(g).start().failJob('t', 'NO_STOCK', { sku: 1 }).trace()).toEqual([
      'start',
      'specific',
      'e1',
    ]);
    expect(new Driver(g).start().failJob('t', 'OTHER').trace()).toEqual(['start', 'any', 'e2']);
  });

  it('an uncaught job error raises an unhandled-error incident', () => {
    const g = graph().start().service('t').end().flow('start', 't', 'end').build();
    const d = new Driver(g).start().failJob('t', 'BOOM');
    expect(d.state.incidents[0]).toMatchObject({ kind: 'unhandled-error', elementId: 't' });
    expect(d.state.status).toBe('ACTIVE');
  });

  it('escalation from inside a subprocess: non-interrupting boundary runs alongside', () => {
    const g = graph()
      .start()
      .subProcess('sub')
      .end('done')
      .flow('start', 'sub', 'done')
      .start('s1', 'sub')
      .throwEvent('esc', { type: 'escalation', escalationCode: 'LATE' }, 'sub')
      .service('work', 'work', 'sub')
      .end('e1', 'sub')
      .flow('s1', 'esc', 'work', 'e1')
      .boundary('onLate', 'sub', { type: 'escalation', escalationCode: 'LATE' }, false)
      .end('notified')
      .flow('onLate', 'notified')
      .build();
    const d = new Driver(g).start();
    expect(d.trace()).toEqual(['start', 's1', 'onLate', 'esc', 'notified']);
    d.completeJob('work');
    expect(d.trace().slice(-3)).toEqual(['e1', 'sub', 'done']);
  });
});
