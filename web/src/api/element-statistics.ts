/**
 * Per-element counts for the process heatmap: how many instances are at each element now
 * and how many times each element completed.
 *
 * Reads GET /api/process-definitions/:processId/statistics. A server without that
 * endpoint (404) gets the same numbers computed here from the instance listing and each
 * instance's snapshot (one query per instance, capped).
 */
import { ApiError, api, seg } from './client';
import { instances } from './endpoints';
import type { InstanceState } from './types';

export interface ElementStatistics {
  active: Map<string, number>;
  completed: Map<string, number>;
  /** Instances counted, and whether the cap cut the sample short. */
  instanceCount: number;
  truncated: boolean;
}

export interface StatisticsQuery {
  processId: string;
  /** Only instances of this version (the diagram shown is that version's). */
  version?: number;
  /** Cap on instances read, to keep the page responsive. */
  maxInstances?: number;
}

interface ServerStatistics {
  instances: number;
  elements: { elementId: string; active: number; completed: number }[];
}

export async function elementStatistics(query: StatisticsQuery): Promise<ElementStatistics> {
  const { processId, version, maxInstances = 200 } = query;
  try {
    const body = await api.get<ServerStatistics>(`/process-definitions/${seg(processId)}/statistics`, {
      query: { version, limit: maxInstances },
    });
    return {
      active: new Map(body.elements.filter((e) => e.active).map((e) => [e.elementId, e.active])),
      completed: new Map(body.elements.filter((e) => e.completed).map((e) => [e.elementId, e.completed])),
      instanceCount: body.instances,
      truncated: body.instances >= maxInstances,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return fromSnapshots(query);
    throw error;
  }
}

const PARALLEL = 8;

async function fromSnapshots({
  processId,
  version,
  maxInstances = 200,
}: StatisticsQuery): Promise<ElementStatistics> {
  const ids: string[] = [];
  let truncated = false;
  for (const state of ['ACTIVE', 'COMPLETED', 'FAILED', 'TERMINATED'] as InstanceState[]) {
    let cursor: string | undefined;
    do {
      const page = await instances.list({ processId, state, limit: 100, cursor });
      ids.push(
        ...page.items.filter((i) => version === undefined || i.version === version).map((i) => i.instanceId),
      );
      cursor = page.nextCursor;
    } while (cursor && ids.length < maxInstances);
    if (ids.length >= maxInstances) {
      truncated = true;
      break;
    }
  }
  const sample = ids.slice(0, maxInstances);
  const stats: ElementStatistics = { active: new Map(), completed: new Map(), instanceCount: 0, truncated };
  const add = (map: Map<string, number>, id: string, n = 1) => map.set(id, (map.get(id) ?? 0) + n);
  for (let i = 0; i < sample.length; i += PARALLEL) {
    const snapshots = await Promise.all(
      sample.slice(i, i + PARALLEL).map((id) => instances.get(id).catch(() => undefined)),
    );
    for (const snapshot of snapshots) {
      if (!snapshot) continue;
      stats.instanceCount++;
      for (const id of snapshot.activeElements) add(stats.active, id);
      for (const { elementId, count } of snapshot.completedElements) add(stats.completed, elementId, count);
    }
  }
  return stats;
}
