/** The instance page's contract section: the records of the contract the instance works on. */
import { ApiError, messageOf } from '../api/client';
import { contracts } from '../api/endpoints';
import type { ContractDetail, InstanceDetail } from '../api/types';
import { t } from '../i18n';
import { emptyState, errorBox, h, replace } from '../ui/dom';
import { contractRecords } from './contract-records';

/** The contract an instance works on: contract-review's business key is the contract number; its called processes carry `contractNo`. */
export function contractNoOf(d: InstanceDetail): string | undefined {
  if (d.processId === 'contract-review') return d.businessKey;
  const v = d.variables?.contractNo;
  return typeof v === 'string' && v ? v : undefined;
}

/** Shows the contract's records in `section`; re-renders only when they changed (keeps the reader's scroll). */
export class ContractSection {
  contract: ContractDetail | undefined;
  private shown = '';

  constructor(
    private readonly section: HTMLElement,
    private readonly contractNo: string | undefined,
  ) {}

  async refresh(): Promise<void> {
    const { contractNo, section } = this;
    if (!contractNo) return;
    try {
      const [c, comms] = await Promise.all([
        contracts.get(contractNo),
        contracts.communications(contractNo).then(
          (p) => p.items,
          (e: unknown) => t('instance.noComms', { message: messageOf(e) }),
        ),
      ]);
      this.contract = c;
      const key = JSON.stringify([c, comms]);
      if (key === this.shown) return;
      this.shown = key;
      replace(
        section,
        h('h2', {}, t('instance.recordsTitle', { contractNo: c.contractNo })),
        contractRecords(c, comms),
      );
    } catch (error) {
      if (this.shown === 'error') return;
      this.shown = 'error';
      replace(
        section,
        h('h2', {}, t('instance.recordsTitle', { contractNo })),
        error instanceof ApiError && error.status === 404
          ? emptyState(t('instance.noContract', { contractNo }))
          : errorBox(messageOf(error)),
      );
    }
    section.hidden = false;
  }
}
