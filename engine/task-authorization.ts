/**
 * Who may complete an open user task: the assignee, a candidate user, a member of a
 * candidate group, or an admin; a task with no assignment at all is open to everyone.
 * Returns the reason for a refusal, used by the host's update validator.
 */
import type { EngineState } from './state';

export const ADMIN_GROUP = 'admin';

export type TaskRefusal = { code: 'TASK.NOT_OPEN' | 'TASK.NOT_CANDIDATE'; message: string };

export function refuseTaskCompletion(state: EngineState, taskId: string, user: string, groups: string[]): TaskRefusal | undefined {
  const task = state.tasks[taskId];
  if (!task || state.status !== 'ACTIVE') return { code: 'TASK.NOT_OPEN', message: `task ${taskId} is unknown, completed or no longer active` };
  if (groups.includes(ADMIN_GROUP)) return undefined;
  const restricted = task.assignee !== undefined || task.candidateUsers.length > 0 || task.candidateGroups.length > 0;
  const allowed = task.assignee === user || task.candidateUsers.includes(user) || groups.some((g) => task.candidateGroups.includes(g));
  if (restricted && !allowed) return { code: 'TASK.NOT_CANDIDATE', message: `user ${user} is not a candidate for task ${taskId}` };
  return undefined;
}
