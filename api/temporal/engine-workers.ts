import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { ENGINE_TASK_QUEUE } from '../../workflows/protocol';
import { TEMPORAL_CLIENT } from './temporal-client';
import { withTimeout } from './with-timeout';

/**
 * A poller seen this recently counts as a live engine worker. An idle worker long-polls for
 * up to a minute between two polls, and Temporal lists pollers for minutes after they stop.
 */
export const LIVE_POLLER_WINDOW_MS = 75_000;

// temporal.api.enums.v1 values (the proto package is not a direct dependency).
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

export interface EngineWorkersStatus {
  taskQueue: string;
  /** Workers that polled the engine task queue for workflow tasks within LIVE_POLLER_WINDOW_MS. */
  livePollers: number;
  lastPollAt?: string;
}

/** Is any engine worker polling `bpmn-engine`? Read from Temporal's DescribeTaskQueue. */
@Injectable()
export class EngineWorkers {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async status(timeoutMs: number): Promise<EngineWorkersStatus> {
    const response = await withTimeout(
      this.client.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflowService.describeTaskQueue({
          namespace: this.client.options.namespace,
          taskQueue: { name: ENGINE_TASK_QUEUE, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
        }),
      ),
      timeoutMs,
      'Temporal DescribeTaskQueue',
    );
    const seen = (response.pollers ?? [])
      .map((p) => timestampMs(p.lastAccessTime))
      .filter((at): at is number => at !== undefined);
    const now = Date.now();
    const last = seen.length ? Math.max(...seen) : undefined;
    return {
      taskQueue: ENGINE_TASK_QUEUE,
      livePollers: seen.filter((at) => now - at <= LIVE_POLLER_WINDOW_MS).length,
      ...(last !== undefined ? { lastPollAt: new Date(last).toISOString() } : {}),
    };
  }
}

function timestampMs(t: { seconds?: unknown; nanos?: number | null } | null | undefined): number | undefined {
  if (!t || t.seconds === undefined || t.seconds === null) return undefined;
  return Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}
