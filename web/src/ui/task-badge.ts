/**
 * The in-app badge on "Tasks": the user's open tasks and how many are overdue, read from
 * the task list of each of the user's groups and the user's own (refreshed every minute).
 */
import type { Session } from '../auth';
import { t } from '../i18n';
import { openTasksFor } from '../api/open-tasks';
import { h } from './dom';
import { isOverdue } from './format';

const REFRESH_MS = 60_000;
let latest: { key: string; open: number; overdue: number; at: number } | undefined;

export function taskBadge(session: Session): HTMLElement {
  const badge = h('span', { class: 'task-badge', id: 'task-badge', hidden: true });
  const key = `${session.user}|${session.groups.join(',')}`;
  const show = (open: number, overdue: number) => {
    badge.hidden = open === 0;
    badge.dataset.open = String(open);
    badge.dataset.overdue = String(overdue);
    badge.className = `task-badge${overdue ? ' task-badge-overdue' : ''}`;
    badge.textContent = overdue ? `${open} · ${overdue}!` : String(open);
    badge.title = [t('nav.badgeOpen', { open }), overdue ? t('nav.badgeOverdue', { overdue }) : '']
      .filter(Boolean)
      .join(', ');
  };
  if (latest?.key === key) show(latest.open, latest.overdue);
  if (!latest || latest.key !== key || Date.now() - latest.at > REFRESH_MS) {
    openTasksFor(session.user, session.groups).then(
      (list) => {
        const now = Date.now();
        latest = {
          key,
          open: list.length,
          overdue: list.filter((x) => isOverdue(x.dueDate, now)).length,
          at: now,
        };
        show(latest.open, latest.overdue);
      },
      () => undefined,
    );
  }
  return badge;
}

/** Forget the counts (after completing a task). */
export function invalidateTaskBadge(): void {
  latest = undefined;
}
