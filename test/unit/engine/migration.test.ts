import { migrateInstance, migrationProblems, planProblems } from '../../../engine/operations/migrate';
import type { MigrationMapping } from '../../../engine/operations/migration';
import { Driver, HOUR } from './support/driver';
import { graph } from './support/graph-builder';

const timer = (expression: string) => ({
  type: 'timer' as const,
  timer: { kind: 'duration' as const, expression },
});

const v1 = () =>
  graph('order')
    .start()
    .user('review', undefined, { name: 'Review', candidateGroups: 'sales' })
    .boundary('remind', 'review', timer('PT2H'), false)
    .end('reminded')
    .flow('remind', 'reminded')
    .catchEvent('paid', { type: 'message', messageName: 'paid', correlationKey: '=orderNo' })
    .end()
    .flow('start', 'review', 'paid', 'end')
    .build();

const v2 = () =>
  graph('order')
    .start()
    .user('check', undefined, { name: 'Check order', candidateGroups: 'sales' })
    .boundary('remind', 'check', timer('PT2H'), false)
    .boundary('escalate', 'check', timer('PT5H'), false)
    .end('reminded')
    .end('escalated')
    .flow('remind', 'reminded')
    .flow('escalate', 'escalated')
    .user('approve', undefined, { candidateGroups: 'manager' })
    .catchEvent('paid', { type: 'message', messageName: 'payment', correlationKey: '=orderNo' })
    .end()
    .flow('start', 'check', 'approve', 'paid', 'end')
    .build();

const mappings: MigrationMapping[] = [{ sourceElementId: 'review', targetElementId: 'check' }];

function migrate(d: Driver, target = v2(), m = mappings): Driver {
  expect(migrationProblems(d.graph, target, d.state, m)).toEqual([]);
  return d.adopt(
    migrateInstance(d.graph, target, d.state, m, { now: d.now, timeZone: 'Asia/Shanghai' }),
    target,
  );
}

describe('process instance migration', () => {
  it('a waiting user task keeps its id and timer due time, a new boundary timer is armed, and the instance continues on v2', () => {
    const d = new Driver(v1()).start({ orderNo: 'A-1' });
    const taskId = d.taskId('review');
    const remind = Object.values(d.state.timers)[0];
    d.advance(HOUR);
    migrate(d);
    expect(d.state.tasks[taskId]).toMatchObject({ taskId, elementId: 'check', name: 'Check order' });
    const timers = Object.values(d.state.timers);
    expect(timers.find((t) => t.elementId === 'remind')).toEqual({ ...remind, elementId: 'remind' });
    expect(timers.find((t) => t.elementId === 'escalate')?.fireAt).toBe(d.now + 5 * HOUR);
    expect(d.active()).toEqual(['check']);
    expect(d.state.timeline.at(-1)).toMatchObject({ event: 'migrated', elementType: 'process' });
    d.advance(HOUR + 1);
    expect(d.trace()).toEqual(['start', 'remind', 'reminded']);
    d.completeTask('check');
    expect(d.active()).toEqual(['approve']);
    d.completeTask('approve');
    d.message('payment', 'A-1');
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['start', 'remind', 'reminded', 'check', 'approve', 'paid', 'end']);
  });

  it('a message catch is subscribed again under the target version name', () => {
    const d = new Driver(v1()).start({ orderNo: 'A-2' }).completeTask('review');
    expect(Object.values(d.state.messages).map((m) => m.name)).toEqual(['paid']);
    migrate(d);
    expect(Object.values(d.state.messages)).toMatchObject([
      { name: 'payment', correlationKey: 'A-2', elementId: 'paid' },
    ]);
    expect(d.commands).toContainEqual(expect.objectContaining({ type: 'unsubscribeMessage' }));
    d.message('payment', 'A-2');
    expect(d.state.status).toBe('COMPLETED');
  });

  it('reports unmapped and incompatible active elements, and every element of the version the plan cannot carry', () => {
    const d = new Driver(v1()).start({});
    expect(migrationProblems(d.graph, v2(), d.state, [])).toEqual([
      expect.objectContaining({ elementId: 'review', problem: 'unmapped' }),
    ]);
    expect(
      migrationProblems(d.graph, v2(), d.state, [{ sourceElementId: 'review', targetElementId: 'paid' }]),
    ).toEqual([
      expect.objectContaining({ elementId: 'review', problem: 'incompatible', targetElementId: 'paid' }),
    ]);
    expect(planProblems(v1(), v2(), [])).toEqual([
      expect.objectContaining({ elementId: 'review', problem: 'unmapped' }),
    ]);
    expect(planProblems(v1(), v2(), mappings)).toEqual([]);
  });

  describe('tokens waiting at a join', () => {
    // Flows keep their ids across versions (as a modeler keeps them): same build order, same ids.
    const forked = (
      id: string,
      join: string,
      kind: 'parallelGateway' | 'exclusiveGateway' = 'parallelGateway',
    ) => graph(id).start().gateway('parallelGateway', 'fork').user('a').user('b').gateway(kind, join);
    const v1j = () =>
      forked('order', 'join')
        .end()
        .flow('start', 'fork')
        .flow('fork', 'a', 'join')
        .flow('fork', 'b', 'join')
        .flow('join', 'end')
        .build();
    // v2 adds a task after the join.
    const v2j = () =>
      forked('order', 'join')
        .user('c')
        .end()
        .flow('start', 'fork')
        .flow('fork', 'a', 'join')
        .flow('fork', 'b', 'join')
        .flow('join', 'c', 'end')
        .build();
    const waitingAtJoin = () => {
      const d = new Driver(v1j()).start({}).completeTask('a');
      expect(d.active()).toEqual(['b']);
      expect(Object.keys(d.state.joins)).toHaveLength(1);
      return d;
    };

    it('keep waiting at the target join, which fires when the other branch arrives', () => {
      const d = waitingAtJoin();
      migrate(d, v2j(), []);
      expect(Object.values(d.state.joins)).toEqual([{ f3_a_join: 1 }]);
      d.completeTask('b');
      expect(d.active()).toEqual(['c']);
      d.completeTask('c');
      expect(d.state.status).toBe('COMPLETED');
      expect(d.trace().filter((id) => id === 'join')).toEqual(['join']);
    });

    it('follow an explicit mapping onto a renamed join whose incoming flows are the same', () => {
      const renamed = forked('order', 'sync').end().build();
      // Same flow ids into the renamed gateway.
      for (const [flowId, from] of [
        ['f1_start_fork', 'start'],
        ['f2_fork_a', 'fork'],
        ['f3_a_join', 'a'],
        ['f4_fork_b', 'fork'],
        ['f5_b_join', 'b'],
        ['f6_join_end', 'sync'],
      ] as const) {
        const to = {
          f1_start_fork: 'fork',
          f2_fork_a: 'a',
          f3_a_join: 'sync',
          f4_fork_b: 'b',
          f5_b_join: 'sync',
          f6_join_end: 'end',
        }[flowId];
        renamed.flows[flowId] = { id: flowId, source: from, target: to };
        renamed.nodes[from].outgoing.push(flowId);
        renamed.nodes[to].incoming.push(flowId);
      }
      const d = waitingAtJoin();
      migrate(d, renamed, [{ sourceElementId: 'join', targetElementId: 'sync' }]);
      expect(Object.keys(d.state.joins)).toEqual([expect.stringMatching(/\/sync$/)]);
      d.completeTask('b');
      expect(d.state.status).toBe('COMPLETED');
    });

    it('are refused with the join named when it has no mapping, another kind, or other incoming flows', () => {
      const d = waitingAtJoin();
      const sync = forked('order', 'sync')
        .end()
        .flow('start', 'fork')
        .flow('fork', 'a', 'sync')
        .flow('fork', 'b', 'sync')
        .flow('sync', 'end')
        .build();
      expect(migrationProblems(d.graph, sync, d.state, [])).toEqual([
        expect.objectContaining({ elementId: 'join', problem: 'unmapped' }),
      ]);
      expect(
        migrationProblems(d.graph, sync, d.state, [{ sourceElementId: 'join', targetElementId: 'sync' }]),
      ).toEqual([
        expect.objectContaining({
          elementId: 'join',
          targetElementId: 'sync',
          problem: 'incompatible',
          message: expect.stringContaining('from f3_a_join, which does not lead into sync'),
        }),
      ]);
      const exclusive = forked('order', 'join', 'exclusiveGateway')
        .end()
        .flow('start', 'fork')
        .flow('fork', 'a', 'join')
        .flow('fork', 'b', 'join')
        .flow('join', 'end')
        .build();
      expect(migrationProblems(d.graph, exclusive, d.state, [])).toEqual([
        expect.objectContaining({
          elementId: 'join',
          problem: 'incompatible',
          message: expect.stringContaining('not a join of that kind'),
        }),
      ]);
      // The plan check names the join too, with no instance.
      expect(planProblems(v1j(), sync, [])).toEqual([
        expect.objectContaining({ elementId: 'join', problem: 'unmapped' }),
      ]);
      expect(planProblems(v1j(), v2j(), [])).toEqual([]);
    });

    it('are refused when the target join would fire at once', () => {
      const three = graph('order')
        .start()
        .gateway('parallelGateway', 'fork')
        .user('a')
        .user('b')
        .gateway('parallelGateway', 'join')
        .user('x')
        .end()
        .end('aside')
        .flow('start', 'fork')
        .flow('fork', 'a', 'join')
        .flow('fork', 'b', 'join')
        .flow('join', 'end')
        .flow('fork', 'x', 'join')
        .build();
      const d = new Driver(three).start({}).completeTask('a').completeTask('b');
      expect(d.active()).toEqual(['x']);
      // The target's x no longer leads into the join: a and b would complete it.
      const two = graph('order')
        .start()
        .gateway('parallelGateway', 'fork')
        .user('a')
        .user('b')
        .gateway('parallelGateway', 'join')
        .user('x')
        .end()
        .end('aside')
        .flow('start', 'fork')
        .flow('fork', 'a', 'join')
        .flow('fork', 'b', 'join')
        .flow('join', 'end')
        .flow('fork', 'x', 'aside')
        .build();
      expect(migrationProblems(d.graph, two, d.state, [])).toEqual([
        expect.objectContaining({
          elementId: 'join',
          message: expect.stringContaining('would make join fire at once'),
        }),
      ]);
    });

    it('at an inclusive join wait on v2 for the live branch, then go on to the task v2 added', () => {
      const build = (withTask: boolean) => {
        const g = graph('order')
          .start()
          .gateway('inclusiveGateway', 'split')
          .user('a')
          .user('b')
          .user('c')
          .gateway('inclusiveGateway', 'merge');
        if (withTask) g.user('after');
        g.end()
          .flow('start', 'split')
          .conditional('split', 'a', '=x > 0')
          .conditional('split', 'b', '=x > 10')
          .conditional('split', 'c', '=x > 100')
          .flow('a', 'merge')
          .flow('b', 'merge')
          .flow('c', 'merge');
        return (withTask ? g.flow('merge', 'after', 'end') : g.flow('merge', 'end')).build();
      };
      const d = new Driver(build(false)).start({ x: 50 }).completeTask('a');
      expect(d.active()).toEqual(['b']);
      migrate(d, build(true), []);
      expect(d.active()).toEqual(['b']);
      d.completeTask('b');
      expect(d.active()).toEqual(['after']);
      d.completeTask('after');
      expect(d.state.status).toBe('COMPLETED');
    });
  });
});
