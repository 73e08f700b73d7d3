import { step, type EngineState, type Stimulus } from '../../../engine';
import { deriveRecords } from '../../../history/derive-records';
import type { ExportRecord } from '../../../history/export-records';
import type { ProcessGraph } from '../../../model/process-graph';
import { graph } from '../engine/support/graph-builder';

/** Runs stimuli through the core and the exporter's derivation, as the host does, numbering records across steps. */
function exportRun(g: ProcessGraph, stimuli: ((s: EngineState) => Stimulus)[]) {
  let state: EngineState | null = null;
  const records: ExportRecord[] = [];
  let now = Date.UTC(2024, 0, 1);
  for (const make of stimuli) {
    const r = step(g, state, make(state as EngineState), { now, timeZone: 'UTC' });
    records.push(...deriveRecords(g, state, r.state, r.commands, records.length));
    state = r.state;
    now += 60_000;
  }
  return { records, state: state! };
}

const start =
  (variables = {}) =>
  (): Stimulus => ({ type: 'start', instanceId: 'p/1', variables });
const jobOf = (s: EngineState, elementId: string) =>
  Object.values(s.instances).find((i) => i.elementId === elementId)!.wait as { jobKey: string };

describe('deriveRecords', () => {
  const g = graph()
    .start()
    .service('charge', 'payment')
    .gateway('parallelGateway', 'split')
    .user('approve', undefined, { candidateGroups: 'sales' })
    .user('check', undefined, { candidateGroups: 'qa' })
    .gateway('parallelGateway', 'join')
    .end()
    .flow('start', 'charge', 'split')
    .flow('split', 'approve', 'join')
    .flow('split', 'check', 'join')
    .flow('join', 'end')
    .build();
  const taskOf = (s: EngineState, elementId: string) =>
    Object.values(s.tasks).find((t) => t.elementId === elementId)!;
  const run = () =>
    exportRun(g, [
      start({ amount: 5 }),
      (s) => ({ type: 'activityCompleted', jobKey: jobOf(s, 'charge').jobKey, variables: { paid: true } }),
      (s) => ({
        type: 'taskCompleted',
        taskId: taskOf(s, 'approve').taskId,
        user: 'li.na',
        variables: { ok: 1 },
      }),
      (s) => ({ type: 'taskCompleted', taskId: taskOf(s, 'check').taskId, user: 'wang.fang' }),
    ]);

  it('numbers records densely from the first sequence number and is deterministic', () => {
    const a = run().records;
    expect(a.map((r) => r.seq)).toEqual(a.map((_, i) => i));
    expect(run().records).toEqual(a);
  });

  it('pairs every element start with its end under one element-instance key', () => {
    const { records } = run();
    const timeline = records.filter((r) => r.kind === 'timeline') as Extract<
      ExportRecord,
      { kind: 'timeline' }
    >[];
    const byKey = new Map<string, string[]>();
    for (const r of timeline)
      if (r.elementInstanceKey && ['started', 'completed', 'terminated'].includes(r.entry.event))
        byKey.set(r.elementInstanceKey, [
          ...(byKey.get(r.elementInstanceKey) ?? []),
          `${r.entry.elementId}:${r.entry.event}`,
        ]);
    const pairs = [...byKey.values()].map((events) => events.join(' '));
    expect(pairs.sort()).toEqual(
      [
        'start:started start:completed',
        'charge:started charge:completed',
        'split:started split:completed',
        'approve:started approve:completed',
        'check:started check:completed',
        'join:started join:completed',
        'end:started end:completed',
      ].sort(),
    );
    // Waiting elements keep the engine's key; those that start and end in one step get a transient one.
    const charge = timeline.find((r) => r.entry.elementId === 'charge')!;
    expect(charge.elementInstanceKey).toMatch(/^\d+$/);
    expect(timeline.find((r) => r.entry.elementId === 'split')!.elementInstanceKey).toMatch(/^~\d+$/);
    expect(
      timeline.find((r) => r.entry.event === 'task-completed' && r.entry.actor === 'li.na')
        ?.elementInstanceKey,
    ).toBe(
      timeline.find((r) => r.entry.elementId === 'approve' && r.entry.event === 'started')!
        .elementInstanceKey,
    );
  });

  it('reports instance state, variable changes and the task lifecycle with actors and form data', () => {
    const { records } = run();
    expect(records.filter((r) => r.kind === 'instance').map((r) => (r as { state: string }).state)).toEqual([
      'ACTIVE',
      'COMPLETED',
    ]);
    const vars = records.filter((r) => r.kind === 'variable').map((r) => `${(r as { name: string }).name}`);
    expect(vars).toEqual(['amount', 'paid', 'ok']);
    expect(records.filter((r) => r.kind === 'task-opened')).toHaveLength(2);
    expect(records.filter((r) => r.kind === 'task-closed')).toEqual([
      expect.objectContaining({ outcome: 'completed', user: 'li.na', variables: { ok: 1 } }),
      expect.objectContaining({ outcome: 'completed', user: 'wang.fang' }),
    ]);
  });

  it('reports an incident when it opens and again when it is resolved', () => {
    const g2 = graph().start().service('t', 't').end().flow('start', 't', 'end').build();
    const { records } = exportRun(g2, [
      start(),
      (s) => ({ type: 'activityFailed', jobKey: jobOf(s, 't').jobKey, message: 'boom' }),
      (s) => ({ type: 'incidentRetried', incidentId: s.incidents[0].incidentId }),
    ]);
    const incidents = records.filter((r) => r.kind === 'incident') as Extract<
      ExportRecord,
      { kind: 'incident' }
    >[];
    expect(incidents.map((r) => r.incident.resolved)).toEqual([false, true]);
  });
});
