/** The task page's facts: instance, process, candidates, state, dates (in the plant zone). */
import type { TaskDetail } from '../api/types';
import { t } from '../i18n';
import { h, link } from '../ui/dom';
import { dateTime, isOverdue } from '../ui/format';

export function taskFacts(task: TaskDetail): HTMLElement {
  return h(
    'dl',
    { class: 'facts-list' },
    h('dt', {}, t('task.instance')),
    h('dd', {}, link(`/instances/${encodeURIComponent(task.instanceId)}`, task.instanceId)),
    h('dt', {}, t('task.process')),
    h('dd', {}, `${task.processId} v${task.version}`),
    h('dt', {}, t('task.candidates')),
    h('dd', {}, [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—'),
    h('dt', {}, t('task.state')),
    h('dd', { id: 'task-state', 'data-state': task.state }, t(`state.${task.state}`)),
    h('dt', {}, t('task.created')),
    h('dd', {}, dateTime(task.createdAt)),
    h('dt', {}, t('task.due')),
    h(
      'dd',
      { class: isOverdue(task.dueDate) && task.state === 'open' ? 'overdue' : '' },
      task.dueDate ? dateTime(task.dueDate) : '—',
    ),
    task.completedAt
      ? [
          h('dt', {}, t('task.completed')),
          h('dd', {}, t('common.by', { when: dateTime(task.completedAt), who: task.completedBy ?? '?' })),
        ]
      : null,
  );
}
