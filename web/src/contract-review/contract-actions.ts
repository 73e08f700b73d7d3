/**
 * The actions on one contract, by role: record a delivery (warehouse, PMC), declare a delay
 * (PMC), amend (sales), record the customer's confirmation of a telephone memo (sales).
 */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { currentSession, hasGroup } from '../auth';
import { h } from '../ui/dom';
import { actionForm, type ActionSpec } from './action-form';
import { tr } from './endpoints';
import { delayAction, deliveryAction } from './execution-actions';
import { amendAction, awaitsConfirmation, confirmationAction } from './sales-actions';

export function contractActions(c: ContractDetail, refresh: () => void): HTMLElement | null {
  const session = currentSession();
  const specs: ActionSpec[] = [];
  if (awaitsConfirmation(c) && hasGroup(session, 'sales', 'admin')) specs.push(confirmationAction(c));
  if (hasGroup(session, 'warehouse', 'pmc', 'admin')) specs.push(deliveryAction(c));
  if (hasGroup(session, 'pmc', 'admin')) specs.push(delayAction(c));
  if (hasGroup(session, 'sales', 'admin')) specs.push(amendAction(c));
  if (!specs.length) return null;
  return h(
    'section',
    { class: 'contract-actions', id: 'contract-actions' },
    h('h2', {}, tr('contract.actions')),
    ...specs.map((spec) => actionForm(spec, refresh)),
  );
}
