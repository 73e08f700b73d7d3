/**
 * Pre-aggregated heatmap counters (Optimize-style): per process version and element, how many
 * element instances are active / completed / terminated, in how many executions the element
 * completed, and the sum and count of completed durations; the row with elementId '' counts
 * the instances by state. Whoever changes element or instance rows (the writer, an external
 * end, retention) tallies the execution's rows for the elements it touches before and after
 * and adds the difference in the same transaction, so the heatmap reads a few rows instead of
 * grouping every element instance of the process.
 */
import { type EntityManager, In } from 'typeorm';
import type { InstanceStatus } from '../engine/state';
import { HistoryElementEntity } from '../persistence/entities/history';

/** The instance row of a version's counters. */
export const INSTANCE_ROW = '';

export interface Tally {
  active: number;
  completed: number;
  terminated: number;
  failed: number;
  /** 1 when the element completed at least once in the execution (summed: executions that passed it). */
  passed: number;
  durationSum: number;
  durationCount: number;
}

const empty = (): Tally => ({
  active: 0,
  completed: 0,
  terminated: 0,
  failed: 0,
  passed: 0,
  durationSum: 0,
  durationCount: 0,
});

/** A tally's key: version and element id (an execution migrated between versions has both). */
export const tallyKey = (version: number, elementId: string) => `${version}\u0000${elementId}`;

/** Per version and element id, one execution's element instances (all of them, or those of `elementIds`). */
export async function tallyExecution(
  m: EntityManager,
  executionId: string,
  elementIds?: string[],
): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  if (elementIds && elementIds.length === 0) return out;
  const rows = await m
    .getRepository(HistoryElementEntity)
    .createQueryBuilder('e')
    .select('e.elementId', 'elementId')
    .addSelect('e.version', 'version')
    .addSelect('e.state', 'state')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(e.durationMs)', 'sum')
    .addSelect('COUNT(e.durationMs)', 'timed')
    .where({ executionId, ...(elementIds ? { elementId: In(elementIds) } : {}) })
    .groupBy('e.elementId')
    .addGroupBy('e.version')
    .addGroupBy('e.state')
    .getRawMany<{
      elementId: string;
      version: unknown;
      state: string;
      n: unknown;
      sum: unknown;
      timed: unknown;
    }>();
  for (const r of rows) {
    const key = tallyKey(Number(r.version), r.elementId);
    const t = out.get(key) ?? empty();
    out.set(key, t);
    const n = Number(r.n);
    if (r.state === 'active') t.active += n;
    else if (r.state === 'terminated') t.terminated += n;
    else if (r.state === 'completed') {
      t.completed += n;
      t.passed = 1;
      t.durationSum += Number(r.sum ?? 0);
      t.durationCount += Number(r.timed ?? 0);
    }
  }
  return out;
}

/** The instance row's tally of one execution of `version` in `state` (none: not stored). */
export function instanceTally(version: number, state: InstanceStatus | undefined): Map<string, Tally> {
  const t = empty();
  if (state === 'ACTIVE') t.active = 1;
  if (state === 'COMPLETED') t.completed = 1;
  if (state === 'TERMINATED') t.terminated = 1;
  if (state === 'FAILED') t.failed = 1;
  return new Map(state ? [[tallyKey(version, INSTANCE_ROW), t]] : []);
}

const FIELDS: (keyof Tally)[] = [
  'active',
  'completed',
  'terminated',
  'failed',
  'passed',
  'durationSum',
  'durationCount',
];

/** Both tallies of an execution in one (element keys and the instance key never clash). */
export function merged(...tallies: Map<string, Tally>[]): Map<string, Tally> {
  return new Map(tallies.flatMap((t) => [...t]));
}

/** Adds `after - before` to the counters of one process. */
export async function addStatDifference(
  m: EntityManager,
  processId: string,
  before: Map<string, Tally>,
  after: Map<string, Tally>,
): Promise<void> {
  const rows: { version: number; elementId: string; delta: Tally }[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key) ?? empty();
    const a = after.get(key) ?? empty();
    const delta = empty();
    let changed = false;
    for (const f of FIELDS) {
      delta[f] = a[f] - b[f];
      if (delta[f] !== 0) changed = true;
    }
    const at = key.indexOf('\u0000');
    if (changed) rows.push({ version: Number(key.slice(0, at)), elementId: key.slice(at + 1), delta });
  }
  if (rows.length === 0) return;
  const cols = ['processId', 'version', 'elementId', ...FIELDS].map((c) => `"${c}"`).join(', ');
  const params: unknown[] = [];
  const pg = m.connection.options.type === 'postgres';
  const p = () => (pg ? `$${params.length}` : '?');
  const tuples = rows.map(({ version, elementId, delta }) => {
    const values = [processId, version, elementId, ...FIELDS.map((f) => delta[f])];
    return `(${values
      .map((v) => {
        params.push(v);
        return p();
      })
      .join(', ')})`;
  });
  const sets = FIELDS.map((f) => `"${f}" = history_stat."${f}" + excluded."${f}"`).join(', ');
  await m.query(
    `INSERT INTO history_stat (${cols}) VALUES ${tuples.join(', ')} ` +
      `ON CONFLICT ("processId", "version", "elementId") DO UPDATE SET ${sets}`,
    params,
  );
}
