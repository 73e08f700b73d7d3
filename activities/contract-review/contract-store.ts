/** Loading and updating the contract record inside an activity's transaction. */
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ContractEntity } from '../../persistence/entities/contract-review';
import { badInput } from './support';

export async function loadContract(em: EntityManager, contractNo: string): Promise<ContractEntity> {
  const contract = await em.findOneBy(ContractEntity, { contractNo });
  if (!contract) throw badInput(`contract ${contractNo} is not on record`);
  return contract;
}

export async function updateContract(
  em: EntityManager,
  contractNo: string,
  changes: Partial<ContractEntity>,
  at: string,
): Promise<void> {
  await em.update(ContractEntity, { contractNo }, {
    ...changes,
    updatedAt: at,
  } as QueryDeepPartialEntity<ContractEntity>);
}

export async function addMilestone(
  em: EntityManager,
  contract: ContractEntity,
  step: string,
  data: Record<string, unknown>,
  at: string,
): Promise<void> {
  await updateContract(
    em,
    contract.contractNo,
    { milestones: { ...contract.milestones, [step]: { ...data, at } } },
    at,
  );
}

export const customerRecipient = (customerId: string) => `customer:${customerId}`;
export const groupRecipient = (group: string) => `group:${group}`;
