/** /late-orders — the tracking sheet (掉期订单跟踪表): reason, new date, daily review history, escalation, 5D; CSV. */
import type { LateOrderRow } from '../../../api/contract-review/late-orders/late-orders.response';
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { date, dateTime } from '../ui/format';
import { codeName } from './code-names';
import { pack, tr } from './endpoints';

function reviewHistory(r: LateOrderRow): HTMLElement {
  return r.reviews.length
    ? h(
        'ol',
        { class: 'plain-list' },
        r.reviews.map((v) =>
          h(
            'li',
            {},
            `${dateTime(v.recordedAt)} · ${codeName('meeting', v.meeting)} · ${v.reason}${v.newDate ? ` → ${v.newDate}` : ''} · ${v.outcome}`,
          ),
        ),
      )
    : h('span', { class: 'hint' }, tr('late.noReview'));
}

const lateOrdersPage: Page = async (root, { query, navigate }) => {
  const state = query.get('state') ?? '';
  const status = h('div', { role: 'status' });
  const select = h(
    'select',
    {
      id: 'f-late-state',
      name: 'state',
      onchange: () => navigate(`/late-orders${select.value ? `?state=${select.value}` : ''}`),
    },
    h('option', { value: '' }, tr('late.any')),
    ['open', 'escalated', 'resolved'].map((s) =>
      h('option', { value: s, selected: s === state }, tr(`lateStates.${s}`)),
    ),
  );
  const body = h('div', {}, loading());
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, tr('late.title')),
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: 'f-late-state' }, tr('late.state')),
        select,
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            id: 'late-orders-csv',
            onclick: () =>
              pack
                .lateOrdersCsv(state || undefined)
                .catch((e: unknown) => replace(status, errorBox(messageOf(e)))),
          },
          tr('late.exportCsv'),
        ),
      ),
    ),
    status,
    body,
  );
  try {
    const { items } = await pack.lateOrders(state || undefined);
    replace(
      body,
      items.length
        ? table(
            [
              tr('late.colContract'),
              tr('late.colCustomer'),
              tr('late.colLines'),
              tr('late.colReason'),
              tr('late.colOriginal'),
              tr('late.colNew'),
              tr('late.colState'),
              tr('late.colReviews'),
              tr('late.colEscalation'),
            ],
            items,
            (r) => [
              link(`/contracts/${encodeURIComponent(r.contractNo)}`, r.contractNo),
              r.customerId,
              r.lineNos.join(', '),
              r.reason,
              date(r.originalDate),
              r.newDate ? date(r.newDate) : '—',
              h(
                'span',
                { class: `state state-${r.state}`, 'data-state': r.state },
                tr(`lateStates.${r.state}`),
              ),
              reviewHistory(r),
              [
                r.state === 'escalated' || r.reviews.some((v) => v.meeting === 'weekly')
                  ? tr('late.escalated')
                  : '—',
                r.instanceId ? ' · ' : null,
                r.instanceId
                  ? link(`/instances/${encodeURIComponent(r.instanceId)}`, tr('late.fiveD'))
                  : null,
              ],
            ],
            { 'aria-label': tr('late.tableLabel'), id: 'late-orders' },
          )
        : emptyState(tr('late.empty')),
    );
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
  }
};

export default lateOrdersPage;
