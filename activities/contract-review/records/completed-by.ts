/**
 * "Who did it": the signed-in user who completed a user task and when, as the engine recorded
 * it from the completing request's token (user_task.completedBy). A record takes its actor
 * from here, never from a typed form field.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { EntityManager } from 'typeorm';
import { UserTaskEntity } from '../../../persistence/entities';

export interface CompletedBy {
  by: string;
  at: string;
}

/**
 * The latest task of `elementId` in the instance. Null when the instance has no such task (a
 * record written without a person). A task still open here means the engine's close-task
 * write has not landed yet: a retryable failure, so the job runs again a moment later.
 */
export async function completedBy(
  em: EntityManager,
  instanceId: string,
  elementId: string,
  /** For a multi-instance task: which instance, by the variables it was opened with (e.g. its department). */
  match: (variables: Record<string, unknown>) => boolean = () => true,
): Promise<CompletedBy | null> {
  const tasks = await em.find(UserTaskEntity, {
    where: { instanceId, elementId },
    order: { createdAt: 'DESC', taskId: 'DESC' },
  });
  const task = tasks.find((t) => match((t.variables ?? {}) as Record<string, unknown>));
  if (!task) return null;
  if (task.state === 'open' || !task.completedBy || !task.completedAt)
    throw ApplicationFailure.retryable(
      `task ${task.taskId} is not recorded as completed yet`,
      'TaskCompletionPending',
    );
  return { by: task.completedBy, at: task.completedAt };
}
