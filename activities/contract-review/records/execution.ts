/** Contract execution state read from the lines: committed load, what is still due, on-time lines. */
import { EntityManager, In, Not } from 'typeorm';
import {
  ContractEntity,
  ContractLineEntity,
  DeliveryEntity,
} from '../../../persistence/entities/contract-review';
import { dueDatePassedAt } from '../domain/dates';
import type { DueLine } from '../domain/on-time';

/** Contracts whose open quantities count as committed load on stock and capacity. */
export const COMMITTED_STATUSES = ['signed', 'executing'];

export async function committedLoad(
  em: EntityManager,
  partNos: string[],
  excludeContractNo: string,
): Promise<Map<string, number>> {
  const load = new Map<string, number>();
  if (!partNos.length) return load;
  const contracts = await em.find(ContractEntity, {
    select: { contractNo: true },
    where: { status: In(COMMITTED_STATUSES), contractNo: Not(excludeContractNo) },
  });
  if (!contracts.length) return load;
  const lines = await em.find(ContractLineEntity, {
    where: { partNo: In(partNos), contractNo: In(contracts.map((c) => c.contractNo)) },
  });
  for (const line of lines)
    load.set(line.partNo, (load.get(line.partNo) ?? 0) + Math.max(0, line.quantity - line.deliveredQty));
  return load;
}

const WATCHDOG_MS = 30 * 86400_000;

export type ExecutionState = {
  allDelivered: boolean;
  /** When the due-date timer fires next: the day after the earliest open committed date not yet raised late (plant wall time), or a watchdog. */
  nextDueDate: string;
};

export async function executionState(
  em: EntityManager,
  contractNo: string,
  now: number,
): Promise<ExecutionState> {
  const lines = await em.find(ContractLineEntity, { where: { contractNo }, order: { lineNo: 'ASC' } });
  const open = lines.filter((l) => l.deliveredQty < l.quantity);
  const watch = open
    .filter((l) => !l.lateRaisedAt)
    .map((l) => l.committedDate)
    .sort();
  return {
    allDelivered: open.length === 0,
    nextDueDate: watch.length ? dueDatePassedAt(watch[0]) : new Date(now + WATCHDOG_MS).toISOString(),
  };
}

/** Lines whose committed date falls in [from, to], with their deliveries. */
export async function loadDueLines(
  em: EntityManager,
  from: string,
  to: string,
  customerId?: string,
): Promise<DueLine[]> {
  const qb = em
    .createQueryBuilder(ContractLineEntity, 'l')
    .innerJoin(ContractEntity, 'c', 'c."contractNo" = l."contractNo"')
    .addSelect('c."customerId"', 'customerId');
  qb.where('l."committedDate" >= :from AND l."committedDate" <= :to', { from, to }).andWhere(
    'c.status NOT IN (:...excluded)',
    { excluded: ['declined', 'intake', 'in-review', 'negotiation'] },
  );
  if (customerId) qb.andWhere('c."customerId" = :customerId', { customerId });
  const { entities, raw } = await qb.getRawAndEntities();
  const customerOf = new Map<string, string>(
    entities.map((line, i) => [line.id, (raw[i] as { customerId: string }).customerId]),
  );
  const deliveries = entities.length
    ? await em.find(DeliveryEntity, {
        where: { contractNo: In([...new Set(entities.map((l) => l.contractNo))]) },
      })
    : [];
  return entities.map((line) => ({
    contractNo: line.contractNo,
    lineNo: line.lineNo,
    customerId: customerOf.get(line.id) ?? '',
    quantity: line.quantity,
    committedDate: line.committedDate,
    deliveries: deliveries
      .filter((d) => d.contractNo === line.contractNo && d.lineNo === line.lineNo)
      .map((d) => ({ quantity: d.quantity, deliveredAt: d.deliveredAt })),
  }));
}
