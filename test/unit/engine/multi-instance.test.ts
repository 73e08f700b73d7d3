import { graph } from './support/graph-builder';
import { Driver } from './support/driver';

const mi = (sequential: boolean, completionCondition?: string) =>
  graph()
    .start()
    .service('check', 'check', undefined, {
      multiInstance: {
        sequential,
        inputCollection: '=items',
        inputElement: 'item',
        outputCollection: 'results',
        outputElement: '=result',
        ...(completionCondition ? { completionCondition } : {}),
      },
    })
    .end()
    .flow('start', 'check', 'end')
    .build();

describe('multi-instance', () => {
  it('parallel: one job per item with item and loopCounter; results in item order', () => {
    const d = new Driver(mi(false)).start({ items: ['a', 'b', 'c'] });
    const jobs = [...d.jobs.values()];
    expect(jobs.map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    for (const j of [jobs[2], jobs[0], jobs[1]])
      d.send({ type: 'activityCompleted', jobKey: j.jobKey, variables: { result: `${j.variables.item}!` } });
    expect(d.variables.results).toEqual(['a!', 'b!', 'c!']);
    expect(d.state.completed.check).toBe(3);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables).not.toHaveProperty('item');
  });

  it('sequential: the next item starts when the previous completes', () => {
    const d = new Driver(mi(true)).start({ items: [1, 2] });
    expect(d.jobs.size).toBe(1);
    d.completeJob('check', { result: 10 });
    expect(d.job('check').variables.item).toBe(2);
    d.completeJob('check', { result: 20 });
    expect(d.variables.results).toEqual([10, 20]);
  });

  it('completion condition ends the remaining instances', () => {
    const d = new Driver(mi(false, '=numberOfCompletedInstances >= 2')).start({ items: [1, 2, 3, 4] });
    const jobs = [...d.jobs.values()];
    d.send({ type: 'activityCompleted', jobKey: jobs[1].jobKey, variables: { result: 'x' } });
    d.send({ type: 'activityCompleted', jobKey: jobs[3].jobKey, variables: { result: 'y' } });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.results).toEqual([null, 'x', null, 'y']);
    expect(d.commands.filter((c) => c.type === 'cancelActivity')).toHaveLength(2);
  });

  it('an empty collection completes at once', () => {
    const d = new Driver(mi(false)).start({ items: [] });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.variables.results).toEqual([]);
  });

  it('multi-instance subprocess keeps each iteration in its own scope', () => {
    const g = graph()
      .start()
      .subProcess('each', undefined, {
        multiInstance: {
          sequential: false,
          inputCollection: '=[1,2]',
          inputElement: 'n',
          outputCollection: 'out',
          outputElement: '=n * 10',
        },
      })
      .end()
      .flow('start', 'each', 'end')
      .start('s', 'each')
      .script('calc', '=n + 1', 'm', 'each')
      .end('e', 'each')
      .flow('s', 'calc', 'e')
      .build();
    const d = new Driver(g).start();
    expect(d.variables.out).toEqual([10, 20]);
    expect(d.state.completed.each).toBe(2);
  });
});
