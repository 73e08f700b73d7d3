import { modifyInstance, refuseModification } from '../../../engine/operations/modify';
import type { ModificationInstructions } from '../../../engine/operations/modification';
import { Driver, T0 } from './support/driver';
import { graph } from './support/graph-builder';

const env = { now: T0, timeZone: 'Asia/Shanghai' };

function modify(d: Driver, m: ModificationInstructions): Driver {
  expect(refuseModification(d.graph, d.state, m)).toBeUndefined();
  return d.adopt(modifyInstance(d.graph, d.state, m, { ...env, now: d.now }));
}

const stuck = () =>
  graph()
    .start()
    .service('charge', 'payment')
    .user('approve', undefined, { candidateGroups: 'sales' })
    .end()
    .flow('start', 'charge', 'approve', 'end')
    .build();

describe('process instance modification', () => {
  it('moves a token past a stuck service task: the job is cancelled, the task opens, the instance completes', () => {
    const d = new Driver(stuck()).start({ amount: 1 });
    const job = d.job('charge');
    modify(d, { move: [{ fromElementId: 'charge', toElementId: 'approve' }] });
    expect(d.commands).toContainEqual({ type: 'cancelActivity', jobKey: job.jobKey });
    expect(d.jobs.size).toBe(0);
    expect(d.active()).toEqual(['approve']);
    d.completeTask('approve', { ok: true });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['start', 'approve', 'end']);
  });

  it('activates an element with local variables and sets process variables first', () => {
    const d = new Driver(stuck()).start({ amount: 1 });
    modify(d, {
      variables: [{ variables: { amount: 2, note: 'fixed' } }],
      activate: [{ elementId: 'approve', variables: { extra: true } }],
    });
    expect(d.active()).toEqual(['approve', 'charge']);
    expect(d.variables).toEqual({ amount: 2, note: 'fixed' });
    const open = d.commands.find((c) => c.type === 'openUserTask');
    expect(open).toMatchObject({ variables: { amount: 2, note: 'fixed', extra: true } });
  });

  it('terminating the last token ends the instance terminated', () => {
    const d = new Driver(stuck()).start({});
    modify(d, { terminate: [{ elementId: 'charge' }] });
    expect(d.state.status).toBe('TERMINATED');
    expect(d.commands.at(-1)).toEqual({ type: 'terminateInstance' });
  });

  it('moving the last token to the end event completes the instance, as in Zeebe (not terminated)', () => {
    const d = new Driver(stuck()).start({ amount: 1 });
    modify(d, { move: [{ fromElementId: 'charge', toElementId: 'end' }] });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.commands.at(-1)).toMatchObject({ type: 'completeInstance' });
    expect(d.trace()).toEqual(['start', 'end']);
  });

  it('moving the last token of a subprocess to its end completes the subprocess, and the flow goes on', () => {
    const g = graph()
      .start()
      .subProcess('sub')
      .start('subStart', 'sub')
      .service('inner', 'payment', 'sub')
      .end('subEnd', 'sub')
      .user('after')
      .end()
      .flow('start', 'sub', 'after', 'end')
      .flow('subStart', 'inner', 'subEnd')
      .build();
    const d = new Driver(g).start({});
    expect(d.active()).toEqual(['inner', 'sub']);
    modify(d, { move: [{ fromElementId: 'inner', toElementId: 'subEnd' }] });
    expect(d.state.status).toBe('ACTIVE');
    expect(d.active()).toEqual(['after']);
  });

  it('creates the subprocess scope a new token needs, with its boundary timer', () => {
    const g = graph()
      .start()
      .user('a')
      .subProcess('sub')
      .start('subStart', 'sub')
      .user('inner', 'sub')
      .end('subEnd', 'sub')
      .end()
      .flow('start', 'a', 'sub', 'end')
      .flow('subStart', 'inner', 'subEnd')
      .boundary('late', 'sub', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .end('lateEnd')
      .flow('late', 'lateEnd')
      .build();
    const d = new Driver(g).start({});
    modify(d, { move: [{ fromElementId: 'a', toElementId: 'inner' }] });
    expect(d.active()).toEqual(['inner', 'sub']);
    expect(Object.values(d.state.timers).map((t) => t.elementId)).toEqual(['late']);
    d.completeTask('inner');
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['start', 'inner', 'subEnd', 'sub', 'end']);
  });

  it('refuses, naming the element, tokens on start events, boundary events and events after an event-based gateway', () => {
    const g = graph()
      .start()
      .user('a')
      .boundary('timeout', 'a', { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } })
      .gateway('eventBasedGateway', 'wait')
      .catchEvent('paid', { type: 'message', messageName: 'paid', correlationKey: '="k"' })
      .end()
      .flow('start', 'a', 'wait', 'paid', 'end')
      .flow('timeout', 'end')
      .build();
    const d = new Driver(g).start({});
    const before = JSON.stringify(d.state);
    const cases: [ModificationInstructions, string, string][] = [
      [{ activate: [{ elementId: 'start' }] }, 'MODIFICATION.START_EVENT', 'start'],
      [{ activate: [{ elementId: 'timeout' }] }, 'MODIFICATION.BOUNDARY_EVENT', 'timeout'],
      [{ move: [{ fromElementId: 'a', toElementId: 'paid' }] }, 'MODIFICATION.AFTER_EVENT_GATEWAY', 'paid'],
      [{ terminate: [{ elementId: 'wait' }] }, 'MODIFICATION.NO_TOKEN', 'wait'],
      [{ activate: [{ elementId: 'nope' }] }, 'MODIFICATION.UNKNOWN_ELEMENT', 'nope'],
      // A valid instruction before an invalid one: the whole modification is refused.
      [
        { activate: [{ elementId: 'end' }], terminate: [{ elementId: 'ghost' }] },
        'MODIFICATION.UNKNOWN_ELEMENT',
        'ghost',
      ],
      [{ variables: [{ scopeElementId: 'wait', variables: { x: 1 } }] }, 'MODIFICATION.NO_TOKEN', 'wait'],
      [{}, 'MODIFICATION.EMPTY', ''],
    ];
    for (const [m, code, elementId] of cases) {
      const refusal = refuseModification(g, d.state, m);
      expect(refusal).toMatchObject({ code });
      if (elementId) {
        expect(refusal?.elementId).toBe(elementId);
        expect(refusal?.message).toContain(elementId);
      }
    }
    expect(JSON.stringify(d.state)).toBe(before);
  });

  it('moving a token from an element onto itself ends the old token only', () => {
    const d = new Driver(stuck()).start({});
    const first = d.job('charge').jobKey;
    modify(d, { move: [{ fromElementId: 'charge', toElementId: 'charge' }] });
    expect(d.active()).toEqual(['charge']);
    expect(d.job('charge').jobKey).not.toBe(first);
  });
});
