/**
 * A batch operation as a workflow: durable (its progress is workflow state), resumable after
 * any crash (an activity on a lost worker times out on its heartbeat and runs again
 * elsewhere; each item's update carries an id, so a repeated item applies once), rate
 * limited, suspendable and cancellable by signal. One failing item is recorded with its
 * reason and never stops the rest. Long batches continue as new every few hundred items.
 */
import { condition, continueAsNew, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import {
  batchProgressQuery,
  cancelBatchSignal,
  resumeBatchSignal,
  suspendBatchSignal,
  type BatchChunkInput,
  type BatchChunkResult,
  type BatchInput,
  type BatchProgress,
} from './batch-protocol';
import { workflowNow } from './workflow-clock';

const { applyBatchChunk } = proxyActivities<{
  applyBatchChunk(input: BatchChunkInput): Promise<BatchChunkResult>;
}>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

const FAILURES_KEPT = 1000;
const CHUNKS_PER_RUN = 40;

export async function batchOperation(input: BatchInput): Promise<BatchProgress> {
  const chunkSize = Math.max(1, input.chunkSize ?? 25);
  const itemsPerSecond = Math.max(1, input.itemsPerSecond ?? 100);
  const progress: BatchProgress = input.carried?.progress ?? {
    batchId: input.batchId,
    operation: input.operation,
    state: 'RUNNING',
    total: input.instanceIds.length,
    done: 0,
    failed: 0,
    failures: [],
    createdAt: new Date(workflowNow()).toISOString(),
  };
  let next = input.carried?.next ?? 0;
  let suspended = input.carried?.suspended ?? false;
  let cancelled = false;
  const show = () => (progress.state = cancelled ? 'CANCELLED' : suspended ? 'SUSPENDED' : 'RUNNING');
  setHandler(batchProgressQuery, () => progress);
  setHandler(suspendBatchSignal, () => void ((suspended = true), show()));
  setHandler(resumeBatchSignal, () => void ((suspended = false), show()));
  setHandler(cancelBatchSignal, () => void ((cancelled = true), show()));
  show();

  for (let chunks = 0; next < input.instanceIds.length && !cancelled; chunks++) {
    if (chunks >= CHUNKS_PER_RUN)
      return await continueAsNew<typeof batchOperation>({ ...input, carried: { next, progress, suspended } });
    await condition(() => !suspended || cancelled);
    if (cancelled) break;
    const ids = input.instanceIds.slice(next, next + chunkSize);
    const began = workflowNow();
    const result = await applyBatchChunk({
      batchId: input.batchId,
      operation: input.operation,
      operator: input.operator,
      instanceIds: ids,
      ...(input.migration ? { migration: input.migration } : {}),
      ...(input.modification ? { modification: input.modification } : {}),
    });
    next += ids.length;
    progress.done += result.done;
    progress.failed += result.failures.length;
    progress.failures = [...progress.failures, ...result.failures].slice(0, FAILURES_KEPT);
    const minimumMs = (ids.length / itemsPerSecond) * 1000 - (workflowNow() - began);
    if (minimumMs >= 1 && next < input.instanceIds.length) await sleep(minimumMs);
  }
  progress.state = cancelled ? 'CANCELLED' : 'COMPLETED';
  progress.endedAt = new Date(workflowNow()).toISOString();
  return progress;
}
