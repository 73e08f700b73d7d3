/** The contract record's review parts: department reviews per checklist item, measures, special characteristics and requirements, change notices. */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { h, table } from '../ui/dom';
import { date, dateTime } from '../ui/format';
import { codeName } from './code-names';
import { tr } from './endpoints';
import { part } from './records-part';

const CHECKLIST = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];

export function reviewsPart(c: ContractDetail): HTMLElement {
  return part(tr('records.reviews'), 'contract-reviews', c.reviews, () => {
    const items = CHECKLIST.filter((item) => c.reviews.some((r) => r.checklist[item]));
    const th = (text: string, title?: string) => h('th', { scope: 'col', title }, text);
    return h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table review-table', 'aria-label': tr('records.reviewsTable') },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            th(tr('records.colRev')),
            th(tr('records.colDepartment')),
            th(tr('records.colMode')),
            items.map((i) => th(i, tr(`records.checklist.${i}`))),
            th(tr('records.colVerdict')),
            th(tr('records.colComments')),
            th(tr('records.colRecorded')),
          ),
        ),
        h(
          'tbody',
          {},
          c.reviews.map((r) => reviewRow(r, items)),
        ),
      ),
    );
  });
}

function reviewRow(r: ContractDetail['reviews'][number], items: string[]): HTMLElement {
  return h(
    'tr',
    { 'data-department': r.department },
    h('td', {}, String(r.revision)),
    h('td', {}, codeName('department', r.department)),
    h('td', {}, codeName('mode', r.mode)),
    items.map((i) => {
      const v = r.checklist[i];
      return h(
        'td',
        {
          class: v ? `verdict verdict-${v}` : 'hint',
          'data-item': i,
          title: v
            ? `${tr(`records.checklist.${i}`)}: ${codeName('verdict', v)}`
            : tr('records.notThisDepartment'),
        },
        v ? codeName('verdict', v) : '',
      );
    }),
    h('td', { class: `verdict verdict-${r.verdict}` }, codeName('verdict', r.verdict)),
    h('td', {}, r.comments ?? '—'),
    h('td', {}, dateTime(r.recordedAt)),
  );
}

export function measuresPart(c: ContractDetail): HTMLElement {
  return part(tr('records.measures'), 'contract-measures', c.measures, () =>
    table(
      [
        tr('records.colRev'),
        tr('records.colMeasure'),
        tr('records.colDepartment'),
        tr('records.colOwner'),
        tr('records.colDue'),
        tr('records.colStatus'),
        tr('records.colEvidence'),
      ],
      c.measures,
      (m) => [
        String(m.revision),
        m.description,
        codeName('department', m.department),
        m.owner,
        h(
          'span',
          { class: m.status === 'open' && Date.parse(m.dueDate) < Date.now() ? 'overdue' : '' },
          date(m.dueDate),
        ),
        m.status === 'done'
          ? tr('records.measureDone', { when: dateTime(m.completedAt ?? undefined) })
          : tr('records.measureOpen'),
        m.evidence ?? '—',
      ],
    ),
  );
}

export function specialPart(c: ContractDetail): HTMLElement {
  return part(
    tr('records.special'),
    'contract-special',
    [...c.specialCharacteristics, ...c.specialRequirements],
    () =>
      h(
        'div',
        {},
        c.specialCharacteristics.length
          ? table(
              [tr('records.colCharacteristic'), tr('records.colSymbol'), tr('records.colDocument')],
              c.specialCharacteristics,
              (s) => [s.characteristic, h('strong', { class: 'symbol' }, s.symbol), s.documentRef ?? '—'],
            )
          : null,
        c.specialRequirements.length
          ? table(
              [tr('records.colRequirement'), tr('records.colSourceDocument'), tr('records.colSymbol')],
              c.specialRequirements,
              (s) => [s.text, s.sourceDocument, s.symbol ?? '—'],
            )
          : null,
      ),
  );
}

export function changeNoticesPart(c: ContractDetail): HTMLElement {
  return part(tr('records.changeNotices'), 'contract-change-notices', c.changeNotices, () =>
    table(
      [
        tr('records.colRev'),
        tr('records.colDepartment'),
        tr('records.colSummary'),
        tr('records.colIssued'),
        tr('records.colAcknowledged'),
      ],
      c.changeNotices,
      (n) => [
        String(n.revision),
        codeName('department', n.department),
        n.summary,
        dateTime(n.issuedAt),
        n.acknowledgedAt
          ? `${dateTime(n.acknowledgedAt)}${n.acknowledgementNotes ? ` — ${n.acknowledgementNotes}` : ''}`
          : h('span', { class: 'overdue' }, tr('records.notYet')),
      ],
    ),
  );
}
