/** The instance page's sections: summary line, open tasks, incidents, variables, actions. */
import type { InstanceDetail } from '../api/types';
import { currentSession, hasGroup } from '../auth';
import { t } from '../i18n';
import { h, link, replace, table } from '../ui/dom';
import { age, dateTime, isOverdue, json } from '../ui/format';
import { stateLabel } from '../ui/state-label';
import { instanceFacts } from './instance-facts';

export function renderSummary(summary: HTMLElement, d: InstanceDetail): void {
  const facts = instanceFacts(d);
  replace(
    summary,
    h(
      'span',
      { class: `state state-${d.state.toLowerCase()}`, id: 'instance-state', 'data-state': d.state },
      stateLabel(d.state),
    ),
    ' ',
    link(`/processes/${encodeURIComponent(d.processId)}`, `${d.processId} v${d.version}`),
    t('instance.started', { when: dateTime(d.startedAt) }),
    d.closedAt
      ? t('instance.closed', { when: dateTime(d.closedAt) })
      : t('instance.running', { age: age(d.startedAt) }),
    facts.customer ? ` · ${facts.customer}` : '',
    facts.atRisk ? h('span', { class: 'badge badge-risk' }, t('instance.atRisk', { why: facts.atRisk })) : '',
  );
}

export function renderOpenTasks(section: HTMLElement, d: InstanceDetail): void {
  replace(
    section,
    h('h2', {}, t('instance.openTasks')),
    d.openTasks.length
      ? table(
          [
            t('instance.colTask'),
            t('instance.colCandidates'),
            t('instance.colCreated'),
            t('instance.colDue'),
          ],
          d.openTasks,
          (task) => [
            link(`/tasks/${encodeURIComponent(task.taskId)}`, task.name ?? task.elementId),
            [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—',
            dateTime(task.createdAt),
            task.dueDate
              ? h('span', { class: isOverdue(task.dueDate) ? 'overdue' : '' }, dateTime(task.dueDate))
              : '—',
          ],
        )
      : h('p', { class: 'hint' }, t('instance.noTask')),
  );
}

export function renderIncidents(
  section: HTMLElement,
  d: InstanceDetail,
  retry: (incidentId: string) => void,
): void {
  const open = d.incidents.filter((i) => !i.resolved);
  replace(
    section,
    h('h2', {}, t('instance.incidents')),
    open.length
      ? h(
          'ul',
          {},
          open.map((i) =>
            h(
              'li',
              {},
              h('code', {}, i.elementId),
              ` ${i.message} `,
              h(
                'button',
                { type: 'button', class: 'btn btn-small', onclick: () => retry(i.incidentId) },
                t('common.retry'),
              ),
            ),
          ),
        )
      : h('p', { class: 'hint' }, t('common.none')),
  );
}

export function renderVariables(section: HTMLElement, d: InstanceDetail): void {
  const vars = Object.entries(d.variables ?? {});
  replace(
    section,
    h('h2', {}, t('instance.variables')),
    vars.length
      ? table([t('instance.colName'), t('instance.colValue')], vars, ([name, value]) => [
          h('code', {}, name),
          h('pre', { class: 'value' }, typeof value === 'string' ? value : json(value)),
        ])
      : h('p', { class: 'hint' }, t('instance.noVariables')),
  );
}

export function renderActions(
  actions: HTMLElement,
  d: InstanceDetail,
  on: { refresh: () => void; cancel: () => void },
): void {
  replace(
    actions,
    h('button', { type: 'button', class: 'btn', onclick: on.refresh }, t('common.refresh')),
    d.state === 'ACTIVE' && hasGroup(currentSession(), 'process-owner', 'admin', 'service')
      ? h('button', { type: 'button', class: 'btn btn-danger', onclick: on.cancel }, t('instance.cancel'))
      : null,
  );
}
