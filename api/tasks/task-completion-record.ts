import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import { completeTaskUpdate, CompleteTaskResult } from '../../workflows/protocol';
import type { AuditTrail } from '../audit/audit-trail.service';
import { temporalRequestId, TaskCompletionCommand } from '../instance-commands/instance-command';

/**
 * Sends a recorded completion to its instance: the completeTask Update with an update id from
 * the command id, so sending it again (a retry, the dispatcher after a 202) is the same Update
 * and Temporal applies it once.
 */
export function sendTaskCompletion(
  client: Client,
  instanceId: string,
  commandId: string,
  completion: TaskCompletionCommand,
): Promise<CompleteTaskResult> {
  return client.workflow.getHandle(instanceId).executeUpdate(completeTaskUpdate, {
    args: [completion.request],
    updateId: temporalRequestId(completion.round ? `${commandId}#${completion.round}` : commandId),
  });
}

/**
 * What follows a completion the instance applied, whoever delivered it (the request itself, or
 * the outbox dispatcher after a 202): the task record shows it at once (the worker's
 * closeUserTask writes the same), and the audit trail names who completed it. Written once per
 * delivered completion command.
 */
export async function recordTaskCompletion(
  dataSource: DataSource,
  audit: AuditTrail,
  instanceId: string,
  completion: TaskCompletionCommand,
  result: CompleteTaskResult,
): Promise<void> {
  const { taskId, user } = completion.request;
  await dataSource
    .getRepository(UserTaskEntity)
    .update(
      { taskId, state: 'open' },
      { state: 'completed', completedAt: result.completedAt, completedBy: user },
    );
  await audit.record(user, 'task-complete', {
    instanceId,
    processId: completion.processId,
    subject: taskId,
    details: { elementId: completion.elementId, ...(completion.name ? { name: completion.name } : {}) },
  });
}
