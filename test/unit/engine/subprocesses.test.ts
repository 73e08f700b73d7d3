import { graph } from './support/graph-builder';
import { Driver, HOUR } from './support/driver';

describe('subprocesses and event subprocesses', () => {
  it('embedded subprocess: input locals stay inside, output mappings come out', () => {
    const g = graph()
      .start()
      .subProcess('sub', undefined, {
        inputs: [{ source: '=10', target: 'local' }],
        outputs: [{ source: '=local + fromTask', target: 'total' }],
      })
      .end('done')
      .flow('start', 'sub', 'done')
      .start('s1', 'sub')
      .service('t', 't', 'sub')
      .end('e1', 'sub')
      .flow('s1', 't', 'e1')
      .build();
    const d = new Driver(g).start();
    expect(d.job('t').variables).toEqual({ local: 10 });
    d.completeJob('t', { fromTask: 5 });
    expect(d.trace()).toEqual(['start', 's1', 't', 'e1', 'sub', 'done']);
    expect(d.variables).toEqual({ fromTask: 5, total: 15 });
  });

  it('error end event inside a subprocess is caught by the boundary on the subprocess; siblings are terminated', () => {
    const g = graph()
      .start()
      .subProcess('sub')
      .end('done')
      .flow('start', 'sub', 'done')
      .start('s1', 'sub')
      .gateway('parallelGateway', 'fork', 'sub')
      .user('waiting', 'sub')
      .end('fail', 'sub', { type: 'error', errorCode: 'REJECTED' })
      .flow('s1', 'fork', 'waiting')
      .flow('fork', 'fail')
      .boundary('caught', 'sub', { type: 'error', errorCode: 'REJECTED' })
      .end('handled')
      .flow('caught', 'handled')
      .build();
    const d = new Driver(g).start();
    expect(d.trace()).toEqual(['start', 's1', 'fork', 'caught', 'handled']);
    expect(d.state.tasks).toEqual({});
    expect(d.commands.find((c) => c.type === 'closeUserTask')).toMatchObject({ outcome: 'cancelled' });
    expect(d.state.status).toBe('COMPLETED');
  });

  it('error event subprocess catches before the boundary of the enclosing activity', () => {
    const g = graph()
      .start()
      .service('t')
      .end()
      .flow('start', 't', 'end')
      .eventSubProcess('onError')
      .start('es', 'onError', { type: 'error', errorCode: 'X' })
      .end('esEnd', 'onError')
      .flow('es', 'esEnd')
      .build();
    const d = new Driver(g).start().failJob('t', 'X', { why: 'x' });
    expect(d.trace()).toEqual(['start', 'es', 'esEnd', 'onError']);
    expect(d.variables).toEqual({ why: 'x' });
    expect(d.state.status).toBe('COMPLETED');
  });

  it('interrupting timer event subprocess ends the main flow', () => {
    const g = graph()
      .start()
      .user('slow')
      .end()
      .flow('start', 'slow', 'end')
      .eventSubProcess('deadline')
      .start('t1', 'deadline', { type: 'timer', timer: { kind: 'duration', expression: 'PT2H' } }, true)
      .end('escalated', 'deadline')
      .flow('t1', 'escalated')
      .build();
    const d = new Driver(g).start().advance(2 * HOUR);
    expect(d.trace()).toEqual(['start', 't1', 'escalated', 'deadline']);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.tasks).toEqual({});
  });

  it('non-interrupting message event subprocess runs alongside, and again for each message', () => {
    const g = graph()
      .start()
      .user('work')
      .end()
      .flow('start', 'work', 'end')
      .eventSubProcess('onNote')
      .start('m', 'onNote', { type: 'message', messageName: 'note', correlationKey: '=key' }, false)
      .end('noted', 'onNote')
      .flow('m', 'noted')
      .build();
    const d = new Driver(g).start({ key: 'k' }).message('note', 'k').message('note', 'k');
    expect(d.state.completed.onNote).toBe(2);
    expect(d.active()).toEqual(['work']);
    d.completeTask('work');
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.messages).toEqual({});
  });

  it('a duplicate message id is correlated once', () => {
    const g = graph()
      .start()
      .receive('r', 'go')
      .receive('r2', 'go')
      .end()
      .flow('start', 'r', 'r2', 'end')
      .build();
    const d = new Driver(g).start().message('go', undefined, {}, 'same').message('go', undefined, {}, 'same');
    expect(d.active()).toEqual(['r2']);
  });

  it('terminate end event ends the other tokens of its scope', () => {
    const g = graph()
      .start()
      .gateway('parallelGateway', 'fork')
      .user('u')
      .end('kill', undefined, { type: 'terminate' })
      .flow('start', 'fork', 'u')
      .flow('fork', 'kill')
      .build();
    const d = new Driver(g).start();
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.timeline.filter((e) => e.event === 'terminated').map((e) => e.elementId)).toEqual(['u']);
  });
});

describe('call activities', () => {
  const parent = () =>
    graph('parent')
      .start()
      .callActivity('call', 'child', { inputs: [{ source: '=a', target: 'x' }] })
      .end('done')
      .flow('start', 'call', 'done')
      .boundary('failed', 'call', { type: 'error', errorCode: 'CHILD_ERR' })
      .end('failEnd')
      .flow('failed', 'failEnd')
      .build();

  it('starts the child with the visible variables and merges its result', () => {
    const d = new Driver(parent()).start({ a: 1 });
    const [child] = d.children.values();
    expect(child).toMatchObject({
      elementId: 'call',
      processId: 'child',
      binding: 'latest',
      variables: { a: 1, x: 1 },
    });
    d.send({ type: 'childCompleted', childKey: child.childKey, variables: { y: 2 } });
    expect(d.variables).toEqual({ a: 1, y: 2 });
  });

  it('catches an error the child could not handle', () => {
    const d = new Driver(parent()).start({ a: 1 });
    const [child] = d.children.values();
    d.send({
      type: 'childFailed',
      childKey: child.childKey,
      error: { errorCode: 'CHILD_ERR' },
      message: 'x',
    });
    expect(d.trace()).toEqual(['start', 'failed', 'failEnd']);
  });

  it('a child instance fails with an uncaught error instead of raising an incident', () => {
    const g = graph('child')
      .start()
      .end('boom', undefined, { type: 'error', errorCode: 'CHILD_ERR' })
      .flow('start', 'boom')
      .build();
    const d = new Driver(g).start({}, { propagateErrors: true });
    expect(d.state.status).toBe('FAILED');
    expect(d.commands.at(-1)).toEqual({ type: 'failInstance', error: { errorCode: 'CHILD_ERR' } });
  });
});
