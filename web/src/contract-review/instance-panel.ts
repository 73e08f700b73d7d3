/**
 * The instance page's contract section: the records of the contract the instance works on
 * (a contract-review instance: its business key is the contract number; the processes it
 * calls carry `contractNo`).
 */
import { ApiError, messageOf } from '../api/client';
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import type { InstanceDetail } from '../api/types';
import { t } from '../i18n';
import { emptyState, errorBox, h, replace } from '../ui/dom';
import type { InstancePanel } from '../web-pack';
import { committedDates, contractRecords } from './contract-records';
import { pack } from './endpoints';

export function contractNoOf(d: InstanceDetail): string | undefined {
  if (d.processId === 'contract-review') return d.businessKey;
  const v = d.variables?.contractNo;
  return typeof v === 'string' && v ? v : undefined;
}

/** The panel for an instance that works on a contract; re-renders only when the records changed (keeps the reader's scroll). */
export function contractInstancePanel(detail: InstanceDetail): InstancePanel | undefined {
  const contractNo = contractNoOf(detail);
  if (!contractNo) return undefined;
  const section = h('section', {
    class: 'card',
    id: 'contract-records',
    'aria-label': t('instance.contractRecords'),
    hidden: true,
  });
  let contract: ContractDetail | undefined;
  let shown = '';
  return {
    section,
    markers: () => (contract ? committedDates(contract) : []),
    async refresh() {
      try {
        const [c, comms] = await Promise.all([
          pack.contract(contractNo),
          pack.communications(contractNo).then(
            (p) => p.items,
            (e: unknown) => t('instance.noComms', { message: messageOf(e) }),
          ),
        ]);
        contract = c;
        const key = JSON.stringify([c, comms]);
        if (key === shown) return;
        shown = key;
        replace(
          section,
          h('h2', {}, t('instance.recordsTitle', { contractNo: c.contractNo })),
          contractRecords(c, comms),
        );
      } catch (error) {
        if (shown === 'error') return;
        shown = 'error';
        replace(
          section,
          h('h2', {}, t('instance.recordsTitle', { contractNo })),
          error instanceof ApiError && error.status === 404
            ? emptyState(t('instance.noContract', { contractNo }))
            : errorBox(messageOf(error)),
        );
      }
      section.hidden = false;
    },
  };
}
