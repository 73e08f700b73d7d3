/**
 * The actions on one contract, by role: record a delivery (warehouse, PMC), declare a delay
 * (PMC), amend (sales). Each is a small form posting to the pack's API; refusals land on
 * their fields.
 */
import { messageOf } from '../api/client';
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { currentSession, hasGroup } from '../auth';
import { errorBox, h, replace, toast } from '../ui/dom';
import { plantToday } from '../ui/format';
import { field } from './contract-form';
import { pack, tr } from './endpoints';
import { clearFieldErrors, showFieldErrors } from './field-errors';

type Send = (form: HTMLFormElement) => Promise<unknown>;

function actionForm(
  id: string,
  title: string,
  fields: HTMLElement[],
  submit: string,
  done: string,
  send: Send,
  after: () => void,
) {
  const status = h('div', { class: 'form-status', role: 'status' });
  const form = h(
    'form',
    { class: 'card action-form', id, novalidate: true },
    h('h3', {}, title),
    ...fields,
    h('button', { type: 'submit', class: 'btn btn-primary' }, submit),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      await send(form);
      replace(status, h('div', { class: 'success-box' }, done));
      toast(done, 'success');
      after();
    } catch (error) {
      showFieldErrors(form, error);
      replace(status, errorBox(messageOf(error)));
    }
  });
  return form;
}

const input = (name: string, attrs: Record<string, string | number | boolean> = {}) =>
  h('input', { name, ...attrs });
const val = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement).value.trim();

export function contractActions(c: ContractDetail, refresh: () => void): HTMLElement | null {
  const session = currentSession();
  const forms: HTMLElement[] = [];
  const parts = [...new Set(c.lines.map((l) => l.partNo))];
  if (hasGroup(session, 'warehouse', 'pmc', 'admin'))
    forms.push(
      actionForm(
        'action-delivery',
        tr('contract.deliveryTitle'),
        [
          field(
            tr('contract.deliveryPart'),
            'partNo',
            h(
              'select',
              { name: 'partNo' },
              parts.map((p) => h('option', { value: p }, p)),
            ),
          ),
          field(tr('contract.deliveryQty'), 'quantity', input('quantity', { type: 'number', min: 1 })),
          field(
            tr('contract.deliveredAt'),
            'deliveredAt',
            input('deliveredAt', { type: 'date', value: plantToday() }),
          ),
        ],
        tr('contract.recordDelivery'),
        tr('contract.deliveryDone'),
        (form) =>
          pack.deliver(c.contractNo, {
            partNo: val(form, 'partNo'),
            quantity: Number(val(form, 'quantity')),
            // A delivery date is a plant-local day: noon in the plant keeps it on that day.
            deliveredAt: val(form, 'deliveredAt') ? `${val(form, 'deliveredAt')}T12:00:00+08:00` : '',
          }),
        refresh,
      ),
    );
  if (hasGroup(session, 'pmc', 'admin'))
    forms.push(
      actionForm(
        'action-delay',
        tr('contract.delayTitle'),
        [
          field(tr('contract.delayReason'), 'reason', input('reason', { size: 30 })),
          field(tr('contract.delayNewDate'), 'newDate', input('newDate', { type: 'date' })),
        ],
        tr('contract.declareDelay'),
        tr('contract.delayDone'),
        (form) => pack.delay(c.contractNo, { reason: val(form, 'reason'), newDate: val(form, 'newDate') }),
        refresh,
      ),
    );
  if (hasGroup(session, 'sales', 'admin'))
    forms.push(
      actionForm(
        'action-amend',
        tr('contract.amendTitle'),
        [
          field(
            tr('contract.amendRequestedBy'),
            'requestedBy',
            h(
              'select',
              { name: 'requestedBy' },
              h('option', { value: 'customer' }, tr('contract.amendCustomer')),
              h('option', { value: 'company' }, tr('contract.amendCompany')),
            ),
          ),
          field(
            tr('contract.amendPayment'),
            'changes.paymentTerms',
            input('paymentTerms', { value: c.paymentTerms }),
          ),
          field(tr('contract.amendReason'), 'reason', input('reason', { size: 30 })),
        ],
        tr('contract.amend'),
        tr('contract.amendDone'),
        (form) =>
          pack.amend(c.contractNo, {
            requestedBy: val(form, 'requestedBy'),
            changes: { paymentTerms: val(form, 'paymentTerms') },
            reason: val(form, 'reason'),
          }),
        refresh,
      ),
    );
  return forms.length
    ? h(
        'section',
        { class: 'contract-actions', id: 'contract-actions' },
        h('h2', {}, tr('contract.actions')),
        ...forms,
      )
    : null;
}
