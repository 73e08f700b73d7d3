/**
 * /instances — the filterable, paged instance list (filters live in the URL so a view can
 * be shared), and, with a process chosen, its heatmap (?view=heatmap).
 */
import { messageOf } from '../api/client';
import { definitions, instances } from '../api/endpoints';
import type { DefinitionSummary, InstanceDetail, InstanceState, InstanceSummary } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { age, date, dateTime, isOverdue } from '../ui/format';
import { stateLabel } from '../ui/state-label';
import { renderHeatmap } from './heatmap-panel';
import { instanceFacts } from './instance-facts';
import { t } from '../i18n';
import { attachBatchSelection } from '../operate/instance-selection';

const STATES: InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'];

const instancesPage: Page = async (root, { query, navigate }) => {
  const processId = query.get('processId') ?? '';
  const state = (query.get('state') ?? '') as InstanceState | '';
  const businessKey = query.get('businessKey') ?? '';
  const version = query.get('version') ?? '';
  const variables = query.getAll('variables');
  const hasIncident = query.get('hasIncident') === 'true';
  const limit = Number(query.get('limit') ?? 25) || 25;
  const view = query.get('view') === 'heatmap' && processId ? 'heatmap' : 'list';

  let processes: DefinitionSummary[] = [];
  try {
    processes = await definitions.list();
  } catch {
    /* the list still works without the process names */
  }
  const selected = processes.find((p) => p.processId === processId);

  const processSelect = h(
    'select',
    { name: 'processId', id: 'f-process' },
    h('option', { value: '' }, t('instances.allProcesses')),
    processes.map((p) =>
      h(
        'option',
        { value: p.processId, selected: p.processId === processId },
        p.name ? `${p.name} (${p.processId})` : p.processId,
      ),
    ),
  );
  const versionSelect = h(
    'select',
    { name: 'version', id: 'f-version', disabled: !selected },
    h('option', { value: '' }, t('instances.allVersions')),
    (selected?.versions ?? []).map((v) =>
      h('option', { value: v.version, selected: String(v.version) === version }, `v${v.version}`),
    ),
  );
  const stateSelect = h(
    'select',
    { name: 'state', id: 'f-state' },
    h('option', { value: '' }, t('instances.anyState')),
    STATES.map((s) => h('option', { value: s, selected: s === state }, stateLabel(s))),
  );
  const keyInput = h('input', {
    name: 'businessKey',
    id: 'f-key',
    value: businessKey,
    placeholder: 'C-2026-0042',
  });
  const variablesInput = h('input', {
    name: 'variables',
    id: 'f-variables',
    value: variables.join(', '),
    placeholder: 'customer=ACME, amount=150',
    title: t('instances.variablesHint'),
  });
  const incidentBox = h('input', {
    type: 'checkbox',
    name: 'hasIncident',
    id: 'f-incident',
    checked: hasIncident,
  });
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': t('instances.filterLabel') },
    h('label', { for: 'f-process' }, t('instances.process')),
    processSelect,
    h('label', { for: 'f-version' }, t('instances.version')),
    versionSelect,
    h('label', { for: 'f-state' }, t('instances.state')),
    stateSelect,
    h('label', { for: 'f-key' }, t('instances.businessKey')),
    keyInput,
    h('label', { for: 'f-variables' }, t('instances.variables')),
    variablesInput,
    h('label', { for: 'f-incident' }, t('instances.withIncident')),
    incidentBox,
    h('button', { type: 'submit', class: 'btn' }, t('common.apply')),
  );
  const toUrl = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams();
    const values = {
      processId: processSelect.value,
      version: processSelect.value ? versionSelect.value : '',
      state: stateSelect.value,
      businessKey: keyInput.value.trim(),
      view: processSelect.value ? view : '',
      ...extra,
    };
    for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
    for (const pair of variablesInput.value.split(',').map((p) => p.trim()))
      if (pair.includes('=')) q.append('variables', pair);
    if (incidentBox.checked) q.set('hasIncident', 'true');
    const s = q.toString();
    return `/instances${s ? `?${s}` : ''}`;
  };
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(toUrl());
  });
  processSelect.addEventListener('change', () => navigate(toUrl({ version: '' })));

  const tabs = processId
    ? h(
        'div',
        { class: 'tabs', role: 'tablist' },
        link(toUrl({ view: '' }), t('instances.list')),
        link(toUrl({ view: 'heatmap' }), t('instances.heatmap')),
      )
    : null;
  tabs
    ?.querySelectorAll('a')
    .forEach((a, i) => a.setAttribute('aria-current', String((i === 0) === (view === 'list'))));

  const body = h('div', {}, loading());
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('instances.title')), tabs), filters, body);

  if (view === 'heatmap' && selected) {
    return renderHeatmap(body, selected, version ? Number(version) : selected.latestVersion);
  }
  await renderList(
    body,
    { processId, state, businessKey, version, limit, variables, hasIncident },
    query.get('cursor') ?? undefined,
    navigate,
    toUrl,
  );
};

async function renderList(
  body: HTMLElement,
  filter: {
    processId: string;
    state: InstanceState | '';
    businessKey: string;
    version: string;
    limit: number;
    variables: string[];
    hasIncident: boolean;
  },
  cursor: string | undefined,
  navigate: (path: string) => void,
  toUrl: (extra?: Record<string, string>) => string,
): Promise<void> {
  let page;
  try {
    page = await instances.list({
      processId: filter.processId || undefined,
      state: filter.state || undefined,
      businessKey: filter.businessKey || undefined,
      version: filter.version ? Number(filter.version) : undefined,
      variables: filter.variables.length ? filter.variables : undefined,
      hasIncident: filter.hasIncident || undefined,
      limit: filter.limit,
      cursor,
    });
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
    return;
  }
  const items = page.items;
  if (!items.length) {
    replace(
      body,
      emptyState(cursor ? t('instances.noMore') : t('instances.noMatch'), t('instances.emptyHint')),
    );
    return;
  }
  // The current step comes with the list (active elements, named from the diagram: one read
  // per process version shown). Customer, due date and risk live in the instance's
  // variables, tasks and incidents: only active instances need their snapshot for those.
  const facts = new Map(
    items.map(
      (i) =>
        [
          i.instanceId,
          h(
            'span',
            { class: 'facts' },
            i.activeElements === undefined && i.state === 'ACTIVE' ? h('span', { class: 'hint' }, '…') : null,
          ),
        ] as const,
    ),
  );
  const cells = (i: InstanceSummary) => [
    link(`/instances/${encodeURIComponent(i.instanceId)}`, i.businessKey ?? i.instanceId),
    i.processId ?? '—',
    i.version ? `v${i.version}` : '—',
    h('span', { class: `state state-${i.state.toLowerCase()}` }, stateLabel(i.state)),
    dateTime(i.startedAt),
    i.closedAt ? t('instances.closed', { when: date(i.closedAt) }) : age(i.startedAt),
    facts.get(i.instanceId)!,
  ];
  const pager = h(
    'div',
    { class: 'pager' },
    cursor
      ? h('button', { type: 'button', class: 'btn', onclick: () => history.back() }, t('common.previous'))
      : null,
    page.nextCursor
      ? h(
          'button',
          { type: 'button', class: 'btn', onclick: () => navigate(toUrl({ cursor: page.nextCursor! })) },
          t('common.next'),
        )
      : null,
  );
  replace(
    body,
    table(
      [
        t('instances.colInstance'),
        t('instances.colProcess'),
        t('instances.colVersion'),
        t('instances.colState'),
        t('instances.colStarted'),
        t('instances.colAge'),
        t('instances.colNow'),
      ],
      items,
      cells,
      { 'aria-label': t('instances.tableLabel') },
    ),
    pager,
  );
  attachBatchSelection(body, items, navigate);

  await Promise.all(
    items.map(async (i) => {
      if (!i.activeElements?.length || !i.processId || !i.version) return;
      const names = await elementNames(i.processId, i.version);
      const step = h(
        'span',
        { class: 'step' },
        [...new Set(i.activeElements)].map((id) => names.get(id) ?? id).join(', '),
      );
      facts.get(i.instanceId)!.prepend(step);
    }),
  );
  const active = items.filter((i) => i.state === 'ACTIVE');
  await eachLimited(active, SNAPSHOT_READS, async (i) => {
    const cell = facts.get(i.instanceId)!;
    try {
      const detail = await instances.get(i.instanceId);
      const listed = cell.querySelector('.step');
      // The open tasks' names say the step best; otherwise keep the list's active elements.
      const keepListed = listed && !detail.openTasks.length;
      replace(cell, keepListed ? listed : null, describeFacts(detail, !keepListed));
    } catch {
      cell.querySelector('.hint')?.remove();
    }
  });
}

/** Instance detail reads (answered from the store) in flight at once. */
const SNAPSHOT_READS = 4;

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
    }),
  );
}

/** Element id → name of a deployed version, read once per page load. */
const namesCache = new Map<string, Promise<Map<string, string>>>();
function elementNames(processId: string, version: number): Promise<Map<string, string>> {
  const key = `${processId}@${version}`;
  let names = namesCache.get(key);
  if (!names) {
    names = definitions.version(processId, version).then(
      (d) => {
        const doc = new DOMParser().parseFromString(d.xml, 'application/xml');
        const map = new Map<string, string>();
        for (const el of Array.from(doc.getElementsByTagName('*'))) {
          const id = el.getAttribute('id');
          const name = el.getAttribute('name');
          if (id && name) map.set(id, name);
        }
        return map;
      },
      () => new Map<string, string>(),
    );
    namesCache.set(key, names);
  }
  return names;
}

function describeFacts(detail: InstanceDetail, withStep: boolean): HTMLElement[] {
  const f = instanceFacts(detail);
  return [
    f.currentStep && withStep ? h('span', { class: 'step' }, f.currentStep) : null,
    f.customer ? h('span', { class: 'hint' }, ` · ${f.customer}`) : null,
    f.dueDate
      ? h(
          'span',
          { class: isOverdue(f.dueDate) ? 'overdue' : 'hint' },
          t('instances.due', { when: date(f.dueDate) }),
        )
      : null,
    f.atRisk ? h('span', { class: 'badge badge-risk', title: f.atRisk }, t('instances.atRisk')) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

export default instancesPage;
