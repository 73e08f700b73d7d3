/** The contract record's order parts: lines with committed and delivered quantities, the revision history, the deliveries. */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { h, table } from '../ui/dom';
import { date, dateTime } from '../ui/format';
import { codeName } from './code-names';
import { tr } from './endpoints';
import { part } from './records-part';

export function linesPart(c: ContractDetail): HTMLElement {
  return part(tr('records.lines'), 'contract-lines', c.lines, () =>
    table(
      [
        tr('records.colLine'),
        tr('records.colPart'),
        tr('records.colQty'),
        tr('records.colUnitPrice'),
        tr('records.colRequested'),
        tr('records.colCommitted'),
        tr('records.colDelivered'),
        tr('records.colLateRaised'),
      ],
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
  );
}

export function revisionsPart(c: ContractDetail): HTMLElement {
  return part(tr('records.revisions'), 'contract-revisions', c.revisions, () =>
    table(
      [
        tr('records.colRev'),
        tr('records.colRequestedBy'),
        tr('records.colChanges'),
        tr('records.colReason'),
        tr('records.colRecorded'),
      ],
      c.revisions,
      (r) => [
        String(r.revision),
        codeName('requestedBy', r.requestedBy),
        h(
          'code',
          { class: 'changes' },
          Object.entries(r.changes)
            .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join('; ') || '—',
        ),
        r.reason,
        `${dateTime(r.recordedAt)} · ${r.recordedBy}`,
      ],
    ),
  );
}

export function deliveriesPart(c: ContractDetail): HTMLElement {
  return part(tr('records.deliveries'), 'contract-deliveries', c.deliveries, () =>
    table(
      [
        tr('records.colLine'),
        tr('records.colPart'),
        tr('records.colQty'),
        tr('records.colDelivered'),
        tr('records.colCommitted'),
        tr('records.colOnTime'),
        tr('records.colRecordedBy'),
      ],
      c.deliveries,
      (d) => [
        String(d.lineNo),
        d.partNo,
        String(d.quantity),
        dateTime(d.deliveredAt),
        date(d.committedDate),
        d.onTime
          ? h('span', { class: 'ok' }, tr('records.onTime'))
          : h('span', { class: 'overdue' }, tr('records.late')),
        d.recordedBy,
      ],
    ),
  );
}
