/**
 * /instances/:instanceId — one instance (one order): the diagram of its version with
 * active tokens, completed counts and incidents (Retry), its timeline (called processes
 * nested), open tasks and variables, and the sections installed packs add (web-pack.ts
 * instancePanel, e.g. a contract's records). Refreshes while the
 * instance is active.
 */
import { createViewer } from '../../modeler/create-viewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import { ApiError, messageOf } from '../api/client';
import { definitions, incidents, instances } from '../api/endpoints';
import type { InstanceDetail } from '../api/types';
import { t } from '../i18n';
import type { Page } from '../router';
import { installedPacks } from '../web-pack';
import { emptyState, errorBox, h, replace, toast } from '../ui/dom';
import { InstanceTimeline } from '../ui/instance-timeline';
import { mayOperate, TokenEditor } from '../operate/token-editor';
import { auditSection, renderAudit } from './instance-audit';
import { timelineWithCalled } from './instance-called';
import { dateVariables } from './instance-facts';
import {
  renderActions,
  renderIncidents,
  renderOpenTasks,
  renderSummary,
  renderVariables,
} from './instance-sections';

const REFRESH_MS = 4000;

function layout(root: HTMLElement, instanceId: string) {
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

const instancePage: Page = async (root, { params }) => {
  const instanceId = params.instanceId;
  const el = layout(root, instanceId);

  let detail: InstanceDetail;
  try {
    detail = await instances.get(instanceId);
  } catch (error) {
    replace(
      root,
      h('h1', {}, t('instance.title')),
      error instanceof ApiError && error.status === 404
        ? emptyState(t('instance.missing', { instanceId }))
        : errorBox(messageOf(error)),
    );
    return;
  }
  el.heading.textContent = `${detail.processId} · ${detail.businessKey}`;

  const viewer = await definitions
    .version(detail.processId, detail.version)
    .then((d) => createViewer(el.canvas, d.xml))
    .catch((reason: unknown) => {
      replace(el.canvas, errorBox(t('instance.noDiagram', { reason: String(reason) })));
      return undefined;
    });
  const timeline = new InstanceTimeline(el.timelineHost);
  // Sections the installed packs add for this instance (e.g. a contract's records).
  const panels = installedPacks().flatMap((pack) => pack.instancePanel?.(detail) ?? []);
  root.append(...panels.map((panel) => panel.section));
  const refreshPanels = () => Promise.all(panels.map((panel) => panel.refresh()));
  const tokenEditor =
    mayOperate() && detail.state === 'ACTIVE'
      ? new TokenEditor(el.operate, viewer, detail, () => void refresh())
      : undefined;

  const retry = async (incidentId: string) => {
    try {
      await incidents.retry(incidentId);
      toast(t('instance.retrying'), 'success');
      await refresh();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  };

  const render = (d: InstanceDetail) => {
    renderSummary(el.summary, d);
    const active = new Map<string, number>();
    for (const id of d.activeElements) active.set(id, (active.get(id) ?? 0) + 1);
    viewer?.get<TokenOverlays>('tokenOverlays').show(
      {
        active,
        completed: new Map(d.completedElements.map((c) => [c.elementId, c.count])),
        incidents: d.incidents.filter((i) => !i.resolved),
      },
      (incident) => void retry(incident.incidentId),
    );
    tokenEditor?.update(d);
    renderOpenTasks(el.tasks, d);
    renderIncidents(el.incidents, d, (id) => void retry(id));
    renderVariables(el.variables, d);
    renderActions(el.actions, d, { refresh: () => void refresh(), cancel: () => void cancel() });
  };

  const refreshTimeline = async (d: InstanceDetail) => {
    try {
      const source = await timelineWithCalled(instanceId, d.businessKey);
      const markers = dateVariables(d.variables ?? {}).map((m) => ({
        id: `var-${m.name}`,
        at: m.at,
        label: m.name,
      }));
      const seen = new Set(markers.map((m) => m.at.slice(0, 10)));
      markers.push(...panels.flatMap((panel) => panel.markers()).filter((m) => !seen.has(m.at)));
      timeline.update(source, markers);
      delete el.timelineHost.dataset.error;
    } catch (error) {
      el.timelineHost.dataset.error = String(error);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  async function refresh(): Promise<void> {
    clearTimeout(timer);
    try {
      detail = await instances.get(instanceId);
      render(detail);
      await refreshPanels();
      await refreshTimeline(detail);
      await renderAudit(el.audit, instanceId);
      el.status.replaceChildren();
    } catch (error) {
      replace(el.status, errorBox(t('instance.refreshFailed', { message: messageOf(error) })));
    }
    if (!stopped && detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);
  }

  async function cancel(): Promise<void> {
    if (!confirm(t('instance.confirmCancel', { instanceId }))) return;
    try {
      await instances.cancel(instanceId);
      toast(t('instance.cancelRequested'), 'success');
      await refresh();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  }

  render(detail);
  await refreshPanels();
  await refreshTimeline(detail);
  await renderAudit(el.audit, instanceId);
  if (detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);

  return () => {
    stopped = true;
    clearTimeout(timer);
    timeline.destroy();
    viewer?.destroy();
  };
};

export default instancePage;
