/** /tasks — open tasks for the user's groups (and the user personally), by due date, overdue ones flagged. */
import { ApiError } from '../api/client';
import { tasks } from '../api/endpoints';
import type { Task } from '../api/types';
import { currentSession } from '../auth';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { age, dateTime, isOverdue } from '../ui/format';

const PAGE = 200;

const inbox: Page = async (root) => {
  const session = currentSession()!;
  const body = h('div', {}, loading('Loading your tasks'));
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Task inbox'),
      h(
        'p',
        { class: 'hint' },
        `Open tasks for ${session.user}${session.groups.length ? ` and ${session.groups.join(', ')}` : ''}`,
      ),
    ),
    body,
  );
  let list: Task[];
  try {
    list = await openTasksFor(session.user, session.groups);
  } catch (error) {
    replace(body, errorBox(error instanceof ApiError ? error.plain : String(error)));
    return;
  }
  if (!list.length) {
    replace(
      body,
      emptyState('Nothing to do.', 'Tasks for your groups appear here as soon as a process reaches them.'),
    );
    return;
  }
  const now = Date.now();
  const overdue = list.filter((t) => isOverdue(t.dueDate, now)).length;
  replace(
    body,
    overdue ? h('p', { class: 'overdue-summary', role: 'note' }, `${overdue} overdue`) : null,
    table(
      ['Task', 'Process', 'Instance', 'Candidates', 'Waiting', 'Due'],
      list,
      (t) => [
        link(`/tasks/${encodeURIComponent(t.taskId)}`, t.name ?? t.elementId),
        `${t.processId} v${t.version}`,
        link(`/instances/${encodeURIComponent(t.instanceId)}`, t.instanceId),
        [...t.candidateGroups, ...t.candidateUsers].join(', ') || t.assignee || '—',
        age(t.createdAt, now),
        t.dueDate
          ? h(
              'span',
              { class: isOverdue(t.dueDate, now) ? 'overdue' : '' },
              dateTime(t.dueDate),
              isOverdue(t.dueDate, now) ? h('span', { class: 'badge badge-overdue' }, 'overdue') : null,
            )
          : h('span', { class: 'hint' }, 'no due date'),
      ],
      { 'aria-label': 'Open tasks', id: 'task-inbox' },
    ),
  );
};

/** One query per group plus the user's own, merged; due first (earliest), then no due date by age. */
export async function openTasksFor(user: string, groups: string[]): Promise<Task[]> {
  const pages = await Promise.all([
    ...groups.map((candidateGroup) => tasks.list({ candidateGroup, state: 'open', limit: PAGE })),
    tasks.list({ candidateUser: user, state: 'open', limit: PAGE }),
  ]);
  const byId = new Map<string, Task>();
  for (const page of pages) for (const task of page.items) byId.set(task.taskId, task);
  return [...byId.values()].sort(byDueDate);
}

function byDueDate(a: Task, b: Task): number {
  const da = a.dueDate ? Date.parse(a.dueDate) : Infinity;
  const db = b.dueDate ? Date.parse(b.dueDate) : Infinity;
  return da - db || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export default inbox;
