import type { DataSource } from 'typeorm';
import { UserTaskEntity } from '../persistence/entities';
import type {
  CloseUserTaskInput,
  CorrectUserTaskInput,
  RetargetUserTaskInput,
  UserTaskRecord,
} from '../workflows/activity-contract';

/** Task records for the inbox and the API; both writes are idempotent by taskId, so retries are harmless. */
export function createUserTaskActivities(dataSource: DataSource) {
  const tasks = () => dataSource.getRepository(UserTaskEntity);
  return {
    async createUserTask(record: UserTaskRecord): Promise<void> {
      await tasks()
        .createQueryBuilder()
        .insert()
        .values({
          taskId: record.taskId,
          instanceId: record.instanceId,
          processId: record.processId,
          version: record.version,
          elementId: record.elementId,
          name: record.name ?? null,
          candidateGroups: record.candidateGroups,
          candidateUsers: record.candidateUsers,
          assignee: record.assignee ?? null,
          formId: record.formId ?? null,
          state: 'open',
          createdAt: record.createdAt,
          dueDate: record.dueDate ?? null,
          followUpDate: record.followUpDate ?? null,
          completedAt: null,
          completedBy: null,
          variables: record.variables as never, // simple-json column; TypeORM types JSON values too narrowly
        })
        .orIgnore()
        .execute();
    },

    async closeUserTask(input: CloseUserTaskInput): Promise<void> {
      // Only an open task changes: the API may have marked a completion already.
      await tasks().update(
        { taskId: input.taskId, state: 'open' },
        { state: input.outcome, completedAt: input.closedAt, completedBy: input.completedBy ?? null },
      );
    },

    async correctUserTask(input: CorrectUserTaskInput): Promise<void> {
      // Not only while open: the close of a task completed right after may be written first.
      await tasks().update(
        { taskId: input.taskId },
        {
          assignee: input.assignee ?? null,
          candidateGroups: input.candidateGroups,
          candidateUsers: input.candidateUsers,
          dueDate: input.dueDate ?? null,
          followUpDate: input.followUpDate ?? null,
        },
      );
    },

    async retargetUserTask(input: RetargetUserTaskInput): Promise<void> {
      await tasks().update(
        { taskId: input.taskId },
        { elementId: input.elementId, name: input.name, version: input.version },
      );
    },
  };
}
