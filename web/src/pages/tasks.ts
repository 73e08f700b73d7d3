/** /tasks — open tasks for the user's groups (and the user personally), by due date, overdue ones flagged. */
import { messageOf } from '../api/client';
import { openTasksFor } from '../api/open-tasks';
import type { Task } from '../api/types';
import { currentSession } from '../auth';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { age, dateTime, isOverdue } from '../ui/format';
import { t } from '../i18n';

const inbox: Page = async (root) => {
  const session = currentSession()!;
  const body = h('div', {}, loading(t('tasks.loading')));
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('tasks.title')),
      h(
        'p',
        { class: 'hint' },
        session.groups.length
          ? t('tasks.openForGroups', { user: session.user, groups: session.groups.join(', ') })
          : t('tasks.openFor', { user: session.user }),
      ),
    ),
    body,
  );
  let list: Task[];
  try {
    list = await openTasksFor(session.user, session.groups);
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
    return;
  }
  if (!list.length) {
    replace(body, emptyState(t('tasks.empty'), t('tasks.emptyHint')));
    return;
  }
  const now = Date.now();
  const overdue = list.filter((t) => isOverdue(t.dueDate, now)).length;
  replace(
    body,
    overdue
      ? h('p', { class: 'overdue-summary', role: 'note' }, t('tasks.overdueCount', { count: overdue }))
      : null,
    table(
      [
        t('tasks.colTask'),
        t('tasks.colProcess'),
        t('tasks.colInstance'),
        t('tasks.colCandidates'),
        t('tasks.colWaiting'),
        t('tasks.colDue'),
      ],
      list,
      (task) => [
        link(`/tasks/${encodeURIComponent(task.taskId)}`, task.name ?? task.elementId),
        `${task.processId} v${task.version}`,
        link(`/instances/${encodeURIComponent(task.instanceId)}`, task.instanceId),
        [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—',
        age(task.createdAt, now),
        task.dueDate
          ? h(
              'span',
              { class: isOverdue(task.dueDate, now) ? 'overdue' : '' },
              dateTime(task.dueDate),
              isOverdue(task.dueDate, now)
                ? h('span', { class: 'badge badge-overdue' }, t('tasks.overdue'))
                : null,
            )
          : h('span', { class: 'hint' }, t('tasks.noDue')),
      ],
      { 'aria-label': t('tasks.tableLabel'), id: 'task-inbox' },
    ),
  );
};

export default inbox;
