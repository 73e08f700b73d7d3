/** Deployed processes with their versions and instance counts; each opens in the modeler. */
import { messageOf } from '../api/client';
import { definitions, instances } from '../api/endpoints';
import type { DefinitionSummary } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { t } from '../i18n';

const COUNT_LIMIT = 500;

const processes: Page = async (root, { navigate }) => {
  const newForm = h(
    'form',
    { class: 'inline-form', 'aria-label': t('processes.newLabel') },
    h('label', { for: 'new-process-id' }, t('processes.newId')),
    h('input', {
      id: 'new-process-id',
      name: 'processId',
      required: true,
      pattern: '[A-Za-z_][\\w.-]*',
      placeholder: 'order-change',
    }),
    h('button', { type: 'submit', class: 'btn' }, t('processes.openModeler')),
  );
  newForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = (newForm.elements.namedItem('processId') as HTMLInputElement).value.trim();
    if (id) navigate(`/processes/${encodeURIComponent(id)}`);
  });
  const body = h('div', {}, loading(t('processes.loading')));
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('processes.title')), newForm), body);

  let list: DefinitionSummary[];
  try {
    list = await definitions.list();
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
    return;
  }
  if (!list.length) {
    replace(body, emptyState(t('processes.empty'), t('processes.emptyHint')));
    return;
  }
  const counts = new Map(
    list.map((p) => [p.processId, { active: h('span', {}, '…'), completed: h('span', {}, '…') }]),
  );
  replace(
    body,
    table(
      [
        t('processes.colProcess'),
        t('processes.colName'),
        t('processes.colLatest'),
        t('processes.colDeployed'),
        t('processes.colActive'),
        t('processes.colCompleted'),
        '',
      ],
      list,
      (p) => {
        const latest = p.versions[p.versions.length - 1];
        const c = counts.get(p.processId)!;
        return [
          link(`/processes/${encodeURIComponent(p.processId)}`, p.processId),
          p.name ?? '—',
          h(
            'span',
            { class: 'version-label' },
            `v${p.latestVersion}`,
            p.versions.length > 1
              ? h('span', { class: 'hint' }, t('processes.versions', { count: p.versions.length }))
              : null,
          ),
          latest ? t('common.by', { when: dateTime(latest.deployedAt), who: latest.deployedBy }) : '—',
          c.active,
          c.completed,
          link(
            `/instances?processId=${encodeURIComponent(p.processId)}&view=heatmap`,
            t('processes.heatmap'),
          ),
        ];
      },
      { 'aria-label': t('processes.tableLabel') },
    ),
  );
  // Counts come from the instance listing (Temporal visibility), one request per process and state.
  await Promise.all(
    list.map(async (p) => {
      const c = counts.get(p.processId)!;
      c.active.textContent = await countOf(p.processId, 'ACTIVE');
      c.completed.textContent = await countOf(p.processId, 'COMPLETED');
    }),
  );
};

async function countOf(processId: string, state: 'ACTIVE' | 'COMPLETED'): Promise<string> {
  try {
    const page = await instances.list({ processId, state, limit: COUNT_LIMIT });
    return page.nextCursor ? `${page.items.length}+` : String(page.items.length);
  } catch {
    return '?';
  }
}

export default processes;
