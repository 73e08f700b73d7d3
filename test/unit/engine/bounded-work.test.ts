/**
 * Bounded work (engine/limits.ts): a loop without a wait state, a FEEL expression sized by
 * a caller's variable and an oversized multi-instance collection each end in an incident
 * within one step, and the instance stays cancellable.
 */
import { graph } from './support/graph-builder';
import { Driver } from './support/driver';

/** start → count (i = i + 1) → more? — loops back while `i < until`, else ends. */
const loop = (expression = '=i + 1') =>
  graph('loop')
    .start()
    .script('count', expression, 'i')
    .gateway('exclusiveGateway', 'more')
    .end()
    .flow('start', 'count', 'more')
    .conditional('more', 'count', '=i < until')
    .defaultFlow('more', 'end')
    .build();

const script = (expression: string) =>
  graph('feel').start().script('calc', expression, 'result').end().flow('start', 'calc', 'end').build();

const incidents = (d: Driver) => d.state.incidents.filter((i) => !i.resolved);

describe('step budget', () => {
  it('a loop without a wait state stops in a no-wait-state incident, and cancel still ends the instance', () => {
    // `=i` keeps FEEL out of the way (the simple evaluator): only the activations count here.
    const d = new Driver(loop('=i')).start({ i: 0, until: 1 });
    expect(d.state.status).toBe('ACTIVE');
    expect(incidents(d)).toEqual([
      expect.objectContaining({
        kind: 'no-wait-state',
        message: expect.stringContaining('2000 element activations'),
      }),
    ]);
    // start, then count and more 1,000 times each: the 2,001st activation (the last `more`) stops.
    expect(d.state.completed.count).toBe(1_000);
    expect(incidents(d)[0].elementId).toBe('more');
    d.send({ type: 'cancel' });
    expect(d.state.status).toBe('TERMINATED');
  });

  it('a FEEL loop meets the FEEL budget first: 500 evaluations per step', () => {
    const d = new Driver(loop()).start({ i: 0, until: 1e12 });
    expect(incidents(d)).toEqual([
      expect.objectContaining({ kind: 'expression-budget', elementId: 'count' }),
    ]);
    expect(d.variables.i).toBe(500);
  });

  it('a retry goes on with a fresh budget', () => {
    const d = new Driver(loop());
    d.limits = { maxActivationsPerStep: 40 };
    d.start({ i: 0, until: 30 });
    const [incident] = incidents(d);
    expect(incident).toMatchObject({ kind: 'no-wait-state' });
    expect(d.variables.i).toBeLessThan(30);
    d.send({ type: 'incidentRetried', incidentId: incident.incidentId });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.i).toBe(30);
  });

  it('a loop through a wait state spends a fresh budget every time it waits', () => {
    const g = graph('waits')
      .start()
      .service('work')
      .gateway('exclusiveGateway', 'more')
      .end()
      .flow('start', 'work', 'more')
      .conditional('more', 'work', '=false')
      .defaultFlow('more', 'end')
      .build();
    const d = new Driver(g);
    d.limits = { maxActivationsPerStep: 3 };
    d.start().completeJob('work');
    expect(d.state.status).toBe('COMPLETED');
  });
});

describe('FEEL budget', () => {
  it('a range sized by a variable (n = 30,000,000) is an expression-budget incident before it is built', () => {
    const started = Date.now();
    const d = new Driver(script('=count(for i in 1..n return i)')).start({ n: 30_000_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(incidents(d)).toEqual([expect.objectContaining({ kind: 'expression-budget', elementId: 'calc' })]);
    expect(d.state.status).toBe('ACTIVE');
  });

  it('the same expression within the budget evaluates', () => {
    const d = new Driver(script('=count(for i in 1..n return i)')).start({ n: 1_000 });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.result).toBe(1_000);
  });

  it('recursion through a user-defined function is charged per call', () => {
    const d = new Driver(
      script('={f: function(k) if k = 0 then 1 else f(k - 1) + f(k - 1), r: f(n)}.r'),
    ).start({ n: 40 });
    expect(incidents(d)).toEqual([expect.objectContaining({ kind: 'expression-budget' })]);
  });

  it('the budget covers the whole step, not one expression', () => {
    const g = graph('two')
      .start()
      .script('a', '=count(for i in 1..450 return i)', 'x')
      .script('b', '=count(for i in 1..450 return i)', 'y')
      .end()
      .flow('start', 'a', 'b', 'end')
      .build();
    const d = new Driver(g);
    d.limits = { maxFeelUnitsPerStep: 1_000 };
    d.start();
    expect(d.variables.x).toBe(450);
    expect(incidents(d)).toEqual([expect.objectContaining({ kind: 'expression-budget', elementId: 'b' })]);
  });
});

describe('multi-instance cardinality cap', () => {
  const mi = () =>
    graph('mi')
      .start()
      .service('each', 'each', undefined, { multiInstance: { sequential: false, inputCollection: '=items' } })
      .end()
      .flow('start', 'each', 'end')
      .build();

  it('a collection over the cap (default 1,000) is an incident on the body; no job is scheduled', () => {
    const d = new Driver(mi()).start({ items: Array.from({ length: 100_000 }, (_, i) => i) });
    expect(incidents(d)).toEqual([
      expect.objectContaining({
        kind: 'multi-instance-cap',
        elementId: 'each',
        message: expect.stringContaining('100000 items'),
      }),
    ]);
    expect(d.jobs.size).toBe(0);
    d.send({ type: 'cancel' });
    expect(d.state.status).toBe('TERMINATED');
  });

  it('the cap is configurable', () => {
    const d = new Driver(mi());
    d.limits = { maxMultiInstanceCardinality: 2 };
    d.start({ items: [1, 2, 3] });
    expect(incidents(d)).toEqual([expect.objectContaining({ kind: 'multi-instance-cap' })]);
    const ok = new Driver(mi());
    ok.limits = { maxMultiInstanceCardinality: 3 };
    ok.start({ items: [1, 2, 3] });
    expect(ok.jobs.size).toBe(3);
  });
});
