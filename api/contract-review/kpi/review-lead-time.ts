/**
 * Review lead time per department (CR-5/CR-6): how long each department took over its
 * review of a contract, from the department review task opening to its completion, read
 * from the review task records (user_task rows of contract-review with the department
 * review form; the department is the task's candidate group).
 */
import type { UserTaskEntity } from '../../../persistence/entities/user-task.entity';
import type { DepartmentLeadTime } from './kpi.response';

/** The form of both department review tasks of contract-review (joint and cross review). */
export const DEPARTMENT_REVIEW_FORM = 'cr-department-review';

type ReviewTask = Pick<UserTaskEntity, 'candidateGroups' | 'state' | 'createdAt' | 'completedAt'>;

/** `inPeriod` says whether a completion time counts (the caller's date window in plant time). */
export function reviewLeadTimes(
  tasks: ReviewTask[],
  now: number,
  inPeriod: (completedAtIso: string) => boolean,
): DepartmentLeadTime[] {
  const byDepartment = new Map<string, { done: number[]; open: number[] }>();
  for (const task of tasks) {
    const department = task.candidateGroups[0] ?? 'unassigned';
    const entry = byDepartment.get(department) ?? { done: [], open: [] };
    byDepartment.set(department, entry);
    const created = Date.parse(task.createdAt);
    if (task.state === 'completed' && task.completedAt) {
      if (inPeriod(task.completedAt)) entry.done.push(hours(Date.parse(task.completedAt) - created));
    } else if (task.state === 'open') {
      entry.open.push(hours(now - created));
    }
  }
  return [...byDepartment]
    .filter(([, e]) => e.done.length || e.open.length)
    .map(([department, { done, open }]) => {
      const sorted = [...done].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return {
        department,
        reviews: done.length,
        averageHours: done.length ? round(done.reduce((a, b) => a + b, 0) / done.length) : null,
        medianHours: sorted.length
          ? round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)
          : null,
        maxHours: sorted.length ? round(sorted[sorted.length - 1]) : null,
        open: open.length,
        oldestOpenHours: open.length ? round(Math.max(...open)) : null,
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}

function hours(ms: number): number {
  return Math.max(0, ms) / 3_600_000;
}

/** To the second or so (0.001 h): a review done in minutes still shows. */
function round(h: number): number {
  return Math.round(h * 1000) / 1000;
}
