import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { PROCESS_INSTANCE_WORKFLOW, SEARCH_ATTRIBUTES, snapshotQuery } from '../../workflows/protocol';
import { LATEST_RUNS, visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export interface ElementStatistics {
  elementId: string;
  /** Running instances with a token (or open task) at the element now. */
  active: number;
  /** Completions of the element, summed over the inspected instances. */
  completed: number;
  /** Inspected instances that completed the element at least once. */
  instancesPassed: number;
}

export interface ProcessStatistics {
  processId: string;
  version?: number;
  /** Instances whose state was read (the most recent `limit`). */
  instances: number;
  running: number;
  elements: ElementStatistics[];
}

/**
 * Per-element counts for the heatmap, from the instances' own snapshot queries (active
 * elements of running instances, completion counts of all), over the most recent `limit`
 * instances so the cost stays bounded.
 */
@Injectable()
export class ProcessStatisticsService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async forProcess(
    processId: string,
    version: number | undefined,
    limit: number,
  ): Promise<ProcessStatistics> {
    const clauses = [
      `WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`,
      LATEST_RUNS,
      `${SEARCH_ATTRIBUTES.processId.name} = ${visibilityLiteral(processId)}`,
    ];
    if (version !== undefined) clauses.push(`${SEARCH_ATTRIBUTES.version.name} = ${version}`);
    const stats = new Map<string, ElementStatistics>();
    const entry = (elementId: string) => {
      let s = stats.get(elementId);
      if (!s) stats.set(elementId, (s = { elementId, active: 0, completed: 0, instancesPassed: 0 }));
      return s;
    };
    const ids: string[] = [];
    let running = 0;
    for await (const execution of this.client.workflow.list({
      query: clauses.join(' AND '),
      pageSize: Math.min(limit, 100),
    })) {
      ids.push(execution.workflowId);
      if (execution.status.name === 'RUNNING') running++;
      if (ids.length >= limit) break;
    }
    const snapshots = await Promise.all(
      ids.map((id) =>
        this.client.workflow
          .getHandle(id)
          .query(snapshotQuery)
          .catch(() => undefined),
      ),
    );
    for (const snapshot of snapshots) {
      if (snapshot?.state === 'ACTIVE')
        for (const elementId of snapshot.activeElements) entry(elementId).active++;
      for (const { elementId, count } of snapshot?.completedElements ?? []) {
        const s = entry(elementId);
        s.completed += count;
        s.instancesPassed++;
      }
    }
    return {
      processId,
      version,
      instances: ids.length,
      running,
      elements: [...stats.values()].sort((a, b) => a.elementId.localeCompare(b.elementId)),
    };
  }
}
