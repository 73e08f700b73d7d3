/**
 * Who else hears of an overdue task of the contract review procedure: the manager group
 * of the department that holds it (`<department>-manager`), for department reviews (CR-5),
 * measures (CR-7), the daily late-order review (CR-12) and the on-time action plan (CR-10).
 */
import type { UserTaskEntity } from '../../../persistence/entities';
import type { TaskEscalation } from '../../notifications/task-notices.service';

const ESCALATED: Record<string, string[]> = {
  // The contract review's stages (called by contract-review): its department reviews and measures.
  'cr-non-regular-review': ['Task_DepartmentReview', 'Task_CarryOutMeasure'],
  'cr-regular-review': ['Task_JointDepartmentReview', 'Task_CarryOutMeasure'],
  'late-order': ['Task_DailyReview'],
  'on-time-delivery-review': ['Task_PlanActions', 'Task_CloseActions'],
};

export const managerGroupOf = (department: string) => `${department}-manager`;

export const overdueEscalation: TaskEscalation = {
  overdueRecipients(task: UserTaskEntity): string[] {
    if (!ESCALATED[task.processId]?.includes(task.elementId)) return [];
    return task.candidateGroups.map((group) => `group:${managerGroupOf(group)}`);
  },
};
