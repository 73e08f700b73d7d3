import type { UserTaskEntity } from '../../persistence/entities/user-task.entity';

/** The API's task shape (design.md): nulls become absent fields. */
export function taskView(t: UserTaskEntity) {
  return {
    taskId: t.taskId,
    instanceId: t.instanceId,
    processId: t.processId,
    version: t.version,
    elementId: t.elementId,
    name: t.name ?? undefined,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    assignee: t.assignee ?? undefined,
    formId: t.formId ?? undefined,
    state: t.state,
    createdAt: t.createdAt,
    dueDate: t.dueDate ?? undefined,
    followUpDate: t.followUpDate ?? undefined,
    completedAt: t.completedAt ?? undefined,
    completedBy: t.completedBy ?? undefined,
  };
}
