/**
 * /instances/:instanceId — one instance (one order): the diagram of its version with
 * active tokens, completed counts and incidents (Retry), its timeline (called processes
 * nested), open tasks and variables, and for a contract its records. Refreshes while the
 * instance is active.
 */
import { createViewer } from '../../modeler/create-viewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import { currentSession, hasGroup } from '../auth';
import { ApiError } from '../api/client';
import { contracts, definitions, incidents, instances } from '../api/endpoints';
import type { ContractDetail, InstanceDetail } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, replace, table, toast } from '../ui/dom';
import { age, dateTime, isOverdue, json } from '../ui/format';
import { InstanceTimeline } from '../ui/instance-timeline';
import { committedDates, contractRecords } from './contract-records';
import { timelineWithCalled } from './instance-called';
import { dateVariables, instanceFacts } from './instance-facts';

/** The contract an instance works on: contract-review's business key is the contract number; its called processes carry `contractNo`. */
function contractNoOf(d: InstanceDetail): string | undefined {
  if (d.processId === 'contract-review') return d.businessKey;
  const v = d.variables?.contractNo;
  return typeof v === 'string' && v ? v : undefined;
}

const REFRESH_MS = 4000;

const instancePage: Page = async (root, { params }) => {
  const instanceId = params.instanceId;
  const heading = h('h1', {}, instanceId);
  const summary = h('div', { class: 'instance-summary', 'aria-live': 'polite' });
  const actions = h('div', { class: 'toolbar' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const canvas = h('div', {
    class: 'viewer-canvas',
    id: 'instance-diagram',
    'aria-label': 'Process diagram with the instance state',
  });
  const timelineHost = h('div', { class: 'timeline', id: 'instance-timeline' });
  const incidentsSection = h('section', {
    class: 'card',
    id: 'instance-incidents',
    'aria-label': 'Incidents',
  });
  const tasksSection = h('section', { class: 'card', id: 'instance-tasks', 'aria-label': 'Open tasks' });
  const variablesSection = h('section', {
    class: 'card',
    id: 'instance-variables',
    'aria-label': 'Variables',
  });
  const contractSection = h('section', {
    class: 'card',
    id: 'contract-records',
    'aria-label': 'Contract records',
    hidden: true,
  });
  root.append(
    h('div', { class: 'page-head' }, h('div', {}, heading, summary), actions),
    status,
    canvas,
    h('h2', {}, 'Timeline'),
    timelineHost,
    h('div', { class: 'columns' }, h('div', {}, tasksSection, incidentsSection), variablesSection),
    contractSection,
  );

  let detail: InstanceDetail;
  try {
    detail = await instances.get(instanceId);
  } catch (error) {
    replace(
      root,
      h('h1', {}, 'Instance'),
      error instanceof ApiError && error.status === 404
        ? emptyState(`There is no instance ${instanceId}.`)
        : errorBox(error instanceof ApiError ? error.plain : String(error)),
    );
    return;
  }
  heading.textContent = `${detail.processId} · ${detail.businessKey}`;

  const [viewerResult, timelineResult] = await Promise.allSettled([
    definitions.version(detail.processId, detail.version).then((d) => createViewer(canvas, d.xml)),
    Promise.resolve(new InstanceTimeline(timelineHost)),
  ]);
  const viewer = viewerResult.status === 'fulfilled' ? viewerResult.value : undefined;
  if (viewerResult.status === 'rejected')
    replace(canvas, errorBox(`Cannot show the diagram: ${String(viewerResult.reason)}`));
  const timeline = timelineResult.status === 'fulfilled' ? timelineResult.value : undefined;

  const retry = async (incidentId: string) => {
    try {
      await incidents.retry(incidentId);
      toast('Retrying', 'success');
      await refresh();
    } catch (error) {
      toast(error instanceof ApiError ? error.plain : String(error), 'error');
    }
  };

  const render = (d: InstanceDetail) => {
    const facts = instanceFacts(d);
    replace(
      summary,
      h(
        'span',
        { class: `state state-${d.state.toLowerCase()}`, id: 'instance-state' },
        d.state.toLowerCase(),
      ),
      ' ',
      link(`/processes/${encodeURIComponent(d.processId)}`, `${d.processId} v${d.version}`),
      ` · started ${dateTime(d.startedAt)}`,
      d.closedAt ? ` · closed ${dateTime(d.closedAt)}` : ` · running ${age(d.startedAt)}`,
      facts.customer ? ` · ${facts.customer}` : '',
      facts.atRisk ? h('span', { class: 'badge badge-risk' }, `at risk: ${facts.atRisk}`) : '',
    );
    const active = new Map<string, number>();
    for (const id of d.activeElements) active.set(id, (active.get(id) ?? 0) + 1);
    const open = d.incidents.filter((i) => !i.resolved);
    viewer?.get<TokenOverlays>('tokenOverlays').show(
      {
        active,
        completed: new Map(d.completedElements.map((c) => [c.elementId, c.count])),
        incidents: open,
      },
      (incident) => void retry(incident.incidentId),
    );
    replace(
      tasksSection,
      h('h2', {}, 'Open tasks'),
      d.openTasks.length
        ? table(['Task', 'Candidates', 'Created', 'Due'], d.openTasks, (t) => [
            link(`/tasks/${encodeURIComponent(t.taskId)}`, t.name ?? t.elementId),
            [...t.candidateGroups, ...t.candidateUsers].join(', ') || t.assignee || '—',
            dateTime(t.createdAt),
            t.dueDate
              ? h('span', { class: isOverdue(t.dueDate) ? 'overdue' : '' }, dateTime(t.dueDate))
              : '—',
          ])
        : h('p', { class: 'hint' }, 'No open task.'),
    );
    replace(
      incidentsSection,
      h('h2', {}, 'Incidents'),
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
                  { type: 'button', class: 'btn btn-small', onclick: () => void retry(i.incidentId) },
                  'Retry',
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'None.'),
    );
    const vars = Object.entries(d.variables ?? {});
    replace(
      variablesSection,
      h('h2', {}, 'Variables'),
      vars.length
        ? table(['Name', 'Value'], vars, ([name, value]) => [
            h('code', {}, name),
            h('pre', { class: 'value' }, typeof value === 'string' ? value : json(value)),
          ])
        : h('p', { class: 'hint' }, 'No variables.'),
    );
    replace(
      actions,
      h('button', { type: 'button', class: 'btn', onclick: () => void refresh() }, 'Refresh'),
      d.state === 'ACTIVE' && hasGroup(currentSession(), 'process-owner', 'admin', 'service')
        ? h(
            'button',
            { type: 'button', class: 'btn btn-danger', onclick: () => void cancel() },
            'Cancel instance',
          )
        : null,
    );
  };

  // The contract's records (a contract-review instance, or a process it called).
  const contractNo = contractNoOf(detail);
  let contract: ContractDetail | undefined;
  let shownRecords = '';
  const refreshContract = async () => {
    if (!contractNo) return;
    try {
      const [c, comms] = await Promise.all([
        contracts.get(contractNo),
        contracts.communications(contractNo).then(
          (p) => p.items,
          (e: unknown) => `Communications not available: ${e instanceof ApiError ? e.plain : String(e)}`,
        ),
      ]);
      contract = c;
      const key = JSON.stringify([c, comms]);
      if (key === shownRecords) return; // unchanged: keep the reader's scroll and selection
      shownRecords = key;
      replace(contractSection, h('h2', {}, `Contract ${c.contractNo}: records`), contractRecords(c, comms));
    } catch (error) {
      if (shownRecords === 'error') return;
      shownRecords = 'error';
      replace(
        contractSection,
        h('h2', {}, `Contract ${contractNo}: records`),
        error instanceof ApiError && error.status === 404
          ? emptyState(`No contract ${contractNo} is recorded.`)
          : errorBox(error instanceof ApiError ? error.plain : String(error)),
      );
    }
    contractSection.hidden = false;
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
      if (contract) markers.push(...committedDates(contract).filter((m) => !seen.has(m.at)));
      timeline?.update(source, markers);
      delete timelineHost.dataset.error;
    } catch (error) {
      timelineHost.dataset.error = String(error);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  async function refresh(): Promise<void> {
    clearTimeout(timer);
    try {
      detail = await instances.get(instanceId);
      render(detail);
      await refreshContract();
      await refreshTimeline(detail);
      status.replaceChildren();
    } catch (error) {
      replace(status, errorBox(`Refresh failed: ${error instanceof ApiError ? error.plain : String(error)}`));
    }
    if (!stopped && detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);
  }

  async function cancel(): Promise<void> {
    if (!confirm(`Cancel ${instanceId}? Its open tasks are cancelled too.`)) return;
    try {
      await instances.cancel(instanceId);
      toast('Cancel requested', 'success');
      await refresh();
    } catch (error) {
      toast(error instanceof ApiError ? error.plain : String(error), 'error');
    }
  }

  render(detail);
  await refreshContract();
  await refreshTimeline(detail);
  if (detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);

  return () => {
    stopped = true;
    clearTimeout(timer);
    timeline?.destroy();
    viewer?.destroy();
  };
};

export default instancePage;
