/** Actions while a contract executes: record a delivery (warehouse, PMC), declare a delay (PMC). */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { plantToday, timeZone } from '../ui/format';
import { type ActionSpec, input, select, val } from './action-form';
import { field } from './contract-form';
import { pack, tr } from './endpoints';

export function deliveryAction(c: ContractDetail): ActionSpec {
  const parts = [...new Set(c.lines.map((l) => l.partNo))];
  return {
    id: 'action-delivery',
    title: tr('contract.deliveryTitle'),
    fields: [
      field(
        tr('contract.deliveryPart'),
        'partNo',
        select(
          'partNo',
          parts.map((p) => [p, p]),
        ),
      ),
      field(tr('contract.deliveryQty'), 'quantity', input('quantity', { type: 'number', min: 1 })),
      field(
        tr('contract.deliveredAt'),
        'deliveredAt',
        input('deliveredAt', { type: 'date', value: plantToday() }),
      ),
    ],
    submit: tr('contract.recordDelivery'),
    done: tr('contract.deliveryDone'),
    send: (form) =>
      pack.deliver(c.contractNo, {
        partNo: val(form, 'partNo'),
        quantity: Number(val(form, 'quantity')),
        deliveredAt: val(form, 'deliveredAt') ? plantNoon(val(form, 'deliveredAt')) : '',
      }),
  };
}

export function delayAction(c: ContractDetail): ActionSpec {
  return {
    id: 'action-delay',
    title: tr('contract.delayTitle'),
    fields: [
      field(tr('contract.delayReason'), 'reason', input('reason', { size: 30 })),
      field(tr('contract.delayNewDate'), 'newDate', input('newDate', { type: 'date' })),
    ],
    submit: tr('contract.declareDelay'),
    done: tr('contract.delayDone'),
    send: (form) => pack.delay(c.contractNo, { reason: val(form, 'reason'), newDate: val(form, 'newDate') }),
  };
}

/** A delivery date is a plant-local day: noon in the plant keeps it on that day. */
export function plantNoon(day: string): string {
  return `${day}T12:00:00${offsetOf(timeZone(), Date.parse(`${day}T12:00:00Z`))}`;
}

/** `+08:00` for Asia/Shanghai at that instant. */
function offsetOf(zone: string, at: number): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : 'Z';
}
