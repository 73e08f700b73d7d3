/** The instance page's frame: heading, summary, actions, diagram, timeline, tasks, incidents, variables, operate, audit. */
import { t } from '../i18n';
import { mayOperate } from '../operate/token-editor';
import { h } from '../ui/dom';
import { auditSection } from './instance-audit';

export type InstanceLayout = ReturnType<typeof instanceLayout>;

export function instanceLayout(root: HTMLElement, instanceId: string) {
  const el = {
    heading: h('h1', {}, instanceId),
    summary: h('div', { class: 'instance-summary', 'aria-live': 'polite' }),
    actions: h('div', { class: 'toolbar' }),
    status: h('div', { role: 'status', 'aria-live': 'polite' }),
    canvas: h('div', {
      class: 'viewer-canvas',
      id: 'instance-diagram',
      'aria-label': t('instance.diagramLabel'),
    }),
    timelineHost: h('div', { class: 'timeline', id: 'instance-timeline' }),
    incidents: h('section', {
      class: 'card',
      id: 'instance-incidents',
      'aria-label': t('instance.incidents'),
    }),
    tasks: h('section', { class: 'card', id: 'instance-tasks', 'aria-label': t('instance.openTasks') }),
    variables: h('section', {
      class: 'card',
      id: 'instance-variables',
      'aria-label': t('instance.variables'),
    }),
    operate: h('section', { class: 'card', id: 'instance-operate', hidden: !mayOperate() }),
    audit: auditSection(),
  };
  root.append(
    h('div', { class: 'page-head' }, h('div', {}, el.heading, el.summary), el.actions),
    el.status,
    el.canvas,
    h('h2', {}, t('instance.timeline')),
    el.timelineHost,
    h('div', { class: 'columns' }, h('div', {}, el.tasks, el.incidents), el.variables),
    el.operate,
    el.audit,
  );
  return el;
}
