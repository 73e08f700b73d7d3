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
});
