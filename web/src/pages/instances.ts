/**
 * /instances — the filterable, paged instance list (filters live in the URL so a view can
 * be shared), and, with a process chosen, its heatmap (?view=heatmap).
 */
import { definitions } from '../api/endpoints';
import type { DefinitionSummary } from '../api/types';
import { t } from '../i18n';
import type { Page } from '../router';
import { h, link, loading } from '../ui/dom';
import { renderHeatmap } from './heatmap-panel';
import { filterForm, filterOf } from './instance-filters';
import { renderList } from './instance-list';

const instancesPage: Page = async (root, { query, navigate }) => {
  const filter = filterOf(query);
  let processes: DefinitionSummary[] = [];
  try {
    processes = await definitions.list();
  } catch {
    /* the list still works without the process names */
  }
  const selected = processes.find((p) => p.processId === filter.processId);
  const { form, toUrl } = filterForm(filter, processes, navigate);

  const tabs = filter.processId
    ? h(
        'div',
        { class: 'tabs', role: 'tablist' },
        link(toUrl({ view: '' }), t('instances.list')),
        link(toUrl({ view: 'heatmap' }), t('instances.heatmap')),
      )
    : null;
  tabs
    ?.querySelectorAll('a')
    .forEach((a, i) => a.setAttribute('aria-current', String((i === 0) === (filter.view === 'list'))));

  const body = h('div', {}, loading());
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('instances.title')), tabs), form, body);

  if (filter.view === 'heatmap' && selected) {
    return renderHeatmap(body, selected, filter.version ? Number(filter.version) : selected.latestVersion);
  }
  await renderList(body, filter, query.get('cursor') ?? undefined, navigate, toUrl);
};

export default instancesPage;
