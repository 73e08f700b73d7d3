/** Sales' actions on a contract: amend it (CR-9), record the customer's confirmation of a telephone memo (CR-1). */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { h } from '../ui/dom';
import { type ActionSpec, input, select, val } from './action-form';
import { field } from './contract-form';
import { plantNoon } from './execution-actions';
import { pack, tr } from './endpoints';

export function amendAction(c: ContractDetail): ActionSpec {
  return {
    id: 'action-amend',
    title: tr('contract.amendTitle'),
    fields: [
      field(
        tr('contract.amendRequestedBy'),
        'requestedBy',
        select('requestedBy', [
          ['customer', tr('contract.amendCustomer')],
          ['company', tr('contract.amendCompany')],
        ]),
      ),
      field(
        tr('contract.amendPayment'),
        'changes.paymentTerms',
        input('paymentTerms', { value: c.paymentTerms }),
      ),
      field(tr('contract.amendReason'), 'reason', input('reason', { size: 30 })),
    ],
    submit: tr('contract.amend'),
    done: tr('contract.amendDone'),
    send: (form) =>
      pack.amend(c.contractNo, {
        requestedBy: val(form, 'requestedBy'),
        changes: { paymentTerms: val(form, 'paymentTerms') },
        reason: val(form, 'reason'),
      }),
  };
}

/** Shown while a telephone order's memo waits for the customer's confirmation. */
export function awaitsConfirmation(c: ContractDetail): boolean {
  return (
    c.channel === 'phone' &&
    c.status === 'intake' &&
    c.telephoneMemo?.confirmationRequired === true &&
    !c.milestones.customerConfirmation
  );
}

export function confirmationAction(c: ContractDetail): ActionSpec {
  const channels = ['phone', 'email', 'fax', 'signed-memo'];
  return {
    id: 'action-confirmation',
    title: tr('contract.confirmTitle'),
    fields: [
      h('p', { class: 'hint' }, c.telephoneMemo?.memoText ?? ''),
      field(
        tr('contract.confirmBy'),
        'confirmedBy',
        input('confirmedBy', { size: 24, value: c.telephoneMemo?.customerContact ?? '' }),
      ),
      field(
        tr('contract.confirmChannel'),
        'channel',
        select(
          'channel',
          channels.map((ch) => [ch, tr(`contract.confirmChannels.${ch}`)]),
        ),
      ),
      field(tr('contract.confirmDate'), 'confirmedAt', input('confirmedAt', { type: 'date' })),
      field(tr('contract.confirmNote'), 'note', input('note', { size: 30 })),
    ],
    submit: tr('contract.confirm'),
    done: tr('contract.confirmDone'),
    send: (form) =>
      pack.confirmMemo(c.contractNo, {
        confirmedBy: val(form, 'confirmedBy'),
        channel: val(form, 'channel'),
        ...(val(form, 'confirmedAt') ? { confirmedAt: plantNoon(val(form, 'confirmedAt')) } : {}),
        ...(val(form, 'note') ? { note: val(form, 'note') } : {}),
      }),
  };
}
