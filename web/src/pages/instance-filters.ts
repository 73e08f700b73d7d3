/** The instance list's filters (process, version, state, business key, variables, incidents), kept in the URL. */
import type { DefinitionSummary, InstanceState } from '../api/types';
import { t } from '../i18n';
import { h } from '../ui/dom';
import { stateLabel } from '../ui/state-label';

const STATES: InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'];

export interface InstanceFilter {
  processId: string;
  state: InstanceState | '';
  businessKey: string;
  version: string;
  limit: number;
  variables: string[];
  hasIncident: boolean;
  view: 'list' | 'heatmap';
}

export function filterOf(query: URLSearchParams): InstanceFilter {
  const processId = query.get('processId') ?? '';
  return {
    processId,
    state: (query.get('state') ?? '') as InstanceState | '',
    businessKey: query.get('businessKey') ?? '',
    version: query.get('version') ?? '',
    variables: query.getAll('variables'),
    hasIncident: query.get('hasIncident') === 'true',
    limit: Number(query.get('limit') ?? 25) || 25,
    view: query.get('view') === 'heatmap' && processId ? 'heatmap' : 'list',
  };
}

export interface FilterForm {
  form: HTMLFormElement;
  /** The list's URL for the form's current values, with `extra` query values. */
  toUrl(extra?: Record<string, string>): string;
}

export function filterForm(
  filter: InstanceFilter,
  processes: DefinitionSummary[],
  navigate: (path: string) => void,
): FilterForm {
  const selected = processes.find((p) => p.processId === filter.processId);
  const processSelect = h(
    'select',
    { name: 'processId', id: 'f-process' },
    h('option', { value: '' }, t('instances.allProcesses')),
    processes.map((p) =>
      h(
        'option',
        { value: p.processId, selected: p.processId === filter.processId },
        p.name ? `${p.name} (${p.processId})` : p.processId,
      ),
    ),
  );
  const versionSelect = h(
    'select',
    { name: 'version', id: 'f-version', disabled: !selected },
    h('option', { value: '' }, t('instances.allVersions')),
    (selected?.versions ?? []).map((v) =>
      h('option', { value: v.version, selected: String(v.version) === filter.version }, `v${v.version}`),
    ),
  );
  const stateSelect = h(
    'select',
    { name: 'state', id: 'f-state' },
    h('option', { value: '' }, t('instances.anyState')),
    STATES.map((s) => h('option', { value: s, selected: s === filter.state }, stateLabel(s))),
  );
  const keyInput = h('input', {
    name: 'businessKey',
    id: 'f-key',
    value: filter.businessKey,
    placeholder: 'C-2026-0042',
  });
  const variablesInput = h('input', {
    name: 'variables',
    id: 'f-variables',
    value: filter.variables.join(', '),
    placeholder: 'customer=ACME, amount=150',
    title: t('instances.variablesHint'),
  });
  const incidentBox = h('input', {
    type: 'checkbox',
    name: 'hasIncident',
    id: 'f-incident',
    checked: filter.hasIncident,
  });
  const form = h(
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
      view: processSelect.value ? filter.view : '',
      ...extra,
    };
    for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
    for (const pair of variablesInput.value.split(',').map((p) => p.trim()))
      if (pair.includes('=')) q.append('variables', pair);
    if (incidentBox.checked) q.set('hasIncident', 'true');
    const s = q.toString();
    return `/instances${s ? `?${s}` : ''}`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(toUrl());
  });
  processSelect.addEventListener('change', () => navigate(toUrl({ version: '' })));
  return { form, toUrl };
}
