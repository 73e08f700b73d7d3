/**
 * Applies one chunk of a batch operation: each item through its instance's Update (with an
 * update id derived from batch and instance, so a chunk that runs again after a lost worker
 * applies each item once), a few at a time. The worker's interceptor heartbeats while it runs,
 * so a chunk on a killed worker is retried elsewhere within seconds. An item's failure is its
 * result, not the chunk's.
 */
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { BatchChunkInput, BatchChunkResult, BatchItemFailure } from '../../workflows/batch-protocol';
import { InstanceOperator, OperationError } from './instance-operator';

const PARALLEL = 8;

type Outcome = { ok: true } | { ok: false; failure: BatchItemFailure };

export function createBatchActivities(client: Client, dataSource: DataSource) {
  const operator = new InstanceOperator(client, dataSource);

  async function apply(input: BatchChunkInput, instanceId: string, retrying: boolean): Promise<Outcome> {
    const updateId = `${input.batchId}/${instanceId}`;
    try {
      switch (input.operation) {
        case 'migrate':
          await operator.migrate(instanceId, input.migration!, input.operator, { updateId, retrying });
          break;
        case 'modify':
          await operator.modify(instanceId, input.modification!, input.operator, updateId);
          break;
        case 'cancel':
          await operator.cancel(instanceId);
          break;
        case 'retry':
          await operator.retryIncidents(instanceId);
          break;
      }
      return { ok: true };
    } catch (error) {
      // Done by an earlier attempt of this chunk whose heartbeat did not reach the server.
      if (
        retrying &&
        error instanceof OperationError &&
        ((input.operation === 'cancel' && error.code === 'INSTANCE.NOT_RUNNING') ||
          (input.operation === 'retry' && error.code === 'INCIDENT.NONE_OPEN'))
      )
        return { ok: true };
      const code = error instanceof OperationError ? error.code : 'BATCH.ITEM_FAILED';
      return { ok: false, failure: { instanceId, code, message: (error as Error).message } };
    }
  }

  return {
    async applyBatchChunk(input: BatchChunkInput): Promise<BatchChunkResult> {
      const ctx = Context.current();
      const retrying = ctx.info.attempt > 1;
      const outcomes: Record<string, Outcome> = {
        ...((ctx.info.heartbeatDetails as { outcomes?: Record<string, Outcome> } | undefined)?.outcomes ??
          {}),
      };
      const queue = input.instanceIds.filter((id) => !outcomes[id]);
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          outcomes[id] = await apply(input, id, retrying);
          ctx.heartbeat({ outcomes });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
      const all = input.instanceIds.map((id) => outcomes[id]);
      return {
        done: all.filter((o) => o.ok).length,
        failures: all.flatMap((o) => (o.ok ? [] : [o.failure])),
      };
    },
  };
}
