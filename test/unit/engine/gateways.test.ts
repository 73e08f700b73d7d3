import { graph } from './support/graph-builder';
import { Driver, HOUR } from './support/driver';

describe('gateways', () => {
  const exclusive = () =>
    graph()
      .start()
      .gateway('exclusiveGateway', 'xor')
      .task('big')
      .task('small')
      .end('end')
      .flow('start', 'xor')
      .conditional('xor', 'big', '=amount > 100')
      .defaultFlow('xor', 'small')
      .flow('big', 'end')
      .flow('small', 'end')
      .build();

  it('exclusive: takes the first flow whose condition holds, else the default', () => {
    expect(new Driver(exclusive()).start({ amount: 500 }).trace()).toEqual(['start', 'xor', 'big', 'end']);
    expect(new Driver(exclusive()).start({ amount: 5 }).trace()).toEqual(['start', 'xor', 'small', 'end']);
  });

  it('exclusive without a matching flow or default raises an incident on the gateway', () => {
    const g = graph()
      .start()
      .gateway('exclusiveGateway', 'xor')
      .end()
      .flow('start', 'xor')
      .conditional('xor', 'end', '=false')
      .build();
    const d = new Driver(g).start();
    expect(d.state.incidents[0]).toMatchObject({ elementId: 'xor', kind: 'expression' });
    expect(d.active()).toEqual(['xor']);
  });

  it('parallel: forks and joins once when every branch arrived', () => {
    const g = graph()
      .start()
      .gateway('parallelGateway', 'fork')
      .service('a')
      .service('b')
      .gateway('parallelGateway', 'join')
      .end()
      .flow('start', 'fork', 'a', 'join', 'end')
      .flow('fork', 'b', 'join')
      .build();
    const d = new Driver(g).start().completeJob('b');
    expect(d.active()).toEqual(['a']);
    d.completeJob('a');
    expect(d.trace()).toEqual(['start', 'fork', 'b', 'a', 'join', 'end']);
    expect(d.state.status).toBe('COMPLETED');
  });

  const inclusive = () =>
    graph()
      .start()
      .gateway('inclusiveGateway', 'split')
      .service('a')
      .service('b')
      .service('c')
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

  it('inclusive: forks on every holding condition and joins waiting only for the live paths', () => {
    const d = new Driver(inclusive()).start({ x: 50 });
    expect(d.active()).toEqual(['a', 'b']);
    d.completeJob('a');
    expect(d.active()).toEqual(['b']);
    expect(d.state.completed.merge).toBeUndefined();
    d.completeJob('b');
    expect(d.trace()).toEqual(['start', 'split', 'a', 'b', 'merge', 'end']);
    expect(d.state.completed.merge).toBe(1);
  });

  it('inclusive join fires when the other live path is interrupted away from it', () => {
    const g = inclusive();
    const d = new Driver(g);
    // a boundary error on b leads elsewhere: after it fires, the merge no longer waits for b.
    g.nodes.b.boundaryEvents = ['err'];
    g.nodes.err = {
      id: 'err',
      kind: 'boundaryEvent',
      parent: 'proc',
      attachedTo: 'b',
      cancelActivity: true,
      event: { type: 'error' },
      incoming: [],
      outgoing: ['f_err'],
    };
    g.nodes.errEnd = {
      id: 'errEnd',
      kind: 'endEvent',
      parent: 'proc',
      event: { type: 'none' },
      incoming: ['f_err'],
      outgoing: [],
    };
    g.flows.f_err = { id: 'f_err', source: 'err', target: 'errEnd' };
    d.start({ x: 50 }).completeJob('a');
    expect(d.state.completed.merge).toBeUndefined();
    d.failJob('b', 'ANY');
    expect(d.trace()).toEqual(['start', 'split', 'a', 'err', 'errEnd', 'merge', 'end']);
    expect(d.state.status).toBe('COMPLETED');
  });

  it('event-based gateway: the first event wins and the other subscription is dropped', () => {
    const g = graph()
      .start()
      .gateway('eventBasedGateway', 'race')
      .catchEvent('paid', { type: 'message', messageName: 'payment', correlationKey: '=orderId' })
      .catchEvent('timeout', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .end('ok')
      .end('late')
      .flow('start', 'race', 'paid', 'ok')
      .flow('race', 'timeout', 'late')
      .build();
    const won = new Driver(g).start({ orderId: 'o-1' }).message('payment', 'o-1', { amount: 3 });
    expect(won.trace()).toEqual(['start', 'race', 'paid', 'ok']);
    expect(won.variables).toEqual({ orderId: 'o-1', amount: 3 });
    expect(won.commands.some((c) => c.type === 'cancelTimer')).toBe(true);
    const lost = new Driver(g).start({ orderId: 'o-2' }).advance(3600_000);
    expect(lost.trace()).toEqual(['start', 'race', 'timeout', 'late']);
    expect(lost.state.messages).toEqual({});
  });
});

describe('message time to live', () => {
  const waitsLater = () =>
    graph()
      .start()
      .service('prepare')
      .catchEvent('paid', { type: 'message', messageName: 'payment', correlationKey: '=orderId' })
      .end()
      .flow('start', 'prepare', 'paid', 'end')
      .build();

  it('a message with a time to live waits for the subscription that opens later, and is correlated once', () => {
    const d = new Driver(waitsLater()).start({ orderId: 'o-1' });
    d.send({
      type: 'message',
      name: 'payment',
      correlationKey: 'o-1',
      variables: { amount: 3 },
      messageId: 'p1',
      timeToLiveMs: HOUR,
    });
    d.send({
      type: 'message',
      name: 'payment',
      correlationKey: 'o-1',
      variables: { amount: 3 },
      messageId: 'p1',
      timeToLiveMs: HOUR,
    });
    expect(d.state.bufferedMessages).toEqual([
      {
        name: 'payment',
        correlationKey: 'o-1',
        variables: { amount: 3 },
        messageId: 'p1',
        expiresAt: d.now + HOUR,
      },
    ]);
    d.completeJob('prepare');
    expect(d.trace()).toEqual(['start', 'prepare', 'paid', 'end']);
    expect(d.variables).toMatchObject({ amount: 3 });
    expect(d.state.bufferedMessages).toBeUndefined();
  });

  it('without a time to live, or once it has expired, an unmatched message is dropped', () => {
    const dropped = new Driver(waitsLater()).start({ orderId: 'o-1' }).message('payment', 'o-1');
    expect(dropped.state.bufferedMessages).toBeUndefined();
    const expired = new Driver(waitsLater()).start({ orderId: 'o-1' });
    expired.send({
      type: 'message',
      name: 'payment',
      correlationKey: 'o-1',
      messageId: 'p1',
      timeToLiveMs: HOUR,
    });
    expired.now += 2 * HOUR;
    expired.completeJob('prepare');
    expect(expired.active()).toEqual(['paid']);
    expect(expired.state.bufferedMessages).toBeUndefined();
  });
});
