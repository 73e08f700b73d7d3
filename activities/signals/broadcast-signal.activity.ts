/**
 * The signal throw's job (type SIGNAL_TASK_TYPE): records the broadcast in the
 * instance-command outbox, the durable path every API process drains (api/instance-commands/),
 * which signals each waiting instance and starts each process with that signal start. The
 * event completes once the row is committed; delivery follows within a dispatcher tick.
 * The signal id names this throw of this run, so a retried attempt records nothing new.
 */
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { SIGNAL_TASK_TYPE } from '../../model/process-graph';
import { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';
import type { JobInput } from '../../workflows/activity-contract';
import type { SignalBroadcast, Variables } from '../../workflows/protocol';

/** Outbox row id of a broadcast (api/instance-commands/instance-command.ts names it the same way). */
export const broadcastCommandId = (signalId: string) => `broadcast:${signalId}`;

export function createSignalActivities(dataSource: DataSource) {
  return {
    async [SIGNAL_TASK_TYPE](input: JobInput): Promise<Variables> {
      const signal: SignalBroadcast = {
        name: input.headers.signalName ?? '',
        variables: input.variables,
        signalId: `${input.jobKey}@${Context.current().info.workflowExecution?.runId ?? ''}`,
      };
      await recordBroadcast(dataSource, signal);
      return {};
    },
  };
}

async function recordBroadcast(dataSource: DataSource, signal: SignalBroadcast): Promise<void> {
  const id = broadcastCommandId(signal.signalId);
  const now = new Date().toISOString();
  await dataSource.transaction(async (em) => {
    if (await em.existsBy(InstanceCommandEntity, { id })) return;
    await em.insert(InstanceCommandEntity, {
      id,
      kind: 'broadcast',
      workflowId: '',
      payload: { signal },
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      nextAttemptAt: now,
      leaseUntil: null,
      deliveredAt: null,
    });
  });
}
