/**
 * The contract's records, on its page and on its instance view (GET /api/contracts/:contractNo
 * and its customer communications from GET /api/outbox?contractNo): the facts, order lines,
 * revision history, department reviews with each checklist item's verdict, measures, special
 * characteristics, change notices, deliveries, late orders with their meeting entries and
 * communications. Each part is drawn by its own function (contract-*-parts.ts).
 */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import type { OutboxMessage } from '../../../api/contract-review/outbox/outbox.response';
import { h } from '../ui/dom';
import { tr } from './endpoints';
import { contractFacts } from './contract-facts';
import { communicationsPart, lateOrdersPart } from './contract-late-parts';
import { deliveriesPart, linesPart, revisionsPart } from './contract-order-parts';
import { changeNoticesPart, measuresPart, reviewsPart, specialPart } from './contract-review-parts';

export function contractRecords(
  contract: ContractDetail,
  communications: OutboxMessage[] | string,
): HTMLElement {
  return h(
    'div',
    { class: 'contract-records' },
    contractFacts(contract),
    linesPart(contract),
    revisionsPart(contract),
    reviewsPart(contract),
    measuresPart(contract),
    specialPart(contract),
    changeNoticesPart(contract),
    deliveriesPart(contract),
    lateOrdersPart(contract),
    communicationsPart(communications),
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
    label: tr('records.committedMarker', { lines: lines.join(', ') }),
  }));
}
