/** The contract's facts: number, customer, status, class and why, revision, flags, reviewers, terms, retention. */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { h } from '../ui/dom';
import { date, dateTime } from '../ui/format';
import { codeName, codeNames } from './code-names';
import { tr } from './endpoints';
import { fact } from './records-part';

export function contractFacts(c: ContractDetail): HTMLElement {
  return h(
    'dl',
    { class: 'facts-list', id: 'contract-facts' },
    fact(
      tr('records.contract'),
      tr('records.contractValue', {
        contractNo: c.contractNo,
        documentType: codeName('documentType', c.documentType),
        channel: codeName('channel', c.channel),
      }),
    ),
    fact(tr('records.customer'), c.customerId),
    fact(
      tr('records.status'),
      h('span', { class: `state contract-${c.status}` }, codeName('status', c.status)),
    ),
    fact(tr('records.class'), ...classFact(c)),
    fact(tr('records.revision'), String(c.revision)),
    fact(tr('records.flags'), flags(c) || '—'),
    fact(
      tr('records.reviewers'),
      c.reviewers.length
        ? codeNames('department', c.reviewers) +
            (c.reviewMode ? tr('records.reviewMode', { mode: codeName('mode', c.reviewMode) }) : '')
        : '—',
    ),
    fact(tr('records.paymentTerms'), c.paymentTerms || '—'),
    fact(
      tr('records.deliveryTerms'),
      c.delivery
        ? [c.delivery.method, c.delivery.place, c.delivery.packaging, c.delivery.transport]
            .filter(Boolean)
            .join(' · ')
        : '—',
    ),
    fact(tr('records.recorded'), tr('records.recordedBy', { when: dateTime(c.createdAt), who: c.createdBy })),
    fact(tr('records.retention'), h('span', { id: 'contract-retention' }, retention(c))),
  );
}

function classFact(c: ContractDetail): (Node | string | null)[] {
  return [
    h(
      'span',
      { id: 'contract-class' },
      tr(`classes.${c.class}`),
      c.contractClass ? tr('records.confirmed') : tr('records.proposed'),
    ),
    c.classReasons.length ? h('span', { class: 'hint' }, ` — ${c.classReasons.join('; ')}`) : null,
    c.classOverrideReason
      ? h('span', { class: 'hint' }, tr('records.overridden', { reason: c.classOverrideReason }))
      : null,
  ];
}

function flags(c: ContractDetail): string {
  return [
    c.annual && tr('records.flagAnnual'),
    c.automotive && tr('records.flagAutomotive'),
    c.newProduct && tr('records.flagNewProduct'),
    c.oemSupply && tr('records.flagOemSupply'),
  ]
    .filter(Boolean)
    .join(tr('records.listSeparator'));
}

function retention(c: ContractDetail): string {
  if (c.retentionUntil) return tr('records.keptUntil', { date: date(c.retentionUntil) });
  if (c.archivedAt) return tr('records.archived', { when: dateTime(c.archivedAt) });
  return tr('records.retentionOpen');
}
