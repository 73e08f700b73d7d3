/** /contracts — the contract ledger (合同台帐): filters in the URL, committed dates, deliveries, late flags, CSV. */
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { codeName } from './code-names';
import { pack, tr, type LedgerQuery } from './endpoints';

const FILTERS = ['customerId', 'class', 'status', 'late', 'from', 'to'] as const;
const STATUSES = ['intake', 'in-review', 'negotiation', 'signed', 'executing', 'completed', 'declined'];

function select(name: string, value: string, options: [string, string][]): HTMLSelectElement {
  return h(
    'select',
    { name, id: `f-${name}` },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}

function filterForm(query: LedgerQuery, navigate: (path: string) => void): HTMLFormElement {
  const form = h(
    'form',
    { class: 'filters', id: 'ledger-filters', 'aria-label': tr('ledger.title') },
    h('label', { for: 'f-customerId' }, tr('ledger.customer')),
    h('input', { name: 'customerId', id: 'f-customerId', value: query.customerId ?? '', size: 12 }),
    h('label', { for: 'f-class' }, tr('ledger.class')),
    select('class', query.class ?? '', [
      ['', tr('ledger.any')],
      ['regular', tr('classes.regular')],
      ['non-regular', tr('classes.non-regular')],
    ]),
    h('label', { for: 'f-status' }, tr('ledger.status')),
    select('status', query.status ?? '', [
      ['', tr('ledger.any')],
      ...STATUSES.map((s): [string, string] => [s, codeName('status', s)]),
    ]),
    h('label', { for: 'f-late' }, tr('ledger.late')),
    select('late', query.late ?? '', [
      ['', tr('ledger.any')],
      ['true', tr('ledger.lateOnly')],
      ['false', tr('ledger.onTime')],
    ]),
    h('label', { for: 'f-from' }, tr('ledger.from')),
    h('input', { type: 'date', name: 'from', id: 'f-from', value: query.from ?? '' }),
    h('label', { for: 'f-to' }, tr('ledger.to')),
    h('input', { type: 'date', name: 'to', id: 'f-to', value: query.to ?? '' }),
    h('button', { type: 'submit', class: 'btn' }, tr('ledger.apply')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) q.set(k, v.trim());
    navigate(`/contracts${q.size ? `?${q}` : ''}`);
  });
  return form;
}

const ledgerPage: Page = async (root, { query, navigate }) => {
  const filter: LedgerQuery = {};
  for (const key of FILTERS) if (query.get(key)) filter[key] = query.get(key)!;
  const body = h('div', {}, loading());
  const status = h('div', { role: 'status' });
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, tr('ledger.title')),
      h(
        'div',
        { class: 'toolbar' },
        link('/contracts/new', tr('ledger.new')),
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            id: 'ledger-csv',
            onclick: () =>
              pack.ledgerCsv(filter).catch((e: unknown) => replace(status, errorBox(messageOf(e)))),
          },
          tr('ledger.exportCsv'),
        ),
      ),
    ),
    filterForm(filter, navigate),
    status,
    body,
  );
  try {
    const { items, truncated } = await pack.ledger(filter);
    replace(
      body,
      items.length
        ? table(
            [
              tr('ledger.colContract'),
              tr('ledger.colCustomer'),
              tr('ledger.colClass'),
              tr('ledger.colStatus'),
              tr('ledger.colLines'),
              tr('ledger.colLate'),
              tr('ledger.colInstance'),
            ],
            items,
            (r) => [
              link(`/contracts/${encodeURIComponent(r.contractNo)}`, r.contractNo),
              r.customerId,
              tr(`classes.${r.class}`),
              codeName('status', r.status),
              h(
                'ul',
                { class: 'plain-list' },
                r.lines.map((l) =>
                  h(
                    'li',
                    {},
                    `${l.partNo} × ${l.quantity}, ${l.committedDate}, ${l.deliveredQty}/${l.quantity}`,
                  ),
                ),
              ),
              r.late
                ? h('span', { class: 'badge badge-overdue', 'data-late': 'true' }, tr('ledger.lateFlag'))
                : '—',
              r.instanceId
                ? link(`/instances/${encodeURIComponent(r.instanceId)}`, dateTime(r.createdAt))
                : '—',
            ],
            { 'aria-label': tr('ledger.tableLabel'), id: 'contract-ledger' },
          )
        : emptyState(tr('ledger.empty')),
      truncated ? h('p', { class: 'hint' }, tr('ledger.truncated')) : null,
    );
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
  }
};

export default ledgerPage;
