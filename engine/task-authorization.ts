/**
 * Who may complete an open user task: the assignee, a candidate user, a member of a
 * candidate group, or an admin; a task with no assignment at all is open to everyone.
 * Returns the reason for a refusal, used by the host's update validator.
 */
import type { EngineState } from './state';

export const ADMIN_GROUP = 'admin';

export type TaskRefusal = { code: 'TASK.NOT_OPEN' | 'TASK.NOT_CANDIDATE'; message: string };

export function refuseTaskCompletion(
  state: EngineState,
  taskId: string,
  user: string,
  groups: string[],
): TaskRefusal | undefined {
  const task = state.tasks[taskId];
  if (!task || state.status !== 'ACTIVE')
    return { code: 'TASK.NOT_OPEN', message: `task ${taskId} is unknown, completed or no longer active` };
  if (state.instances[task.elementInstanceKey]?.wait?.kind !== 'task')
    return {
      code: 'TASK.NOT_OPEN',
      message: `task ${taskId} is being completed: its task listeners judge a completion`,
    };
  if (!mayCompleteTask(task, user, groups))
    return { code: 'TASK.NOT_CANDIDATE', message: `user ${user} is not a candidate for task ${taskId}` };
  return undefined;
}

export interface TaskAssignment {
  assignee?: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
}

/** The one rule, shared by the workflow's update validator and the API's early check. */
export function mayCompleteTask(task: TaskAssignment, user: string, groups: string[]): boolean {
  if (groups.includes(ADMIN_GROUP)) return true;
  const restricted = !!task.assignee || task.candidateUsers.length > 0 || task.candidateGroups.length > 0;
  return (
    !restricted ||
    task.assignee === user ||
    task.candidateUsers.includes(user) ||
    groups.some((g) => task.candidateGroups.includes(g))
  );
}
