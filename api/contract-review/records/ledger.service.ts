/** The contract ledger (合同台帐): contracts with their committed dates, deliveries and late flags, filtered. */
import { DataSource, type FindOptionsWhere, In } from 'typeorm';
import {
  ContractEntity,
  ContractLineEntity,
  LateOrderEntity,
} from '../../../persistence/entities/contract-review';
import type { LedgerResponse, LedgerRow } from './ledger.response';

export interface LedgerFilter {
  customerId?: string;
  class?: 'regular' | 'non-regular';
  status?: string;
  late?: boolean;
  /** Received on or after / on or before (YYYY-MM-DD, plant-local day of createdAt). */
  from?: string;
  to?: string;
}

const MAX_ROWS = 2000;

export async function ledger(
  dataSource: DataSource,
  filter: LedgerFilter,
  timeZone: string,
): Promise<LedgerResponse> {
  const where: FindOptionsWhere<ContractEntity> = {};
  if (filter.customerId) where.customerId = filter.customerId;
  if (filter.status) where.status = filter.status as ContractEntity['status'];
  const contracts = await dataSource
    .getRepository(ContractEntity)
    .find({ where, order: { createdAt: 'DESC', contractNo: 'ASC' }, take: MAX_ROWS + 1 });
  const ids = contracts.map((c) => c.contractNo);
  const [lines, lateOrders] = ids.length
    ? await Promise.all([
        dataSource
          .getRepository(ContractLineEntity)
          .find({ where: { contractNo: In(ids) }, order: { lineNo: 'ASC' } }),
        dataSource.getRepository(LateOrderEntity).find({ where: { contractNo: In(ids) } }),
      ])
    : [[], []];
  const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.parse(iso));
  const rows: LedgerRow[] = contracts.slice(0, MAX_ROWS).map((c) => {
    const late = lateOrders.filter((l) => l.contractNo === c.contractNo);
    return {
      contractNo: c.contractNo,
      customerId: c.customerId,
      class: c.contractClass ?? c.proposedClass,
      status: c.status,
      revision: c.revision,
      instanceId: c.instanceId,
      createdAt: c.createdAt,
      lines: lines
        .filter((l) => l.contractNo === c.contractNo)
        .map((l) => ({
          lineNo: l.lineNo,
          partNo: l.partNo,
          quantity: l.quantity,
          committedDate: l.committedDate,
          deliveredQty: l.deliveredQty,
        })),
      late: late.some((l) => l.state !== 'resolved'),
      lateOrders: late.length,
    };
  });
  const items = rows.filter(
    (r) =>
      (!filter.class || r.class === filter.class) &&
      (filter.late === undefined || r.late === filter.late) &&
      (!filter.from || day(r.createdAt) >= filter.from) &&
      (!filter.to || day(r.createdAt) <= filter.to),
  );
  return { items, truncated: contracts.length > MAX_ROWS };
}
