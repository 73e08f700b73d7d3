/** Overdue department reviews, measures, daily late-order reviews and action plans notify the department's manager group. */
import { overdueEscalation } from '../../../api/contract-review/notifications/overdue-escalation';
import type { UserTaskEntity } from '../../../persistence/entities';

const task = (processId: string, elementId: string, candidateGroups: string[]) =>
  ({ processId, elementId, candidateGroups }) as UserTaskEntity;

describe('overdue escalation of the contract review pack', () => {
  it.each([
    ['cr-non-regular-review', 'Task_DepartmentReview', ['production'], ['group:production-manager']],
    ['cr-regular-review', 'Task_JointDepartmentReview', ['procurement'], ['group:procurement-manager']],
    ['cr-non-regular-review', 'Task_CarryOutMeasure', ['rnd'], ['group:rnd-manager']],
    ['cr-regular-review', 'Task_CarryOutMeasure', ['production'], ['group:production-manager']],
    ['late-order', 'Task_DailyReview', ['pmc'], ['group:pmc-manager']],
    [
      'on-time-delivery-review',
      'Task_PlanActions',
      ['sales', 'pmc'],
      ['group:sales-manager', 'group:pmc-manager'],
    ],
  ])('%s %s → the manager group', (processId, elementId, groups, expected) => {
    expect(overdueEscalation.overdueRecipients(task(processId, elementId, groups))).toEqual(expected);
  });

  it('adds nobody for other tasks', () => {
    expect(
      overdueEscalation.overdueRecipients(task('cr-transmission', 'Task_SignContract', ['sales'])),
    ).toEqual([]);
    expect(overdueEscalation.overdueRecipients(task('ui-order', 'Task_DepartmentReview', ['sales']))).toEqual(
      [],
    );
  });
});
