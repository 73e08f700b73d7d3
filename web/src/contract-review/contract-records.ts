/**
 * The contract's records on its instance view (GET /api/contracts/:contractNo and its
 * customer communications from GET /api/outbox?contractNo): class, revision history,
 * department reviews with each checklist item's verdict, measures, special
 * characteristics, change notices, deliveries, late orders with their meeting entries,
 * communications and the retention date.
 */
import type {
  ContractDetail,
  ItemVerdict,
} from '../../../api/contract-review/contracts/queries/contract-detail.response';
import type { OutboxMessage } from '../../../api/contract-review/outbox/outbox.response';
import { h, link, table } from '../ui/dom';
import { date, dateTime } from '../ui/format';

const CHECKLIST = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
/** CR-5: what each checklist item asks (labels of diagrams/contract-review/cr-department-review.form). */
const CHECKLIST_TITLE: Record<string, string> = {
  a: 'a) Procurement and production capability requirements are clear and can be met',
  b: 'b) Price is clear and acceptable',
  c: 'c) Structure, appearance, function and material requirements are clear and can be met',
  d: 'd) Delivery method and place are clear',
  e: 'e) Packaging requirements are clear and can be met',
  f: 'f) Transport mode and cost are clear',
  g: 'g) New products: manufacturing feasibility incl. risk analysis',
  h: 'h) Every term complies with national laws and regulations',
  i: 'i) Other terms are clear',
};
const VERDICT_TEXT: Record<ItemVerdict, string> = {
  accept: '✓ accept',
  'accept-with-measures': '◐ with measures',
  reject: '✗ reject',
  'not-applicable': '– n/a',
};

export function contractRecords(
  contract: ContractDetail,
  communications: OutboxMessage[] | string,
): HTMLElement {
  const c = contract;
  return h(
    'div',
    { class: 'contract-records' },
    h(
      'dl',
      { class: 'facts-list', id: 'contract-facts' },
      fact('Contract', `${c.contractNo} (${c.documentType}, via ${c.channel})`),
      fact('Customer', c.customerId),
      fact('Status', h('span', { class: `state contract-${c.status}` }, c.status)),
      fact(
        'Class',
        h('span', { id: 'contract-class' }, c.class, c.contractClass ? ' (confirmed)' : ' (proposed)'),
        c.classReasons.length ? h('span', { class: 'hint' }, ` — ${c.classReasons.join('; ')}`) : null,
        c.classOverrideReason
          ? h('span', { class: 'hint' }, ` — changed by sales: ${c.classOverrideReason}`)
          : null,
      ),
      fact('Revision', String(c.revision)),
      fact(
        'Flags',
        [
          c.annual && 'annual',
          c.automotive && 'automotive',
          c.newProduct && 'new product',
          c.oemSupply && 'OEM supply',
        ]
          .filter(Boolean)
          .join(', ') || '—',
      ),
      fact(
        'Reviewers',
        c.reviewers.length
          ? `${c.reviewers.join(', ')}${c.reviewMode ? ` (${c.reviewMode} review)` : ''}`
          : '—',
      ),
      fact('Payment terms', c.paymentTerms || '—'),
      fact(
        'Delivery terms',
        c.delivery
          ? [c.delivery.method, c.delivery.place, c.delivery.packaging, c.delivery.transport]
              .filter(Boolean)
              .join(' · ')
          : '—',
      ),
      fact('Recorded', `${dateTime(c.createdAt)} by ${c.createdBy}`),
      fact(
        'Retention',
        h(
          'span',
          { id: 'contract-retention' },
          c.retentionUntil
            ? `kept until ${date(c.retentionUntil)}`
            : c.archivedAt
              ? `archived ${dateTime(c.archivedAt)}`
              : 'open (retention starts when the contract closes)',
        ),
      ),
    ),
    part('Order lines', 'contract-lines', c.lines, () =>
      table(
        ['Line', 'Part', 'Qty', 'Unit price', 'Requested', 'Committed', 'Delivered', 'Late raised'],
        c.lines,
        (l) => [
          String(l.lineNo),
          l.partNo,
          String(l.quantity),
          `${l.unitPrice} ${l.currency}`,
          date(l.requestedDate),
          h('strong', {}, date(l.committedDate)),
          `${l.deliveredQty} / ${l.quantity}`,
          l.lateRaisedAt ? h('span', { class: 'overdue' }, dateTime(l.lateRaisedAt)) : '—',
        ],
      ),
    ),
    part('Revision history', 'contract-revisions', c.revisions, () =>
      table(['Rev.', 'Requested by', 'Changes', 'Reason', 'Recorded'], c.revisions, (r) => [
        String(r.revision),
        r.requestedBy,
        h(
          'code',
          { class: 'changes' },
          Object.entries(r.changes)
            .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join('; ') || '—',
        ),
        r.reason,
        `${dateTime(r.recordedAt)} · ${r.recordedBy}`,
      ]),
    ),
    part('Department reviews', 'contract-reviews', c.reviews, () => {
      const items = CHECKLIST.filter((item) => c.reviews.some((r) => r.checklist[item]));
      return h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data-table review-table', 'aria-label': 'Department reviews with checklist verdicts' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Rev.'),
              h('th', { scope: 'col' }, 'Department'),
              h('th', { scope: 'col' }, 'Mode'),
              items.map((i) => h('th', { scope: 'col', title: CHECKLIST_TITLE[i] }, i)),
              h('th', { scope: 'col' }, 'Verdict'),
              h('th', { scope: 'col' }, 'Comments'),
              h('th', { scope: 'col' }, 'Recorded'),
            ),
          ),
          h(
            'tbody',
            {},
            c.reviews.map((r) =>
              h(
                'tr',
                { 'data-department': r.department },
                h('td', {}, String(r.revision)),
                h('td', {}, r.department),
                h('td', {}, r.mode),
                items.map((i) => {
                  const v = r.checklist[i];
                  return h(
                    'td',
                    {
                      class: v ? `verdict verdict-${v}` : 'hint',
                      'data-item': i,
                      title: v ? `${CHECKLIST_TITLE[i]}: ${v}` : 'not this department’s item',
                    },
                    v ? VERDICT_TEXT[v] : '',
                  );
                }),
                h('td', { class: `verdict verdict-${r.verdict}` }, VERDICT_TEXT[r.verdict] ?? r.verdict),
                h('td', {}, r.comments ?? '—'),
                h('td', {}, dateTime(r.recordedAt)),
              ),
            ),
          ),
        ),
      );
    }),
    part('Measures', 'contract-measures', c.measures, () =>
      table(['Rev.', 'Measure', 'Department', 'Owner', 'Due', 'Status', 'Evidence'], c.measures, (m) => [
        String(m.revision),
        m.description,
        m.department,
        m.owner,
        h(
          'span',
          { class: m.status === 'open' && Date.parse(m.dueDate) < Date.now() ? 'overdue' : '' },
          date(m.dueDate),
        ),
        m.status === 'done' ? `done ${dateTime(m.completedAt ?? undefined)}` : 'open',
        m.evidence ?? '—',
      ]),
    ),
    part(
      'Special characteristics and requirements',
      'contract-special',
      [...c.specialCharacteristics, ...c.specialRequirements],
      () =>
        h(
          'div',
          {},
          c.specialCharacteristics.length
            ? table(['Characteristic', 'Symbol', 'Document'], c.specialCharacteristics, (s) => [
                s.characteristic,
                h('strong', { class: 'symbol' }, s.symbol),
                s.documentRef ?? '—',
              ])
            : null,
          c.specialRequirements.length
            ? table(['Special requirement', 'Source document', 'Symbol'], c.specialRequirements, (s) => [
                s.text,
                s.sourceDocument,
                s.symbol ?? '—',
              ])
            : null,
        ),
    ),
    part('Change notices', 'contract-change-notices', c.changeNotices, () =>
      table(['Rev.', 'Department', 'Summary', 'Issued', 'Acknowledged'], c.changeNotices, (n) => [
        String(n.revision),
        n.department,
        n.summary,
        dateTime(n.issuedAt),
        n.acknowledgedAt
          ? `${dateTime(n.acknowledgedAt)}${n.acknowledgementNotes ? ` — ${n.acknowledgementNotes}` : ''}`
          : h('span', { class: 'overdue' }, 'not yet'),
      ]),
    ),
    part('Deliveries', 'contract-deliveries', c.deliveries, () =>
      table(
        ['Line', 'Part', 'Qty', 'Delivered', 'Committed', 'On time', 'Recorded by'],
        c.deliveries,
        (d) => [
          String(d.lineNo),
          d.partNo,
          String(d.quantity),
          dateTime(d.deliveredAt),
          date(d.committedDate),
          d.onTime ? h('span', { class: 'ok' }, 'on time') : h('span', { class: 'overdue' }, 'late'),
          d.recordedBy,
        ],
      ),
    ),
    part('Late orders', 'contract-late-orders', c.lateOrders, () =>
      h(
        'div',
        {},
        c.lateOrders.map((l) =>
          h(
            'div',
            { class: 'late-order', 'data-late-order': l.id },
            h(
              'p',
              {},
              h('strong', {}, `Lines ${l.lineNos.join(', ')}`),
              ` · ${l.state} · ${l.source === 'declared' ? `declared by ${l.declaredBy ?? '—'}` : 'committed date passed'} · ${l.reason}`,
              ` · committed ${date(l.originalDate)}${l.newDate ? `, new date ${date(l.newDate)}` : ''}`,
              ` · opened ${dateTime(l.openedAt)}${l.resolvedAt ? `, resolved ${dateTime(l.resolvedAt)}` : ''}`,
              l.instanceId
                ? [' · ', link(`/instances/${encodeURIComponent(l.instanceId)}`, 'its instance')]
                : null,
            ),
            l.reviews.length
              ? table(
                  ['Meeting', 'Reason', 'New date', 'Told the customer / decision', 'Outcome', 'Recorded'],
                  l.reviews,
                  (r) => [
                    r.meeting,
                    r.reason,
                    date(r.newDate ?? undefined),
                    r.communication,
                    r.outcome,
                    dateTime(r.recordedAt),
                  ],
                )
              : h('p', { class: 'hint' }, 'No meeting has reviewed it yet.'),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'records-part', id: 'contract-communications', 'aria-label': 'Customer communications' },
      h('h3', {}, 'Customer communications'),
      typeof communications === 'string'
        ? h('p', { class: 'hint' }, communications)
        : communications.length
          ? table(['Sent', 'Kind', 'To', 'Subject', 'Delivery'], communications, (m) => [
              dateTime(m.createdAt),
              m.kind,
              m.recipients.join(', '),
              h('span', { title: m.body }, m.subject),
              m.deliveredAt
                ? `delivered ${dateTime(m.deliveredAt)}${m.channel ? ` (${m.channel})` : ''}`
                : h(
                    'span',
                    { class: m.lastError ? 'overdue' : 'hint' },
                    m.lastError ? `pending: ${m.lastError}` : 'pending',
                  ),
            ])
          : h('p', { class: 'hint' }, 'None yet.'),
    ),
  );
}

/** Committed dates of the contract's lines, to mark on the timeline. */
export function committedDates(contract: ContractDetail): { id: string; at: string; label: string }[] {
  const byDate = new Map<string, number[]>();
  for (const line of contract.lines)
    byDate.set(line.committedDate, [...(byDate.get(line.committedDate) ?? []), line.lineNo]);
  return [...byDate].map(([at, lines]) => ({
    id: `committed-${at}`,
    at,
    label: `committed (line ${lines.join(', ')})`,
  }));
}

function fact(term: string, ...value: (Node | string | null)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function part<T>(title: string, id: string, rows: T[], render: () => HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'records-part', id, 'aria-label': title },
    h('h3', {}, title, h('span', { class: 'count' }, ` (${rows.length})`)),
    rows.length ? render() : h('p', { class: 'hint' }, 'None.'),
  );
}
