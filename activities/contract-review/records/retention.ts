/** CR-11: the retention of archived contracts, computed from the parts master and recomputed when a part's life changes. */
import { type EntityManager, In, IsNull, Not } from 'typeorm';
import {
  ContractEntity,
  ContractLineEntity,
  CustomerEntity,
  PartEntity,
} from '../../../persistence/entities/contract-review';
import { retentionUntil } from '../domain/retention';

/** The retention of one contract from its parts' life ends and its customer's extra years. */
export async function contractRetention(
  em: EntityManager,
  contract: Pick<ContractEntity, 'contractNo' | 'customerId'>,
  archivedOn: string,
): Promise<string | null> {
  const lines = await em.find(ContractLineEntity, { where: { contractNo: contract.contractNo } });
  const partNos = [...new Set(lines.map((l) => l.partNo))];
  const parts = partNos.length ? await em.find(PartEntity, { where: { partNo: In(partNos) } }) : [];
  // A part missing from the master has no known end of life: retention stays open.
  const lifeEnds = partNos.map((no) => parts.find((p) => p.partNo === no)?.activeUntil ?? null);
  const customer = await em.findOneBy(CustomerEntity, { customerId: contract.customerId });
  return retentionUntil(lifeEnds, customer?.extraRetentionYears ?? 0, archivedOn);
}

/**
 * After a part's life changed: every archived contract with a line of that part gets its
 * retention recomputed. Returns the contracts whose retention changed, with the new value.
 */
export async function recomputeRetentionForPart(
  em: EntityManager,
  partNo: string,
  at: string,
): Promise<{ contractNo: string; retentionUntil: string | null }[]> {
  const lines = await em.find(ContractLineEntity, { select: { contractNo: true }, where: { partNo } });
  const contractNos = [...new Set(lines.map((l) => l.contractNo))];
  if (!contractNos.length) return [];
  const archived = await em.find(ContractEntity, {
    where: { contractNo: In(contractNos), archivedAt: Not(IsNull()) },
  });
  const changed: { contractNo: string; retentionUntil: string | null }[] = [];
  for (const contract of archived) {
    const retention = await contractRetention(em, contract, contract.archivedAt!.slice(0, 10));
    if (retention === contract.retentionUntil) continue;
    await em.update(
      ContractEntity,
      { contractNo: contract.contractNo },
      { retentionUntil: retention, updatedAt: at },
    );
    changed.push({ contractNo: contract.contractNo, retentionUntil: retention });
  }
  return changed;
}
