/**
 * The exporter's pure half: what one interpreter step changed, as export records. It reads
 * the state before and after the step and the step's commands, never the engine's insides:
 * new timeline entries (each element start/end paired with its element-instance key),
 * changed variables (values are replaced, never mutated, so a reference compare finds
 * them), incidents opened or resolved, user tasks opened or closed, and the instance state.
 * Deterministic, so a replay numbers every record exactly as the first run did.
 */
import type { Command } from '../engine/command';
import type { ElementInstance, EngineState, EngineTimelineEntry } from '../engine/state';
import type { ProcessGraph } from '../model/process-graph';
import type { ExportRecord } from './export-records';

type Unnumbered = ExportRecord extends infer R ? (R extends ExportRecord ? Omit<R, 'seq'> : never) : never;

export function deriveRecords(
  graph: ProcessGraph,
  prev: EngineState | null,
  next: EngineState,
  commands: readonly Command[],
  firstSeq: number,
): ExportRecord[] {
  const out: Unnumbered[] = [];
  if (!prev || prev.status !== next.status) out.push({ kind: 'instance', state: next.status });
  timelineRecords(graph, prev, next, out, firstSeq);
  if (prev) movedRecords(graph, prev, next, out);
  variableRecords(prev, next, out);
  incidentRecords(prev, next, out);
  for (const c of commands) {
    if (c.type === 'openUserTask') {
      const { elementInstanceKey: _key, ...task } = c.task;
      out.push({ kind: 'task-opened', task });
    } else if (c.type === 'closeUserTask') {
      out.push({
        kind: 'task-closed',
        taskId: c.taskId,
        outcome: c.outcome,
        ...(c.user ? { user: c.user } : {}),
        ...(c.variables ? { variables: c.variables } : {}),
      });
    }
  }
  return out.map((r, i) => ({ ...r, seq: firstSeq + i }) as ExportRecord);
}

function newTimelineEntries(prev: EngineState | null, next: EngineState): EngineTimelineEntry[] {
  const before = prev?.timeline ?? [];
  const n = before.length;
  // Entries are shared by reference between steps: the common case is a pure append. An
  // operator action (modification, migration) works on a copy of the state: equal entries,
  // other objects.
  const same = (a: EngineTimelineEntry, b: EngineTimelineEntry) =>
    a === b || JSON.stringify(a) === JSON.stringify(b);
  if (next.timeline.length >= n && (n === 0 || same(next.timeline[n - 1], before[n - 1])))
    return next.timeline.slice(n);
  const seen = new Set(before.map((e) => JSON.stringify(e)));
  return next.timeline.filter((e) => !seen.has(JSON.stringify(e)));
}

/**
 * Pairs element starts and ends with element-instance keys: an instance created in this step
 * owns a `started`, one gone since the last step owns a `completed` / `terminated`. An
 * element that starts and ends within the step (gateways, events) never has a key in any
 * state: it gets a transient key `~<seq>` (start and end share the step's time anyway).
 */
function timelineRecords(
  graph: ProcessGraph,
  prev: EngineState | null,
  next: EngineState,
  out: Unnumbered[],
  firstSeq: number,
): void {
  const entries = newTimelineEntries(prev, next);
  if (entries.length === 0) return;
  const prevInstances = prev?.instances ?? {};
  const created = elementsOnlyIn(next.instances, prevInstances);
  const removed = elementsOnlyIn(prevInstances, next.instances);
  const transient: { key: string; elementId: string; parentKey: string | null }[] = [];
  const take = <T extends { elementId: string }>(list: T[], elementId: string): T | undefined => {
    const at = list.findIndex((i) => i.elementId === elementId);
    return at < 0 ? undefined : list.splice(at, 1)[0];
  };
  const lastKeyOf = new Map<string, { key: string; parentKey: string | null }>();
  for (const entry of entries) {
    if (entry.elementType === 'process') {
      out.push({ kind: 'timeline', entry });
      continue;
    }
    let owner: { key: string; parentKey: string | null } | undefined;
    if (entry.event === 'started') {
      owner = take(created, entry.elementId);
      if (!owner) {
        const parentKey = scopeOf(graph, next, prev, entry.elementId);
        owner = { key: `~${firstSeq + out.length}`, parentKey };
        transient.push({ ...owner, elementId: entry.elementId });
      }
    } else if (entry.event === 'completed' || entry.event === 'terminated') {
      owner = take(removed, entry.elementId) ?? take(transient, entry.elementId);
    } else {
      owner =
        lastKeyOf.get(entry.elementId) ??
        liveInstanceOf(next, entry.elementId) ??
        liveInstanceOf(prev, entry.elementId);
    }
    if (owner) lastKeyOf.set(entry.elementId, owner);
    out.push({
      kind: 'timeline',
      entry,
      ...(owner ? { elementInstanceKey: owner.key } : {}),
      ...(owner?.parentKey ? { scopeKey: owner.parentKey } : {}),
    });
  }
}

/** Element instances a migration mapped onto another element keep their key: their row follows. */
function movedRecords(graph: ProcessGraph, prev: EngineState, next: EngineState, out: Unnumbered[]): void {
  if (prev.instances === next.instances) return;
  for (const inst of Object.values(next.instances)) {
    if (inst.kind !== 'element') continue;
    const before = prev.instances[inst.key];
    if (!before || before.kind !== 'element' || before.elementId === inst.elementId) continue;
    const node = graph.nodes[inst.elementId];
    out.push({
      kind: 'element-moved',
      elementInstanceKey: inst.key,
      elementId: inst.elementId,
      elementType: node?.kind ?? 'unknown',
      ...(node?.name ? { name: node.name } : {}),
    });
  }
}

function elementsOnlyIn(
  a: Record<string, ElementInstance>,
  b: Record<string, ElementInstance>,
): ElementInstance[] {
  return Object.values(a)
    .filter((i) => i.kind === 'element' && !(i.key in b))
    .sort((x, y) => Number(x.key) - Number(y.key));
}

function liveInstanceOf(state: EngineState | null, elementId: string) {
  if (!state) return undefined;
  for (const inst of Object.values(state.instances))
    if (inst.kind === 'element' && inst.elementId === elementId) return inst;
  return undefined;
}

/** A transient element's scope: a live instance of the element's enclosing subprocess, else the process. */
function scopeOf(
  graph: ProcessGraph,
  next: EngineState,
  prev: EngineState | null,
  elementId: string,
): string {
  const parent = graph.nodes[elementId]?.parent;
  if (!parent || parent === graph.processId) return '0';
  return (liveInstanceOf(next, parent) ?? liveInstanceOf(prev, parent))?.key ?? '0';
}

function variableRecords(prev: EngineState | null, next: EngineState, out: Unnumbered[]): void {
  for (const [scopeKey, scope] of Object.entries(next.variables)) {
    const before = prev?.variables[scopeKey];
    if (scope === before) continue;
    const elementId = scopeKey === '0' ? undefined : (next.instances[scopeKey]?.elementId ?? undefined);
    for (const [name, value] of Object.entries(scope)) {
      if (before && before[name] === value && name in before) continue;
      out.push({ kind: 'variable', scopeKey, name, value, ...(elementId ? { elementId } : {}) });
    }
  }
}

function incidentRecords(prev: EngineState | null, next: EngineState, out: Unnumbered[]): void {
  if (next.incidents.length === 0) return;
  const before = new Map((prev?.incidents ?? []).map((i) => [i.incidentId, i.resolved]));
  for (const incident of next.incidents)
    if (before.get(incident.incidentId) !== incident.resolved)
      out.push({ kind: 'incident', incident: { ...incident } });
}
