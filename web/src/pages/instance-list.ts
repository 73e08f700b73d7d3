/** The instance list's table for one filter and page, with the pager and batch selection. */
import { messageOf } from '../api/client';
import { instances } from '../api/endpoints';
import type { InstanceSummary, Page as ListPage } from '../api/types';
import { t } from '../i18n';
import { attachBatchSelection } from '../operate/instance-selection';
import { emptyState, errorBox, h, link, replace, table } from '../ui/dom';
import { age, date, dateTime } from '../ui/format';
import { stateLabel } from '../ui/state-label';
import type { InstanceFilter } from './instance-filters';
import { factCells, fillFacts } from './instance-list-facts';

export async function renderList(
  body: HTMLElement,
  filter: InstanceFilter,
  cursor: string | undefined,
  navigate: (path: string) => void,
  toUrl: (extra?: Record<string, string>) => string,
): Promise<void> {
  let page: ListPage<InstanceSummary>;
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
  const facts = factCells(items);
  replace(
    body,
    instanceTable(items, facts),
    pager(cursor, page.nextCursor, () => navigate(toUrl({ cursor: page.nextCursor! }))),
  );
  attachBatchSelection(body, items, navigate);
  await fillFacts(items, facts);
}

function instanceTable(items: InstanceSummary[], facts: Map<string, HTMLElement>): HTMLTableElement {
  return table(
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
    (i) => [
      link(`/instances/${encodeURIComponent(i.instanceId)}`, i.businessKey ?? i.instanceId),
      i.processId ?? '—',
      i.version ? `v${i.version}` : '—',
      h('span', { class: `state state-${i.state.toLowerCase()}` }, stateLabel(i.state)),
      dateTime(i.startedAt),
      i.closedAt ? t('instances.closed', { when: date(i.closedAt) }) : age(i.startedAt),
      facts.get(i.instanceId)!,
    ],
    { 'aria-label': t('instances.tableLabel') },
  );
}

function pager(
  cursor: string | undefined,
  nextCursor: string | undefined | null,
  next: () => void,
): HTMLElement {
  return h(
    'div',
    { class: 'pager' },
    cursor
      ? h('button', { type: 'button', class: 'btn', onclick: () => history.back() }, t('common.previous'))
      : null,
    nextCursor ? h('button', { type: 'button', class: 'btn', onclick: next }, t('common.next')) : null,
  );
}
