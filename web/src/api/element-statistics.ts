/**
 * Per-element figures for the process heatmap, over every instance of the version in the
 * store (GET /api/process-definitions/:processId/statistics): instances there now, times
 * completed, and the mean / p90 time an element instance took.
 */
import { api, seg } from './client';
import type { ProcessStatisticsView } from './types';

export interface ElementStatistics {
  active: Map<string, number>;
  completed: Map<string, number>;
  /** Milliseconds, over completed element instances. */
  meanDurationMs: Map<string, number>;
  p90DurationMs: Map<string, number>;
  instanceCount: number;
  running: number;
}

export interface StatisticsQuery {
  processId: string;
  /** Only instances of this version (the diagram shown is that version's). */
  version?: number;
}

export async function elementStatistics({ processId, version }: StatisticsQuery): Promise<ElementStatistics> {
  const body = await api.get<ProcessStatisticsView>(`/process-definitions/${seg(processId)}/statistics`, {
    query: { version },
  });
  const map = (pick: (e: ProcessStatisticsView['elements'][number]) => number | undefined) =>
    new Map(
      body.elements.flatMap((e) => {
        const v = pick(e);
        return v ? [[e.elementId, v] as const] : [];
      }),
    );
  return {
    active: map((e) => e.active),
    completed: map((e) => e.completed),
    meanDurationMs: map((e) => e.meanDurationMs),
    p90DurationMs: map((e) => e.p90DurationMs),
    instanceCount: body.instances,
    running: body.running,
  };
}
