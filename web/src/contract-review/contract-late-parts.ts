/** The contract record's late orders (with each meeting's entry) and its customer communications. */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import type { OutboxMessage } from '../../../api/contract-review/outbox/outbox.response';
import { h, link, table } from '../ui/dom';
import { date, dateTime } from '../ui/format';
import { codeName } from './code-names';
import { tr } from './endpoints';
import { part } from './records-part';

type LateOrder = ContractDetail['lateOrders'][number];

export function lateOrdersPart(c: ContractDetail): HTMLElement {
  return part(tr('records.lateOrders'), 'contract-late-orders', c.lateOrders, () =>
    h('div', {}, c.lateOrders.map(lateOrder)),
  );
}

function lateOrder(l: LateOrder): HTMLElement {
  const facts = [
    codeName('lateState', l.state),
    l.source === 'declared'
      ? tr('records.declaredBy', { who: l.declaredBy ?? '—' })
      : tr('records.datePassed'),
    l.reason,
    [
      tr('records.committedOn', { date: date(l.originalDate) }),
      l.newDate ? tr('records.newDate', { date: date(l.newDate) }) : null,
    ]
      .filter(Boolean)
      .join(tr('records.listSeparator')),
    [
      tr('records.openedOn', { when: dateTime(l.openedAt) }),
      l.resolvedAt ? tr('records.resolvedOn', { when: dateTime(l.resolvedAt) }) : null,
    ]
      .filter(Boolean)
      .join(tr('records.listSeparator')),
  ];
  return h(
    'div',
    { class: 'late-order', 'data-late-order': l.id },
    h(
      'p',
      {},
      h('strong', {}, tr('records.lateLines', { lines: l.lineNos.join(', ') })),
      facts.map((f) => ` · ${f}`),
      l.instanceId
        ? [' · ', link(`/instances/${encodeURIComponent(l.instanceId)}`, tr('records.itsInstance'))]
        : null,
    ),
    l.reviews.length ? meetingEntries(l) : h('p', { class: 'hint' }, tr('records.noMeeting')),
  );
}

function meetingEntries(l: LateOrder): HTMLElement {
  return table(
    [
      tr('records.colMeeting'),
      tr('records.colReason'),
      tr('records.colNewDate'),
      tr('records.colCommunication'),
      tr('records.colOutcome'),
      tr('records.colRecorded'),
    ],
    l.reviews,
    (r) => [
      codeName('meeting', r.meeting),
      r.reason,
      date(r.newDate ?? undefined),
      r.communication,
      r.outcome,
      dateTime(r.recordedAt),
    ],
  );
}

export function communicationsPart(communications: OutboxMessage[] | string): HTMLElement {
  const title = tr('records.communications');
  return h(
    'section',
    { class: 'records-part', id: 'contract-communications', 'aria-label': title },
    h('h3', {}, title),
    typeof communications === 'string'
      ? h('p', { class: 'hint' }, communications)
      : communications.length
        ? table(
            [
              tr('records.colSent'),
              tr('records.colKind'),
              tr('records.colTo'),
              tr('records.colSubject'),
              tr('records.colDelivery'),
            ],
            communications,
            (m) => [
              dateTime(m.createdAt),
              codeName('messageKind', m.kind),
              m.recipients.join(', '),
              h('span', { title: m.body }, m.subject),
              delivery(m),
            ],
          )
        : h('p', { class: 'hint' }, tr('records.noneYet')),
  );
}

function delivery(m: OutboxMessage): Node | string {
  if (m.deliveredAt)
    return m.channel
      ? tr('records.deliveredVia', { when: dateTime(m.deliveredAt), channel: m.channel })
      : tr('records.delivered', { when: dateTime(m.deliveredAt) });
  return h(
    'span',
    { class: m.lastError ? 'overdue' : 'hint' },
    m.lastError ? tr('records.pendingError', { error: m.lastError }) : tr('records.pending'),
  );
}
