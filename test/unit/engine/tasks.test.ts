import { graph } from './support/graph-builder';
import { Driver } from './support/driver';

describe('tasks and variables', () => {
  it('runs service, script and user tasks in sequence, merging variables upward', () => {
    const g = graph()
      .start()
      .service('charge', 'payment')
      .script('sum', '=amount * 2', 'doubled')
      .user('approve', undefined, { candidateGroups: 'sales, qa', formId: 'approve-form' })
      .end()
      .flow('start', 'charge', 'sum', 'approve', 'end')
      .build();
    const d = new Driver(g).start({ amount: 21 });
    expect(d.job('charge')).toMatchObject({ taskType: 'payment', retries: 3, variables: { amount: 21 } });
    d.completeJob('charge', { paid: true });
    const task = Object.values(d.state.tasks)[0];
    expect(task).toMatchObject({
      elementId: 'approve',
      candidateGroups: ['sales', 'qa'],
      formId: 'approve-form',
    });
    d.completeTask('approve', { approved: true });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['start', 'charge', 'sum', 'approve', 'end']);
    expect(d.variables).toEqual({ amount: 21, paid: true, doubled: 42, approved: true });
    expect(d.commands.at(-1)).toEqual({ type: 'completeInstance', variables: d.variables });
  });

  it('applies input mappings as locals and output mappings into the parent scope', () => {
    const g = graph()
      .start()
      .service('lookup', 'lookup', undefined, {
        inputs: [
          { source: '=customer.id', target: 'id' },
          { source: 'static text', target: 'note' },
        ],
        outputs: [{ source: '=result.name', target: 'customer.name' }],
      })
      .end()
      .flow('start', 'lookup', 'end')
      .build();
    const d = new Driver(g).start({ customer: { id: 7 } });
    expect(d.job('lookup').variables).toMatchObject({ id: 7, note: 'static text' });
    d.completeJob('lookup', { result: { name: 'ACME' }, junk: 1 });
    expect(d.variables).toEqual({ customer: { id: 7, name: 'ACME' } });
  });

  it('keeps a task variable local when an input mapping defined it (Zeebe propagation)', () => {
    const g = graph()
      .start()
      .service('t', 't', undefined, { inputs: [{ source: '=1', target: 'x' }] })
      .end()
      .flow('start', 't', 'end')
      .build();
    const d = new Driver(g).start({}).completeJob('t', { x: 2, y: 3 });
    expect(d.variables).toEqual({ y: 3 });
  });

  it('parks an element with an unevaluable expression in an incident and resumes on retry', () => {
    const g = graph().start().script('s', '=1 +', 'r').end().flow('start', 's', 'end').build();
    const d = new Driver(g).start();
    expect(d.state.incidents).toHaveLength(1);
    expect(d.state.incidents[0]).toMatchObject({ elementId: 's', kind: 'expression', resolved: false });
    expect(d.state.status).toBe('ACTIVE');
    // Repair the graph (as a migration would) and retry.
    (d.graph.nodes.s as { expression: string }).expression = '=2';
    d.send({ type: 'incidentRetried', incidentId: d.state.incidents[0].incidentId });
    expect(d.state.incidents[0].resolved).toBe(true);
    expect(d.variables).toEqual({ r: 2 });
    expect(d.state.status).toBe('COMPLETED');
  });

  it('turns exhausted job retries into an incident and reschedules the job on retry', () => {
    const g = graph().start().service('t').end().flow('start', 't', 'end').build();
    const d = new Driver(g).start();
    const first = d.job('t');
    d.jobs.clear();
    d.send({ type: 'activityFailed', jobKey: first.jobKey, message: 'boom' });
    expect(d.state.incidents[0]).toMatchObject({ kind: 'job-failed', message: 'boom' });
    d.send({ type: 'incidentRetried', incidentId: d.state.incidents[0].incidentId });
    expect(d.job('t').jobKey).not.toBe(first.jobKey);
    d.completeJob('t');
    expect(d.state.status).toBe('COMPLETED');
  });

  it('ignores stale and unknown stimuli', () => {
    const g = graph().start().service('t').end().flow('start', 't', 'end').build();
    const d = new Driver(g).start();
    const before = JSON.stringify(d.state);
    d.send({ type: 'activityCompleted', jobKey: 'nope' })
      .send({ type: 'timerFired', timerKey: 'x' })
      .message('unknown');
    expect(JSON.stringify(d.state)).toBe(before);
  });

  it('cancels: open tasks closed as cancelled, jobs cancelled, instance terminated', () => {
    const g = graph()
      .start()
      .gateway('parallelGateway', 'fork')
      .user('u')
      .service('s')
      .flow('start', 'fork', 'u')
      .flow('fork', 's')
      .build();
    const d = new Driver(g).start().send({ type: 'cancel' });
    expect(d.state.status).toBe('TERMINATED');
    const types = d.commands.slice(-4).map((c) => c.type);
    expect(types).toEqual(expect.arrayContaining(['closeUserTask', 'cancelActivity', 'terminateInstance']));
    expect(d.commands.find((c) => c.type === 'closeUserTask')).toMatchObject({ outcome: 'cancelled' });
    expect(d.state.instances).toEqual({});
  });
});
