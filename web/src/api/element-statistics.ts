/**
 * Per-element counts for the process heatmap: how many instances are at each element now
 * and how many times each element completed.
 *
 * There is no statistics endpoint yet, so this reads the instance listing and then each
 * instance's snapshot (one query per instance, capped). When the API grows
 * `GET /api/process-definitions/:processId/statistics`, only this file changes.
 */
import { instances } from './endpoints';
import type { InstanceState } from './types';

export interface ElementStatistics {
  active: Map<string, number>;
  completed: Map<string, number>;
  incidents: Map<string, number>;
  /** Instances counted, and whether the cap cut the sample short. */
  instanceCount: number;
  truncated: boolean;
}

export interface StatisticsQuery {
  processId: string;
  /** Only instances of this version (the diagram shown is that version's). */
  version?: number;
  /** Cap on snapshots read, to keep the page responsive. */
  maxInstances?: number;
}

const PARALLEL = 8;

export async function elementStatistics({ processId, version, maxInstances = 200 }: StatisticsQuery): Promise<ElementStatistics> {
  const ids: string[] = [];
  let truncated = false;
  for (const state of ['ACTIVE', 'COMPLETED', 'FAILED', 'TERMINATED'] as InstanceState[]) {
    let cursor: string | undefined;
    do {
      const page = await instances.list({ processId, state, limit: 100, cursor });
      ids.push(...page.items.filter((i) => version === undefined || i.version === version).map((i) => i.instanceId));
      cursor = page.nextCursor;
    } while (cursor && ids.length < maxInstances);
    if (ids.length >= maxInstances) {
      truncated = true;
      break;
    }
  }
  const sample = ids.slice(0, maxInstances);
  const stats: ElementStatistics = { active: new Map(), completed: new Map(), incidents: new Map(), instanceCount: 0, truncated };
  const add = (map: Map<string, number>, id: string, n = 1) => map.set(id, (map.get(id) ?? 0) + n);
  for (let i = 0; i < sample.length; i += PARALLEL) {
    const snapshots = await Promise.all(sample.slice(i, i + PARALLEL).map((id) => instances.get(id).catch(() => undefined)));
    for (const snapshot of snapshots) {
      if (!snapshot) continue;
      stats.instanceCount++;
      for (const id of snapshot.activeElements) add(stats.active, id);
      for (const { elementId, count } of snapshot.completedElements) add(stats.completed, elementId, count);
      for (const incident of snapshot.incidents.filter((x) => !x.resolved)) add(stats.incidents, incident.elementId);
    }
  }
  return stats;
}
