/**
 * What the review record (合同评审记录表 / 订单评审记录表) shows: the contract with its
 * record (the contract query), and for every department review the reviewer and time, read
 * from the review task that recorded it.
 */
import { DataSource, Like } from 'typeorm';
import { UserTaskEntity } from '../../../persistence/entities';
import { ContractQueries } from '../contracts/queries/contract-queries.service';

export type ContractRecord = Awaited<ReturnType<ContractQueries['detail']>>;

export interface ReviewRecord {
  contract: ContractRecord;
  reviewers: Map<string, { user: string | null; at: string }>;
}

export async function loadReviewRecord(dataSource: DataSource, contractNo: string): Promise<ReviewRecord> {
  const contract = await new ContractQueries(dataSource).detail(contractNo);
  const tasks = contract.instanceId
    ? await dataSource.getRepository(UserTaskEntity).find({
        // The review tasks run in the stages the contract's instance calls (`<instanceId>/Call_…/…`).
        where: [
          { instanceId: contract.instanceId, state: 'completed' },
          { instanceId: Like(`${contract.instanceId}/%`), state: 'completed' },
        ],
        order: { completedAt: 'ASC' },
      })
    : [];
  const reviewers = new Map<string, { user: string | null; at: string }>();
  for (const review of contract.reviews) {
    // The review task of that department completed last before the review was recorded.
    const task = tasks
      .filter(
        (t) =>
          t.candidateGroups.includes(review.department) &&
          t.completedAt !== null &&
          t.completedAt <= review.recordedAt,
      )
      .pop();
    reviewers.set(review.id, { user: task?.completedBy ?? null, at: task?.completedAt ?? review.recordedAt });
  }
  return { contract, reviewers };
}
